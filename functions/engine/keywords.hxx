// The English and French keywords the engine accepts for its kinds, as data, for tools that
// export the engine's tables (functions/engine/dump_law_tables.cxx). Implemented in
// classification.cxx. Each keyword parses back to its kind (tests/engine/keywords_test.cxx).
#pragma once

#include "engine/regulation.hxx"

#include <string_view>
#include <vector>

namespace onepercent
{
template <typename Kind> struct KindKeyword
{
    Kind kind;
    std::string_view english; // the canonical keyword, also the export's key
    std::string_view french;  // folded: no accents
};

// Every ExpenseKind, in the order of the enumeration (parse_expense_kind).
const std::vector<KindKeyword<ExpenseKind>>& expense_kind_keywords();
// Every ProviderKind, `none` first ("none"/"aucun", or an empty cell) (parse_provider_kind).
const std::vector<KindKeyword<ProviderKind>>& provider_kind_keywords();
// Every AssistanceExemption, `none` first (parse_assistance_exemption).
const std::vector<KindKeyword<AssistanceExemption>>& assistance_exemption_keywords();
// Every PayPeriod, in the order of the enumeration (parse_pay_period).
const std::vector<KindKeyword<PayPeriod>>& pay_period_keywords();

} // namespace onepercent
