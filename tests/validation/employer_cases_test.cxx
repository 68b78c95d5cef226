// Issue 7, "Real employers' numbers": the regulation's harder cases in the validator, each with
// a workbook that passes and one that fails. The fixture is a template 1.0 workbook (its labels
// and columns); the 1.1 columns are added where a case needs them, as a firm's copy would have.
#include "workbook_fixture.hxx"

#include <gtest/gtest.h>

using namespace fixture;

namespace
{
// Adds a column with its header at the end of a table; returns its index.
std::size_t add_column(Workbook& workbook, const std::string& sheet_name, const std::string& header)
{
    Sheet& sheet = sheet_named(workbook, sheet_name);
    const std::size_t column = sheet.columns;
    put(sheet, 0, column, text_cell(header));
    return column;
}

// Adds a label/value row at the end of a form sheet.
void add_form_row(Workbook& workbook,
                  const std::string& sheet_name,
                  const std::string& label,
                  Cell value)
{
    Sheet& sheet = sheet_named(workbook, sheet_name);
    const std::size_t row = sheet.rows;
    put(sheet, row, 0, text_cell(label));
    put(sheet, row, 1, std::move(value));
}

const std::string line53 = "Line 53: contribution to the WSDRF";
const std::string line79 = "Line 79: balance to carry forward";
const std::string wages_line = "Training wages and contributions";
} // namespace

// Item 2, r. 5: a CQIF holder has a minimum and a contribution of 0.
TEST(EmployerCases, CqifHolderOwesNothing)
{
    WorkbookData data = clean_data();
    data.cqif = true;
    data.expenses.clear(); // no expenditure at all: still no contribution
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    ASSERT_TRUE(report.figures.computed.contribution);
    EXPECT_EQ(*report.figures.computed.contribution, 0.0);
    EXPECT_EQ(*report.figures.computed.minimum, 0.0);
}

