// The HTML report shared by the dialog and `onepercent-validate --format html` (issue 10,
// item 5): it proves what the text report proves.
#include "html_report.hxx"

#include "../common/french_c_locale.hxx"

#include <gtest/gtest.h>

using namespace onepercent;
using namespace onepercent::validation;

namespace
{
Report filed_report()
{
    Report report;
    report.file = "client <1>.ods";
    report.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    report.tool_version = "0.1.0";
    report.rule_set_version = "2024.1";
    report.rule_set_effective = {2024, 1, 1};
    report.is_template = true;
    report.figures.employer_name = "Acme & fils";
    report.figures.fiscal_year = 2025;
    report.figures.computed.payroll = 2'500'000.0;
    report.figures.computed.contribution = 19788.11;
    report.figures.workbook.payroll = 2'500'000.0;
    report.figures.workbook.contribution = 0.0;
    Finding finding;
    finding.rule_id = "R-S7-ASSISTANCE";
    finding.severity = Severity::error;
    finding.legal_reference = "r. 3, s. 7(13)";
    finding.sheet = "Expenses";
    finding.cell = "K2";
    finding.value = "6800";
    finding.message_en = "net amount <b>";
    finding.message_fr = "montant net <b>";
    finding.fix_en = "enter $4,800.00";
    finding.fix_fr = "saisir 4 800,00 $";
    report.findings.push_back(finding);
    report.checks = {{"R-S7-ASSISTANCE", 12}, {"D-TYPE", 40}};
    return report;
}

bool has(const std::string& page, const std::string& text)
{
    return page.find(text) != std::string::npos;
}
} // namespace

TEST(HtmlReport, ProvesWhatTheTextReportProves)
{
    HtmlOptions options;
    options.generated = "2025-03-14 10:22 UTC";
    const std::string page = format_html({filed_report()}, Language::en, options);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(has(page, "<html lang=\"en\">"));
    EXPECT_TRUE(has(page, "2025-03-14 10:22 UTC")) << "date";
    EXPECT_TRUE(has(page, filed_report().sha256)) << "SHA-256";
    EXPECT_TRUE(has(page, "2024.1, in force since 2024-01-01")) << "rule set";
    EXPECT_TRUE(has(page, "OnePercent 0.1.0")) << "tool version";
    EXPECT_TRUE(has(page, "client &lt;1&gt;.ods"));
    EXPECT_TRUE(has(page, "Acme &amp; fils"));
    EXPECT_FALSE(has(page, "<b>"));
    // Every rule checked, with its checks and findings.
    EXPECT_TRUE(has(page, "<td>D-TYPE</td>"));
    EXPECT_TRUE(has(page, "<td>40</td><td>0</td>"));
    EXPECT_TRUE(has(page, "<td>12</td><td>1</td>"));
    // The figures: computed beside the workbook's, a difference marked.
    EXPECT_TRUE(has(page, "Computed by OnePercent"));
    EXPECT_TRUE(has(page, "<tr class=\"differs\"><td>Contribution to the WSDRF</td><td>$19,788.11"
                          "</td><td>$0.00</td></tr>"));
    EXPECT_TRUE(has(page, "CQLR, c. D-8.3, r. 3, s. 7(13)"));
    EXPECT_TRUE(has(page, "NOT COMPLIANT: 1 error to fix."));
    EXPECT_TRUE(has(page, "1 error, 0 warnings, 0 infos"));
    EXPECT_FALSE(has(page, "unsaved changes"));
}

TEST(HtmlReport, FrenchAmountsReferencesAndPlurals)
{
    const std::string page = format_html({filed_report(), filed_report()}, Language::fr);
    EXPECT_TRUE(has(page, "<html lang=\"fr\">"));
    EXPECT_TRUE(has(page, "19 788,11 $"));
    EXPECT_TRUE(has(page, "RLRQ, c. D-8.3, r. 3, art. 7(13)"));
    EXPECT_FALSE(has(page, "s. 7(13)"));
    EXPECT_TRUE(has(page, "NON CONFORME : 1 erreur à corriger."));
    EXPECT_TRUE(has(page, "1 erreur, 0 avertissement, 0 information"));
    EXPECT_TRUE(has(page, "2 fichiers, 2 erreurs"));
    EXPECT_TRUE(has(page, "Règles vérifiées"));
    EXPECT_TRUE(has(page, " UTC")) << "a report date by default";
}

TEST(HtmlReport, SaysWhenTheFiguresAreOfUnsavedChanges)
{
    Report report = filed_report();
    report.sha256.clear();
    HtmlOptions options;
    options.unsaved_changes = true;
    const std::string page = format_html({report}, Language::en, options);
    EXPECT_TRUE(has(page, "unsaved changes"));
    EXPECT_TRUE(has(page, "none: the document has changes not saved"));
    EXPECT_TRUE(has(format_html({report}, Language::fr, options), "non enregistrées"));
}

using HtmlReportInAFrenchLocale = test_locale::FrenchCLocale;

TEST_F(HtmlReportInAFrenchLocale, AmountsHaveNoSpaceBeforeTheComma)
{
    const std::string page = format_html({filed_report()}, Language::fr);
    EXPECT_TRUE(has(page, "19 788,11 $"));
    EXPECT_FALSE(has(page, " ,")) << page;
    EXPECT_TRUE(has(format_html({filed_report()}, Language::en), "$19,788.11"));
}

TEST(HtmlReport, IsTheCommandLinesHtmlFormat)
{
    const std::string page = format_reports({filed_report()}, ReportFormat::html, Language::en);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(has(page, "Rules checked"));
}

TEST(HtmlReport, NumbersInValuesTakeTheLanguagesDecimalMark)
{
    EXPECT_EQ(display_value("31.5", Language::fr), "31,5");
    EXPECT_EQ(display_value("-14", Language::fr), "-14");
    EXPECT_EQ(display_value("31.5", Language::en), "31.5");
    EXPECT_EQ(display_value("1(17.1)", Language::fr), "1(17.1)");
    EXPECT_EQ(display_value("2025-03-14", Language::fr), "2025-03-14");
    EXPECT_EQ(display_value("Err:502", Language::fr), "Err:502");
    EXPECT_EQ(display_value("1.2.3", Language::fr), "1.2.3");
}
