// Issue 12: the rules across a client's years (the carry-forward chain, expenditures claimed
// twice) and the retention note, on pairs of workbooks built by the fixture.
#include "workbook_fixture.hxx"

#include <gtest/gtest.h>

using namespace fixture;

namespace
{
WorkbookData year_of(int year, const std::string& neq = "1234567890")
{
    WorkbookData data = clean_data();
    data.year = year;
    data.neq = neq;
    for (ActivityRow& activity : data.activities)
    {
        activity.start.year = year;
        activity.completion.year = year;
    }
    // Each year has its own invoices.
    for (ExpenseRow& expense : data.expenses)
        expense.document += "-" + std::to_string(year);
    return data;
}

Report validated(const WorkbookData& data, const std::string& file)
{
    Workbook workbook = build_workbook(data);
    workbook.file_name = file;
    return validate(workbook, CivilDate{2026, 11, 30});
}

// The 2025 workbook that carries forward exactly what 2024 hands on.
std::vector<Report> chained_pair(double carried_2025_offset = 0.0)
{
    const Report first = validated(year_of(2024), "client/2024.ods");
    WorkbookData second = year_of(2025);
    second.carried_forward = *first.figures.workbook.carry_forward + carried_2025_offset;
    return {first, validated(second, "client/2025.ods")};
}
} // namespace

TEST(CarryChain, ConsecutiveYearsThatChainPass)
{
    WorkbookData rich = year_of(2024);
    rich.expenses[0].amount = 40'000; // 2024 spends more than its minimum: a balance to carry
    const Report first = validated(rich, "client/2024.ods");
    ASSERT_GT(*first.figures.workbook.carry_forward, 0.0);
    WorkbookData second = year_of(2025);
    second.carried_forward = *first.figures.workbook.carry_forward;
    std::vector<Report> reports{first, validated(second, "client/2025.ods")};
    check_across_files(reports);
    EXPECT_TRUE(findings_of(reports[1], "R-ACT-CARRY-CHAIN").empty()) << describe(reports[1]);
    EXPECT_EQ(reports[1].checks.at("R-ACT-CARRY-CHAIN"), 1u);
    EXPECT_TRUE(reports[0].findings.empty()) << describe(reports[0]);
}

