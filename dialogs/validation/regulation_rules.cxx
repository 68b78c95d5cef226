// Regulation rules: CQLR c. D-8.3, r. 3 (formerly R.S.Q. c. D-7.1, r. 1) applied to the
// detail rows, each computation redone with the regulation engine.
#include "rule_passes.hxx"

#include <algorithm>
#include <cmath>
#include <map>

namespace onepercent::validation
{
namespace
{
constexpr double cent_tolerance = 0.005;

const Paragraph* shown_paragraph(const Cell& cell)
{
    try
    {
        if (cell.kind == Cell::Kind::number)
            return &find_paragraph(cell.number);
        if (cell.kind == Cell::Kind::text && has_content(cell))
            return &find_paragraph(cell.text);
    }
    catch (const InputError&)
    {
    }
    return nullptr;
}

bool same_paragraph(const Paragraph* shown, const std::string& expected)
{
    if (shown == nullptr)
        return false;
    try
    {
        return &find_paragraph(expected) == shown;
    }
    catch (const InputError&)
    {
        return false;
    }
}

// A computed cell's number, or nullopt when it shows something else.
std::optional<double> shown_number(const CellRef& ref)
{
    const Cell& cell = ref.cell();
    if (ref.found && cell.kind == Cell::Kind::number && std::isfinite(cell.number))
        return cell.number;
    return std::nullopt;
}

bool computable(const CellRef& ref)
{
    return ref.found && ref.cell().kind != Cell::Kind::error;
}

// s. 1: a row counts only when its paragraph cell names a paragraph (or, for an expense, the
// r. 7 / Act s. 12 reference); empty, #N/A or an error counts 0. A workbook without the
// column (not a template) is judged on the classification alone.
bool has_paragraph(const CellRef& paragraph)
{
    if (!paragraph.found)
        return true;
    const Cell& cell = paragraph.cell();
    return cell.kind != Cell::Kind::error && has_content(cell);
}

// s. 7(12) names paragraphs 1, 2, 3, 11, 12, 13 and 14 only.
bool cap_applies(const std::string& paragraph)
{
    try
    {
        return non_arms_length_cap_applies(find_paragraph(paragraph));
    }
    catch (const InputError&)
    {
        return false;
    }
}

bool is_outside_s1(const std::optional<ExpenseKind>& kind)
{
    return kind && outside_s1_reference(*kind, Language::en).has_value();
}

bool is_yes(const Reading<bool>& reading)
{
    return reading.given() && reading.value;
}

std::string money(double amount, Language language)
{
    return money_text(amount, language);
}

class RegulationPass
{
  public:
    RegulationPass(const TemplateView& view, TemplateData& data, FindingList& findings)
        : view_(view)
        , data_(data)
        , findings_(findings)
        , year_(data.year())
    {
        if (data.employer.exemption)
            exemption_ = data.employer.exemption;
    }

    void run()
    {
        check_hourly_rates();
        wages_total_ = 0.0;
        for (const ParticipationRecord& record : data_.participation)
            check_participation(record);
        expenses_total_ = 0.0;
        mutual_total_ = 0.0;
        ccq_total_ = 0.0;
        for (const ExpenseRecord& record : data_.expenses)
            check_expense(record);
        for (std::size_t index = 0; index < data_.activities.size(); ++index)
            check_activity(index);
        check_annual_return();
        data_.wages_total = wages_total_;
        data_.expenses_total = expenses_total_;
        data_.mutual_total = expenses_total_ ? mutual_total_ : std::nullopt;
        data_.ccq_total = expenses_total_ ? ccq_total_ : std::nullopt;
    }

  private:
    const LocatedSheet& sheet(SheetKey key) const { return view_[key]; }

    const ActivityRecord* activity_of(const Reference& reference) const
    {
        return reference.index ? &data_.activities[*reference.index] : nullptr;
    }

    // The activity's provider kind as typed, for messages.
    std::string provider_text_of(const ActivityRecord* activity) const
    {
        if (!activity)
            return {};
        return value_text(
            table_cell(sheet(SheetKey::activities), activity->row, "provider_kind").cell(), false,
            view_.null_date);
    }

    // ---- r. 3, s. 7(6): hourly rates -----------------------------------------------------
    void check_hourly_rates()
    {
        const LocatedSheet& employees = sheet(SheetKey::employees);
        for (EmployeeRecord& employee : data_.employees)
        {
            const CellRef ref = table_cell(employees, employee.row, "hourly_rate");
            if (!employee.hourly_rate || !computable(ref))
                continue;
            findings_.count("R-S7-HOURLY");
            const double expected = *employee.hourly_rate;
            const std::optional<double> shown = shown_number(ref);
            employee.shown_hourly_rate = shown;
            if (shown && std::abs(*shown - expected) <=
                             1e-9 * std::max(std::abs(*shown), std::abs(expected)))
                continue;
            employee.hourly_rate_reported = true;
            const std::string name = cell_name(ref.row, ref.column);
            const bool contract_hours =
                employee.hours_per_period.given() && employee.hours_per_period.value > 0;
            const std::string basis_en =
                contract_hours
                    ? " per \"" + employee.pay_basis + "\" for " +
                          decimal_text(employee.hours_per_period.value, 2, Language::en) +
                          " hours of the contract (s. 7(6) is a fallback)"
                    : " per \"" + employee.pay_basis + "\" at 1950 hours a year (s. 7(6))";
            const std::string basis_fr =
                contract_hours
                    ? " par « " + employee.pay_basis + " » pour " +
                          decimal_text(employee.hours_per_period.value, 2, Language::fr) +
                          " heures du contrat (l'art. 7(6) ne s'applique qu'à défaut)"
                    : " par « " + employee.pay_basis + " » à 1950 heures par année (art. 7(6))";
            findings_.add_cell("R-S7-HOURLY", ref, value_text(ref.cell(), false, view_.null_date),
                               {"the hourly rate of employee " + employee.id + " should be " +
                                    decimal_text(expected, 4, Language::en),
                                "le taux horaire de l'employé " + employee.id + " devrait être " +
                                    decimal_text(expected, 4, Language::fr),
                                "hourly rate should be " + decimal_text(expected, 4, Language::en) +
                                    ": " + money(employee.pay_amount, Language::en) + basis_en +
                                    "; restore the formula in " + name,
                                "le taux horaire devrait être " +
                                    decimal_text(expected, 4, Language::fr) + " : " +
                                    money(employee.pay_amount, Language::fr) + basis_fr +
                                    " ; rétablir la formule dans " + name});
        }
    }

