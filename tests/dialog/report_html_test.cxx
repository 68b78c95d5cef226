// The HTML report: escaped, in the chosen language, every finding.
#include "function_reference.hxx"
#include "report_html.hxx"

#include <gtest/gtest.h>

namespace onepercent::calc_dialog
{
namespace
{
Report report_with_markup()
{
    Report report;
    report.file = "<client> & co.ods";
    report.is_template = true;
    report.rule_set_version = "2024.1";
    report.rule_set_effective = {2024, 1, 1};
    report.tool_version = "0.1.0";
    Finding finding;
    finding.rule_id = "D-AMOUNT";
    finding.severity = Severity::error;
    finding.sheet = "Expenses";
    finding.cell = "H4";
    finding.value = "<script>alert('x')</script>";
    finding.message_en = "Amount \"negative\" < 0";
    finding.message_fr = "Montant « négatif » < 0";
    report.findings.push_back(finding);
    return report;
}
} // namespace

TEST(HtmlEscape, EscapesTheFiveCharacters)
{
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(ReportHtml, EnglishPageIsEscaped)
{
    const std::string page =
        report_html(FindingsView(report_with_markup(), {"Expenses"}, Language::en));
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(page.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_EQ(page.find("<script>"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page.find("&lt;client&gt; &amp; co.ods"), std::string::npos);
    EXPECT_NE(page.find("Amount &quot;negative&quot; &lt; 0"), std::string::npos);
    EXPECT_NE(page.find("Expenses!H4"), std::string::npos);
    EXPECT_NE(page.find("NOT COMPLIANT"), std::string::npos);
    EXPECT_NE(page.find("</html>"), std::string::npos);
}

TEST(ReportHtml, FrenchPage)
{
    const std::string page =
        report_html(FindingsView(report_with_markup(), {"Expenses"}, Language::fr));
    EXPECT_NE(page.find("<html lang=\"fr\">"), std::string::npos);
    EXPECT_NE(page.find("Rapport de validation OnePercent"), std::string::npos);
    EXPECT_NE(page.find("Montant « négatif » &lt; 0"), std::string::npos);
    EXPECT_NE(page.find("NON CONFORME"), std::string::npos);
}

TEST(ReportHtml, SaysWhenThereIsNoFinding)
{
    Report report = report_with_markup();
    report.findings.clear();
    const std::string page = report_html(FindingsView(report, {}, Language::en));
    EXPECT_NE(page.find("No finding."), std::string::npos);
    EXPECT_NE(page.find("COMPLIANT"), std::string::npos);
}

TEST(FunctionReference, KeepsOursSortedWithOptionalArguments)
{
    EXPECT_TRUE(is_onepercent_function("TRAINING.HOURLYRATE"));
    EXPECT_TRUE(is_onepercent_function("FORMATION.TAUXHORAIRE"));
    EXPECT_FALSE(is_onepercent_function("TRAINING."));
    EXPECT_FALSE(is_onepercent_function("SUM"));
    std::vector<FunctionInfo> functions = {
        {"TRAINING.WAGES", "Wages", {{"hours", false}, {"rate", false}}},
        {"TRAINING.HOURLYRATE", "Hourly wage", {{"amount", false}, {"basis", true}}}};
    const auto table = function_reference_table(functions, Language::en);
    ASSERT_EQ(table.size(), 5u);
    EXPECT_EQ(table[2], (std::vector<std::string>{"Function", "Arguments", "Description"}));
    EXPECT_EQ(table[3],
              (std::vector<std::string>{"TRAINING.HOURLYRATE", "amount; [basis]", "Hourly wage"}));
    EXPECT_EQ(table[4][0], "TRAINING.WAGES");
    EXPECT_EQ(function_reference_table(functions, Language::fr)[2][0], "Fonction");
}

TEST(FunctionReference, SaysToFormatTheRetentionEndAsADate)
{
    std::vector<FunctionInfo> functions = {
        {"TRAINING.RETENTIONEND", "Date until which documents are kept", {{"last_year", false}}},
        {"FORMATION.FINCONSERVATION", "Date de fin de conservation", {{"annee", false}}}};
    EXPECT_NE(function_reference_table(functions, Language::en)[4][2].find("formatted as a date"),
              std::string::npos);
    EXPECT_NE(function_reference_table(functions, Language::fr)[3][2].find("format date"),
              std::string::npos);
    EXPECT_FALSE(returns_a_date("TRAINING.WAGES"));
}
} // namespace onepercent::calc_dialog
