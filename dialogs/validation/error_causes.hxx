// Internal to the validator: why a computed cell shows an error value (T-ERROR-VALUE). The
// template's formulas call the add-in, which turns the engine's InputError into Err:502
// without showing its message anywhere in Calc; here the same engine functions run on the
// row's inputs as the workbook shows them, and the first InputError is the cause. Cells that
// fail from one cause (a bad pay basis, a year without contribution rates) share it, so that
// T-ERROR-VALUE reports them under one finding (issue 10, item 2). No UNO in here.
#pragma once

#include "template_reader.hxx"

#include <optional>
#include <string>

namespace onepercent::validation
{
struct ErrorCause
{
    std::string source;  // "Employees!C3": the input to correct; "" when not one cell
    std::string english; // the engine's message: "unknown pay period "fortnight"; ..."
    std::string french;

    std::string key() const { return source + "\n" + english; }
};

// The cause of the error shown at (row, column) of a located sheet, from the engine; nullopt
// when the cell is not a computed cell of the template or the engine finds nothing wrong.
std::optional<ErrorCause> error_cause(const TemplateView& view,
                                      const LocatedSheet& located,
                                      std::size_t row,
                                      std::size_t column);
} // namespace onepercent::validation
