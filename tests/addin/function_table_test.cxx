// The one metadata table: what Calc's XAddIn, the IDL and CalcAddIns.xcu are made from.
#include "function_table.hxx"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

using namespace onepercent;

namespace
{
bool is_idl_identifier(std::string_view name)
{
    if (name.empty() || !std::islower(static_cast<unsigned char>(name.front())))
        return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return false; // unoidl refuses underscores
    return true;
}
} // namespace

TEST(FunctionTable, HasTheSeventeenFunctions)
{
    EXPECT_EQ(function_table().size(), 17u);
    for (const char* method :
         {"hourlyRate", "wages", "contributions", "netOfAssistance", "paragraph", "paragraphTitle",
          "isEligible", "suggestParagraph", "subject", "minimum", "contribution", "carryForward",
          "declarable", "retentionEnd", "nonArmsLengthCap", "share", "replacementWages"})
        EXPECT_NE(find_function(method), nullptr) << method;
    EXPECT_EQ(find_function("nosuch"), nullptr);
}

TEST(FunctionTable, NamesAreUniqueAndBilingual)
{
    std::set<std::string_view> methods, english, french;
    for (const FunctionSpec& function : function_table())
    {
        EXPECT_TRUE(is_idl_identifier(function.method)) << function.method;
        EXPECT_TRUE(methods.insert(function.method).second) << function.method;
        EXPECT_TRUE(english.insert(function.display_en).second) << function.display_en;
        EXPECT_TRUE(french.insert(function.display_fr).second) << function.display_fr;
        EXPECT_EQ(function.display_en.rfind("TRAINING.", 0), 0u) << function.display_en;
        EXPECT_EQ(function.display_fr.rfind("FORMATION.", 0), 0u) << function.display_fr;
        EXPECT_FALSE(function.description_en.empty()) << function.method;
        EXPECT_FALSE(function.description_fr.empty()) << function.method;
        EXPECT_NE(function.evaluate, nullptr) << function.method;
    }
}

TEST(FunctionTable, ArgumentsAreDescribedInBothLanguagesAndOptionalOnesComeLast)
{
    for (const FunctionSpec& function : function_table())
    {
        bool seen_optional = false;
        std::set<std::string_view> names;
        for (const ArgumentSpec& argument : function.arguments)
        {
            EXPECT_TRUE(is_idl_identifier(argument.name))
                << function.method << " " << argument.name;
            EXPECT_TRUE(names.insert(argument.name).second) << argument.name;
            EXPECT_FALSE(argument.display_en.empty());
            EXPECT_FALSE(argument.display_fr.empty());
            EXPECT_FALSE(argument.description_en.empty()) << argument.name;
            EXPECT_FALSE(argument.description_fr.empty()) << argument.name;
            EXPECT_FALSE(seen_optional && !argument.optional)
                << function.method << ": a required argument after an optional one";
            seen_optional = seen_optional || argument.optional;
        }
    }
}

TEST(FunctionTable, OnlyDateFunctionsTakeTheCaller)
{
    for (const FunctionSpec& function : function_table())
        EXPECT_EQ(function.takes_caller,
                  function.method == "declarable" || function.method == "retentionEnd")
            << function.method;
}

TEST(FunctionTable, FindsByEnglishOrFrenchDisplayNameWhateverTheCase)
{
    ASSERT_NE(find_function_by_display_name("TRAINING.WAGES"), nullptr);
    EXPECT_EQ(find_function_by_display_name("training.wages")->method, "wages");
    EXPECT_EQ(find_function_by_display_name("FORMATION.SALAIRES")->method, "wages");
    EXPECT_EQ(find_function_by_display_name("formation.suggererparagraphe")->method,
              "suggestParagraph");
    EXPECT_EQ(find_function_by_display_name("TRAINING.NOSUCH"), nullptr);
}
