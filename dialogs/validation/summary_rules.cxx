// R-ACT-SUMMARY: the Summary sheet's RL-1 and work chart lines recomputed with the engine
// from the Employer sheet and the detail (Act s. 3, 11 and 14; RL-1 lines 50-53, 75-79).
#include "rule_passes.hxx"

#include <cmath>

namespace onepercent::validation
{
namespace
{
constexpr double cent_tolerance = 0.005;

// A yes/no as a formula shows it: TRUE/FALSE (1/0) or a word.
std::optional<bool> shown_yes_no(const Cell& cell)
{
    if (cell.kind == Cell::Kind::number)
        return cell.number != 0;
    if (cell.kind != Cell::Kind::text)
        return std::nullopt;
    const std::string word = header_key(cell.text);
    if (word == "yes" || word == "oui" || word == "true" || word == "vrai")
        return true;
    if (word == "no" || word == "non" || word == "false" || word == "faux")
        return false;
    return std::nullopt;
}

std::optional<double> amount_or_zero(const Reading<double>& reading)
{
    if (reading.given())
        return reading.value;
    if (reading.empty())
        return 0.0;
    return std::nullopt;
}

// The expected value of each line, with how it is obtained.
struct ExpectedLine
{
    double value = 0.0;
    std::string how_en;
    std::string how_fr;
};

class SummaryPass
{
  public:
    SummaryPass(const TemplateView& view, const TemplateData& data, FindingList& findings)
        : view_(view)
        , data_(data)
        , findings_(findings)
    {
    }

    void run(WorkbookFigures& figures)
    {
        const LocatedSheet& summary = view_[SheetKey::summary];
        const EmployerRecord& employer = data_.employer;
        if (employer.name.given())
            figures.employer_name = employer.name.value;
        if (const auto year = data_.year())
            figures.fiscal_year = *year;
        compute_expected();
        if (subject_)
            figures.subject = *subject_;

        const CellRef subject_ref = form_cell(summary, "subject");
        if (subject_ref.found)
            if (const auto shown = shown_yes_no(subject_ref.cell()))
                figures.subject = *shown;
        const CellRef line53_ref = form_cell(summary, "line53");
        if (line53_ref.found && line53_ref.cell().kind == Cell::Kind::number)
        {
            figures.has_contribution = true;
            figures.contribution = line53_ref.cell().number;
        }

        if (subject_ref.found && subject_ && subject_ref.cell().kind != Cell::Kind::error)
            check_subject(subject_ref);
        for (const auto& [key, line] : expected_)
        {
            const CellRef ref = form_cell(summary, key);
            if (ref.found && ref.cell().kind != Cell::Kind::error)
                check_line(ref, line);
        }
    }

