// T-ROW-NOT-COUNTED and T-PREPARED-ROWS (issue 8, "Tables that grow"): the Summary counts the
// rows 2 .. 1 + OnePercentPreparedRows of each table (200 when the property is absent), and
// the rows inserted among them; data typed below is an error, not "restore the formula".
#include "workbook_fixture.hxx"

using namespace fixture;

namespace
{
// Inputs of a participation row at spreadsheet row `row` (1-based), as a person types them
// below the table: no formula in its computed cells.
void type_participation(Workbook& workbook, std::size_t row, const std::string& employee)
{
    Sheet& sheet = sheet_named(workbook, "Participation");
    put(sheet, row - 1, column_of(sheet, "Employee ID"), text_cell(employee));
    put(sheet, row - 1, column_of(sheet, "Activity ID"), text_cell("A1"));
    put(sheet, row - 1, column_of(sheet, "Role"), text_cell("participant"));
    put(sheet, row - 1, column_of(sheet, "Hours"), number_cell(7));
}

// The computed cells of a prepared row: formulas that show nothing while the row is empty.
void prepare_participation_row(Workbook& workbook, std::size_t row)
{
    Sheet& sheet = sheet_named(workbook, "Participation");
    for (const char* header : {"Paragraph", "Wages", "Contributions"})
        put(sheet, row - 1, column_of(sheet, header), formula(text_cell(""), "=IF(...)"));
}
} // namespace

// The defect of issue 8: a row typed on row 203 of a 200-row workbook was left out of the
// Summary silently, and its typed wages were reported as "restore the template's formula".
TEST(ValidationRowNotCounted, DataOnRow203OfA200RowWorkbookIsAnErrorNotAFormulaToRestore)
{
    Workbook workbook = clean_workbook();
    type_participation(workbook, 203, "E1");
    Sheet& participation = sheet_named(workbook, "Participation");
    put(participation, 202, column_of(participation, "Wages"), number_cell(250)); // typed
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ROW-NOT-COUNTED", Severity::error, "Participation!A203");
    EXPECT_EQ(finding.value, "E1");
    EXPECT_EQ(finding.message_en,
              "row 203 is not counted: the Summary counts rows 2 to 201 of Participation");
    EXPECT_EQ(finding.message_fr, "la ligne 203 n'est pas comptée : le Sommaire compte les lignes "
                                  "2 à 201 de Participation");
    EXPECT_NE(finding.fix_en.find("above row 202"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_en.find("insert rows above row 201, copy row 200"), std::string::npos)
        << finding.fix_en;
    EXPECT_NE(finding.fix_en.find("Tables that grow"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_fr.find("au-dessus de la ligne 202"), std::string::npos)
        << finding.fix_fr;
    // Nothing else: no formula to restore, no cascade of data, regulation or summary findings.
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
    EXPECT_EQ(report.checks.at("T-ROW-NOT-COUNTED"), 4u); // the four tables
}

TEST(ValidationRowNotCounted, OneFindingPerTableWithTheFirstRowAndTheCount)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentPreparedRows"] = "200";
    type_participation(workbook, 203, "E1");
    type_participation(workbook, 207, "E2");
    type_participation(workbook, 1250, "E3");
    Sheet& expenses = sheet_named(workbook, "Expenses");
    put(expenses, 300, column_of(expenses, "Description"), text_cell("taxi"));
    const Report report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "T-ROW-NOT-COUNTED");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].location(), "Participation!A203");
    EXPECT_EQ(found[0].message_en, "rows 203 to 1,250 are not counted (3 rows with data): the "
                                   "Summary counts rows 2 to 201 of Participation");
    EXPECT_EQ(found[0].message_fr,
              "les lignes 203 à 1 250 ne sont pas comptées (3 lignes avec des données) : le "
              "Sommaire compte les lignes 2 à 201 de Participation");
    // On the row's first input: Description, the expense's ID being empty.
    EXPECT_EQ(found[1].location(),
              "Expenses!" + cell_name(300, column_of(expenses, "Description")));
    EXPECT_EQ(found[1].value, "taxi");
    EXPECT_EQ(report.findings.size(), 2u) << describe(report);
}

