// The in-memory workbook: cell access, sheet look-up and A1 cell names.
#include "workbook_model.hxx"

namespace onepercent::validation
{
const Cell& Sheet::at(std::size_t row, std::size_t column) const
{
    static const Cell empty_cell;
    if (row >= rows || column >= columns)
        return empty_cell;
    const std::size_t index = row * columns + column;
    if (index >= cells.size())
        return empty_cell; // a model filled with fewer cells than its size says
    return cells[index];
}

const Sheet* Workbook::find_sheet(std::string_view name) const
{
    for (const Sheet& sheet : sheets)
        if (sheet.name == name)
            return &sheet;
    return nullptr;
}

std::string cell_name(std::size_t row, std::size_t column)
{
    // Columns in bijective base 26: A..Z, AA..AZ, BA...
    std::string letters;
    std::size_t remaining = column + 1;
    while (remaining > 0)
    {
        const std::size_t digit = (remaining - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + digit));
        remaining = (remaining - 1) / 26;
    }
    return letters + std::to_string(row + 1);
}

std::string error_text_of_code(long code)
{
    switch (code)
    {
    case 32767:
        return "#N/A";
    case 519:
        return "#VALUE!";
    case 524:
        return "#REF!";
    case 525:
        return "#NAME?";
    case 532:
        return "#DIV/0!";
    case 503:
        return "#NUM!";
    default:
        return "Err:" + std::to_string(code);
    }
}

std::string trimmed_property(const Workbook& workbook, const std::string& name)
{
    const auto found = workbook.properties.find(name);
    if (found == workbook.properties.end())
        return {};
    const std::string& value = found->second;
    const auto first = value.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
}
} // namespace onepercent::validation