    // ---- Paragraph cells: r. 3, s. 1 -----------------------------------------------------
    // R-S1-NO-PARAGRAPH when the classification gives none or the cell shows #N/A;
    // `expected` is known only when the kind and the provider are.
    void check_paragraph_found(const CellRef& paragraph,
                               const CellRef& fallback,
                               const std::optional<std::optional<std::string>>& expected,
                               const std::string& what_en,
                               const std::string& what_fr)
    {
        if (!expected)
            return; // the kind, the activity or its provider is reported already
        findings_.count("R-S1-NO-PARAGRAPH");
        const bool not_available = paragraph.found && is_not_available(paragraph.cell());
        if (*expected && !not_available)
            return;
        const CellRef& where = paragraph.found ? paragraph : fallback;
        const std::string value = value_text(where.cell(), false, view_.null_date);
        if (!*expected)
            findings_.add_cell(
                "R-S1-NO-PARAGRAPH", where, value,
                {"no paragraph of s. 1 covers " + what_en,
                 "aucun paragraphe de l'art. 1 ne couvre " + what_fr,
                 "not an eligible expenditure as entered: correct the kind or the activity's "
                 "provider kind (e.g. tuition paid to a recognized institution is s. 1(1)), or "
                 "remove the row",
                 "pas une dépense admissible telle que saisie : corriger le type ou le type de "
                 "fournisseur de l'activité (p. ex. des frais de formation versés à un "
                 "établissement reconnu relèvent de l'art. 1(1)), ou supprimer la ligne"});
        else
            findings_.add_cell(
                "R-S1-NO-PARAGRAPH", where, value,
                {"the paragraph shows #N/A, but " + what_en + " is s. " + **expected,
                 "le paragraphe affiche #N/A, mais " + what_fr + " relève de l'art. " + **expected,
                 "the paragraph should be " + **expected + ": restore the template's formula",
                 "le paragraphe devrait être " + **expected + " : rétablir la formule du modèle"});
    }

    // R-S1-REVOKED: the paragraph shown is revoked for the fiscal year.
    void check_revoked(const CellRef& paragraph,
                       const std::optional<std::optional<std::string>>& expected)
    {
        if (!year_ || !computable(paragraph))
            return;
        const Paragraph* shown = shown_paragraph(paragraph.cell());
        if (shown == nullptr)
            return;
        bool in_force = true;
        try
        {
            in_force = paragraph_in_force(*shown, *year_);
        }
        catch (const InputError&)
        {
            return; // a year before the paragraph table
        }
        findings_.count("R-S1-REVOKED");
        if (in_force)
            return;
        const std::string reference = paragraph_reference(*shown);
        const std::string year = std::to_string(*year_);
        std::string fix_en = "paragraphs 1(19), 1(20), 1(21), 1(22) and 1(25) are revoked: ";
        std::string fix_fr = "les paragraphes 1(19), 1(20), 1(21), 1(22) et 1(25) sont abrogés : ";
        if (expected && *expected)
        {
            fix_en += "the paragraph should be " + **expected + "; restore the template's formula";
            fix_fr +=
                "le paragraphe devrait être " + **expected + " ; rétablir la formule du modèle";
        }
        else
        {
            fix_en += "choose the paragraph that covers the expenditure, or remove the row";
            fix_fr += "choisir le paragraphe qui couvre la dépense, ou supprimer la ligne";
        }
        findings_.add_cell("R-S1-REVOKED", paragraph,
                           value_text(paragraph.cell(), false, view_.null_date),
                           {"s. " + reference + " is revoked in " + year,
                            "l'art. " + reference + " est abrogé en " + year, fix_en, fix_fr});
    }

    // ---- r. 3, s. 7(14): the year of completion ---------------------------------------------
    void check_completion_year(const Reference& reference)
    {
        const ActivityRecord* activity = activity_of(reference);
        if (!year_ || activity == nullptr || !activity->completion_year)
            return;
        findings_.count("R-S7-YEAR");
        const int completed = *activity->completion_year;
        if (completed <= *year_)
            return;
        const std::string id = reference.id.value;
        const std::string year = std::to_string(*year_);
        const std::string completion = std::to_string(completed);
        findings_.add_cell(
            "R-S7-YEAR", reference.id.ref, id,
            {"the activity " + id + " is completed in " + completion + ", after the fiscal year " +
                 year,
             "l'activité " + id + " est terminée en " + completion + ", après l'année " + year,
             "declare this expenditure for " + completion +
                 ", the year the training is completed, or correct the completion date of " + id,
             "déclarer cette dépense pour " + completion +
                 ", l'année où la formation est terminée, ou corriger la date de fin de " + id});
    }

    // ---- r. 3, s. 4, 2nd para.: the employee's name -------------------------------------------
    void check_employee_named(const Reference& employee_ref)
    {
        if (!employee_ref.index)
            return;
        const std::size_t index = *employee_ref.index;
        const EmployeeRecord& employee = data_.employees[index];
        if (!employee.name.empty() || data_.unnamed_employees_reported.count(index) != 0)
            return;
        data_.unnamed_employees_reported.insert(index);
        const std::string name = cell_name(employee.name.ref.row, employee.name.ref.column);
        findings_.add_cell(
            "R-S4-EMPLOYEE", employee.name.ref, "",
            {"employee " + employee.id + " has no name, but training wages are claimed for them",
             "l'employé " + employee.id +
                 " n'a pas de nom, mais un salaire de formation est déclaré pour lui",
             "enter the employee's name in " + name +
                 ": s. 4 requires the name and the wages for the training time",
             "saisir le nom de l'employé dans " + name +
                 " : l'art. 4 exige le nom et le salaire pour le temps de formation"});
    }

