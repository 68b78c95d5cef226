// T-ERROR-VALUE names the cause the engine gives for the row's inputs and groups the cells
// that fail from it under one finding (issue 10, item 2).
#include "workbook_fixture.hxx"

using namespace fixture;

namespace
{
const Cell err502 = formula(error_cell("Err:502"), "=TRAINING.X(...)");

// The zero-based data rows of Participation whose employee is `id`.
std::vector<std::size_t> participation_rows_of(Workbook& workbook, const std::string& id)
{
    Sheet& sheet = sheet_named(workbook, "Participation");
    const std::size_t column = column_of(sheet, "Employee ID");
    std::vector<std::size_t> rows;
    for (std::size_t row = 1; row < sheet.rows; ++row)
        if (sheet.at(row, column).text == id)
            rows.push_back(row - 1);
    return rows;
}

void summary_errors(Workbook& workbook)
{
    for (const char* label : {"Training wages and contributions",
                              "Line 78: total eligible "
                              "expenditures",
                              "Line 53: contribution to the WSDRF"})
        form_at(workbook, "Summary", label) = err502;
}
} // namespace

TEST(ErrorCause, OneBadPayBasisIsOneFindingThatSaysWhy)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Pay basis", 0) = text_cell("fortnight");
    table_at(workbook, "Employees", "Hourly rate", 0) = err502;
    const std::vector<std::size_t> rows = participation_rows_of(workbook, "E1");
    ASSERT_FALSE(rows.empty());
    for (std::size_t row : rows)
    {
        table_at(workbook, "Participation", "Wages", row) = err502;
        table_at(workbook, "Participation", "Contributions", row) = err502;
    }
    summary_errors(workbook);
    const Report report = validate(workbook);
    const std::vector<Finding> errors = findings_of(report, "T-ERROR-VALUE");
    ASSERT_EQ(errors.size(), 1u) << describe(report);
    const Finding& finding = errors.front();
    EXPECT_EQ(finding.location(), "Employees!E2");
    EXPECT_EQ(finding.value, "Err:502");
    const std::size_t cells = 1 + 2 * rows.size() + 3;
    EXPECT_NE(finding.message_en.find(std::to_string(cells) + " cells show Err:502"),
              std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.message_en.find("unknown pay period \"fortnight\""), std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.message_en.find(table_cell_name(workbook, "Participation", "Wages", rows[0])),
              std::string::npos);
    EXPECT_NE(finding.message_en.find("Summary!"), std::string::npos);
    EXPECT_NE(finding.fix_en.find("correct Employees!C2"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.message_fr.find("période de paie inconnue « fortnight »"), std::string::npos)
        << finding.message_fr;
    EXPECT_NE(finding.fix_fr.find("corriger Employees!C2"), std::string::npos);
}

TEST(ErrorCause, AYearWithoutRatesNamesTheYearsThatHaveThem)
{
    WorkbookData data = clean_data();
    data.year = 2018;
    Workbook workbook = build_workbook(data);
    const Sheet& participation = sheet_named(workbook, "Participation");
    const std::size_t rows = participation.rows - 1;
    for (std::size_t row = 0; row < rows; ++row)
        if (!participation.at(row + 1, 0).text.empty())
            table_at(workbook, "Participation", "Contributions", row) = err502;
    summary_errors(workbook);
    const Report report = validate(workbook);
    const std::vector<Finding> errors = findings_of(report, "T-ERROR-VALUE");
    ASSERT_EQ(errors.size(), 1u) << describe(report);
    const Finding& finding = errors.front();
    EXPECT_EQ(finding.location(), table_cell_name(workbook, "Participation", "Contributions", 0));
    EXPECT_NE(finding.message_en.find("no employer contribution rates for 2018 (rates are "
                                      "available for "),
              std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.fix_en.find("correct " + form_cell_name(workbook, "Employer", "Fiscal year")),
              std::string::npos)
        << finding.fix_en;
    EXPECT_NE(finding.message_fr.find("aucun taux de cotisation de l'employeur pour 2018"),
              std::string::npos);
}

TEST(ErrorCause, CausesDifferSoFindingsDiffer)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Pay basis", 0) = text_cell("fortnight");
    table_at(workbook, "Employees", "Pay basis", 1) = text_cell("decade");
    table_at(workbook, "Employees", "Hourly rate", 0) = err502;
    table_at(workbook, "Employees", "Hourly rate", 1) = err502;
    const Report report = validate(workbook);
    const std::vector<Finding> errors = findings_of(report, "T-ERROR-VALUE");
    ASSERT_EQ(errors.size(), 2u) << describe(report);
    EXPECT_NE(
        errors[0].message_en.find(
            "1 cell shows Err:502 because unknown pay period \"fortnight\"; expected year, month, "
            "biweekly, week or hour: Employees!E2"),
        std::string::npos)
        << errors[0].message_en;
    EXPECT_NE(errors[1].message_en.find("\"decade\""), std::string::npos);
}

TEST(ErrorCause, ANegativeAssistanceIsBlamedOnItsCell)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Government assistance", 0) = number_cell(-50);
    table_at(workbook, "Expenses", "Net amount", 0) = err502;
    const Report report = validate(workbook);
    const std::vector<Finding> errors = findings_of(report, "T-ERROR-VALUE");
    ASSERT_EQ(errors.size(), 1u) << describe(report);
    EXPECT_NE(errors[0].fix_en.find(
                  "correct " + table_cell_name(workbook, "Expenses", "Government assistance", 0)),
              std::string::npos)
        << errors[0].fix_en;
    EXPECT_NE(errors[0].message_en.find("negative"), std::string::npos) << errors[0].message_en;
}

TEST(ErrorCause, TheParticipationEligibleAmountFollowsItsContributions)
{
    Workbook workbook = clean_workbook();
    Sheet& participation = sheet_named(workbook, "Participation");
    bool has_column = false;
    for (std::size_t column = 0; column < participation.columns; ++column)
        has_column = has_column || participation.at(0, column).text == "Eligible amount";
    if (!has_column)
        GTEST_SKIP() << "the fixture has no participation eligible amount";
    form_at(workbook, "Employer", "Fiscal year") = number_cell(2018);
    table_at(workbook, "Participation", "Contributions", 0) = err502;
    table_at(workbook, "Participation", "Eligible amount", 0) = err502;
    const Report report = validate(workbook);
    const std::vector<Finding> errors = findings_of(report, "T-ERROR-VALUE");
    ASSERT_EQ(errors.size(), 1u) << describe(report);
    EXPECT_NE(errors[0].message_en.find("2 cells show Err:502"), std::string::npos)
        << errors[0].message_en;
}
