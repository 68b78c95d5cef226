// The portfolio summary (issue 12, item 1): rows from reports, CSV (RFC 4180, no formula
// injection, decimal points whatever the locale), JSON (read back strictly), the HTML page
// (hostile names stay text, nothing external, a CSP by hash, French amounts) and the merge of
// summaries made on several machines (the carry-forward chain checked again across them).
#include "../common/french_c_locale.hxx"
#include "html_report.hxx"
#include "portfolio_summary.hxx"
#include "sha256.hxx"
#include "workbook_fixture.hxx"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fixture;

namespace
{
bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, const std::string& part)
{
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

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
    for (ExpenseRow& expense : data.expenses)
        expense.document += "-" + std::to_string(year);
    return data;
}

Report validated(const WorkbookData& data, const std::string& file)
{
    Workbook workbook = build_workbook(data);
    workbook.file_name = file;
    Report report = validate(workbook, CivilDate{2026, 11, 30});
    report.file = file;
    report.sha256 = sha256_hex(file);
    report.reader = "direct";
    return report;
}

// A client's 2024 and 2025, the 2025 line 75 off by `offset` from what 2024 hands on.
std::vector<Report> two_years(double offset)
{
    const Report first = validated(year_of(2024), "clients/acme-2024.ods");
    WorkbookData second = year_of(2025);
    second.carried_forward = *first.figures.workbook.carry_forward + offset;
    return {first, validated(second, "clients/acme-2025.ods")};
}

std::vector<SummaryRow> rows_of(std::vector<Report> reports)
{
    check_across_files(reports);
    return summary_rows(reports);
}

std::vector<SummaryRow> read_back(const std::vector<SummaryRow>& rows)
{
    return read_summary_json(format_summary(rows, SummaryFormat::json, Language::en));
}

SummaryRow hostile_row()
{
    SummaryRow row;
    row.file = "=cmd|' /C calc'!A0.ods";
    row.client = "<script>alert(\"x\")</script> & \"Acme\", inc.\r\nline 2";
    row.neq = "+1234567890";
    row.fiscal_year = 2025;
    row.flavour = "@linked";
    row.template_version = "-1.1";
    row.computed.contribution = 19'788.11;
    row.computed.payroll = 2'480'000;
    row.reader = "direct";
    row.sha256 = std::string(64, 'a');
    row.retention_until = CivilDate{2031, 12, 31};
    return row;
}
} // namespace

TEST(PortfolioSummary, OneRowPerFileWithTheComputedFigures)
{
    const std::vector<SummaryRow> rows = rows_of(two_years(0.0));
    ASSERT_EQ(rows.size(), 2u);
    const SummaryRow& row = rows[1];
    EXPECT_EQ(row.file, "clients/acme-2025.ods");
    EXPECT_EQ(row.client, "Atelier Boréal inc.");
    EXPECT_EQ(row.neq, "1234567890");
    EXPECT_EQ(row.fiscal_year, 2025);
    ASSERT_TRUE(row.computed.payroll);
    EXPECT_EQ(*row.computed.payroll, 2'500'000);
    EXPECT_TRUE(row.computed.contribution);
    EXPECT_TRUE(row.computed.carried_in);
    EXPECT_EQ(row.errors, 0u);
    EXPECT_EQ(verdict_key(row), "passes");
    EXPECT_EQ(row.reader, "direct");
    EXPECT_EQ(row.sha256.size(), 64u);
    ASSERT_TRUE(row.retention_until);
    EXPECT_EQ(row.retention_until->year, 2031);
    EXPECT_TRUE(row.across_files.empty());
}