    void note_paragraph_use(const ActivityRecord* activity,
                            const std::optional<std::optional<std::string>>& expected)
    {
        if (activity == nullptr || !expected || !*expected)
            return;
        try
        {
            // s. 4, 3rd para.: training under Act s. 6(1)4°, i.e. 1(3) and 1(5), and the
            // participants' wages 1(7) in training given by an internal or non-accredited
            // provider (the employer's own training, under the plan).
            const bool plan_wages = **expected == "1(7)" && activity->provider &&
                                    (*activity->provider == ProviderKind::internal ||
                                     *activity->provider == ProviderKind::non_accredited);
            if (find_paragraph(**expected).relies_on_act_s6_1_4)
                relies_on_plan_[activity] = **expected;
            else if (plan_wages)
                relies_on_plan_.emplace(activity, **expected);
        }
        catch (const InputError&)
        {
        }
    }

    // ---- Participation ----------------------------------------------------------------------
    void check_participation(const ParticipationRecord& record)
    {
        const LocatedSheet& participation = sheet(SheetKey::participation);
        const ActivityRecord* activity = activity_of(record.activity);
        std::optional<std::optional<std::string>> expected;
        if (record.wage_kind && activity && activity->provider)
            expected = classify_expense(*record.wage_kind, *activity->provider, false);

        const CellRef paragraph = table_cell(participation, record.row, "paragraph");
        const CellRef role = table_cell(participation, record.row, "role");
        const std::string role_text = value_text(role.cell(), false, view_.null_date);
        const std::string provider_text = provider_text_of(activity);
        check_paragraph_found(
            paragraph, role, expected,
            "the role \"" + role_text + "\" with the provider kind \"" + provider_text + "\"",
            "le rôle « " + role_text + " » avec le type de fournisseur « " + provider_text + " »");
        check_revoked(paragraph, expected);
        check_completion_year(record.activity);
        findings_.count("R-S4-EMPLOYEE");
        check_employee_named(record.employee);
        note_paragraph_use(activity, expected);
        if (activity && record.wage_kind == ExpenseKind::participant_wages)
            has_participants_[activity] = true;
        check_wages(record);
    }

    // r. 3, s. 7(5), 1(8) and 7(4.1): wages and contributions; adds the row's eligible amount
    // (s. 7(13), 7(14), s. 1) to the wages total.
    void check_wages(const ParticipationRecord& record)
    {
        const LocatedSheet& participation = sheet(SheetKey::participation);
        const CellRef wages_ref = table_cell(participation, record.row, "wages");
        const CellRef contributions_ref = table_cell(participation, record.row, "contributions");
        const std::optional<double> shown_wages = shown_number(wages_ref);
        const std::optional<double> shown_contributions = shown_number(contributions_ref);

        std::optional<double> expected_wages;
        const EmployeeRecord* employee =
            record.employee.index ? &data_.employees[*record.employee.index] : nullptr;
        // s. 1(8): a replacement counts only above the replaced employee's wages; in a 1.0
        // workbook (no replaced-employee column) the row is checked as plain wages.
        const bool replacement = record.wage_kind == ExpenseKind::replacement_wages &&
                                 record.replaced_employee.id.ref.found;
        const EmployeeRecord* replaced = record.replaced_employee.index
                                             ? &data_.employees[*record.replaced_employee.index]
                                             : nullptr;
        if (employee && employee->hourly_rate && record.hours.usable() &&
            (!replacement || (replaced && replaced->hourly_rate)))
        {
            try
            {
                expected_wages = replacement
                                     ? replacement_wages(record.hours.value, *employee->hourly_rate,
                                                         *replaced->hourly_rate)
                                     : training_wages(record.hours.value, *employee->hourly_rate);
            }
            catch (const InputError&)
            {
            }
        }
        if (expected_wages && computable(wages_ref))
            compare_wages(record, *employee, replacement ? replaced : nullptr, *expected_wages,
                          wages_ref, shown_wages);

        // The contributions follow the wages the row shows, so that a wrong wage is reported
        // once, on the wages.
        const std::optional<double> wages_base = shown_wages ? shown_wages : expected_wages;
        std::optional<double> expected_contributions;
        if (year_ && employee && wages_base && employee->annual_salary.given() &&
            employee->annual_salary.value > 0 && employee->cnesst_rate.usable() &&
            (data_.employer.ei_rate.usable() || !data_.employer.ei_rate.ref.found))
        {
            try
            {
                expected_contributions = employer_contributions(
                    *year_, *wages_base, employee->annual_salary.value, employee->cnesst_rate.value,
                    data_.employer.ei_rate_override());
            }
            catch (const InputError&)
            {
            }
        }
        if (expected_contributions && computable(contributions_ref))
            compare_contributions(*expected_contributions, *wages_base, *employee,
                                  contributions_ref, shown_contributions);

        // The Summary adds the rows' eligible amounts as the rows show their wages and
        // contributions: a wrong row is reported once, on the row. A row counts when it has a
        // paragraph (s. 1), its activity is completed by the end of the year (s. 7(14)), net
        // of the assistance typed on it (s. 7(13), unless the employer is exempt).
        if (!wages_total_)
            return;
        if (!year_)
        {
            wages_total_.reset();
            return;
        }
        const ActivityRecord* activity = activity_of(record.activity);
        const bool declarable = activity != nullptr && activity->completion_year &&
                                *activity->completion_year <= *year_;
        const bool paragraph = has_paragraph(table_cell(participation, record.row, "paragraph"));
        const double gross = shown_wages.value_or(0.0) + shown_contributions.value_or(0.0);
        double counted = declarable && paragraph ? gross : 0.0;
        const bool assisted = record.assistance.given() && record.assistance.value > 0;
        if (declarable && paragraph && assisted)
        {
            try
            {
                counted = net_of_assistance(gross, record.assistance.value,
                                            exemption_.value_or(AssistanceExemption::none));
            }
            catch (const InputError&)
            {
            }
        }
        const char* rule = !declarable  ? "R-S7-YEAR"
                           : !paragraph ? "R-S1-NO-PARAGRAPH"
                           : assisted   ? "R-S7-ASSISTANCE"
                                        : "R-S7-WAGES";
        const std::string why_en =
            !declarable  ? "its activity is not completed by the end of the year (s. 7(14))"
            : !paragraph ? "the row has no paragraph of s. 1"
                         : money(gross, Language::en) + " of wages and contributions" +
                               (assisted ? " less " + money(record.assistance.value, Language::en) +
                                               " of government assistance (s. 7(13))"
                                         : "");
        const std::string why_fr =
            !declarable ? "son activité n'est pas terminée à la fin de l'année (art. 7(14))"
            : !paragraph
                ? "la ligne n'a pas de paragraphe de l'art. 1"
                : money(gross, Language::fr) + " de salaires et cotisations" +
                      (assisted ? " moins " + money(record.assistance.value, Language::fr) +
                                      " d'aide gouvernementale (art. 7(13))"
                                : "");
        *wages_total_ +=
            check_eligible_cell(table_cell(participation, record.row, "eligible_amount"), counted,
                                rule, why_en, why_fr);
    }

