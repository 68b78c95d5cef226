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
// 4194304 -> "4,194,304" (English) or with no-break spaces (French).
std::string grouped(std::size_t number, const char* separator)
{
    const std::string digits = std::to_string(number);
    std::string text;
    for (std::size_t index = 0; index < digits.size(); ++index)
    {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            text += separator;
        text += digits[index];
    }
    return text;
}

// The elements Calc would move filling the result (see max_fill_moves): for each element
// that is not a number, those after it in Calc's column-by-column order.
double fill_moves(const Grid& result, std::size_t* not_numbers = nullptr)
{
    if (!result.is_range)
        return 0.0;
    const std::size_t total = result.rows * result.columns;
    double moves = 0.0;
    std::size_t count = 0;
    for (std::size_t column = 0; column < result.columns; ++column)
        for (std::size_t row = 0; row < result.rows; ++row)
            if (result.cells[row * result.columns + column].kind != CellValue::Kind::number)
            {
                moves += static_cast<double>(total - (column * result.rows + row));
                ++count;
            }
    if (not_numbers)
        *not_numbers = count;
    return moves;
}

void check_fill_work(const FunctionSpec& function, const Grid& result)
{
    const std::size_t total = result.rows * result.columns;
    std::size_t not_numbers = 0;
    if (fill_moves(result, &not_numbers) <= max_fill_moves)
        return;
    throw InputError(
        std::string(function.display_en) + ": Calc would take minutes to fill " + "this array of " +
            grouped(total, ",") + " elements, " + grouped(not_numbers, ",") +
            " of them texts or blanks; give a range that ends with the data, "
            "or split it",
        std::string(function.display_fr) + " : Calc mettrait des minutes à remplir ce tableau de " +
            grouped(total, "\u00A0") + " éléments, dont " + grouped(not_numbers, "\u00A0") +
            " textes ou vides; donnez une plage qui finit avec les données, ou "
            "divisez-la");
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

    // A column times a row: refused before anything is allocated.
    const std::size_t elements = result.rows * result.columns; // at most 2^20 x 2^14
    if (elements > max_result_elements)
        throw InputError(
            std::string(function.display_en) + ": the result would have " + grouped(elements, ",") +
                " elements (" + std::to_string(result.rows) + " rows by " +
                std::to_string(result.columns) + " columns), more than " +
                grouped(max_result_elements, ",") +
                "; give ranges of the same shape instead of a column and a row",
            std::string(function.display_fr) + " : le résultat aurait " +
                grouped(elements, "\u00A0") + " éléments (" + std::to_string(result.rows) +
                " lignes sur " + std::to_string(result.columns) + " colonnes), plus que " +
                grouped(max_result_elements, "\u00A0") +
                "; donnez des plages de même forme plutôt qu'une colonne et une ligne");

    // The rows after the last one with a value in a range argument (a whole column's empty
    // tail): left out below when Calc would take long to fill them.
    std::size_t data_rows = result.rows;
    if (result.is_range && result.rows > 1)
    {
        std::size_t last = 0;
        bool any = false;
        bool only_single_rows = true;
        for (const Grid& argument : arguments)
        {
            if (!argument.is_range || argument.rows == 1)
                continue;
            only_single_rows = false;
            for (std::size_t row = argument.rows; row-- > (any ? last + 1 : 0);)
            {
                bool filled = false;
                for (std::size_t column = 0; column < argument.columns && !filled; ++column)
                    filled = !argument.cells[row * argument.columns + column].is_empty();
                if (filled)
                {
                    last = row;
                    any = true;
                    break;
                }
            }
        }
        if (!only_single_rows)
            data_rows = any ? last + 1 : 1;
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
    // An empty tail Calc would take long to fill (each empty element moves every element
    // after it) is left out: the array ends with the data.
    if (data_rows < result.rows && fill_moves(result) > max_tail_fill_moves)
    {
        result.cells.resize(data_rows * result.columns);
        result.rows = data_rows;
    }
    check_fill_work(function, result);
    return result;
}

} // namespace onepercent
