// The engine inside a French office: the process's C locale has a decimal comma, and neither
// the paragraph numbers (4.1, 17.1) nor the numbers in messages may depend on it.
#include "../common/french_c_locale.hxx"
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

using namespace onepercent;

using EngineInAFrenchLocale = test_locale::FrenchCLocale;

TEST_F(EngineInAFrenchLocale, ParagraphNumbersTypedAsNumbers)
{
    EXPECT_EQ(find_paragraph(4.1).number, "4.1");
    EXPECT_EQ(find_paragraph(17.1).number, "17.1");
    EXPECT_EQ(find_paragraph(4.0).number, "4");
}

TEST_F(EngineInAFrenchLocale, MessagesShowNumbersTheSameWay)
{
    try
    {
        find_paragraph(3.5);
        FAIL() << "3.5 is not a paragraph";
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::en).find("3.5"), std::string::npos)
            << error.message(Language::en);
        EXPECT_NE(error.message(Language::fr).find("3,5"), std::string::npos)
            << error.message(Language::fr);
    }
    try
    {
        hourly_rate(-1.25, PayPeriod::year);
        FAIL() << "a negative amount";
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::en).find("-1.25"), std::string::npos)
            << error.message(Language::en);
        EXPECT_NE(error.message(Language::fr).find("-1,25"), std::string::npos)
            << error.message(Language::fr);
    }
}
