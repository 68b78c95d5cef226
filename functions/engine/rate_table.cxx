// Employer contribution rates for r. 3, s. 7(4.1): QPP, EI, QPIP and the CNESST maximum.
// Figures from shared/law-facts.md, "Employer contribution rates": Revenu Québec QPP and QPIP
// rate pages for 2024 and 2025 (law-facts: H); ESDC 2026 EI notice (law-facts: H); 2026 QPP and
// QPIP from the November 2025 economic update as reported (law-facts: M/H). The CNESST maximum
// insurable earnings are taken equal to the QPIP maximum (law-facts: M). A new year is a new row.
//
// 2019-2023 (issue 7, item 14), every figure with its source and confidence (H: a government
// page says it word for word; M: reputable secondary or inference); docs/law-sources.md has
// the addresses:
//   QPP rate, MPE, basic exemption: Revenu Québec, "Maximum Pensionable Earnings and Québec
//     Pension Plan Contribution Rate" (table 2015-2025; rates include the first additional
//     contribution: 0.15 % 2019, 0.30 % 2020, 0.50 % 2021, 0.75 % 2022, 1 % 2023), H; the same
//     figures on Retraite Québec, "Pensionable earnings and contributions", H.
//   QPP second additional: none before 2024 (Retraite Québec: "Since 2024, additional maximum
//     annual pensionable earnings (YAMPE) have been added"; Revenu Québec's YAMPE table starts
//     in 2024), H. Represented as rate 0 with the ceiling equal to the MPE (an empty band):
//     employer_contributions then adds exactly 0 for it.
//   EI: Canada.ca (CRA), "EI premium rates and maximums", Québec table: employee rate and
//     maximum insurable earnings, H; the employer rate is 1.4 x the employee rate, and the
//     page's maximum employer premium equals 1.4 x rate x maximum for every year, H.
//   QPIP: Revenu Québec, "Maximum Insurable Earnings and the QPIP Premium Rate", H.
//   CNESST maximum: 2019 Regulation, r. 15 (2019), s. 2 ($76,500), H; 2020 and 2021
//     AWCBC "Maximum Assessable / Insurable Earnings" (equal to the QPIP maximum, which RQAP
//     says is adjusted at the rate set by the CNESST), M; 2022 CNESST "Base annuelle"
//     ($88,000), H; 2023 CNESST "Calcul des excédents" ($91,000), H.
#include "engine/regulation.hxx"

#include <string>

namespace onepercent
{

const std::vector<ContributionRates>& contribution_rate_table()
{
    static const std::vector<ContributionRates> table{
        // year, QPP rate, MPE, basic exemption, QPP2 rate, YAMPE,
        // EI rate (Québec, employer = 1.4 x employee), EI max, QPIP rate, QPIP max, CNESST max
        // 2019: QPP 5.55 % (H), EI 1.4 x 1.25 % (H), QPIP 0.736 % (H), CNESST 76,500 (H).
        {2019, 0.0555, 57'400.0, 3'500.0, 0.0, 57'400.0, 0.0175, 53'100.0, 0.00736, 76'500.0,
         76'500.0},
        // 2020: QPP 5.70 % (H), EI 1.4 x 1.20 % (H), QPIP 0.692 % (H), CNESST 78,500 (M).
        {2020, 0.0570, 58'700.0, 3'500.0, 0.0, 58'700.0, 0.0168, 54'200.0, 0.00692, 78'500.0,
         78'500.0},
        // 2021: QPP 5.90 % (H), EI 1.4 x 1.18 % (H), QPIP 0.692 % (H), CNESST 83,500 (M).
        {2021, 0.0590, 61'600.0, 3'500.0, 0.0, 61'600.0, 0.01652, 56'300.0, 0.00692, 83'500.0,
         83'500.0},
        // 2022: QPP 6.15 % (H), EI 1.4 x 1.20 % (H), QPIP 0.692 % (H), CNESST 88,000 (H).
        {2022, 0.0615, 64'900.0, 3'500.0, 0.0, 64'900.0, 0.0168, 60'300.0, 0.00692, 88'000.0,
         88'000.0},
        // 2023: QPP 6.40 % (H), EI 1.4 x 1.27 % (H), QPIP 0.692 % (H), CNESST 91,000 (H).
        {2023, 0.0640, 66'600.0, 3'500.0, 0.0, 66'600.0, 0.01778, 61'500.0, 0.00692, 91'000.0,
         91'000.0},
        {2024, 0.0640, 68'500.0, 3'500.0, 0.04, 73'200.0, 0.01848, 63'200.0, 0.00692, 94'000.0,
         94'000.0},
        {2025, 0.0640, 71'300.0, 3'500.0, 0.04, 81'200.0, 0.01834, 65'700.0, 0.00692, 98'000.0,
         98'000.0},
        // 2026 QPP rate and QPIP figures: law-facts M/H (economic update as reported); CNESST
        // 103,000: AWCBC "Maximum Assessable / Insurable Earnings" (M).
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
