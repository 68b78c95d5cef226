// What an LMS tracks (issue 12, item 4; template 1.2): the Activities' Format, the
// Participation's Completed and Proof of participation, the optional Certifications sheet,
// the s. 1(7) conditions for coaching, mentoring and on-the-job formats, and I-CERT-EXPIRED.
#include "workbook_fixture.hxx"

#include <algorithm>

using namespace fixture;

namespace
{
struct CertificationRow
{
    std::string employee_id;
    std::string certification;
    std::optional<CivilDate> obtained_on;
    std::optional<CivilDate> expires_on;
    std::string renewal_activity_id;
};

std::size_t sheet_index(const Workbook& workbook, const std::string& name)
{
    for (std::size_t index = 0; index < workbook.sheets.size(); ++index)
        if (workbook.sheets[index].name == name)
            return index;
    throw std::runtime_error("no sheet " + name);
}

// The fixture's workbook as template 1.2: Format after the last Activities column, Completed
// and Proof of participation after the last Participation column (every activity in the
// classroom, every row completed), and a Certifications sheet before the Summary.
Workbook with_lms(Workbook workbook,
                  const std::vector<CertificationRow>& certifications,
                  Language language = Language::en)
{
    const bool fr = language == Language::fr;
    workbook.properties["OnePercentTemplateVersion"] = "1.2";
    Sheet& activities = sheet_named(workbook, fr ? "Activités" : "Activities");
    const std::size_t format = activities.columns;
    put(activities, 0, format, text_cell("Format"));
    for (std::size_t row = 1; row < activities.rows; ++row)
        put(activities, row, format, text_cell(fr ? "en-classe" : "classroom"));
    Sheet& participation = sheet_named(workbook, "Participation");
    const std::size_t completed = participation.columns;
    put(participation, 0, completed, text_cell(fr ? "Terminé" : "Completed"));
    put(participation, 0, completed + 1,
        text_cell(fr ? "Preuve de participation" : "Proof of participation"));
    for (std::size_t row = 1; row < participation.rows; ++row)
    {
        put(participation, row, completed, text_cell(fr ? "oui" : "yes"));
        put(participation, row, completed + 1,
            text_cell("Attendance sheet " + std::to_string(row)));
    }
    Sheet sheet;
    sheet.name = "Certifications";
    const char* const headers_en[] = {"Employee ID", "Certification", "Obtained on", "Expires on",
                                      "Renewal activity ID"};
    const char* const headers_fr[] = {"No employé", "Certification", "Obtenue le", "Expire le",
                                      "No activité de renouvellement"};
    for (std::size_t column = 0; column < 5; ++column)
        put(sheet, 0, column, text_cell(fr ? headers_fr[column] : headers_en[column]));
    for (std::size_t index = 0; index < certifications.size(); ++index)
    {
        const CertificationRow& row = certifications[index];
        const std::size_t r = index + 1;
        put_text(sheet, r, 0, row.employee_id);
        put_text(sheet, r, 1, row.certification);
        if (row.obtained_on)
            put(sheet, r, 2, number_cell(serial_of(*row.obtained_on)));
        if (row.expires_on)
            put(sheet, r, 3, number_cell(serial_of(*row.expires_on)));
        put_text(sheet, r, 4, row.renewal_activity_id);
    }
    const std::size_t summary = sheet_index(workbook, fr ? "Sommaire" : "Summary");
    workbook.sheets.insert(workbook.sheets.begin() + static_cast<std::ptrdiff_t>(summary), sheet);
    return workbook;
}

const std::vector<CertificationRow> valid_certifications{
    {"E1", "Forklift operator card", CivilDate{2023, 4, 1}, CivilDate{2026, 3, 31}, ""},
    {"E2", "Forklift operator card", CivilDate{2022, 5, 1}, CivilDate{2025, 5, 1}, "A1"},
    {"E3", "First aid", std::nullopt, std::nullopt, ""}, // does not expire
};

Workbook lms_workbook(Language language = Language::en)
{
    return with_lms(clean_workbook(language), valid_certifications, language);
}

std::string rules_of(const Report& report)
{
    std::string rules;
    for (const Finding& finding : report.findings)
        rules += finding.rule_id + " " + finding.location() + "\n";
    return rules;
}
} // namespace

// ---- The contract: 1.2 reads, 1.1 and 1.0 files stay valid ---------------------------------

