// The regulation validator: a rule catalogue (effective-dated, chosen by the workbook's
// fiscal year) applied to a Workbook model, and its report in text, JSON and SARIF 2.1.0.
// No UNO in here.
#pragma once

#include "workbook_model.hxx"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::validation
{
enum class Severity
{
    error,
    warning,
    info
};
std::string_view severity_name(Severity severity); // "error", "warning", "info"

// One rule of the catalogue: T-* structure, D-* data, R-* regulation.
struct Rule
{
    std::string_view id; // stable: "R-S7-ASSISTANCE"
    Severity severity;
    std::string_view legal_reference; // "r. 3, s. 7(13)"; "" for structure and data rules
    std::string_view title_en;
    std::string_view title_fr;
    std::string_view help_en; // what the rule checks and why, for SARIF and the dialog
    std::string_view help_fr;
};
const std::vector<Rule>& rule_catalogue();
const Rule* find_rule(std::string_view id);

// The rules in force for a fiscal year: a version and the date it takes effect.
struct RuleSet
{
    std::string_view version;               // "2024.1"
    CivilDate effective;                    // first day the rule set applies
    std::vector<std::string_view> rule_ids; // the rules it applies
};
// The rule set in force on 31 December of `year`; the latest one when year is 0 (unknown).
const RuleSet& rule_set_for_year(int year);

struct Finding
{
    std::string rule_id;
    Severity severity = Severity::error;
    std::string legal_reference;
    std::string sheet; // "" for a finding on the whole file
    std::string cell;  // "C12"; "" for a whole sheet or file
    std::string value; // the offending value as a person reads it
    std::string message_en;
    std::string message_fr;
    std::string fix_en; // a concrete fix: "net amount should be 7,500.00 $: ..."
    std::string fix_fr;

    std::string location() const; // "Expenses!C12", "Expenses", or ""
};

// The results of a year (RL-1 summary and work chart), each absent (nullopt) where it cannot
// be known: `eligible` is the year's own eligible expenditures (wages, contributions,
// expenses, training mutuals, CCQ fund), without the balance carried in (line 75).
struct FigureSet
{
    std::optional<bool> subject;
    std::optional<double> payroll;
    std::optional<double> minimum;
    std::optional<double> eligible;
    std::optional<double> carried_in;
    std::optional<double> contribution;
    std::optional<double> carry_forward;
};

// The figure keys of the reports, in order: "subject", "payroll", "minimum", "eligible",
// "carried_in", "contribution", "carry_forward"; `of` gives the one of a key (subject as 1/0).
const std::vector<std::string_view>& figure_keys();
std::optional<double> figure_of(const FigureSet& figures, std::string_view key);
// What a figure is, by its meaning ("Contribution to the WSDRF" / "Cotisation au FDRCMO").
std::string_view figure_label(std::string_view key, Language language);

// What the workbook itself computes, for the report header and the dialog.
struct WorkbookFigures
{
    std::string employer_name;
    int fiscal_year = 0;
    bool has_contribution = false;
    double contribution = 0.0; // Summary line 53 as the workbook shows it
    bool subject = false;
    FigureSet computed; // what the engine derives from the detail and the Employer sheet
    FigureSet workbook; // what the Summary shows
};

// An expenditure's supporting document as the workbook lists it (r. 3, s. 4), for the rules
// across a client's years (R-S7-CLAIMED-TWICE).
struct ClaimedDocument
{
    std::string reference; // as typed, trimmed
    double amount = 0.0;   // the expense's amount
    std::string location;  // "Expenses!L7"
};

// What a file says of its employer and template, for a firm's portfolio and the rules across
// files (R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE).
struct FileFacts
{
    std::string neq;                 // Québec enterprise number as typed (10 digits when valid)
    std::string template_version;    // document property OnePercentTemplateVersion
    std::string flavour;             // document property OnePercentFlavour: linked | portable
    std::string carried_in_location; // the Summary's line 75 cell, "Summary!B11"; "" if absent
    std::optional<CivilDate> retention_until; // r. 3, s. 4: 31 December of the year + 6
    std::vector<ClaimedDocument> documents;
};

// The template a file says it is made from, for the reports: "portable 1.1", "linked 1.1",
// "1.0" (files made before the flavours), "" when the file says neither.
std::string template_text(const FileFacts& facts);

struct Report
{
    std::string file;
    std::string sha256;
    std::string tool_version;
    std::string rule_set_version;
    CivilDate rule_set_effective{};
    bool is_template = false; // false: T-NOT-TEMPLATE, nothing else checked
    bool readable = true;     // false: the file could not be read (read_error says why)
    std::string read_error;
    std::string reader; // which reader read the file: "direct" or "office" (--reader); "" unknown
    WorkbookFigures figures;
    FileFacts facts;
    std::vector<Finding> findings;             // sorted by sheet order, then row, then column
    std::map<std::string, std::size_t> checks; // rule id -> number of checks made

    std::size_t count(Severity severity) const;
};

// Validates one workbook. Never throws for bad content: everything becomes a finding.
// `today` dates the retention note (I-RETENTION-PASSED); the first form uses the system date.
Report validate(const Workbook& workbook);
Report validate(const Workbook& workbook, CivilDate today);

// The rules across files validated together: for workbooks of one NEQ and consecutive fiscal
// years, line 75 of year N equals line 79 of year N-1, or its eligible expenditures when N-1
// was not subject (R-ACT-CARRY-CHAIN, Act s. 11); a supporting document with the same amount
// claimed in two years is R-S7-CLAIMED-TWICE (warning, r. 3, s. 7(14) and s. 4). Findings go
// on the later file. Reports that are unreadable or not templates take no part.
void check_across_files(std::vector<Report>& reports);

// Today's date (UTC) from the system clock.
CivilDate today_utc();
// A report for a file that could not be read (corrupt, password, timeout...).
Report
unreadable_report(const std::string& file, const std::string& sha256, const std::string& reason);

std::string tool_version(); // "0.1.0"

// Money as findings show it: "$7,500.00" in English, "7 500,00 $" in French (to the cent).
std::string money_text(double amount, Language language);

enum class ReportFormat
{
    text,
    json,
    sarif,
    html // the dialog's page (html_report.hxx), for onepercent-validate --format html
};
// Several files in one output. Text: grouped by rule with counts, then per file.
std::string
format_reports(const std::vector<Report>& reports, ReportFormat format, Language language);

} // namespace onepercent::validation