    // A row's Eligible amount cell (template 1.1) against what the regulation gives; the
    // Summary adds the cells as they show them, so that a wrong row is reported once, on the
    // row. Returns what the Summary counts for the row.
    double check_eligible_cell(const CellRef& ref,
                               double expected,
                               const char* rule,
                               const std::string& why_en,
                               const std::string& why_fr)
    {
        if (!ref.found || ref.cell().kind == Cell::Kind::error)
            return expected; // a 1.0 workbook, or an error reported by T-ERROR-VALUE
        findings_.count(rule);
        const Cell& cell = ref.cell();
        const std::optional<double> shown = shown_number(ref);
        if (shown ? std::abs(*shown - expected) <= cent_tolerance
                  : !has_content(cell) && expected == 0.0)
            return expected;
        const std::string name = cell_name(ref.row, ref.column);
        findings_.add_cell(rule, ref, value_text(cell, false, view_.null_date),
                           {"the eligible amount should be " + money(expected, Language::en),
                            "le montant admissible devrait être " + money(expected, Language::fr),
                            "the eligible amount should be " + money(expected, Language::en) +
                                ": " + why_en + "; restore the formula in " + name,
                            "le montant admissible devrait être " + money(expected, Language::fr) +
                                " : " + why_fr + " ; rétablir la formule dans " + name});
        return shown.value_or(0.0);
    }

    void compare_wages(const ParticipationRecord& record,
                       const EmployeeRecord& employee,
                       const EmployeeRecord* replaced,
                       double expected,
                       const CellRef& ref,
                       const std::optional<double>& shown)
    {
        findings_.count("R-S7-WAGES");
        if (shown && std::abs(*shown - expected) <= cent_tolerance)
            return;
        // The employee's shown rate is wrong (R-S7-HOURLY) and the row follows it: one finding.
        if (shown && !replaced && employee.hourly_rate_reported && employee.shown_hourly_rate &&
            std::abs(*shown - round_cents(record.hours.value * *employee.shown_hourly_rate)) <=
                cent_tolerance)
            return;
        const std::string hours_en = decimal_text(record.hours.value, 2, Language::en);
        const std::string hours_fr = decimal_text(record.hours.value, 2, Language::fr);
        const std::string name = cell_name(ref.row, ref.column);
        std::string how_en = hours_en + " h × " +
                             decimal_text(*employee.hourly_rate, 4, Language::en) +
                             " an hour of employee " + employee.id;
        std::string how_fr = hours_fr + " h × " +
                             decimal_text(*employee.hourly_rate, 4, Language::fr) +
                             " l'heure de l'employé " + employee.id;
        if (replaced)
        {
            how_en += ", less " + hours_en + " h × " +
                      decimal_text(*replaced->hourly_rate, 4, Language::en) +
                      " an hour of the replaced employee " + replaced->id +
                      " (s. 1(8): only the excess counts, TRAINING.REPLACEMENTWAGES)";
            how_fr += ", moins " + hours_fr + " h × " +
                      decimal_text(*replaced->hourly_rate, 4, Language::fr) +
                      " l'heure de l'employé remplacé " + replaced->id +
                      " (art. 1(8) : seul l'excédent compte, FORMATION.SALAIRESREMPLACEMENT)";
        }
        findings_.add_cell("R-S7-WAGES", ref, value_text(ref.cell(), false, view_.null_date),
                           {"training wages should be " + money(expected, Language::en),
                            "le salaire de formation devrait être " + money(expected, Language::fr),
                            "wages should be " + money(expected, Language::en) + ": " + how_en +
                                "; restore the formula in " + name,
                            "le salaire devrait être " + money(expected, Language::fr) + " : " +
                                how_fr + " ; rétablir la formule dans " + name});
    }

    void compare_contributions(double expected,
                               double wages,
                               const EmployeeRecord& employee,
                               const CellRef& ref,
                               const std::optional<double>& shown)
    {
        findings_.count("R-S7-CONTRIBUTIONS");
        if (shown && std::abs(*shown - expected) <= cent_tolerance)
            return;
        const std::string year = std::to_string(*year_);
        findings_.add_cell(
            "R-S7-CONTRIBUTIONS", ref, value_text(ref.cell(), false, view_.null_date),
            {"employer contributions should be " + money(expected, Language::en),
             "les cotisations de l'employeur devraient être " + money(expected, Language::fr),
             "contributions should be " + money(expected, Language::en) +
                 ": QPP, EI, QPIP and "
                 "CNESST for " +
                 year + " on an annual salary of " +
                 money(employee.annual_salary.value, Language::en) + ", prorated to " +
                 money(wages, Language::en) + " of training wages",
             "les cotisations devraient être " + money(expected, Language::fr) +
                 " : RRQ, AE, RQAP et CNESST pour " + year + " sur un salaire annuel de " +
                 money(employee.annual_salary.value, Language::fr) + ", au prorata de " +
                 money(wages, Language::fr) + " de salaire de formation"});
    }

