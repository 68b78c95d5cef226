// R-ACT-SUMMARY: the Summary sheet's RL-1 and work chart lines recomputed with the engine
// from the Employer sheet and the detail (Act s. 3, 11 and 14; RL-1 lines 50-53, 75-79).
#include "rule_passes.hxx"

#include <cmath>
#include <vector>

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

// The expected value of each line, with how it is obtained; blank: the line must be empty
// (line 50 of an employer that is not subject, or of a CQIF holder).
struct ExpectedLine
{
    double value = 0.0;
    std::string how_en;
    std::string how_fr;
    bool blank = false;
};

std::string sum_text(const std::vector<double>& parts, Language language)
{
    std::string text;
    for (double part : parts)
        text += (text.empty() ? "" : " + ") + money_text(part, language);
    return text;
}

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
        compute_expected(figures.computed);
        if (subject_)
            figures.subject = *subject_;
        read_workbook_figures(summary, figures.workbook);

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
    static std::optional<double> shown_amount(const LocatedSheet& summary, std::string_view key)
    {
        const CellRef ref = form_cell(summary, key);
        if (ref.found && ref.cell().kind == Cell::Kind::number && std::isfinite(ref.cell().number))
            return ref.cell().number;
        return std::nullopt;
    }

    // What the Summary shows, by meaning (a template 1.0 Summary has no payroll nor eligible
    // row: its line 50 always showed the payroll, and eligible = line 78 - line 75).
    void read_workbook_figures(const LocatedSheet& summary, FigureSet& shown) const
    {
        const CellRef subject_ref = form_cell(summary, "subject");
        if (subject_ref.found)
            shown.subject = shown_yes_no(subject_ref.cell());
        shown.payroll = shown_amount(summary, "payroll");
        if (!shown.payroll && summary.legacy.count("line50"))
            shown.payroll = shown_amount(summary, "line50");
        shown.minimum = shown_amount(summary, "line51");
        shown.eligible = shown_amount(summary, "eligible");
        shown.carried_in = shown_amount(summary, "line75");
        if (!shown.eligible && !summary.position("eligible"))
            if (const auto line78 = shown_amount(summary, "line78"))
                shown.eligible = round_cents(*line78 - shown.carried_in.value_or(0.0));
        shown.contribution = shown_amount(summary, "line53");
        shown.carry_forward = shown_amount(summary, "line79");
    }

    void compute_expected(FigureSet& computed)
    {
        const EmployerRecord& employer = data_.employer;
        const LocatedSheet& summary = view_[SheetKey::summary];
        const std::optional<int> year = data_.year();
        const std::optional<double> carried = amount_or_zero(employer.carried_forward);
        const std::optional<double> used = amount_or_zero(employer.used_for_credits);
        const bool cqif = employer.cqif_holder();
        if (carried)
        {
            expected_["line75"] = {*carried, "the balance carried forward on the Employer sheet",
                                   "le solde reporté de la feuille Employeur"};
            computed.carried_in = *carried;
        }
        if (data_.wages_total)
            expected_["wages_total"] = {
                round_cents(*data_.wages_total),
                "the sum of the eligible wages and contributions of the Participation sheet "
                "(activities completed in the year, net of assistance)",
                "la somme des salaires et cotisations admissibles de la feuille Participation "
                "(activités terminées dans l'année, nets de l'aide)"};
        if (data_.expenses_total && year)
            expected_["expenses_total"] = {
                round_cents(*data_.expenses_total),
                "the sum of the net amounts of expenses with a paragraph of s. 1 completed by " +
                    std::to_string(*year) + " (s. 7(14)), capped under s. 7(12)",
                "la somme des montants nets des dépenses ayant un paragraphe de l'art. 1 "
                "terminées au plus tard en " +
                    std::to_string(*year) + " (art. 7(14)), plafonnés selon l'art. 7(12)"};
        if (data_.mutual_total)
            expected_["mutual_total"] = {
                round_cents(*data_.mutual_total),
                "the net amounts of the training-mutual expenses (r. 7)",
                "les montants nets des dépenses mutuelle-formation (r. 7)"};
        if (data_.ccq_total)
            expected_["ccq_total"] = {
                round_cents(*data_.ccq_total),
                "the net amounts of the ccq-training-fund expenses (Act s. 12)",
                "les montants nets des dépenses fonds-formation-ccq (Loi, art. 12)"};
        if (!year || !employer.payroll.given())
            return;
        const double payroll = employer.payroll.value;
        try
        {
            subject_ = is_subject(payroll, *year); // Act s. 3
            computed.subject = *subject_;
            computed.payroll = payroll;
            const double threshold = payroll_threshold(*year);
            // r. 5: a CQIF holder has no minimum to reach (Revenu Québec: lines 50-53 blank).
            const double minimum = cqif ? 0.0 : minimum_participation(payroll, *year);
            computed.minimum = minimum;
            expected_["payroll"] = {payroll, "the total payroll on the Employer sheet",
                                    "la masse salariale totale de la feuille Employeur"};
            if (summary.legacy.count("line50"))
                expected_["line50"] = {payroll, "the total payroll on the Employer sheet",
                                       "la masse salariale totale de la feuille Employeur"};
            else if (*subject_ && !cqif)
                expected_["line50"] = {payroll, "the total payroll, the employer being subject",
                                       "la masse salariale totale, l'employeur étant assujetti"};
            else
                expected_["line50"] = {
                    0.0,
                    cqif ? "empty: a CQIF holder leaves lines 50 to 53 blank (Revenu Québec)"
                         : "empty: the payroll " + money_text(payroll, Language::en) +
                               " does not exceed " + money_text(threshold, Language::en) +
                               " (Revenu Québec: only if it exceeds the threshold)",
                    cqif ? "vide : le titulaire d'un CQIF laisse les lignes 50 à 53 en blanc "
                           "(Revenu Québec)"
                         : "vide : la masse salariale " + money_text(payroll, Language::fr) +
                               " ne dépasse pas " + money_text(threshold, Language::fr) +
                               " (Revenu Québec : seulement si elle dépasse le seuil)",
                    true};
            expected_["line51"] = {minimum,
                                   cqif        ? "0, a CQIF holder (r. 5)"
                                   : *subject_ ? "1 % of " + money_text(payroll, Language::en)
                                               : "0, the payroll not exceeding " +
                                                     money_text(threshold, Language::en),
                                   cqif        ? "0, titulaire d'un CQIF (r. 5)"
                                   : *subject_ ? "1 % de " + money_text(payroll, Language::fr)
                                               : "0, la masse salariale ne dépassant pas " +
                                                     money_text(threshold, Language::fr)};
            if (!data_.wages_total || !data_.expenses_total || !carried)
                return;
            const std::vector<double> parts{*data_.wages_total, *data_.expenses_total,
                                            data_.mutual_total.value_or(0.0),
                                            data_.ccq_total.value_or(0.0)};
            double sum = 0.0;
            for (double part : parts)
                sum += part;
            const double eligible = round_cents(sum);
            computed.eligible = eligible;
            expected_["eligible"] = {eligible,
                                     "wages " + sum_text(parts, Language::en) +
                                         " (wages, expenses, training mutuals, CCQ fund)",
                                     "salaires " + sum_text(parts, Language::fr) +
                                         " (salaires, dépenses, mutuelles, fonds de la CCQ)"};
            const double line78 = round_cents(eligible + *carried);
            expected_["line78"] = {line78,
                                   money_text(eligible, Language::en) + " of the year + " +
                                       money_text(*carried, Language::en) + " carried forward",
                                   money_text(eligible, Language::fr) + " de l'année + " +
                                       money_text(*carried, Language::fr) + " reporté"};
            expected_["line52"] = {line78, "the total eligible expenditures",
                                   "le total des dépenses admissibles"};
            const double contribution =
                fund_contribution(payroll, *year, eligible, *carried, cqif); // Act s. 14
            computed.contribution = contribution;
            expected_["line53"] = {
                contribution,
                cqif ? "0: a CQIF holder does not contribute (r. 5; Revenu Québec)"
                     : "the minimum " + money_text(minimum, Language::en) + " less " +
                           money_text(eligible, Language::en) + " of expenditures and " +
                           money_text(*carried, Language::en) + " carried forward, not below zero",
                cqif ? "0 : le titulaire d'un CQIF ne cotise pas (r. 5; Revenu Québec)"
                     : "la participation minimale " + money_text(minimum, Language::fr) +
                           " moins " + money_text(eligible, Language::fr) + " de dépenses et " +
                           money_text(*carried, Language::fr) + " reporté, sans être négative"};
            if (used)
            {
                const double balance =
                    carry_forward(payroll, *year, eligible, *carried, *used); // Act s. 11
                computed.carry_forward = balance;
                expected_["line79"] = {
                    balance,
                    *subject_
                        ? "expenditures " + money_text(eligible, Language::en) + " + " +
                              money_text(*carried, Language::en) +
                              " carried forward less the minimum " +
                              money_text(minimum_participation(payroll, *year), Language::en) +
                              " and " + money_text(*used, Language::en) + " used for tax credits"
                        : "not subject: the year's expenditures " +
                              money_text(eligible, Language::en) + " less " +
                              money_text(*used, Language::en) +
                              " used for tax credits, for the next year's line 75 (Act "
                              "s. 11)",
                    *subject_
                        ? "dépenses " + money_text(eligible, Language::fr) + " + " +
                              money_text(*carried, Language::fr) +
                              " reporté moins la participation minimale " +
                              money_text(minimum_participation(payroll, *year), Language::fr) +
                              " et " + money_text(*used, Language::fr) +
                              " utilisé pour des crédits d'impôt"
                        : "non assujetti : les dépenses de l'année " +
                              money_text(eligible, Language::fr) + " moins " +
                              money_text(*used, Language::fr) +
                              " utilisé pour des crédits d'impôt, pour la ligne 75 de "
                              "l'année suivante (Loi, art. 11)"};
            }
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
        if (line.blank)
        {
            if (!has_content(cell))
                return;
            const std::string label_en(ref.field->english);
            const std::string label_fr(ref.field->french);
            findings_.add_cell("R-ACT-SUMMARY", ref, value_text(cell, false, view_.null_date),
                               {"\"" + label_en + "\" should be empty",
                                "« " + label_fr + " » devrait être vide",
                                label_en + " should be " + line.how_en,
                                label_fr + " devrait être " + line.how_fr});
            return;
        }
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
