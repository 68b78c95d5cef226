// The hidden, protected sheet `Law` / `Loi` of the portable workbook (issue 8): the engine's
// own tables laid out as cells, so that formulas made only of functions built into Excel and
// LibreOffice (INDEX, MATCH, ...) compute what the add-in computes. One source for the two
// places that need it: the template generator (through onepercent-law-tables, key
// "law_sheet") writes these cells, and the validator compares a workbook's sheet with them
// (T-LAW-TABLE-CHANGED). Never typed anywhere else.
#pragma once

#include "engine/regulation.hxx"

#include <string>
#include <string_view>
#include <vector>

namespace onepercent
{
struct LawSheetCell
{
    enum class Kind
    {
        empty,
        number,
        text
    };
    Kind kind = Kind::empty;
    double number = 0.0;
    std::string text;

    static LawSheetCell of(double value);
    static LawSheetCell of(std::string_view value);
};

// One table of the sheet: a title row, a header row, then `rows` data rows of `columns`
// cells from column A. Rows are 0-based sheet rows (row 0 is the spreadsheet's row 1).
struct LawSheetBlock
{
    std::string_view key; // "pay_basis", "classification", "rates", ...
    int title_row = 0;
    int header_row = 0;
    int first_row = 0; // first data row
    int rows = 0;
    int columns = 0;
    // Years the data rows apply to, for a check "for the workbook's year": the row applies to
    // the years from_year_column..to_year_column (equal columns: one year); -1: every year.
    int from_year_column = -1;
    int to_year_column = -1;
};

// The version and date of the law tables (the engine's figures as last revised): written on
// the sheet, so that a reviewer sees which rule set a portable workbook computes with.
struct LawTablesVersion
{
    std::string_view version; // "2026.1"
    CivilDate date;
};
LawTablesVersion law_tables_version();

struct LawSheet
{
    std::string name;                            // "Law" / "Loi"
    std::vector<std::vector<LawSheetCell>> rows; // row by row; a row may be shorter
    std::vector<LawSheetBlock> blocks;

    const LawSheetBlock* block(std::string_view key) const;
};

// "2026-11-30" (std::to_chars: no locale).
std::string iso_date_text(CivilDate date);

// The sheet in a workbook's language (titles and headers; the data is the same in both).
LawSheet law_sheet(Language language);

// What a keyword cell is compared with in the sheet's spelling columns: lower case, French
// accents removed, spaces, underscores and hyphens as one hyphen, none at either end. The
// portable formulas do the same with LOWER, SUBSTITUTE and TRIM (layout.py, _keyword).
std::string law_sheet_spelling(std::string_view text);

} // namespace onepercent
