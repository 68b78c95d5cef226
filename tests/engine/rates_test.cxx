// r. 3, s. 7(4.1): the contribution rate table and the employer's contributions.
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>

using namespace onepercent;

namespace
{
constexpr double no_cnesst = 0.0;
const std::optional<double> table_ei_rate = std::nullopt;
} // namespace

TEST(ContributionRateTable, HoldsTheYears2019To2026InOrder)
{
    const auto& table = contribution_rate_table();
    ASSERT_EQ(table.size(), 8u);
    for (std::size_t index = 0; index < table.size(); ++index)
        EXPECT_EQ(table[index].year, 2019 + static_cast<int>(index));
}

// Issue 7, item 14: the years still open to reassessment and inside the 6-year retention.
// Sources and confidence: functions/engine/rate_table.cxx and docs/law-sources.md.
TEST(ContributionRates, Year2019)
{
    const ContributionRates& rates = contribution_rates(2019);
    EXPECT_EQ(rates.year, 2019);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.0555);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 57400);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.0);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 57400);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.0175);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 53100);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00736);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 76500);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 76500);
}

TEST(ContributionRates, Year2020)
{
    const ContributionRates& rates = contribution_rates(2020);
    EXPECT_EQ(rates.year, 2020);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.057);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 58700);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.0);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 58700);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.0168);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 54200);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 78500);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 78500);
}

TEST(ContributionRates, Year2021)
{
    const ContributionRates& rates = contribution_rates(2021);
    EXPECT_EQ(rates.year, 2021);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.059);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 61600);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.0);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 61600);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.01652);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 56300);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 83500);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 83500);
}

TEST(ContributionRates, Year2022)
{
    const ContributionRates& rates = contribution_rates(2022);
    EXPECT_EQ(rates.year, 2022);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.0615);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 64900);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.0);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 64900);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.0168);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 60300);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 88000);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 88000);
}

TEST(ContributionRates, Year2023)
{
    const ContributionRates& rates = contribution_rates(2023);
    EXPECT_EQ(rates.year, 2023);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.064);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 66600);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.0);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 66600);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.01778);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 61500);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 91000);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 91000);
}

// The maximum employer contributions the government pages publish next to each rate, as a
// cross-check of the rows: QPP (Revenu Québec), EI Québec (CRA), QPIP (Revenu Québec).
TEST(ContributionRateTable, RowsGiveThePublishedMaximumEmployerContributions)
{
    struct Published
    {
        int year;
        double qpp;
        double ei;
        double qpip;
    };
    const Published published[] = {
        {2019, 2991.45, 929.25, 563.04},  {2020, 3146.40, 910.56, 543.22},
        {2021, 3427.90, 930.08, 577.82},  {2022, 3776.10, 1013.04, 608.96},
        {2023, 4038.40, 1093.47, 629.72}, {2024, 4160.00, 1167.94, 650.48},
        {2025, 4339.20, 1204.94, 678.16},
    };
    for (const Published& row : published)
    {
        const ContributionRates& rates = contribution_rates(row.year);
        EXPECT_NEAR(
            round_cents(rates.qpp_rate * (rates.qpp_max_pensionable - rates.qpp_basic_exemption)),
            row.qpp, 0.005)
            << row.year;
        EXPECT_NEAR(round_cents(rates.ei_rate * rates.ei_max_insurable), row.ei, 0.005) << row.year;
        EXPECT_NEAR(round_cents(rates.qpip_rate * rates.qpip_max_insurable), row.qpip, 0.005)
            << row.year;
    }
}

// No second additional QPP contribution before 2024 (Retraite Québec: YAMPE "since 2024").
TEST(ContributionRateTable, NoSecondAdditionalContributionBefore2024)
{
    for (const ContributionRates& rates : contribution_rate_table())
    {
        if (rates.year < 2024)
        {
            EXPECT_EQ(rates.qpp2_rate, 0.0) << rates.year;
            EXPECT_EQ(rates.qpp2_ceiling, rates.qpp_max_pensionable) << rates.year;
        }
        else
        {
            EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.04) << rates.year;
            EXPECT_GT(rates.qpp2_ceiling, rates.qpp_max_pensionable) << rates.year;
        }
    }
}