TEST(ValidationLms, ATemplateOneTwoWorkbookWithEveryNewInputIsClean)
{
    for (Language language : {Language::en, Language::fr})
    {
        const Report report = validate(lms_workbook(language));
        EXPECT_TRUE(report.findings.empty()) << describe(report);
        EXPECT_GT(report.checks.at("I-CERT-EXPIRED"), 0u);
    }
}

TEST(ValidationLms, AOneOneWorkbookWithoutTheNewColumnsAndSheetStaysValid)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "1.1";
    const Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_EQ(report.checks.at("I-CERT-EXPIRED"), 0u);
}

TEST(ValidationLms, VersionOneTwoIsKnownAndOneThreeIsNewer)
{
    Workbook workbook = lms_workbook();
    EXPECT_TRUE(findings_of(validate(workbook), "T-TEMPLATE-VERSION").empty());
    workbook.properties["OnePercentTemplateVersion"] = "1.3";
    const std::vector<Finding> found = findings_of(validate(workbook), "T-TEMPLATE-VERSION");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
    EXPECT_NE(found[0].message_en.find("1.2"), std::string::npos) << found[0].message_en;
}

TEST(ValidationLms, ACertificationsSheetMissingAColumnIsReported)
{
    Workbook workbook = lms_workbook();
    sheet_named(workbook, "Certifications").cells[3] = text_cell("Expiry"); // D1
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-MISSING-COLUMN", Severity::error, "Certifications");
    EXPECT_NE(finding.message_en.find("Expires on"), std::string::npos);
    EXPECT_TRUE(findings_of(report, "T-MISSING-SHEET").empty());
}

// ---- Format --------------------------------------------------------------------------------

TEST(ValidationLmsFormat, EveryListedWordInEitherLanguageAnyCaseIsAccepted)
{
    for (const char* word :
         {"classroom", "E-Learning", "WORKSHOP", "coaching", "mentoring", "on-the-job", "event",
          "en-classe", "en-ligne", "atelier", "mentorat", "En-Emploi", "colloque", ""})
    {
        Workbook workbook = lms_workbook();
        table_at(workbook, "Activities", "Format", 2) = text_cell(word); // A3, no participant
        const Report report = validate(workbook);
        EXPECT_TRUE(report.findings.empty()) << word << "\n" << describe(report);
    }
}

TEST(ValidationLmsFormat, AnotherWordOrSpacesAroundItIsAnUnknownKeyword)
{
    // The Summary counts the hours by format with SUMIF, which matches the listed spellings
    // only: " coaching" or "en classe" would be left out of the indicators.
    for (const char* word : {"webinar", " coaching", "en classe", "e_learning", "atélier"})
    {
        Workbook workbook = lms_workbook();
        table_at(workbook, "Activities", "Format", 2) = text_cell(word);
        const Report report = validate(workbook);
        const Finding finding =
            only_finding(report, "D-UNKNOWN-KEYWORD", Severity::error, "Activities!P4");
        EXPECT_EQ(finding.value, std::string(word).substr(word[0] == ' ' ? 1 : 0)) << word;
        EXPECT_NE(finding.message_en.find("classroom, e-learning, workshop"), std::string::npos)
            << finding.message_en;
        EXPECT_NE(finding.message_fr.find("en-classe, en-ligne, atelier"), std::string::npos)
            << finding.message_fr;
        EXPECT_EQ(report.findings.size(), 1u) << word << "\n" << describe(report);
    }
}

TEST(ValidationLmsFormat, ANumberIsAnUnknownKeyword)
{
    Workbook workbook = lms_workbook();
    table_at(workbook, "Activities", "Format", 0) = number_cell(3);
    only_finding(validate(workbook), "D-UNKNOWN-KEYWORD", Severity::error, "Activities!P2");
}

// ---- s. 1(7) by Format ---------------------------------------------------------------------