TEST(EmployerCases, CqifHolderWithAContributionShownFails)
{
    WorkbookData data = clean_data();
    data.cqif = true;
    Workbook workbook = build_workbook(data);
    form_at(workbook, "Summary", line53) = formula(number_cell(11'450), "=...");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-ACT-SUMMARY", Severity::error,
                                         form_cell_name(workbook, "Summary", line53));
    EXPECT_NE(finding.fix_en.find("CQIF"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_fr.find("CQIF"), std::string::npos) << finding.fix_fr;
}

// Item 3, Act s. 11: a year that is not subject hands its own expenditures to the next.
TEST(EmployerCases, NotSubjectYearCarriesItsExpenditures)
{
    WorkbookData data = clean_data();
    data.payroll = 1'900'000;
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    ASSERT_TRUE(report.figures.computed.carry_forward);
    EXPECT_EQ(*report.figures.computed.carry_forward, *report.figures.computed.eligible);
    EXPECT_GT(*report.figures.computed.carry_forward, 0.0);
}

TEST(EmployerCases, NotSubjectYearShowingTheOldBalanceFails)
{
    WorkbookData data = clean_data();
    data.payroll = 1'900'000;
    Workbook workbook = build_workbook(data);
    form_at(workbook, "Summary", line79) = formula(number_cell(1'000), "=..."); // carried in
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-ACT-SUMMARY", Severity::error,
                                         form_cell_name(workbook, "Summary", line79));
    EXPECT_NE(finding.fix_en.find("not subject"), std::string::npos) << finding.fix_en;
}

// Item 4, s. 7(12): travel (1(16)) of a non-arm's-length activity is not capped.
TEST(EmployerCases, TravelOfANonArmsLengthActivityIsNotCapped)
{
    WorkbookData data = clean_data();
    data.expenses.push_back(
        {"X7", "A4", "", "travel", "", "Hotel for the welders", 900, 0, 0, "INV-1007", 0, 0, 0});
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(EmployerCases, TravelOfANonArmsLengthActivityCappedToZeroFails)
{
    WorkbookData data = clean_data();
    data.expenses.push_back(
        {"X7", "A4", "", "travel", "", "Hotel for the welders", 900, 0, 0, "INV-1007", 0, 0, 0});
    Workbook workbook = build_workbook(data);
    // The 1.0 template capped it: its eligible amount 0.
    table_at(workbook, "Expenses", "Eligible amount", 6) = formula(number_cell(0), "=...");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "R-S7-NONARMS", Severity::error,
                     table_cell_name(workbook, "Expenses", "Eligible amount", 6));
    EXPECT_NE(finding.fix_en.find("$900.00"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_en.find("1(16)"), std::string::npos) << finding.fix_en;
}

// Item 9, s. 1: an expense without a paragraph counts 0 (tuition of an internal provider).
TEST(EmployerCases, AnExpenseWithoutAParagraphCountsZero)
{
    WorkbookData data = clean_data();
    data.expenses.push_back(
        {"X8", "A2", "", "tuition", "", "In-house fee", 700, 0, 0, "INV-1008", 0, 0, 0});
    Workbook workbook = build_workbook(data);
    const Report report = validate(workbook);
    only_finding(report, "R-S1-NO-PARAGRAPH", Severity::error,
                 table_cell_name(workbook, "Expenses", "Paragraph", 6));
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report);

    // Counted anyway (as the 1.0 template did): the Summary is 700 too high.
    Cell& expenses_line = form_at(workbook, "Summary", "Net eligible expenses");
    expenses_line.number += 700;
    const Report counted = validate(workbook);
    EXPECT_EQ(findings_of(counted, "R-ACT-SUMMARY").size(), 1u) << describe(counted);
}

// Item 8, s. 7(14): wages of an activity completed after the year count 0.
TEST(EmployerCases, WagesOfAnActivityCompletedAfterTheYearCountZero)
{
    WorkbookData data = clean_data();
    data.activities[1].start = {2026, 1, 5}; // A2
    data.activities[1].completion = {2026, 1, 30};
    Workbook workbook = build_workbook(data);
    const Report report = validate(workbook);
    EXPECT_EQ(findings_of(report, "R-S7-YEAR").size(), 3u) << describe(report); // 2 rows + X6
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report);

    // Summed whatever the year (the 1.0 template): the wages line is too high.
    const double a2_wages = table_at(workbook, "Participation", "Wages", 2).number +
                            table_at(workbook, "Participation", "Contributions", 2).number;
    form_at(workbook, "Summary", wages_line).number += a2_wages;
    const Report summed = validate(workbook);
    only_finding(summed, "R-ACT-SUMMARY", Severity::error,
                 form_cell_name(workbook, "Summary", wages_line));
}

// Item 1, s. 7(6) is a fallback: the contract's hours per pay period give the hourly wage.
TEST(EmployerCases, ContractHoursGiveTheHourlyWage)
{
    Workbook workbook = clean_workbook();
    const std::size_t hours = add_column(workbook, "Employees", "Hours per pay period");
    const Report without = validate(workbook); // empty: s. 7(6), as the template computed
    EXPECT_TRUE(without.findings.empty()) << describe(without);

    // E3: 1,200 a week for 40 hours is 30.00 an hour, not 1,200 x 52 / 1950 = 32.00.
    put(sheet_named(workbook, "Employees"), 3, hours, number_cell(40));
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-HOURLY", Severity::error,
                                         table_cell_name(workbook, "Employees", "Hourly rate", 2));
    EXPECT_NE(finding.fix_en.find("30"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_en.find("contract"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_fr.find("contrat"), std::string::npos) << finding.fix_fr;
}

// Item 5, s. 1(8): a replacement counts only above the replaced employee's wages.
TEST(EmployerCases, ReplacementWagesAreTheExcessOnly)
{
    WorkbookData data = clean_data();
    data.participation.push_back({"E1", "A1", "replacement", 10}); // E1 40.00/h replaces E2 30.00/h
    Workbook workbook = build_workbook(data);
    const std::size_t replaced = add_column(workbook, "Participation", "Replaced employee ID");
    put(sheet_named(workbook, "Participation"), 5, replaced, text_cell("E2"));
    // The fixture computed full wages, 400.00: only 100.00 counts.
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-WAGES", Severity::error,
                                         table_cell_name(workbook, "Participation", "Wages", 4));
    EXPECT_NE(finding.fix_en.find("$100.00"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_en.find("1(8)"), std::string::npos) << finding.fix_en;
    EXPECT_NE(finding.fix_fr.find("100,00"), std::string::npos) << finding.fix_fr;
}

TEST(EmployerCases, AReplacementRowNamesTheEmployeeReplaced)
{
    WorkbookData data = clean_data();
    data.participation.push_back({"E1", "A1", "replacement", 10});
    Workbook workbook = build_workbook(data);
    add_column(workbook, "Participation", "Replaced employee ID");
    const Report report = validate(workbook);
    only_finding(report, "D-REQUIRED", Severity::error,
                 table_cell_name(workbook, "Participation", "Replaced employee ID", 4));
}

// Item 7: the EI employer rate of a premium-reduction employer.
TEST(EmployerCases, TheEmployersEiRateIsUsed)
{
    Workbook same = clean_workbook();
    add_form_row(same, "Employer", "EI employer rate", number_cell(0.01834)); // Québec 2025
    const Report passing = validate(same);
    EXPECT_TRUE(passing.findings.empty()) << describe(passing);

    Workbook reduced = clean_workbook();
    add_form_row(reduced, "Employer", "EI employer rate", number_cell(0.0150));
    const Report report = validate(reduced);
    EXPECT_EQ(findings_of(report, "R-S7-CONTRIBUTIONS").size(), 4u) << describe(report);

    Workbook percent = clean_workbook();
    add_form_row(percent, "Employer", "EI employer rate", number_cell(1.82)); // not a fraction
    const Report typed = validate(percent);
    EXPECT_EQ(findings_of(typed, "D-TYPE").size(), 1u) << describe(typed);
}

// Item 6, s. 7(13): wages count net of the assistance typed on their row.
TEST(EmployerCases, AssistanceOnWagesIsDeducted)
{
    Workbook workbook = clean_workbook();
    const std::size_t assistance = add_column(workbook, "Participation", "Government assistance");
    const Report without = validate(workbook);
    EXPECT_TRUE(without.findings.empty()) << describe(without);
    put(sheet_named(workbook, "Participation"), 1, assistance, number_cell(100));
    const Report report = validate(workbook);
    // The wages line, and the lines that add it up, are 100.00 too high.
    bool wages_reported = false;
    for (const Finding& finding : findings_of(report, "R-ACT-SUMMARY"))
        if (finding.location() == form_cell_name(workbook, "Summary", wages_line))
        {
            wages_reported = true;
            EXPECT_NE(finding.fix_en.find("net of assistance"), std::string::npos)
                << finding.fix_en;
            EXPECT_NE(finding.fix_en.find("2,335.32"), std::string::npos) << finding.fix_en;
        }
    EXPECT_TRUE(wages_reported) << describe(report);
}

// Item 11: a training mutual (r. 7) and the CCQ fund (Act s. 12) count in full, without an
// activity or a paragraph of s. 1.
TEST(EmployerCases, TrainingMutualAndCcqFundCountInFull)
{
    WorkbookData data = clean_data();
    data.expenses.push_back({"X9", "", "", "training-mutual", "", "Mutuelle annual fee", 1'500, 0,
                             0, "MUT-2025", 0, 0, 0});
    data.expenses.push_back({"X10", "", "", "ccq-training-fund", "", "CCQ statement", 2'200, 0, 0,
                             "CCQ-2025", 0, 0, 0});
    Workbook workbook = build_workbook(data);
    const Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    const Report plain = validate(clean_workbook());
    EXPECT_EQ(*report.figures.computed.eligible, *plain.figures.computed.eligible + 3'700);

    // Their statement is kept (s. 4, 4th para.): a missing document is reported.
    table_at(workbook, "Expenses", "Supporting document", 7) = Cell{};
    const Report missing = validate(workbook);
    EXPECT_EQ(findings_of(missing, "R-S4-DOCUMENT").size(), 1u) << describe(missing);
}

// Item 10, s. 4, 3rd para.: participants' wages (1(7)) in internal training need the plan's
// proofs too.
TEST(EmployerCases, InternalTrainingWagesNeedThePlanProofs)
{
    WorkbookData data = clean_data();
    // A2 (internal) keeps only its participant: no trainer (1(5)) nor materials row.
    data.participation.erase(data.participation.begin() + 2);
    data.expenses.erase(data.expenses.begin() + 5);
    const Report passing = validate(build_workbook(data));
    EXPECT_TRUE(passing.findings.empty()) << describe(passing);

    data.activities[1].consultation_proof = false;
    Workbook workbook = build_workbook(data);
    const Report report = validate(workbook);
    only_finding(report, "R-S4-PLAN", Severity::error,
                 table_cell_name(workbook, "Activities", "Proof of consultation", 1));
}

// Item 13: line 50 only when subject (a 1.1 Summary).
TEST(EmployerCases, LineFiftyOnlyWhenSubject)
{
    WorkbookData data = clean_data();
    data.payroll = 1'900'000;
    Workbook workbook = build_workbook(data);
    Sheet& summary = sheet_named(workbook, "Summary");
    for (std::size_t row = 0; row < summary.rows; ++row)
        if (summary.at(row, 0).text == "Line 50: total payroll")
            put(summary, row, 0, text_cell("Total payroll on the RL-1 (subject employers only)"));
    const std::string line50 = "Total payroll on the RL-1 (subject employers only)";
    const Report shown = validate(workbook); // 1.1 label, the payroll shown: wrong
    const Finding finding = only_finding(shown, "R-ACT-SUMMARY", Severity::error,
                                         form_cell_name(workbook, "Summary", line50));
    EXPECT_NE(finding.message_en.find("empty"), std::string::npos) << finding.message_en;
    form_at(workbook, "Summary", line50) = formula(text_cell(""), "=...");
    const Report blank = validate(workbook);
    EXPECT_TRUE(blank.findings.empty()) << describe(blank);
}

// Item 16: the figures the validator computed beside those the workbook shows.
TEST(EmployerCases, FiguresComputedAndShownAgreeOnACleanWorkbook)
{
    const Report report = validate(clean_workbook());
    for (std::string_view key : figure_keys())
    {
        const auto computed = figure_of(report.figures.computed, key);
        const auto shown = figure_of(report.figures.workbook, key);
        ASSERT_TRUE(computed) << key;
        ASSERT_TRUE(shown) << key;
        EXPECT_NEAR(*computed, *shown, 0.005) << key;
    }
    const std::string json = format_reports({report}, ReportFormat::json, Language::en);
    EXPECT_NE(json.find("\"computed\":{\"subject\":1,\"payroll\":2500000,"), std::string::npos)
        << json;
    EXPECT_NE(json.find("\"workbook\":{\"subject\":1,"), std::string::npos);
    const std::string text = format_reports({report}, ReportFormat::text, Language::fr);
    EXPECT_NE(text.find("Cotisation au FDRCMO"), std::string::npos) << text;
}

// Item 18: a date serial outside the years 1583-9999 is not a date (never a wrong year).
TEST(EmployerCases, ADateSerialOutOfRangeIsNotADate)
{
    for (double serial : {3'000'000.0, -200'000.0, 1e300})
    {
        Workbook workbook = clean_workbook();
        table_at(workbook, "Activities", "Completion date", 0) = number_cell(serial);
        const Report report = validate(workbook);
        only_finding(report, "D-TYPE", Severity::error,
                     table_cell_name(workbook, "Activities", "Completion date", 0));
    }
}

// A participation row's Eligible amount (1.1) that ignores the assistance typed on the row is
// reported once, on the row: the Summary adds the rows as they show them.
TEST(EmployerCases, AParticipationEligibleAmountIgnoringAssistanceIsReportedOnTheRow)
{
    Workbook workbook = clean_workbook();
    const std::size_t assistance = add_column(workbook, "Participation", "Government assistance");
    const std::size_t eligible = add_column(workbook, "Participation", "Eligible amount");
    Sheet& participation = sheet_named(workbook, "Participation");
    for (std::size_t row = 1; row <= 4; ++row)
        put(participation, row, eligible,
            formula(number_cell(round_cents(
                        table_at(workbook, "Participation", "Wages", row - 1).number +
                        table_at(workbook, "Participation", "Contributions", row - 1).number)),
                    "=...NETOFASSISTANCE(...)"));
    const Report clean = validate(workbook);
    EXPECT_TRUE(clean.findings.empty()) << describe(clean);

    put(participation, 1, assistance, number_cell(100)); // the eligible amount still gross
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "R-S7-ASSISTANCE", Severity::error,
                     table_cell_name(workbook, "Participation", "Eligible amount", 0));
    EXPECT_NE(finding.fix_en.find("$100.00 of government assistance"), std::string::npos)
        << finding.fix_en;
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report);
}
