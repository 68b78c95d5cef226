#include "elementwise_call.hxx"

#include <algorithm>
#include <string>

namespace onepercent
{
namespace
{
InputError with_context(const InputError& error,
                        const FunctionSpec& function,
                        const Grid& result,
                        std::size_t row,
                        std::size_t column)
{
    std::string where_en = std::string(function.display_en);
    std::string where_fr = std::string(function.display_fr);
    if (result.is_range)
    {
        const std::string position = std::to_string(row + 1) + ", " + std::to_string(column + 1);
        where_en += " (row, column " + position + " of the range)";
        where_fr += " (ligne, colonne " + position + " de la plage)";
    }
    return InputError(where_en + ": " + error.message(Language::en),
                      where_fr + " : " + error.message(Language::fr));
}
} // namespace

Grid call_elementwise(const FunctionSpec& function,
                      const std::vector<Grid>& arguments,
                      const CallContext& context)
{
    Grid result;
    for (const Grid& argument : arguments)
    {
        if (!argument.is_range)
            continue;
        result.is_range = true;
        result.rows = std::max(result.rows, argument.rows);
        result.columns = std::max(result.columns, argument.columns);
    }
    for (const Grid& argument : arguments)
    {
        const bool rows_fit = argument.rows == 1 || argument.rows == result.rows;
        const bool columns_fit = argument.columns == 1 || argument.columns == result.columns;
        if (!rows_fit || !columns_fit)
            throw InputError(std::string(function.display_en) +
                                 ": the ranges must have the same size (or be a single row, "
                                 "column or value)",
                             std::string(function.display_fr) +
                                 " : les plages doivent être de même taille (ou être une seule "
                                 "ligne, colonne ou valeur)");
    }

    result.cells.reserve(result.rows * result.columns);
    std::vector<const CellValue*> element(arguments.size());
    const Arguments reader(function, element);
    for (std::size_t row = 0; row < result.rows; ++row)
        for (std::size_t column = 0; column < result.columns; ++column)
        {
            bool all_ranges_empty = result.is_range;
            for (std::size_t i = 0; i < arguments.size(); ++i)
            {
                element[i] = &arguments[i].at(row, column);
                if (arguments[i].is_range && !element[i]->is_empty())
                    all_ranges_empty = false;
            }
            if (all_ranges_empty)
            {
                result.cells.emplace_back();
                continue;
            }
            try
            {
                result.cells.push_back(function.evaluate(reader, context));
            }
            catch (const InputError& error)
            {
                throw with_context(error, function, result, row, column);
            }
        }
    return result;
}

} // namespace onepercent
