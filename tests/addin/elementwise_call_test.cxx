// Element-wise calls over ranges, as Calc makes them, without an office.
#include "elementwise_call.hxx"

#include <gtest/gtest.h>

using namespace onepercent;

namespace
{
Grid column(std::vector<CellValue> cells)
{
    Grid grid;
    grid.rows = cells.size();
    grid.columns = 1;
    grid.is_range = true;
    grid.cells = std::move(cells);
    return grid;
}

Grid number(double value)
{
    return Grid::single(CellValue::of(value));
}
Grid text(const char* value)
{
    return Grid::single(CellValue::of(std::string(value)));
}
Grid omitted()
{
    return Grid::single(CellValue{});
}

Grid call(const char* method, std::vector<Grid> arguments, CallContext context = {})
{
    return call_elementwise(*find_function(method), arguments, context);
}

double single_number(const Grid& grid)
{
    EXPECT_FALSE(grid.is_range);
    EXPECT_EQ(grid.cells.front().kind, CellValue::Kind::number);
    return grid.cells.front().number;
}

std::string error_of(const char* method, std::vector<Grid> arguments, Language language)
{
    try
    {
        call(method, std::move(arguments));
    }
    catch (const InputError& error)
    {
        return error.message(language);
    }
    return "no error";
}
} // namespace

TEST(ElementwiseCall, ScalarsGiveAScalar)
{
    EXPECT_DOUBLE_EQ(single_number(call("wages", {number(12), number(50)})), 600.0);
    // r. 3, s. 7(6): 61,000 / 1950 = 31.2820512...; 12 h -> 375.38
    const double rate = single_number(call("hourlyRate", {number(61000), omitted()}));
    EXPECT_NEAR(rate, 61000.0 / 1950.0, 1e-12);
    EXPECT_DOUBLE_EQ(single_number(call("wages", {number(12), number(rate)})), 375.38);
}

TEST(ElementwiseCall, ARangeGivesAnArrayOfTheSameShapeAndBroadcastsScalars)
{
    const Grid result =
        call("wages", {column({CellValue::of(1.0), CellValue::of(2.5)}), number(40)});
    ASSERT_TRUE(result.is_range);
    ASSERT_EQ(result.rows, 2u);
    ASSERT_EQ(result.columns, 1u);
    EXPECT_DOUBLE_EQ(result.cells[0].number, 40.0);
    EXPECT_DOUBLE_EQ(result.cells[1].number, 100.0);
}

TEST(ElementwiseCall, BlankRowsStayBlank)
{
    const Grid result =
        call("wages", {column({CellValue::of(2.0), CellValue{}, CellValue::of(3.0)}),
                       column({CellValue::of(10.0), CellValue{}, CellValue::of(10.0)})});
    ASSERT_EQ(result.rows, 3u);
    EXPECT_DOUBLE_EQ(result.cells[0].number, 20.0);
    EXPECT_TRUE(result.cells[1].is_empty());
    EXPECT_DOUBLE_EQ(result.cells[2].number, 30.0);
}

// Issue 9, item 11: =SUM(TRAINING.WAGES(A1:A1000000;1)) with one filled row took 66 s, Calc
// moving the million empty elements one by one; the rows after the data are left out.
TEST(ElementwiseCall, RowsAfterTheDataAreLeftOut)
{
    std::vector<CellValue> cells(1'048'576);
    cells[0] = CellValue::of(10.0);
    const Grid one = call("wages", {column(cells), number(1)});
    ASSERT_TRUE(one.is_range);
    EXPECT_EQ(one.rows, 1u);
    EXPECT_DOUBLE_EQ(one.cells[0].number, 10.0);
    cells[41] = CellValue::of(2.0); // the last filled row of either range counts
    std::vector<CellValue> rates(1'048'576, CellValue{});
    rates[99] = CellValue::of(1.0);
    const Grid hundred = call("wages", {column(cells), column(rates)});
    EXPECT_EQ(hundred.rows, 100u);
    EXPECT_TRUE(hundred.cells[99].kind == CellValue::Kind::number); // 0 hours x 1
    EXPECT_TRUE(hundred.cells[50].is_empty());
    const Grid none = call("wages", {column(std::vector<CellValue>(1'048'576)), number(1)});
    EXPECT_EQ(none.rows, 1u);
    EXPECT_TRUE(none.cells[0].is_empty());
}

