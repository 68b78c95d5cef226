// Issue 7, item 15: the RL-1 summary's WSDRF line numbers as data by form year.
#include "engine/rl1_lines.hxx"

#include <gtest/gtest.h>

#include <climits>
#include <string>

using namespace onepercent;

TEST(Rl1Lines, AllLinesInTheDocumentedOrderWithTheirKeys)
{
    const std::vector<Rl1Line>& lines = rl1_lines();
    ASSERT_EQ(lines.size(), 7u);
    const char* const keys[] = {"payroll",    "minimum",        "eligible",     "contribution",
                                "carried_in", "total_eligible", "carry_forward"};
    for (std::size_t index = 0; index < lines.size(); ++index)
        EXPECT_EQ(rl1_line_key(lines[index]), keys[index]) << index;
    EXPECT_EQ(lines.front(), Rl1Line::payroll);
    EXPECT_EQ(lines.back(), Rl1Line::carry_forward);
}

// Revenu Québec, "How to Complete Lines 50 to 53 (Contribution to the WSDRF)": H for the
// numbers; form years 2015 to 2022 (M, see rl1_lines.cxx).
TEST(Rl1Lines, OlderFormNumbering)
{
    for (int year : {2015, 2018, 2019, 2022})
    {
        EXPECT_EQ(rl1_line_number(Rl1Line::payroll, year), "50") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::minimum, year), "51") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::eligible, year), "52") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::contribution, year), "53") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::carried_in, year), "75") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::total_eligible, year), "78") << year;
        EXPECT_EQ(rl1_line_number(Rl1Line::carry_forward, year), "79") << year;
    }
}

// Years whose numbers were not verified give no number, for every line: before the
// $2,000,000 threshold (2004-2014), 2023 (not dated), and the renumbered forms (2024 on).
TEST(Rl1Lines, UnverifiedYearsHaveNoNumber)
{
    for (int year : {2004, 2010, 2014, 2023, 2024, 2025, 2026, 2030, 0, -1, INT_MIN, INT_MAX})
        for (Rl1Line line : rl1_lines())
            EXPECT_FALSE(rl1_line_number(line, year).has_value())
                << year << " " << std::string(rl1_line_key(line));
}

// Where a year has numbers, every line has one, and they are distinct.
TEST(Rl1Lines, AYearHasAllItsNumbersOrNone)
{
    for (int year = 2000; year <= 2035; ++year)
    {
        int known = 0;
        std::vector<std::string_view> seen;
        for (Rl1Line line : rl1_lines())
            if (const auto number = rl1_line_number(line, year))
            {
                ++known;
                EXPECT_FALSE(number->empty()) << year;
                for (std::string_view other : seen)
                    EXPECT_NE(*number, other) << year;
                seen.push_back(*number);
            }
        EXPECT_TRUE(known == 0 || known == 7) << year << ": " << known;
    }
}

TEST(Rl1Lines, AValueThatIsNotALineHasNoKeyAndNoNumber)
{
    const auto not_a_line = static_cast<Rl1Line>(7);
    EXPECT_EQ(rl1_line_key(not_a_line), "");
    EXPECT_FALSE(rl1_line_number(not_a_line, 2020).has_value());
    const auto negative = static_cast<Rl1Line>(-1);
    EXPECT_EQ(rl1_line_key(negative), "");
    EXPECT_FALSE(rl1_line_number(negative, 2020).has_value());
}