    // ---- Expenses ---------------------------------------------------------------------------
    void check_expense(const ExpenseRecord& record)
    {
        const LocatedSheet& expenses = sheet(SheetKey::expenses);
        const ActivityRecord* activity = activity_of(record.activity);
        const bool member = is_yes(record.member_of_order);
        if (is_outside_s1(record.kind))
        {
            // r. 7 training mutuals and the Act s. 12 CCQ fund: no paragraph of s. 1, no
            // s. 7(12) cap; still proved by a document (s. 4, 4th para.) and net of assistance.
            check_document(record);
            check_net_amount(record, activity, std::nullopt);
            return;
        }
        std::optional<std::optional<std::string>> expected;
        if (record.kind && activity && activity->provider)
            expected = classify_expense(*record.kind, *activity->provider, member);

        const CellRef paragraph = table_cell(expenses, record.row, "paragraph");
        const CellRef kind = table_cell(expenses, record.row, "expense_kind");
        const std::string kind_text = value_text(kind.cell(), false, view_.null_date);
        const std::string provider_text = provider_text_of(activity);
        check_paragraph_found(paragraph, kind, expected,
                              "the expense kind \"" + kind_text + "\" with the provider kind \"" +
                                  provider_text + "\"",
                              "le type de dépense « " + kind_text +
                                  " » avec le type de fournisseur « " + provider_text + " »");
        check_revoked(paragraph, expected);
        if (activity && activity->provider == ProviderKind::professional_order)
            check_order(record, paragraph, expected);
        check_event(record, paragraph, expected);
        check_expense_employee(record);
        check_document(record);
        check_non_arms_length(record, activity, paragraph, expected);
        check_completion_year(record.activity);
        note_paragraph_use(activity, expected);
        check_net_amount(record, activity, paragraph_of_row(paragraph, expected));
    }

    // r. 3, s. 1(6) and 1(24): a professional order's training, member or not.
    void check_order(const ExpenseRecord& record,
                     const CellRef& paragraph,
                     const std::optional<std::optional<std::string>>& expected)
    {
        findings_.count("R-S1-ORDER");
        const CellRef& member_ref = record.member_of_order.ref;
        if (record.member_of_order.empty())
        {
            const std::string name = cell_name(member_ref.row, member_ref.column);
            findings_.add_cell(
                "R-S1-ORDER", member_ref, "",
                {"the provider is a professional order, but membership is not stated",
                 "le fournisseur est un ordre professionnel, mais l'appartenance n'est pas "
                 "indiquée",
                 "enter yes in " + name +
                     " for a member of the order (s. 1(6)) or no for a "
                     "non-member (s. 1(24))",
                 "saisir oui dans " + name +
                     " pour un membre de l'ordre (art. 1(6)) ou non pour "
                     "un non-membre (art. 1(24))"});
            return;
        }
        if (!record.member_of_order.given() || !expected || !*expected || !computable(paragraph))
            return;
        const Paragraph* shown = shown_paragraph(paragraph.cell());
        const bool shown_order = shown && (shown->number == "6" || shown->number == "24");
        const bool expected_order = **expected == "1(6)" || **expected == "1(24)";
        if ((!shown_order && !expected_order) || same_paragraph(shown, **expected))
            return;
        const bool member = record.member_of_order.value;
        findings_.add_cell(
            "R-S1-ORDER", paragraph, value_text(paragraph.cell(), false, view_.null_date),
            {std::string("the paragraph does not match membership of the order (member: ") +
                 (member ? "yes" : "no") + ")",
             std::string("le paragraphe ne concorde pas avec l'appartenance à l'ordre (membre : ") +
                 (member ? "oui" : "non") + ")",
             "the paragraph should be " + **expected +
                 (member ? " for a member" : " for a non-member") +
                 " of the order; restore the template's formula",
             "le paragraphe devrait être " + **expected +
                 (member ? " pour un membre" : " pour un non-membre") +
                 " de l'ordre ; rétablir la formule du modèle"});
    }

    // r. 3, s. 1(23): the event's cost shown separately as its registration cost.
    void check_event(const ExpenseRecord& record,
                     const CellRef& paragraph,
                     const std::optional<std::optional<std::string>>& expected)
    {
        bool event = false;
        if (expected && *expected)
            event = **expected == "1(23)";
        else if (!expected)
        {
            const Paragraph* shown = shown_paragraph(paragraph.cell());
            event = shown && shown->number == "23";
        }
        if (!event || !record.registration_cost.usable())
            return;
        findings_.count("R-S1-EVENT");
        if (record.registration_cost.given() && record.registration_cost.value > 0)
            return;
        const CellRef& ref = record.registration_cost.ref;
        const std::string name = cell_name(ref.row, ref.column);
        const std::string amount_en =
            record.amount.given() ? money(record.amount.value, Language::en) : "the amount";
        const std::string amount_fr =
            record.amount.given() ? money(record.amount.value, Language::fr) : "le montant";
        findings_.add_cell(
            "R-S1-EVENT", ref, value_text(ref.cell(), false, view_.null_date),
            {"a workshop, convention or seminar (s. 1(23)) without its registration cost",
             "un atelier, congrès ou colloque (art. 1(23)) sans ses frais d'inscription",
             "enter in " + name + " the registration cost of the event, shown separately from " +
                 amount_en + " as s. 1(23) requires",
             "saisir dans " + name +
                 " les frais d'inscription à l'événement, indiqués "
                 "séparément de " +
                 amount_fr + " comme l'exige l'art. 1(23)"});
    }

