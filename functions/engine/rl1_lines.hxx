// The line numbers of the WSDRF (FDRCMO, "1 % law") part of the RL-1 summary (RLZ-1.S-V)
// and of its work chart, as data by form year. Revenu Québec renumbered the summary for
// recent years (shared/law-facts.md, RL-1 summary): a number is given only for the form years
// where it was verified; elsewhere the caller shows what the line is without a number.
// Sources and confidence: rl1_lines.cxx and docs/law-sources.md.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace onepercent
{
enum class Rl1Line
{
    payroll,        // total payroll (line 50 on the older form)
    minimum,        // minimum participation, 1 % of the payroll (51)
    eligible,       // eligible training expenditures (52, = work chart line 78)
    contribution,   // contribution to the WSDRF (53)
    carried_in,     // work chart: balance carried forward from previous years (75)
    total_eligible, // work chart: total eligible expenditures (78)
    carry_forward   // work chart: balance to carry forward (79)
};

// The line number of the RL-1 summary (or its work chart) for the form of `form_year`
// ("50", "75"...), or nullopt where the number for that year is not verified.
std::optional<std::string_view> rl1_line_number(Rl1Line line, int form_year);
// "payroll", "minimum", "eligible", "contribution", "carried_in", "total_eligible",
// "carry_forward"; "" for a value that is not an Rl1Line.
std::string_view rl1_line_key(Rl1Line line);
// All, in the order above.
const std::vector<Rl1Line>& rl1_lines();

} // namespace onepercent