TEST(ContributionRates, Year2024)
{
    const ContributionRates& rates = contribution_rates(2024);
    EXPECT_EQ(rates.year, 2024);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.064);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 68500);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.04);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 73200);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.01848);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 63200);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 94000);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 94000);
}

TEST(ContributionRates, Year2025)
{
    const ContributionRates& rates = contribution_rates(2025);
    EXPECT_EQ(rates.year, 2025);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.064);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 71300);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.04);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 81200);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.01834);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 65700);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00692);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 98000);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 98000);
}

TEST(ContributionRates, Year2026)
{
    const ContributionRates& rates = contribution_rates(2026);
    EXPECT_EQ(rates.year, 2026);
    EXPECT_DOUBLE_EQ(rates.qpp_rate, 0.063);
    EXPECT_DOUBLE_EQ(rates.qpp_max_pensionable, 74600);
    EXPECT_DOUBLE_EQ(rates.qpp_basic_exemption, 3500);
    EXPECT_DOUBLE_EQ(rates.qpp2_rate, 0.04);
    EXPECT_DOUBLE_EQ(rates.qpp2_ceiling, 85000);
    EXPECT_DOUBLE_EQ(rates.ei_rate, 0.0182);
    EXPECT_DOUBLE_EQ(rates.ei_max_insurable, 68900);
    EXPECT_DOUBLE_EQ(rates.qpip_rate, 0.00602);
    EXPECT_DOUBLE_EQ(rates.qpip_max_insurable, 103000);
    EXPECT_DOUBLE_EQ(rates.cnesst_max_insurable, 103000);
}

TEST(ContributionRates, YearsWithoutRatesAreRejected)
{
    EXPECT_THROW(contribution_rates(2018), InputError);
    EXPECT_THROW(contribution_rates(2027), InputError);
    EXPECT_THROW(employer_contributions(2018, 1000, 61000, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2027, 1000, 61000, 1.5, table_ei_rate), InputError);
    try
    {
        contribution_rates(2018);
        FAIL() << "2018 has no rates";
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("2018"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("2019 to 2026"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("de 2019 à 2026"), std::string::npos);
    }
}

// 2019, salary 60,000, training wages 1,500, CNESST 1.75 per $100:
//   QPP    0.0555 x (57,400 - 3,500)  = 2,991.45 (capped at the MPE; no second additional)
//   EI     0.0175 x 53,100            =   929.25 (capped at the EI maximum)
//   QPIP   0.00736 x 60,000           =   441.60
//   CNESST 0.0175 x 60,000            = 1,050.00
//   total 5,412.30 x 1,500 / 60,000   =   135.3075 -> 135.31
TEST(EmployerContributions, Year2019ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2019, 1500, 60000, 1.75, table_ei_rate), 135.31);
}

// 2020, salary 45,000, training wages 2,000, CNESST 1.20 per $100:
//   QPP    0.057 x (45,000 - 3,500)   = 2,365.50
//   EI     0.0168 x 45,000            =   756.00
//   QPIP   0.00692 x 45,000           =   311.40
//   CNESST 0.012 x 45,000             =   540.00
//   total 3,972.90 x 2,000 / 45,000   =   176.5733... -> 176.57
TEST(EmployerContributions, Year2020ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2020, 2000, 45000, 1.20, table_ei_rate), 176.57);
}

// 2021, salary 85,000, training wages 3,000, CNESST 2.50 per $100:
//   QPP    0.059 x (61,600 - 3,500)   = 3,427.90 (capped at the MPE)
//   EI     0.01652 x 56,300           =   930.076 (capped at the EI maximum)
//   QPIP   0.00692 x 83,500           =   577.82 (capped at the QPIP maximum)
//   CNESST 0.025 x 83,500             = 2,087.50 (capped at the CNESST maximum)
//   total 7,023.296 x 3,000 / 85,000  =   247.8810... -> 247.88
TEST(EmployerContributions, Year2021ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2021, 3000, 85000, 2.50, table_ei_rate), 247.88);
}