    // r. 3, s. 4, 2nd para.: a wage expenditure names its employee.
    void check_expense_employee(const ExpenseRecord& record)
    {
        if (!record.kind || !is_wage_kind(*record.kind))
            return;
        findings_.count("R-S4-EMPLOYEE");
        if (record.employee.id.empty())
        {
            const CellRef& ref = record.employee.id.ref;
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell(
                "R-S4-EMPLOYEE", ref, "",
                {"an expenditure in wages without the employee it was paid to",
                 "une dépense en salaire sans l'employé à qui il a été versé",
                 "enter the employee ID in " + name +
                     ": s. 4 requires the employee's name and wages for the training time",
                 "saisir le numéro de l'employé dans " + name +
                     " : l'art. 4 exige le nom de l'employé et son salaire pour le temps de "
                     "formation"});
            return;
        }
        check_employee_named(record.employee);
    }

    // r. 3, s. 4: every expenditure is proved by a supporting document.
    void check_document(const ExpenseRecord& record)
    {
        const CellRef& ref = record.document_ref.ref;
        if (!ref.found || record.document_ref.status == Reading<std::string>::Status::unavailable)
            return;
        findings_.count("R-S4-DOCUMENT");
        if (!record.document_ref.empty())
            return;
        const std::string name = cell_name(ref.row, ref.column);
        const std::string amount_en =
            record.amount.given() ? " of " + money(record.amount.value, Language::en) : "";
        const std::string amount_fr =
            record.amount.given() ? " de " + money(record.amount.value, Language::fr) : "";
        findings_.add_cell(
            "R-S4-DOCUMENT", ref, "",
            {"expense " + record.id + amount_en + " has no supporting document",
             "la dépense " + record.id + amount_fr + " n'a pas de pièce justificative",
             "enter in " + name +
                 " the reference of the invoice or receipt, kept 6 years after the "
                 "year (s. 4)",
             "saisir dans " + name +
                 " la référence de la facture ou du reçu, conservé 6 ans après "
                 "l'année (art. 4)"});
    }

    // The paragraph a row is counted under: the classification when known, else what its
    // paragraph cell shows; nullopt when it has none (s. 1: it counts 0).
    std::optional<std::string>
    paragraph_of_row(const CellRef& paragraph,
                     const std::optional<std::optional<std::string>>& expected) const
    {
        if (!has_paragraph(paragraph))
            return std::nullopt;
        if (expected)
            return *expected;
        if (const Paragraph* shown = shown_paragraph(paragraph.cell()))
            return paragraph_reference(*shown);
        return std::nullopt;
    }

    // r. 3, s. 7(12): an instructor not at arm's length, for paragraphs 1, 2, 3, 11-14 only.
    void check_non_arms_length(const ExpenseRecord& record,
                               const ActivityRecord* activity,
                               const CellRef& paragraph,
                               const std::optional<std::optional<std::string>>& expected)
    {
        if (activity == nullptr || !activity->arms_length.given() || activity->arms_length.value)
            return;
        const std::optional<std::string> counted_under = paragraph_of_row(paragraph, expected);
        if (!counted_under || !cap_applies(*counted_under))
            return;
        if (!record.amount.given() || !record.nal_wages.usable() || !record.nal_travel.usable() ||
            !record.nal_materials.usable())
            return;
        findings_.count("R-S7-NONARMS");
        const double cap = round_cents(record.nal_wages.value + record.nal_travel.value +
                                       record.nal_materials.value);
        if (record.amount.value <= cap + cent_tolerance)
            return;
        const CellRef& ref = record.amount.ref;
        auto breakdown = [&](Language language)
        {
            const bool fr = language == Language::fr;
            return money(cap, language) + (fr ? " : salaires " : ": wages ") +
                   money(record.nal_wages.value, language) +
                   (fr ? " + déplacements " : " + travel ") +
                   money(record.nal_travel.value, language) +
                   (fr ? " + matériel " : " + materials ") +
                   money(record.nal_materials.value, language);
        };
        findings_.add_cell(
            "R-S7-NONARMS", ref, number_text(record.amount.value),
            {"the amount " + money(record.amount.value, Language::en) +
                 " exceeds what counts for an instructor not at arm's length",
             "le montant " + money(record.amount.value, Language::fr) +
                 " dépasse ce qui compte pour un formateur ayant un lien de dépendance",
             "only " + breakdown(Language::en) +
                 " counts; enter the rest of the invoice's breakdown in the non-arm's-length "
                 "columns, or reduce the amount to the cap",
             "seulement " + breakdown(Language::fr) +
                 " compte ; saisir le reste de la ventilation de la facture dans les colonnes de "
                 "lien de dépendance, ou ramener le montant au plafond"});
    }

