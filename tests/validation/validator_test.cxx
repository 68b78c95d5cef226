// validate(): the clean workbook, identity and version, rule sets by year, check counts,
// order of findings, figures and robustness.
#include "workbook_fixture.hxx"

#include <algorithm>

using namespace fixture;

TEST(ValidationCleanWorkbook, EnglishHasNoFinding)
{
    const Report report = validate(clean_workbook(Language::en));
    EXPECT_TRUE(report.readable) << report.read_error;
    EXPECT_TRUE(report.is_template);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_EQ(report.rule_set_version, "2024.1");
}

TEST(ValidationCleanWorkbook, FrenchHasNoFinding)
{
    const Report report = validate(clean_workbook(Language::fr));
    EXPECT_TRUE(report.readable) << report.read_error;
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationCleanWorkbook, MixedLanguageSheetsAreAccepted)
{
    Workbook workbook = clean_workbook(Language::en);
    workbook.sheets[1].name = "Employés";
    workbook.sheets[5].name = "Sommaire";
    const Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationCleanWorkbook, ReportCarriesFileHashAndVersions)
{
    const Workbook workbook = clean_workbook();
    const Report report = validate(workbook);
    EXPECT_EQ(report.file, workbook.file_name);
    EXPECT_EQ(report.sha256, workbook.sha256);
    EXPECT_EQ(report.tool_version, tool_version());
    EXPECT_EQ(report.rule_set_effective.year, 2024);
}

TEST(ValidationFigures, ComeFromTheWorkbook)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Summary", "Line 53: contribution to the WSDRF").number = 1234.5;
    const Report report = validate(workbook);
    EXPECT_EQ(report.figures.employer_name, "Atelier Boréal inc.");
    EXPECT_EQ(report.figures.fiscal_year, 2025);
    EXPECT_TRUE(report.figures.subject);
    EXPECT_TRUE(report.figures.has_contribution);
    EXPECT_DOUBLE_EQ(report.figures.contribution, 1234.5); // as the workbook shows it
}

TEST(ValidationChecks, EveryRuleOfTheSetIsCountedAndTheMainOnesRan)
{
    const Report report = validate(clean_workbook());
    const RuleSet& set = rule_set_for_year(2025);
    EXPECT_EQ(report.checks.size(), set.rule_ids.size());
    for (std::string_view id : set.rule_ids)
        EXPECT_EQ(report.checks.count(std::string(id)), 1u) << id;
    EXPECT_EQ(report.checks.count("R-S3-RETURN"), 0u);
    for (const char* id : {"T-MISSING-SHEET",   "T-MISSING-COLUMN",   "T-FORMULA-OVERWRITTEN",
                           "T-ERROR-VALUE",     "D-REQUIRED",         "D-TYPE",
                           "D-NEGATIVE",        "D-DUPLICATE-ID",     "D-UNKNOWN-REF",
                           "D-UNKNOWN-KEYWORD", "R-S1-REVOKED",       "R-S1-NO-PARAGRAPH",
                           "R-S1-ON-THE-JOB",   "R-S1-EVENT",         "R-S1-ORDER",
                           "R-S4-EMPLOYEE",     "R-S4-DOCUMENT",      "R-S4-PLAN",
                           "R-S7-WAGES",        "R-S7-CONTRIBUTIONS", "R-S7-HOURLY",
                           "R-S7-NONARMS",      "R-S7-ASSISTANCE",    "R-S7-YEAR",
                           "R-S7-OHS",          "R-ACT-SUMMARY"})
        EXPECT_GT(report.checks.at(id), 0u) << id;
    EXPECT_EQ(report.checks.at("T-MISSING-SHEET"), 6u);
    EXPECT_EQ(report.checks.at("R-S7-WAGES"), 4u);    // one per participation row
    EXPECT_EQ(report.checks.at("R-S4-DOCUMENT"), 6u); // one per expense
    EXPECT_EQ(report.checks.at("R-ACT-SUMMARY"), 10u);
}

