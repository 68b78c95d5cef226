// The dialog's view of a report: order, filter, row texts, header and verdict, detail,
// the report sheet's table (no office needed).
#include "findings_view.hxx"
#include "ui_text.hxx"

#include <gtest/gtest.h>

namespace onepercent::calc_dialog
{
namespace
{
Finding finding(Severity severity, std::string rule, std::string sheet, std::string cell)
{
    Finding result;
    result.rule_id = std::move(rule);
    result.severity = severity;
    result.sheet = std::move(sheet);
    result.cell = std::move(cell);
    result.legal_reference = "r. 3, s. 7(13)";
    result.message_en = "Message for " + result.rule_id;
    result.message_fr = "Message pour " + result.rule_id;
    result.fix_en = "Fix it";
    result.fix_fr = "Corrigez";
    return result;
}

Report planted_report()
{
    Report report;
    report.file = "client.ods";
    report.is_template = true;
    report.rule_set_version = "2024.1";
    report.rule_set_effective = {2024, 1, 1};
    report.figures.fiscal_year = 2024;
    report.figures.employer_name = "Acme inc.";
    report.figures.has_contribution = true;
    report.figures.contribution = 7500.0;
    // Deliberately out of order: the view sorts by tab order, row, column.
    report.findings = {finding(Severity::warning, "D-B", "Expenses", "C12"),
                       finding(Severity::error, "D-A", "Expenses", "AA2"),
                       finding(Severity::error, "D-C", "Employees", "B3"),
                       finding(Severity::info, "T-X", "", ""),
                       finding(Severity::error, "D-D", "Expenses", "B12"),
                       finding(Severity::warning, "D-E", "Employees", ""),
                       finding(Severity::error, "D-F", "Expenses", "C9")};
    return report;
}

const std::vector<std::string> tab_order = {"Employer",      "Employees", "Activities",
                                            "Participation", "Expenses",  "Summary"};

std::vector<std::string> rules_shown(const FindingsView& view)
{
    std::vector<std::string> rules;
    for (std::size_t index : view.rows())
        rules.push_back(view.report().findings[index].rule_id);
    return rules;
}
} // namespace

TEST(ParseCellName, ReadsColumnsAndRows)
{
    ASSERT_TRUE(parse_cell_name("C12"));
    EXPECT_EQ(parse_cell_name("C12")->row, 11u);
    EXPECT_EQ(parse_cell_name("C12")->column, 2u);
    EXPECT_EQ(parse_cell_name("AA1")->column, 26u);
    EXPECT_EQ(parse_cell_name("A1")->row, 0u);
    EXPECT_FALSE(parse_cell_name(""));
    EXPECT_FALSE(parse_cell_name("12"));
    EXPECT_FALSE(parse_cell_name("C"));
    EXPECT_FALSE(parse_cell_name("C0"));
    EXPECT_FALSE(parse_cell_name("C1:D2"));
}

TEST(FindingsView, OrdersByFileThenTabOrderThenRowThenColumn)
{
    const FindingsView view(planted_report(), tab_order, Language::en);
    // file; Employees (whole sheet, then B3); Expenses AA2, C9, B12, C12 (row before column).
    EXPECT_EQ(rules_shown(view),
              (std::vector<std::string>{"T-X", "D-E", "D-C", "D-A", "D-F", "D-D", "D-B"}));
}

TEST(FindingsView, SheetsMissingFromTheTabOrderComeLast)
{
    Report report = planted_report();
    report.findings.push_back(finding(Severity::error, "D-Z", "Zombie", "A1"));
    report.findings.push_back(finding(Severity::error, "D-Y", "Old", "A1"));
    const FindingsView view(report, tab_order, Language::en);
    const std::vector<std::string> rules = rules_shown(view);
    EXPECT_EQ(rules[rules.size() - 2], "D-Y");
    EXPECT_EQ(rules.back(), "D-Z");
}

TEST(FindingsView, FiltersBySeverityAndFindsRows)
{
    FindingsView view(planted_report(), tab_order, Language::en);
    view.set_filter({true, false, false});
    EXPECT_EQ(rules_shown(view), (std::vector<std::string>{"D-C", "D-A", "D-F", "D-D"}));
    view.set_filter({false, true, true});
    EXPECT_EQ(rules_shown(view), (std::vector<std::string>{"T-X", "D-E", "D-B"}));
    EXPECT_FALSE(view.row_of_finding(1));  // D-A, an error, is hidden
    EXPECT_EQ(view.row_of_finding(0), 2u); // D-B
    EXPECT_EQ(view.finding_at_row(2)->rule_id, "D-B");
    EXPECT_EQ(view.finding_at_row(3), nullptr);
    view.set_filter({false, false, false});
    EXPECT_TRUE(view.rows().empty());
}

TEST(FindingsView, RowTextsAreAlignedColumns)
{
    const FindingsView view(planted_report(), tab_order, Language::en);
    const std::vector<std::string> rows = view.row_texts();
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0].rfind("Info", 0), 0u);
    EXPECT_NE(rows[0].find("(file)"), std::string::npos);
    EXPECT_NE(rows[2].find("Employees!B3"), std::string::npos);
    const std::string heading = view.heading();
    // The cell column starts at the same character in the heading and every row.
    const std::size_t cell_column = heading.find("Cell");
    EXPECT_EQ(rows[2].find("Employees!B3"), cell_column);
    EXPECT_EQ(rows[4].find("Expenses!C9"), cell_column);
    EXPECT_EQ(rows[2].find("D-C"), heading.find("Rule"));
    EXPECT_NE(rows[2].find("Message for D-C"), std::string::npos);
}