    // r. 3, s. 7(13): net of assistance; adds the expense to the expenses total (s. 1, 7(14),
    // 7(12)), or to the training mutuals' or the CCQ fund's total.
    void check_net_amount(const ExpenseRecord& record,
                          const ActivityRecord* activity,
                          const std::optional<std::string>& counted_under)
    {
        const CellRef net_ref = table_cell(sheet(SheetKey::expenses), record.row, "net_amount");
        std::optional<double> expected;
        if (record.amount.given() && record.assistance.usable() && exemption_)
        {
            try
            {
                expected =
                    net_of_assistance(record.amount.value, record.assistance.value, *exemption_);
            }
            catch (const InputError&)
            {
            }
        }
        const std::optional<double> shown = shown_number(net_ref);
        if (expected && computable(net_ref))
        {
            findings_.count("R-S7-ASSISTANCE");
            if (!shown || std::abs(*shown - *expected) > cent_tolerance)
                report_net_amount(record, net_ref, *expected);
        }

        // The expenses total, from the net amounts as the rows show them: declarable in the
        // year (s. 7(14)), capped when not at arm's length (s. 7(12)). An expense of an
        // unknown activity, or of one without a completion date, is not counted (reported).
        if (!expenses_total_)
            return;
        if (!year_)
        {
            expenses_total_.reset();
            return;
        }
        const CellRef eligible_ref =
            table_cell(sheet(SheetKey::expenses), record.row, "eligible_amount");
        const double net = shown.value_or(0.0);
        const std::string net_en = money(net, Language::en) + " net";
        const std::string net_fr = money(net, Language::fr) + " net";
        if (is_outside_s1(record.kind))
        {
            std::optional<double>& total =
                record.kind == ExpenseKind::training_mutual ? mutual_total_ : ccq_total_;
            *total += check_eligible_cell(eligible_ref, net, "R-S7-ASSISTANCE",
                                          net_en + ", counted in full",
                                          net_fr + ", compté en entier"); // r. 7; Act s. 12
            return;
        }
        const bool declarable = activity != nullptr && activity->completion_year &&
                                *activity->completion_year <= *year_;
        double counted = declarable && counted_under ? net : 0.0;
        bool capped = false;
        if (declarable && counted_under && activity->arms_length.given() &&
            !activity->arms_length.value && cap_applies(*counted_under))
        {
            const double parts = record.nal_wages.value * record.nal_wages.given() +
                                 record.nal_travel.value * record.nal_travel.given() +
                                 record.nal_materials.value * record.nal_materials.given();
            capped = parts < counted;
            counted = std::min(counted, parts);
        }
        // Not at arm's length, but s. 7(12) does not cap this paragraph.
        const bool uncapped = declarable && counted_under && !capped &&
                              activity->arms_length.given() && !activity->arms_length.value &&
                              !cap_applies(*counted_under);
        const char* rule = !declarable          ? "R-S7-YEAR"
                           : !counted_under     ? "R-S1-NO-PARAGRAPH"
                           : capped || uncapped ? "R-S7-NONARMS"
                                                : "R-S7-ASSISTANCE";
        const std::string why_en =
            !declarable      ? "the activity is not completed by the end of the year (s. 7(14))"
            : !counted_under ? "the expense has no paragraph of s. 1"
            : capped         ? net_en + ", capped at the non-arm's-length parts (s. 7(12))"
            : uncapped       ? net_en +
                             " in full: s. 7(12) caps paragraphs 1, 2, 3 and 11 to 14 only, "
                             "not s. " +
                             *counted_under
                       : net_en;
        const std::string why_fr =
            !declarable      ? "l'activité n'est pas terminée à la fin de l'année (art. 7(14))"
            : !counted_under ? "la dépense n'a pas de paragraphe de l'art. 1"
            : capped         ? net_fr + ", plafonné aux parts du lien de dépendance (art. 7(12))"
            : uncapped       ? net_fr +
                             " en entier : l'art. 7(12) ne plafonne que les paragraphes 1, 2, 3 et "
                             "11 à 14, pas l'art. " +
                             *counted_under
                       : net_fr;
        *expenses_total_ += check_eligible_cell(eligible_ref, counted, rule, why_en, why_fr);
    }

    void report_net_amount(const ExpenseRecord& record, const CellRef& ref, double expected)
    {
        const double assistance = record.assistance.value;
        std::string fix_en = "net amount should be " + money(expected, Language::en) + ": ";
        std::string fix_fr = "le montant net devrait être " + money(expected, Language::fr) + " : ";
        if (*exemption_ != AssistanceExemption::none)
        {
            fix_en += money(record.amount.value, Language::en) +
                      " in full, the employer's category being exempt from the reduction";
            fix_fr += money(record.amount.value, Language::fr) +
                      " en entier, la catégorie de l'employeur étant exemptée de la réduction";
        }
        else
        {
            fix_en += money(record.amount.value, Language::en) + " less " +
                      money(assistance, Language::en) + " of assistance";
            fix_fr += money(record.amount.value, Language::fr) + " moins " +
                      money(assistance, Language::fr) + " d'aide";
        }
        findings_.add_cell("R-S7-ASSISTANCE", ref, value_text(ref.cell(), false, view_.null_date),
                           {"the net amount of expense " + record.id +
                                " does not deduct the government assistance as s. 7(13) requires",
                            "le montant net de la dépense " + record.id +
                                " ne déduit pas l'aide gouvernementale comme l'exige l'art. 7(13)",
                            fix_en, fix_fr});
    }

    // ---- Activities -------------------------------------------------------------------------
    void check_activity(std::size_t index)
    {
        const ActivityRecord& activity = data_.activities[index];
        check_on_the_job(activity);
        check_ohs(activity);
        check_plan(activity);
    }

    // r. 3, s. 1(7): on-the-job or e-learning training of participants; also an activity whose
    // Format (1.2) is coaching, mentoring or on-the-job (docs/template-layout.md,
    // Interpretations: coaching and mentoring are on-the-job training, M).
    void check_on_the_job(const ActivityRecord& activity)
    {
        const bool by_format = activity.format && format_is_on_the_job(*activity.format);
        if ((!is_yes(activity.on_the_job) && !by_format) || has_participants_.count(&activity) == 0)
            return;
        findings_.count("R-S1-ON-THE-JOB");
        // "on-the-job activity A04", or by its Format alone "coaching activity A09".
        const std::string kind_en =
            is_yes(activity.on_the_job)
                ? std::string("on-the-job activity ")
                : std::string(activity_format_word(*activity.format, Language::en)) + " activity ";
        const std::string kind_fr =
            is_yes(activity.on_the_job)
                ? std::string("l'activité en emploi ")
                : "l'activité de format " +
                      std::string(activity_format_word(*activity.format, Language::fr)) + " ";
        if (activity.planned_duration.usable() &&
            (activity.planned_duration.empty() || activity.planned_duration.value == 0))
        {
            const CellRef& ref = activity.planned_duration.ref;
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell(
                "R-S1-ON-THE-JOB", ref, value_text(ref.cell(), false, view_.null_date),
                {kind_en + activity.id + " has no planned duration",
                 kind_fr + activity.id + " n'a pas de durée prévue",
                 "enter in " + name +
                     " the duration in hours set by the training plan (e.g. 20): s. 1(7) "
                     "requires a specific duration",
                 "saisir dans " + name +
                     " la durée en heures fixée par le plan de formation (p. ex. 20) : l'art. 1(7) "
                     "exige une durée déterminée"});
        }
        if (activity.supervision.usable() && !is_yes(activity.supervision))
        {
            const CellRef& ref = activity.supervision.ref;
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell(
                "R-S1-ON-THE-JOB", ref, value_text(ref.cell(), false, view_.null_date),
                {kind_en + activity.id + " has no supervision or interaction",
                 kind_fr + activity.id + " n'a pas d'encadrement ou d'interaction",
                 "enter yes in " + name +
                     " if a trainer supervises or interacts with the participants; otherwise "
                     "their wages do not count under s. 1(7)",
                 "saisir oui dans " + name +
                     " si un formateur encadre les participants ou interagit avec eux ; sinon "
                     "leur salaire ne compte pas selon l'art. 1(7)"});
        }
    }

