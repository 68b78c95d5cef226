// Regulation rules: CQLR c. D-8.3, r. 3, each with a failing and a passing case.
#include "workbook_fixture.hxx"

using namespace fixture;

TEST(ValidationRevoked, ATypedRevokedParagraphIsReported)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Paragraph", 2) = text_cell("1(20)");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S1-REVOKED", Severity::error, "Expenses!F4");
    EXPECT_EQ(finding.value, "1(20)");
    EXPECT_NE(finding.fix_en.find("1(16)"), std::string::npos); // what it should be
    only_finding(report, "T-FORMULA-OVERWRITTEN", Severity::error, "Expenses!F4");
}

TEST(ValidationRevoked, AParagraphInForceIsNot)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Paragraph", 2) = formula(number_cell(16), "=16");
    EXPECT_TRUE(findings_of(validate(workbook), "R-S1-REVOKED").empty());
}

TEST(ValidationNoParagraph, TuitionFromTheEmployerItselfHasNoParagraph)
{
    WorkbookData data = clean_data();
    data.expenses[0].activity_id = "A2"; // internal provider
    const Report report = validate(build_workbook(data));
    const Finding finding =
        only_finding(report, "R-S1-NO-PARAGRAPH", Severity::error, "Expenses!F2");
    EXPECT_NE(finding.message_en.find("internal"), std::string::npos);
    EXPECT_TRUE(findings_of(report, "T-ERROR-VALUE").empty());
}

TEST(ValidationNoParagraph, ATrainerOfAnAccreditedBodyHasNoParagraph)
{
    WorkbookData data = clean_data();
    data.participation[2].activity_id = "A4";
    const Report report = validate(build_workbook(data));
    only_finding(report, "R-S1-NO-PARAGRAPH", Severity::error, "Participation!E4");
}

TEST(ValidationOnTheJob, WithoutPlannedDurationOrSupervision)
{
    WorkbookData data = clean_data();
    data.activities[1].planned_duration = 0;
    data.activities[1].supervision = false;
    const Report report = validate(build_workbook(data));
    const std::vector<Finding> found = findings_of(report, "R-S1-ON-THE-JOB");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].location(), "Activities!K3");
    EXPECT_EQ(found[1].location(), "Activities!L3");
    EXPECT_TRUE(has_digit(found[0].fix_en));
    EXPECT_NE(found[1].fix_fr.find("1(7)"), std::string::npos);
}

TEST(ValidationOnTheJob, WithoutParticipantsTheConditionsDoNotApply)
{
    WorkbookData data = clean_data();
    data.activities[1].supervision = false;
    data.participation.pop_back(); // E2 participant in A2; E3 stays, a trainer
    const Report report = validate(build_workbook(data));
    EXPECT_TRUE(findings_of(report, "R-S1-ON-THE-JOB").empty()) << describe(report);
}

TEST(ValidationEvent, AnEventWithoutRegistrationCost)
{
    WorkbookData data = clean_data();
    data.expenses[4].registration_cost = 0;
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S1-EVENT", Severity::error, "Expenses!I6");
    EXPECT_NE(finding.fix_en.find("$600.00"), std::string::npos);
    EXPECT_NE(finding.fix_fr.find("600,00 $"), std::string::npos);
}

TEST(ValidationOrder, MembershipNotStated)
{
    WorkbookData data = clean_data();
    data.expenses[1].member = "";
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S1-ORDER", Severity::error, "Expenses!E3");
    EXPECT_NE(finding.fix_en.find("1(24)"), std::string::npos);
}

TEST(ValidationOrder, AParagraphThatContradictsMembership)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Expenses", "Paragraph", 1) = formula(text_cell("1(24)"), "=...");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S1-ORDER", Severity::error, "Expenses!F3");
    EXPECT_NE(finding.fix_en.find("1(6)"), std::string::npos);
    EXPECT_EQ(finding.value, "1(24)");
}

TEST(ValidationOrder, ANonMemberIsSectionTwentyFour)
{
    WorkbookData data = clean_data();
    data.expenses[1].member = "no";
    EXPECT_TRUE(validate(build_workbook(data)).findings.empty());
}

TEST(ValidationEmployee, AWageExpenseWithoutItsEmployee)
{
    WorkbookData data = clean_data();
    data.expenses[5].employee_id = "";
    const Report report = validate(build_workbook(data));
    only_finding(report, "R-S4-EMPLOYEE", Severity::error, "Expenses!C7");
    EXPECT_TRUE(findings_of(report, "D-REQUIRED").empty()) << describe(report);
}

TEST(ValidationEmployee, AParticipantWithoutANameIsReportedOnceOnTheName)
{
    WorkbookData data = clean_data();
    data.employees[1].name = ""; // E2: two participation rows
    const Report report = validate(build_workbook(data));
    only_finding(report, "R-S4-EMPLOYEE", Severity::error, "Employees!B3");
    EXPECT_TRUE(findings_of(report, "D-REQUIRED").empty()) << describe(report);
}