TEST(ValidationIdentity, AnotherDocumentIsOnlyNotATemplate)
{
    Workbook workbook = clean_workbook();
    workbook.properties.erase("OnePercentTemplate");
    form_at(workbook, "Employer", "Employer name") = Cell{}; // not looked at
    const Report report = validate(workbook);
    EXPECT_FALSE(report.is_template);
    ASSERT_EQ(report.findings.size(), 1u) << describe(report);
    EXPECT_EQ(report.findings[0].rule_id, "T-NOT-TEMPLATE");
    EXPECT_EQ(report.findings[0].severity, Severity::error);
    EXPECT_EQ(report.findings[0].location(), "");
    EXPECT_EQ(report.checks.at("T-NOT-TEMPLATE"), 1u);
    EXPECT_EQ(report.checks.at("D-REQUIRED"), 0u);
}

TEST(ValidationIdentity, AWrongIdentityIsNotATemplate)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplate"] = "org.example.other";
    const Report report = validate(workbook);
    EXPECT_FALSE(report.is_template);
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].value, "org.example.other");
}

TEST(ValidationTemplateVersion, AnotherMajorVersionStopsWithAnError)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "2.0";
    form_at(workbook, "Employer", "Employer name") = Cell{}; // would be D-REQUIRED
    const Report report = validate(workbook);
    EXPECT_TRUE(report.is_template);
    ASSERT_EQ(report.findings.size(), 1u) << describe(report);
    const Finding& finding = report.findings[0];
    EXPECT_EQ(finding.rule_id, "T-TEMPLATE-VERSION");
    EXPECT_EQ(finding.severity, Severity::error);
    EXPECT_EQ(finding.value, "2.0");
    EXPECT_NE(finding.fix_en.find("2.0"), std::string::npos);
}

TEST(ValidationTemplateVersion, ANewerMinorVersionWarnsAndGoesOn)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "1.3";
    form_at(workbook, "Employer", "Employer name") = Cell{};
    const Report report = validate(workbook);
    const std::vector<Finding> version = findings_of(report, "T-TEMPLATE-VERSION");
    ASSERT_EQ(version.size(), 1u);
    EXPECT_EQ(version[0].severity, Severity::warning);
    EXPECT_EQ(findings_of(report, "D-REQUIRED").size(), 1u) << describe(report);
    EXPECT_EQ(report.count(Severity::warning), 1u);
}

TEST(ValidationTemplateVersion, VersionOneZeroIsSilent)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "1.0";
    EXPECT_TRUE(validate(workbook).findings.empty());
}

namespace
{
WorkbookData data_for_year(int year)
{
    WorkbookData data = clean_data();
    data.year = year;
    for (ActivityRow& activity : data.activities)
    {
        activity.start.year = year;
        activity.completion.year = year;
    }
    return data;
}
} // namespace

// Issue 7, item 12: the s. 3 return is recalled for a subject employer, years up to 2022.
TEST(ValidationRuleSetByYear, Year2022AppliesRuleSet2008WithTheAnnualReturn)
{
    const Report report = validate(build_workbook(data_for_year(2022)));
    EXPECT_EQ(report.rule_set_version, "2008.1");
    EXPECT_EQ(report.rule_set_effective.year, 2008);
    EXPECT_EQ(report.checks.at("R-S3-RETURN"), 1u);
    const Finding finding = only_finding(report, "R-S3-RETURN", Severity::info, "");
    EXPECT_NE(finding.fix_en.find("2022"), std::string::npos);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
    EXPECT_EQ(report.count(Severity::info), 1u);
    EXPECT_EQ(report.count(Severity::error), 0u);
}

TEST(ValidationRuleSetByYear, Year2023HasNoAnnualReturnReminder)
{
    const Report report = validate(build_workbook(data_for_year(2023)));
    EXPECT_TRUE(findings_of(report, "R-S3-RETURN").empty()) << describe(report);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationRuleSetByYear, AnEmployerNotSubjectHasNoAnnualReturnReminder)
{
    WorkbookData data = data_for_year(2022);
    data.payroll = 1'900'000;
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(findings_of(report, "R-S3-RETURN").empty()) << describe(report);
}

TEST(ValidationRuleSetByYear, ACqifHolderHasNoAnnualReturnToFile)
{
    WorkbookData data = data_for_year(2022);
    data.cqif = true;
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_EQ(report.checks.at("R-S3-RETURN"), 1u);
}