TEST(ValidationLmsOnTheJob, ACoachingActivityWithoutSupervisionIsHeldToSection1Paragraph7)
{
    // A1 has participants (E1, E2); its "On-the-job or e-learning" is no.
    Workbook workbook = lms_workbook();
    table_at(workbook, "Activities", "Format", 0) = text_cell("coaching");
    table_at(workbook, "Activities", "Supervision or interaction", 0) = text_cell("no");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "R-S1-ON-THE-JOB", Severity::error, "Activities!L2");
    EXPECT_NE(finding.message_en.find("coaching activity A1"), std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.message_fr.find("coaching A1"), std::string::npos) << finding.message_fr;
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationLmsOnTheJob, MentoringAndOnTheJobToo)
{
    for (const char* word : {"mentorat", "mentoring", "on-the-job", "en-emploi"})
    {
        Workbook workbook = lms_workbook();
        table_at(workbook, "Activities", "Format", 0) = text_cell(word);
        table_at(workbook, "Activities", "Planned duration (h)", 0) = Cell{};
        const Report report = validate(workbook);
        only_finding(report, "R-S1-ON-THE-JOB", Severity::error, "Activities!K2");
    }
}

TEST(ValidationLmsOnTheJob, OtherFormatsAreNotAndTheirConditionsAreMet)
{
    // Classroom, workshop, event and e-learning bring no condition of their own (e-learning is
    // held to s. 1(7) through "On-the-job or e-learning", which the user sets for individual
    // learning); a coaching activity with duration and supervision passes.
    for (const char* word : {"classroom", "workshop", "event", "e-learning", "en-ligne"})
    {
        Workbook workbook = lms_workbook();
        table_at(workbook, "Activities", "Format", 0) = text_cell(word);
        table_at(workbook, "Activities", "Supervision or interaction", 0) = text_cell("no");
        EXPECT_TRUE(findings_of(validate(workbook), "R-S1-ON-THE-JOB").empty()) << word;
    }
    Workbook workbook = lms_workbook();
    table_at(workbook, "Activities", "Format", 0) = text_cell("Coaching");
    const Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_GT(report.checks.at("R-S1-ON-THE-JOB"), 0u);
}

TEST(ValidationLmsOnTheJob, WithoutParticipantsACoachingActivityIsNotChecked)
{
    Workbook workbook = lms_workbook();
    table_at(workbook, "Activities", "Format", 2) = text_cell("coaching"); // A3: no row
    table_at(workbook, "Activities", "Supervision or interaction", 2) = text_cell("no");
    EXPECT_TRUE(validate(workbook).findings.empty());
}

// ---- Participation: Completed and Proof ----------------------------------------------------

TEST(ValidationLmsParticipation, CompletedIsYesOrNo)
{
    Workbook workbook = lms_workbook();
    table_at(workbook, "Participation", "Completed", 1) = text_cell("almost");
    table_at(workbook, "Participation", "Completed", 2) = text_cell("Non");
    table_at(workbook, "Participation", "Completed", 3) = number_cell(0);
    table_at(workbook, "Participation", "Proof of participation", 0) = Cell{};
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "D-TYPE", Severity::error, "Participation!H3");
    EXPECT_EQ(finding.value, "almost");
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

// ---- Certifications and I-CERT-EXPIRED -----------------------------------------------------

TEST(ValidationLmsCertifications, ExpiredBeforeTheYearsEndWithoutRenewalIsAnInfoNote)
{
    std::vector<CertificationRow> rows = valid_certifications;
    rows.push_back(
        {"E3", "Forklift operator card", CivilDate{2022, 9, 30}, CivilDate{2025, 9, 30}, ""});
    const Report report = validate(with_lms(clean_workbook(), rows));
    const Finding finding =
        only_finding(report, "I-CERT-EXPIRED", Severity::info, "Certifications!D5");
    EXPECT_EQ(finding.value, "2025-09-30");
    EXPECT_NE(finding.message_en.find("Forklift operator card"), std::string::npos);
    EXPECT_NE(finding.message_en.find("E3"), std::string::npos);
    EXPECT_NE(finding.fix_en.find("E5"), std::string::npos) << finding.fix_en; // the renewal cell
    EXPECT_NE(finding.message_fr.find("a expiré le 2025-09-30"), std::string::npos);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
    EXPECT_EQ(report.count(Severity::error), 0u);
}