TEST(FindingsView, FrenchRowsKeepTheColumnsWithAccents)
{
    const FindingsView view(planted_report(), {"Employeur", "Employés", "Dépenses"}, Language::fr);
    const std::string heading = view.heading();
    EXPECT_EQ(heading.rfind("Gravité", 0), 0u);
    const std::vector<std::string> rows = view.row_texts();
    EXPECT_NE(rows[0].find("(fichier)"), std::string::npos);
    EXPECT_NE(rows[0].find("Message pour T-X"), std::string::npos);
    // Counted in characters, not bytes: "Gravité" is padded like "Severity".
    EXPECT_EQ(utf8_length(heading.substr(0, heading.find("Cellule"))), 10u);
}

TEST(Fit, CutsWithAnEllipsisAndPads)
{
    EXPECT_EQ(fit("abc", 5), "abc  ");
    EXPECT_EQ(fit("abcdef", 4), "abc…");
    EXPECT_EQ(utf8_length(fit("éléphant rose", 6)), 6u);
    EXPECT_EQ(fit("a\nb", 3), "a b");
}

TEST(Header, NotCompliantWithErrorsAndTheContribution)
{
    const Header en = header_of(planted_report(), Language::en);
    EXPECT_FALSE(en.compliant);
    EXPECT_EQ(en.workbook, "Workbook: client.ods");
    EXPECT_EQ(en.year_and_employer, "Fiscal year: 2024 · Employer: Acme inc.");
    EXPECT_EQ(en.rule_set, "Rule set 2024.1, in force since 2024-01-01");
    EXPECT_EQ(en.counts, "4 errors, 2 warnings, 1 info");
    EXPECT_EQ(en.verdict, "NOT COMPLIANT: 4 errors to fix.");
    EXPECT_EQ(en.contribution, "The workbook computes an RL-1 line 53 contribution of $7,500.00.");

    const Header fr = header_of(planted_report(), Language::fr);
    EXPECT_EQ(fr.verdict, "NON CONFORME : 4 erreurs à corriger.");
    EXPECT_EQ(fr.counts, "4 erreurs, 2 avertissements, 1 information");
    EXPECT_EQ(fr.year_and_employer, "Année : 2024 · Employeur : Acme inc.");
    EXPECT_NE(fr.contribution.find("7 500,00 $"), std::string::npos);
}

