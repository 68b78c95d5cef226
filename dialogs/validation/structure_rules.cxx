// Structure rules: the template's sheets, headers, labels and formulas are where the contract
// (docs/template-layout.md) puts them.
#include "error_causes.hxx"
#include "rule_passes.hxx"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace onepercent::validation
{
namespace
{
std::string both_names(std::string_view english, std::string_view french)
{
    if (english == french)
        return std::string(english);
    return std::string(english) + " / " + std::string(french);
}

void check_sheets_present(const TemplateView& view, FindingList& findings)
{
    for (const LocatedSheet& located : view.sheets)
    {
        if (!located.found() && located.spec->optional) // 1.2's Certifications: not required
            continue;
        findings.count("T-MISSING-SHEET");
        if (located.found())
            continue;
        const SheetSpec& spec = *located.spec;
        findings.add_file(
            "T-MISSING-SHEET", both_names(spec.english, spec.french),
            {"the sheet \"" + std::string(spec.english) + "\" is missing",
             "la feuille « " + std::string(spec.french) + " » est manquante",
             "restore the sheet \"" + std::string(spec.english) + "\" (or \"" +
                 std::string(spec.french) +
                 "\") from the template, one of its 6 sheets, with its headers in row 1",
             "rétablir la feuille « " + std::string(spec.french) + " » (ou « " +
                 std::string(spec.english) +
                 " ») à partir du modèle, l'une de ses 6 feuilles, avec ses en-têtes à la ligne "
                 "1"});
    }
}

void check_fields_present(const LocatedSheet& located, FindingList& findings)
{
    const SheetSpec& spec = *located.spec;
    for (const FieldSpec& field : spec.fields)
    {
        findings.count("T-MISSING-COLUMN");
        if (field.optional || located.position(field.key))
            continue;
        const std::string english(field.english);
        const std::string french(field.french);
        Wording wording;
        if (spec.table)
            wording = {"the column \"" + english + "\" is not found in row 1",
                       "la colonne « " + french + " » est introuvable à la ligne 1",
                       "put the header \"" + english + "\" (or \"" + french +
                           "\") back in row 1 above its column",
                       "remettre l'en-tête « " + french + " » (ou « " + english +
                           " ») à la ligne 1 au-dessus de sa colonne"};
        else
            wording = {"the label \"" + english + "\" is not found in column A",
                       "le libellé « " + french + " » est introuvable dans la colonne A",
                       "put the label \"" + english + "\" (or \"" + french +
                           "\") back in column A, with its value in column B",
                       "remettre le libellé « " + french + " » (ou « " + english +
                           " ») dans la colonne A, avec sa valeur dans la colonne B"};
        findings.add_sheet("T-MISSING-COLUMN", located, both_names(english, french),
                           std::move(wording));
    }
}

void report_overwritten(const CellRef& ref, const TemplateView& view, FindingList& findings)
{
    findings.count("T-FORMULA-OVERWRITTEN");
    const Cell& cell = ref.cell();
    if (cell.is_formula() || !has_content(cell))
        return;
    const std::string name = cell_name(ref.row, ref.column);
    const std::string english(ref.field->english);
    const std::string french(ref.field->french);
    const std::string formula(ref.field->formula);
    findings.add_cell(
        "T-FORMULA-OVERWRITTEN", ref, value_text(cell, false, view.null_date),
        {"\"" + english + "\" is computed, but " + name + " holds a typed value",
         "« " + french + " » est calculé, mais " + name + " contient une valeur saisie",
         "restore the template's formula in " + name + " (" + formula +
             "), e.g. by copying the cell from another row",
         "rétablir la formule du modèle dans " + name + " (" + formula +
             "), par exemple en copiant la cellule d'une autre ligne"});
}

void check_formulas(const TemplateView& view, FindingList& findings)
{
    for (const LocatedSheet& located : view.sheets)
    {
        if (!located.found())
            continue;
        for (const FieldSpec& field : located.spec->fields)
        {
            if (!field.computed)
                continue;
            if (located.spec->table)
            {
                for (std::size_t row : located.data_rows)
                {
                    const CellRef ref = table_cell(located, row, field.key);
                    if (ref.found)
                        report_overwritten(ref, view, findings);
                }
            }
            else
            {
                const CellRef ref = form_cell(located, field.key);
                if (ref.found)
                    report_overwritten(ref, view, findings);
            }
        }
    }
}

// A paragraph cell of a data row showing #N/A is R-S1-NO-PARAGRAPH, not an error value.
// `is_data_row` marks the sheet's data rows: one lookup, not a scan of them per error cell
// (that was quadratic: 300,000 rows took 16 s, issue 9 item 4).
bool is_missing_paragraph(const LocatedSheet& located,
                          const std::vector<bool>& is_data_row,
                          std::size_t row,
                          std::size_t column)
{
    const SheetKey key = located.spec->key;
    if (key != SheetKey::participation && key != SheetKey::expenses)
        return false;
    const auto paragraph = located.position("paragraph");
    if (!paragraph || *paragraph != column)
        return false;
    return row < is_data_row.size() && is_data_row[row] &&
           is_not_available(located.sheet->at(row, column));
}

// The cells that show an error value. Where the engine names the cause from the row's inputs
// (error_causes.cxx), the cells failing from one cause make ONE finding that lists them, on
// the first of them, with the cause and the input to correct (issue 10, item 2).
void check_error_values(const TemplateView& view, FindingList& findings)
{
    struct ErrorCell
    {
        const LocatedSheet* located;
        std::size_t row;
        std::size_t column;
    };
    struct Group
    {
        ErrorCause cause;
        std::vector<ErrorCell> cells;
        std::vector<std::string> shown; // the distinct error texts
    };
    std::vector<Group> groups;                       // in the order of their first cell
    std::map<std::string, std::size_t> group_by_key; // cause key -> index in groups
    for (const LocatedSheet& located : view.sheets)
    {
        if (!located.found())
            continue;
        const Sheet& sheet = *located.sheet;
        std::vector<bool> is_data_row(sheet.rows, false);
        for (std::size_t data_row : located.data_rows)
            if (data_row < sheet.rows)
                is_data_row[data_row] = true;
        for (std::size_t row = 0; row < sheet.rows; ++row)
            for (std::size_t column = 0; column < sheet.columns; ++column)
            {
                const Cell& cell = sheet.at(row, column);
                if (!has_content(cell))
                    continue;
                findings.count("T-ERROR-VALUE");
                if (cell.kind != Cell::Kind::error ||
                    is_missing_paragraph(located, is_data_row, row, column))
                    continue;
                if (const std::optional<ErrorCause> cause = error_cause(view, located, row, column))
                {
                    const auto [known, added] = group_by_key.emplace(cause->key(), groups.size());
                    if (added)
                        groups.push_back(Group{*cause, {}, {}});
                    const auto group = groups.begin() + static_cast<std::ptrdiff_t>(known->second);
                    group->cells.push_back({&located, row, column});
                    if (std::find(group->shown.begin(), group->shown.end(), cell.text) ==
                        group->shown.end())
                        group->shown.push_back(cell.text);
                    continue;
                }
                const std::string name = cell_name(row, column);
                findings.add_cell(
                    "T-ERROR-VALUE", located, row, column, cell.text,
                    {name + " shows the error " + cell.text,
                     name + " affiche l'erreur " + cell.text,
                     "correct the cells that the formula in " + name +
                         " uses (an empty, negative or unknown input) so that it computes",
                     "corriger les cellules qu'utilise la formule de " + name +
                         " (une donnée vide, négative ou inconnue) pour qu'elle calcule"});
            }
    }
    constexpr std::size_t max_listed = 12; // a bounded message, whatever the workbook
    for (const Group& group : groups)
    {
        std::string cells;
        for (std::size_t index = 0; index < group.cells.size() && index < max_listed; ++index)
        {
            const ErrorCell& cell = group.cells[index];
            cells += (index == 0 ? "" : ", ") + cell.located->sheet->name + "!" +
                     cell_name(cell.row, cell.column);
        }
        const std::size_t more =
            group.cells.size() > max_listed ? group.cells.size() - max_listed : 0;
        std::string shown;
        for (const std::string& text : group.shown)
            shown += (shown.empty() ? "" : " / ") + text;
        const std::size_t count = group.cells.size();
        const std::string count_en =
            count == 1 ? std::string("1 cell shows ") : std::to_string(count) + " cells show ";
        const std::string count_fr = count == 1 ? std::string("1 cellule affiche ")
                                                : std::to_string(count) + " cellules affichent ";
        const std::string more_en = more ? " and " + std::to_string(more) + " more" : "";
        const std::string more_fr = more ? " et " + std::to_string(more) + " autres" : "";
        const ErrorCause& cause = group.cause;
        const std::string source_en = cause.source.empty() ? "the input" : cause.source;
        const std::string source_fr = cause.source.empty() ? "la donnée" : cause.source;
        const ErrorCell& first = group.cells.front();
        findings.add_cell(
            "T-ERROR-VALUE", *first.located, first.row, first.column, shown,
            {count_en + shown + " because " + cause.english + ": " + cells + more_en,
             count_fr + shown + " ; cause : " + cause.french + " — " + cells + more_fr,
             "correct " + source_en + ": " + cause.english + "; Calc shows only " + shown +
                 ", the cause is given here",
             "corriger " + source_fr + " : " + cause.french + " ; Calc n'affiche que " + shown +
                 ", la cause est donnée ici"});
    }
}
// A row number or count with its thousands grouped: "5,203" / "5 203".
std::string grouped_number(std::size_t number, Language language)
{
    const std::string digits = std::to_string(number);
    std::string text;
    for (std::size_t index = 0; index < digits.size(); ++index)
    {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            text += language == Language::fr ? ' ' : ',';
        text += digits[index];
    }
    return text;
}

// T-PREPARED-ROWS: OnePercentPreparedRows says how many rows the Summary counts.
void check_prepared_rows(const TemplateView& view, FindingList& findings)
{
    findings.count("T-PREPARED-ROWS");
    if (view.prepared_rows_valid)
        return;
    const std::string shown = view.prepared_rows_text;
    const std::string en_default = grouped_number(default_prepared_rows, Language::en);
    const std::string fr_default = grouped_number(default_prepared_rows, Language::fr);
    findings.add_file(
        "T-PREPARED-ROWS", shown,
        {"the document property OnePercentPreparedRows is \"" + shown +
             "\", not a whole number from 1 to " + grouped_number(max_prepared_rows, Language::en) +
             ": which rows the Summary counts is not known",
         "la propriété de document OnePercentPreparedRows vaut « " + shown +
             " », pas un nombre entier de 1 à " + grouped_number(max_prepared_rows, Language::fr) +
             " : on ne sait pas quelles lignes le Sommaire compte",
         "set OnePercentPreparedRows (File > Properties > Custom Properties) to the number of "
         "prepared rows of each table, 5000 in the template; " +
             en_default + " is used meanwhile",
         "donner à OnePercentPreparedRows (Fichier > Propriétés > Propriétés personnalisées) le "
         "nombre de lignes préparées de chaque tableau, 5000 dans le modèle ; " +
             fr_default + " est utilisé en attendant"});
}

// T-ROW-NOT-COUNTED: input typed below the rows the Summary counts (template-layout.md,
// OnePercentPreparedRows). One finding per table, on the first such row's first input; the
// rows are read by no other rule, so their computed cells, which never had a formula, are
// not "formulas to restore".
void check_rows_counted(const TemplateView& view, FindingList& findings)
{
    for (const LocatedSheet& located : view.sheets)
    {
        if (!located.found() || located.counted_end == 0) // not one of the four tables
            continue;
        findings.count("T-ROW-NOT-COUNTED");
        if (located.uncounted_rows.empty())
            continue;
        const std::size_t first = located.uncounted_rows.front();
        const std::size_t last = located.uncounted_rows.back();
        const std::size_t count = located.uncounted_rows.size();
        std::optional<std::size_t> leftmost; // the row's first input cell
        for (const FieldSpec& field : located.spec->fields)
            if (const auto position = located.position(field.key))
                if (!field.computed && has_content(located.sheet->at(first, *position)) &&
                    (!leftmost || *position < *leftmost))
                    leftmost = *position;
        const std::size_t column = leftmost.value_or(0);
        // Spreadsheet rows: first + 1 ...; the Summary counts rows 2 .. counted_end.
        const std::size_t last_counted = located.counted_end;
        const std::string& sheet = located.sheet->name;
        auto wording = [&](Language language)
        {
            const bool fr = language == Language::fr;
            const std::string from = grouped_number(first + 1, language);
            const std::string to = grouped_number(last + 1, language);
            const std::string counted = grouped_number(last_counted, language);
            const std::string above =
                grouped_number(last_counted > 2 ? last_counted - 1 : 2, language);
            const std::string rows_with_data = grouped_number(count, language);
            std::string message;
            if (count == 1)
                message = fr ? "la ligne " + from + " n'est pas comptée"
                             : "row " + from + " is not counted";
            else
                message = fr ? "les lignes " + from + " à " + to + " ne sont pas comptées (" +
                                   rows_with_data + " lignes avec des données)"
                             : "rows " + from + " to " + to + " are not counted (" +
                                   rows_with_data + " rows with data)";
            message += fr ? " : le Sommaire compte les lignes 2 à " + counted + " de " + sheet
                          : ": the Summary counts rows 2 to " + counted + " of " + sheet;
            const std::string fix =
                fr ? "déplacer les données dans les lignes vides du tableau, au-dessus de la "
                     "ligne " +
                         grouped_number(last_counted + 1, language) +
                         ", ou ajouter des lignes préparées : ôter la protection de la feuille "
                         "(sans mot de passe), insérer des lignes au-dessus de la ligne " +
                         counted + ", y copier la ligne " + above +
                         ", puis protéger la feuille de nouveau (README, « Tables that grow »)"
                   : "move the data into the table's empty rows above row " +
                         grouped_number(last_counted + 1, language) +
                         ", or add prepared rows: unprotect the sheet (no password), insert "
                         "rows above row " +
                         counted + ", copy row " + above +
                         " into them and protect the sheet again (README, \"Tables that "
                         "grow\")";
            return std::pair{message, fix};
        };
        auto [message_en, fix_en] = wording(Language::en);
        auto [message_fr, fix_fr] = wording(Language::fr);
        findings.add_cell(
            "T-ROW-NOT-COUNTED", located, first, column,
            value_text(located.sheet->at(first, column), false, view.null_date),
            {std::move(message_en), std::move(message_fr), std::move(fix_en), std::move(fix_fr)});
    }
}
} // namespace

std::optional<int> peek_fiscal_year(const TemplateView& view)
{
    const CellRef ref = form_cell(view[SheetKey::employer], "year");
    if (!ref.found)
        return std::nullopt;
    const Cell& cell = ref.cell();
    if (cell.kind != Cell::Kind::number || !std::isfinite(cell.number))
        return std::nullopt;
    if (cell.number != std::floor(cell.number) || cell.number < 2004 || cell.number > 2100)
        return std::nullopt;
    return static_cast<int>(cell.number);
}

void check_structure(const TemplateView& view, FindingList& findings)
{
    check_sheets_present(view, findings);
    for (const LocatedSheet& located : view.sheets)
        if (located.found())
            check_fields_present(located, findings);
    check_prepared_rows(view, findings);
    check_rows_counted(view, findings);
    check_formulas(view, findings);
    check_error_values(view, findings);
}

} // namespace onepercent::validation
