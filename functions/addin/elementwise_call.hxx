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

// The result has the shape of the largest range argument (a single value when none is a
// range). A range element whose range arguments are all empty gives an empty element
// (blank rows stay blank). A bad element throws InputError naming the function and, for
// ranges, the element's row and column.
Grid call_elementwise(const FunctionSpec& function,
                      const std::vector<Grid>& arguments,
                      const CallContext& context);

} // namespace onepercent
