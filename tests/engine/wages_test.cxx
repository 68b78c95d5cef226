// r. 3, s. 7(5), 7(6), 7(12), 7(13): wages, assistance, non-arm's-length cap; pooled shares.
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace onepercent;

TEST(ParsePayPeriod, EnglishAndFrenchWords)
{
    EXPECT_EQ(parse_pay_period("year"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("annual"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("année"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("annee"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("an"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("annuel"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("month"), PayPeriod::month);
    EXPECT_EQ(parse_pay_period("mois"), PayPeriod::month);
    EXPECT_EQ(parse_pay_period("biweekly"), PayPeriod::biweekly);
    EXPECT_EQ(parse_pay_period("quinzaine"), PayPeriod::biweekly);
    EXPECT_EQ(parse_pay_period("week"), PayPeriod::week);
    EXPECT_EQ(parse_pay_period("semaine"), PayPeriod::week);
    EXPECT_EQ(parse_pay_period("hour"), PayPeriod::hour);
    EXPECT_EQ(parse_pay_period("heure"), PayPeriod::hour);
}

TEST(ParsePayPeriod, CaseAccentsAndSpaces)
{
    EXPECT_EQ(parse_pay_period("ANNÉE"), PayPeriod::year);
    EXPECT_EQ(parse_pay_period(" Année "), PayPeriod::year);
    EXPECT_EQ(parse_pay_period("Mois"), PayPeriod::month);
    EXPECT_EQ(parse_pay_period("HOUR"), PayPeriod::hour);
    EXPECT_EQ(parse_pay_period("Semaine\t"), PayPeriod::week);
}

TEST(ParsePayPeriod, UnknownWords)
{
    for (const char* text : {"", "day", "jour", "years", "monthly", "hebdo", "2"})
        EXPECT_THROW(parse_pay_period(text), InputError) << text;
    try
    {
        parse_pay_period("day");
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("\"day\""), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("biweekly"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("quinzaine"), std::string::npos);
    }
}

TEST(HourlyRate, DividesTheAnnualWageBy1950)
{
    EXPECT_DOUBLE_EQ(hourly_rate(58'500.0, PayPeriod::year), 30.0);    // 58,500 / 1,950
    EXPECT_DOUBLE_EQ(hourly_rate(4'875.0, PayPeriod::month), 30.0);    // x 12 / 1,950
    EXPECT_DOUBLE_EQ(hourly_rate(2'250.0, PayPeriod::biweekly), 30.0); // x 26 / 1,950
    EXPECT_DOUBLE_EQ(hourly_rate(1'125.0, PayPeriod::week), 30.0);     // x 52 / 1,950
    EXPECT_DOUBLE_EQ(hourly_rate(27.35, PayPeriod::hour), 27.35);
    EXPECT_DOUBLE_EQ(hourly_rate(0.0, PayPeriod::year), 0.0);
}

TEST(HourlyRate, IsNotRounded)
{
    EXPECT_DOUBLE_EQ(hourly_rate(50'000.0, PayPeriod::year), 50'000.0 / 1950.0); // 25.641...
    EXPECT_NE(hourly_rate(50'000.0, PayPeriod::year), 25.64);
}

TEST(HourlyRate, RejectsBadAmounts)
{
    EXPECT_THROW(hourly_rate(-1.0, PayPeriod::year), InputError);
    EXPECT_THROW(hourly_rate(std::nan(""), PayPeriod::hour), InputError);
    EXPECT_THROW(hourly_rate(-std::numeric_limits<double>::infinity(), PayPeriod::month),
                 InputError);
}

TEST(TrainingWages, HoursTimesRateToTheCent)
{
    EXPECT_DOUBLE_EQ(training_wages(10.0, 30.0), 300.0);
    EXPECT_DOUBLE_EQ(training_wages(7.5, 25.641025641), 192.31); // 192.3076...
    EXPECT_DOUBLE_EQ(training_wages(1.0, 10.005), 10.01);        // half a cent, up
    EXPECT_DOUBLE_EQ(training_wages(0.0, 30.0), 0.0);
    EXPECT_DOUBLE_EQ(training_wages(12.0, hourly_rate(50'000.0, PayPeriod::year)), 307.69);
}

TEST(TrainingWages, RejectsNegativeHours)
{
    EXPECT_THROW(training_wages(-3.0, 30.0), InputError);
    EXPECT_THROW(training_wages(3.0, -30.0), InputError);
    EXPECT_THROW(training_wages(std::nan(""), 30.0), InputError);
    try
    {
        training_wages(-3.0, 30.0);
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::en), "hours must not be negative (got -3)");
        EXPECT_EQ(error.message(Language::fr),
                  "les heures ne peuvent pas être négatives (reçu -3)");
        EXPECT_STREQ(error.what(), "hours must not be negative (got -3)");
    }
    try
    {
        training_wages(2.5, -30.25);
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::en), "the hourly rate must not be negative (got -30.25)");
        EXPECT_EQ(error.message(Language::fr),
                  "le taux horaire ne peut pas être négatif (reçu -30,25)");
    }
}

TEST(ParseAssistanceExemption, Words)
{
    EXPECT_EQ(parse_assistance_exemption(""), AssistanceExemption::none);
    EXPECT_EQ(parse_assistance_exemption("  "), AssistanceExemption::none);
    EXPECT_EQ(parse_assistance_exemption("none"), AssistanceExemption::none);
    EXPECT_EQ(parse_assistance_exemption("aucune"), AssistanceExemption::none);
    EXPECT_EQ(parse_assistance_exemption("adapted-enterprise"),
              AssistanceExemption::adapted_enterprise);
    EXPECT_EQ(parse_assistance_exemption("entreprise-adaptee"),
              AssistanceExemption::adapted_enterprise);
    EXPECT_EQ(parse_assistance_exemption("Entreprise adaptée"),
              AssistanceExemption::adapted_enterprise);
    EXPECT_EQ(parse_assistance_exemption("adapted_enterprise"),
              AssistanceExemption::adapted_enterprise);
    EXPECT_EQ(parse_assistance_exemption("childcare"), AssistanceExemption::childcare);
    EXPECT_EQ(parse_assistance_exemption("Garderie"), AssistanceExemption::childcare);
    EXPECT_EQ(parse_assistance_exemption("AMBULANCE"), AssistanceExemption::ambulance);
    EXPECT_THROW(parse_assistance_exemption("hospital"), InputError);
    EXPECT_THROW(parse_assistance_exemption("adapted"), InputError);
}

TEST(NetOfAssistance, SubtractsTheAssistance)
{
    EXPECT_DOUBLE_EQ(net_of_assistance(1'000.0, 250.0, AssistanceExemption::none), 750.0);
    EXPECT_DOUBLE_EQ(net_of_assistance(1'000.0, 1'500.0, AssistanceExemption::none), 0.0);
    EXPECT_DOUBLE_EQ(net_of_assistance(1'000.0, 0.0, AssistanceExemption::none), 1'000.0);
    EXPECT_DOUBLE_EQ(net_of_assistance(1'000.005, 0.0, AssistanceExemption::none), 1'000.01);
}

TEST(NetOfAssistance, UnchangedForTheExemptCategories)
{
    for (AssistanceExemption exemption :
         {AssistanceExemption::adapted_enterprise, AssistanceExemption::childcare,
          AssistanceExemption::ambulance})
    {
        EXPECT_DOUBLE_EQ(net_of_assistance(1'000.0, 250.0, exemption), 1'000.0);
        EXPECT_DOUBLE_EQ(net_of_assistance(2.675, 250.0, exemption), 2.68);
    }
}

TEST(NetOfAssistance, RejectsBadInputs)
{
    EXPECT_THROW(net_of_assistance(-1.0, 0.0, AssistanceExemption::none), InputError);
    EXPECT_THROW(net_of_assistance(1.0, -1.0, AssistanceExemption::none), InputError);
    EXPECT_THROW(net_of_assistance(1.0, -1.0, AssistanceExemption::childcare), InputError);
    EXPECT_THROW(net_of_assistance(std::nan(""), 0.0, AssistanceExemption::none), InputError);
}

TEST(NonArmsLengthCap, TheSmallerOfInvoicedAndAllowedParts)
{
    EXPECT_DOUBLE_EQ(non_arms_length_cap(10'000.0, 4'000.0, 1'000.0, 500.0), 5'500.0);
    EXPECT_DOUBLE_EQ(non_arms_length_cap(5'000.0, 4'000.0, 1'000.0, 500.0), 5'000.0);
    EXPECT_DOUBLE_EQ(non_arms_length_cap(5'500.0, 4'000.0, 1'000.0, 500.0), 5'500.0);
    EXPECT_DOUBLE_EQ(non_arms_length_cap(10'000.0, 0.0, 0.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(non_arms_length_cap(10'000.0, 0.125, 0.0, 0.0), 0.13);
}

TEST(NonArmsLengthCap, RejectsBadInputs)
{
    EXPECT_THROW(non_arms_length_cap(-1.0, 0.0, 0.0, 0.0), InputError);
    EXPECT_THROW(non_arms_length_cap(1.0, -1.0, 0.0, 0.0), InputError);
    EXPECT_THROW(non_arms_length_cap(1.0, 0.0, -1.0, 0.0), InputError);
    EXPECT_THROW(non_arms_length_cap(1.0, 0.0, 0.0, -1.0), InputError);
    EXPECT_THROW(non_arms_length_cap(1.0, 0.0, 0.0, std::nan("")), InputError);
}

TEST(PooledShare, ProportionalToHours)
{
    EXPECT_DOUBLE_EQ(pooled_share(12'000.0, 30.0, 120.0), 3'000.0);
    EXPECT_DOUBLE_EQ(pooled_share(10'000.0, 1.0, 3.0), 3'333.33);
    EXPECT_DOUBLE_EQ(pooled_share(10'000.0, 2.0, 3.0), 6'666.67);
    EXPECT_DOUBLE_EQ(pooled_share(10'000.0, 3.0, 3.0), 10'000.0);
    EXPECT_DOUBLE_EQ(pooled_share(10'000.0, 0.0, 3.0), 0.0);
}

TEST(PooledShare, RejectsImpossibleHours)
{
    EXPECT_THROW(pooled_share(10'000.0, 1.0, 0.0), InputError);
    EXPECT_THROW(pooled_share(10'000.0, 0.0, 0.0), InputError);
    EXPECT_THROW(pooled_share(10'000.0, 4.0, 3.0), InputError);
    EXPECT_THROW(pooled_share(-10'000.0, 1.0, 3.0), InputError);
    EXPECT_THROW(pooled_share(10'000.0, -1.0, 3.0), InputError);
    EXPECT_THROW(pooled_share(10'000.0, 1.0, -3.0), InputError);
    EXPECT_THROW(pooled_share(10'000.0, 1.0, std::nan("")), InputError);
    try
    {
        pooled_share(10'000.0, 4.5, 3.0);
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("exceed"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("4,5"), std::string::npos);
    }
}

// s. 7(6) is a fallback: the contract's hours per pay period give the hourly wage.
TEST(HourlyRate, ContractHoursFirst)
{
    EXPECT_DOUBLE_EQ(hourly_rate(2'400.0, PayPeriod::biweekly, 80.0), 30.0);
    EXPECT_DOUBLE_EQ(hourly_rate(1'400.0, PayPeriod::week, 35.0), 40.0);
    // s. 7(6) would say 1,400 x 52 / 1950 = 37.33...
    EXPECT_NEAR(hourly_rate(1'400.0, PayPeriod::week, std::nullopt), 37.3333333333, 1e-9);
    EXPECT_NEAR(hourly_rate(1'400.0, PayPeriod::week, 0.0), 37.3333333333, 1e-9);
    EXPECT_DOUBLE_EQ(hourly_rate(31.5, PayPeriod::hour, 40.0), 31.5);
    EXPECT_DOUBLE_EQ(hourly_rate(78'000.0, PayPeriod::year, 1'820.0), 78'000.0 / 1'820.0);
    EXPECT_THROW(hourly_rate(1'400.0, PayPeriod::week, -1.0), InputError);
    EXPECT_THROW(hourly_rate(-1.0, PayPeriod::week, 35.0), InputError);
}

TEST(HourlyRate, PeriodsPerYear)
{
    EXPECT_DOUBLE_EQ(periods_per_year(PayPeriod::year), 1.0);
    EXPECT_DOUBLE_EQ(periods_per_year(PayPeriod::month), 12.0);
    EXPECT_DOUBLE_EQ(periods_per_year(PayPeriod::biweekly), 26.0);
    EXPECT_DOUBLE_EQ(periods_per_year(PayPeriod::week), 52.0);
}

// s. 1(8): only the part of the replacement's wages in excess of the replaced employee's.
TEST(ReplacementWages, OnlyTheExcess)
{
    // 12 h x 35.00 = 420.00; 12 h x 28.50 = 342.00; excess 78.00
    EXPECT_DOUBLE_EQ(replacement_wages(12.0, 35.0, 28.5), 78.0);
    // a replacement paid less than the replaced employee: nothing counts
    EXPECT_DOUBLE_EQ(replacement_wages(12.0, 25.0, 28.5), 0.0);
    // each side rounded to the cent first: 7 x 31.333 = 219.33; 7 x 30.001 = 210.01
    EXPECT_DOUBLE_EQ(replacement_wages(7.0, 31.333, 30.001), 9.32);
    EXPECT_THROW(replacement_wages(-1.0, 35.0, 28.5), InputError);
    EXPECT_THROW(replacement_wages(12.0, 35.0, -28.5), InputError);
}
