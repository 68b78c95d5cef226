// An in-memory model of a workbook, filled from bulk reads (getDataArray/getFormulaArray
// per used range), so that the same validation serves the dialog inside Calc and the
// command-line batch validator. No UNO in here.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/regulation.hxx"

namespace onepercent::validation
{
struct Cell
{
    enum class Kind : unsigned char
    {
        empty,
        number,
        text,
        error // a formula whose result is an error; `text` holds it ("Err:502", "#N/A")
    };
    Kind kind = Kind::empty;
    double number = 0.0; // numbers, dates (serials from the workbook's null date), booleans
    std::string text;    // text value, or the error shown
    // Non-empty when the cell holds a formula. The UNO reader stores "=": it reads only
    // which cells hold formulas (rendering every formula's text is most of a bulk read).
    std::string formula;

    bool is_formula() const { return !formula.empty(); }
    bool is_empty() const { return kind == Kind::empty && formula.empty(); }
};

struct Sheet
{
    std::string name;
    std::size_t rows = 0; // the used area, from A1
    std::size_t columns = 0;
    std::vector<Cell> cells; // row-major, rows x columns

    // Zero-based; an empty cell outside the used area.
    const Cell& at(std::size_t row, std::size_t column) const;
};

struct Workbook
{
    std::string file_name; // as given on the command line or the document's title
    std::string sha256;    // of the file's bytes, hex; empty for an unsaved document
    CivilDate null_date{1899, 12, 30};
    std::map<std::string, std::string> properties; // user-defined document properties
    std::vector<Sheet> sheets;

    const Sheet* find_sheet(std::string_view name) const;
};

// "C12" for zero-based row 11, column 2; "AA1" for column 26.
std::string cell_name(std::size_t row, std::size_t column);

// The error a formula cell shows, from LibreOffice's error code (formula/errorcodes.hxx):
// 32767 "#N/A", 519 "#VALUE!", 524 "#REF!", 525 "#NAME?", 532 "#DIV/0!", 503 "#NUM!",
// any other "Err:<code>". One table for both readers (UNO and direct).
std::string error_text_of_code(long code);

// A document property with the spaces around it removed; "" when the workbook has none.
std::string trimmed_property(const Workbook& workbook, const std::string& name);

} // namespace onepercent::validation
