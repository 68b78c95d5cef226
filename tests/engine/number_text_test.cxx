// Number text whatever the process locale (issue 10, item 1).
#include "engine/number_text.hxx"

#include "../common/french_c_locale.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace onepercent;

TEST(NumberText, ShortestUpToFifteenSignificantDigits)
{
    EXPECT_EQ(shortest_number_text(7500, Language::en), "7500");
    EXPECT_EQ(shortest_number_text(12.5, Language::en), "12.5");
    EXPECT_EQ(shortest_number_text(12.5, Language::fr), "12,5");
    EXPECT_EQ(shortest_number_text(0.1 + 0.2, Language::en), "0.3");
    EXPECT_EQ(shortest_number_text(1.0 / 3.0, Language::en), "0.333333333333333");
    EXPECT_EQ(shortest_number_text(-0.0, Language::en), "0");
    EXPECT_EQ(shortest_number_text(-2.25, Language::fr), "-2,25");
    EXPECT_EQ(shortest_number_text(1e-7, Language::en), "1e-07");
    EXPECT_EQ(shortest_number_text(123456789012345678.0, Language::en), "1.23456789012346e+17");
    EXPECT_EQ(shortest_number_text(std::nan(""), Language::en), "?");
    EXPECT_EQ(shortest_number_text(std::numeric_limits<double>::infinity(), Language::fr), "?");
    EXPECT_EQ(shortest_number_text(2.675, Language::en, 3), "2.67"); // 2.67499999...
}

TEST(NumberText, FixedAndDecimal)
{
    EXPECT_EQ(fixed_number_text(19788.105, 2), "19788.10"); // binary 19788.10499...
    EXPECT_EQ(fixed_number_text(5, 0), "5");
    EXPECT_EQ(fixed_number_text(1e300, 2).size(), 304u);
    EXPECT_EQ(decimal_number_text(32.0, 2, Language::en), "32");
    EXPECT_EQ(decimal_number_text(29.3333333, 2, Language::fr), "29,33");
    EXPECT_EQ(decimal_number_text(-0.001, 2, Language::en), "0");
}

TEST(NumberText, MoneyInBothLanguages)
{
    EXPECT_EQ(money_amount_text(19788.11, Language::en), "$19,788.11");
    EXPECT_EQ(money_amount_text(19788.11, Language::fr), "19 788,11 $");
    EXPECT_EQ(money_amount_text(1234567.895, Language::fr), "1 234 567,90 $");
    EXPECT_EQ(money_amount_text(-5, Language::en), "-$5.00");
    EXPECT_EQ(money_amount_text(-0.001, Language::fr), "0,00 $");
    EXPECT_EQ(money_amount_text(999.999, Language::en), "$1,000.00");
    EXPECT_EQ(money_amount_text(std::nan(""), Language::en), "?");
}

TEST(NumberText, Dates)
{
    EXPECT_EQ(civil_date_text({2025, 3, 14}), "2025-03-14");
    EXPECT_EQ(civil_date_text({987, 1, 2}), "0987-01-02");
}

// Inside a French office the process's C locale is French: printf would write "19788,11" and
// the grouping then gave "19 788 ,11 $" (issue 10, item 1).
using NumberTextInAFrenchLocale = test_locale::FrenchCLocale;

TEST_F(NumberTextInAFrenchLocale, IsTheSameAsInTheCLocale)
{
    EXPECT_EQ(money_amount_text(19788.11, Language::fr), "19 788,11 $");
    EXPECT_EQ(money_amount_text(19788.11, Language::en), "$19,788.11");
    EXPECT_EQ(fixed_number_text(19788.11, 2), "19788.11");
    EXPECT_EQ(shortest_number_text(12.5, Language::en), "12.5");
    EXPECT_EQ(shortest_number_text(12.5, Language::fr), "12,5");
    EXPECT_EQ(decimal_number_text(29.3333333, 2, Language::en), "29.33");
}