TEST(PortfolioSummary, ABrokenChainIsOnTheLaterRow)
{
    const std::vector<SummaryRow> rows = rows_of(two_years(500.0));
    EXPECT_TRUE(rows[0].across_files.empty());
    ASSERT_EQ(rows[1].across_files.size(), 1u);
    EXPECT_EQ(rows[1].across_files[0].rule_id, "R-ACT-CARRY-CHAIN");
    EXPECT_EQ(rows[1].across_files[0].location, "Summary!B7");
    EXPECT_TRUE(contains(rows[1].across_files[0].message_en, "acme-2024.ods"));
    EXPECT_EQ(rows[1].errors, 1u);
    EXPECT_EQ(verdict_key(rows[1]), "fails");
    const std::string csv = format_summary(rows, SummaryFormat::csv, Language::en);
    EXPECT_TRUE(contains(csv, ",fails,1,0,")) << csv;
    EXPECT_TRUE(contains(csv, ",R-ACT-CARRY-CHAIN,")) << csv;
    SummaryRow twice = rows[1];
    twice.across_files.push_back(
        {"R-S7-CLAIMED-TWICE", Severity::warning, "Expenses!L2", "twice", "deux fois"});
    twice.across_files.push_back(
        {"R-S7-CLAIMED-TWICE", Severity::warning, "Expenses!L3", "twice", "deux fois"});
    EXPECT_TRUE(contains(format_summary({twice}, SummaryFormat::csv, Language::en),
                         ",\"R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE (2)\","));
}

TEST(PortfolioSummary, FormatByExtension)
{
    EXPECT_EQ(summary_format_of("a/b.csv"), SummaryFormat::csv);
    EXPECT_EQ(summary_format_of("PORTFOLIO.HTML"), SummaryFormat::html);
    EXPECT_EQ(summary_format_of("x.htm"), SummaryFormat::html);
    EXPECT_EQ(summary_format_of("shard-1.json"), SummaryFormat::json);
    EXPECT_EQ(summary_format_of("summary.txt"), std::nullopt);
    EXPECT_EQ(summary_format_of("summary"), std::nullopt);
    EXPECT_EQ(summary_format_of("dir.csv/summary"), std::nullopt);
}

TEST(PortfolioSummaryCsv, Rfc4180WithAHeaderAndNoFormulaInjection)
{
    const std::string csv = format_summary({hostile_row()}, SummaryFormat::csv, Language::fr);
    const std::string header =
        "file,client,neq,fiscal_year,flavour,template_version,payroll,minimum,eligible,"
        "carried_in,contribution,carry_forward,verdict,errors,warnings,infos,reader,sha256,"
        "retention_until,across_files,note\r\n";
    ASSERT_EQ(csv.substr(0, header.size()), header);
    const std::string row = csv.substr(header.size());
    // A text that starts with = + - @ is prefixed with ', then quoted as RFC 4180 wants.
    EXPECT_EQ(row, "'=cmd|' /C calc'!A0.ods,"
                   "\"<script>alert(\"\"x\"\")</script> & \"\"Acme\"\", inc.\r\nline 2\","
                   "'+1234567890,2025,'@linked,'-1.1,2480000.00,,,,19788.11,,passes,0,0,0,direct," +
                       std::string(64, 'a') + ",2031-12-31,,\r\n");
}

class PortfolioSummaryInFrench : public test_locale::FrenchCLocale
{
};

