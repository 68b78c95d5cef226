// The template's layout (docs/template-layout.md) as data, and its sheets, columns and labels
// located in a workbook by name and header in either language, whatever the case or accents.
#include "template_reader.hxx"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace onepercent::validation
{
namespace
{
std::vector<SheetSpec> build_layout()
{
    return {
        {SheetKey::employer,
         "Employer",
         "Employeur",
         false,
         {
             {"name", "Employer name", "Nom de l'employeur", false, ""},
             {"neq", "Québec enterprise number (NEQ)", "Numéro d'entreprise du Québec (NEQ)", false,
              ""},
             {"year", "Fiscal year", "Année", false, ""},
             {"payroll", "Total payroll", "Masse salariale totale", false, "", false,
              "Total payroll (RL-1 line 50)", "Masse salariale totale (RL-1 ligne 50)"},
             {"carried_forward", "Balance carried forward", "Solde reporté", false, "", false,
              "Balance carried forward (line 75)", "Solde reporté (ligne 75)"},
             {"cqif", "CQIF holder", "Titulaire d'un CQIF", false, ""},
             {"exempt_category", "s. 7(13) exempt category", "Catégorie exemptée art. 7(13)", false,
              ""},
             {"used_for_credits", "Used for tax credits", "Utilisé pour crédits d'impôt", false,
              ""},
             {"ei_rate", "EI employer rate", "Taux AE de l'employeur", false, "", true},
         }},
        {SheetKey::employees,
         "Employees",
         "Employés",
         true,
         {
             {"employee_id", "Employee ID", "No employé", false, ""},
             {"name", "Name", "Nom", false, ""},
             {"pay_basis", "Pay basis", "Base de paie", false, ""},
             {"pay_amount", "Pay amount", "Montant de paie", false, ""},
             {"hourly_rate", "Hourly rate", "Taux horaire", true,
              "=TRAINING.HOURLYRATE(pay amount; pay basis; hours per pay period)"},
             {"annual_salary", "Annual salary", "Salaire annuel", false, ""},
             {"cnesst_rate", "CNESST rate per $100", "Taux CNESST par 100 $", false, ""},
             {"hours_per_period", "Hours per pay period", "Heures par période de paie", false, "",
              true},
         }},
        {SheetKey::activities,
         "Activities",
         "Activités",
         true,
         {
             {"activity_id", "Activity ID", "No activité", false, ""},
             {"title", "Title", "Titre", false, ""},
             {"provider_name", "Provider", "Fournisseur", false, ""},
             {"provider_kind", "Provider kind", "Type de fournisseur", false, ""},
             {"arms_length", "Arm's length", "Sans lien de dépendance", false, ""},
             {"plan_reference", "Training plan reference", "Référence au plan de formation", false,
              ""},
             {"consultation_proof", "Proof of consultation", "Preuve de consultation", false, ""},
             {"attestation_issued", "Attestation issued", "Attestation délivrée", false, ""},
             {"start_date", "Start date", "Date de début", false, ""},
             {"completion_date", "Completion date", "Date de fin", false, ""},
             {"planned_duration", "Planned duration (h)", "Durée prévue (h)", false, ""},
             {"supervision", "Supervision or interaction", "Encadrement ou interaction", false, ""},
             {"on_the_job", "On-the-job or e-learning", "En emploi ou en ligne", false, ""},
             {"ohs", "OHS training", "Formation SST", false, ""},
             {"ohs_integral", "OHS integral to the job", "SST intégrée à l'emploi", false, ""},
             // 1.2 (issue 12): how the activity is given; optional (1.1 files have none).
             {"format", "Format", "Format", false, "", true},
         }},
        {SheetKey::participation,
         "Participation",
         "Participation",
         true,
         {
             {"employee_id", "Employee ID", "No employé", false, ""},
             {"activity_id", "Activity ID", "No activité", false, ""},
             {"role", "Role", "Rôle", false, ""},
             {"hours", "Hours", "Heures", false, ""},
             {"paragraph", "Paragraph", "Paragraphe", true,
              "=TRAINING.PARAGRAPH(role's wage kind; activity's provider kind)"},
             {"wages", "Wages", "Salaires", true,
              "=TRAINING.WAGES(hours; employee's hourly rate), or for a replacement "
              "=TRAINING.REPLACEMENTWAGES(hours; employee's rate; replaced employee's rate)"},
             {"contributions", "Contributions", "Cotisations", true,
              "=TRAINING.CONTRIBUTIONS(year; wages; annual salary; CNESST rate; EI rate)"},
             {"replaced_employee_id", "Replaced employee ID", "No employé remplacé", false, "",
              true},
             {"assistance", "Government assistance", "Aide gouvernementale", false, "", true},
             {"eligible_amount", "Eligible amount", "Montant admissible", true,
              "wages + contributions net of assistance (s. 7(13)) if the activity is declarable "
              "in the year (s. 7(14)) and the row has a paragraph, else 0",
              true},
             // 1.2 (issue 12): what an LMS records; optional.
             {"completed", "Completed", "Terminé", false, "", true},
             {"proof", "Proof of participation", "Preuve de participation", false, "", true},
         }},
        {SheetKey::expenses,
         "Expenses",
         "Dépenses",
         true,
         {
             {"expense_id", "Expense ID", "No dépense", false, ""},
             {"activity_id", "Activity ID", "No activité", false, ""},
             {"employee_id", "Employee ID", "No employé", false, ""},
             {"expense_kind", "Expense kind", "Type de dépense", false, ""},
             {"member_of_order", "Member of the order", "Membre de l'ordre", false, ""},
             {"paragraph", "Paragraph", "Paragraphe", true,
              "=TRAINING.PARAGRAPH(kind; activity's provider kind; member)"},
             {"description", "Description", "Description", false, ""},
             {"amount", "Amount", "Montant", false, ""},
             {"registration_cost", "Registration cost", "Frais d'inscription", false, ""},
             {"assistance", "Government assistance", "Aide gouvernementale", false, ""},
             {"net_amount", "Net amount", "Montant net", true,
              "=TRAINING.NETOFASSISTANCE(amount; assistance; exempt category)"},
             {"document_ref", "Supporting document", "Pièce justificative", false, ""},
             {"nal_wages", "Non-arm's-length: wages", "Lien de dépendance : salaires", false, ""},
             {"nal_travel", "Non-arm's-length: travel", "Lien de dépendance : déplacements", false,
              ""},
             {"nal_materials", "Non-arm's-length: materials", "Lien de dépendance : matériel",
              false, ""},
             // Optional: a template 1.0 workbook made before the column was added stays valid.
             {"eligible_amount", "Eligible amount", "Montant admissible", true,
              "net amount if the activity is declarable in the year (TRAINING.DECLARABLE), "
              "capped per s. 7(12) when not at arm's length, else 0",
              true},
         }},
        // 1.2 (issue 12): certifications and their renewals. The sheet is optional (1.1 files
        // have none); when present, its columns are checked like any table's.
        {SheetKey::certifications,
         "Certifications",
         "Certifications",
         true,
         {
             {"employee_id", "Employee ID", "No employé", false, ""},
             {"certification", "Certification", "Certification", false, ""},
             {"obtained_on", "Obtained on", "Obtenue le", false, ""},
             {"expires_on", "Expires on", "Expire le", false, ""},
             {"renewal_activity_id", "Renewal activity ID", "No activité de renouvellement", false,
              ""},
         },
         true},
        {SheetKey::summary,
         "Summary",
         "Sommaire",
         false,
         {
             {"subject", "Subject to the 1 % law", "Assujetti à la loi du 1 %", true,
              "payroll over the threshold (Act s. 3)"},
             {"payroll", "Total payroll", "Masse salariale totale", true, "=Employer payroll",
              true},
             {"line50", "Total payroll on the RL-1 (subject employers only)",
              "Masse salariale totale au RL-1 (employeurs assujettis seulement)", true,
              "the payroll when subject and not a CQIF holder, else empty", false,
              "Line 50: total payroll", "Ligne 50 : masse salariale totale"},
             {"line51", "Minimum participation (1 %)", "Participation minimale (1 %)", true,
              "1 % of the payroll when subject and not a CQIF holder, else 0", false,
              "Line 51: minimum participation", "Ligne 51 : participation minimale"},
             {"wages_total", "Training wages and contributions",
              "Salaires et cotisations de formation", true,
              "sum of the participation eligible amounts"},
             {"expenses_total", "Net eligible expenses", "Dépenses admissibles nettes", true,
              "sum of the expenses' eligible amounts under s. 1"},
             {"mutual_total", "Payments to training mutuals (r. 7)",
              "Versements à des mutuelles de formation (r. 7)", true,
              "sum of the eligible amounts of training-mutual expenses", true},
             {"ccq_total", "Contributions to the CCQ training fund (Act s. 12)",
              "Cotisations au fonds de formation de la CCQ (Loi, art. 12)", true,
              "sum of the eligible amounts of ccq-training-fund expenses", true},
             {"eligible", "Eligible expenditures of the year", "Dépenses admissibles de l'année",
              true, "wages + expenses + training mutuals + CCQ fund", true},
             {"line75", "Balance carried forward from previous years",
              "Solde reporté des années antérieures", true, "=Employer balance carried forward",
              false, "Line 75: balance carried forward", "Ligne 75 : solde reporté"},
             {"line78", "Total eligible expenditures", "Total des dépenses admissibles", true,
              "eligible expenditures of the year + balance carried forward", false,
              "Line 78: total eligible expenditures", "Ligne 78 : total des dépenses admissibles"},
             {"line52", "Eligible training expenditures", "Dépenses de formation admissibles", true,
              "=total eligible expenditures", false, "Line 52: eligible training expenditures",
              "Ligne 52 : dépenses de formation admissibles"},
             {"line53", "Contribution to the WSDRF", "Cotisation au FDRCMO", true,
              "=TRAINING.CONTRIBUTION(payroll; year; eligible; carried forward; CQIF)", false,
              "Line 53: contribution to the WSDRF", "Ligne 53 : cotisation au FDRCMO"},
             {"line79", "Balance to carry forward", "Solde à reporter", true,
              "=TRAINING.CARRYFORWARD(payroll; year; eligible; carried forward; used for credits)",
              false, "Line 79: balance to carry forward", "Ligne 79 : solde à reporter"},
         }},
    };
}

bool matches(std::string_view text, const FieldSpec& field)
{
    const std::string key = header_key(text);
    return !key.empty() && (key == header_key(field.english) || key == header_key(field.french));
}

bool matches_legacy(std::string_view text, const FieldSpec& field)
{
    const std::string key = header_key(text);
    return !key.empty() && !field.legacy_english.empty() &&
           (key == header_key(field.legacy_english) || key == header_key(field.legacy_french));
}

// Table columns by their header in row 1; data rows are those with at least one input.
void locate_table(LocatedSheet& located)
{
    const Sheet& sheet = *located.sheet;
    for (const FieldSpec& field : located.spec->fields)
        for (std::size_t column = 0; column < sheet.columns; ++column)
        {
            const Cell& header = sheet.at(0, column);
            if (header.kind == Cell::Kind::text && matches(header.text, field))
            {
                located.positions.emplace(field.key, column);
                break;
            }
        }
    for (std::size_t row = 1; row < sheet.rows; ++row)
    {
        bool has_input = false;
        for (const FieldSpec& field : located.spec->fields)
        {
            const auto column = located.position(field.key);
            if (!field.computed && column && has_content(sheet.at(row, *column)))
                has_input = true;
        }
        if (has_input)
            located.data_rows.push_back(row);
    }
}

// Form labels in column A; the first row that carries a label wins.
void locate_form(LocatedSheet& located)
{
    const Sheet& sheet = *located.sheet;
    for (const FieldSpec& field : located.spec->fields)
        for (std::size_t row = 0; row < sheet.rows; ++row)
        {
            const Cell& label = sheet.at(row, 0);
            if (label.kind != Cell::Kind::text)
                continue;
            const bool legacy = matches_legacy(label.text, field);
            if (legacy || matches(label.text, field))
            {
                located.positions.emplace(field.key, row);
                if (legacy)
                    located.legacy.insert(field.key);
                break;
            }
        }
}
// OnePercentPreparedRows (docs/template-layout.md, Identity): a whole number 1..100000, as
// text or as a number property ("5000"); absent: 200, the row count of the files made before
// the property.
void read_prepared_rows(const Workbook& workbook, TemplateView& view)
{
    view.prepared_rows_text = trimmed_property(workbook, "OnePercentPreparedRows");
    if (view.prepared_rows_text.empty())
        return;
    const std::string& text = view.prepared_rows_text;
    double number = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(number) ||
        number != std::floor(number) || number < 1 ||
        number > static_cast<double>(max_prepared_rows))
    {
        view.prepared_rows_valid = false;
        return;
    }
    view.prepared_rows = static_cast<std::size_t>(number);
}

// Whether a row holds a formula in one of the table's computed columns: a prepared row.
bool has_computed_formula(const LocatedSheet& located, std::size_t row)
{
    for (const FieldSpec& field : located.spec->fields)
        if (field.computed)
            if (const auto column = located.position(field.key))
                if (located.sheet->at(row, *column).is_formula())
                    return true;
    return false;
}

// An ID as the lookups compare it (Calc's MATCH ignores case).
std::string id_key(const Cell& cell)
{
    if (cell.kind == Cell::Kind::number)
        return number_text(cell.number);
    if (cell.kind == Cell::Kind::text)
        return header_key(cell.text);
    return {};
}

// The activity IDs that a counted participation or expense row finds: its paragraph formula
// shows a paragraph of s. 1, which it looks up from the activity's provider kind (an activity
// outside the lookup ranges gives #N/A).
void activities_found(const LocatedSheet& located, std::set<std::string>& ids)
{
    if (!located.found())
        return;
    const auto id_column = located.position("activity_id");
    const auto paragraph_column = located.position("paragraph");
    if (!id_column || !paragraph_column)
        return;
    for (std::size_t row : located.data_rows)
    {
        if (row >= located.counted_end)
            break;
        const Cell& paragraph = located.sheet->at(row, *paragraph_column);
        if (paragraph.is_formula() && paragraph.kind == Cell::Kind::text &&
            paragraph.text.rfind("1(", 0) == 0)
            if (std::string key = id_key(located.sheet->at(row, *id_column)); !key.empty())
                ids.insert(std::move(key));
    }
}

// The four tables whose rows the Summary counts (OnePercentPreparedRows), when found.
bool has_prepared_rows(const LocatedSheet& located)
{
    if (!located.found())
        return false;
    switch (located.spec->key)
    {
    case SheetKey::employees:
    case SheetKey::activities:
    case SheetKey::participation:
    case SheetKey::expenses:
        return true;
    default:
        return false;
    }
}

// Which rows of each table the Summary counts. Its ranges end at row 1 + prepared rows; rows
// inserted inside them (README, "Tables that grow": insert above the last prepared row, copy
// the row above into them) widen every range, and the property stays as it was. So the
// counted rows run on past the property's last row while the rows hold the table's formulas
// (Employees, Participation, Expenses), and, for Activities, which has no formula, as far as
// the last activity that a counted row's paragraph formula finds.
void split_counted_rows(TemplateView& view)
{
    const std::size_t base_end = 1 + view.prepared_rows;
    for (LocatedSheet& located : view.sheets)
    {
        if (!has_prepared_rows(located))
            continue;
        std::size_t end = base_end;
        while (end < located.sheet->rows && has_computed_formula(located, end))
            ++end;
        located.counted_end = end;
    }
    LocatedSheet& activities = view.sheets[static_cast<std::size_t>(SheetKey::activities)];
    if (activities.found())
        if (const auto id_column = activities.position("activity_id"))
        {
            std::set<std::string> found;
            activities_found(view[SheetKey::participation], found);
            activities_found(view[SheetKey::expenses], found);
            std::set<std::string> seen; // MATCH finds the first row of an ID
            for (std::size_t row : activities.data_rows)
            {
                std::string key = id_key(activities.sheet->at(row, *id_column));
                if (key.empty() || !seen.insert(key).second)
                    continue;
                if (row >= activities.counted_end && found.count(key))
                    activities.counted_end = row + 1;
            }
        }
    for (LocatedSheet& located : view.sheets)
    {
        if (!has_prepared_rows(located))
            continue;
        const auto first_uncounted = std::lower_bound(located.data_rows.begin(),
                                                      located.data_rows.end(), located.counted_end);
        located.uncounted_rows.assign(first_uncounted, located.data_rows.end());
        located.data_rows.erase(first_uncounted, located.data_rows.end());
    }
}
} // namespace

