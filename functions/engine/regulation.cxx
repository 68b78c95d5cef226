// The computations of the Act (CQLR c. D-8.3, s. 3, 11, 14 and Schedule) and of the regulation
// (CQLR c. D-8.3, r. 3, formerly R.S.Q. c. D-7.1, r. 1, s. 4 and 7). Figures: shared/law-facts.md.
#include "engine/regulation.hxx"
#include "engine/number_text.hxx"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace onepercent
{
namespace
{
// The earliest and latest years any function accepts: a guard against typing errors
// (a serial date or 20245 in a year cell), not a rule of law.
constexpr int earliest_year = 1900;
constexpr int latest_year = 2200;

// A value as shown in a message: up to 15 significant digits, no trailing zeros; the French
// text uses a decimal comma.
std::string format_number(double value, Language language)
{
    return shortest_number_text(value, language); // std::to_chars: no locale
}

// An input named in messages; French needs the gender and number for the agreement of
// "négatif" and of the verb.
struct Field
{
    const char* english; // "hours", "the annual salary"
    const char* french;  // "les heures", "le salaire annuel"
    bool feminine;
    bool plural;
};

const Field payroll_field{"total payroll", "la masse salariale", true, false};
const Field eligible_field{"eligible expenditures", "les dépenses admissibles", true, true};
const Field carried_forward_field{"the balance carried forward", "le solde reporté", false, false};
const Field used_for_credits_field{"the part used for tax credits",
                                   "la part utilisée pour les crédits d'impôt", true, false};
const Field wage_amount_field{"the wage amount", "le montant du salaire", false, false};
const Field hours_field{"hours", "les heures", true, true};
const Field hourly_rate_field{"the hourly rate", "le taux horaire", false, false};
const Field hours_per_period_field{"the hours per pay period", "les heures par période de paie",
                                   true, true};
const Field training_wages_field{"training wages", "le salaire de formation", false, false};
const Field annual_salary_field{"the annual salary", "le salaire annuel", false, false};
const Field cnesst_rate_field{"the CNESST rate", "le taux CNESST", false, false};
const Field ei_rate_field{"the EI rate", "le taux d'assurance-emploi", false, false};
const Field expenditure_field{"the expenditure", "la dépense", true, false};
const Field assistance_field{"government assistance", "l'aide gouvernementale", true, false};
const Field invoiced_field{"the invoiced amount", "le montant facturé", false, false};
const Field wages_part_field{"the wages part", "la part des salaires", true, false};
const Field travel_part_field{"the travel part", "la part des frais de déplacement", true, false};
const Field materials_part_field{"the materials part", "la part du matériel", true, false};
const Field total_cost_field{"the total cost", "le coût total", false, false};
const Field member_hours_field{"the member's hours", "les heures du membre", true, true};
const Field all_hours_field{"the hours of all members", "les heures de tous les membres", true,
                            true};

std::string french_verb_cannot(const Field& field)
{
    return field.plural ? " ne peuvent pas être " : " ne peut pas être ";
}

std::string french_agreement(const Field& field, const char* masculine, const char* feminine)
{
    std::string word(field.feminine ? feminine : masculine);
    if (field.plural)
        word += 's';
    return word;
}

void require_finite(double value, const Field& field)
{
    if (!std::isfinite(value))
        throw InputError(std::string(field.english) + " is not a finite number",
                         std::string(field.french) + (field.plural
                                                          ? " ne sont pas des nombres finis"
                                                          : " n'est pas un nombre fini"));
}

double require_non_negative(double value, const Field& field)
{
    require_finite(value, field);
    if (value < 0)
        throw InputError(std::string(field.english) + " must not be negative (got " +
                             format_number(value, Language::en) + ")",
                         std::string(field.french) + french_verb_cannot(field) +
                             french_agreement(field, "négatif", "négative") + " (reçu " +
                             format_number(value, Language::fr) + ")");
    return value;
}

double require_positive(double value, const Field& field)
{
    require_non_negative(value, field);
    if (value == 0)
        throw InputError(std::string(field.english) + " must be greater than zero (got 0)",
                         std::string(field.french) + " doi" + (field.plural ? "vent" : "t") +
                             " être " + french_agreement(field, "supérieur", "supérieure") +
                             " à zéro (reçu 0)");
    return value;
}

void require_year(int year)
{
    if (year < earliest_year || year > latest_year)
        throw InputError(
            "the year " + std::to_string(year) + " is out of range (" +
                std::to_string(earliest_year) + " to " + std::to_string(latest_year) + ")",
            "l'année " + std::to_string(year) + " est hors limites (" +
                std::to_string(earliest_year) + " à " + std::to_string(latest_year) + ")");
}

// Trims ASCII white space and folds case and accents; spaces and underscores between words
// become hyphens ("Entreprise adaptée" -> "entreprise-adaptee").
std::string keyword_of(std::string_view text)
{
    std::string folded = fold_text(text);
    const auto first = folded.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = folded.find_last_not_of(" \t\r\n");
    folded = folded.substr(first, last - first + 1);
    std::string keyword;
    for (char character : folded)
    {
        const bool separator =
            character == ' ' || character == '_' || character == '-' || character == '\t';
        if (!separator)
            keyword += character;
        else if (keyword.empty() || keyword.back() != '-')
            keyword += '-';
    }
    return keyword;
}

bool is_leap_year(long year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(long year, int month)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

std::string date_text(CivilDate date)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}
} // namespace

const std::string& InputError::message(Language language) const
{
    return language == Language::fr ? french_ : english_;
}

// Half away from zero, on the decimal number the cell shows: binary noise (1.005 is stored
// as 1.00499999999999989..., 2.675 as 2.67499999999999982...) must not turn a half cent down.
// The amount is written at 15 significant digits, the precision of a double as a spreadsheet
// shows it, rounded in decimal at the cent, and read back (std::to_chars / from_chars: no
// locale). Exact for every magnitude: at 1e12 and above no digit below the cent is left.
double round_cents(double amount)
{
    if (!std::isfinite(amount))
        throw InputError("the amount to round is not a finite number",
                         "le montant à arrondir n'est pas un nombre fini");
    if (amount == 0.0)
        return 0.0; // never -0
    const double magnitude = std::abs(amount);
    // d.dddddddddddddde±XX: 15 significant digits.
    char text[64];
    const auto written =
        std::to_chars(text, text + sizeof text, magnitude, std::chars_format::scientific, 14);
    std::string_view shown(text, static_cast<std::size_t>(written.ptr - text));
    const std::size_t exponent_at = shown.find('e');
    int exponent = 0;
    std::from_chars(shown.data() + exponent_at + (shown[exponent_at + 1] == '+' ? 2 : 1),
                    shown.data() + shown.size(), exponent);
    std::string digits; // the 15 significant digits: value = digits x 10^(exponent - 14)
    for (char character : shown.substr(0, exponent_at))
        if (character != '.')
            digits += character;
    // The number of cents is digits x 10^(exponent - 12): keep `kept` digits, round on the rest.
    const int kept = exponent + 3; // digits before the cut
    double rounded = magnitude;
    if (kept < 15)
    {
        std::string cents = kept > 0 ? digits.substr(0, static_cast<std::size_t>(kept)) : "0";
        const char first_dropped = kept >= 0 ? digits[static_cast<std::size_t>(kept)] : '0';
        if (first_dropped >= '5') // half away from zero: the magnitude goes up
        {
            std::size_t index = cents.size();
            while (index > 0 && cents[index - 1] == '9')
                cents[--index] = '0';
            if (index == 0)
                cents.insert(cents.begin(), '1');
            else
                ++cents[index - 1];
        }
        cents += "e-2";
        std::from_chars(cents.data(), cents.data() + cents.size(), rounded);
    }
    else
        std::from_chars(text, written.ptr, rounded); // no digit below the cent
    if (rounded == 0.0)
        return 0.0;
    return amount < 0 ? -rounded : rounded;
}

// ---- Civil dates ------------------------------------------------------------------------
// Proleptic Gregorian calendar, counted in 400-year eras of 146,097 days, with years
// starting on 1 March so that the leap day is the last day of the year.
long days_from_civil(CivilDate date)
{
    if (date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > days_in_month(date.year, date.month))
        throw InputError("the date " + date_text(date) + " does not exist",
                         "la date " + date_text(date) + " n'existe pas");
    const long year = static_cast<long>(date.year) - (date.month <= 2 ? 1 : 0);
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;                                      // [0, 399]
    const long month_from_march = date.month > 2 ? date.month - 3 : date.month + 9; // [0, 11]
    const long day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;       // [0, 365]
    const long day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year; // [0, 146096]
    return era * 146097 + day_of_era - 719468; // 719468: days from 0000-03-01 to 1970-01-01
}

CivilDate civil_date_of_serial(double serial, CivilDate null_date)
{
    // Gregorian years a spreadsheet shows: 1583 (the first whole Gregorian year) to 9999.
    static const long first_day = days_from_civil(CivilDate{1583, 1, 1});
    static const long last_day = days_from_civil(CivilDate{9999, 12, 31});
    const long origin = days_from_civil(null_date);
    if (!std::isfinite(serial) || serial < static_cast<double>(first_day - origin) ||
        serial >= static_cast<double>(last_day - origin + 1))
        throw InputError("the date serial " + format_number(serial, Language::en) +
                             " is not a date of the years 1583 to 9999",
                         "le numéro de série de date " + format_number(serial, Language::fr) +
                             " n'est pas une date des années 1583 à 9999");
    return civil_from_days(origin + static_cast<long>(std::floor(serial)));
}

CivilDate civil_from_days(long days)
{
    const long shifted = days + 719468;
    const long era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    const long day_of_era = shifted - era * 146097; // [0, 146096]
    const long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) /
        365; // [0, 399]
    const long day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // [0, 365]
    const long month_from_march = (5 * day_of_year + 2) / 153;                  // [0, 11]
    const long day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    const long month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

// ---- Act s. 3 and Schedule; r. 4: who is subject ------------------------------------------
double payroll_threshold(int year)
{
    require_year(year);
    if (year < 2004)
        throw InputError("payroll thresholds are known from 2004 only (got " +
                             std::to_string(year) + ")",
                         "les seuils de masse salariale ne sont connus qu'à partir de 2004 (reçu " +
                             std::to_string(year) + ")");
    // law-facts: H for the amounts, M for the start date of the $2,000,000 threshold
    // (1 January 2015).
    return year <= 2014 ? 1'000'000.0 : 2'000'000.0;
}

// Act s. 3: the total payroll must exceed the threshold; exactly the threshold is not enough.
// No pro-rating for a short year (law-facts: L).
bool is_subject(double payroll, int year)
{
    require_non_negative(payroll, payroll_field);
    return payroll > payroll_threshold(year);
}

// RL-1 line 51 = line 50 x 1 %.
double minimum_participation(double payroll, int year)
{
    if (!is_subject(payroll, year))
        return 0.0;
    return round_cents(payroll / 100.0); // 1 % of the total payroll
}

// RL-1 line 53 = line 51 - line 52 when positive (law-facts: M for the subtraction); the
// balance carried forward (work chart line 75) is an eligible expenditure of the year
// (Act s. 11).
double
fund_contribution(double payroll, int year, double eligible, double carried_forward, bool cqif)
{
    require_non_negative(eligible, eligible_field);
    require_non_negative(carried_forward, carried_forward_field);
    const double minimum = minimum_participation(payroll, year);
    // r. 5: a CQIF holder is presumed to comply (Revenu Québec's RL-1 instructions, law-facts H).
    if (minimum == 0.0 || cqif)
        return 0.0;
    return round_cents(std::max(0.0, minimum - eligible - carried_forward));
}

// Work chart line 79 (Act s. 11): the excess over the minimum participation, less the part
// used for certain refundable tax credits, carries to the next year; no time limit is
// written (law-facts: M). A year in which the employer is not subject: its eligible
// expenditures, less the part used for tax credits, are what the following year may enter on
// line 75 when it is the first year over the threshold (Act s. 11, 2nd para.; Revenu Québec's
// line 75 instruction, law-facts H); returning them here is our interpretation (M), and the
// balance carried in before such a year is not carried further (docs/template-layout.md).
double carry_forward(
    double payroll, int year, double eligible, double carried_forward, double used_for_credits)
{
    require_non_negative(eligible, eligible_field);
    require_non_negative(carried_forward, carried_forward_field);
    require_non_negative(used_for_credits, used_for_credits_field);
    if (!is_subject(payroll, year))
        return round_cents(std::max(0.0, eligible - used_for_credits));
    const double minimum = minimum_participation(payroll, year);
    return round_cents(std::max(0.0, eligible + carried_forward - minimum - used_for_credits));
}

// ---- r. 3, s. 7: wages --------------------------------------------------------------------
PayPeriod parse_pay_period(std::string_view text)
{
    const std::string word = keyword_of(text);
    if (word == "year" || word == "annual" || word == "annee" || word == "an" || word == "annuel")
        return PayPeriod::year;
    if (word == "month" || word == "mois")
        return PayPeriod::month;
    if (word == "biweekly" || word == "quinzaine")
        return PayPeriod::biweekly;
    if (word == "week" || word == "semaine")
        return PayPeriod::week;
    if (word == "hour" || word == "heure")
        return PayPeriod::hour;
    throw InputError("unknown pay period \"" + std::string(text) +
                         "\"; expected year, month, biweekly, week or hour",
                     "période de paie inconnue « " + std::string(text) +
                         " » ; attendu : année, mois, quinzaine, semaine ou heure");
}

// s. 7(6): where no hourly wage can be calculated, the annual wage / 1950
// (52 weeks x 37.5 hours).
double hourly_rate(double amount, PayPeriod period)
{
    require_non_negative(amount, wage_amount_field);
    constexpr double hours_per_year = 1950.0; // r. 3, s. 7(6)
    switch (period)
    {
    case PayPeriod::year:
        return amount / hours_per_year;
    case PayPeriod::month:
        return amount * 12.0 / hours_per_year;
    case PayPeriod::biweekly:
        return amount * 26.0 / hours_per_year;
    case PayPeriod::week:
        return amount * 52.0 / hours_per_year;
    case PayPeriod::hour:
        return amount;
    }
    return amount; // not reached: every period is handled above
}

double periods_per_year(PayPeriod period)
{
    switch (period)
    {
    case PayPeriod::year:
        return 1.0;
    case PayPeriod::month:
        return 12.0;
    case PayPeriod::biweekly:
        return 26.0;
    case PayPeriod::week:
        return 52.0;
    case PayPeriod::hour:
        return 1950.0; // r. 3, s. 7(6)
    }
    return 1.0; // not reached
}

// s. 7(6) is a fallback (law-facts H): the contract's own hours give the hourly wage.
double hourly_rate(double amount, PayPeriod period, std::optional<double> hours_per_period)
{
    if (!hours_per_period)
        return hourly_rate(amount, period);
    require_non_negative(*hours_per_period, hours_per_period_field);
    if (*hours_per_period == 0.0 || period == PayPeriod::hour)
        return hourly_rate(amount, period);
    require_non_negative(amount, wage_amount_field);
    return amount / *hours_per_period;
}

// s. 1(8): only the part of the replacement's wages in excess of the replaced employee's.
double replacement_wages(double hours, double replacement_rate, double replaced_rate)
{
    const double replacement = training_wages(hours, replacement_rate);
    const double replaced = training_wages(hours, replaced_rate);
    return round_cents(std::max(0.0, replacement - replaced));
}

// s. 7(5): hours in the activity during the year x hourly wage.
double training_wages(double hours, double hourly_rate)
{
    require_non_negative(hours, hours_field);
    require_non_negative(hourly_rate, hourly_rate_field);
    return round_cents(hours * hourly_rate);
}

// s. 7(4.1): the employer's contributions under the four plans the paragraph names, and only
// those: industrial accidents (CNESST), parental insurance (QPIP), Québec Pension Plan and
// Employment Insurance. Computed on the whole annual salary, each plan capped by its own
// maximum, then prorated to the training wages.
double employer_contributions(int year,
                              double training_wages,
                              double annual_salary,
                              double cnesst_rate_per_100,
                              std::optional<double> ei_rate_override)
{
    require_non_negative(training_wages, training_wages_field);
    require_positive(annual_salary, annual_salary_field);
    require_non_negative(cnesst_rate_per_100, cnesst_rate_field);
    if (cnesst_rate_per_100 >= 100.0)
        throw InputError("the CNESST rate is in dollars per $100 of payroll and must be below 100 "
                         "(got " +
                             format_number(cnesst_rate_per_100, Language::en) + ")",
                         "le taux CNESST est en dollars par tranche de 100 $ de masse salariale et "
                         "doit être inférieur à 100 (reçu " +
                             format_number(cnesst_rate_per_100, Language::fr) + ")");
    if (ei_rate_override)
    {
        require_non_negative(*ei_rate_override, ei_rate_field);
        if (*ei_rate_override >= 0.2)
            throw InputError("the EI rate is a fraction: enter 0.0182 for 1.82 % (got " +
                                 format_number(*ei_rate_override, Language::en) + ")",
                             "le taux d'assurance-emploi est une fraction : entrez 0,0182 pour "
                             "1,82 % (reçu " +
                                 format_number(*ei_rate_override, Language::fr) + ")");
    }
    const ContributionRates& rates = contribution_rates(year);
    const double salary = annual_salary;

    // Québec Pension Plan: base and first additional contribution between the basic
    // exemption and the MPE, second additional contribution between the MPE and the YAMPE.
    const double qpp =
        rates.qpp_rate *
            std::max(0.0, std::min(salary, rates.qpp_max_pensionable) - rates.qpp_basic_exemption) +
        rates.qpp2_rate *
            std::max(0.0, std::min(salary, rates.qpp2_ceiling) - rates.qpp_max_pensionable);
    // Employment Insurance: overridable for employers with a premium reduction.
    const double ei_rate = ei_rate_override ? *ei_rate_override : rates.ei_rate;
    const double ei = ei_rate * std::min(salary, rates.ei_max_insurable);
    const double qpip = rates.qpip_rate * std::min(salary, rates.qpip_max_insurable);
    // CNESST: the employer's own rate per $100; maximum taken equal to QPIP's (law-facts: M).
    const double cnesst =
        cnesst_rate_per_100 / 100.0 * std::min(salary, rates.cnesst_max_insurable);

    return round_cents((qpp + ei + qpip + cnesst) * training_wages / salary);
}

// ---- s. 7(13): government assistance ----------------------------------------------------------
AssistanceExemption parse_assistance_exemption(std::string_view text)
{
    const std::string word = keyword_of(text);
    if (word.empty() || word == "none" || word == "aucune" || word == "aucun")
        return AssistanceExemption::none;
    if (word == "adapted-enterprise" || word == "entreprise-adaptee")
        return AssistanceExemption::adapted_enterprise;
    if (word == "childcare" || word == "garderie")
        return AssistanceExemption::childcare;
    if (word == "ambulance")
        return AssistanceExemption::ambulance;
    throw InputError("unknown assistance exemption \"" + std::string(text) +
                         "\"; expected adapted-enterprise, childcare, ambulance or none",
                     "exemption d'aide inconnue « " + std::string(text) +
                         " » ; attendu : entreprise-adaptee, garderie, ambulance ou aucune");
}

// s. 7(13): the expenditure is reduced by the assistance received or receivable at year end,
// except for adapted enterprises, childcare centres and home childcare coordinating offices,
// ambulance enterprises and the Corporation d'urgences-santé.
double net_of_assistance(double expenditure, double assistance, AssistanceExemption exemption)
{
    require_non_negative(expenditure, expenditure_field);
    require_non_negative(assistance, assistance_field);
    if (exemption != AssistanceExemption::none)
        return round_cents(expenditure);
    return round_cents(std::max(0.0, expenditure - assistance));
}

// s. 7(12) (law-facts H): "in the case of the expenditures referred to in paragraphs 1, 2, 3,
// 11, 12, 13 and 14 of section 1".
bool non_arms_length_cap_applies(const Paragraph& paragraph)
{
    static constexpr std::string_view capped[] = {"1", "2", "3", "11", "12", "13", "14"};
    for (std::string_view number : capped)
        if (paragraph.number == number)
            return true;
    return false;
}

// s. 7(12): an instructor not at arm's length: only the wages, the travel, lodging, meal and
// day-care expenses of the instructor's staff, and the teaching materials of s. 1(17).
double
non_arms_length_cap(double invoiced, double wages_part, double travel_part, double materials_part)
{
    require_non_negative(invoiced, invoiced_field);
    require_non_negative(wages_part, wages_part_field);
    require_non_negative(travel_part, travel_part_field);
    require_non_negative(materials_part, materials_part_field);
    return round_cents(std::min(invoiced, wages_part + travel_part + materials_part));
}

// A member's share of a cost shared by hours (r. 7 training mutuals; s. 1(1) multi-employer
// training services).
double pooled_share(double total_cost, double member_hours, double all_hours)
{
    require_non_negative(total_cost, total_cost_field);
    require_non_negative(member_hours, member_hours_field);
    require_positive(all_hours, all_hours_field);
    if (member_hours > all_hours)
        throw InputError("the member's hours (" + format_number(member_hours, Language::en) +
                             ") exceed the hours of all members (" +
                             format_number(all_hours, Language::en) + ")",
                         "les heures du membre (" + format_number(member_hours, Language::fr) +
                             ") dépassent les heures de tous les membres (" +
                             format_number(all_hours, Language::fr) + ")");
    return round_cents(total_cost * member_hours / all_hours);
}

// s. 7(14): not declarable for a year prior to the year the training was completed.
bool is_declarable(CivilDate completion, int declared_year)
{
    require_year(completion.year);
    require_year(declared_year);
    days_from_civil(completion); // rejects a date that does not exist
    return declared_year >= completion.year;
}

// s. 4: supporting documents are kept for 6 years after the last year they relate to.
CivilDate retention_end(int last_year)
{
    require_year(last_year);
    return CivilDate{last_year + 6, 12, 31};
}

} // namespace onepercent