TEST_F(PortfolioSummaryInFrench, NumbersKeepADecimalPointInTheFilesAndACommaOnThePage)
{
    const std::vector<SummaryRow> rows{hostile_row()};
    const std::string csv = format_summary(rows, SummaryFormat::csv, Language::fr);
    EXPECT_TRUE(contains(csv, ",2480000.00,,,,19788.11,")) << csv;
    const std::string json = format_summary(rows, SummaryFormat::json, Language::fr);
    EXPECT_TRUE(contains(json, "\"contribution\":19788.11")) << json;
    EXPECT_EQ(read_summary_json(json)[0].computed.contribution, 19'788.11);
    const std::string page = format_summary(rows, SummaryFormat::html, Language::fr);
    EXPECT_TRUE(contains(page, ">19 788,11 $</td>")) << page;
    EXPECT_TRUE(contains(page, "data-v=\"19788.11\"")) << page;
    EXPECT_TRUE(contains(page, ">2 480 000,00 $</td>")) << page;
}

TEST(PortfolioSummaryHtml, HostileTextStaysText)
{
    SummaryRow row = hostile_row();
    row.file = "clients/\"><img src=x onerror=alert(1)>.ods";
    row.read_error = "<b>";
    row.across_files.push_back({"R-ACT-CARRY-CHAIN", Severity::error, "Summary!B7",
                                "<script>chain()</script>", "<script>chaine()</script>"});
    row.errors = 1;
    const std::string page = format_summary({row}, SummaryFormat::html, Language::en);
    EXPECT_EQ(occurrences(page, "<script"), 1u) << "only the page's own script";
    EXPECT_FALSE(contains(page, "<img"));
    EXPECT_FALSE(contains(page, "<b>"));
    EXPECT_TRUE(contains(page, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                               "&quot;Acme&quot;, inc."));
    EXPECT_TRUE(contains(page, "data-file=\"clients/&quot;&gt;&lt;img src=x "
                               "onerror=alert(1)&gt;.ods\""));
    EXPECT_TRUE(contains(page, "&lt;script&gt;chain()&lt;/script&gt;"));
}

TEST(PortfolioSummaryHtml, SelfContainedWithAContentSecurityPolicyByHash)
{
    const std::string page =
        format_summary(rows_of(two_years(500.0)), SummaryFormat::html, Language::en);
    EXPECT_TRUE(contains(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                               "'none'; script-src 'sha256-"));
    EXPECT_TRUE(contains(page, "; style-src 'sha256-"));
    EXPECT_FALSE(contains(page, "unsafe-inline"));
    // Nothing from outside: no source, link, import or url().
    for (const char* external : {" src=", " href=", "@import", "url(", "<link", "<iframe"})
        EXPECT_FALSE(contains(page, external)) << external;
    // The controls, the sortable headers, the chart, the finding across years.
    EXPECT_TRUE(contains(page, "<input type=\"search\" id=\"filter\""));
    EXPECT_TRUE(contains(page, "<option value=\"fails\">fails</option>"));
    EXPECT_TRUE(contains(page, "<th scope=\"col\" data-key=\"contribution\" data-type=\"number\" "
                               "title=\"Contribution to the WSDRF (RL-1 line 53)\"><button "
                               "type=\"button\">Contribution</button></th>"));
    EXPECT_TRUE(contains(page, "<svg id=\"chart\""));
    EXPECT_TRUE(contains(page, "Atelier Boréal inc. (2024–2025)"));
    EXPECT_TRUE(contains(page, "<li data-rule=\"R-ACT-CARRY-CHAIN\">"));
    EXPECT_TRUE(contains(page, "<tr class=\"fails\" data-verdict=\"fails\" "
                               "data-file=\"clients/acme-2025.ods\">"));
}

TEST(PortfolioSummaryHtml, InFrench)
{
    const std::string page =
        format_summary(rows_of(two_years(500.0)), SummaryFormat::html, Language::fr);
    EXPECT_TRUE(contains(page, "<html lang=\"fr\">"));
    EXPECT_TRUE(contains(page, "Sommaire du portefeuille"));
    EXPECT_TRUE(contains(page, "title=\"Cotisation au FDRCMO (RL-1, ligne 53)\"><button "
                               "type=\"button\">Cotisation</button>"));
    EXPECT_TRUE(contains(page, "<option value=\"fails\">non conforme</option>"));
    EXPECT_TRUE(contains(page, "le solde reporté (ligne 75) de 2025"));
    EXPECT_TRUE(contains(page, " $</td>"));
}

TEST(PortfolioSummaryJson, ReadsBackWhatItWrites)
{
    SummaryRow hostile = hostile_row();
    hostile.client += std::string("\x01\xC3\x28 \xE2\x80\xAE");
    hostile.across_files.push_back(
        {"R-S7-CLAIMED-TWICE", Severity::warning, "Expenses!L2", "twice", "deux fois"});
    hostile.warnings = 1;
    std::vector<SummaryRow> rows = rows_of(two_years(500.0));
    rows.push_back(hostile);
    const std::string json = format_summary(rows, SummaryFormat::json, Language::en);
    EXPECT_TRUE(contains(json, "\"format\":\"onepercent-portfolio-summary\"")) << json;
    EXPECT_TRUE(contains(json, "\"version\":\"" + tool_version() + "\"")) << json;
    EXPECT_TRUE(contains(json, "\"retentionUntil\":\"2031-12-31\"")) << json;
    const std::vector<SummaryRow> back = read_summary_json(json);
    ASSERT_EQ(back.size(), 3u);
    for (std::size_t index = 0; index < rows.size(); ++index)
    {
        const SummaryRow& a = rows[index];
        const SummaryRow& b = back[index];
        EXPECT_EQ(a.file, b.file);
        EXPECT_EQ(a.neq, b.neq);
        EXPECT_EQ(a.fiscal_year, b.fiscal_year);
        EXPECT_EQ(a.sha256, b.sha256);
        EXPECT_EQ(a.errors, b.errors);
        EXPECT_EQ(a.warnings, b.warnings);
        EXPECT_EQ(a.infos, b.infos);
        EXPECT_EQ(a.computed.contribution, b.computed.contribution);
        EXPECT_EQ(a.computed.subject, b.computed.subject);
        EXPECT_EQ(a.workbook.carry_forward, b.workbook.carry_forward);
        EXPECT_EQ(a.workbook.carried_in, b.workbook.carried_in);
        EXPECT_EQ(a.carried_in_location, b.carried_in_location);
        EXPECT_EQ(a.across_files.size(), b.across_files.size());
        EXPECT_EQ(verdict_key(a), verdict_key(b));
        EXPECT_EQ(a.retention_until.has_value(), b.retention_until.has_value());
    }
    // Not UTF-8: U+FFFD, so that it reads back; the rest as it was.
    EXPECT_EQ(back[2].client, rows[2].client.substr(0, rows[2].client.size() - 7) +
                                  "\x01\xEF\xBF\xBD( \xE2\x80\xAE");
    EXPECT_EQ(back[2].across_files[0].rule_id, "R-S7-CLAIMED-TWICE");
    EXPECT_EQ(back[2].across_files[0].severity, Severity::warning);
}

TEST(PortfolioSummaryJson, RefusesWhatIsNotASummary)
{
    const std::string good = format_summary({hostile_row()}, SummaryFormat::json, Language::en);
    const auto refusal = [](const std::string& text)
    {
        try
        {
            read_summary_json(text);
        }
        catch (const SummaryError& error)
        {
            EXPECT_FALSE(error.message(Language::fr).empty());
            return error.message(Language::en);
        }
        return std::string("accepted");
    };
    const auto replaced = [&](const std::string& from, const std::string& to)
    {
        std::string text = good;
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    };
    EXPECT_EQ(refusal(good), "accepted");
    EXPECT_TRUE(contains(refusal(good.substr(0, good.size() / 2)), "not JSON: line "));
    EXPECT_TRUE(contains(refusal("{\"rows\": []}"), "not a OnePercent portfolio summary"));
    EXPECT_TRUE(contains(refusal("[]"), "not a OnePercent portfolio summary"));
    EXPECT_TRUE(contains(refusal(replaced("\"formatVersion\":1", "\"formatVersion\":2")),
                         "format version 2"));
    EXPECT_TRUE(contains(refusal(replaced("\"sha256\":", "\"sha\":")), "row 1: \"sha256\" is "
                                                                       "missing"));
    EXPECT_TRUE(contains(refusal(replaced("\"errors\":0", "\"errors\":-1")), "row 1: \"errors\""));
    EXPECT_TRUE(contains(refusal(replaced("\"errors\":0", "\"errors\":0.5")), "whole number"));
    EXPECT_TRUE(contains(refusal(replaced("2031-12-31", "2031-02-30")), "not a date"));
    EXPECT_TRUE(contains(refusal(replaced("2031-12-31", "31/12/2031")), "YYYY-MM-DD"));
    EXPECT_TRUE(contains(refusal(replaced("\"fiscalYear\":2025", "\"fiscalYear\":\"2025\"")),
                         "fiscalYear"));
    EXPECT_TRUE(
        contains(refusal(replaced("\"fiscalYear\":2025", "\"fiscalYear\":-1")), "fiscalYear"));
    // A year a client typed wrong (the validator reports it) still goes through a merge.
    SummaryRow odd = hostile_row();
    odd.fiscal_year = 20'250;
    EXPECT_EQ(read_back({odd})[0].fiscal_year, 20'250);
    EXPECT_TRUE(
        contains(refusal(replaced("\"contribution\":19788.11", "\"contribution\":\"19788.11\"")),
                 "computed.contribution"));
    EXPECT_TRUE(contains(refusal(replaced("\"readable\":true", "\"readable\":1")), "readable"));
}

TEST(PortfolioSummaryMerge, TheChainIsCheckedAcrossShards)
{
    // Each year validated on its own machine: neither shard sees the break.
    std::vector<Report> years = two_years(500.0);
    const std::vector<SummaryRow> shard_2025 = read_back(rows_of({years[1]}));
    const std::vector<SummaryRow> shard_2024 = read_back(rows_of({years[0]}));
    ASSERT_EQ(shard_2025[0].errors, 0u);

    const MergeResult merged = merge_summaries({shard_2025, shard_2024});
    ASSERT_EQ(merged.rows.size(), 2u);
    EXPECT_EQ(merged.rows[0].file, "clients/acme-2024.ods"); // by file name
    EXPECT_EQ(merged.chain_findings_added, 1u);
    EXPECT_TRUE(merged.rows[0].across_files.empty());
    ASSERT_EQ(merged.rows[1].across_files.size(), 1u);
    EXPECT_EQ(merged.rows[1].across_files[0].rule_id, "R-ACT-CARRY-CHAIN");
    EXPECT_EQ(merged.rows[1].across_files[0].location, "Summary!B7");
    EXPECT_TRUE(contains(merged.rows[1].across_files[0].message_en, "acme-2024.ods"));
    EXPECT_EQ(merged.rows[1].errors, 1u);
    EXPECT_EQ(verdict_key(merged.rows[1]), "fails");

    // The same as one run over both files.
    const std::vector<SummaryRow> together = rows_of(two_years(500.0));
    EXPECT_EQ(merged.rows[1].across_files[0].message_en, together[1].across_files[0].message_en);
}

TEST(PortfolioSummaryMerge, AChainAlreadyCheckedIsNotCountedTwiceAndDuplicatesGo)
{
    const std::vector<SummaryRow> both = read_back(rows_of(two_years(500.0)));
    ASSERT_EQ(both[1].errors, 1u);
    // The same shard given twice, and once more through another merge's output.
    const MergeResult first = merge_summaries({both, both});
    EXPECT_EQ(first.duplicates, 2u);
    EXPECT_EQ(first.chain_findings_added, 0u);
    ASSERT_EQ(first.rows.size(), 2u);
    EXPECT_EQ(first.rows[1].errors, 1u);
    EXPECT_EQ(first.rows[1].across_files.size(), 1u);
    const MergeResult again = merge_summaries({read_back(first.rows)});
    EXPECT_EQ(again.rows[1].errors, 1u);

    // A chain that holds stays clean; other clients and years apart are not chained.
    std::vector<Report> reports = two_years(0.0);
    reports.push_back(validated(year_of(2023, "9999999999"), "other/2023.ods"));
    const MergeResult clean = merge_summaries(
        {read_back(rows_of({reports[0]})), read_back(rows_of({reports[1], reports[2]}))});
    EXPECT_EQ(clean.chain_findings_added, 0u);
    ASSERT_EQ(clean.rows.size(), 3u);
    for (const SummaryRow& row : clean.rows)
        EXPECT_TRUE(row.across_files.empty()) << row.file;
}

// Issue 12, item 5: every report says until when the year's supporting documents are kept.
TEST(RetentionInReports, TextJsonAndHtmlShowTheDate)
{
    const std::vector<Report> reports{validated(year_of(2025), "clients/acme-2025.ods")};
    EXPECT_TRUE(contains(format_reports(reports, ReportFormat::text, Language::en),
                         "\nKeep the supporting documents until: 2031-12-31 (CQLR, c. D-8.3, r. "
                         "3, s. 4)\n"));
    EXPECT_TRUE(contains(format_reports(reports, ReportFormat::text, Language::fr),
                         "\nConserver les pièces justificatives jusqu'au : 2031-12-31 (RLRQ, c. "
                         "D-8.3, r. 3, art. 4)\n"));
    EXPECT_TRUE(contains(format_reports(reports, ReportFormat::json, Language::en),
                         "\"retentionUntil\":\"2031-12-31\""));
    EXPECT_TRUE(contains(format_reports(reports, ReportFormat::html, Language::fr),
                         "<td>Conserver les pièces justificatives jusqu&#39;au</td><td>2031-12-31 "
                         "(RLRQ, c. D-8.3, r. 3, art. 4)</td>"));
    const std::vector<Report> unreadable{unreadable_report("x.ods", "", "broken")};
    EXPECT_TRUE(contains(format_reports(unreadable, ReportFormat::json, Language::en),
                         "\"retentionUntil\":null"));
}
