// Act s. 3, 11 and Schedule; r. 4: threshold, minimum participation, contribution to the
// fund (RL-1 lines 50-53) and the balance carried forward (work chart line 79).
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace onepercent;

TEST(PayrollThreshold, OneMillionFrom2004To2014)
{
    EXPECT_DOUBLE_EQ(payroll_threshold(2004), 1'000'000.0);
    EXPECT_DOUBLE_EQ(payroll_threshold(2010), 1'000'000.0);
    EXPECT_DOUBLE_EQ(payroll_threshold(2014), 1'000'000.0);
}

TEST(PayrollThreshold, TwoMillionFrom2015)
{
    EXPECT_DOUBLE_EQ(payroll_threshold(2015), 2'000'000.0);
    EXPECT_DOUBLE_EQ(payroll_threshold(2024), 2'000'000.0);
    EXPECT_DOUBLE_EQ(payroll_threshold(2030), 2'000'000.0);
}

TEST(PayrollThreshold, YearsBefore2004AreRejected)
{
    EXPECT_THROW(payroll_threshold(2003), InputError);
    EXPECT_THROW(payroll_threshold(1995), InputError);
    EXPECT_THROW(payroll_threshold(0), InputError);
    EXPECT_THROW(payroll_threshold(2201), InputError);
    EXPECT_THROW(payroll_threshold(20245), InputError);
    try
    {
        payroll_threshold(2003);
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("2004"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("à partir de 2004"), std::string::npos);
    }
}

TEST(IsSubject, StrictlyGreaterThanTheThreshold)
{
    EXPECT_FALSE(is_subject(2'000'000.00, 2015));
    EXPECT_TRUE(is_subject(2'000'000.01, 2015));
    EXPECT_FALSE(is_subject(2'000'000.00, 2024));
    EXPECT_TRUE(is_subject(2'000'000.01, 2024));
    EXPECT_FALSE(is_subject(1'000'000.00, 2014));
    EXPECT_TRUE(is_subject(1'000'000.01, 2014));
    EXPECT_TRUE(is_subject(1'500'000.00, 2014));
    EXPECT_FALSE(is_subject(1'500'000.00, 2015));
    EXPECT_FALSE(is_subject(0.0, 2024));
}

TEST(IsSubject, RejectsBadInputs)
{
    EXPECT_THROW(is_subject(-1.0, 2024), InputError);
    EXPECT_THROW(is_subject(std::nan(""), 2024), InputError);
    EXPECT_THROW(is_subject(std::numeric_limits<double>::infinity(), 2024), InputError);
    EXPECT_THROW(is_subject(3'000'000.0, 2003), InputError);
    try
    {
        is_subject(-3.0, 2024);
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::en), "total payroll must not be negative (got -3)");
        EXPECT_EQ(error.message(Language::fr),
                  "la masse salariale ne peut pas être négative (reçu -3)");
    }
    try
    {
        is_subject(std::nan(""), 2024);
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::en), "total payroll is not a finite number");
        EXPECT_EQ(error.message(Language::fr), "la masse salariale n'est pas un nombre fini");
    }
}

