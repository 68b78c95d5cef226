// Reports: text for people, JSON (the whole Report) and SARIF 2.1.0.
#include "workbook_fixture.hxx"

using namespace fixture;

namespace
{
// A report with findings of each severity, and an unreadable file.
std::vector<Report> sample_reports()
{
    WorkbookData data = clean_data();
    data.year = 2022; // s. 3 return recalled up to 2022 (issue 7, item 12)
    for (ActivityRow& activity : data.activities)
        activity.completion.year = activity.start.year = 2022;
    data.participation.clear();
    data.expenses[0].document = "";
    Workbook workbook = build_workbook(data);
    workbook.file_name = "dir/client \"2023\".ods";
    workbook.properties["OnePercentTemplateVersion"] = "1.3"; // newer than the validator: a warning
    table_at(workbook, "Expenses", "Description", 1) = text_cell("tab\there\nline \x01 end");
    return {validate(workbook), unreadable_report("locked.ods", "", "password protected")};
}

// Brackets balance outside strings, and strings are closed.
bool json_balanced(const std::string& json)
{
    std::vector<char> stack;
    bool in_string = false;
    for (std::size_t index = 0; index < json.size(); ++index)
    {
        const char character = json[index];
        if (in_string)
        {
            if (character == '\\')
                ++index;
            else if (character == '"')
                in_string = false;
            else if (static_cast<unsigned char>(character) < 0x20)
                return false; // a raw control character in a string
            continue;
        }
        if (character == '"')
            in_string = true;
        else if (character == '{' || character == '[')
            stack.push_back(character);
        else if (character == '}' || character == ']')
        {
            if (stack.empty() || stack.back() != (character == '}' ? '{' : '['))
                return false;
            stack.pop_back();
        }
    }
    return stack.empty() && !in_string;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

TEST(ValidationTextReport, HeaderFilesVerdictGroupsChecksAndTotals)
{
    const std::vector<Report> reports = sample_reports();
    const std::string text = format_reports(reports, ReportFormat::text, Language::en);
    EXPECT_TRUE(contains(text, "onepercent-validate " + tool_version())) << text;
    EXPECT_TRUE(contains(text, "File: dir/client \"2023\".ods"));
    EXPECT_TRUE(contains(text, "SHA-256: " + reports[0].sha256));
    EXPECT_TRUE(contains(text, "Rule set: 2008.1, effective 2008-01-01"));
    EXPECT_TRUE(contains(text, "Verdict: fails (2 errors, 1 warning, 1 info)")) << text;
    EXPECT_TRUE(contains(text, "R-S4-DOCUMENT - Supporting document missing (error; CQLR, c. "
                               "D-8.3, r. 3, s. 4): 1 finding"))
        << text;
    EXPECT_TRUE(contains(text, "  Expenses!L2\n"));
    EXPECT_TRUE(contains(text, "Fix: enter in L2"));
    EXPECT_TRUE(contains(text, "Rules checked:"));
    EXPECT_TRUE(contains(text, "R-S3-RETURN"));
    EXPECT_TRUE(contains(text, "not validated: unreadable - password protected"));
    EXPECT_TRUE(contains(text, "\n2 files: 2 errors, 1 warning, 1 info\n")) << text;
}

TEST(ValidationTextReport, InFrench)
{
    const std::string text = format_reports(sample_reports(), ReportFormat::text, Language::fr);
    EXPECT_TRUE(contains(text, "Fichier : dir/client"));
    EXPECT_TRUE(contains(text, "Jeu de règles : 2008.1, en vigueur le 2008-01-01"));
    EXPECT_TRUE(contains(text, "Verdict : non conforme"));
    EXPECT_TRUE(contains(text, "Pièce justificative manquante"));
    EXPECT_TRUE(contains(text, "Correction : saisir dans L2"));
    EXPECT_TRUE(contains(text, "Règles vérifiées :"));
    EXPECT_TRUE(contains(text, "2 fichiers : 2 erreurs, 1 avertissement, 1 info")) << text;
}

TEST(ValidationTextReport, ACleanFilePasses)
{
    const Report report = validate(clean_workbook());
    const std::string text = format_reports({report}, ReportFormat::text, Language::en);
    EXPECT_TRUE(contains(text, "Verdict: passes (0 errors, 0 warnings, 0 infos)")) << text;
    ASSERT_TRUE(report.figures.has_contribution);
    EXPECT_TRUE(contains(text, "Employer: Atelier Boréal inc., fiscal year 2025, line 53: " +
                                   money_text(report.figures.contribution, Language::en)))
        << text;
    EXPECT_TRUE(contains(text, "1 file: 0 errors, 0 warnings, 0 infos"));
}

TEST(ValidationJsonReport, IsBalancedEscapedAndComplete)
{
    const std::string json = format_reports(sample_reports(), ReportFormat::json, Language::en);
    EXPECT_TRUE(json_balanced(json)) << json;
    for (const char* part :
         {"\"ruleId\":\"R-S4-DOCUMENT\"", "\"severity\":\"info\"", "\"location\":\"Expenses!L2\"",
          "\"file\":\"dir/client \\\"2023\\\".ods\"", "\"ruleSetVersion\":\"2008.1\"",
          "\"ruleSetEffective\":\"2008-01-01\"", "\"readable\":false",
          "\"readError\":\"password protected\"", "\"checks\":{", "\"R-S3-RETURN\":1",
          "\"figures\":{\"employerName\":\"Atelier Boréal inc.\"", "\"fiscalYear\":2022",
          "\"message\":{\"en\":", "\"fix\":{\"en\":", "\"fr\":\"la dépense X1",
          "\"totals\":{\"files\":2,\"errors\":2,\"warnings\":1,\"infos\":1,"
          "\"notValidated\":1}",
          "\"allValidated\":false"})
        EXPECT_TRUE(contains(json, part)) << part << "\n" << json;
}

TEST(ValidationJsonReport, EscapesControlCharactersAndBadBytes)
{
    Report report = unreadable_report("a\tb\x01\xff.ods", "", "line\nbreak");
    const std::string json = format_reports({report}, ReportFormat::json, Language::en);
    EXPECT_TRUE(json_balanced(json));
    EXPECT_TRUE(contains(json, "a\\tb\\u0001\xEF\xBF\xBD.ods")) << json;
    EXPECT_TRUE(contains(json, "line\\nbreak"));
}

TEST(ValidationSarifReport, HasTheSchemaRunRulesArtifactsAndResults)
{
    const std::vector<Report> reports = sample_reports();
    const std::string sarif = format_reports(reports, ReportFormat::sarif, Language::en);
    EXPECT_TRUE(json_balanced(sarif)) << sarif;
    for (const char* part :
         {"\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\"", "\"version\":\"2.1.0\"",
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"onepercent-validate\"",
          "\"informationUri\":", "\"rules\":[{\"id\":\"T-NOT-TEMPLATE\"",
          "\"defaultConfiguration\":{\"level\":\"note\"}",
          "\"properties\":{\"legalReference\":\"r. 3, s. 7(13)\",\"severity\":\"error\"}",
          "\"artifacts\":[{\"location\":{\"uri\":\"dir/client%20%222023%22.ods\"}",
          "\"hashes\":{\"sha-256\":", "\"ruleId\":\"R-S4-DOCUMENT\"", "\"level\":\"warning\"",
          "\"logicalLocations\":[{\"fullyQualifiedName\":\"Expenses!L2\",\"kind\":\"element\"}]",
          "\"artifactLocation\":{\"uri\":\"dir/client%20%222023%22.ods\",\"index\":0}",
          // locked.ods was not validated: the run is not successful (issue 9, item 6)
          "\"executionSuccessful\":false", "\"toolExecutionNotifications\":[{\"level\":\"error\"",
          "locked.ods: password protected", "\"properties\":{\"value\":"})
        EXPECT_TRUE(contains(sarif, part)) << part << "\n" << sarif;
}

TEST(ValidationSarifReport, RuleIndexPointsAtTheRule)
{
    const std::vector<Report> reports = sample_reports();
    const std::string sarif = format_reports(reports, ReportFormat::sarif, Language::fr);
    std::size_t index = 0;
    for (; index < rule_catalogue().size(); ++index)
        if (rule_catalogue()[index].id == "R-S4-DOCUMENT")
            break;
    EXPECT_TRUE(contains(
        sarif, "\"ruleId\":\"R-S4-DOCUMENT\",\"ruleIndex\":" + std::to_string(index) + ","));
    EXPECT_TRUE(contains(sarif, "Correction : saisir dans L2")) << sarif; // French messages
}