TEST(Header, CompliantWhenOnlyWarnings)
{
    Report report = planted_report();
    report.findings = {finding(Severity::warning, "D-B", "Expenses", "C12")};
    const Header header = header_of(report, Language::en);
    EXPECT_TRUE(header.compliant);
    EXPECT_EQ(header.verdict, "COMPLIANT: no error found.");
}

TEST(Header, SaysWhenTheDocumentIsNotAWorkbook)
{
    Report report;
    report.file = "letter.ods";
    report.is_template = false;
    const Header en = header_of(report, Language::en);
    EXPECT_FALSE(en.compliant);
    EXPECT_EQ(en.verdict, "This document is not a OnePercent workbook.");
    EXPECT_NE(en.contribution.find("template"), std::string::npos);
    EXPECT_EQ(header_of(report, Language::fr).verdict,
              "Ce document n'est pas un classeur OnePercent.");
    EXPECT_EQ(header_of(report, Language::en).year_and_employer, "Fiscal year: unknown");
}

TEST(FindingsView, DetailHoldsEverything)
{
    Report report = planted_report();
    report.findings[0].value = "7500";
    const FindingsView view(report, tab_order, Language::en);
    const std::string detail = view.detail(view.report().findings[0]);
    EXPECT_NE(detail.find("Rule: D-B"), std::string::npos);
    EXPECT_NE(detail.find("Legal reference: CQLR, c. D-8.3, r. 3, s. 7(13)"), std::string::npos);
    EXPECT_NE(detail.find("Location: Expenses!C12"), std::string::npos);
    EXPECT_NE(detail.find("Value: 7500"), std::string::npos);
    EXPECT_NE(detail.find("Message for D-B"), std::string::npos);
    EXPECT_NE(detail.find("Suggested fix: Fix it"), std::string::npos);
    const FindingsView french(report, tab_order, Language::fr);
    const std::string detail_fr = french.detail(french.report().findings[0]);
    EXPECT_NE(detail_fr.find("Emplacement : Expenses!C12"), std::string::npos);
    EXPECT_NE(detail_fr.find("Référence légale : RLRQ, c. D-8.3, r. 3, art. 7(13)"),
              std::string::npos);
    EXPECT_EQ(detail_fr.find("s. 7(13)"), std::string::npos);
    EXPECT_NE(detail_fr.find("Correction proposée : Corrigez"), std::string::npos);
}

TEST(FindingsView, ReportTableHasEveryFindingWhateverTheFilter)
{
    FindingsView view(planted_report(), tab_order, Language::en);
    view.set_filter({true, false, false});
    const auto table = view.report_table();
    ASSERT_EQ(table.size(), 9u + 7u);
    for (const auto& row : table)
        EXPECT_EQ(row.size(), 8u);
    EXPECT_EQ(table[0][0], "OnePercent validation report");
    EXPECT_EQ(table[8][0], "Severity");
    EXPECT_EQ(table[8][7], "Suggested fix");
    EXPECT_EQ(table[9][1], "T-X");
    EXPECT_EQ(table[12][1], "D-A");
    EXPECT_EQ(table[12][3], "Expenses");
    EXPECT_EQ(table[12][4], "AA2");
    EXPECT_EQ(table[15][1], "D-B");
}

TEST(UniqueSheetName, AddsANumber)
{
    EXPECT_EQ(unique_sheet_name("Report", {"Employer"}), "Report");
    EXPECT_EQ(unique_sheet_name("Report", {"Report", "Report (2)"}), "Report (3)");
}

