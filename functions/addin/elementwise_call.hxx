// Calls a function of the table element by element over cell ranges: every argument may be
// a single value or a range; single values (and single rows or columns) are broadcast.
// No UNO in here.
#pragma once

#include "function_table.hxx"

#include <cstddef>
#include <vector>

namespace onepercent
{
struct Grid
{
    std::size_t rows = 1;
    std::size_t columns = 1;
    bool is_range = false;        // false: a single value (or an omitted optional argument)
    std::vector<CellValue> cells; // row-major; one cell when !is_range

    static Grid single(CellValue value)
    {
        Grid grid;
        grid.cells.push_back(std::move(value));
        return grid;
    }
    const CellValue& at(std::size_t row, std::size_t column) const
    {
        return cells[(rows == 1 ? 0 : row) * columns + (columns == 1 ? 0 : column)];
    }
};

// The most elements a result may have: four full columns. A column times a row broadcast
// past it (1e8 elements took the office to 6.8 GB) is refused (issue 9, item 11).
constexpr std::size_t max_result_elements = 4'194'304;
// Calc stores an array result column by column in blocks of one type, starting from one
// block of numbers; each text or empty element it puts there moves every element after it.
// An array whose filling would move more elements than this (about a minute here; a text
// array of 260,000 elements) is refused rather than hanging the office.
constexpr double max_fill_moves = 3.4e10;

// An empty tail that would take Calc more than this to fill (about 0.1 s) is left out.
constexpr double max_tail_fill_moves = 134'217'728;

// The result has the shape of the largest range argument (a single value when none is a
// range). A range element whose range arguments are all empty gives an empty element (blank
// rows stay blank), except that the rows after the last one where a range argument has a
// value are left out when Calc would take long to fill them (max_tail_fill_moves): a whole
// column with one filled row gives one row, which Calc fills at once (66 s before, with a
// million empty elements). A bad element, a result past max_result_elements or
// max_fill_moves throws InputError naming the function and, for ranges, the element's row
// and column.
Grid call_elementwise(const FunctionSpec& function,
                      const std::vector<Grid>& arguments,
                      const CallContext& context);

} // namespace onepercent
