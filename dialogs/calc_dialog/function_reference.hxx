// The "function reference" sheet: the OnePercent functions as Calc describes them (name,
// arguments, description in the office's language). No UNO in here.
#pragma once

#include "engine/regulation.hxx"

#include <string>
#include <string_view>
#include <vector>

namespace onepercent::calc_dialog
{
struct FunctionArgument
{
    std::string name;
    bool optional = false;
};

struct FunctionInfo
{
    std::string name; // as the office shows it: "TRAINING.HOURLYRATE", "FORMATION.TAUXHORAIRE"
    std::string description;
    std::vector<FunctionArgument> arguments;
};

// Whether a function name is one of ours (TRAINING. or FORMATION.).
bool is_onepercent_function(std::string_view name);

// Whether the function returns a date (a serial number until the cell has a date format).
bool returns_a_date(std::string_view name);

// "amount; basis; [category]"
std::string arguments_text(const FunctionInfo& function, Language language);

// Title row, blank row, header row (function, arguments, description), then one row per
// function sorted by name. Three columns in every row.
std::vector<std::vector<std::string>> function_reference_table(std::vector<FunctionInfo> functions,
                                                               Language language);
} // namespace onepercent::calc_dialog