TEST(UiText, EveryTextInBothLanguages)
{
    for (int key = 0; key <= static_cast<int>(Text::about_text); ++key)
    {
        EXPECT_FALSE(text(static_cast<Text>(key), Language::en).empty()) << key;
        EXPECT_FALSE(text(static_cast<Text>(key), Language::fr).empty()) << key;
    }
    EXPECT_EQ(format("{0} and {1}", {"a", "b"}), "a and b");
    EXPECT_EQ(language_of_tag("fr-CA"), Language::fr);
    EXPECT_EQ(language_of_tag("fr"), Language::fr);
    EXPECT_EQ(language_of_tag("fy-NL"), Language::en);
    EXPECT_EQ(language_of_tag("en-US"), Language::en);
}

TEST(PlaceBeside, AtTheRightOfTheDocumentWindowWithinTheScreen)
{
    const Box screen{0, 0, 1440, 900};
    // A maximized document: the dialog at its right edge, below the toolbars.
    Box placed = place_beside({0, 0, 1440, 900}, screen, 525, 700);
    EXPECT_EQ(placed.x, 1440 - 525);
    EXPECT_EQ(placed.y, 60);
    EXPECT_LE(placed.y + placed.height, 900);
    // A document window past the screen's right edge: pulled back within the screen.
    placed = place_beside({600, 100, 1200, 850}, screen, 525, 700);
    EXPECT_EQ(placed.x + placed.width, 1440);
    EXPECT_LE(placed.y + placed.height, 900);
    // A dialog taller than the screen keeps its title bar on it.
    placed = place_beside({0, 0, 800, 600}, {0, 0, 800, 600}, 525, 700);
    EXPECT_EQ(placed.y, 0);
    EXPECT_GE(placed.x, 0);
}

TEST(ReportFileName, NamedAfterTheWorkbook)
{
    EXPECT_EQ(report_file_name("client-planted.fods"), "client-planted-onepercent.html");
    EXPECT_EQ(report_file_name("/home/a/Formation 2025.ods"), "Formation 2025-onepercent.html");
    EXPECT_EQ(report_file_name("Untitled 1"), "Untitled 1-onepercent.html");
    EXPECT_EQ(report_file_name(""), "onepercent-report.html");
}

TEST(FindingsGrid, OneRowPerFindingShownWithItsReferenceInTheLanguage)
{
    FindingsView view(planted_report(), tab_order, Language::fr);
    const auto headings = view.grid_headings();
    ASSERT_EQ(headings.size(), 5u);
    EXPECT_EQ(headings[1], "Emplacement");
    const auto rows = view.grid_rows();
    ASSERT_EQ(rows.size(), view.rows().size());
    for (const auto& row : rows)
        ASSERT_EQ(row.size(), 5u);
    bool french_reference = false;
    for (const auto& row : rows)
        french_reference = french_reference || row[3] == "RLRQ, c. D-8.3, r. 3, art. 7(13)";
    EXPECT_TRUE(french_reference);
    SeverityFilter errors_only;
    errors_only.warnings = errors_only.infos = false;
    view.set_filter(errors_only);
    EXPECT_EQ(view.grid_rows().size(), view.rows().size());
}

TEST(Header, SaysWhenTheFiguresAreOfUnsavedChanges)
{
    EXPECT_NE(header_of(planted_report(), Language::en, true).workbook.find("changes not saved"),
              std::string::npos);
    EXPECT_EQ(header_of(planted_report(), Language::en).workbook, "Workbook: client.ods");
}

TEST(Header, ShowsTheRecomputedContributionWhenItDiffers)
{
    Report report = planted_report();
    report.figures.computed.contribution = 1632.30;
    EXPECT_NE(header_of(report, Language::en)
                  .contribution.find("Recomputed from the detail, it "
                                     "is $1,632.30."),
              std::string::npos);
    EXPECT_NE(header_of(report, Language::fr).contribution.find("elle est de 1 632,30 $."),
              std::string::npos);
    report.figures.computed.contribution = report.figures.contribution;
    EXPECT_EQ(header_of(report, Language::en).contribution.find("Recomputed"), std::string::npos);
}
} // namespace onepercent::calc_dialog