  private:
    void compute_expected()
    {
        const EmployerRecord& employer = data_.employer;
        const std::optional<int> year = data_.year();
        const std::optional<double> carried = amount_or_zero(employer.carried_forward);
        const std::optional<double> used = amount_or_zero(employer.used_for_credits);
        if (carried)
            expected_["line75"] = {*carried, "the balance carried forward on the Employer sheet",
                                   "le solde reporté de la feuille Employeur"};
        if (data_.wages_total)
            expected_["wages_total"] = {
                round_cents(*data_.wages_total),
                "the sum of the wages and contributions of the Participation sheet",
                "la somme des salaires et cotisations de la feuille Participation"};
        if (data_.expenses_total && year)
            expected_["expenses_total"] = {
                round_cents(*data_.expenses_total),
                "the sum of the net amounts of expenses completed by " + std::to_string(*year) +
                    " (s. 7(14)), capped under s. 7(12)",
                "la somme des montants nets des dépenses terminées au plus tard en " +
                    std::to_string(*year) + " (art. 7(14)), plafonnés selon l'art. 7(12)"};
        if (!year || !employer.payroll.given())
            return;
        const double payroll = employer.payroll.value;
        try
        {
            subject_ = is_subject(payroll, *year); // Act s. 3
            const double threshold = payroll_threshold(*year);
            const double minimum = minimum_participation(payroll, *year);
            expected_["line50"] = {payroll, "the total payroll on the Employer sheet",
                                   "la masse salariale totale de la feuille Employeur"};
            expected_["line51"] = {minimum,
                                   *subject_ ? "1 % of " + money_text(payroll, Language::en)
                                             : "0, the payroll not exceeding " +
                                                   money_text(threshold, Language::en),
                                   *subject_ ? "1 % de " + money_text(payroll, Language::fr)
                                             : "0, la masse salariale ne dépassant pas " +
                                                   money_text(threshold, Language::fr)};
            if (!data_.wages_total || !data_.expenses_total || !carried)
                return;
            const double eligible = round_cents(*data_.wages_total + *data_.expenses_total);
            const auto sum_en = money_text(*data_.wages_total, Language::en) + " + " +
                                money_text(*data_.expenses_total, Language::en) + " + " +
                                money_text(*carried, Language::en);
            const auto sum_fr = money_text(*data_.wages_total, Language::fr) + " + " +
                                money_text(*data_.expenses_total, Language::fr) + " + " +
                                money_text(*carried, Language::fr);
            const double line78 = round_cents(eligible + *carried);
            expected_["line78"] = {line78, "wages " + sum_en + " carried forward",
                                   "salaires " + sum_fr + " reporté"};
            expected_["line52"] = {line78, "line 78", "la ligne 78"};
            expected_["line53"] = {
                fund_contribution(payroll, *year, eligible, *carried), // Act s. 14
                "line 51 " + money_text(minimum, Language::en) + " less " +
                    money_text(eligible, Language::en) + " of expenditures and " +
                    money_text(*carried, Language::en) + " carried forward, not below zero",
                "ligne 51 " + money_text(minimum, Language::fr) + " moins " +
                    money_text(eligible, Language::fr) + " de dépenses et " +
                    money_text(*carried, Language::fr) + " reporté, sans être négative"};
            if (used)
                expected_["line79"] = {
                    carry_forward(payroll, *year, eligible, *carried, *used), // Act s. 11
                    "expenditures " + money_text(eligible, Language::en) + " + " +
                        money_text(*carried, Language::en) + " carried forward less line 51 " +
                        money_text(minimum, Language::en) + " and " +
                        money_text(*used, Language::en) + " used for tax credits",
                    "dépenses " + money_text(eligible, Language::fr) + " + " +
                        money_text(*carried, Language::fr) + " reporté moins la ligne 51 " +
                        money_text(minimum, Language::fr) + " et " +
                        money_text(*used, Language::fr) + " utilisé pour des crédits d'impôt"};
        }
        catch (const InputError&)
        {
            // A negative figure: reported by D-NEGATIVE; the lines are not checked.
        }
    }

    void check_subject(const CellRef& ref)
    {
        findings_.count("R-ACT-SUMMARY");
        const std::optional<bool> shown = shown_yes_no(ref.cell());
        if (!shown || *shown == *subject_)
            return;
        const EmployerRecord& employer = data_.employer;
        const double threshold = payroll_threshold(*data_.year());
        const std::string comparison_en = *subject_ ? "exceeds" : "does not exceed";
        const std::string comparison_fr = *subject_ ? "dépasse" : "ne dépasse pas";
        findings_.add_cell(
            "R-ACT-SUMMARY", ref, value_text(ref.cell(), false, view_.null_date),
            {"\"Subject to the 1 % law\" should be " + yes_no_text(*subject_, Language::en),
             "« Assujetti à la loi du 1 % » devrait être " + yes_no_text(*subject_, Language::fr),
             "should be " + yes_no_text(*subject_, Language::en) + ": the payroll " +
                 money_text(employer.payroll.value, Language::en) + " " + comparison_en + " " +
                 money_text(threshold, Language::en) + " (Act s. 3); restore the formula",
             "devrait être " + yes_no_text(*subject_, Language::fr) + " : la masse salariale " +
                 money_text(employer.payroll.value, Language::fr) + " " + comparison_fr + " " +
                 money_text(threshold, Language::fr) +
                 " (art. 3 de la Loi) ; rétablir la formule"});
    }

    void check_line(const CellRef& ref, const ExpectedLine& line)
    {
        findings_.count("R-ACT-SUMMARY");
        const Cell& cell = ref.cell();
        if (cell.kind == Cell::Kind::number && std::abs(cell.number - line.value) <= cent_tolerance)
            return;
        const std::string label_en(ref.field->english);
        const std::string label_fr(ref.field->french);
        findings_.add_cell(
            "R-ACT-SUMMARY", ref, value_text(cell, false, view_.null_date),
            {"\"" + label_en + "\" does not match the detail",
             "« " + label_fr + " » ne concorde pas avec le détail",
             label_en + " should be " + money_text(line.value, Language::en) + ": " + line.how_en,
             label_fr + " devrait être " + money_text(line.value, Language::fr) + " : " +
                 line.how_fr});
    }

    const TemplateView& view_;
    const TemplateData& data_;
    FindingList& findings_;
    std::optional<bool> subject_;
    std::map<std::string_view, ExpectedLine> expected_;
};
} // namespace

void check_summary(const TemplateView& view,
                   const TemplateData& data,
                   FindingList& findings,
                   WorkbookFigures& figures)
{
    SummaryPass(view, data, findings).run(figures);
}

} // namespace onepercent::validation
