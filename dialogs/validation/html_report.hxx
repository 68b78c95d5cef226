// Validation reports as one self-contained HTML page, in English or French: the same page for
// the dialog's "Export report" and for `onepercent-validate --format html`. It proves what the
// text report proves: the date, the file's SHA-256, the rule set's version and date, the
// tool's version, the figures the validator computed beside those the workbook shows, every
// finding, and every rule checked with its count. Every text is escaped. No UNO in here.
#pragma once

#include "validator.hxx"

#include <string>
#include <string_view>
#include <vector>

namespace onepercent::validation
{
// &, <, >, " and ' as entities.
std::string html_escape(std::string_view text);

// A finding's value as the reader's language writes it: a plain number gets a decimal comma
// in French ("31.5" -> "31,5"); anything else is kept as it is.
std::string display_value(const std::string& value, Language language);

struct HtmlOptions
{
    // When the report was made, as shown ("2025-03-14 10:22 UTC"); "" for now.
    std::string generated;
    // The dialog validated a document with changes not saved: its figures are of those
    // changes, not of the file on disk (there is then no SHA-256).
    bool unsaved_changes = false;
};

// "2025-03-14 10:22 UTC" for the current time (UTC, whatever the locale).
std::string utc_now_text();

std::string
format_html(const std::vector<Report>& reports, Language language, const HtmlOptions& options = {});
} // namespace onepercent::validation
