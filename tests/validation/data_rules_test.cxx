// Data rules: required values, types, signs, unique IDs, references and keywords.
#include "workbook_fixture.hxx"

using namespace fixture;

TEST(ValidationRequired, AnEmptyEmployerNameIsReported)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Employer", "Employer name") = Cell{};
    const Report report = validate(workbook);
    only_finding(report, "D-REQUIRED", Severity::error, "Employer!B2");
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationRequired, AnEmptyTitleInARowWithInputsIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Title", 3) = Cell{};
    const Report report = validate(workbook);
    only_finding(report, "D-REQUIRED", Severity::error, "Activities!B5");
}

TEST(ValidationRequired, AnEmptySupportingDocumentIsRequiredAndUnproved)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Supporting document", 1) = text_cell("  ");
    const Report report = validate(workbook);
    only_finding(report, "D-REQUIRED", Severity::error, "Expenses!L3");
    only_finding(report, "R-S4-DOCUMENT", Severity::error, "Expenses!L3");
}

TEST(ValidationType, TextInAnAmountIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Government assistance", 0) = text_cell("2 500 $");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-TYPE", Severity::error, "Expenses!J2");
    EXPECT_EQ(finding.value, "2 500 $");
    // The net amount cannot be recomputed: no cascade.
    EXPECT_TRUE(findings_of(report, "R-S7-ASSISTANCE").empty()) << describe(report);
}

TEST(ValidationType, AYesNoCellAcceptsBothLanguagesAndOneOrZero)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Arm's length", 0) = text_cell("OUI");
    table_at(workbook, "Activities", "OHS training", 1) = number_cell(0);
    table_at(workbook, "Activities", "Supervision or interaction", 1) = number_cell(1);
    EXPECT_TRUE(validate(workbook).findings.empty());
    table_at(workbook, "Activities", "Supervision or interaction", 0) = text_cell("sometimes");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-TYPE", Severity::error, "Activities!L2");
    EXPECT_EQ(finding.value, "sometimes");
}

TEST(ValidationType, TheNeqHasExactlyTenDigits)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Employer", "Québec enterprise number (NEQ)") = text_cell("12345678");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-TYPE", Severity::error, "Employer!B3");
    EXPECT_NE(finding.fix_en.find("10 digits"), std::string::npos);
    form_at(workbook, "Employer", "Québec enterprise number (NEQ)") = number_cell(1234567890);
    EXPECT_TRUE(validate(workbook).findings.empty());
}

TEST(ValidationType, TheFiscalYearIsAWholeNumber)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Employer", "Fiscal year") = number_cell(2025.5);
    only_finding(validate(workbook), "D-TYPE", Severity::error, "Employer!B4");
    form_at(workbook, "Employer", "Fiscal year") = number_cell(2003);
    only_finding(validate(workbook), "D-TYPE", Severity::error, "Employer!B4");
}

TEST(ValidationType, ADateTypedAsTextIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Start date", 4) = text_cell("May 14");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-TYPE", Severity::error, "Activities!I6");
    EXPECT_NE(finding.fix_en.find("2025-03-14"), std::string::npos);
}

TEST(ValidationNegative, ANegativeDurationIsReportedWithThePositiveValueToEnter)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Planned duration (h)", 2) = number_cell(-12);
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-NEGATIVE", Severity::error, "Activities!K4");
    EXPECT_EQ(finding.value, "-12");
    EXPECT_NE(finding.fix_en.find("enter 12"), std::string::npos);
    EXPECT_NE(finding.fix_fr.find("saisir 12"), std::string::npos);
}

TEST(ValidationDuplicateId, TheSecondOccurrenceNamesTheFirst)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Expense ID", 4) = text_cell("X2");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-DUPLICATE-ID", Severity::error, "Expenses!A6");
    EXPECT_NE(finding.message_en.find("Expenses!A3"), std::string::npos);
    EXPECT_EQ(finding.value, "X2");
}

TEST(ValidationDuplicateId, NumericAndTextIdsAreTheSameId)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Employee ID", 0) = number_cell(101);
    table_at(workbook, "Participation", "Employee ID", 0) = text_cell("101");
    table_at(workbook, "Expenses", "Employee ID", 1) = number_cell(101);
    EXPECT_TRUE(validate(workbook).findings.empty()) << describe(validate(workbook));
}

TEST(ValidationUnknownRef, AnUnknownEmployeeIsReportedWithoutWageCascade)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Participation", "Employee ID", 1) = text_cell("E99");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "D-UNKNOWN-REF", Severity::error, "Participation!A3");
    EXPECT_EQ(finding.value, "E99");
    EXPECT_TRUE(findings_of(report, "R-S7-WAGES").empty()) << describe(report);
    EXPECT_TRUE(findings_of(report, "R-S7-CONTRIBUTIONS").empty());
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationUnknownRef, AnUnknownActivityIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Activity ID", 2) = text_cell("A42");
    const Report report = validate(workbook);
    only_finding(report, "D-UNKNOWN-REF", Severity::error, "Expenses!B4");
}

TEST(ValidationUnknownKeyword, PayBasis)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Pay basis", 1) = text_cell("fortnight");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "D-UNKNOWN-KEYWORD", Severity::error, "Employees!C3");
    EXPECT_NE(finding.message_en.find("biweekly"), std::string::npos);
    EXPECT_TRUE(findings_of(report, "R-S7-WAGES").empty()) << describe(report);
}

TEST(ValidationUnknownKeyword, ProviderKindExpenseKindRoleAndExemptCategory)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Activities", "Provider kind", 0) = text_cell("university");
    table_at(workbook, "Expenses", "Expense kind", 5) = text_cell("pizza");
    table_at(workbook, "Participation", "Role", 3) = text_cell("observer");
    table_at(workbook, "Participation", "Paragraph", 3) = formula(error_cell("#N/A"), "=...");
    form_at(workbook, "Employer", "s. 7(13) exempt category") = text_cell("charity");
    const Report report = validate(workbook);
    std::vector<std::string> locations;
    for (const Finding& finding : findings_of(report, "D-UNKNOWN-KEYWORD"))
        locations.push_back(finding.location());
    EXPECT_EQ(locations, (std::vector<std::string>{"Employer!B8", "Activities!D2",
                                                   "Participation!C5", "Expenses!D7"}))
        << describe(report);
    // #N/A from the unknown role is neither an error value nor a missing paragraph.
    EXPECT_TRUE(findings_of(report, "T-ERROR-VALUE").empty());
    EXPECT_TRUE(findings_of(report, "R-S1-NO-PARAGRAPH").empty()) << describe(report);
}

TEST(ValidationUnknownKeyword, KeywordsInTheOtherLanguageAndAnyCaseAreAccepted)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Pay basis", 0) = text_cell("ANNÉE");
    table_at(workbook, "Participation", "Role", 2) = text_cell("Formateur");
    table_at(workbook, "Expenses", "Expense kind", 2) = text_cell("Frais_Déplacement");
    table_at(workbook, "Participation", "Role", 0) = Cell{}; // empty: a participant
    EXPECT_TRUE(validate(workbook).findings.empty()) << describe(validate(workbook));
}
