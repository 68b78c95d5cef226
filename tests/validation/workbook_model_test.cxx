// The workbook model: cell access, sheet look-up, A1 names; money and values as shown.
#include "validator.hxx"
#include "workbook_model.hxx"

#include <gtest/gtest.h>

using namespace onepercent;
using namespace onepercent::validation;

TEST(ValidationCellName, NamesRowsAndColumnsInA1Style)
{
    EXPECT_EQ(cell_name(0, 0), "A1");
    EXPECT_EQ(cell_name(11, 2), "C12");
    EXPECT_EQ(cell_name(0, 25), "Z1");
    EXPECT_EQ(cell_name(0, 26), "AA1");
    EXPECT_EQ(cell_name(4, 51), "AZ5");
    EXPECT_EQ(cell_name(0, 52), "BA1");
    EXPECT_EQ(cell_name(0, 701), "ZZ1");
    EXPECT_EQ(cell_name(99, 702), "AAA100");
}

TEST(ValidationSheetAt, OutsideTheUsedAreaIsAnEmptyCell)
{
    Sheet sheet;
    sheet.rows = 1;
    sheet.columns = 2;
    sheet.cells.resize(2);
    sheet.cells[1].kind = Cell::Kind::number;
    sheet.cells[1].number = 4;
    EXPECT_EQ(sheet.at(0, 1).number, 4);
    EXPECT_TRUE(sheet.at(1, 0).is_empty());
    EXPECT_TRUE(sheet.at(0, 2).is_empty());
    EXPECT_TRUE(sheet.at(1000, 1000).is_empty());
}

TEST(ValidationSheetAt, AModelWithFewerCellsThanItsSizeDoesNotOverflow)
{
    Sheet sheet;
    sheet.rows = 3;
    sheet.columns = 3;
    sheet.cells.resize(2);
    EXPECT_TRUE(sheet.at(2, 2).is_empty());
}

TEST(ValidationFindSheet, FindsByExactName)
{
    Workbook workbook;
    workbook.sheets.resize(2);
    workbook.sheets[0].name = "Employer";
    workbook.sheets[1].name = "Employés";
    EXPECT_EQ(workbook.find_sheet("Employés"), &workbook.sheets[1]);
    EXPECT_EQ(workbook.find_sheet("Employer"), &workbook.sheets[0]);
    EXPECT_EQ(workbook.find_sheet("Summary"), nullptr);
}

TEST(ValidationMoneyText, EnglishHasTheDollarSignFirstAndCommas)
{
    EXPECT_EQ(money_text(7500, Language::en), "$7,500.00");
    EXPECT_EQ(money_text(0, Language::en), "$0.00");
    EXPECT_EQ(money_text(999.995, Language::en), "$1,000.00");
    EXPECT_EQ(money_text(1234567.8, Language::en), "$1,234,567.80");
    EXPECT_EQ(money_text(-2500, Language::en), "-$2,500.00");
    EXPECT_EQ(money_text(12.3, Language::en), "$12.30");
}

TEST(ValidationMoneyText, FrenchHasSpacesADecimalCommaAndTheSignLast)
{
    EXPECT_EQ(money_text(7500, Language::fr), "7 500,00 $");
    EXPECT_EQ(money_text(0, Language::fr), "0,00 $");
    EXPECT_EQ(money_text(1234567.8, Language::fr), "1 234 567,80 $");
    EXPECT_EQ(money_text(-2500, Language::fr), "-2 500,00 $");
    EXPECT_EQ(money_text(999, Language::fr), "999,00 $");
}

TEST(ValidationToolVersion, ComesFromTheProjectVersion)
{
    const std::string version = tool_version();
    ASSERT_FALSE(version.empty());
    EXPECT_NE(version.find('.'), std::string::npos);
    EXPECT_EQ(version, "0.1.0");
}