TEST(ValidationEmployee, AnUnnamedEmployeeWithoutWagesIsOnlyRequired)
{
    WorkbookData data = clean_data();
    data.employees.push_back({"E4", "", "year", 50'000, 50'000, 1.25});
    const Report report = validate(build_workbook(data));
    only_finding(report, "D-REQUIRED", Severity::error, "Employees!B5");
    EXPECT_TRUE(findings_of(report, "R-S4-EMPLOYEE").empty());
}

TEST(ValidationDocument, AnExpenseWithoutSupportingDocument)
{
    WorkbookData data = clean_data();
    data.expenses[0].document = "";
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S4-DOCUMENT", Severity::error, "Expenses!L2");
    EXPECT_NE(finding.message_en.find("$10,000.00"), std::string::npos);
}

TEST(ValidationPlan, AnInternalTrainerWithoutProofOfConsultation)
{
    WorkbookData data = clean_data();
    data.activities[1].consultation_proof = false;
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S4-PLAN", Severity::error, "Activities!G3");
    EXPECT_NE(finding.message_en.find("1(5)"), std::string::npos);
}

TEST(ValidationPlan, WithoutAttestationsEither)
{
    WorkbookData data = clean_data();
    data.activities[1].consultation_proof = false;
    data.activities[1].attestation_issued = false;
    const Report report = validate(build_workbook(data));
    EXPECT_EQ(findings_of(report, "R-S4-PLAN").size(), 2u) << describe(report);
}

TEST(ValidationPlan, ActivitiesNotUnderActSectionSixNeedNoProof)
{
    WorkbookData data = clean_data();
    data.activities[0].consultation_proof = false; // A1: s. 1(1) and 1(7), not 1(3) or 1(5)
    data.activities[0].attestation_issued = false;
    EXPECT_TRUE(validate(build_workbook(data)).findings.empty());
}

TEST(ValidationWages, WagesThatDoNotFollowHoursTimesRate)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Participation", "Wages", 0).number = 600; // formula kept, wrong result
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-WAGES", Severity::error, "Participation!F2");
    EXPECT_NE(finding.fix_en.find("$560.00"), std::string::npos); // 14 h x 40.00
    EXPECT_NE(finding.fix_fr.find("560,00 $"), std::string::npos);
    EXPECT_EQ(finding.value, "600");
}

TEST(ValidationWages, AWrongHourlyRateIsReportedOnceOnTheEmployee)
{
    Workbook workbook = clean_workbook();
    Cell& rate = table_at(workbook, "Employees", "Hourly rate", 1); // E2: 30 an hour
    rate.number = 32;
    // The rows of E2 follow the wrong rate, as the template's formulas would.
    table_at(workbook, "Participation", "Wages", 1).number = 14 * 32;
    table_at(workbook, "Participation", "Wages", 3).number = 20 * 32;
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-HOURLY", Severity::error, "Employees!E3");
    EXPECT_NE(finding.fix_en.find("30"), std::string::npos);
    EXPECT_TRUE(findings_of(report, "R-S7-WAGES").empty()) << describe(report);
}

TEST(ValidationHourly, AWeeklyRateIsFiftyTwoWeeksOverNineteenFifty)
{
    Workbook workbook = clean_workbook();
    table_at(workbook, "Employees", "Hourly rate", 2).number = 31.5;
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-HOURLY", Severity::error, "Employees!E4");
    EXPECT_NE(finding.fix_en.find("32"), std::string::npos); // 1200 x 52 / 1950 = 32
    EXPECT_NE(finding.fix_en.find("1950"), std::string::npos);
}

TEST(ValidationContributions, ContributionsThatDoNotFollowTheWages)
{
    Workbook workbook = clean_workbook();
    Cell& contributions = table_at(workbook, "Participation", "Contributions", 0);
    const double right = contributions.number;
    contributions.number = right + 10;
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "R-S7-CONTRIBUTIONS", Severity::error, "Participation!G2");
    EXPECT_NE(finding.fix_en.find(money_text(right, Language::en)), std::string::npos);
}

TEST(ValidationNonArmsLength, AnAmountOverTheParts)
{
    WorkbookData data = clean_data();
    data.expenses[3].amount = 3'000;
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S7-NONARMS", Severity::error, "Expenses!H5");
    EXPECT_NE(finding.fix_en.find("$2,800.00"), std::string::npos);
    EXPECT_NE(finding.fix_fr.find("2 800,00 $"), std::string::npos);
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report); // capped
}

TEST(ValidationNonArmsLength, AtArmsLengthThereIsNoCap)
{
    WorkbookData data = clean_data();
    data.expenses[0].amount = 50'000; // A1, at arm's length
    EXPECT_TRUE(validate(build_workbook(data)).findings.empty());
}

