// r. 3, s. 1: the paragraph table, lookup by text and by number, effective dating.
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <ostream>
#include <set>
#include <string>

using namespace onepercent;

namespace
{
struct ExpectedParagraph
{
    const char* number;
    bool hours_times_wage;
    bool wage_paragraph;
    bool relies_on_act_s6_1_4;
    bool revoked;
};

// s. 7(5): 4, 4.1, 5, 7, 10, 12, 13, 14, 15, 17, 23, 24, 26.
// s. 4 2nd para.: the wage paragraphs. s. 4 3rd para.: 3 and 5. Revoked: 19-22, 25.
const ExpectedParagraph expected_paragraphs[] = {
    {"1", false, false, false, false},    {"2", false, false, false, false},
    {"3", false, false, true, false},     {"4", true, true, false, false},
    {"4.1", true, true, false, false},    {"5", true, true, true, false},
    {"6", false, false, false, false},    {"7", true, true, false, false},
    {"8", false, true, false, false},     {"9", false, true, false, false},
    {"10", true, true, false, false},     {"11", false, false, false, false},
    {"12", true, true, false, false},     {"13", true, true, false, false},
    {"14", true, true, false, false},     {"15", true, true, false, false},
    {"16", false, false, false, false},   {"17", true, true, false, false},
    {"17.1", false, false, false, false}, {"18", false, false, false, false},
    {"19", false, false, false, true},    {"20", false, false, false, true},
    {"21", false, false, false, true},    {"22", false, false, false, true},
    {"23", true, true, false, false},     {"24", true, true, false, false},
    {"25", false, false, false, true},    {"26", true, true, false, false},
};

// Test names and failure messages show the paragraph number.
void PrintTo(const ExpectedParagraph& paragraph, std::ostream* out)
{
    *out << "paragraph " << paragraph.number;
}

class EveryParagraph : public ::testing::TestWithParam<ExpectedParagraph>
{
};
} // namespace

TEST(ParagraphTable, HasTwentyEightRowsInOrder)
{
    const auto& table = paragraph_table();
    ASSERT_EQ(table.size(), 28u);
    for (std::size_t index = 0; index < table.size(); ++index)
        EXPECT_EQ(table[index].number, expected_paragraphs[index].number) << "row " << index;
}

TEST(ParagraphTable, NumbersAreUnique)
{
    std::set<std::string_view> numbers;
    for (const Paragraph& paragraph : paragraph_table())
        numbers.insert(paragraph.number);
    EXPECT_EQ(numbers.size(), 28u);
}

TEST_P(EveryParagraph, RowMatchesTheRegulation)
{
    const ExpectedParagraph& expected = GetParam();
    const std::string number = expected.number;
    const Paragraph& paragraph = find_paragraph(number);
    EXPECT_EQ(paragraph.number, number);
    EXPECT_EQ(paragraph_reference(paragraph), "1(" + number + ")");
    EXPECT_FALSE(paragraph.title_en.empty());
    EXPECT_FALSE(paragraph.title_fr.empty());
    EXPECT_EQ(paragraph.hours_times_wage, expected.hours_times_wage);
    EXPECT_EQ(paragraph.wage_paragraph, expected.wage_paragraph);
    EXPECT_EQ(paragraph.relies_on_act_s6_1_4, expected.relies_on_act_s6_1_4);
    EXPECT_EQ(paragraph_in_force(paragraph, 2024), !expected.revoked);
    EXPECT_EQ(paragraph_in_force(paragraph, 2008), !expected.revoked);
    if (expected.revoked)
    {
        EXPECT_EQ(paragraph.title_en, "Revoked");
        EXPECT_EQ(paragraph.title_fr, "Abrogé");
    }
    else
    {
        EXPECT_NE(paragraph.title_en, "Revoked");
        EXPECT_NE(paragraph.title_fr, "Abrogé");
    }
    // The section form and the number typed in a cell find the same row.
    EXPECT_EQ(&find_paragraph("1(" + number + ")"), &paragraph);
    EXPECT_EQ(&find_paragraph(std::stod(number)), &paragraph);
    // One status period from the consolidation by O.C. 1060-2007.
    ASSERT_EQ(paragraph.status.size(), 1u);
    EXPECT_EQ(paragraph.status[0].from.year, 2008);
    EXPECT_EQ(paragraph.status[0].from.month, 1);
    EXPECT_EQ(paragraph.status[0].from.day, 1);
    EXPECT_EQ(paragraph.status[0].source, "O.C. 1060-2007");
}

INSTANTIATE_TEST_SUITE_P(RegulationSection1,
                         EveryParagraph,
                         ::testing::ValuesIn(expected_paragraphs),
                         [](const ::testing::TestParamInfo<ExpectedParagraph>& info)
                         {
                             std::string name = "p";
                             for (const char* c = info.param.number; *c; ++c)
                                 name += *c == '.' ? '_' : *c;
                             return name;
                         });