// 2022, salary 62,000, training wages 800, CNESST 1.00 per $100:
//   QPP    0.0615 x (62,000 - 3,500)  = 3,597.75
//   EI     0.0168 x 60,300            = 1,013.04 (capped at the EI maximum)
//   QPIP   0.00692 x 62,000           =   429.04
//   CNESST 0.01 x 62,000              =   620.00
//   total 5,659.83 x 800 / 62,000     =    73.0300... -> 73.03
TEST(EmployerContributions, Year2022ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2022, 800, 62000, 1.00, table_ei_rate), 73.03);
}

// 2023, salary 70,000, training wages 1,200, CNESST 1.50 per $100:
//   QPP    0.064 x (66,600 - 3,500)   = 4,038.40 (capped at the MPE; above it nothing more:
//                                                 the second additional starts in 2024)
//   EI     0.01778 x 61,500           = 1,093.47 (capped at the EI maximum)
//   QPIP   0.00692 x 70,000           =   484.40
//   CNESST 0.015 x 70,000             = 1,050.00
//   total 6,666.27 x 1,200 / 70,000   =   114.2789... -> 114.28
TEST(EmployerContributions, Year2023ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2023, 1200, 70000, 1.50, table_ei_rate), 114.28);
}

// 2023 above the MPE: only QPIP grows (no second additional contribution, no EI above its
// maximum). No EI, no CNESST: at the MPE 4,038.40 + 0.00692 x 66,600 = 4,499.2720; at 80,000
// 4,038.40 + 553.60 = 4,592.00.
TEST(EmployerContributions, NoSecondAdditionalContributionIn2023)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2023, 66600, 66600, no_cnesst, 0.0), 4499.27);
    EXPECT_DOUBLE_EQ(employer_contributions(2023, 80000, 80000, no_cnesst, 0.0), 4592.00);
}

// 2024, salary 50,000, training wages 1,000, CNESST 2.00 per $100:
//   QPP    0.064 x (50,000 - 3,500)   = 2,976.00 (no second additional: below MPE)
//   EI     0.01848 x 50,000           =   924.00
//   QPIP   0.00692 x 50,000           =   346.00
//   CNESST 0.02 x 50,000              = 1,000.00
//   total 5,246.00 x 1,000 / 50,000   =   104.92
TEST(EmployerContributions, Year2024ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 1000, 50000, 2.00, table_ei_rate), 104.92);
}

// 2025, salary 61,000, training wages 1,000, CNESST 1.50 per $100:
//   QPP    0.064 x (61,000 - 3,500)   = 3,680.00
//   QPP2   0.04 x max(0, 61,000 - 71,300) = 0
//   EI     0.01834 x 61,000           = 1,118.74
//   QPIP   0.00692 x 61,000           =   422.12
//   CNESST 0.015 x 61,000             =   915.00
//   total 6,135.86 x 1,000 / 61,000   =   100.5878... -> 100.59
TEST(EmployerContributions, Year2025ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 1000, 61000, 1.50, table_ei_rate), 100.59);
}

// 2026, salary 90,000, training wages 2,000, CNESST 1.00 per $100:
//   QPP    0.063 x (74,600 - 3,500)   = 4,479.30 (capped at the MPE)
//   QPP2   0.04 x (85,000 - 74,600)   =   416.00 (capped at the YAMPE)
//   EI     0.0182 x 68,900            = 1,253.98 (capped at the EI maximum)
//   QPIP   0.00602 x 90,000           =   541.80
//   CNESST 0.01 x 90,000              =   900.00
//   total 7,591.08 x 2,000 / 90,000   =   168.6906... -> 168.69
TEST(EmployerContributions, Year2026ByHand)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 2000, 90000, 1.00, table_ei_rate), 168.69);
}

