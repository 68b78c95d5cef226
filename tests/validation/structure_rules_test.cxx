// Structure rules: sheets, headers and labels in either language, formulas, error values.
#include "workbook_fixture.hxx"

using namespace fixture;

TEST(ValidationMissingSheet, OneFindingPerMissingSheetOnTheFile)
{
    Workbook workbook = clean_workbook();
    workbook.sheets.erase(workbook.sheets.begin() + 2); // Activities
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "T-MISSING-SHEET", Severity::error, "");
    EXPECT_EQ(finding.value, "Activities / Activités");
    EXPECT_NE(finding.fix_fr.find("Activités"), std::string::npos);
    // Without activities, references to them cannot be checked: no cascade of D-UNKNOWN-REF.
    EXPECT_TRUE(findings_of(report, "D-UNKNOWN-REF").empty()) << describe(report);
}

TEST(ValidationMissingSheet, SheetNamesMatchWhateverTheCaseAndAccents)
{
    Workbook workbook = clean_workbook();
    workbook.sheets[1].name = "EMPLOYES";
    workbook.sheets[4].name = "depenses";
    EXPECT_TRUE(validate(workbook).findings.empty());
}

TEST(ValidationMissingColumn, AMissingHeaderIsReportedOnTheSheet)
{
    Workbook workbook = clean_workbook();
    Sheet& employees = sheet_named(workbook, "Employees");
    employees.cells[column_of(employees, "Annual salary")] = text_cell("Salary");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "T-MISSING-COLUMN", Severity::error, "Employees");
    EXPECT_EQ(finding.value, "Annual salary / Salaire annuel");
    EXPECT_NE(finding.fix_en.find("row 1"), std::string::npos);
    // The contributions that need the salary are not checked rather than wrongly reported.
    EXPECT_TRUE(findings_of(report, "R-S7-CONTRIBUTIONS").empty()) << describe(report);
}

TEST(ValidationMissingColumn, AMissingEmployerLabelIsReportedOnTheSheet)
{
    Workbook workbook = clean_workbook();
    Sheet& employer = sheet_named(workbook, "Employer");
    put(employer, 4, 0, text_cell("Payroll"));
    const Report report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "T-MISSING-COLUMN");
    ASSERT_EQ(found.size(), 1u) << describe(report);
    const Finding& finding = found.front();
    EXPECT_EQ(finding.location(), "Employer");
    EXPECT_EQ(finding.value, "Total payroll / Masse salariale totale");
}

TEST(ValidationMissingColumn, HeadersMatchInEitherLanguageAnyCaseAndMayMove)
{
    Workbook workbook = clean_workbook();
    Sheet& employees = sheet_named(workbook, "Employees");
    employees.cells[column_of(employees, "Hourly rate")] = text_cell("TAUX HORAIRE");
    Sheet& expenses = sheet_named(workbook, "Expenses");
    // Swap two columns, headers and data.
    const std::size_t amount = column_of(expenses, "Amount");
    const std::size_t description = column_of(expenses, "Description");
    for (std::size_t row = 0; row < expenses.rows; ++row)
        std::swap(expenses.cells[row * expenses.columns + amount],
                  expenses.cells[row * expenses.columns + description]);
    put(expenses, 0, column_of(expenses, "Non-arm's-length: wages"),
        text_cell("non-arm\u2019s-length:   WAGES"));
    const Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationFormulaOverwritten, ATypedHourlyRateIsReportedEvenWhenRight)
{
    Workbook workbook = clean_workbook();
    Cell& rate = table_at(workbook, "Employees", "Hourly rate", 0);
    rate.formula.clear(); // the right value, typed
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-FORMULA-OVERWRITTEN", Severity::error, "Employees!E2");
    EXPECT_NE(finding.fix_en.find("=TRAINING.HOURLYRATE"), std::string::npos);
    EXPECT_EQ(finding.value, "40");
    EXPECT_TRUE(findings_of(report, "R-S7-HOURLY").empty());
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationFormulaOverwritten, ATypedEligibleAmountIsReported)
{
    Workbook workbook = clean_workbook();
    Cell& eligible = table_at(workbook, "Expenses", "Eligible amount", 0);
    EXPECT_FALSE(eligible.formula.empty());
    eligible = number_cell(eligible.number); // the right value, typed
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-FORMULA-OVERWRITTEN", Severity::error, "Expenses!P2");
    EXPECT_EQ(finding.value, "7500");
    EXPECT_NE(finding.fix_en.find("TRAINING.DECLARABLE"), std::string::npos);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationMissingColumn, AWorkbookWithoutTheEligibleAmountColumnStaysValid)
{
    // Template 1.0 workbooks made before the column was added: no T-MISSING-COLUMN.
    for (const Language language : {Language::en, Language::fr})
    {
        Workbook workbook = clean_workbook(language);
        Sheet& expenses = sheet_named(workbook, language == Language::fr ? "Dépenses" : "Expenses");
        const std::size_t eligible = column_of(
            expenses, language == Language::fr ? "Montant admissible" : "Eligible amount");
        ASSERT_EQ(eligible + 1, expenses.columns);
        Sheet without = expenses;
        without.columns = expenses.columns - 1;
        without.cells.clear();
        for (std::size_t row = 0; row < expenses.rows; ++row)
            for (std::size_t column = 0; column < without.columns; ++column)
                without.cells.push_back(expenses.at(row, column));
        expenses = without;
        const Report report = validate(workbook);
        EXPECT_TRUE(findings_of(report, "T-MISSING-COLUMN").empty()) << describe(report);
        EXPECT_TRUE(report.findings.empty()) << describe(report);
    }
}

