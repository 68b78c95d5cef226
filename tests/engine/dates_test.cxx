// Civil dates, s. 7(14) (declarable year) and s. 4 (retention of supporting documents).
#include "engine/regulation.hxx"

#include <cmath>

#include <gtest/gtest.h>

using namespace onepercent;

namespace
{
void expect_date(CivilDate date, int year, int month, int day)
{
    EXPECT_EQ(date.year, year);
    EXPECT_EQ(date.month, month);
    EXPECT_EQ(date.day, day);
}
} // namespace

TEST(DaysFromCivil, KnownDays)
{
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(days_from_civil({1970, 1, 2}), 1);
    EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
    EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
    EXPECT_EQ(days_from_civil({2024, 1, 1}), 19723);
    EXPECT_EQ(days_from_civil({1899, 12, 30}), -25569); // the spreadsheet epoch
    EXPECT_EQ(days_from_civil({2024, 12, 31}) - days_from_civil({2024, 1, 1}), 365); // leap
    EXPECT_EQ(days_from_civil({2025, 12, 31}) - days_from_civil({2025, 1, 1}), 364);
    EXPECT_EQ(days_from_civil({2100, 3, 1}) - days_from_civil({2100, 2, 28}), 1); // not leap
    EXPECT_EQ(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}), 2); // leap
}

TEST(CivilFromDays, KnownDays)
{
    expect_date(civil_from_days(0), 1970, 1, 1);
    expect_date(civil_from_days(-1), 1969, 12, 31);
    expect_date(civil_from_days(19723), 2024, 1, 1);
    expect_date(civil_from_days(-25569), 1899, 12, 30);
    expect_date(civil_from_days(days_from_civil({2024, 2, 29})), 2024, 2, 29);
}

TEST(CivilDates, RoundTripOverCenturies)
{
    for (long days = days_from_civil({1600, 1, 1}); days <= days_from_civil({2400, 12, 31});
         days += 7)
    {
        const CivilDate date = civil_from_days(days);
        ASSERT_EQ(days_from_civil(date), days);
    }
}

TEST(DaysFromCivil, RejectsDatesThatDoNotExist)
{
    EXPECT_THROW(days_from_civil({2023, 2, 29}), InputError);
    EXPECT_THROW(days_from_civil({2024, 2, 30}), InputError);
    EXPECT_THROW(days_from_civil({2024, 13, 1}), InputError);
    EXPECT_THROW(days_from_civil({2024, 0, 1}), InputError);
    EXPECT_THROW(days_from_civil({2024, 4, 31}), InputError);
    EXPECT_THROW(days_from_civil({2024, 1, 0}), InputError);
    EXPECT_NO_THROW(days_from_civil({2024, 2, 29}));
}

TEST(IsDeclarable, NotForAYearBeforeCompletion)
{
    EXPECT_TRUE(is_declarable({2024, 12, 31}, 2024));
    EXPECT_TRUE(is_declarable({2024, 1, 1}, 2024));
    EXPECT_TRUE(is_declarable({2024, 6, 15}, 2025));
    EXPECT_FALSE(is_declarable({2025, 1, 1}, 2024));
    EXPECT_FALSE(is_declarable({2025, 12, 31}, 2024));
}

TEST(IsDeclarable, RejectsBadInputs)
{
    EXPECT_THROW(is_declarable({2024, 2, 30}, 2024), InputError);
    EXPECT_THROW(is_declarable({2024, 1, 1}, 1800), InputError);
    EXPECT_THROW(is_declarable({2024, 1, 1}, 2201), InputError);
    EXPECT_THROW(is_declarable({1800, 1, 1}, 2024), InputError);
}

TEST(RetentionEnd, ThirtyFirstDecemberSixYearsLater)
{
    expect_date(retention_end(2024), 2030, 12, 31);
    expect_date(retention_end(2019), 2025, 12, 31);
    expect_date(retention_end(2000), 2006, 12, 31);
    EXPECT_THROW(retention_end(1899), InputError);
    EXPECT_THROW(retention_end(2201), InputError);
}

// A serial outside the years 1583 to 9999 is an error, never a wrong date.
TEST(DateSerial, RangeIsChecked)
{
    const CivilDate null_date{1899, 12, 30};
    const CivilDate date = civil_date_of_serial(45'658.0, null_date); // 2025-01-01
    EXPECT_EQ(date.year, 2025);
    EXPECT_EQ(date.month, 1);
    EXPECT_EQ(date.day, 1);
    EXPECT_EQ(civil_date_of_serial(45'658.75, null_date).day, 1);
    EXPECT_EQ(civil_date_of_serial(2'958'465.0, null_date).year, 9999); // 9999-12-31
    EXPECT_THROW(civil_date_of_serial(2'958'466.0, null_date), InputError);
    EXPECT_EQ(civil_date_of_serial(-115'780.0, null_date).year, 1583); // 1583-01-01
    EXPECT_THROW(civil_date_of_serial(-115'781.0, null_date), InputError);
    EXPECT_THROW(civil_date_of_serial(1e300, null_date), InputError);
    EXPECT_THROW(civil_date_of_serial(-1e300, null_date), InputError);
    EXPECT_THROW(civil_date_of_serial(std::nan(""), null_date), InputError);
}
