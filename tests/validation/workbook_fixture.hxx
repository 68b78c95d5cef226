// Test fixture: a clean OnePercent workbook built in memory after docs/template-layout.md, in
// English or French, its computed cells worked out with the regulation engine as the
// template's formulas would; and helpers to find and change its cells.
#pragma once

#include "validator.hxx"
#include "workbook_model.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fixture
{
using namespace onepercent;
using namespace onepercent::validation;

struct EmployeeRow
{
    std::string id;
    std::string name;
    std::string pay_basis;
    double pay_amount;
    double annual_salary;
    double cnesst_rate;
};

struct ActivityRow
{
    std::string id;
    std::string title;
    std::string provider;
    std::string provider_kind;
    bool arms_length;
    std::string plan_reference;
    bool consultation_proof;
    bool attestation_issued;
    CivilDate start;
    CivilDate completion;
    double planned_duration;
    bool supervision;
    bool on_the_job;
    bool ohs;
    bool ohs_integral;
};

struct ParticipationRow
{
    std::string employee_id;
    std::string activity_id;
    std::string role;
    double hours;
};

struct ExpenseRow
{
    std::string id;
    std::string activity_id;
    std::string employee_id;
    std::string kind;
    std::string member; // "", or yes/no in the workbook's language
    std::string description;
    double amount;
    double registration_cost; // 0: left empty
    double assistance;        // 0: left empty
    std::string document;
    double nal_wages; // the three: left empty when the activity is at arm's length
    double nal_travel;
    double nal_materials;
};

struct WorkbookData
{
    Language language = Language::en;
    std::string employer_name;
    std::string neq;
    int year = 2025;
    double payroll = 0;
    double carried_forward = 0;
    bool cqif = false;
    std::string exempt_category;
    double used_for_credits = 0;
    std::vector<EmployeeRow> employees;
    std::vector<ActivityRow> activities;
    std::vector<ParticipationRow> participation;
    std::vector<ExpenseRow> expenses;
};

// ---- Cells --------------------------------------------------------------------------------
inline Cell text_cell(const std::string& text)
{
    Cell cell;
    cell.kind = Cell::Kind::text;
    cell.text = text;
    return cell;
}

inline Cell number_cell(double number)
{
    Cell cell;
    cell.kind = Cell::Kind::number;
    cell.number = number;
    return cell;
}

inline Cell error_cell(const std::string& shown)
{
    Cell cell;
    cell.kind = Cell::Kind::error;
    cell.text = shown;
    return cell;
}

inline Cell formula(Cell value, const std::string& formula_text)
{
    value.formula = formula_text;
    return value;
}

inline double serial_of(CivilDate date)
{
    return static_cast<double>(days_from_civil(date) - days_from_civil(CivilDate{1899, 12, 30}));
}

// Sets a cell, growing the sheet's used area.
inline void put(Sheet& sheet, std::size_t row, std::size_t column, Cell cell)
{
    if (row >= sheet.rows || column >= sheet.columns)
    {
        const std::size_t rows = std::max(sheet.rows, row + 1);
        const std::size_t columns = std::max(sheet.columns, column + 1);
        std::vector<Cell> cells(rows * columns);
        for (std::size_t r = 0; r < sheet.rows; ++r)
            for (std::size_t c = 0; c < sheet.columns; ++c)
                cells[r * columns + c] = sheet.cells[r * sheet.columns + c];
        sheet.cells = std::move(cells);
        sheet.rows = rows;
        sheet.columns = columns;
    }
    sheet.cells[row * sheet.columns + column] = std::move(cell);
}

inline void put_optional(Sheet& sheet, std::size_t row, std::size_t column, double number)
{
    if (number != 0)
        put(sheet, row, column, number_cell(number));
}

inline void put_text(Sheet& sheet, std::size_t row, std::size_t column, const std::string& text)
{
    if (!text.empty())
        put(sheet, row, column, text_cell(text));
}

// ---- The layout of docs/template-layout.md (written out again, independently of the
// validator's own table) -----------------------------------------------------------------------
struct Names
{
    const char* english;
    const char* french;
};

inline const char* pick(Language language, const Names& names)
{
    return language == Language::fr ? names.french : names.english;
}

inline const std::vector<Names>& employer_labels()
{
    static const std::vector<Names> labels{
        {"Employer name", "Nom de l'employeur"},
        {"Québec enterprise number (NEQ)", "Numéro d'entreprise du Québec (NEQ)"},
        {"Fiscal year", "Année"},
        {"Total payroll (RL-1 line 50)", "Masse salariale totale (RL-1 ligne 50)"},
        {"Balance carried forward (line 75)", "Solde reporté (ligne 75)"},
        {"CQIF holder", "Titulaire d'un CQIF"},
        {"s. 7(13) exempt category", "Catégorie exemptée art. 7(13)"},
        {"Used for tax credits", "Utilisé pour crédits d'impôt"},
    };
    return labels;
}

inline const std::vector<Names>& employee_headers()
{
    static const std::vector<Names> headers{
        {"Employee ID", "No employé"},
        {"Name", "Nom"},
        {"Pay basis", "Base de paie"},
        {"Pay amount", "Montant de paie"},
        {"Hourly rate", "Taux horaire"},
        {"Annual salary", "Salaire annuel"},
        {"CNESST rate per $100", "Taux CNESST par 100 $"},
    };
    return headers;
}

inline const std::vector<Names>& activity_headers()
{
    static const std::vector<Names> headers{
        {"Activity ID", "No activité"},
        {"Title", "Titre"},
        {"Provider", "Fournisseur"},
        {"Provider kind", "Type de fournisseur"},
        {"Arm's length", "Sans lien de dépendance"},
        {"Training plan reference", "Référence au plan de formation"},
        {"Proof of consultation", "Preuve de consultation"},
        {"Attestation issued", "Attestation délivrée"},
        {"Start date", "Date de début"},
        {"Completion date", "Date de fin"},
        {"Planned duration (h)", "Durée prévue (h)"},
        {"Supervision or interaction", "Encadrement ou interaction"},
        {"On-the-job or e-learning", "En emploi ou en ligne"},
        {"OHS training", "Formation SST"},
        {"OHS integral to the job", "SST intégrée à l'emploi"},
    };
    return headers;
}

inline const std::vector<Names>& participation_headers()
{
    static const std::vector<Names> headers{
        {"Employee ID", "No employé"},
        {"Activity ID", "No activité"},
        {"Role", "Rôle"},
        {"Hours", "Heures"},
        {"Paragraph", "Paragraphe"},
        {"Wages", "Salaires"},
        {"Contributions", "Cotisations"},
    };
    return headers;
}

inline const std::vector<Names>& expense_headers()
{
    static const std::vector<Names> headers{
        {"Expense ID", "No dépense"},
        {"Activity ID", "No activité"},
        {"Employee ID", "No employé"},
        {"Expense kind", "Type de dépense"},
        {"Member of the order", "Membre de l'ordre"},
        {"Paragraph", "Paragraphe"},
        {"Description", "Description"},
        {"Amount", "Montant"},
        {"Registration cost", "Frais d'inscription"},
        {"Government assistance", "Aide gouvernementale"},
        {"Net amount", "Montant net"},
        {"Supporting document", "Pièce justificative"},
        {"Non-arm's-length: wages", "Lien de dépendance : salaires"},
        {"Non-arm's-length: travel", "Lien de dépendance : déplacements"},
        {"Non-arm's-length: materials", "Lien de dépendance : matériel"},
        {"Eligible amount", "Montant admissible"},
    };
    return headers;
}

inline const std::vector<Names>& summary_labels()
{
    static const std::vector<Names> labels{
        {"Subject to the 1 % law", "Assujetti à la loi du 1 %"},
        {"Line 50: total payroll", "Ligne 50 : masse salariale totale"},
        {"Line 51: minimum participation", "Ligne 51 : participation minimale"},
        {"Training wages and contributions", "Salaires et cotisations de formation"},
        {"Net eligible expenses", "Dépenses admissibles nettes"},
        {"Line 75: balance carried forward", "Ligne 75 : solde reporté"},
        {"Line 78: total eligible expenditures", "Ligne 78 : total des dépenses admissibles"},
        {"Line 52: eligible training expenditures", "Ligne 52 : dépenses de formation admissibles"},
        {"Line 53: contribution to the WSDRF", "Ligne 53 : cotisation au FDRCMO"},
        {"Line 79: balance to carry forward", "Ligne 79 : solde à reporter"},
    };
    return labels;
}

inline const Names sheet_names[] = {{"Employer", "Employeur"},   {"Employees", "Employés"},
                                    {"Activities", "Activités"}, {"Participation", "Participation"},
                                    {"Expenses", "Dépenses"},    {"Summary", "Sommaire"}};

// ---- The clean data -----------------------------------------------------------------------
inline WorkbookData clean_data(Language language = Language::en)
{
    const bool fr = language == Language::fr;
    auto yes = [fr](bool value)
    { return std::string(value ? (fr ? "oui" : "yes") : (fr ? "non" : "no")); };
    (void)yes;
    WorkbookData data;
    data.language = language;
    data.employer_name = "Atelier Boréal inc.";
    data.neq = "1234567890";
    data.year = 2025;
    data.payroll = 2'500'000;
    data.carried_forward = 1'000;
    data.cqif = false;
    data.exempt_category = "";
    data.used_for_credits = 0;
    data.employees = {
        {"E1", "Alice Tremblay", fr ? "année" : "year", 78'000, 78'000, 1.25},
        {"E2", "Benoît Roy", fr ? "heure" : "hour", 30, 58'500, 1.25},
        {"E3", "Chloé Gagnon", fr ? "semaine" : "week", 1'200, 62'400, 1.25},
    };
    data.activities = {
        {"A1",
         "Forklift safety",
         "Cégep de Lévis",
         fr ? "établissement-reconnu" : "recognized-institution",
         true,
         "PF-2025-01",
         true,
         true,
         {2025, 3, 3},
         {2025, 3, 14},
         14,
         true,
         false,
         true,
         true},
        {"A2",
         "Spreadsheet coaching",
         "In-house",
         fr ? "interne" : "internal",
         true,
         "PF-2025-02",
         true,
         true,
         {2025, 4, 1},
         {2025, 6, 30},
         20,
         true,
         true,
         false,
         false},
        {"A3",
         "Engineering ethics",
         "Ordre des ingénieurs",
         fr ? "ordre-professionnel" : "professional-order",
         true,
         "PF-2025-03",
         true,
         true,
         {2025, 9, 10},
         {2025, 9, 12},
         12,
         true,
         false,
         false,
         false},
        {"A4",
         "Welding course",
         "Soudure Lévesque",
         fr ? "organisme-agréé" : "accredited-body",
         false,
         "PF-2025-04",
         true,
         true,
         {2025, 10, 1},
         {2025, 10, 20},
         30,
         true,
         false,
         false,
         false},
        {"A5",
         "Safety convention",
         "Congrès SST",
         "",
         true,
         "PF-2025-05",
         true,
         true,
         {2025, 5, 14},
         {2025, 5, 14},
         7,
         true,
         false,
         false,
         false},
    };
    data.participation = {
        {"E1", "A1", "participant", 14},
        {"E2", "A1", "participant", 14},
        {"E3", "A2", fr ? "formateur" : "trainer", 20},
        {"E2", "A2", "participant", 20},
    };
    data.expenses = {
        {"X1", "A1", "", fr ? "frais-formation" : "tuition", "", "Forklift course fees", 10'000, 0,
         2'500, "INV-1001", 0, 0, 0},
        {"X2", "A3", "E1", fr ? "frais-formation" : "tuition", fr ? "oui" : "yes",
         "Ethics training", 800, 0, 0, "INV-1002", 0, 0, 0},
        {"X3", "A1", "", fr ? "frais-deplacement" : "travel", "", "Bus to Lévis", 450, 0, 0,
         "INV-1003", 0, 0, 0},
        {"X4", "A4", "", fr ? "frais-formation" : "tuition", "", "Welding course", 2'800, 0, 0,
         "INV-1004", 2'000, 500, 300},
        {"X5", "A5", "", fr ? "colloque" : "event", "", "Convention registration", 600, 350, 0,
         "INV-1005", 0, 0, 0},
        {"X6", "A2", "E3", fr ? "salaire-materiel" : "materials-wages", "", "Exercise sheets", 400,
         0, 0, "INV-1006", 0, 0, 0},
    };
    return data;
}

// ---- Rendering, with the values the template's formulas compute --------------------------------
inline std::optional<ExpenseKind> role_kind(const std::string& role)
{
    const std::string word = fold_text(role);
    if (word == "participant")
        return ExpenseKind::participant_wages;
    if (word == "trainer" || word == "formateur")
        return ExpenseKind::trainer_wages;
    if (word == "supervisor" || word == "encadrement")
        return ExpenseKind::supervision_wages;
    if (word == "replacement" || word == "remplacement")
        return ExpenseKind::replacement_wages;
    return std::nullopt;
}

inline Workbook build_workbook(const WorkbookData& data)
{
    const Language language = data.language;
    const bool fr = language == Language::fr;
    auto yes_no = [fr](bool value)
    { return text_cell(value ? (fr ? "oui" : "yes") : (fr ? "non" : "no")); };
    Workbook workbook;
    workbook.file_name = fr ? "formation-2025.ods" : "training-2025.ods";
    workbook.sha256 = "3f2a9c0d1e4b5a6978877665544332211000ffeeddccbbaa9988776655443322";
    workbook.properties = {{"OnePercentTemplate", "org.onepercent.workbook"},
                           {"OnePercentTemplateVersion", "1.0"},
                           {"OnePercentLanguage", fr ? "fr" : "en"}};
    for (const Names& names : sheet_names)
    {
        Sheet sheet;
        sheet.name = pick(language, names);
        workbook.sheets.push_back(sheet);
    }
    Sheet& employer = workbook.sheets[0];
    Sheet& employees = workbook.sheets[1];
    Sheet& activities = workbook.sheets[2];
    Sheet& participation = workbook.sheets[3];
    Sheet& expenses = workbook.sheets[4];
    Sheet& summary = workbook.sheets[5];

    // Employer: a title, then labels in A and values in B.
    put(employer, 0, 0,
        text_cell(fr ? "OnePercent – dépenses de formation admissibles"
                     : "OnePercent – eligible training expenditures"));
    for (std::size_t index = 0; index < employer_labels().size(); ++index)
        put(employer, index + 1, 0, text_cell(pick(language, employer_labels()[index])));
    put(employer, 1, 1, text_cell(data.employer_name));
    put(employer, 2, 1, text_cell(data.neq));
    put(employer, 3, 1, number_cell(data.year));
    put(employer, 4, 1, number_cell(data.payroll));
    put(employer, 5, 1, number_cell(data.carried_forward));
    put(employer, 6, 1, yes_no(data.cqif));
    put_text(employer, 7, 1, data.exempt_category);
    put(employer, 8, 1, number_cell(data.used_for_credits));
    const AssistanceExemption exemption = parse_assistance_exemption(data.exempt_category);

    auto headers = [language](Sheet& sheet, const std::vector<Names>& names)
    {
        for (std::size_t column = 0; column < names.size(); ++column)
            put(sheet, 0, column, text_cell(pick(language, names[column])));
    };
    headers(employees, employee_headers());
    headers(activities, activity_headers());
    headers(participation, participation_headers());
    headers(expenses, expense_headers());

    auto employee_of = [&data](const std::string& id) -> const EmployeeRow*
    {
        for (const EmployeeRow& row : data.employees)
            if (row.id == id)
                return &row;
        return nullptr;
    };
    auto activity_of = [&data](const std::string& id) -> const ActivityRow*
    {
        for (const ActivityRow& row : data.activities)
            if (row.id == id)
                return &row;
        return nullptr;
    };
    auto rate_of = [](const EmployeeRow& row)
    { return hourly_rate(row.pay_amount, parse_pay_period(row.pay_basis)); };

    for (std::size_t index = 0; index < data.employees.size(); ++index)
    {
        const EmployeeRow& row = data.employees[index];
        const std::size_t r = index + 1;
        const std::string n = std::to_string(r + 1);
        put(employees, r, 0, text_cell(row.id));
        put_text(employees, r, 1, row.name);
        put(employees, r, 2, text_cell(row.pay_basis));
        put(employees, r, 3, number_cell(row.pay_amount));
        put(employees, r, 4,
            formula(number_cell(rate_of(row)), "=TRAINING.HOURLYRATE(D" + n + ";C" + n + ")"));
        put(employees, r, 5, number_cell(row.annual_salary));
        put(employees, r, 6, number_cell(row.cnesst_rate));
    }

    for (std::size_t index = 0; index < data.activities.size(); ++index)
    {
        const ActivityRow& row = data.activities[index];
        const std::size_t r = index + 1;
        put(activities, r, 0, text_cell(row.id));
        put(activities, r, 1, text_cell(row.title));
        put_text(activities, r, 2, row.provider);
        put_text(activities, r, 3, row.provider_kind);
        put(activities, r, 4, yes_no(row.arms_length));
        put_text(activities, r, 5, row.plan_reference);
        put(activities, r, 6, yes_no(row.consultation_proof));
        put(activities, r, 7, yes_no(row.attestation_issued));
        put(activities, r, 8, number_cell(serial_of(row.start)));
        put(activities, r, 9, number_cell(serial_of(row.completion)));
        put(activities, r, 10, number_cell(row.planned_duration));
        put(activities, r, 11, yes_no(row.supervision));
        put(activities, r, 12, yes_no(row.on_the_job));
        put(activities, r, 13, yes_no(row.ohs));
        put(activities, r, 14, yes_no(row.ohs_integral));
    }

    double wages_total = 0;
    for (std::size_t index = 0; index < data.participation.size(); ++index)
    {
        const ParticipationRow& row = data.participation[index];
        const std::size_t r = index + 1;
        const std::string n = std::to_string(r + 1);
        put(participation, r, 0, text_cell(row.employee_id));
        put(participation, r, 1, text_cell(row.activity_id));
        put(participation, r, 2, text_cell(row.role));
        put(participation, r, 3, number_cell(row.hours));
        const EmployeeRow* employee = employee_of(row.employee_id);
        const ActivityRow* activity = activity_of(row.activity_id);
        std::optional<std::string> paragraph;
        if (activity && role_kind(row.role))
            paragraph = classify_expense(*role_kind(row.role),
                                         parse_provider_kind(activity->provider_kind), false);
        put(participation, r, 4,
            formula(paragraph ? text_cell(*paragraph) : error_cell("#N/A"),
                    "=TRAINING.PARAGRAPH(...)"));
        const double wages = employee ? training_wages(row.hours, rate_of(*employee)) : 0;
        put(participation, r, 5,
            formula(number_cell(wages), "=TRAINING.WAGES(D" + n + ";VLOOKUP(A" + n + ";...))"));
        double contributions = 0;
        try
        {
            contributions = employee
                                ? employer_contributions(data.year, wages, employee->annual_salary,
                                                         employee->cnesst_rate, std::nullopt)
                                : 0;
            put(participation, r, 6,
                formula(number_cell(contributions), "=TRAINING.CONTRIBUTIONS(...)"));
        }
        catch (const InputError&)
        {
            put(participation, r, 6,
                formula(error_cell("Err:502"), "=TRAINING.CONTRIBUTIONS(...)"));
        }
        // s. 1 and 7(14): a row with no paragraph, or of an activity completed after the
        // year, counts 0 (template 1.1 semantics, also applied to 1.0 workbooks).
        if (paragraph && activity && activity->completion.year <= data.year)
            wages_total += wages + contributions;
    }

    double expenses_total = 0;
    double outside_total = 0; // training mutuals and the CCQ fund
    for (std::size_t index = 0; index < data.expenses.size(); ++index)
    {
        const ExpenseRow& row = data.expenses[index];
        const std::size_t r = index + 1;
        const std::string n = std::to_string(r + 1);
        const ActivityRow* activity = activity_of(row.activity_id);
        put(expenses, r, 0, text_cell(row.id));
        put(expenses, r, 1, text_cell(row.activity_id));
        put_text(expenses, r, 2, row.employee_id);
        put(expenses, r, 3, text_cell(row.kind));
        put_text(expenses, r, 4, row.member);
        const bool member = fold_text(row.member) == "yes" || fold_text(row.member) == "oui";
        // r. 7 and Act s. 12 payments show their reference instead of a paragraph of s. 1.
        const std::optional<std::string_view> outside =
            outside_s1_reference(parse_expense_kind(row.kind), language);
        std::optional<std::string> paragraph;
        if (outside)
            paragraph = std::string(*outside);
        else if (activity)
            paragraph = classify_expense(parse_expense_kind(row.kind),
                                         parse_provider_kind(activity->provider_kind), member);
        put(expenses, r, 5,
            formula(paragraph ? text_cell(*paragraph) : error_cell("#N/A"),
                    "=TRAINING.PARAGRAPH(D" + n + ";...;E" + n + ")"));
        put_text(expenses, r, 6, row.description);
        put(expenses, r, 7, number_cell(row.amount));
        put_optional(expenses, r, 8, row.registration_cost);
        put_optional(expenses, r, 9, row.assistance);
        const double net = net_of_assistance(row.amount, row.assistance, exemption);
        put(expenses, r, 10,
            formula(number_cell(net), "=TRAINING.NETOFASSISTANCE(H" + n + ";J" + n + ";...)"));
        put_text(expenses, r, 11, row.document);
        if (activity && !activity->arms_length)
        {
            put(expenses, r, 12, number_cell(row.nal_wages));
            put(expenses, r, 13, number_cell(row.nal_travel));
            put(expenses, r, 14, number_cell(row.nal_materials));
        }
        // Declarable in the year (s. 7(14)), capped per s. 7(12) when not at arm's length.
        // s. 1: no paragraph, nothing; s. 7(12) only for paragraphs 1, 2, 3, 11-14.
        double eligible = 0;
        if (outside)
            eligible = net; // in full, outside s. 1
        else if (paragraph && activity && activity->completion.year <= data.year)
            eligible =
                activity->arms_length || !non_arms_length_cap_applies(find_paragraph(*paragraph))
                    ? net
                    : non_arms_length_cap(net, row.nal_wages, row.nal_travel, row.nal_materials);
        put(expenses, r, 15,
            formula(number_cell(eligible),
                    "=IF(H" + n + "=\"\";\"\";...DECLARABLE(...)*K" + n + "...)"));
        (outside ? outside_total : expenses_total) += eligible;
    }

    // Summary: a title, the ten lines, then a further table the validator does not read.
    put(summary, 0, 0, text_cell(fr ? "Sommaire" : "Summary"));
    const double eligible = round_cents(wages_total + expenses_total + outside_total);
    const double values[] = {
        is_subject(data.payroll, data.year) ? 1.0 : 0.0,
        data.payroll,
        data.cqif ? 0.0 : minimum_participation(data.payroll, data.year),
        round_cents(wages_total),
        round_cents(expenses_total),
        data.carried_forward,
        round_cents(eligible + data.carried_forward),
        round_cents(eligible + data.carried_forward),
        fund_contribution(data.payroll, data.year, eligible, data.carried_forward, data.cqif),
        carry_forward(data.payroll, data.year, eligible, data.carried_forward,
                      data.used_for_credits),
    };
    for (std::size_t index = 0; index < summary_labels().size(); ++index)
    {
        put(summary, index + 1, 0, text_cell(pick(language, summary_labels()[index])));
        put(summary, index + 1, 1, formula(number_cell(values[index]), "=..."));
    }
    put(summary, 12, 0, text_cell(fr ? "Totaux par paragraphe" : "Totals by paragraph"));
    put(summary, 13, 0, text_cell("1(1)"));
    put(summary, 13, 1, formula(number_cell(10'300), "=SUMIF(...)"));
    return workbook;
}

inline Workbook clean_workbook(Language language = Language::en)
{
    return build_workbook(clean_data(language));
}

// ---- Finding cells and findings -----------------------------------------------------------
inline Sheet& sheet_named(Workbook& workbook, const std::string& name)
{
    for (Sheet& sheet : workbook.sheets)
        if (sheet.name == name)
            return sheet;
    throw std::runtime_error("no sheet " + name);
}

inline std::size_t column_of(const Sheet& sheet, const std::string& header)
{
    for (std::size_t column = 0; column < sheet.columns; ++column)
        if (sheet.at(0, column).text == header)
            return column;
    throw std::runtime_error("no column " + header + " in " + sheet.name);
}

// The cell of a table: `data_row` 0 is row 2.
inline Cell& table_at(Workbook& workbook,
                      const std::string& sheet_name,
                      const std::string& header,
                      std::size_t data_row)
{
    Sheet& sheet = sheet_named(workbook, sheet_name);
    const std::size_t column = column_of(sheet, header);
    put(sheet, data_row + 1, column, sheet.at(data_row + 1, column));
    return sheet.cells[(data_row + 1) * sheet.columns + column];
}

inline std::string table_cell_name(Workbook& workbook,
                                   const std::string& sheet_name,
                                   const std::string& header,
                                   std::size_t data_row)
{
    return sheet_name + "!" +
           cell_name(data_row + 1, column_of(sheet_named(workbook, sheet_name), header));
}

// The value cell (column B) of a label of the Employer or Summary sheet.
inline Cell& form_at(Workbook& workbook, const std::string& sheet_name, const std::string& label)
{
    Sheet& sheet = sheet_named(workbook, sheet_name);
    for (std::size_t row = 0; row < sheet.rows; ++row)
        if (sheet.at(row, 0).text == label)
        {
            put(sheet, row, 1, sheet.at(row, 1));
            return sheet.cells[row * sheet.columns + 1];
        }
    throw std::runtime_error("no label " + label);
}

inline std::string
form_cell_name(Workbook& workbook, const std::string& sheet_name, const std::string& label)
{
    Sheet& sheet = sheet_named(workbook, sheet_name);
    for (std::size_t row = 0; row < sheet.rows; ++row)
        if (sheet.at(row, 0).text == label)
            return sheet_name + "!" + cell_name(row, 1);
    throw std::runtime_error("no label " + label);
}

inline std::vector<Finding> findings_of(const Report& report, const std::string& rule_id)
{
    std::vector<Finding> found;
    for (const Finding& finding : report.findings)
        if (finding.rule_id == rule_id)
            found.push_back(finding);
    return found;
}

inline bool has_digit(const std::string& text)
{
    return text.find_first_of("0123456789") != std::string::npos;
}

// Every finding, for failure messages.
inline std::string describe(const Report& report)
{
    std::string text = report.read_error.empty() ? "" : "read error: " + report.read_error + "\n";
    for (const Finding& finding : report.findings)
        text += finding.rule_id + " " + std::string(severity_name(finding.severity)) + " " +
                finding.location() + " [" + finding.value + "] " + finding.message_en + " | " +
                finding.fix_en + "\n";
    return text;
}

// Exactly one finding of the rule; checks its severity, location and a number in the fix.
inline Finding only_finding(const Report& report,
                            const std::string& rule_id,
                            Severity severity,
                            const std::string& location)
{
    const std::vector<Finding> found = findings_of(report, rule_id);
    EXPECT_EQ(found.size(), 1u) << describe(report);
    if (found.empty())
        return Finding{};
    const Finding& finding = found.front();
    EXPECT_EQ(finding.severity, severity) << describe(report);
    EXPECT_EQ(finding.location(), location) << describe(report);
    EXPECT_EQ(finding.legal_reference, std::string(find_rule(rule_id)->legal_reference));
    EXPECT_FALSE(finding.message_en.empty());
    EXPECT_FALSE(finding.message_fr.empty());
    EXPECT_FALSE(finding.fix_fr.empty());
    EXPECT_TRUE(has_digit(finding.fix_en)) << finding.fix_en;
    EXPECT_TRUE(has_digit(finding.fix_fr)) << finding.fix_fr;
    return finding;
}

} // namespace fixture