TEST(ValidationAssistance, ANetAmountThatIgnoresTheAssistance)
{
    Workbook workbook = clean_workbook();
    Cell& net = table_at(workbook, "Expenses", "Net amount", 0);
    net = number_cell(10'000); // typed: the gross amount
    // The eligible amount follows the net amount, as the template's formula does: the wrong
    // row is reported once, on the net amount.
    table_at(workbook, "Expenses", "Eligible amount", 0).number = 10'000;
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-S7-ASSISTANCE", Severity::error, "Expenses!K2");
    EXPECT_EQ(finding.fix_en, "net amount should be $7,500.00: $10,000.00 less $2,500.00 of "
                              "assistance");
    EXPECT_EQ(finding.fix_fr,
              "le montant net devrait être 7 500,00 $ : 10 000,00 $ moins 2 500,00 $ d'aide");
    only_finding(report, "T-FORMULA-OVERWRITTEN", Severity::error, "Expenses!K2");
}

TEST(ValidationAssistance, AnExemptEmployerKeepsTheFullAmount)
{
    WorkbookData data = clean_data();
    data.exempt_category = "childcare";
    EXPECT_TRUE(validate(build_workbook(data)).findings.empty());
    Workbook workbook = build_workbook(data);
    table_at(workbook, "Expenses", "Net amount", 0).number = 7'500;
    table_at(workbook, "Expenses", "Eligible amount", 0).number = 7'500; // follows the net
    const Finding finding =
        only_finding(validate(workbook), "R-S7-ASSISTANCE", Severity::error, "Expenses!K2");
    EXPECT_NE(finding.fix_en.find("$10,000.00"), std::string::npos);
}

TEST(ValidationYear, TrainingCompletedAfterTheFiscalYear)
{
    WorkbookData data = clean_data();
    data.activities[3].completion = CivilDate{2026, 2, 13};
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S7-YEAR", Severity::error, "Expenses!B5");
    EXPECT_NE(finding.fix_en.find("2026"), std::string::npos);
    EXPECT_EQ(finding.value, "A4");
    EXPECT_TRUE(findings_of(report, "R-ACT-SUMMARY").empty()) << describe(report);
}

TEST(ValidationYear, ParticipationInALaterYearIsReportedToo)
{
    WorkbookData data = clean_data();
    data.activities[0].completion = CivilDate{2026, 1, 10};
    const Report report = validate(build_workbook(data));
    const std::vector<Finding> found = findings_of(report, "R-S7-YEAR");
    ASSERT_EQ(found.size(), 4u) << describe(report); // 2 participation rows, 2 expenses
    EXPECT_EQ(found[0].location(), "Participation!B2");
}

TEST(ValidationOhs, HealthAndSafetyNotIntegralToTheJob)
{
    WorkbookData data = clean_data();
    data.activities[0].ohs_integral = false;
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S7-OHS", Severity::error, "Activities!O2");
    EXPECT_NE(finding.fix_en.find("7(3.2)"), std::string::npos);
}

TEST(ValidationSummary, ATypedLineFiftyThreeIsRecomputed)
{
    WorkbookData data = clean_data();
    data.payroll = 5'000'000; // minimum 50,000: a contribution is due
    Workbook workbook = build_workbook(data);
    Cell& line53 = form_at(workbook, "Summary", "Line 53: contribution to the WSDRF");
    const double right = line53.number;
    ASSERT_GT(right, 0);
    line53 = formula(number_cell(0), "=...");
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "R-ACT-SUMMARY", Severity::error, "Summary!B10");
    EXPECT_NE(finding.fix_en.find(money_text(right, Language::en)), std::string::npos);
    EXPECT_NE(finding.fix_fr.find(money_text(right, Language::fr)), std::string::npos);
}

TEST(ValidationSummary, SubjectAndEachLineAreChecked)
{
    Workbook workbook = clean_workbook();
    form_at(workbook, "Summary", "Subject to the 1 % law").number = 0;
    form_at(workbook, "Summary", "Net eligible expenses").number += 100;
    const Report report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "R-ACT-SUMMARY");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].location(), "Summary!B2");
    EXPECT_NE(found[0].fix_en.find("$2,000,000.00"), std::string::npos);
    EXPECT_EQ(found[1].location(), "Summary!B6");
}

TEST(ValidationSummary, NotSubjectMeansNoContribution)
{
    WorkbookData data = clean_data();
    data.payroll = 2'000'000; // exactly the threshold: not subject
    EXPECT_TRUE(validate(build_workbook(data)).findings.empty());
}

TEST(ValidationAnnualReturn, NotAppliedFrom2024)
{
    WorkbookData data = clean_data();
    data.year = 2024;
    for (ActivityRow& activity : data.activities)
        activity.completion.year = activity.start.year = 2024;
    const Report report = validate(build_workbook(data));
    EXPECT_EQ(report.rule_set_version, "2024.1");
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationFrenchMessages, FindingsSpeakFrenchToo)
{
    WorkbookData data = clean_data(Language::fr);
    data.expenses[0].document = "";
    const Report report = validate(build_workbook(data));
    const Finding finding = only_finding(report, "R-S4-DOCUMENT", Severity::error, "Dépenses!L2");
    EXPECT_NE(finding.message_fr.find("pièce justificative"), std::string::npos);
    EXPECT_NE(finding.message_fr.find("10 000,00 $"), std::string::npos);
    EXPECT_NE(finding.fix_fr.find("6 ans"), std::string::npos);
}