const FieldSpec* SheetSpec::field(std::string_view key) const
{
    for (const FieldSpec& candidate : fields)
        if (candidate.key == key)
            return &candidate;
    return nullptr;
}

const std::vector<SheetSpec>& template_layout()
{
    static const std::vector<SheetSpec> layout = build_layout();
    return layout;
}

const SheetSpec& sheet_spec(SheetKey key)
{
    return template_layout()[static_cast<std::size_t>(key)];
}

// Folded (case, accents, typographic apostrophes, no-break spaces) and without white space:
// "Lien de dépendance : salaires" and "lien de dependance: Salaires" are the same header.
std::string header_key(std::string_view text)
{
    std::string key;
    for (char character : fold_text(text))
        if (!std::isspace(static_cast<unsigned char>(character)))
            key += character;
    return key;
}

std::optional<std::size_t> LocatedSheet::position(std::string_view key) const
{
    const auto found = positions.find(key);
    if (found == positions.end())
        return std::nullopt;
    return found->second;
}

TemplateView locate_template(const Workbook& workbook)
{
    TemplateView view;
    view.null_date = workbook.null_date;
    read_prepared_rows(workbook, view);
    for (const SheetSpec& spec : template_layout())
    {
        LocatedSheet& located = view.sheets[static_cast<std::size_t>(spec.key)];
        located.spec = &spec;
        const std::string english = header_key(spec.english);
        const std::string french = header_key(spec.french);
        for (std::size_t index = 0; index < workbook.sheets.size(); ++index)
        {
            const std::string name = header_key(workbook.sheets[index].name);
            if (name == english || name == french)
            {
                located.sheet = &workbook.sheets[index];
                located.order = index;
                break;
            }
        }
        if (!located.found())
            continue;
        if (spec.table)
            locate_table(located);
        else
            locate_form(located);
    }
    split_counted_rows(view);
    return view;
}

