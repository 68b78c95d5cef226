// A firm's portfolio at a glance (issue 12, item 1): one row per validated file, written as
// CSV, JSON or one self-contained HTML page (onepercent-validate --summary FILE), and summaries
// made on several machines merged into one (--merge-summary OUT IN.json...), the carry-forward
// chain checked again across them. No UNO in here.
//
// The figures of a row are the validator's recomputation from the workbook's detail and its
// Employer sheet (Report::figures.computed), not what the workbook's Summary shows; the JSON
// also keeps what the Summary shows (figures.workbook), which the chain check compares.
#pragma once

#include "validator.hxx"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::validation
{
// A finding of the rules across files (R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE) on a row's file.
struct AcrossFilesFinding
{
    std::string rule_id;
    Severity severity = Severity::error;
    std::string location; // "Summary!B11"; "" for the file
    std::string message_en;
    std::string message_fr;
};

struct SummaryRow
{
    std::string file;
    std::string client; // the employer's name as the workbook gives it
    std::string neq;
    int fiscal_year = 0; // 0: unknown
    std::string flavour;
    std::string template_version;
    FigureSet computed; // the validator's recomputation (shown in the summary)
    FigureSet workbook; // what the workbook's Summary shows (for the chain check)
    std::string carried_in_location;
    bool readable = true;
    bool is_template = true;
    std::string read_error;
    std::size_t errors = 0; // the findings of the file, those across files included
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::vector<AcrossFilesFinding> across_files;
    std::string reader; // "direct" or "office"
    std::string sha256;
    std::optional<CivilDate> retention_until; // r. 3, s. 4
    std::string tool_version;                 // of the run that validated the file
    std::string rule_set_version;
};

// "passes", "warnings" (passes with warnings), "fails", "not-template", "unreadable": the
// values of the JSON's "verdict", the CSV's verdict column and the page's verdict filter.
std::string_view verdict_key(const SummaryRow& row);
// The same, as a person reads it in `language` ("fails" / "non conforme").
std::string_view verdict_text(std::string_view key, Language language);

// One row per report, in the reports' order. Texts from the file (client, NEQ, template
// version...) are capped at max_shown_characters (safe_text.hxx), messages at
// max_message_characters.
std::vector<SummaryRow> summary_rows(const std::vector<Report>& reports);

enum class SummaryFormat
{
    csv,
    html,
    json
};
// By the file name's extension, in any case: .csv, .html (or .htm), .json; nullopt else.
std::optional<SummaryFormat> summary_format_of(std::string_view path);

struct SummaryOptions
{
    std::string generated; // "2025-03-14 10:22 UTC"; "" for now
};

// CSV: RFC 4180 (CRLF line ends, a header row of fixed English names, fields in double quotes
//   when they hold a comma, quote, CR or LF), amounts with a decimal point and two decimals,
//   empty when unknown; a text cell that starts with = + - @ TAB or CR gets a leading ' so that
//   a spreadsheet never runs it as a formula. Columns: file, client, neq, fiscal_year, flavour,
//   template_version, payroll, minimum, eligible, carried_in, contribution, carry_forward,
//   verdict, errors, warnings, infos, reader, sha256, retention_until, across_files
//   ("R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE (11)"), note (why a file was not validated).
// JSON: {"format": "onepercent-portfolio-summary", "formatVersion": 1, "tool": {"name",
//   "version"}, "generated", "language", "rows": [...], "totals": {...}}; see README.md.
// HTML: one page, no external resource; sorts and filters in the browser (state in the URL's
//   fragment: #sort=contribution:desc&filter=Acme&verdict=fails), a chart of the
//   contributions by client; every text escaped; a Content-Security-Policy that runs only the
//   page's own script and style (by their SHA-256).
std::string format_summary(const std::vector<SummaryRow>& rows,
                           SummaryFormat format,
                           Language language,
                           const SummaryOptions& options = {});

// A summary file that cannot be merged: where and why, in both languages.
class SummaryError : public std::runtime_error
{
  public:
    SummaryError(std::string english, std::string french);
    const std::string& message(Language language) const;

  private:
    std::string english_;
    std::string french_;
};

// The rows of a JSON summary (format_summary's JSON). Throws SummaryError on a text that is
// not JSON, too large (128 MiB, 64 levels, 4,000,000 values), or not such a summary.
std::vector<SummaryRow> read_summary_json(std::string_view text);

struct MergeResult
{
    std::vector<SummaryRow> rows; // sorted by file name, then SHA-256
    std::size_t duplicates = 0;   // rows given twice (same file and SHA-256), kept once
    std::size_t chain_findings_added = 0;
};
// The summaries' rows together. The carry-forward chain (R-ACT-CARRY-CHAIN) is checked again
// across all rows, so that a client's years validated on different machines are compared: a
// break found is added to the later year's row (its error count and verdict) unless the row
// already has one. R-S7-CLAIMED-TWICE needs the supporting documents, which a summary does not
// hold: it is found only among files validated in one run.
MergeResult merge_summaries(std::vector<std::vector<SummaryRow>> summaries);
} // namespace onepercent::validation
