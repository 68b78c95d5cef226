#include "function_reference.hxx"

#include "ui_text.hxx"

#include <algorithm>

namespace onepercent::calc_dialog
{
bool is_onepercent_function(std::string_view name)
{
    constexpr std::string_view prefixes[] = {"TRAINING.", "FORMATION."};
    return std::any_of(std::begin(prefixes), std::end(prefixes),
                       [name](std::string_view prefix) {
                           return name.size() > prefix.size() &&
                                  name.substr(0, prefix.size()) == prefix;
                       });
}

bool returns_a_date(std::string_view name)
{
    return name == "TRAINING.RETENTIONEND" || name == "FORMATION.FINCONSERVATION";
}

std::string arguments_text(const FunctionInfo& function, Language language)
{
    std::string result;
    for (const FunctionArgument& argument : function.arguments)
    {
        if (!result.empty())
            result += "; ";
        result += argument.optional
                      ? format(text(Text::optional_argument, language), {argument.name})
                      : argument.name;
    }
    return result;
}

std::vector<std::vector<std::string>> function_reference_table(std::vector<FunctionInfo> functions,
                                                               Language language)
{
    std::sort(functions.begin(), functions.end(),
              [](const FunctionInfo& left, const FunctionInfo& right)
              { return left.name < right.name; });
    std::vector<std::vector<std::string>> table;
    table.push_back({std::string(text(Text::functions_title, language)), "", ""});
    table.push_back({"", "", ""});
    table.push_back({std::string(text(Text::column_function, language)),
                     std::string(text(Text::column_arguments, language)),
                     std::string(text(Text::column_description, language))});
    for (const FunctionInfo& function : functions)
    {
        std::string description = function.description;
        // Calc shows an add-in's date as a serial number unless the cell has a date format
        // (issue 10, item 7): say so where a person looks the function up.
        if (returns_a_date(function.name))
            description += std::string(text(Text::format_as_date, language));
        table.push_back({function.name, arguments_text(function, language), description});
    }
    return table;
}
} // namespace onepercent::calc_dialog
