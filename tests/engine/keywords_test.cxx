// engine/keywords.hxx: every keyword the export lists parses back to its kind, and every kind
// is listed once.
#include "engine/keywords.hxx"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace onepercent;

namespace
{
// Every kind from 0 to the number listed appears once (at least `minimum_count` kinds), and
// each keyword parses back to its kind.
template <typename Kind, typename Parse>
void expect_round_trip(const std::vector<KindKeyword<Kind>>& keywords,
                       int minimum_count,
                       Parse parse)
{
    ASSERT_GE(keywords.size(), static_cast<std::size_t>(minimum_count));
    const int kind_count = static_cast<int>(keywords.size());
    std::set<int> kinds;
    for (const KindKeyword<Kind>& keyword : keywords)
    {
        EXPECT_TRUE(kinds.insert(static_cast<int>(keyword.kind)).second) << keyword.english;
        EXPECT_EQ(parse(std::string(keyword.english)), keyword.kind) << keyword.english;
        EXPECT_EQ(parse(std::string(keyword.french)), keyword.kind) << keyword.french;
    }
    for (int kind = 0; kind < kind_count; ++kind)
        EXPECT_EQ(kinds.count(kind), 1u) << kind;
}
} // namespace

TEST(Keywords, ExpenseKindsParseBack)
{
    expect_round_trip(expense_kind_keywords(), 18,
                      [](const std::string& text) { return parse_expense_kind(text); });
    EXPECT_EQ(expense_kind_keywords().front().english, "tuition");
    EXPECT_EQ(expense_kind_keywords().front().french, "frais-formation");
}

TEST(Keywords, ProviderKindsParseBackWithNoneFirst)
{
    expect_round_trip(provider_kind_keywords(), 10,
                      [](const std::string& text) { return parse_provider_kind(text); });
    EXPECT_EQ(provider_kind_keywords().front().kind, ProviderKind::none);
}

TEST(Keywords, AssistanceExemptionsParseBack)
{
    expect_round_trip(assistance_exemption_keywords(), 4,
                      [](const std::string& text) { return parse_assistance_exemption(text); });
    EXPECT_EQ(assistance_exemption_keywords().front().kind, AssistanceExemption::none);
}

TEST(Keywords, PayPeriodsParseBack)
{
    expect_round_trip(pay_period_keywords(), 5,
                      [](const std::string& text) { return parse_pay_period(text); });
}
