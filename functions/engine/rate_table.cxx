// Employer contribution rates for r. 3, s. 7(4.1): QPP, EI, QPIP and the CNESST maximum.
// Figures from shared/law-facts.md, "Employer contribution rates": Revenu Québec QPP and QPIP
// rate pages for 2024 and 2025 (law-facts: H); ESDC 2026 EI notice (law-facts: H); 2026 QPP and
// QPIP from the November 2025 economic update as reported (law-facts: M/H). The CNESST maximum
// insurable earnings are taken equal to the QPIP maximum (law-facts: M). A new year is a new row.
#include "engine/regulation.hxx"

#include <string>

namespace onepercent
{

const std::vector<ContributionRates>& contribution_rate_table()
{
    static const std::vector<ContributionRates> table{
        // year, QPP rate, MPE, basic exemption, QPP2 rate, YAMPE,
        // EI rate (Québec, employer = 1.4 x employee), EI max, QPIP rate, QPIP max, CNESST max
        {2024, 0.0640, 68'500.0, 3'500.0, 0.04, 73'200.0, 0.01848, 63'200.0, 0.00692, 94'000.0,
         94'000.0},
        {2025, 0.0640, 71'300.0, 3'500.0, 0.04, 81'200.0, 0.01834, 65'700.0, 0.00692, 98'000.0,
         98'000.0},
        // 2026 QPP rate and QPIP figures: law-facts M/H (economic update as reported).
        {2026, 0.0630, 74'600.0, 3'500.0, 0.04, 85'000.0, 0.01820, 68'900.0, 0.00602, 103'000.0,
         103'000.0},
    };
    return table;
}

const ContributionRates& contribution_rates(int year)
{
    const auto& table = contribution_rate_table();
    for (const ContributionRates& rates : table)
        if (rates.year == year)
            return rates;
    const std::string first = std::to_string(table.front().year);
    const std::string last = std::to_string(table.back().year);
    throw InputError("no employer contribution rates for " + std::to_string(year) +
                         " (rates are available for " + first + " to " + last + ")",
                     "aucun taux de cotisation de l'employeur pour " + std::to_string(year) +
                         " (taux disponibles de " + first + " à " + last + ")");
}

} // namespace onepercent