TEST(EmployerContributions, EiRateOverride)
{
    // As 2025 above with EI at 0.0182: 6,135.86 - 1,118.74 + 1,110.20 = 6,127.32 -> 100.45.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 1000, 61000, 1.50, 0.0182), 100.45);
    // No EI and no CNESST: 3,680.00 + 422.12 = 4,102.12 x 1,000 / 61,000 = 67.248 -> 67.25.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 1000, 61000, 0.0, 0.0), 67.25);
}

// With training wages equal to the salary the result is the annual total, which shows each
// plan's ceiling directly (CNESST 0).
TEST(EmployerContributions, QppMaximumPensionableEarnings2025)
{
    // At the MPE: QPP 0.064 x 67,800 = 4,339.20; EI 0.01834 x 65,700 = 1,204.938;
    // QPIP 0.00692 x 71,300 = 493.396; total 6,037.534.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 71300, 71300, no_cnesst, table_ei_rate), 6037.53);
    // One dollar above: + 0.04 (QPP2) + 0.00692 (QPIP) = 6,037.58092.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 71301, 71301, no_cnesst, table_ei_rate), 6037.58);
}

TEST(EmployerContributions, QppSecondCeiling2025)
{
    // At the YAMPE: QPP 4,339.20 + 0.04 x 9,900 = 4,735.20; EI 1,204.938;
    // QPIP 0.00692 x 81,200 = 561.904; total 6,502.042.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 81200, 81200, no_cnesst, table_ei_rate), 6502.04);
    // One dollar above: QPP and EI capped, only QPIP grows (+0.00692) = 6,502.04892.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 81201, 81201, no_cnesst, table_ei_rate), 6502.05);
}

TEST(EmployerContributions, EiMaximumInsurable2025)
{
    // At the EI maximum: QPP 0.064 x 62,200 = 3,980.80; EI 1,204.938; QPIP 454.644;
    // total 5,640.382.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 65700, 65700, no_cnesst, table_ei_rate), 5640.38);
    // One dollar above: EI capped; QPP +0.064, QPIP +0.00692 = 5,640.45292.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 65701, 65701, no_cnesst, table_ei_rate), 5640.45);
    // The EI part alone: a 1 % override less a 0 % override is 1 % of 65,700 at and above.
    for (double salary : {65700.0, 70000.0, 200000.0})
        EXPECT_NEAR(employer_contributions(2025, salary, salary, no_cnesst, 0.01) -
                        employer_contributions(2025, salary, salary, no_cnesst, 0.0),
                    657.00, 0.011)
            << salary;
    // Below the maximum: 1 % of the salary.
    EXPECT_NEAR(employer_contributions(2025, 50000, 50000, no_cnesst, 0.01) -
                    employer_contributions(2025, 50000, 50000, no_cnesst, 0.0),
                500.00, 0.011);
}

TEST(EmployerContributions, QpipAndCnesstMaximum2025)
{
    // At and above the QPIP maximum everything is capped: 4,735.20 + 1,204.938 + 678.16
    // = 6,618.298.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 98000, 98000, no_cnesst, table_ei_rate), 6618.30);
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 98001, 98001, no_cnesst, table_ei_rate), 6618.30);
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 150000, 150000, no_cnesst, table_ei_rate),
                     6618.30);
    // CNESST at 1.00 per $100 capped at 98,000: + 980.00.
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 98000, 98000, 1.00, table_ei_rate), 7598.30);
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 120000, 120000, 1.00, table_ei_rate), 7598.30);
}