TEST(ValidationLmsCertifications, ValidOnTheThirtyFirstOfDecemberIsNotExpired)
{
    for (const CivilDate expires : {CivilDate{2025, 12, 31}, CivilDate{2026, 1, 1}})
    {
        const Report report = validate(with_lms(
            clean_workbook(), {{"E1", "Crane operator", CivilDate{2020, 1, 1}, expires, ""}}));
        EXPECT_TRUE(report.findings.empty()) << describe(report);
    }
    const Report report = validate(
        with_lms(clean_workbook(),
                 {{"E1", "Crane operator", CivilDate{2020, 1, 1}, CivilDate{2025, 12, 30}, ""}}));
    only_finding(report, "I-CERT-EXPIRED", Severity::info, "Certifications!D2");
}

TEST(ValidationLmsCertifications, AnExpiredOneRenewedByAListedActivityIsNotNoted)
{
    const Report report = validate(
        with_lms(clean_workbook(),
                 {{"E1", "Crane operator", CivilDate{2019, 1, 1}, CivilDate{2021, 1, 1}, "A2"}}));
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(ValidationLmsCertifications, AnUnlistedRenewalActivityOrEmployeeIsAnUnknownReference)
{
    const Report report = validate(
        with_lms(clean_workbook(),
                 {{"E1", "Crane operator", CivilDate{2019, 1, 1}, CivilDate{2021, 1, 1}, "A9"},
                  {"E7", "First aid", CivilDate{2024, 1, 1}, CivilDate{2027, 1, 1}, ""}}));
    const std::vector<Finding> found = findings_of(report, "D-UNKNOWN-REF");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].location(), "Certifications!E2");
    EXPECT_EQ(found[0].value, "A9");
    EXPECT_NE(found[0].message_en.find("activity"), std::string::npos);
    EXPECT_EQ(found[1].location(), "Certifications!A3");
    EXPECT_TRUE(findings_of(report, "I-CERT-EXPIRED").empty()) << describe(report);
    EXPECT_EQ(report.findings.size(), 2u) << describe(report);
}

TEST(ValidationLmsCertifications, RequiredValuesAndDates)
{
    Workbook workbook =
        with_lms(clean_workbook(), {{"E1", "", CivilDate{2024, 1, 1}, CivilDate{2027, 1, 1}, ""}});
    sheet_named(workbook, "Certifications").cells[1 * 5 + 3] = text_cell("next spring"); // D2
    const Report report = validate(workbook);
    only_finding(report, "D-REQUIRED", Severity::error, "Certifications!B2");
    const Finding type = only_finding(report, "D-TYPE", Severity::error, "Certifications!D2");
    EXPECT_EQ(type.value, "next spring");
    EXPECT_TRUE(findings_of(report, "I-CERT-EXPIRED").empty());
}

TEST(ValidationLmsCertifications, FrenchHeadersAndASheetNamedInFrench)
{
    std::vector<CertificationRow> rows = valid_certifications;
    rows.push_back({"E2", "Carte de cariste", CivilDate{2022, 9, 30}, CivilDate{2024, 9, 30}, ""});
    const Report report = validate(with_lms(clean_workbook(Language::fr), rows, Language::fr));
    only_finding(report, "I-CERT-EXPIRED", Severity::info, "Certifications!D5");
    EXPECT_EQ(report.findings.size(), 1u) << rules_of(report);
}

TEST(ValidationLmsCertifications, WithoutAFiscalYearNothingIsNoted)
{
    std::vector<CertificationRow> rows = valid_certifications;
    rows.push_back(
        {"E3", "Forklift operator card", CivilDate{2022, 9, 30}, CivilDate{2025, 9, 30}, ""});
    Workbook workbook = with_lms(clean_workbook(), rows);
    form_at(workbook, "Employer", "Fiscal year") = Cell{};
    EXPECT_TRUE(findings_of(validate(workbook), "I-CERT-EXPIRED").empty());
}

TEST(ValidationLmsCatalogue, TheNoteIsInformationWithoutALegalReferenceInEveryRuleSet)
{
    const Rule* rule = find_rule("I-CERT-EXPIRED");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->severity, Severity::info);
    EXPECT_TRUE(rule->legal_reference.empty());
    EXPECT_NE(rule->help_en.find("does not require"), std::string::npos);
    EXPECT_NE(rule->help_fr.find("n'exige pas"), std::string::npos);
    for (int year : {2015, 2023, 2025})
    {
        const RuleSet& set = rule_set_for_year(year);
        EXPECT_NE(std::find(set.rule_ids.begin(), set.rule_ids.end(), "I-CERT-EXPIRED"),
                  set.rule_ids.end())
            << year;
    }
}