TEST(ValidationFormulaOverwritten, ATypedSummaryLineIsReported)
{
    Workbook workbook = clean_workbook();
    Cell& line53 = form_at(workbook, "Summary", "Line 53: contribution to the WSDRF");
    const double right = line53.number;
    line53 = number_cell(right);
    const Report report = validate(workbook);
    only_finding(report, "T-FORMULA-OVERWRITTEN", Severity::error, "Summary!B10");
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report);
}

TEST(ValidationFormulaOverwritten, EmptyRowsAndFormulasAreNotReported)
{
    Workbook workbook = clean_workbook();
    Sheet& participation = sheet_named(workbook, "Participation");
    // A pre-formulated empty row, as in the template: formulas showing "".
    put(participation, 10, 5, formula(text_cell(""), "=IF(D11=\"\";\"\";...)"));
    put(participation, 10, 4, formula(text_cell(""), "=IF(C11=\"\";\"\";...)"));
    EXPECT_TRUE(validate(workbook).findings.empty());
}

TEST(ValidationErrorValue, AnErrorInAComputedCellIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Participation", "Contributions", 1) =
        formula(error_cell("Err:502"), "=TRAINING.CONTRIBUTIONS(...)");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ERROR-VALUE", Severity::error, "Participation!G3");
    EXPECT_EQ(finding.value, "Err:502");
    EXPECT_TRUE(findings_of(report, "R-S7-CONTRIBUTIONS").empty());
}

TEST(ValidationErrorValue, AnErrorTypedInAnInputIsOnlyAnErrorValue)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Planned duration (h)", 0) =
        formula(error_cell("#DIV/0!"), "=1/0");
    const Report report = validate(workbook);
    only_finding(report, "T-ERROR-VALUE", Severity::error, "Activities!K2");
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationErrorValue, NotAvailableInAParagraphCellIsNoParagraphInstead)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Paragraph", 2) =
        formula(error_cell("#N/A"), "=TRAINING.PARAGRAPH(...)");
    table_at(workbook, "Expenses", "Eligible amount", 2).number = 0; // no paragraph, 0 (s. 1)
    const Report report = validate(workbook);
    EXPECT_TRUE(findings_of(report, "T-ERROR-VALUE").empty()) << describe(report);
    const Finding finding =
        only_finding(report, "R-S1-NO-PARAGRAPH", Severity::error, "Expenses!F4");
    EXPECT_NE(finding.fix_en.find("1(16)"), std::string::npos);
}

TEST(ValidationRows, AnEmptyRowEndsNothing)
{
    WorkbookData data = clean_data();
    Workbook workbook = build_workbook(data);
    Sheet& expenses = sheet_named(workbook, "Expenses");
    // Move the last expense three rows down, leaving empty rows between.
    const std::size_t last = expenses.rows - 1;
    for (std::size_t column = 0; column < expenses.columns; ++column)
    {
        put(expenses, last + 3, column, expenses.at(last, column));
        put(expenses, last, column, Cell{});
    }
    table_at(workbook, "Expenses", "Supporting document", last + 2) = Cell{};
    const Report report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "R-S4-DOCUMENT");
    ASSERT_EQ(found.size(), 1u) << describe(report);
    EXPECT_EQ(found[0].location(), "Expenses!L" + std::to_string(last + 4));
}