// A short empty tail costs Calc nothing: it stays, blank (an array formula taller than its
// data shows empty cells below it, as before).
TEST(ElementwiseCall, AShortEmptyTailStaysBlank)
{
    std::vector<CellValue> cells(5000);
    cells[0] = CellValue::of(1.0);
    cells[1199] = CellValue::of(2.0);
    const Grid result = call("wages", {column(cells), number(10)});
    ASSERT_EQ(result.rows, 5000u);
    EXPECT_DOUBLE_EQ(result.cells[1199].number, 20.0);
    EXPECT_TRUE(result.cells[1200].is_empty());
    EXPECT_TRUE(result.cells[4999].is_empty());
}

Grid row_of(std::size_t size)
{
    Grid grid;
    grid.rows = 1;
    grid.columns = size;
    grid.is_range = true;
    grid.cells.assign(size, CellValue::of(1.0));
    return grid;
}

// A column of 10,000 rows times a row of 10,000 columns took the office to 6.8 GB.
TEST(ElementwiseCall, AnAbsurdBroadcastIsRefusedInBothLanguages)
{
    const Grid tall = column(std::vector<CellValue>(10'000, CellValue::of(2.0)));
    const Grid wide = row_of(10'000);
    EXPECT_THROW(call("wages", {tall, wide}), InputError);
    const std::string english = error_of("wages", {tall, wide}, Language::en);
    EXPECT_NE(english.find("TRAINING.WAGES: the result would have 100,000,000 elements"),
              std::string::npos)
        << english;
    const std::string french = error_of("wages", {tall, wide}, Language::fr);
    EXPECT_NE(french.find("FORMATION.SALAIRES : le résultat aurait 100\u00A0000\u00A0000 "
                          "éléments"),
              std::string::npos)
        << french;
    // Up to the limit: 4 columns of a million rows are fine.
    const Grid four =
        call("wages", {column(std::vector<CellValue>(1'000'000, CellValue::of(1.0))), row_of(4)});
    EXPECT_EQ(four.rows * four.columns, 4'000'000u);
}

// Calc fills a text array in time that grows with the square of its size (200,000 texts:
// 10 s): one it would take minutes over is refused with the reason.
TEST(ElementwiseCall, AnArrayCalcWouldTakeMinutesToFillIsRefused)
{
    const Grid fine = call(
        "paragraphTitle", {column(std::vector<CellValue>(100'000, CellValue::of(3.0))), omitted()});
    EXPECT_EQ(fine.rows, 100'000u);
    const Grid many = column(std::vector<CellValue>(400'000, CellValue::of(3.0)));
    const std::string english = error_of("paragraphTitle", {many, omitted()}, Language::en);
    EXPECT_NE(english.find("Calc would take minutes to fill this array of 400,000 elements"),
              std::string::npos)
        << english;
    EXPECT_NE(error_of("paragraphTitle", {many, omitted()}, Language::fr).find("des minutes"),
              std::string::npos);
    // Numbers, even a million, cost Calc nothing to fill.
    const Grid numbers =
        call("wages", {column(std::vector<CellValue>(1'000'000, CellValue::of(1.0))), number(2)});
    EXPECT_EQ(numbers.rows, 1'000'000u);
}

TEST(ElementwiseCall, RangesOfDifferentSizesAreAnError)
{
    const Grid two = column({CellValue::of(1.0), CellValue::of(2.0)});
    const Grid three = column({CellValue::of(1.0), CellValue::of(2.0), CellValue::of(3.0)});
    EXPECT_THROW(call("wages", {two, three}), InputError);
    EXPECT_NE(error_of("wages", {two, three}, Language::fr).find("même taille"), std::string::npos);
}

TEST(ElementwiseCall, ABadElementNamesTheFunctionThePositionAndTheArgument)
{
    const Grid hours = column({CellValue::of(1.0), CellValue::of(-2.0)});
    const std::string english = error_of("wages", {hours, number(10)}, Language::en);
    EXPECT_NE(english.find("TRAINING.WAGES"), std::string::npos) << english;
    EXPECT_NE(english.find("row, column 2, 1"), std::string::npos) << english;
    EXPECT_NE(english.find("hours"), std::string::npos) << english;
    const std::string french = error_of("wages", {hours, number(10)}, Language::fr);
    EXPECT_NE(french.find("FORMATION.SALAIRES"), std::string::npos) << french;
    EXPECT_NE(french.find("négati"), std::string::npos) << french;
}

TEST(ElementwiseCall, TextWhereANumberGoesIsAnError)
{
    EXPECT_THROW(call("wages", {text("twelve"), number(10)}), InputError);
    EXPECT_THROW(call("subject", {number(3e6), number(2025.5)}), InputError);
}

TEST(ElementwiseCall, AnOptionalKeywordGivenAsZeroIsOmitted)
{
    // Calc passes an empty cell to an optional argument as 0.
    EXPECT_NEAR(single_number(call("hourlyRate", {number(1950), number(0)})), 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(single_number(call("netOfAssistance", {number(100), number(30), number(0)})),
                     70.0);
    const Grid paragraph = call("paragraph", {text("travel"), number(0), number(0)});
    EXPECT_EQ(paragraph.cells.front().text, "1(16)");
    CallContext context;
    context.current_year = 2025;
    EXPECT_DOUBLE_EQ(single_number(call("isEligible", {number(19), number(0)}, context)), 0.0);
    EXPECT_THROW(call("hourlyRate", {number(1950), number(3)}), InputError);
}

TEST(ElementwiseCall, TheEiRateIsTheYearsUnlessNoneIsSaid)
{
    const double with_table_rate = single_number(
        call("contributions", {number(2025), number(1000), number(61000), number(1.5), omitted()}));
    EXPECT_DOUBLE_EQ(single_number(call("contributions", {number(2025), number(1000), number(61000),
                                                          number(1.5), number(0)})),
                     with_table_rate);
    const double without_ei = single_number(call(
        "contributions", {number(2025), number(1000), number(61000), number(1.5), text("aucun")}));
    // EI 2025: 1.834 % x 61,000 = 1,118.74 a year, prorated 1000/61000 = 18.34
    EXPECT_NEAR(with_table_rate - without_ei, 18.34, 0.011);
    EXPECT_THROW(call("contributions",
                      {number(2025), number(1000), number(61000), number(1.5), text("maybe")}),
                 InputError);
}

TEST(ElementwiseCall, NoParagraphIsAnEmptyResult)
{
    const Grid none = call("paragraph", {text("tuition"), text("internal"), omitted()});
    EXPECT_TRUE(none.cells.front().is_empty());
}

TEST(ElementwiseCall, DatesUseTheDocumentsNullDate)
{
    CallContext context; // 1899-12-30: 2031-12-31 is serial 48213
    EXPECT_DOUBLE_EQ(single_number(call("retentionEnd", {number(2025)}, context)), 48213.0);
    context.null_date = {1904, 1, 1}; // the Mac epoch: 1462 days later
    EXPECT_DOUBLE_EQ(single_number(call("retentionEnd", {number(2025)}, context)), 48213.0 - 1462);
    // 2025-03-01 is serial 45717 from 1899-12-30
    EXPECT_DOUBLE_EQ(single_number(call("declarable", {number(45717), number(2025)})), 1.0);
    EXPECT_DOUBLE_EQ(single_number(call("declarable", {number(45717), number(2024)})), 0.0);
    EXPECT_THROW(call("declarable", {text("2025-03-01"), number(2025)}), InputError);
}

TEST(ElementwiseCall, ParagraphTitleFollowsTheOfficeLanguageByDefault)
{
    CallContext french;
    french.language = Language::fr;
    const Grid title_fr = call("paragraphTitle", {number(16), omitted()}, french);
    const Grid title_en = call("paragraphTitle", {text("1(16)"), text("en")}, french);
    EXPECT_NE(title_fr.cells.front().text, title_en.cells.front().text);
}
