// Legal references as cited in each language (issue 10, item 4).
#include "legal_reference.hxx"
#include "validator.hxx"

#include <gtest/gtest.h>

using namespace onepercent;
using namespace onepercent::validation;

TEST(LegalReference, FrenchSaysRlrqAndArticle)
{
    EXPECT_EQ(legal_reference_text("r. 3, s. 7(3.2)", Language::fr),
              "RLRQ, c. D-8.3, r. 3, art. 7(3.2)");
    EXPECT_EQ(legal_reference_text("r. 3, s. 4, 3rd para.; Act s. 6(1)4°", Language::fr),
              "RLRQ, c. D-8.3, r. 3, art. 4, 3e al. ; RLRQ, c. D-8.3, art. 6(1)4°");
    EXPECT_EQ(legal_reference_text("Act s. 3, 11, 14; RL-1", Language::fr),
              "RLRQ, c. D-8.3, art. 3, 11, 14 ; RL-1");
    EXPECT_EQ(legal_reference_text("r. 3, s. 1(6), 1(24)", Language::fr),
              "RLRQ, c. D-8.3, r. 3, art. 1(6), 1(24)");
    EXPECT_EQ(legal_reference_text("", Language::fr), "");
}

TEST(LegalReference, EnglishSaysCqlrAndSection)
{
    EXPECT_EQ(legal_reference_text("r. 3, s. 7(13)", Language::en),
              "CQLR, c. D-8.3, r. 3, s. 7(13)");
    EXPECT_EQ(legal_reference_text("r. 3, s. 4, 2nd para.", Language::en),
              "CQLR, c. D-8.3, r. 3, s. 4, 2nd para.");
}

TEST(LegalReference, NoEnglishAbbreviationLeftInAnyFrenchReferenceOfTheCatalogue)
{
    for (const Rule& rule : rule_catalogue())
    {
        const std::string french = legal_reference_text(rule.legal_reference, Language::fr);
        EXPECT_EQ(french.find("s. "), std::string::npos) << rule.id << ": " << french;
        EXPECT_EQ(french.find("CQLR"), std::string::npos) << rule.id << ": " << french;
        EXPECT_EQ(french.find("Act"), std::string::npos) << rule.id << ": " << french;
        EXPECT_EQ(french.find("para."), std::string::npos) << rule.id << ": " << french;
        if (!rule.legal_reference.empty())
        {
            EXPECT_EQ(french.rfind("RLRQ, c. D-8.3", 0), 0u) << rule.id << ": " << french;
        }
    }
}