TEST(ParagraphTable, TitleOfParagraph16)
{
    const Paragraph& travel = find_paragraph("16");
    EXPECT_EQ(travel.title_en, "Travel, lodging, meals and day care");
    EXPECT_EQ(travel.title_fr, "Déplacement, hébergement, repas et garde");
}

TEST(FindParagraph, AcceptsTheDocumentedSpellings)
{
    EXPECT_EQ(find_paragraph("1(16)").number, "16");
    EXPECT_EQ(find_paragraph("16").number, "16");
    EXPECT_EQ(find_paragraph("16.0").number, "16");
    EXPECT_EQ(find_paragraph("4.1").number, "4.1");
    EXPECT_EQ(find_paragraph("1(4.1)").number, "4.1");
    EXPECT_EQ(find_paragraph("1(17.1)").number, "17.1");
    EXPECT_EQ(find_paragraph(" 1( 17.1 ) ").number, "17.1");
    EXPECT_EQ(find_paragraph("1 (16)").number, "16");
    EXPECT_EQ(find_paragraph("\t26 ").number, "26");
    EXPECT_EQ(find_paragraph("1").number, "1");
    EXPECT_EQ(find_paragraph("1.0").number, "1");
    EXPECT_EQ(find_paragraph("1(1)").number, "1");
    EXPECT_EQ(find_paragraph("17.1").number, "17.1");
}

TEST(FindParagraph, RejectsAnythingElse)
{
    for (const char* text :
         {"27",    "0",       "3.5",   "17.10", "16.",   "",    "  ",  "abc",  "1(16", "1()",
          "2(16)", "1(16) x", "16 16", "-16",   "1(27)", "4.2", "100", "(16)", ".1",   "1(1(1))"})
        EXPECT_THROW(find_paragraph(std::string_view(text)), InputError) << '"' << text << '"';
}

TEST(FindParagraph, ErrorNamesTheTextInBothLanguages)
{
    try
    {
        find_paragraph("27");
        FAIL() << "27 is not a paragraph";
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::en).find("\"27\""), std::string::npos);
        EXPECT_NE(error.message(Language::en).find("not a paragraph"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("n'est pas un paragraphe"), std::string::npos);
    }
}

TEST(FindParagraph, ByNumber)
{
    EXPECT_EQ(find_paragraph(16.0).number, "16");
    EXPECT_EQ(find_paragraph(4.1).number, "4.1");
    EXPECT_EQ(find_paragraph(17.1).number, "17.1");
    EXPECT_EQ(find_paragraph(1.0).number, "1");
    EXPECT_EQ(find_paragraph(17.1 + 1e-12).number, "17.1"); // within tolerance
    EXPECT_THROW(find_paragraph(17.2), InputError);
    EXPECT_THROW(find_paragraph(27.0), InputError);
    EXPECT_THROW(find_paragraph(0.0), InputError);
    EXPECT_THROW(find_paragraph(-16.0), InputError);
    EXPECT_THROW(find_paragraph(16.5), InputError);
    EXPECT_THROW(find_paragraph(std::nan("")), InputError);
    EXPECT_THROW(find_paragraph(std::numeric_limits<double>::infinity()), InputError);
}

TEST(ParagraphReference, UsesTheSectionForm)
{
    EXPECT_EQ(paragraph_reference(find_paragraph(17.1)), "1(17.1)");
    EXPECT_EQ(paragraph_reference(find_paragraph(4.1)), "1(4.1)");
    EXPECT_EQ(paragraph_reference(find_paragraph(9.0)), "1(9)");
}

TEST(ParagraphInForce, RevokedParagraphsAreNotInForce)
{
    for (const char* number : {"19", "20", "21", "22", "25"})
    {
        EXPECT_FALSE(paragraph_in_force(find_paragraph(number), 2024)) << number;
        EXPECT_FALSE(paragraph_in_force(find_paragraph(number), 2015)) << number;
    }
    EXPECT_TRUE(paragraph_in_force(find_paragraph("18"), 2026));
    EXPECT_TRUE(paragraph_in_force(find_paragraph("23"), 2026));
}

TEST(ParagraphInForce, TheTableStartsIn2008)
{
    EXPECT_TRUE(paragraph_in_force(find_paragraph("16"), 2008));
    EXPECT_THROW(paragraph_in_force(find_paragraph("16"), 2007), InputError);
    EXPECT_THROW(paragraph_in_force(find_paragraph("19"), 1995), InputError);
    try
    {
        paragraph_in_force(find_paragraph("16"), 2007);
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("starts in 2008"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("commence en 2008"), std::string::npos);
    }
}

TEST(ParagraphInForce, UsesTheLastPeriodStartedByYearEnd)
{
    // A hypothetical amendment revoking a paragraph on 1 July 2025: in force for 2024,
    // revoked for 2025 (status on 31 December).
    Paragraph amended = find_paragraph("16");
    amended.status.push_back(ParagraphStatusPeriod{{2025, 7, 1}, false, "test order"});
    EXPECT_TRUE(paragraph_in_force(amended, 2024));
    EXPECT_FALSE(paragraph_in_force(amended, 2025));
    EXPECT_FALSE(paragraph_in_force(amended, 2030));
}