const Cell& CellRef::cell() const
{
    static const Cell empty_cell;
    if (!found || sheet == nullptr || sheet->sheet == nullptr)
        return empty_cell;
    return sheet->sheet->at(row, column);
}

CellRef table_cell(const LocatedSheet& sheet, std::size_t row, std::string_view key)
{
    CellRef ref;
    ref.sheet = &sheet;
    ref.field = sheet.spec ? sheet.spec->field(key) : nullptr;
    ref.row = row;
    if (const auto column = sheet.position(key); column && sheet.found())
    {
        ref.column = *column;
        ref.found = true;
    }
    return ref;
}

CellRef form_cell(const LocatedSheet& sheet, std::string_view key)
{
    CellRef ref;
    ref.sheet = &sheet;
    ref.field = sheet.spec ? sheet.spec->field(key) : nullptr;
    ref.column = 1; // values in column B
    if (const auto row = sheet.position(key); row && sheet.found())
    {
        ref.row = *row;
        ref.found = true;
    }
    return ref;
}

bool has_content(const Cell& cell)
{
    switch (cell.kind)
    {
    case Cell::Kind::empty:
        return false;
    case Cell::Kind::number:
    case Cell::Kind::error:
        return true;
    case Cell::Kind::text:
        return cell.text.find_first_not_of(" \t\r\n") != std::string::npos;
    }
    return false;
}

bool is_not_available(const Cell& cell)
{
    if (cell.kind != Cell::Kind::error)
        return false;
    const std::string key = header_key(cell.text);
    return key == "#n/a" || key == "#n/d";
}

} // namespace onepercent::validation