TEST(CarryChain, ALineSeventyFiveThatDoesNotFollowFails)
{
    std::vector<Report> reports = chained_pair(1'000.0);
    check_across_files(reports);
    const Finding finding =
        only_finding(reports[1], "R-ACT-CARRY-CHAIN", Severity::error, "Summary!B7");
    // Both values and both files.
    EXPECT_NE(finding.message_en.find("2024.ods"), std::string::npos) << finding.message_en;
    EXPECT_NE(finding.message_en.find("$1,000.00"), std::string::npos) << finding.message_en;
    EXPECT_NE(finding.message_en.find("$0.00"), std::string::npos) << finding.message_en;
    EXPECT_NE(finding.message_fr.find("1 000,00 $"), std::string::npos) << finding.message_fr;
    EXPECT_TRUE(findings_of(reports[0], "R-ACT-CARRY-CHAIN").empty());
}

// When N-1 was not subject, line 75 of N may hold N-1's eligible expenditures (Revenu Québec).
TEST(CarryChain, AfterAYearNotSubjectItsExpendituresCarry)
{
    WorkbookData before = year_of(2024);
    before.payroll = 1'900'000;
    const Report first = validated(before, "client/2024.ods");
    WorkbookData after = year_of(2025);
    after.carried_forward = *first.figures.workbook.eligible;
    std::vector<Report> reports{validated(after, "client/2025.ods"), first}; // any order
    check_across_files(reports);
    EXPECT_TRUE(findings_of(reports[0], "R-ACT-CARRY-CHAIN").empty()) << describe(reports[0]);

    after.carried_forward = 0; // forgot the previous year's expenditures
    std::vector<Report> forgot{first, validated(after, "client/2025.ods")};
    check_across_files(forgot);
    const Finding finding =
        only_finding(forgot[1], "R-ACT-CARRY-CHAIN", Severity::error, "Summary!B7");
    EXPECT_NE(finding.message_en.find("not subject"), std::string::npos) << finding.message_en;
}

TEST(CarryChain, OtherClientsAndGapsAreNotChained)
{
    std::vector<Report> reports{validated(year_of(2023), "a/2023.ods"),
                                validated(year_of(2025), "a/2025.ods"),
                                validated(year_of(2024, "9999999999"), "b/2024.ods")};
    check_across_files(reports);
    for (const Report& report : reports)
    {
        EXPECT_TRUE(findings_of(report, "R-ACT-CARRY-CHAIN").empty()) << describe(report);
        const auto checks = report.checks.find("R-ACT-CARRY-CHAIN");
        EXPECT_TRUE(checks == report.checks.end() || checks->second == 0u);
    }
}

TEST(ClaimedTwice, TheSameDocumentAndAmountInTwoYearsIsAWarning)
{
    WorkbookData later = year_of(2025);
    later.expenses[0].document = "INV-1001-2024"; // 2024's invoice, same amount
    std::vector<Report> reports{validated(year_of(2024), "client/2024.ods"),
                                validated(later, "client/2025.ods")};
    reports[1].figures.workbook.carried_in = reports[0].figures.workbook.carry_forward;
    check_across_files(reports);
    const Finding finding =
        only_finding(reports[1], "R-S7-CLAIMED-TWICE", Severity::warning, "Expenses!L2");
    EXPECT_NE(finding.message_en.find("2024"), std::string::npos) << finding.message_en;
    EXPECT_NE(finding.message_en.find("Expenses!L2"), std::string::npos) << finding.message_en;
    EXPECT_TRUE(findings_of(reports[0], "R-S7-CLAIMED-TWICE").empty());

    later.expenses[0].amount = 9'000; // another amount: another expenditure
    std::vector<Report> other{validated(year_of(2024), "client/2024.ods"),
                              validated(later, "client/2025.ods")};
    check_across_files(other);
    EXPECT_TRUE(findings_of(other[1], "R-S7-CLAIMED-TWICE").empty()) << describe(other[1]);
}

// r. 3, s. 4: kept until 31 December of the year + 6.
TEST(Retention, ANoteOnceTheRetentionDateHasPassed)
{
    WorkbookData data = year_of(2019);
    const Workbook workbook = build_workbook(data);
    const Report within = validate(workbook, CivilDate{2025, 12, 31});
    ASSERT_TRUE(within.facts.retention_until);
    EXPECT_EQ(within.facts.retention_until->year, 2025);
    EXPECT_TRUE(findings_of(within, "I-RETENTION-PASSED").empty()) << describe(within);
    const Report passed = validate(workbook, CivilDate{2026, 1, 1});
    const Finding finding = only_finding(passed, "I-RETENTION-PASSED", Severity::info, "");
    EXPECT_EQ(finding.value, "2025-12-31");
}

TEST(FileFacts, NeqTemplateAndDocumentsAreCollected)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentFlavour"] = "portable";
    const Report report = validate(workbook);
    EXPECT_EQ(report.facts.neq, "1234567890");
    EXPECT_EQ(report.facts.flavour, "portable");
    EXPECT_EQ(report.facts.carried_in_location, "Summary!B7");
    ASSERT_EQ(report.facts.documents.size(), 6u);
    EXPECT_EQ(report.facts.documents[0].reference, "INV-1001");
    EXPECT_EQ(report.facts.documents[0].amount, 10'000);
    EXPECT_EQ(report.facts.documents[0].location, "Expenses!L2");
}

// The same workbook given twice (an .ods and its .xlsx copy) is one year, not two.
TEST(ClaimedTwice, TheSameYearGivenTwiceIsNotTwoYears)
{
    std::vector<Report> reports{validated(year_of(2025), "client/2025.ods"),
                                validated(year_of(2025), "client/2025.xlsx")};
    check_across_files(reports);
    for (const Report& report : reports)
        EXPECT_TRUE(findings_of(report, "R-S7-CLAIMED-TWICE").empty()) << describe(report);
}