TEST(ValidationRuleSetByYear, Year2025AppliesRuleSet2024WithoutTheAnnualReturn)
{
    const Report report = validate(clean_workbook());
    EXPECT_EQ(report.rule_set_version, "2024.1");
    EXPECT_EQ(report.checks.count("R-S3-RETURN"), 0u);
    EXPECT_TRUE(findings_of(report, "R-S3-RETURN").empty());
}

TEST(ValidationRuleSetByYear, AnUnreadableYearUsesTheLatestSet)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Employer", "Fiscal year") = text_cell("twenty");
    const Report report = validate(workbook);
    EXPECT_EQ(report.rule_set_version, "2024.1");
    only_finding(report, "D-TYPE", Severity::error, "Employer!B4");
}

TEST(ValidationSorting, FileFirstThenSheetOrderRowAndColumn)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "1.3";           // file
    table_at(workbook, "Expenses", "Supporting document", 2) = Cell{};  // Expenses!L4
    table_at(workbook, "Expenses", "Supporting document", 0) = Cell{};  // Expenses!L2
    table_at(workbook, "Employees", "Pay amount", 1) = number_cell(-3); // Employees!D3
    form_at(workbook, "Employer", "Employer name") = Cell{};            // Employer!B2
    table_at(workbook, "Employees", "Name", 1) = text_cell("");         // Employees!B3
    const Report report = validate(workbook);
    std::vector<std::string> locations;
    for (const Finding& finding : report.findings)
        locations.push_back(finding.location());
    ASSERT_GE(locations.size(), 5u) << describe(report);
    EXPECT_EQ(locations.front(), "");
    const auto position = [&](const std::string& location)
    { return std::find(locations.begin(), locations.end(), location) - locations.begin(); };
    EXPECT_LT(position("Employer!B2"), position("Employees!B3"));
    EXPECT_LT(position("Employees!B3"), position("Employees!D3"));
    EXPECT_LT(position("Employees!D3"), position("Expenses!L2"));
    EXPECT_LT(position("Expenses!L2"), position("Expenses!L4"));
    EXPECT_EQ(locations.back(), "Expenses!L4") << describe(report);
}

TEST(ValidationSorting, FollowsTheWorkbooksSheetOrder)
{
    Workbook workbook = clean_workbook();
    std::swap(workbook.sheets[1], workbook.sheets[4]); // Expenses before Employees
    table_at(workbook, "Expenses", "Supporting document", 0) = Cell{};
    table_at(workbook, "Employees", "Pay amount", 0) = number_cell(-1);
    const Report report = validate(workbook);
    ASSERT_GE(report.findings.size(), 2u);
    EXPECT_EQ(report.findings[0].sheet, "Expenses") << describe(report);
}

TEST(ValidationRobustness, GarbageDoesNotThrow)
{
    Workbook workbook = clean_workbook();
    workbook.null_date = CivilDate{1899, 2, 31}; // does not exist: dates cannot be read
    Sheet& activities = sheet_named(workbook, "Activities");
    activities.cells.resize(3); // fewer cells than the used area says
    table_at(workbook, "Expenses", "Amount", 0) = number_cell(1e308);
    Report report;
    EXPECT_NO_THROW(report = validate(workbook));
    if (!report.readable)
    {
        EXPECT_TRUE(report.findings.empty());
    }
}

TEST(ValidationRobustness, AnEmptyTemplateReportsItsMissingSheets)
{
    Workbook workbook;
    workbook.properties["OnePercentTemplate"] = "org.onepercent.workbook";
    workbook.properties["OnePercentTemplateVersion"] = "1.0";
    const Report report = validate(workbook);
    EXPECT_TRUE(report.readable);
    EXPECT_EQ(findings_of(report, "T-MISSING-SHEET").size(), 6u);
    EXPECT_EQ(report.findings.size(), 6u) << describe(report);
}

TEST(ValidationUnreadableReport, HasTheReasonAndNoFinding)
{
    const Report report = unreadable_report("broken.ods", "abc", "password protected");
    EXPECT_FALSE(report.readable);
    EXPECT_EQ(report.read_error, "password protected");
    EXPECT_EQ(report.file, "broken.ods");
    EXPECT_EQ(report.sha256, "abc");
    EXPECT_TRUE(report.findings.empty());
    EXPECT_EQ(report.tool_version, tool_version());
}
