// The rule catalogue and its effective-dated rule sets.
#include "validator.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace onepercent;
using namespace onepercent::validation;

namespace
{
const char* const contract_rules[] = {
    "T-NOT-TEMPLATE",
    "T-TEMPLATE-VERSION",
    "T-MISSING-SHEET",
    "T-MISSING-COLUMN",
    "T-FORMULA-OVERWRITTEN",
    "T-ERROR-VALUE",
    "T-PREPARED-ROWS",
    "T-ROW-NOT-COUNTED",
    "T-LAW-TABLE-CHANGED",
    "D-REQUIRED",
    "D-TYPE",
    "D-NEGATIVE",
    "D-DUPLICATE-ID",
    "D-UNKNOWN-REF",
    "D-UNKNOWN-KEYWORD",
    "R-S1-REVOKED",
    "R-S1-NO-PARAGRAPH",
    "R-S1-ON-THE-JOB",
    "R-S1-EVENT",
    "R-S1-ORDER",
    "R-S4-EMPLOYEE",
    "R-S4-DOCUMENT",
    "R-S4-PLAN",
    "R-S7-WAGES",
    "R-S7-HOURLY",
    "R-S7-NONARMS",
    "R-S7-ASSISTANCE",
    "R-S7-YEAR",
    "R-S7-OHS",
    "R-ACT-SUMMARY",
    "R-S3-RETURN",
};

bool applies(const RuleSet& set, std::string_view id)
{
    return std::find(set.rule_ids.begin(), set.rule_ids.end(), id) != set.rule_ids.end();
}
} // namespace

TEST(ValidationRuleCatalogue, HasEveryRuleOfTheContract)
{
    for (const char* id : contract_rules)
    {
        const Rule* rule = find_rule(id);
        ASSERT_NE(rule, nullptr) << id;
        EXPECT_EQ(rule->severity,
                  std::string_view(id) == "R-S3-RETURN" ? Severity::info : Severity::error)
            << id;
    }
    EXPECT_EQ(find_rule("X-UNKNOWN"), nullptr);
}

TEST(ValidationRuleCatalogue, IdsAreUniqueAndEveryRuleIsTitledAndExplainedInBothLanguages)
{
    std::set<std::string_view> ids;
    for (const Rule& rule : rule_catalogue())
    {
        EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
        EXPECT_FALSE(rule.title_en.empty()) << rule.id;
        EXPECT_FALSE(rule.title_fr.empty()) << rule.id;
        EXPECT_FALSE(rule.help_en.empty()) << rule.id;
        EXPECT_FALSE(rule.help_fr.empty()) << rule.id;
        // Regulation rules cite the law; structure and data rules do not; information notes
        // (I-*) may, and are never errors.
        if (rule.id.substr(0, 2) == "I-")
            EXPECT_NE(rule.severity, Severity::error) << rule.id;
        else
            EXPECT_EQ(rule.id.substr(0, 2) == "R-", !rule.legal_reference.empty()) << rule.id;
    }
}

TEST(ValidationRuleCatalogue, LegalReferencesCiteTheRegulation)
{
    EXPECT_EQ(find_rule("R-S7-ASSISTANCE")->legal_reference, "r. 3, s. 7(13)");
    EXPECT_EQ(find_rule("R-S3-RETURN")->legal_reference, "r. 3, s. 3");
    EXPECT_EQ(find_rule("R-S1-ON-THE-JOB")->legal_reference, "r. 3, s. 1(7)");
}

TEST(ValidationSeverityName, NamesEachSeverity)
{
    EXPECT_EQ(severity_name(Severity::error), "error");
    EXPECT_EQ(severity_name(Severity::warning), "warning");
    EXPECT_EQ(severity_name(Severity::info), "info");
}

TEST(ValidationRuleSetForYear, Before2024TheAnnualReturnApplies)
{
    const RuleSet& set = rule_set_for_year(2023);
    EXPECT_EQ(set.version, "2008.1");
    EXPECT_EQ(set.effective.year, 2008);
    EXPECT_TRUE(applies(set, "R-S3-RETURN"));
    EXPECT_EQ(set.rule_ids.size(), rule_catalogue().size());
}

TEST(ValidationRuleSetForYear, From2024SectionThreeIsRepealed)
{
    for (int year : {2024, 2025, 2030})
    {
        const RuleSet& set = rule_set_for_year(year);
        EXPECT_EQ(set.version, "2024.1") << year;
        EXPECT_EQ(set.effective.year, 2024);
        EXPECT_EQ(set.effective.month, 1);
        EXPECT_EQ(set.effective.day, 1);
        EXPECT_FALSE(applies(set, "R-S3-RETURN"));
        EXPECT_TRUE(applies(set, "R-S7-ASSISTANCE"));
        EXPECT_EQ(set.rule_ids.size(), rule_catalogue().size() - 1);
    }
}

TEST(ValidationRuleSetForYear, AnUnknownYearGetsTheLatestAndAnEarlyYearTheFirst)
{
    EXPECT_EQ(rule_set_for_year(0).version, "2024.1");
    EXPECT_EQ(rule_set_for_year(-5).version, "2024.1");
    EXPECT_EQ(rule_set_for_year(2008).version, "2008.1");
    EXPECT_EQ(rule_set_for_year(2005).version, "2008.1");
}

TEST(ValidationRuleSetForYear, TheLatestSetAppliesTheRulesOfThePortableTemplateAndGrowingTables)
{
    // Issue 8: the workbook's own structure, whatever the fiscal year: in every set.
    for (const char* id : {"T-PREPARED-ROWS", "T-ROW-NOT-COUNTED", "T-LAW-TABLE-CHANGED"})
    {
        EXPECT_TRUE(applies(rule_set_for_year(0), id)) << id;
        EXPECT_TRUE(applies(rule_set_for_year(2023), id)) << id;
        EXPECT_EQ(find_rule(id)->severity, Severity::error) << id;
    }
}
