// T-LAW-TABLE-CHANGED (issue 8): a portable workbook's hidden sheet Law / Loi must be the
// engine's law_sheet(language), cell by cell; the thresholds and rates only on the rows of the
// workbook's fiscal year.
#include "engine/law_sheet.hxx"
#include "engine/number_text.hxx"
#include "workbook_fixture.hxx"

using namespace fixture;

namespace
{
// The Law / Loi sheet as the template generator writes it: every cell of law_sheet().
Sheet law_sheet_model(Language language)
{
    const LawSheet law = law_sheet(language);
    const LawSheetBlock& classification = *law.block("classification");
    Sheet sheet;
    sheet.name = law.name;
    for (std::size_t row = 0; row < law.rows.size(); ++row)
        for (std::size_t column = 0; column < law.rows[row].size(); ++column)
        {
            const LawSheetCell& cell = law.rows[row][column];
            const int at = static_cast<int>(row);
            // No paragraph: =NA(), as gen_workbook.py writes it (a lookup shows #N/A).
            if (cell.kind == LawSheetCell::Kind::empty && at >= classification.first_row &&
                at < classification.first_row + classification.rows)
                put(sheet, row, column, formula(error_cell("#N/A"), "=NA()"));
            else if (cell.kind == LawSheetCell::Kind::number)
                put(sheet, row, column, number_cell(cell.number));
            else if (cell.kind == LawSheetCell::Kind::text)
                put(sheet, row, column, text_cell(cell.text));
        }
    return sheet;
}

Workbook portable_workbook(Language language = Language::en)
{
    Workbook workbook = clean_workbook(language);
    workbook.properties["OnePercentFlavour"] = "portable";
    workbook.sheets.push_back(law_sheet_model(language));
    return workbook;
}

Sheet& law_of(Workbook& workbook)
{
    return workbook.sheets.back();
}

// The zero-based row of a block's data row whose first cell is `first` (a year, a keyword).
std::size_t block_row(Language language, std::string_view key, double first)
{
    const LawSheet law = law_sheet(language);
    const LawSheetBlock* block = law.block(key);
    for (int row = block->first_row; row < block->first_row + block->rows; ++row)
        if (law.rows[static_cast<std::size_t>(row)][0].number == first)
            return static_cast<std::size_t>(row);
    throw std::runtime_error("no row");
}

std::size_t first_data_row(Language language, std::string_view key)
{
    return static_cast<std::size_t>(law_sheet(language).block(key)->first_row);
}

std::string law_tables_version_text()
{
    return std::string(law_tables_version().version);
}
} // namespace

TEST(ValidationLawTableChanged, APortableWorkbookWithTheEnginesSheetHasNoFinding)
{
    for (Language language : {Language::en, Language::fr})
    {
        const Report report = validate(portable_workbook(language));
        EXPECT_TRUE(report.findings.empty()) << describe(report);
        EXPECT_GT(report.checks.at("T-LAW-TABLE-CHANGED"), 500u); // the cells compared
        EXPECT_EQ(report.facts.flavour, "portable");
    }
}

TEST(ValidationLawTableChanged, AnEditedRateOfTheYearIsAnErrorOnItsCell)
{
    Workbook workbook = portable_workbook();
    const std::size_t row = block_row(Language::en, "rates", 2025); // the fixture's year
    Sheet& law = law_of(workbook);
    law.cells[row * law.columns + 1] = number_cell(0.0650); // QPP rate, engine: 0.064
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-LAW-TABLE-CHANGED", Severity::error, "Law!" + cell_name(row, 1));
    EXPECT_EQ(finding.value, "0.065");
    const std::string version = law_tables_version_text();
    const std::string date = civil_date_text(law_tables_version().date);
    EXPECT_EQ(finding.message_en, "B" + std::to_string(row + 1) +
                                      " holds 0.065 where the engine's rates table has 0.064: "
                                      "the workbook computes with another law (the engine's "
                                      "tables are rule set " +
                                      version + " of " + date + "; the sheet says rule set " +
                                      version + " of " + date + ")");
    EXPECT_NE(finding.message_fr.find("0,065"), std::string::npos) << finding.message_fr;
    EXPECT_EQ(finding.fix_en, "start again from the portable template of rule set " + version +
                                  " and copy the data into it; never edit the Law sheet");
    EXPECT_NE(finding.fix_fr.find("ne jamais modifier la feuille Law"), std::string::npos);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationLawTableChanged, AnEditedClassificationCellIsAnError)
{
    Workbook workbook = portable_workbook(Language::fr);
    const std::size_t row = first_data_row(Language::fr, "classification");
    Sheet& law = law_of(workbook);
    law.cells[row * law.columns + 1] = text_cell("1(99)");
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-LAW-TABLE-CHANGED", Severity::error, "Loi!" + cell_name(row, 1));
    EXPECT_EQ(finding.value, "1(99)");
    EXPECT_NE(finding.message_en.find("the engine's classification table has"), std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.fix_fr.find("ne jamais modifier la feuille Loi"), std::string::npos);

    // An emptied cell, and a number typed over a text: each cell is one finding.
    law.cells[(row + 1) * law.columns + 0] = Cell{};
    law.cells[(row + 2) * law.columns + 0] = number_cell(3);
    EXPECT_EQ(findings_of(validate(workbook), "T-LAW-TABLE-CHANGED").size(), 3u);

    // A "no paragraph" cell (=NA()) emptied: a lookup there no longer shows #N/A.
    Workbook other = portable_workbook();
    Sheet& other_law = law_of(other);
    std::size_t na_row = 0, na_column = 0;
    for (std::size_t r = row; r < other_law.rows && na_row == 0; ++r)
        for (std::size_t c = 1; c < other_law.columns; ++c)
            if (other_law.at(r, c).kind == Cell::Kind::error)
            {
                na_row = r;
                na_column = c;
                break;
            }
    ASSERT_NE(na_row, 0u);
    other_law.cells[na_row * other_law.columns + na_column] = Cell{};
    const Report emptied = validate(other);
    const Finding na = only_finding(emptied, "T-LAW-TABLE-CHANGED", Severity::error,
                                    "Law!" + cell_name(na_row, na_column));
    EXPECT_NE(na.message_en.find("holds nothing where the engine's classification table has "
                                 "#N/A (=NA())"),
              std::string::npos)
        << na.message_en;
}

