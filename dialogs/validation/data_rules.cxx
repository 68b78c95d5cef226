// Data rules: every input cell read with its type, required values, signs, unique IDs,
// references between tables and keywords of the functions (docs/template-layout.md).
#include "rule_passes.hxx"

#include <cmath>
#include <functional>

namespace onepercent::validation
{
namespace
{
std::string english_name(const CellRef& ref)
{
    return ref.field ? std::string(ref.field->english) : std::string();
}

std::string french_name(const CellRef& ref)
{
    return ref.field ? std::string(ref.field->french) : std::string();
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Reads the input cells of one sheet, reporting D-* findings on them.
class InputReader
{
  public:
    InputReader(const TemplateView& view, FindingList& findings)
        : view_(view)
        , findings_(findings)
    {
    }

    // The start of every reading: unavailable (missing column, error value) or empty.
    template <typename T> Reading<T> open(const CellRef& ref, bool required)
    {
        Reading<T> reading;
        reading.ref = ref;
        if (!ref.found || ref.cell().kind == Cell::Kind::error)
            return reading; // reported by T-MISSING-COLUMN or T-ERROR-VALUE
        if (required)
            findings_.count("D-REQUIRED");
        if (!has_content(ref.cell()))
        {
            reading.status = Reading<T>::Status::empty;
            if (required)
                report_required(ref);
        }
        return reading;
    }

    // Whether an opened reading has content left to read.
    template <typename T> static bool pending(const Reading<T>& reading)
    {
        return reading.ref.found && reading.ref.cell().kind != Cell::Kind::error &&
               reading.status == Reading<T>::Status::unavailable;
    }

    void report_required(const CellRef& ref)
    {
        const std::string name = cell_name(ref.row, ref.column);
        findings_.add_cell("D-REQUIRED", ref, "",
                           {"\"" + english_name(ref) + "\" is required",
                            "« " + french_name(ref) + " » est obligatoire",
                            "enter the " + english_name(ref) + " in " + name,
                            "saisir « " + french_name(ref) + " » dans " + name});
    }

    Reading<double> number(const CellRef& ref, bool required = false)
    {
        Reading<double> reading = open<double>(ref, required);
        if (!pending(reading))
            return reading;
        const Cell& cell = ref.cell();
        findings_.count("D-TYPE");
        if (cell.kind != Cell::Kind::number || !std::isfinite(cell.number))
            return type_error(reading, "a number", "un nombre", "e.g. 1250.50", "p. ex. 1250,50");
        findings_.count("D-NEGATIVE");
        if (cell.number < 0)
        {
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell(
                "D-NEGATIVE", ref, number_text(cell.number),
                {"\"" + english_name(ref) + "\" cannot be negative",
                 "« " + french_name(ref) + " » ne peut pas être négatif",
                 "enter " + decimal_text(-cell.number, 6, Language::en) + " in " + name +
                     " (amounts, hours and rates are positive; assistance goes in its own column)",
                 "saisir " + decimal_text(-cell.number, 6, Language::fr) + " dans " + name +
                     " (montants, heures et taux sont positifs ; l'aide va dans sa colonne)"});
            reading.status = Reading<double>::Status::invalid;
            reading.value = cell.number;
            return reading;
        }
        reading.status = Reading<double>::Status::valid;
        reading.value = cell.number;
        return reading;
    }

    Reading<double> date(const CellRef& ref, bool required = false)
    {
        Reading<double> reading = open<double>(ref, required);
        if (!pending(reading))
            return reading;
        const Cell& cell = ref.cell();
        findings_.count("D-TYPE");
        bool is_date = cell.kind == Cell::Kind::number;
        try
        {
            if (is_date) // the years 1583 to 9999, as the engine takes a date
                civil_date_of_serial(cell.number, view_.null_date);
        }
        catch (const InputError&)
        {
            is_date = false;
        }
        if (!is_date)
            return type_error(reading, "a date", "une date", "e.g. 2025-03-14",
                              "p. ex. 2025-03-14");
        reading.status = Reading<double>::Status::valid;
        reading.value = cell.number;
        return reading;
    }

    Reading<bool> yes_no(const CellRef& ref, bool required = false)
    {
        Reading<bool> reading = open<bool>(ref, required);
        if (!pending(reading))
            return reading;
        const Cell& cell = ref.cell();
        findings_.count("D-TYPE");
        std::optional<bool> value;
        if (cell.kind == Cell::Kind::number && (cell.number == 1 || cell.number == 0))
            value = cell.number == 1;
        if (cell.kind == Cell::Kind::text)
        {
            const std::string word = header_key(cell.text);
            if (word == "yes" || word == "oui")
                value = true;
            if (word == "no" || word == "non")
                value = false;
        }
        if (!value)
            return type_error(reading, "yes or no", "oui ou non", "yes or no", "oui ou non");
        reading.status = Reading<bool>::Status::valid;
        reading.value = *value;
        return reading;
    }

    // Text, or a number as text (IDs may be numbers).
    Reading<std::string> text(const CellRef& ref, bool required = false)
    {
        Reading<std::string> reading = open<std::string>(ref, required);
        if (!pending(reading))
            return reading;
        const Cell& cell = ref.cell();
        reading.status = Reading<std::string>::Status::valid;
        reading.value =
            cell.kind == Cell::Kind::number ? number_text(cell.number) : trimmed(cell.text);
        return reading;
    }

    // A keyword parsed by the engine; D-UNKNOWN-KEYWORD with the engine's own message.
    template <typename T>
    std::optional<T> keyword(const CellRef& ref,
                             bool required,
                             const std::function<T(std::string_view)>& parse,
                             std::string_view example_en,
                             std::string_view example_fr)
    {
        const Reading<std::string> word = text(ref, required);
        if (!word.given())
        {
            if (word.empty() && !required)
                return parse("");
            return std::nullopt;
        }
        findings_.count("D-UNKNOWN-KEYWORD");
        try
        {
            return parse(word.value);
        }
        catch (const InputError& error)
        {
            const std::string name = cell_name(ref.row, ref.column);
            findings_.add_cell("D-UNKNOWN-KEYWORD", ref, word.value,
                               {error.message(Language::en), error.message(Language::fr),
                                "type one of the keywords in " + name + ", e.g. \"" +
                                    std::string(example_en) + "\"",
                                "saisir l'un des mots clés dans " + name + ", p. ex. « " +
                                    std::string(example_fr) + " »"});
            return std::nullopt;
        }
    }

    FindingList& findings() { return findings_; }
    const TemplateView& view() const { return view_; }

  private:
    template <typename T>
    Reading<T> type_error(Reading<T>& reading,
                          const std::string& expected_en,
                          const std::string& expected_fr,
                          const std::string& example_en,
                          const std::string& example_fr)
    {
        const CellRef& ref = reading.ref;
        const std::string name = cell_name(ref.row, ref.column);
        findings_.add_cell("D-TYPE", ref, value_text(ref.cell(), false, view_.null_date),
                           {"\"" + english_name(ref) + "\" must be " + expected_en,
                            "« " + french_name(ref) + " » doit être " + expected_fr,
                            "enter " + expected_en + " in " + name + " (" + example_en + ")",
                            "saisir " + expected_fr + " dans " + name + " (" + example_fr + ")"});
        reading.status = Reading<T>::Status::invalid;
        return reading;
    }

    const TemplateView& view_;
    FindingList& findings_;
};

// IDs: the second and later occurrences of an ID are D-DUPLICATE-ID.
class IdRegister
{
  public:
    // The index of the record, or nullopt for a duplicate (reported).
    bool add(const Reading<std::string>& id, std::size_t index, FindingList& findings)
    {
        if (!id.given())
            return false;
        findings.count("D-DUPLICATE-ID");
        const auto [entry, inserted] = first_.emplace(id.value, First{index, id.ref});
        if (inserted)
            return true;
        const std::string first_cell = id.ref.sheet->sheet->name + "!" +
                                       cell_name(entry->second.ref.row, entry->second.ref.column);
        const std::string name = cell_name(id.ref.row, id.ref.column);
        findings.add_cell(
            "D-DUPLICATE-ID", id.ref, id.value,
            {"the ID \"" + id.value + "\" is already used in " + first_cell,
             "le numéro « " + id.value + " » est déjà utilisé en " + first_cell,
             "give " + name + " an ID not used elsewhere, or merge the row with " + first_cell,
             "donner à " + name + " un numéro non utilisé ailleurs, ou fusionner la ligne avec " +
                 first_cell});
        return false;
    }
    std::optional<std::size_t> find(const std::string& id) const
    {
        const auto entry = first_.find(id);
        if (entry == first_.end())
            return std::nullopt;
        return entry->second.index;
    }

  private:
    struct First
    {
        std::size_t index;
        CellRef ref;
    };
    std::map<std::string, First> first_;
};

// A participation or expense row's reference to an employee or activity.
Reference resolve(InputReader& reader,
                  const CellRef& ref,
                  bool required,
                  bool target_listed,
                  const IdRegister& register_of_ids,
                  std::string_view target_en,
                  std::string_view target_fr)
{
    Reference reference;
    reference.id = reader.text(ref, required);
    if (!reference.id.given() || !target_listed)
        return reference;
    FindingList& findings = reader.findings();
    findings.count("D-UNKNOWN-REF");
    reference.index = register_of_ids.find(reference.id.value);
    if (reference.index)
        return reference;
    const std::string name = cell_name(ref.row, ref.column);
    findings.add_cell(
        "D-UNKNOWN-REF", ref, reference.id.value,
        {"the " + std::string(target_en) + " \"" + reference.id.value + "\" is not listed",
         "l'" + std::string(target_fr) + " « " + reference.id.value + " » n'est pas dans la liste",
         "add \"" + reference.id.value + "\" to the " + std::string(target_en) +
             " sheet, or correct " + name,
         "ajouter « " + reference.id.value + " » à la liste des " + std::string(target_fr) +
             "s, ou corriger " + name});
    return reference;
}

bool ids_listed(const LocatedSheet& sheet, std::string_view key)
{
    return sheet.found() && sheet.position(key).has_value();
}

void read_employer(InputReader& reader, const LocatedSheet& sheet, EmployerRecord& employer)
{
    FindingList& findings = reader.findings();
    employer.name = reader.text(form_cell(sheet, "name"), true);

    // NEQ: exactly 10 digits, typed as text or as a number.
    const CellRef neq_ref = form_cell(sheet, "neq");
    const Reading<std::string> neq = reader.text(neq_ref, true);
    if (neq.given())
    {
        findings.count("D-TYPE");
        const Cell& cell = neq_ref.cell();
        bool ten_digits = neq.value.size() == 10 &&
                          neq.value.find_first_not_of("0123456789") == std::string::npos;
        if (cell.kind == Cell::Kind::number)
            ten_digits = ten_digits && cell.number == std::floor(cell.number);
        if (!ten_digits)
        {
            const std::string name = cell_name(neq_ref.row, neq_ref.column);
            findings.add_cell("D-TYPE", neq_ref, neq.value,
                              {"the NEQ must be exactly 10 digits",
                               "le NEQ doit compter exactement 10 chiffres",
                               "enter the 10 digits of the Québec enterprise number in " + name +
                                   ", without spaces (e.g. 1234567890)",
                               "saisir les 10 chiffres du numéro d'entreprise du Québec dans " +
                                   name + ", sans espaces (p. ex. 1234567890)"});
        }
    }

    // Fiscal year: a whole number from 2004 (the first year with a payroll threshold) to 2100.
    const CellRef year_ref = form_cell(sheet, "year");
    const Reading<double> year = reader.open<double>(year_ref, true);
    employer.year.ref = year_ref;
    employer.year.status = year.status == Reading<double>::Status::empty
                               ? Reading<int>::Status::empty
                               : Reading<int>::Status::unavailable;
    if (year_ref.found && year.status == Reading<double>::Status::unavailable &&
        year_ref.cell().kind != Cell::Kind::error)
    {
        findings.count("D-TYPE");
        const Cell& cell = year_ref.cell();
        if (cell.kind == Cell::Kind::number && std::isfinite(cell.number) &&
            cell.number == std::floor(cell.number) && cell.number >= 2004 && cell.number <= 2100)
        {
            employer.year.status = Reading<int>::Status::valid;
            employer.year.value = static_cast<int>(cell.number);
        }
        else
        {
            employer.year.status = Reading<int>::Status::invalid;
            const std::string name = cell_name(year_ref.row, year_ref.column);
            findings.add_cell(
                "D-TYPE", year_ref, value_text(cell, false, reader.view().null_date),
                {"the fiscal year must be a whole number from 2004 to 2100",
                 "l'année doit être un nombre entier de 2004 à 2100",
                 "enter the calendar year of the return in " + name + " as a number (e.g. 2025)",
                 "saisir l'année civile de la déclaration dans " + name +
                     " en nombre (p. ex. 2025)"});
        }
    }

    employer.payroll = reader.number(form_cell(sheet, "payroll"), true);
    employer.carried_forward = reader.number(form_cell(sheet, "carried_forward"));
    employer.cqif = reader.yes_no(form_cell(sheet, "cqif"));
    const CellRef exempt_ref = form_cell(sheet, "exempt_category");
    if (exempt_ref.found && exempt_ref.cell().kind != Cell::Kind::error)
        employer.exemption = reader.keyword<AssistanceExemption>(
            exempt_ref, false, parse_assistance_exemption, "none", "aucune");
    else if (!exempt_ref.found && sheet.found())
        employer.exemption = std::nullopt; // the label is missing: reported
    employer.used_for_credits = reader.number(form_cell(sheet, "used_for_credits"));
    // 1.1: the EI employer rate, a fraction below 0.2 as TRAINING.CONTRIBUTIONS takes it.
    const CellRef ei_ref = form_cell(sheet, "ei_rate");
    employer.ei_rate = reader.number(ei_ref);
    if (employer.ei_rate.given() && employer.ei_rate.value >= 0.2)
    {
        findings.count("D-TYPE");
        const std::string name = cell_name(ei_ref.row, ei_ref.column);
        findings.add_cell(
            "D-TYPE", ei_ref, number_text(employer.ei_rate.value),
            {"the EI employer rate must be a fraction below 0.2 (1.82 % is 0.0182)",
             "le taux AE de l'employeur doit être une fraction inférieure à 0,2 (1,82 % vaut "
             "0,0182)",
             "enter the rate as a percentage in " + name +
                 " (e.g. 1.82 %), or leave it empty "
                 "for the year's Québec rate",
             "saisir le taux en pourcentage dans " + name +
                 " (p. ex. 1,82 %), ou laisser vide pour le taux québécois de l'année"});
        employer.ei_rate.status = Reading<double>::Status::invalid;
    }
}

void read_employees(InputReader& reader,
                    const LocatedSheet& sheet,
                    TemplateData& data,
                    IdRegister& ids)
{
    for (std::size_t row : sheet.data_rows)
    {
        EmployeeRecord employee;
        employee.row = row;
        const Reading<std::string> id = reader.text(table_cell(sheet, row, "employee_id"), true);
        employee.id = id.value;
        // The name's D-REQUIRED waits for R-S4-EMPLOYEE (check_employee_names).
        employee.name = reader.text(table_cell(sheet, row, "name"), false);
        const std::optional<PayPeriod> basis = reader.keyword<PayPeriod>(
            table_cell(sheet, row, "pay_basis"), false,
            [](std::string_view text)
            { return text.empty() ? PayPeriod::year : parse_pay_period(text); },
            "year", "année");
        const Reading<double> amount = reader.number(table_cell(sheet, row, "pay_amount"));
        const bool basis_given = table_cell(sheet, row, "pay_basis").found &&
                                 has_content(table_cell(sheet, row, "pay_basis").cell());
        employee.pay_amount = amount.value;
        employee.hours_per_period = reader.number(table_cell(sheet, row, "hours_per_period"));
        if (basis_given)
            employee.pay_basis = trimmed(table_cell(sheet, row, "pay_basis").cell().text);
        // The contract's hours first; r. 3, s. 7(6) when there are none.
        if (basis && basis_given && amount.given() &&
            (employee.hours_per_period.usable() || !employee.hours_per_period.ref.found))
            employee.hourly_rate =
                hourly_rate(amount.value, *basis,
                            employee.hours_per_period.given()
                                ? std::optional<double>(employee.hours_per_period.value)
                                : std::nullopt);
        employee.annual_salary = reader.number(table_cell(sheet, row, "annual_salary"));
        employee.cnesst_rate = reader.number(table_cell(sheet, row, "cnesst_rate"));
        const std::size_t index = data.employees.size();
        data.employees.push_back(std::move(employee));
        ids.add(id, index, reader.findings());
    }
}

void read_activities(InputReader& reader,
                     const LocatedSheet& sheet,
                     TemplateData& data,
                     IdRegister& ids)
{
    for (std::size_t row : sheet.data_rows)
    {
        ActivityRecord activity;
        activity.row = row;
        const Reading<std::string> id = reader.text(table_cell(sheet, row, "activity_id"), true);
        activity.id = id.value;
        reader.text(table_cell(sheet, row, "title"), true);
        reader.text(table_cell(sheet, row, "provider_name"));
        activity.provider = reader.keyword<ProviderKind>(
            table_cell(sheet, row, "provider_kind"), false, parse_provider_kind,
            "recognized-institution", "etablissement-reconnu");
        activity.arms_length = reader.yes_no(table_cell(sheet, row, "arms_length"));
        reader.text(table_cell(sheet, row, "plan_reference"));
        activity.consultation_proof = reader.yes_no(table_cell(sheet, row, "consultation_proof"));
        activity.attestation_issued = reader.yes_no(table_cell(sheet, row, "attestation_issued"));
        reader.date(table_cell(sheet, row, "start_date"));
        const Reading<double> completion =
            reader.date(table_cell(sheet, row, "completion_date"), true);
        if (completion.given())
            activity.completion_year =
                date_of_serial(completion.value, reader.view().null_date).year;
        activity.planned_duration = reader.number(table_cell(sheet, row, "planned_duration"));
        activity.supervision = reader.yes_no(table_cell(sheet, row, "supervision"));
        activity.on_the_job = reader.yes_no(table_cell(sheet, row, "on_the_job"));
        activity.ohs = reader.yes_no(table_cell(sheet, row, "ohs"));
        activity.ohs_integral = reader.yes_no(table_cell(sheet, row, "ohs_integral"));
        // 1.2: the Format, as typed: the Summary's SUMIF counts only the listed spellings.
        const CellRef format_ref = table_cell(sheet, row, "format");
        const auto format = reader.keyword<std::optional<ActivityFormat>>(
            format_ref, false,
            [&format_ref](std::string_view word)
            {
                if (word.empty()) // an empty or blank cell: no format
                    return std::optional<ActivityFormat>();
                const Cell& cell = format_ref.cell();
                return parse_activity_format(cell.kind == Cell::Kind::text ? cell.text : word);
            },
            "classroom", "en-classe");
        if (format)
            activity.format = *format;
        const std::size_t index = data.activities.size();
        data.activities.push_back(std::move(activity));
        ids.add(id, index, reader.findings());
    }
}

std::optional<ExpenseKind> parse_role(std::string_view text)
{
    if (header_key(text).empty())
        return ExpenseKind::participant_wages;
    if (const auto kind = wage_kind_of_role(text))
        return kind;
    const std::string word(text);
    throw InputError("unknown role \"" + word +
                         "\"; expected participant, trainer, supervisor or replacement",
                     "rôle inconnu « " + word +
                         " » ; attendu : participant, formateur, encadrement ou remplacement");
}
} // namespace

namespace
{
struct FormatWord
{
    ActivityFormat format;
    std::string_view english;
    std::string_view french;
};
// samples/template/layout.py KEYWORDS["format"]; the i-th words name the same format.
constexpr FormatWord format_words[] = {
    {ActivityFormat::classroom, "classroom", "en-classe"},
    {ActivityFormat::e_learning, "e-learning", "en-ligne"},
    {ActivityFormat::workshop, "workshop", "atelier"},
    {ActivityFormat::coaching, "coaching", "coaching"},
    {ActivityFormat::mentoring, "mentoring", "mentorat"},
    {ActivityFormat::on_the_job, "on-the-job", "en-emploi"},
    {ActivityFormat::event, "event", "colloque"},
};

std::string ascii_lower(std::string_view text)
{
    std::string lower(text);
    for (char& character : lower)
        if (character >= 'A' && character <= 'Z')
            character = static_cast<char>(character - 'A' + 'a');
    return lower;
}

std::string format_list(bool french)
{
    std::string list;
    for (const FormatWord& word : format_words)
        list += (list.empty() ? "" : ", ") + std::string(french ? word.french : word.english);
    return list;
}
} // namespace

std::optional<ActivityFormat> parse_activity_format(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    // Exactly a listed word, any ASCII case, as Calc's and Excel's SUMIF match it (the
    // Summary's hours and participants by format): no spaces around it, no accents.
    const std::string word = ascii_lower(text);
    for (const FormatWord& entry : format_words)
        if (word == entry.english || word == entry.french)
            return entry.format;
    const std::string typed(text);
    throw InputError("unknown format \"" + typed + "\"; expected one of: " + format_list(false) +
                         " (or in French: " + format_list(true) +
                         "), typed as listed: the Summary counts only these words",
                     "format inconnu « " + typed + " » ; attendu l'un de : " + format_list(true) +
                         " (ou en anglais : " + format_list(false) +
                         "), tapé tel quel : le Sommaire ne compte que ces mots");
}

std::string_view activity_format_word(ActivityFormat format, Language language)
{
    for (const FormatWord& entry : format_words)
        if (entry.format == format)
            return language == Language::fr ? entry.french : entry.english;
    return {};
}

bool format_is_on_the_job(ActivityFormat format)
{
    return format == ActivityFormat::coaching || format == ActivityFormat::mentoring ||
           format == ActivityFormat::on_the_job;
}

bool is_wage_kind(ExpenseKind kind)
{
    switch (kind)
    {
    case ExpenseKind::trainer_wages:
    case ExpenseKind::participant_wages:
    case ExpenseKind::replacement_wages:
    case ExpenseKind::study_leave:
    case ExpenseKind::loaned_employee:
    case ExpenseKind::joint_committee:
    case ExpenseKind::supervision_wages:
    case ExpenseKind::materials_wages:
        return true;
    default:
        return false;
    }
}

std::optional<ExpenseKind> wage_kind_of_role(std::string_view role)
{
    const std::string word = header_key(role);
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

TemplateData read_template_data(const TemplateView& view, FindingList& findings)
{
    TemplateData data;
    InputReader reader(view, findings);
    read_employer(reader, view[SheetKey::employer], data.employer);

    IdRegister employee_ids;
    IdRegister activity_ids;
    IdRegister expense_ids;
    read_employees(reader, view[SheetKey::employees], data, employee_ids);
    read_activities(reader, view[SheetKey::activities], data, activity_ids);
    const bool employees_listed = ids_listed(view[SheetKey::employees], "employee_id");
    const bool activities_listed = ids_listed(view[SheetKey::activities], "activity_id");

    const LocatedSheet& participation = view[SheetKey::participation];
    for (std::size_t row : participation.data_rows)
    {
        ParticipationRecord record;
        record.row = row;
        record.employee = resolve(reader, table_cell(participation, row, "employee_id"), true,
                                  employees_listed, employee_ids, "employee", "employé");
        record.activity = resolve(reader, table_cell(participation, row, "activity_id"), true,
                                  activities_listed, activity_ids, "activity", "activité");
        // An empty role is a participant, as in the template's paragraph formula.
        const auto role = reader.keyword<std::optional<ExpenseKind>>(
            table_cell(participation, row, "role"), false, parse_role, "participant",
            "participant");
        if (role)
            record.wage_kind = *role;
        record.hours = reader.number(table_cell(participation, row, "hours"));
        // s. 1(8): a replacement row names the employee replaced (1.1 column).
        const CellRef replaced_ref = table_cell(participation, row, "replaced_employee_id");
        const bool replacement = record.wage_kind == ExpenseKind::replacement_wages;
        record.replaced_employee = resolve(reader, replaced_ref, replacement && replaced_ref.found,
                                           employees_listed, employee_ids, "employee", "employé");
        record.assistance = reader.number(table_cell(participation, row, "assistance"));
        // 1.2: what an LMS records (optional columns).
        record.completed = reader.yes_no(table_cell(participation, row, "completed"));
        reader.text(table_cell(participation, row, "proof"));
        data.participation.push_back(std::move(record));
    }

    const LocatedSheet& expenses = view[SheetKey::expenses];
    for (std::size_t row : expenses.data_rows)
    {
        ExpenseRecord record;
        record.row = row;
        const Reading<std::string> id = reader.text(table_cell(expenses, row, "expense_id"), true);
        record.id = id.value;
        expense_ids.add(id, data.expenses.size(), findings);
        record.kind = reader.keyword<ExpenseKind>(table_cell(expenses, row, "expense_kind"), true,
                                                  parse_expense_kind, "tuition", "frais-formation");
        // A payment to a training mutual (r. 7) or to the CCQ fund (Act s. 12) needs no activity.
        const bool outside_s1 =
            record.kind && outside_s1_reference(*record.kind, Language::en).has_value();
        record.activity = resolve(reader, table_cell(expenses, row, "activity_id"), !outside_s1,
                                  activities_listed, activity_ids, "activity", "activité");
        record.employee = resolve(reader, table_cell(expenses, row, "employee_id"), false,
                                  employees_listed, employee_ids, "employee", "employé");
        record.member_of_order = reader.yes_no(table_cell(expenses, row, "member_of_order"));
        reader.text(table_cell(expenses, row, "description"));
        record.amount = reader.number(table_cell(expenses, row, "amount"), true);
        record.registration_cost = reader.number(table_cell(expenses, row, "registration_cost"));
        record.assistance = reader.number(table_cell(expenses, row, "assistance"));
        // Required by the contract (D-REQUIRED) and by r. 3, s. 4 (R-S4-DOCUMENT).
        record.document_ref = reader.text(table_cell(expenses, row, "document_ref"), true);
        record.nal_wages = reader.number(table_cell(expenses, row, "nal_wages"));
        record.nal_travel = reader.number(table_cell(expenses, row, "nal_travel"));
        record.nal_materials = reader.number(table_cell(expenses, row, "nal_materials"));
        data.expenses.push_back(std::move(record));
    }

    // 1.2 (issue 12): the optional Certifications sheet; its IDs are checked as any table's.
    const LocatedSheet& certifications = view[SheetKey::certifications];
    for (std::size_t row : certifications.data_rows)
    {
        CertificationRecord record;
        record.row = row;
        record.employee = resolve(reader, table_cell(certifications, row, "employee_id"), true,
                                  employees_listed, employee_ids, "employee", "employé");
        record.certification = reader.text(table_cell(certifications, row, "certification"), true);
        record.obtained_on = reader.date(table_cell(certifications, row, "obtained_on"));
        record.expires_on = reader.date(table_cell(certifications, row, "expires_on"));
        record.renewal_activity =
            resolve(reader, table_cell(certifications, row, "renewal_activity_id"), false,
                    activities_listed, activity_ids, "activity", "activité");
        data.certifications.push_back(std::move(record));
    }
    return data;
}

void check_employee_names(const TemplateView& view, TemplateData& data, FindingList& findings)
{
    InputReader reader(view, findings);
    for (std::size_t index = 0; index < data.employees.size(); ++index)
    {
        const EmployeeRecord& employee = data.employees[index];
        if (!employee.name.ref.found ||
            employee.name.status == Reading<std::string>::Status::unavailable)
            continue;
        findings.count("D-REQUIRED");
        if (employee.name.empty() && data.unnamed_employees_reported.count(index) == 0)
            reader.report_required(employee.name.ref);
    }
}

} // namespace onepercent::validation