    // r. 3, s. 7(3.2): health and safety training integral to the job.
    void check_ohs(const ActivityRecord& activity)
    {
        if (!activity.ohs.usable())
            return;
        findings_.count("R-S7-OHS");
        if (!is_yes(activity.ohs) || !activity.ohs_integral.usable() ||
            is_yes(activity.ohs_integral))
            return;
        const CellRef& ref = activity.ohs_integral.ref;
        const std::string name = cell_name(ref.row, ref.column);
        findings_.add_cell(
            "R-S7-OHS", ref, value_text(ref.cell(), false, view_.null_date),
            {"health and safety activity " + activity.id + " is not integral to the job",
             "l'activité de santé et sécurité " + activity.id + " n'est pas intégrée à l'emploi",
             "enter yes in " + name +
                 " only if the training is part of the skills the job requires; otherwise it "
                 "does not count (s. 7(3.2)): remove its expenditures",
             "saisir oui dans " + name +
                 " seulement si la formation fait partie des compétences qu'exige l'emploi ; "
                 "sinon elle ne compte pas (art. 7(3.2)) : retirer ses dépenses"});
    }

    // r. 3, s. 4, 3rd para.: training under Act s. 6(1)4° (s. 1(3), 1(5)).
    void check_plan(const ActivityRecord& activity)
    {
        const auto use = relies_on_plan_.find(&activity);
        if (use == relies_on_plan_.end())
            return;
        findings_.count("R-S4-PLAN");
        const std::string& reference = use->second;
        const auto report =
            [&](const Reading<bool>& proof, const char* what_en, const char* what_fr)
        {
            if (!proof.usable() || is_yes(proof))
                return;
            const CellRef& ref = proof.ref;
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell("R-S4-PLAN", ref, value_text(ref.cell(), false, view_.null_date),
                               {"activity " + activity.id + " is claimed under s. " + reference +
                                    " without " + what_en,
                                "l'activité " + activity.id + " est déclarée selon l'art. " +
                                    reference + " sans " + what_fr,
                                "keep " + std::string(what_en) + " and enter yes in " + name +
                                    " (s. 4, 3rd para.; Act s. 6(1)4°)",
                                "conserver " + std::string(what_fr) + " et saisir oui dans " +
                                    name + " (art. 4, 3e al. ; art. 6(1)4° de la Loi)"});
        };
        report(activity.consultation_proof, "proof of the consultations on the training plan",
               "la preuve des consultations sur le plan de formation");
        report(activity.attestation_issued, "the attestations issued to participants",
               "les attestations délivrées aux participants");
    }

    // ---- r. 3, s. 3: annual information return (repealed from 2024-01-01) -------------------
    void check_annual_return()
    {
        if (!year_ || !findings_.applies("R-S3-RETURN"))
            return;
        findings_.count("R-S3-RETURN");
        // Repealed from 2024-01-01 (Bill 17 of 2023, law-facts H): a reminder for a subject
        // employer without a CQIF, for the years up to 2022 only (issue 7, item 12).
        const EmployerRecord& employer = data_.employer;
        bool subject = false;
        try
        {
            subject = employer.payroll.given() && is_subject(employer.payroll.value, *year_);
        }
        catch (const InputError&)
        {
        }
        if (*year_ > 2022 || is_yes(employer.cqif) || !subject)
            return;
        const std::string year = std::to_string(*year_);
        findings_.add_file(
            "R-S3-RETURN", year,
            {"for " + year +
                 ", the employer files the annual information return on its training "
                 "activities with the Minister (s. 3)",
             "pour " + year +
                 ", l'employeur produit auprès du ministre la déclaration annuelle "
                 "de ses activités de formation (art. 3)",
             "file the annual information return for " + year +
                 ", unless the employer holds a CQIF (then enter yes in CQIF holder); s. 3 "
                 "applies to years before 2024",
             "produire la déclaration annuelle de renseignements pour " + year +
                 ", sauf si l'employeur est titulaire d'un CQIF (saisir alors oui dans "
                 "Titulaire d'un CQIF) ; l'art. 3 s'applique aux années antérieures à 2024"});
    }

    const TemplateView& view_;
    TemplateData& data_;
    FindingList& findings_;
    std::optional<int> year_;
    std::optional<AssistanceExemption> exemption_;
    std::optional<double> wages_total_;
    std::optional<double> expenses_total_;
    std::optional<double> mutual_total_;
    std::optional<double> ccq_total_;
    std::map<const ActivityRecord*, bool> has_participants_;
    std::map<const ActivityRecord*, std::string> relies_on_plan_;
};
} // namespace

void check_regulation(const TemplateView& view, TemplateData& data, FindingList& findings)
{
    RegulationPass(view, data, findings).run();
}

} // namespace onepercent::validation