TEST(ValidationLawTableChanged, RowsOfAnotherYearAreNotCompared)
{
    Workbook workbook = portable_workbook();
    Sheet& law = law_of(workbook);
    const std::size_t rates_2020 = block_row(Language::en, "rates", 2020);
    law.cells[rates_2020 * law.columns + 6] = number_cell(0.5);                // EI rate of 2020
    const std::size_t thresholds = first_data_row(Language::en, "thresholds"); // from 2004
    law.cells[thresholds * law.columns + 2] = number_cell(1); // a threshold of earlier years
    Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);

    // With no fiscal year, every row is compared.
    form_at(workbook, "Employer", "Fiscal year") = Cell{};
    report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "T-LAW-TABLE-CHANGED");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].location(), "Law!" + cell_name(thresholds, 2));
    EXPECT_EQ(found[1].location(), "Law!" + cell_name(rates_2020, 6));
}

TEST(ValidationLawTableChanged, TheAboutBlockIsNotComparedButItsVersionIsShown)
{
    Workbook workbook = portable_workbook();
    Sheet& law = law_of(workbook);
    const LawSheet expected = law_sheet(Language::en);
    const std::size_t about = static_cast<std::size_t>(expected.block("about")->first_row);
    law.cells[about * law.columns + 1] = text_cell("2025.9");
    law.cells[(about + 1) * law.columns + 1] = text_cell("2025-06-01");
    EXPECT_TRUE(validate(workbook).findings.empty());

    const std::size_t row = block_row(Language::en, "rates", 2025);
    law.cells[row * law.columns + 7] = number_cell(1); // EI maximum
    const Report report = validate(workbook);
    const Finding finding =
        only_finding(report, "T-LAW-TABLE-CHANGED", Severity::error, "Law!" + cell_name(row, 7));
    EXPECT_NE(finding.message_en.find("the sheet says rule set 2025.9 of 2025-06-01"),
              std::string::npos)
        << finding.message_en;
    EXPECT_NE(finding.message_fr.find("la feuille indique le jeu de règles 2025.9 du 2025-06-01"),
              std::string::npos)
        << finding.message_fr;
}

TEST(ValidationLawTableChanged, AMissingLawSheetIsOneFindingOnTheFile)
{
    Workbook workbook = portable_workbook(Language::fr);
    workbook.sheets.pop_back();
    const Report report = validate(workbook);
    const Finding finding = only_finding(report, "T-LAW-TABLE-CHANGED", Severity::error, "");
    EXPECT_NE(finding.message_en.find("no sheet Loi"), std::string::npos) << finding.message_en;
    EXPECT_NE(finding.message_fr.find("pas de feuille Loi"), std::string::npos);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(ValidationLawTableChanged, ALinkedWorkbookHasNoLawSheetAndNoFinding)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentFlavour"] = "linked";
    Report report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_EQ(report.facts.flavour, "linked");
    EXPECT_EQ(report.checks.at("T-LAW-TABLE-CHANGED"), 0u);
    workbook.properties.erase("OnePercentFlavour"); // older files: no property
    report = validate(workbook);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
    EXPECT_EQ(report.facts.flavour, "");
}

TEST(ValidationLawTableChanged, TheLawSheetIsNoExtraSheetForTheOtherRules)
{
    // Not an unknown sheet, not an error value, not a table: the other rules pass it by.
    Workbook workbook = portable_workbook();
    EXPECT_TRUE(validate(workbook).findings.empty());
}

TEST(ValidationLawTableChanged, AWhollyEditedSheetListsAHundredCellsThenCountsTheRest)
{
    Workbook workbook = portable_workbook();
    Sheet& law = law_of(workbook);
    const std::size_t first = first_data_row(Language::en, "paragraphs");
    const std::size_t rows =
        static_cast<std::size_t>(law_sheet(Language::en).block("paragraphs")->rows);
    std::size_t edited = 0;
    for (std::size_t row = first; row < first + rows; ++row)
        for (std::size_t column = 0; column < 7; ++column, ++edited)
            law.cells[row * law.columns + column] = text_cell("x");
    ASSERT_GT(edited, 100u);
    const Report report = validate(workbook);
    const std::vector<Finding> found = findings_of(report, "T-LAW-TABLE-CHANGED");
    ASSERT_EQ(found.size(), 101u);
    EXPECT_EQ(found[0].location(), "Law"); // a whole sheet before its cells
    EXPECT_EQ(found[0].value, std::to_string(edited - 100));
}