TEST(EmployerContributions, Ceilings2024)
{
    // MPE 68,500: QPP 0.064 x 65,000 = 4,160; EI 0.01848 x 63,200 = 1,167.936;
    // QPIP 0.00692 x 68,500 = 474.02; total 5,801.956.
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 68500, 68500, no_cnesst, table_ei_rate), 5801.96);
    // YAMPE 73,200: QPP 4,160 + 0.04 x 4,700 = 4,348; QPIP 506.544; total 6,022.48.
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 73200, 73200, no_cnesst, table_ei_rate), 6022.48);
    // EI maximum 63,200: QPP 0.064 x 59,700 = 3,820.80; EI 1,167.936; QPIP 437.344;
    // total 5,426.08.
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 63200, 63200, no_cnesst, table_ei_rate), 5426.08);
    // QPIP maximum 94,000 and above: 4,348 + 1,167.936 + 650.48 = 6,166.416.
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 94000, 94000, no_cnesst, table_ei_rate), 6166.42);
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 200000, 200000, no_cnesst, table_ei_rate),
                     6166.42);
    // Below the basic exemption there is no QPP: EI 55.44 + QPIP 20.76 = 76.20.
    EXPECT_DOUBLE_EQ(employer_contributions(2024, 3000, 3000, no_cnesst, table_ei_rate), 76.20);
}

TEST(EmployerContributions, Ceilings2026)
{
    // MPE 74,600: QPP 0.063 x 71,100 = 4,479.30; EI 0.0182 x 68,900 = 1,253.98;
    // QPIP 0.00602 x 74,600 = 449.092; total 6,182.372.
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 74600, 74600, no_cnesst, table_ei_rate), 6182.37);
    // YAMPE 85,000: QPP 4,479.30 + 416 = 4,895.30; QPIP 511.70; total 6,660.98.
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 85000, 85000, no_cnesst, table_ei_rate), 6660.98);
    // EI maximum 68,900: QPP 0.063 x 65,400 = 4,120.20; EI 1,253.98; QPIP 414.778;
    // total 5,788.958.
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 68900, 68900, no_cnesst, table_ei_rate), 5788.96);
    // QPIP maximum 103,000 and above: 4,895.30 + 1,253.98 + 620.06 = 6,769.34.
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 103000, 103000, no_cnesst, table_ei_rate),
                     6769.34);
    EXPECT_DOUBLE_EQ(employer_contributions(2026, 200000, 200000, no_cnesst, table_ei_rate),
                     6769.34);
}

TEST(EmployerContributions, ZeroTrainingWagesGiveZero)
{
    EXPECT_DOUBLE_EQ(employer_contributions(2025, 0, 61000, 1.5, table_ei_rate), 0.0);
}

TEST(EmployerContributions, RejectsBadInputs)
{
    const double nan = std::nan("");
    const double infinity = std::numeric_limits<double>::infinity();
    EXPECT_THROW(employer_contributions(2025, 1000, 0, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, -61000, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, -1, 61000, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, -0.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, 100.0, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, 1.5, -0.01), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, 1.5, 0.2), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, 1.5, 1.82), InputError);
    EXPECT_THROW(employer_contributions(2025, nan, 61000, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, nan, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, infinity, 1.5, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, nan, table_ei_rate), InputError);
    EXPECT_THROW(employer_contributions(2025, 1000, 61000, 1.5, nan), InputError);
    EXPECT_NO_THROW(employer_contributions(2025, 1000, 61000, 99.99, 0.1999));
}

TEST(EmployerContributions, EiRateMessageSuggestsAFraction)
{
    try
    {
        employer_contributions(2025, 1000, 61000, 1.5, 1.82);
        FAIL() << "1.82 is a percentage, not a fraction";
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("0.0182"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("got 1.82"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("0,0182"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("reçu 1,82"), std::string::npos);
    }
}

TEST(EmployerContributions, SalaryMustBePositive)
{
    try
    {
        employer_contributions(2025, 1000, 0, 1.5, table_ei_rate);
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::en),
                  "the annual salary must be greater than zero (got 0)");
        EXPECT_EQ(error.message(Language::fr),
                  "le salaire annuel doit être supérieur à zéro (reçu 0)");
    }
}
