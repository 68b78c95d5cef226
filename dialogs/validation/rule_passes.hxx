// Internal to the validator: the passes over a located template (structure, data,
// regulation, summary) and the typed records the data pass hands to the others.
#pragma once

#include "finding_list.hxx"
#include "template_reader.hxx"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace onepercent::validation
{
// An input cell read with its type checked. unavailable: the column is missing or the cell
// shows an error (both reported by structure rules); invalid: reported by a data rule.
template <typename T> struct Reading
{
    enum class Status
    {
        unavailable,
        empty,
        valid,
        invalid
    };
    Status status = Status::unavailable;
    T value{};
    CellRef ref;

    bool usable() const { return status == Status::empty || status == Status::valid; }
    bool given() const { return status == Status::valid; }
    bool empty() const { return status == Status::empty; }
};

struct EmployerRecord
{
    Reading<std::string> name;
    Reading<int> year;
    Reading<double> payroll;
    Reading<double> carried_forward;
    Reading<bool> cqif;
    std::optional<AssistanceExemption> exemption; // nullopt: the keyword is not recognized
    Reading<double> used_for_credits;
    Reading<double> ei_rate; // 1.1: empty = the year's Québec rate

    bool cqif_holder() const { return cqif.given() && cqif.value; }
    std::optional<double> ei_rate_override() const
    {
        return ei_rate.given() && ei_rate.value != 0.0 ? std::optional<double>(ei_rate.value)
                                                       : std::nullopt;
    }
};

struct EmployeeRecord
{
    std::size_t row = 0;
    std::string id;
    Reading<std::string> name;
    double pay_amount = 0.0;
    std::string pay_basis;             // as typed
    std::optional<double> hourly_rate; // s. 7(6), recomputed; nullopt: cannot be
    bool hourly_rate_reported = false; // R-S7-HOURLY found on the shown rate
    std::optional<double> shown_hourly_rate;
    Reading<double> annual_salary;
    Reading<double> cnesst_rate;
    Reading<double> hours_per_period; // 1.1: the contract's hours; empty: s. 7(6)
};

// How an activity is given (1.2, issue 12: the Activities' Format column, what an LMS
// records). Coaching, mentoring and on-the-job activities are held to the s. 1(7) conditions.
enum class ActivityFormat
{
    classroom,
    e_learning,
    workshop,
    coaching,
    mentoring,
    on_the_job,
    event
};
// The Format keyword exactly as the Summary's indicators count it: one of the listed words in
// either language, any case (ASCII), nothing around it; "" -> nullopt (no format); anything
// else is InputError with both lists.
std::optional<ActivityFormat> parse_activity_format(std::string_view text);
std::string_view activity_format_word(ActivityFormat format, Language language);
// Whether r. 3, s. 1(7) holds the format to its conditions (coaching, mentoring, on-the-job).
bool format_is_on_the_job(ActivityFormat format);

struct ActivityRecord
{
    std::size_t row = 0;
    std::string id;
    std::optional<ProviderKind> provider; // nullopt: not recognized
    Reading<bool> arms_length;
    Reading<bool> consultation_proof;
    Reading<bool> attestation_issued;
    std::optional<int> completion_year;
    Reading<double> planned_duration;
    Reading<bool> supervision;
    Reading<bool> on_the_job;
    Reading<bool> ohs;
    Reading<bool> ohs_integral;
    std::optional<ActivityFormat> format; // 1.2: nullopt when empty, absent or not recognized
};

// A reference to an employee or activity: `index` into the records when found.
struct Reference
{
    Reading<std::string> id;
    std::optional<std::size_t> index;
    bool resolved() const { return index.has_value(); }
};

struct ParticipationRecord
{
    std::size_t row = 0;
    Reference employee;
    Reference activity;
    std::optional<ExpenseKind> wage_kind; // from the role; nullopt: empty or not recognized
    Reading<double> hours;
    Reference replaced_employee; // 1.1: required on a replacement row (s. 1(8))
    Reading<double> assistance;  // 1.1: s. 7(13) on wages
    Reading<bool> completed;     // 1.2: yes/no, for the completion rate
};

// A row of the Certifications sheet (1.2, issue 12; not a requirement of the 1 % law).
struct CertificationRecord
{
    std::size_t row = 0;
    Reference employee;
    Reading<std::string> certification;
    Reading<double> obtained_on; // date serials
    Reading<double> expires_on;  // the last day the certification is valid
    Reference renewal_activity;
};

struct ExpenseRecord
{
    std::size_t row = 0;
    std::string id;
    Reference activity;
    Reference employee;
    std::optional<ExpenseKind> kind; // nullopt: empty or not recognized
    Reading<bool> member_of_order;
    Reading<double> amount;
    Reading<double> registration_cost;
    Reading<double> assistance;
    Reading<std::string> document_ref;
    Reading<double> nal_wages;
    Reading<double> nal_travel;
    Reading<double> nal_materials;
};

struct TemplateData
{
    EmployerRecord employer;
    std::vector<EmployeeRecord> employees;
    std::vector<ActivityRecord> activities;
    std::vector<ParticipationRecord> participation;
    std::vector<ExpenseRecord> expenses;
    std::vector<CertificationRecord> certifications;  // 1.2; empty without the sheet
    std::set<std::size_t> unnamed_employees_reported; // R-S4-EMPLOYEE already on the name
    // The Summary's totals from the detail as the workbook shows it (each row's computed cell
    // shows a number; anything else counts 0, as in the template); nullopt: no fiscal year.
    std::optional<double> wages_total;
    std::optional<double> expenses_total; // s. 1 expenses only
    std::optional<double> mutual_total;   // r. 7 training mutuals
    std::optional<double> ccq_total;      // Act s. 12 CCQ training fund

    std::optional<int> year() const
    {
        return employer.year.given() ? std::optional<int>(employer.year.value) : std::nullopt;
    }
};

// The fiscal year read without reporting anything (to choose the rule set).
std::optional<int> peek_fiscal_year(const TemplateView& view);

// T-MISSING-SHEET, T-MISSING-COLUMN, T-PREPARED-ROWS, T-ROW-NOT-COUNTED,
// T-FORMULA-OVERWRITTEN, T-ERROR-VALUE.
void check_structure(const TemplateView& view, FindingList& findings);
// T-LAW-TABLE-CHANGED: a portable workbook's Law / Loi sheet is the engine's (law_sheet_rules).
void check_law_sheet(const Workbook& workbook, const TemplateView& view, FindingList& findings);
// D-*: reads every input, reports what is empty, mistyped, negative, duplicated, unknown.
TemplateData read_template_data(const TemplateView& view, FindingList& findings);
// D-REQUIRED on employee names not already reported by R-S4-EMPLOYEE.
void check_employee_names(const TemplateView& view, TemplateData& data, FindingList& findings);
// R-S1-*, R-S4-*, R-S7-*, R-S3-RETURN.
void check_regulation(const TemplateView& view, TemplateData& data, FindingList& findings);
// I-CERT-EXPIRED: a certification expired before the end of the fiscal year with no renewal
// activity (lms_rules.cxx; never an error: not a requirement of the 1 % law).
void check_certifications(const TemplateView& view,
                          const TemplateData& data,
                          FindingList& findings);
// R-ACT-SUMMARY; fills the figures the summary shows.
void check_summary(const TemplateView& view,
                   const TemplateData& data,
                   FindingList& findings,
                   WorkbookFigures& figures);

// The file's NEQ, line 75 cell, retention date and supporting documents (portfolio_rules.cxx).
void collect_facts(const TemplateView& view, const TemplateData& data, FileFacts& facts);
// I-RETENTION-PASSED: the year's retention period (r. 3, s. 4) ended before `today`.
void check_retention(const FileFacts& facts, CivilDate today, FindingList& findings);

// The wage kinds of the contract: an employee must be named (s. 4, 2nd para.).
bool is_wage_kind(ExpenseKind kind);
// The role keyword of a participation row, as a wage kind; nullopt when not recognized.
std::optional<ExpenseKind> wage_kind_of_role(std::string_view role);

} // namespace onepercent::validation