TEST(ValidationRowNotCounted, ThePropertySaysHowManyRowsTheSummaryCounts)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentPreparedRows"] = "5000";
    type_participation(workbook, 203, "E1");
    Report report = validate(workbook);
    EXPECT_TRUE(findings_of(report, "T-ROW-NOT-COUNTED").empty()) << describe(report);

    type_participation(workbook, 5203, "E2");
    report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ROW-NOT-COUNTED", Severity::error, "Participation!A5203");
    EXPECT_EQ(finding.message_en,
              "row 5,203 is not counted: the Summary counts rows 2 to 5,001 of Participation");
    EXPECT_NE(finding.fix_en.find("above row 5,002"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_fr.find("au-dessus de la ligne 5 002"), std::string::npos)
        << finding.fix_fr;
    // A number property (as the office reads it) says the same.
    workbook.properties["OnePercentPreparedRows"] = "5202";
    EXPECT_TRUE(findings_of(validate(workbook), "T-ROW-NOT-COUNTED").empty());
}

// README, "Tables that grow": rows inserted above the last prepared row and filled by copying
// the row above widen every Summary range; the property is not changed. Those rows hold the
// table's formulas: they are counted.
TEST(ValidationRowNotCounted, RowsInsertedAmongThePreparedRowsAreCounted)
{
    Workbook workbook = clean_workbook();
    for (std::size_t row = 202; row <= 210; ++row)
        prepare_participation_row(workbook, row);
    type_participation(workbook, 210, "E1");
    Report report = validate(workbook);
    EXPECT_TRUE(findings_of(report, "T-ROW-NOT-COUNTED").empty()) << describe(report);

    // A row after a gap without formulas is not.
    type_participation(workbook, 213, "E2");
    report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ROW-NOT-COUNTED", Severity::error, "Participation!A213");
    EXPECT_NE(finding.message_en.find("rows 2 to 210 of Participation"), std::string::npos)
        << finding.message_en;
}

// Activities has no formula: an activity below the property's rows is counted when a counted
// row's paragraph formula finds it (a lookup outside its range gives #N/A).
TEST(ValidationRowNotCounted, AnActivityFoundByTheFormulasIsCounted)
{
    Workbook workbook = clean_workbook();
    Sheet& activities = sheet_named(workbook, "Activities");
    put(activities, 229, column_of(activities, "Activity ID"), text_cell("A9"));
    put(activities, 229, column_of(activities, "Title"), text_cell("Late course"));
    Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ROW-NOT-COUNTED", Severity::error, "Activities!A230");
    EXPECT_EQ(finding.value, "A9");

    Sheet& participation = sheet_named(workbook, "Participation");
    const std::size_t row = 1; // the first participation row names A9, and its formula finds it
    participation.cells[row * participation.columns + column_of(participation, "Activity ID")] =
        text_cell("A9");
    report = validate(workbook);
    EXPECT_TRUE(findings_of(report, "T-ROW-NOT-COUNTED").empty()) << describe(report);
}

TEST(ValidationPreparedRows, APropertyThatIsNotAWholeNumberFrom1To100000IsAnError)
{
    for (const char* bad : {"abc", "0", "-5", "100001", "12.5", "5000 rows", "1e400"})
    {
        Workbook workbook = clean_workbook();
        workbook.properties["OnePercentPreparedRows"] = bad;
        const Report report = validate(workbook);
        const Finding finding = only_finding(report, "T-PREPARED-ROWS", Severity::error, "");
        EXPECT_EQ(finding.value, bad);
        EXPECT_NE(finding.message_en.find("100,000"), std::string::npos) << finding.message_en;
        EXPECT_NE(finding.message_fr.find("100 000"), std::string::npos) << finding.message_fr;
        EXPECT_EQ(report.findings.size(), 1u) << bad << "\n" << describe(report);
    }
    for (const char* good : {"1", "200", "5000", " 5000 ", "100000", "5000.0"})
    {
        Workbook workbook = clean_workbook();
        workbook.properties["OnePercentPreparedRows"] = good;
        EXPECT_TRUE(validate(workbook).findings.empty()) << good;
    }
}

TEST(ValidationRowNotCounted, FrenchWorkbookGroupsThousandsWithASpace)
{
    Workbook workbook = clean_workbook(Language::fr);
    workbook.properties["OnePercentPreparedRows"] = "5000";
    Sheet& expenses = sheet_named(workbook, "Dépenses");
    put(expenses, 5010, column_of(expenses, "No dépense"), text_cell("X99"));
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-ROW-NOT-COUNTED", Severity::error, "Dépenses!A5011");
    EXPECT_EQ(finding.message_fr,
              "la ligne 5 011 n'est pas comptée : le Sommaire compte les lignes 2 à 5 001 de "
              "Dépenses");
}
