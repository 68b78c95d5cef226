// The regulation engine: CQLR c. D-8.3, r. 3 (formerly R.S.Q. c. D-7.1, r. 1) and the
// Act's s. 3, 11 and 14 as pure functions over effective-dated tables. No UNO in here.
// Figures and their confidence come from shared/law-facts.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onepercent
{
enum class Language
{
    en,
    fr
};

// Bad input: a negative amount, an unknown keyword, a year without data. The UNO layer
// turns it into IllegalArgumentException (Err:502); what() is the English message.
class InputError : public std::invalid_argument
{
  public:
    InputError(const std::string& english, std::string french)
        : std::invalid_argument(english)
        , english_(english)
        , french_(std::move(french))
    {
    }
    const std::string& message(Language language) const;

  private:
    std::string english_; // what() gives a const char*; message() returns a reference
    std::string french_;
};

// Money is rounded to the cent, half away from zero (rates are never rounded), on the decimal
// number a spreadsheet shows (15 significant digits); exact up to 1e15 and beyond.
double round_cents(double amount);

// ---- Civil dates and spreadsheet date serials -------------------------------------------
struct CivilDate
{
    int year;
    int month; // 1..12
    int day;   // 1..31
};
// Days since 1970-01-01 (proleptic Gregorian).
long days_from_civil(CivilDate date);
CivilDate civil_from_days(long days);
// A spreadsheet date serial (days since null_date, the time of day ignored) as a civil date.
// A serial that is not finite, or outside the years 1583 to 9999 (the Gregorian years a
// spreadsheet shows), is InputError: never a wrong date.
CivilDate civil_date_of_serial(double serial, CivilDate null_date);

// ---- r. 3, s. 1: the paragraph table --------------------------------------------------------
struct ParagraphStatusPeriod
{
    CivilDate from;          // first day the status applies
    bool in_force;           // false: revoked
    std::string_view source; // the amending order, e.g. "O.C. 1060-2007"
};

struct Paragraph
{
    std::string_view number; // "1", "4.1", "17.1", "19"
    std::string_view title_en;
    std::string_view title_fr;
    bool hours_times_wage;     // s. 7(5): wages = hours x hourly wage
    bool wage_paragraph;       // s. 4, 2nd para.: employee's name and wages required
    bool relies_on_act_s6_1_4; // s. 4, 3rd para.: consultation on the plan, attestations
    std::vector<ParagraphStatusPeriod> status; // sorted by `from`
};

const std::vector<Paragraph>& paragraph_table();

// Accepts "1(16)", "16", "16.0", " 1( 17.1 ) "; throws InputError for anything else
// (including a number that is not a paragraph of s. 1, e.g. "27" or "3.5").
const Paragraph& find_paragraph(std::string_view text);
// The same from a number typed in a cell (16, 4.1, 17.1).
const Paragraph& find_paragraph(double number);

// "1(17.1)" for paragraph 17.1.
std::string paragraph_reference(const Paragraph& paragraph);

// In force in `year`: the status in effect on 31 December of that year (the end of the
// fiscal year, as in s. 7(13)). Years before the table's first period: InputError.
bool paragraph_in_force(const Paragraph& paragraph, int year);

// ---- Act s. 3 and Schedule; r. 4: payroll threshold ------------------------------------------
// $1,000,000 for 2004-2014, $2,000,000 from 2015 (law-facts: H amounts, M start date).
// Years before 2004: InputError.
double payroll_threshold(int year);
// Strictly greater than the threshold (exactly $2,000,000.00 is not subject).
bool is_subject(double payroll, int year);
// RL-1 line 51: 1 % of payroll when subject, else 0; to the cent.
double minimum_participation(double payroll, int year);
// RL-1 line 53: max(0, minimum - eligible - carried_forward); 0 when not subject, and 0 for a
// CQIF holder (r. 5; Revenu Québec: "you do not have to contribute"); to the cent.
double fund_contribution(
    double payroll, int year, double eligible, double carried_forward, bool cqif = false);
// Work chart line 79 (Act s. 11): when subject, max(0, eligible + carried - minimum - used);
// when not subject, max(0, eligible - used): what the following year, the first one over the
// threshold, may enter on line 75 (Act s. 11, 2nd para.; an interpretation, M, documented).
double carry_forward(
    double payroll, int year, double eligible, double carried_forward, double used_for_credits);

// ---- r. 3, s. 7: wages and contributions --------------------------------------------------
enum class PayPeriod
{
    year,
    month,
    biweekly,
    week,
    hour
};
// "year"/"année"/"annee", "month"/"mois", "biweekly"/"quinzaine", "week"/"semaine",
// "hour"/"heure"; case- and accent-insensitive; InputError otherwise.
PayPeriod parse_pay_period(std::string_view text);
// s. 7(6): amount x periods per year / 1950 (52 weeks x 37.5 h); `hour` returns amount.
// Not rounded. Negative amount: InputError.
double hourly_rate(double amount, PayPeriod period);
// The contractual hourly wage first: s. 7(6) applies only "where the conditions of an
// employee's contract make it impossible to calculate his salary or wages on an hourly basis".
// hours_per_period > 0: amount / hours_per_period (`hour`: the amount itself); nullopt or 0:
// s. 7(6) as above. Negative hours: InputError.
double hourly_rate(double amount, PayPeriod period, std::optional<double> hours_per_period);
// The periods of a pay basis in a year (year 1, month 12, biweekly 26, week 52, hour 1950).
double periods_per_year(PayPeriod period);
// s. 7(5): hours x hourly rate, to the cent. Negative inputs: InputError.
double training_wages(double hours, double hourly_rate);
// s. 1(8): the wages of the replacement "for the portion in excess of the employee's salary
// or wages": max(0, training_wages(hours, replacement_rate) - training_wages(hours,
// replaced_rate)), to the cent.
double replacement_wages(double hours, double replacement_rate, double replaced_rate);

struct ContributionRates
{
    int year;
    double qpp_rate;            // base + first additional, employer share
    double qpp_max_pensionable; // MPE
    double qpp_basic_exemption;
    double qpp2_rate;    // second additional contribution
    double qpp2_ceiling; // YAMPE
    double ei_rate;      // employer, Québec (1.4 x employee rate)
    double ei_max_insurable;
    double qpip_rate; // employer
    double qpip_max_insurable;
    double cnesst_max_insurable; // taken equal to QPIP maximum (law-facts: M)
};
const std::vector<ContributionRates>& contribution_rate_table();
// InputError for a year without rates.
const ContributionRates& contribution_rates(int year);

// s. 7(4.1): the employer's QPP (with the second additional), EI, QPIP and CNESST
// contributions for the year on annual_salary, each capped by its maximum, times
// training_wages / annual_salary; to the cent. ei_rate_override: fraction (0.0182);
// cnesst_rate_per_100: dollars per $100 of insurable payroll. annual_salary must be > 0.
double employer_contributions(int year,
                              double training_wages,
                              double annual_salary,
                              double cnesst_rate_per_100,
                              std::optional<double> ei_rate_override);

// s. 7(13): the categories to which the reduction does not apply.
enum class AssistanceExemption
{
    none,
    adapted_enterprise,
    childcare,
    ambulance
};
// "adapted-enterprise"/"entreprise-adaptee", "childcare"/"garderie", "ambulance";
// "" or "none"/"aucune" -> none; InputError otherwise.
AssistanceExemption parse_assistance_exemption(std::string_view text);
// s. 7(13): max(0, expenditure - assistance), unchanged when exempt; to the cent.
double net_of_assistance(double expenditure, double assistance, AssistanceExemption exemption);

// s. 7(12) applies to the expenditures of paragraphs 1, 2, 3, 11, 12, 13 and 14 of s. 1 only.
bool non_arms_length_cap_applies(const Paragraph& paragraph);
// s. 7(12): min(invoiced, wages_part + travel_part + materials_part); to the cent.
double
non_arms_length_cap(double invoiced, double wages_part, double travel_part, double materials_part);

// A member's share of a pooled cost (r. 7 training mutuals, s. 1(1) multi-employer service):
// total_cost x member_hours / all_hours; to the cent. all_hours > 0, member_hours <= all_hours.
double pooled_share(double total_cost, double member_hours, double all_hours);

// s. 7(14): declarable for declared_year if declared_year >= the year of completion.
bool is_declarable(CivilDate completion, int declared_year);
// s. 4: supporting documents kept 6 years after the last year they relate to:
// 31 December of last_year + 6.
CivilDate retention_end(int last_year);

// ---- Classification: which paragraph of s. 1 an expense falls under ----------------------
enum class ExpenseKind
{
    tuition,
    reimbursement,
    trainer_wages,
    participant_wages,
    replacement_wages,
    study_leave,
    loaned_employee,
    joint_committee,
    pedagogical_support,
    training_plan,
    training_development,
    internship_preparation,
    supervision_wages,
    travel,
    materials_wages,
    materials,
    premises,
    event,
    // Outside s. 1, counted in full (classify_expense rejects them):
    training_mutual,  // a payment to a recognized training mutual (CQLR c. D-8.3, r. 7)
    ccq_training_fund // a construction employer's contribution to the CCQ fund (Act s. 12)
};
enum class ProviderKind
{
    none, // not given
    recognized_institution,
    accredited_body,
    accredited_instructor,
    multi_employer_service,
    non_accredited,
    professional_order,
    association,
    internal_accredited_service,
    internal
};
// English or French keyword (see the issue's list), case- and accent-insensitive,
// spaces and underscores taken as hyphens. InputError for an unknown word.
ExpenseKind parse_expense_kind(std::string_view text);
// "" -> ProviderKind::none.
ProviderKind parse_provider_kind(std::string_view text);
// The paragraph of s. 1 ("1(17.1)"), or nullopt where no paragraph applies. A kind that counts
// outside s. 1 (training_mutual, ccq_training_fund) is InputError: it has no paragraph.
std::optional<std::string>
classify_expense(ExpenseKind kind, ProviderKind provider, bool member_of_order);
// Where an expenditure that counts outside s. 1 is provided for: "r. 7" for a training mutual,
// "Act s. 12" / "Loi, art. 12" for the CCQ fund; nullopt for the kinds of s. 1.
std::optional<std::string_view> outside_s1_reference(ExpenseKind kind, Language language);
// The reference a cell shows for such a kind, recognized in either language; nullopt else.
std::optional<ExpenseKind> outside_s1_kind_of_reference(std::string_view text);

// A paragraph guessed from free French or English text; nullopt when nothing fits.
std::optional<std::string> suggest_paragraph(std::string_view description);

// Lower-case ASCII fold of UTF-8 text with French accents removed ("Éé" -> "ee", "œ" -> "oe").
std::string fold_text(std::string_view text);

// The length of the well-formed UTF-8 sequence at text[index] (1 to 4 bytes, no overlong
// form, no surrogate) and its code point; 0 when the bytes there are not one.
std::size_t decode_utf8(std::string_view text, std::size_t index, std::uint32_t& code_point);

} // namespace onepercent
