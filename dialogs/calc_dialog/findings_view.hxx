// What the validation dialog shows, computed from a validation Report: the header lines and
// the verdict, the findings list (ordered by sheet, row and column; filtered by severity),
// the selected finding's detail, and the table of the report sheet. No UNO in here, so
// that all of it is unit-tested.
#pragma once

#include "validator.hxx"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::calc_dialog
{
using validation::Finding;
using validation::Report;
using validation::Severity;

// Zero-based row and column of an A1 cell name ("C12" -> 11, 2); nullopt if not one.
struct CellPosition
{
    std::size_t row = 0;
    std::size_t column = 0;
};
std::optional<CellPosition> parse_cell_name(std::string_view cell);

// Number of characters (code points) of UTF-8 text.
std::size_t utf8_length(std::string_view text);
// `text` cut to `width` characters ("…" as the last one when cut) and padded with spaces.
std::string fit(std::string_view text, std::size_t width);

struct SeverityFilter
{
    bool errors = true;
    bool warnings = true;
    bool infos = true;

    bool shows(Severity severity) const;
};

std::string_view severity_label(Severity severity, Language language);
// "Expenses!C12", "Expenses", or "(file)"/"(fichier)".
std::string location_text(const Finding& finding, Language language);
std::string_view message(const Finding& finding, Language language);
std::string_view fix(const Finding& finding, Language language);

// The dialog's header: one line each.
struct Header
{
    std::string workbook;          // "Workbook: client.ods"
    std::string year_and_employer; // "Fiscal year: 2024 · Employer: Acme"
    std::string rule_set;          // "Rule set 2024.1, in force since 2024-01-01"
    std::string counts;            // "3 error(s), 1 warning(s), 0 info(s)"
    std::string verdict;           // "NOT COMPLIANT: 3 error(s) to fix." or the not-a-workbook line
    std::string contribution;      // line 53, or the hint when not a workbook
    bool compliant = false;
};
// `unsaved_changes`: the document had changes not saved; the workbook line says that the
// figures are of those changes.
Header header_of(const Report& report, Language language, bool unsaved_changes = false);

// Counted here rather than with Report::count so that the view stands alone.
std::size_t count_of(const Report& report, Severity severity);

// The findings list of the dialog for one report.
class FindingsView
{
  public:
    // `sheet_order`: the document's sheet names in tab order (findings on sheets that are
    // not in it come after, by name).
    FindingsView(Report report, std::vector<std::string> sheet_order, Language language);

    const Report& report() const { return report_; }
    Language language() const { return language_; }

    void set_filter(SeverityFilter filter);
    const SeverityFilter& filter() const { return filter_; }

    // Indexes into report().findings of the rows shown, in display order.
    const std::vector<std::size_t>& rows() const { return rows_; }
    // The text of each row, aligned in columns for a monospaced list.
    std::vector<std::string> row_texts() const;
    // The heading line above the list, aligned with row_texts().
    std::string heading() const;
    // The finding shown at a row, or nullptr.
    const Finding* finding_at_row(std::size_t row) const;
    // The row showing a finding, if the filter shows it.
    std::optional<std::size_t> row_of_finding(std::size_t finding_index) const;

    // The findings grid: its column headings and, per row shown, the severity, location,
    // rule, legal reference (in the view's language) and message.
    std::vector<std::string> grid_headings() const;
    std::vector<std::vector<std::string>> grid_rows() const;

    // All of a finding: rule, title, reference, location, value, message and fix.
    std::string detail(const Finding& finding) const;

    // The report sheet: title lines, a blank row, then a table with a header row
    // (severity, rule, legal reference, sheet, cell, value, message, fix). All findings,
    // whatever the filter, in display order. Every row has the same number of columns.
    std::vector<std::vector<std::string>> report_table() const;

  private:
    void refresh_rows();

    Report report_;
    std::vector<std::string> sheet_order_;
    Language language_;
    SeverityFilter filter_;
    std::vector<std::size_t> ordered_; // all findings in display order
    std::vector<std::size_t> rows_;
};

// `base`, or "base (2)", "base (3)"... : the first name not in `existing`.
std::string unique_sheet_name(const std::string& base, const std::vector<std::string>& existing);

// A rectangle of the screen, in pixels.
struct Box
{
    long x = 0;
    long y = 0;
    long width = 0;
    long height = 0;
};
// Where the dialog opens: beside the data, at the right edge of the document window, and
// wholly within the screen's work area (moved left or up, never off it). Issue 10, item 3.
Box place_beside(const Box& document_window, const Box& work_area, long width, long height);

// The name the HTML export suggests: the workbook's name without its extension, then
// "-onepercent.html" ("client.ods" -> "client-onepercent.html"); "onepercent-report.html"
// when the name is empty.
std::string report_file_name(std::string_view document_name);

// ISO date "2024-01-01".
std::string date_text(const CivilDate& date);

} // namespace onepercent::calc_dialog
