// The Law / Loi sheet of the portable workbook (issue 8) says what the engine computes: every
// spelling parses back to its key, every classification cell is the engine's paragraph, the
// thresholds and rates are the engine's for every year.
#include "engine/keywords.hxx"
#include "engine/law_sheet.hxx"

#include <gtest/gtest.h>

namespace
{
using onepercent::Language;
using onepercent::LawSheet;
using onepercent::LawSheetBlock;
using onepercent::LawSheetCell;

const LawSheetCell& at(const LawSheet& sheet, const LawSheetBlock& block, int row, int column)
{
    static const LawSheetCell empty;
    const auto& cells = sheet.rows.at(static_cast<std::size_t>(block.first_row + row));
    return static_cast<std::size_t>(column) < cells.size() ? cells[static_cast<std::size_t>(column)]
                                                           : empty;
}

TEST(LawSheet, SpellingsParseBackToTheirKeys)
{
    const LawSheet sheet = onepercent::law_sheet(Language::en);
    const LawSheetBlock* pay = sheet.block("pay_basis");
    ASSERT_NE(pay, nullptr);
    for (int row = 0; row < pay->rows; ++row)
    {
        const std::string& spelling = at(sheet, *pay, row, 0).text;
        const onepercent::PayPeriod period = onepercent::parse_pay_period(spelling);
        EXPECT_EQ(onepercent::periods_per_year(period), at(sheet, *pay, row, 2).number) << spelling;
    }
    const LawSheetBlock* providers = sheet.block("provider_kind");
    ASSERT_NE(providers, nullptr);
    for (int row = 0; row < providers->rows; ++row)
    {
        const std::string& spelling = at(sheet, *providers, row, 0).text;
        const auto kind = spelling == "none" || spelling == "aucun"
                              ? onepercent::ProviderKind::none
                              : onepercent::parse_provider_kind(spelling);
        const auto index = static_cast<std::size_t>(at(sheet, *providers, row, 2).number);
        EXPECT_EQ(onepercent::provider_kind_keywords().at(index).kind, kind) << spelling;
    }
    const LawSheetBlock* expenses = sheet.block("expense_kind");
    ASSERT_NE(expenses, nullptr);
    for (int row = 0; row < expenses->rows; ++row)
    {
        const std::string& spelling = at(sheet, *expenses, row, 0).text;
        const auto index = static_cast<std::size_t>(at(sheet, *expenses, row, 2).number) - 1;
        EXPECT_EQ(onepercent::expense_kind_keywords().at(index).kind,
                  onepercent::parse_expense_kind(spelling))
            << spelling;
    }
    const LawSheetBlock* exempt = sheet.block("exempt_category");
    ASSERT_NE(exempt, nullptr);
    for (int row = 0; row < exempt->rows; ++row)
    {
        const std::string& spelling = at(sheet, *exempt, row, 0).text;
        const bool is_exempt = onepercent::parse_assistance_exemption(spelling) !=
                               onepercent::AssistanceExemption::none;
        EXPECT_EQ(is_exempt ? 1.0 : 0.0, at(sheet, *exempt, row, 2).number) << spelling;
    }
}

TEST(LawSheet, AFoldedSpellingIsWhatTheFormulasCompare)
{
    EXPECT_EQ(onepercent::law_sheet_spelling("  Organisme  agréé "), "organisme-agree");
    EXPECT_EQ(onepercent::law_sheet_spelling("ETABLISSEMENT_RECONNU"), "etablissement-reconnu");
    EXPECT_EQ(onepercent::law_sheet_spelling("Année"), "annee");
    EXPECT_EQ(onepercent::law_sheet_spelling("-non - agréé-"), "non-agree");
}

TEST(LawSheet, ClassificationIsTheEngines)
{
    const LawSheet sheet = onepercent::law_sheet(Language::fr);
    const LawSheetBlock* table = sheet.block("classification");
    ASSERT_NE(table, nullptr);
    const auto& kinds = onepercent::expense_kind_keywords();
    const auto& providers = onepercent::provider_kind_keywords();
    ASSERT_EQ(table->rows, static_cast<int>(kinds.size()));
    ASSERT_EQ(table->columns, 1 + 2 * static_cast<int>(providers.size()));
    for (std::size_t k = 0; k < kinds.size(); ++k)
        for (std::size_t p = 0; p < providers.size(); ++p)
            for (const bool member : {false, true})
            {
                std::optional<std::string> expected;
                try
                {
                    expected =
                        onepercent::classify_expense(kinds[k].kind, providers[p].kind, member);
                }
                catch (const onepercent::InputError&)
                {
                }
                const LawSheetCell& cell = at(sheet, *table, static_cast<int>(k),
                                              1 + 2 * static_cast<int>(p) + (member ? 1 : 0));
                EXPECT_EQ(expected.value_or(""), cell.text)
                    << kinds[k].english << " " << providers[p].english;
            }
}

TEST(LawSheet, ThresholdsAndRatesAreTheEnginesForEveryYear)
{
    const LawSheet sheet = onepercent::law_sheet(Language::en);
    const LawSheetBlock* thresholds = sheet.block("thresholds");
    ASSERT_NE(thresholds, nullptr);
    int year = 2004;
    for (int row = 0; row < thresholds->rows; ++row)
    {
        EXPECT_EQ(at(sheet, *thresholds, row, 0).number, year);
        const int last = static_cast<int>(at(sheet, *thresholds, row, 1).number);
        for (; year <= last; ++year)
            EXPECT_EQ(onepercent::payroll_threshold(year), at(sheet, *thresholds, row, 2).number);
    }
    EXPECT_EQ(year, 2201);
    const LawSheetBlock* rates = sheet.block("rates");
    ASSERT_NE(rates, nullptr);
    ASSERT_EQ(rates->rows, static_cast<int>(onepercent::contribution_rate_table().size()));
    for (int row = 0; row < rates->rows; ++row)
    {
        const auto& expected =
            onepercent::contribution_rates(static_cast<int>(at(sheet, *rates, row, 0).number));
        EXPECT_EQ(at(sheet, *rates, row, 6).number, expected.ei_rate);
        EXPECT_EQ(at(sheet, *rates, row, 10).number, expected.cnesst_max_insurable);
    }
    EXPECT_EQ(sheet.name, "Law");
    EXPECT_EQ(onepercent::law_sheet(Language::fr).name, "Loi");
}
} // namespace