TEST(MinimumParticipation, OnePercentWhenSubject)
{
    EXPECT_DOUBLE_EQ(minimum_participation(2'500'000.0, 2024), 25'000.0);
    EXPECT_DOUBLE_EQ(minimum_participation(2'000'000.01, 2024), 20'000.0); // 20,000.0001
    EXPECT_DOUBLE_EQ(minimum_participation(2'345'678.90, 2025), 23'456.79);
    EXPECT_DOUBLE_EQ(minimum_participation(2'000'000.50, 2025), 20'000.01); // 20,000.005 up
    EXPECT_DOUBLE_EQ(minimum_participation(1'000'000.01, 2014), 10'000.0);
}

TEST(MinimumParticipation, ZeroWhenNotSubject)
{
    EXPECT_DOUBLE_EQ(minimum_participation(2'000'000.0, 2024), 0.0);
    EXPECT_DOUBLE_EQ(minimum_participation(1'999'999.99, 2024), 0.0);
    EXPECT_DOUBLE_EQ(minimum_participation(1'000'000.0, 2014), 0.0);
    EXPECT_THROW(minimum_participation(-5.0, 2024), InputError);
}

TEST(FundContribution, TheShortfall)
{
    // Line 51 25,000 - line 52 18,000 = 7,000.
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 18'000.0, 0.0), 7'000.0);
    // The balance carried forward counts as an eligible expenditure (Act s. 11).
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 18'000.0, 5'000.0), 2'000.0);
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 0.0, 0.0), 25'000.0);
    // 23,456.79 - 10,000.005 = 13,456.785: half a cent, rounded up.
    EXPECT_DOUBLE_EQ(fund_contribution(2'345'678.90, 2025, 10'000.005, 0.0), 13'456.79);
}

TEST(FundContribution, NeverNegative)
{
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 30'000.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 25'000.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(fund_contribution(2'500'000.0, 2024, 20'000.0, 10'000.0), 0.0);
}

TEST(FundContribution, ZeroWhenNotSubject)
{
    EXPECT_DOUBLE_EQ(fund_contribution(2'000'000.0, 2024, 0.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(fund_contribution(500'000.0, 2024, 0.0, 0.0), 0.0);
}

TEST(FundContribution, RejectsBadInputs)
{
    EXPECT_THROW(fund_contribution(-1.0, 2024, 0.0, 0.0), InputError);
    EXPECT_THROW(fund_contribution(2'500'000.0, 2024, -1.0, 0.0), InputError);
    EXPECT_THROW(fund_contribution(2'500'000.0, 2024, 0.0, -1.0), InputError);
    EXPECT_THROW(fund_contribution(2'500'000.0, 2024, std::nan(""), 0.0), InputError);
    EXPECT_THROW(fund_contribution(2'500'000.0, 2002, 0.0, 0.0), InputError);
    // Validated even when the employer is not subject.
    EXPECT_THROW(fund_contribution(100.0, 2024, -1.0, 0.0), InputError);
}

TEST(CarryForward, ExcessOverTheMinimum)
{
    // 30,000 + 2,000 - 25,000 - 1,000 = 6,000.
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 30'000.0, 2'000.0, 1'000.0), 6'000.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 30'000.0, 0.0, 0.0), 5'000.0);
    // Nothing carried when below the minimum, or when the tax credits use it all.
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 20'000.0, 0.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 30'000.0, 0.0, 9'000.0), 0.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 25'000.0, 0.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 25'000.125, 0.0, 0.0), 0.13);
}

// Act s. 11, 2nd para., and Revenu Québec's line 75 instruction: a year that is not subject
// hands its own eligible expenditures (less the part used for credits) to the first subject
// year; the balance carried in before it is not carried further (interpretation M).
TEST(CarryForward, NotSubjectYearGivesItsEligibleExpenditures)
{
    EXPECT_DOUBLE_EQ(carry_forward(1'000'000.0, 2024, 30'000.0, 4'000.0, 0.0), 30'000.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'000'000.0, 2024, 0.0, 4'000.0, 500.0), 0.0);
    EXPECT_DOUBLE_EQ(carry_forward(2'000'000.0, 2024, 12'000.0, 4'000.0, 500.0), 11'500.0);
    EXPECT_DOUBLE_EQ(carry_forward(1'000'000.0, 2014, 0.0, 0.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(carry_forward(1'500'000.0, 2025, 1'234.565, 0.0, 0.0), 1'234.57);
}

// Subject years are unchanged by the not-subject rule.
TEST(CarryForward, SubjectYearUnchanged)
{
    // minimum 25,000; 30,000 + 4,000 - 25,000 - 1,000 = 8,000
    EXPECT_DOUBLE_EQ(carry_forward(2'500'000.0, 2024, 30'000.0, 4'000.0, 1'000.0), 8'000.0);
}

TEST(CarryForward, RejectsBadInputs)
{
    EXPECT_THROW(carry_forward(2'500'000.0, 2024, 30'000.0, 0.0, -1.0), InputError);
    EXPECT_THROW(carry_forward(2'500'000.0, 2024, 30'000.0, -1.0, 0.0), InputError);
    EXPECT_THROW(carry_forward(2'500'000.0, 2024, -1.0, 0.0, 0.0), InputError);
    EXPECT_THROW(carry_forward(-2'500'000.0, 2024, 0.0, 0.0, 0.0), InputError);
    EXPECT_THROW(carry_forward(2'500'000.0, 2024, 0.0, 0.0, std::nan("")), InputError);
    EXPECT_THROW(carry_forward(2'500'000.0, 1999, 0.0, 0.0, 0.0), InputError);
}

// r. 5 and Revenu Québec: a CQIF holder does not contribute, whatever its expenditures.
TEST(FundContribution, CqifHolderPaysNothing)
{
    EXPECT_DOUBLE_EQ(fund_contribution(3'000'000.0, 2025, 0.0, 0.0, true), 0.0);
    EXPECT_DOUBLE_EQ(fund_contribution(3'000'000.0, 2025, 0.0, 0.0, false), 30'000.0);
    EXPECT_DOUBLE_EQ(fund_contribution(3'000'000.0, 2025, 10'000.0, 0.0), 20'000.0);
    EXPECT_THROW(fund_contribution(3'000'000.0, 2025, -1.0, 0.0, true), InputError);
}
