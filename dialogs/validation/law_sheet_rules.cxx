// T-LAW-TABLE-CHANGED: the hidden sheet Law / Loi of a portable workbook (issue 8) holds the
// engine's own tables, which its formulas read instead of calling the add-in. Compared cell by
// cell with onepercent::law_sheet (functions/engine/law_sheet.hxx), the one source of that
// sheet: a cell that differs computes something else than the engine does.
#include "engine/law_sheet.hxx"
#include "engine/number_text.hxx"
#include "rule_passes.hxx"

#include <algorithm>
#include <optional>
#include <string>

namespace onepercent::validation
{
namespace
{
// A workbook says at most this many changed cells one by one; the rest in one finding.
constexpr std::size_t max_cells_listed = 100;

const Sheet* sheet_named(const Workbook& workbook, std::string_view name)
{
    const std::string key = header_key(name);
    for (const Sheet& sheet : workbook.sheets)
        if (header_key(sheet.name) == key)
            return &sheet;
    return nullptr;
}

// The workbook's language: OnePercentLanguage, else the name of its Law / Loi sheet, else the
// name of its Employer sheet.
Language workbook_language(const Workbook& workbook, const TemplateView& view)
{
    const std::string language = header_key(trimmed_property(workbook, "OnePercentLanguage"));
    if (language == "fr")
        return Language::fr;
    if (language == "en")
        return Language::en;
    if (sheet_named(workbook, "Loi") && !sheet_named(workbook, "Law"))
        return Language::fr;
    if (sheet_named(workbook, "Law"))
        return Language::en;
    const LocatedSheet& employer = view[SheetKey::employer];
    if (employer.found() && header_key(employer.sheet->name) == header_key("Employeur"))
        return Language::fr;
    return Language::en;
}

// The classification's empty cells (no paragraph) hold =NA() in the workbook, so that a
// lookup there shows #N/A as TRAINING.PARAGRAPH does (samples/template/gen_workbook.py,
// law_sheet_xml; portable.paragraph): there, an empty cell computes something else.
bool shows_not_available(const LawSheetBlock& block, int row)
{
    return block.key == "classification" && row >= block.first_row;
}

bool same(const Cell& found, const LawSheetCell& expected, bool not_available)
{
    switch (expected.kind)
    {
    case LawSheetCell::Kind::empty:
        return not_available ? is_not_available(found) : !has_content(found);
    case LawSheetCell::Kind::number:
        return found.kind == Cell::Kind::number && found.number == expected.number;
    case LawSheetCell::Kind::text:
        return found.kind == Cell::Kind::text && found.text == expected.text;
    }
    return false;
}

std::string shown(const Cell& cell, Language language)
{
    if (!has_content(cell))
        return language == Language::fr ? "rien" : "nothing";
    if (cell.kind == Cell::Kind::number)
        return shortest_number_text(cell.number, language);
    if (cell.kind == Cell::Kind::error)
        return cell.text;
    return "\"" + cell.text + "\"";
}

std::string shown(const LawSheetCell& cell, bool not_available, Language language)
{
    switch (cell.kind)
    {
    case LawSheetCell::Kind::empty:
        if (not_available)
            return "#N/A (=NA())";
        break;
    case LawSheetCell::Kind::number:
        return shortest_number_text(cell.number, language);
    case LawSheetCell::Kind::text:
        return "\"" + cell.text + "\"";
    }
    return language == Language::fr ? "une cellule vide" : "an empty cell";
}

const LawSheetCell& expected_at(const LawSheet& sheet, int row, int column)
{
    static const LawSheetCell empty_cell;
    if (row < 0 || static_cast<std::size_t>(row) >= sheet.rows.size())
        return empty_cell;
    const auto& cells = sheet.rows[static_cast<std::size_t>(row)];
    if (column < 0 || static_cast<std::size_t>(column) >= cells.size())
        return empty_cell;
    return cells[static_cast<std::size_t>(column)];
}

// Whether a data row of a block by years applies to the year (every row when it is unknown).
bool row_applies(const LawSheet& sheet,
                 const LawSheetBlock& block,
                 int row,
                 std::optional<int> year)
{
    if (block.from_year_column < 0 || row < block.first_row || !year)
        return true;
    const LawSheetCell& from = expected_at(sheet, row, block.from_year_column);
    const LawSheetCell& to = expected_at(sheet, row, block.to_year_column);
    if (from.kind != LawSheetCell::Kind::number || to.kind != LawSheetCell::Kind::number)
        return true;
    return from.number <= *year && *year <= to.number;
}

// "rule set 2026.1 of 2026-11-30" and what the workbook's "about" block says of itself.
struct Versions
{
    std::string engine_en, engine_fr, sheet_en, sheet_fr, engine_version;
};

Versions versions_of(const Sheet* found, const LawSheet& expected)
{
    const LawTablesVersion engine = law_tables_version();
    Versions versions;
    versions.engine_version = std::string(engine.version);
    const std::string date = onepercent::iso_date_text(engine.date);
    versions.engine_en = "rule set " + versions.engine_version + " of " + date;
    versions.engine_fr = "jeu de règles " + versions.engine_version + " du " + date;
    if (found == nullptr)
        return versions;
    const LawSheetBlock* about = expected.block("about");
    const std::size_t row = about ? static_cast<std::size_t>(about->first_row) : 1;
    const Cell& version = found->at(row, 1);
    const Cell& version_date = found->at(row + 1, 1);
    const std::string version_text = value_text(version, false, CivilDate{1899, 12, 30});
    const std::string date_text = value_text(version_date, false, CivilDate{1899, 12, 30});
    if (!has_content(version) && !has_content(version_date))
    {
        versions.sheet_en = "the sheet does not say its rule set";
        versions.sheet_fr = "la feuille n'indique pas son jeu de règles";
        return versions;
    }
    versions.sheet_en = "the sheet says rule set " + version_text + " of " + date_text;
    versions.sheet_fr = "la feuille indique le jeu de règles " + version_text + " du " + date_text;
    return versions;
}
} // namespace

void check_law_sheet(const Workbook& workbook, const TemplateView& view, FindingList& findings)
{
    if (header_key(trimmed_property(workbook, "OnePercentFlavour")) != "portable")
        return; // linked (or older): the formulas call the add-in, there is no Law sheet
    const Language language = workbook_language(workbook, view);
    const LawSheet expected = law_sheet(language);
    const Sheet* found = sheet_named(workbook, expected.name);
    if (found == nullptr)
        found = sheet_named(workbook, language == Language::fr ? "Law" : "Loi");
    const Versions versions = versions_of(found, expected);
    const std::string fix_en =
        "start again from the portable template of rule set " + versions.engine_version +
        " and copy the data into it; never edit the " + expected.name + " sheet";
    const std::string fix_fr = "repartir du modèle portable du jeu de règles " +
                               versions.engine_version + " et y copier les données ; ne jamais " +
                               "modifier la feuille " + expected.name;
    if (found == nullptr)
    {
        findings.count("T-LAW-TABLE-CHANGED");
        findings.add_file("T-LAW-TABLE-CHANGED", "",
                          {"the portable workbook has no sheet " + expected.name +
                               ": its formulas have no law tables to read (the engine's are " +
                               versions.engine_en + ")",
                           "le classeur portable n'a pas de feuille " + expected.name +
                               " : ses formules n'ont pas de tables de la loi à lire (celles du "
                               "moteur sont le " +
                               versions.engine_fr + ")",
                           fix_en, fix_fr});
        return;
    }

    LocatedSheet located; // the Law sheet as a place for findings
    located.sheet = found;
    for (std::size_t index = 0; index < workbook.sheets.size(); ++index)
        if (&workbook.sheets[index] == found)
            located.order = index;

    const std::optional<int> year = peek_fiscal_year(view);
    std::size_t compared = 0;
    std::size_t differing = 0;
    for (const LawSheetBlock& block : expected.blocks)
    {
        if (block.key == "about")
            continue;
        for (int row = block.title_row; row < block.first_row + block.rows; ++row)
        {
            if (!row_applies(expected, block, row, year))
                continue;
            const int columns =
                std::max(block.columns,
                         static_cast<int>(expected.rows[static_cast<std::size_t>(row)].size()));
            for (int column = 0; column < columns; ++column)
            {
                ++compared;
                const LawSheetCell& want = expected_at(expected, row, column);
                const bool not_available = shows_not_available(block, row) && column > 0;
                const Cell& have =
                    found->at(static_cast<std::size_t>(row), static_cast<std::size_t>(column));
                if (same(have, want, not_available))
                    continue;
                if (++differing > max_cells_listed)
                    continue;
                const std::string name =
                    cell_name(static_cast<std::size_t>(row), static_cast<std::size_t>(column));
                const std::string block_name(block.key);
                findings.add_cell(
                    "T-LAW-TABLE-CHANGED", located, static_cast<std::size_t>(row),
                    static_cast<std::size_t>(column),
                    value_text(have, false, CivilDate{1899, 12, 30}),
                    {name + " holds " + shown(have, Language::en) + " where the engine's " +
                         block_name + " table has " + shown(want, not_available, Language::en) +
                         ": the workbook computes with another law (the engine's tables are " +
                         versions.engine_en + "; " + versions.sheet_en + ")",
                     name + " contient " + shown(have, Language::fr) + " là où la table " +
                         block_name + " du moteur a " + shown(want, not_available, Language::fr) +
                         " : le classeur calcule avec une autre loi (les tables du moteur sont "
                         "le " +
                         versions.engine_fr + " ; " + versions.sheet_fr + ")",
                     fix_en, fix_fr});
            }
        }
    }
    findings.count("T-LAW-TABLE-CHANGED", compared);
    if (differing > max_cells_listed)
    {
        const std::string more = std::to_string(differing - max_cells_listed);
        findings.add_sheet("T-LAW-TABLE-CHANGED", located, more,
                           {more + " more cells of the sheet differ from the engine's tables (" +
                                versions.engine_en + "; " + versions.sheet_en + ")",
                            more +
                                " autres cellules de la feuille diffèrent des tables du moteur (" +
                                versions.engine_fr + " ; " + versions.sheet_fr + ")",
                            fix_en, fix_fr});
    }
}

} // namespace onepercent::validation
