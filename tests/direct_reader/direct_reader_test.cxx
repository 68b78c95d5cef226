// The direct reader on files made in the tests: every kind of value and result in .ods, .fods
// and .xlsx, what needs the office, and hostile files (zip bombs, XML entities, malformed XML,
// a cell at the sheet's far corner, a file that never ends).
#include "direct_reader.hxx"
#include "reader_internal.hxx"
#include "test_files.hxx"
#include "validator.hxx"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sys/stat.h>

using namespace onepercent;
using direct_reader::Status;
using test_files::fods;
using test_files::ods;
using test_files::xlsx;
using validation::Cell;

namespace
{
direct_reader::Result read(const std::string& bytes, const direct_reader::Limits& limits = {})
{
    return direct_reader::read_bytes(bytes, "test", limits);
}

const Cell& cell(const direct_reader::Result& result, std::size_t sheet, const char* name)
{
    // "B3" -> row 2, column 1
    std::size_t column = 0, index = 0;
    while (name[index] >= 'A' && name[index] <= 'Z')
        column = column * 26 + static_cast<std::size_t>(name[index++] - 'A' + 1);
    const std::size_t row = static_cast<std::size_t>(std::stoul(name + index)) - 1;
    return result.workbook.sheets.at(sheet).at(row, column - 1);
}

std::string text_cell(const std::string& paragraph)
{
    return "<table:table-cell office:value-type=\"string\"><text:p>" + paragraph +
           "</text:p></table:table-cell>";
}

std::string row(const std::string& cells)
{
    return "<table:table-row>" + cells + "</table:table-row>";
}
} // namespace

// ---- OpenDocument ---------------------------------------------------------------------------

TEST(DirectReaderOds, ValuesOfEveryType)
{
    const auto result = read(
        ods(row(text_cell("Employer name") +
                "<table:table-cell office:value-type=\"float\" office:value=\"2480000.5\"/>"
                "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-03-14\"/>"
                "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/>"
                "<table:table-cell office:value-type=\"percentage\" office:value=\"0.25\"/>"
                "<table:table-cell office:value-type=\"time\" office:time-value=\"PT12H\"/>") +
                row(text_cell("  two  <text:s text:c=\"2\"/>spaces<text:span> span</text:span>") +
                    "<table:table-cell><text:p>line 1</text:p><text:p>line 2</text:p>"
                    "</table:table-cell>"),
            test_files::lo_generator,
            "<meta:user-defined meta:name=\"OnePercentTemplate\">org.onepercent.workbook"
            "</meta:user-defined><meta:user-defined meta:name=\"N\" meta:value-type=\"float\">2.50"
            "</meta:user-defined><meta:user-defined meta:name=\"B\" meta:value-type=\"boolean\">"
            "false</meta:user-defined>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_FALSE(result.office_advice);
    ASSERT_EQ(result.workbook.sheets.size(), 1u);
    EXPECT_EQ(result.workbook.sheets[0].name, "S");
    EXPECT_EQ(result.workbook.sheets[0].rows, 2u);
    EXPECT_EQ(result.workbook.sheets[0].columns, 6u);
    EXPECT_EQ(cell(result, 0, "A1").text, "Employer name");
    EXPECT_EQ(cell(result, 0, "B1").number, 2480000.5);
    EXPECT_EQ(cell(result, 0, "C1").number, 45730.0); // from 1899-12-30
    EXPECT_EQ(cell(result, 0, "D1").number, 1.0);
    EXPECT_EQ(cell(result, 0, "E1").number, 0.25);
    EXPECT_EQ(cell(result, 0, "F1").number, 0.5);
    EXPECT_EQ(cell(result, 0, "A2").text, "  two    spaces span");
    EXPECT_EQ(cell(result, 0, "B2").text, "line 1\nline 2");
    EXPECT_EQ(result.workbook.properties.at("OnePercentTemplate"), "org.onepercent.workbook");
    EXPECT_EQ(result.workbook.properties.at("N"), "2.5");
    EXPECT_EQ(result.workbook.properties.at("B"), "0");
}

TEST(DirectReaderOds, FormulaResultsIncludingTextDatesAndErrors)
{
    // orcus 0.17's ODS filter loses these: text, date and error results.
    const auto result = read(ods(
        row("<table:table-cell table:formula=\"of:=1+1\" office:value-type=\"float\" "
            "office:value=\"2\"/>"
            "<table:table-cell table:formula=\"of:=&quot;x&quot;\" office:value-type=\"string\" "
            "office:string-value=\"1(2)\" calcext:value-type=\"string\"><text:p>1(2)</text:p>"
            "</table:table-cell>"
            "<table:table-cell table:formula=\"of:=DATE(2025;1;1)\" office:value-type=\"date\" "
            "office:date-value=\"2025-01-01\"/>"
            "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"string\" "
            "office:string-value=\"\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p>"
            "</table:table-cell>"
            "<table:table-cell table:formula=\"of:=X()\" office:value-type=\"string\" "
            "office:string-value=\"\" calcext:value-type=\"error\"><text:p>Err:502</text:p>"
            "</table:table-cell>"
            "<table:table-cell table:formula=\"of:=NA()\" office:value-type=\"string\" "
            "office:string-value=\"\" calcext:value-type=\"error\"><text:p>#N/A</text:p>"
            "</table:table-cell>"
            "<table:table-cell table:formula=\"of:=&quot;&quot;\"><text:p/></table:table-cell>")));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(cell(result, 0, "A1").kind, Cell::Kind::number);
    EXPECT_TRUE(cell(result, 0, "A1").is_formula());
    EXPECT_EQ(cell(result, 0, "B1").text, "1(2)");
    EXPECT_EQ(cell(result, 0, "C1").number, 45658.0);
    EXPECT_EQ(cell(result, 0, "D1").kind, Cell::Kind::error);
    EXPECT_EQ(cell(result, 0, "D1").text, "#DIV/0!");
    EXPECT_EQ(cell(result, 0, "E1").text, "Err:502");
    EXPECT_EQ(cell(result, 0, "F1").text, "#N/A");
    // An empty string result: a formula cell that shows nothing.
    EXPECT_EQ(cell(result, 0, "G1").kind, Cell::Kind::empty);
    EXPECT_TRUE(cell(result, 0, "G1").is_formula());
    EXPECT_EQ(result.workbook.sheets[0].columns, 7u);
}

TEST(DirectReaderOds, RepeatedCellsAndRowsAndArrayRanges)
{
    const auto result = read(
        ods("<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
            "office:value-type=\"float\" office:value=\"7\" table:number-columns-repeated=\"2\"/>"
            "</table:table-row>"
            "<table:table-row><table:table-cell table:formula=\"of:=B1:B2*2\" "
            "table:number-matrix-columns-spanned=\"1\" table:number-matrix-rows-spanned=\"2\" "
            "office:value-type=\"float\" office:value=\"14\"/></table:table-row>"
            "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"14\"/>"
            "</table:table-row>"
            // LibreOffice writes the rest of the sheet as empty repeated rows and cells.
            "<table:table-row table:number-rows-repeated=\"1048571\"><table:table-cell "
            "table:number-columns-repeated=\"1024\"/></table:table-row>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(result.workbook.sheets[0].rows, 5u);
    EXPECT_EQ(result.workbook.sheets[0].columns, 2u);
    EXPECT_EQ(cell(result, 0, "B3").number, 7.0);
    EXPECT_TRUE(cell(result, 0, "A4").is_formula());
    EXPECT_TRUE(cell(result, 0, "A5").is_formula()); // inside the array formula's range
    EXPECT_FALSE(cell(result, 0, "B3").is_formula());
}

TEST(DirectReaderOds, NullDateFromTheCalculationSettings)
{
    const auto result = read(ods(row("<table:table-cell office:value-type=\"date\" "
                                     "office:date-value=\"1904-01-03\"/>"),
                                 test_files::lo_generator, "",
                                 "<table:calculation-settings><table:null-date "
                                 "table:date-value=\"1904-01-01\"/></table:calculation-settings>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(result.workbook.null_date.year, 1904);
    EXPECT_EQ(cell(result, 0, "A1").number, 2.0);
}

TEST(DirectReaderOds, AnnotationsAndUnknownElementsDoNotAddText)
{
    const auto result = read(ods(
        row("<table:table-cell office:value-type=\"string\"><text:p>value<text:bookmark/>"
            "<text:unknown>lost</text:unknown></text:p><office:annotation><text:p>comment</text:p>"
            "</office:annotation></table:table-cell>")));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(cell(result, 0, "A1").text, "value");
}

TEST(DirectReaderOds, FormulaWithoutStoredResultNeedsTheOffice)
{
    const auto result = read(ods(row("<table:table-cell table:formula=\"of:=1+1\"/>")));
    EXPECT_EQ(result.status, Status::needs_office);
    EXPECT_NE(result.reason.en.find("S!A1 has no stored result"), std::string::npos)
        << result.reason.en;
    EXPECT_NE(result.reason.fr.find("S!A1"), std::string::npos);
}

TEST(DirectReaderOds, AdviceWhenTheOfficeWouldComputeOtherwise)
{
    EXPECT_TRUE(read(ods(row(text_cell("x")), "MicrosoftOffice/16.0")).office_advice);
    EXPECT_TRUE(read(ods(row(text_cell("x")), "")).office_advice); // no generator
    const auto name = read(ods(row("<table:table-cell table:formula=\"of:=NOPE()\" "
                                   "office:value-type=\"string\" calcext:value-type=\"error\">"
                                   "<text:p>#NAME?</text:p></table:table-cell>")));
    ASSERT_TRUE(name.office_advice);
    EXPECT_NE(name.office_advice->en.find("#NAME?"), std::string::npos);
    const auto volatile_call =
        read(ods(row("<table:table-cell table:formula=\"of:=TODAY()\" office:value-type=\"date\" "
                     "office:date-value=\"2025-01-01\"/>")));
    EXPECT_TRUE(volatile_call.office_advice);
    EXPECT_EQ(volatile_call.status, Status::read);
}

TEST(DirectReaderOds, EncryptedDocumentNeedsTheOffice)
{
    const std::string manifest =
        "<?xml version=\"1.0\"?><manifest:manifest "
        "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data "
        "manifest:checksum=\"x\"/></manifest:file-entry></manifest:manifest>";
    const auto result =
        read(test_files::zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
                              {"META-INF/manifest.xml", manifest},
                              {"content.xml", "\x01\x02 encrypted bytes"}}));
    EXPECT_EQ(result.status, Status::needs_office);
    EXPECT_NE(result.reason.en.find("encrypted"), std::string::npos);
}

TEST(DirectReaderOds, TextDocumentIsNotASpreadsheet)
{
    const auto result = read(test_files::zip(
        {{"mimetype", "application/vnd.oasis.opendocument.text", true}, {"content.xml", "<a/>"}}));
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_NE(result.reason.en.find("not a spreadsheet"), std::string::npos);
}

TEST(DirectReaderFods, FlatDocument)
{
    const auto result =
        read(fods(row(text_cell("flat") + "<table:table-cell office:value-type=\"float\" "
                                          "office:value=\"1e3\"/>")));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(result.workbook.sheets[0].name, "F");
    EXPECT_EQ(cell(result, 0, "A1").text, "flat");
    EXPECT_EQ(cell(result, 0, "B1").number, 1000.0);
}

TEST(DirectReaderFods, OtherXmlNeedsTheOffice)
{
    EXPECT_EQ(read("<?xml version=\"1.0\"?><html><body/></html>").status, Status::needs_office);
}

// ---- Office Open XML ------------------------------------------------------------------------

TEST(DirectReaderXlsx, ValuesStringsAndProperties)
{
    const auto result = read(xlsx(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>2480000.5</v></c>"
        "<c r=\"C1\" t=\"inlineStr\"><is><r><t>in</t></r><r><t xml:space=\"preserve\"> line</t>"
        "</r><rPh><t>PHONETIC</t></rPh></is></c><c r=\"D1\" t=\"b\"><v>1</v></c>"
        "<c r=\"E1\" t=\"d\"><v>2025-03-14</v></c></row>"
        "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c><v>5</v></c></row>",
        "<si><t>Employer name</t></si><si><t>a_x0041__x0009_b</t></si>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    ASSERT_EQ(result.workbook.sheets.size(), 2u);
    EXPECT_EQ(result.workbook.sheets[0].name, "First");
    EXPECT_EQ(result.workbook.sheets[1].name, "Second"); // no part: an empty sheet
    EXPECT_EQ(result.workbook.sheets[1].rows, 0u);
    EXPECT_EQ(cell(result, 0, "A1").text, "Employer name");
    EXPECT_EQ(cell(result, 0, "B1").number, 2480000.5);
    EXPECT_EQ(cell(result, 0, "C1").text, "in line");
    EXPECT_EQ(cell(result, 0, "D1").number, 1.0);
    EXPECT_TRUE(cell(result, 0, "D1").is_formula()); // the office keeps =TRUE()
    EXPECT_EQ(cell(result, 0, "E1").number, 45730.0);
    // _x0041_ stays as it is, _x0009_ is a tab (what LibreOffice 7.4 does).
    EXPECT_EQ(cell(result, 0, "B3").text, "a_x0041_\tb");
    EXPECT_EQ(cell(result, 0, "C3").number, 5.0); // no reference: the next column
    EXPECT_EQ(result.workbook.properties.at("OnePercentTemplate"), "org.onepercent.workbook");
    EXPECT_EQ(result.workbook.properties.at("Count"), "42");
    EXPECT_FALSE(result.office_advice);
}

TEST(DirectReaderXlsx, FormulaResultsAndErrors)
{
    const auto result = read(
        xlsx("<row r=\"1\"><c r=\"A1\"><f>1+1</f><v>2</v></c><c r=\"B1\" t=\"str\"><f>\"x\"</f>"
             "<v>  padded </v></c><c r=\"C1\" t=\"str\"><f>\"\"</f><v></v></c>"
             "<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E1\" t=\"e\"><v>#NULL!</v></c>"
             "<c r=\"F1\"><f t=\"array\" ref=\"F1:F2\">G1:G2*2</f><v>2</v></c></row>"
             "<row r=\"2\"><c r=\"F2\"><v>4</v></c></row>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_TRUE(cell(result, 0, "A1").is_formula());
    EXPECT_EQ(cell(result, 0, "B1").text, "padded"); // the office trims a string result
    EXPECT_EQ(cell(result, 0, "C1").kind, Cell::Kind::empty);
    EXPECT_TRUE(cell(result, 0, "C1").is_formula());
    EXPECT_EQ(cell(result, 0, "D1").text, "#DIV/0!");
    EXPECT_EQ(cell(result, 0, "E1").text, "Err:521"); // #NULL!, named as the UNO reader does
    EXPECT_TRUE(cell(result, 0, "F2").is_formula());
    // Error results: .xlsx cannot carry LibreOffice's codes, the office recomputes them.
    ASSERT_TRUE(result.office_advice);
}

TEST(DirectReaderXlsx, Date1904AndMissingResult)
{
    const auto dates =
        read(xlsx("<row r=\"1\"><c r=\"A1\" t=\"d\"><v>1904-01-03T12:00:00</v></c></row>", "",
                  "<workbookPr date1904=\"1\"/>"));
    ASSERT_EQ(dates.status, Status::read) << dates.reason.en;
    EXPECT_EQ(dates.workbook.null_date.year, 1904);
    EXPECT_EQ(cell(dates, 0, "A1").number, 2.5);
    const auto missing = read(xlsx("<row r=\"1\"><c r=\"A1\"><f>1+1</f></c></row>"));
    EXPECT_EQ(missing.status, Status::needs_office);
    EXPECT_TRUE(read(xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "", "", "Microsoft Excel"))
                    .office_advice);
}

TEST(DirectReaderXlsx, CellsPastTheSheetAreDroppedAsTheOfficeDrops)
{
    // LibreOffice 7.4's sheets end at column AMJ (1024) and row 1048576.
    const auto result = read(xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"AMK1\"><v>2</v></c>"
                                  "</row><row r=\"1048577\"><c r=\"A1048577\"><v>3</v></c></row>"));
    ASSERT_EQ(result.status, Status::read) << result.reason.en;
    EXPECT_EQ(result.workbook.sheets[0].rows, 1u);
    EXPECT_EQ(result.workbook.sheets[0].columns, 1u);
}

TEST(DirectReaderXlsx, BadValuesAreUnreadableNotWrongNumbers)
{
    const auto result = read(xlsx("<row r=\"1\"><c r=\"A1\"><v>12abc</v></c></row>"));
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_NE(result.reason.en.find("First!A1"), std::string::npos) << result.reason.en;
    EXPECT_EQ(read(xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>")).status,
              Status::unreadable); // no such shared string
}

// ---- formats the office reads ----------------------------------------------------------------

TEST(DirectReaderFormats, SniffedFromTheBytes)
{
    using direct_reader::Format;
    EXPECT_EQ(direct_reader::sniff_format(std::string("PK\x03\x04", 4)), Format::zip);
    EXPECT_EQ(direct_reader::sniff_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), Format::ole);
    EXPECT_EQ(direct_reader::sniff_format("\xEF\xBB\xBF  <?xml"), Format::xml);
    EXPECT_EQ(direct_reader::sniff_format("Name,Amount\n"), Format::other);
    EXPECT_EQ(direct_reader::sniff_format(""), Format::other);
}

TEST(DirectReaderFormats, BinaryAndEncryptedOoxmlNeedTheOffice)
{
    const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
    const auto xls = read(ole + "Workbook");
    EXPECT_EQ(xls.status, Status::needs_office);
    EXPECT_NE(xls.reason.en.find(".xls"), std::string::npos);
    const auto encrypted =
        read(ole + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32));
    EXPECT_EQ(encrypted.status, Status::needs_office);
    EXPECT_NE(encrypted.reason.en.find("encrypted"), std::string::npos);
    EXPECT_EQ(read("random bytes, not a workbook").status, Status::needs_office);
}

// ---- hostile files ---------------------------------------------------------------------------

TEST(DirectReaderHostile, ZipBombIsAFinding)
{
    // 64 MiB of zeros deflate to about 64 KiB; the part cap is 1 MiB here.
    const std::string zeros(64u << 20, '\0');
    direct_reader::Limits limits;
    limits.max_part_bytes = 1u << 20;
    const auto result =
        read(test_files::zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
                              {"content.xml", zeros}}),
             limits);
    // Nothing past the cap is inflated; the office's path (its own ZIP check) has the file.
    EXPECT_EQ(result.status, Status::needs_office);
    EXPECT_NE(result.reason.en.find("zip bomb"), std::string::npos) << result.reason.en;
    EXPECT_NE(result.reason.fr.find("bombe zip"), std::string::npos);
}

TEST(DirectReaderHostile, SizeTheArchiveUnderstatesIsAFinding)
{
    // The central directory says content.xml holds 10 bytes; it inflates to more.
    std::string bytes = ods(row(text_cell("a longer text than ten bytes")));
    const std::string name = "content.xml";
    for (std::size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1))
    {
        // Local header (PK\3\4): the uncompressed size is 4 bytes at offset 22 from its start,
        // the name at 30; central header (PK\1\2): size at 24, name at 46.
        if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0)
            bytes.replace(at - 30 + 22, 4, std::string("\x0a\0\0\0", 4));
        if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0)
            bytes.replace(at - 46 + 24, 4, std::string("\x0a\0\0\0", 4));
    }
    const auto result = read(bytes);
    EXPECT_EQ(result.status, Status::unreadable) << result.reason.en;
}

TEST(DirectReaderHostile, DoctypeAndEntitiesAreNeverProcessed)
{
    const std::string external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                                 "\"file:///etc/passwd\">]><x>&e;</x>";
    const auto result =
        read(test_files::zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
                              {"content.xml", external}}));
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_EQ(result.reason.en.find("root:"), std::string::npos);
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">"
                               "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>";
    const auto expansion = read(laughs);
    EXPECT_EQ(expansion.status, Status::unreadable);
    EXPECT_NE(expansion.reason.en.find("DOCTYPE"), std::string::npos) << expansion.reason.en;
    const auto flat = read("<?xml version=\"1.0\"?><!DOCTYPE office:document SYSTEM "
                           "\"file:///etc/passwd\"><office:document/>");
    EXPECT_EQ(flat.status, Status::unreadable);
    EXPECT_NE(flat.reason.en.find("DOCTYPE"), std::string::npos) << flat.reason.en;
    // Behind a processing instruction with "?>" inside a quoted value (which does not end it,
    // for orcus as for the structure check): still refused by name.
    const auto quoted = read("<?xml version=\"1.0\"?><?pi a=\"?>\"?><!DOCTYPE x [<!ENTITY e "
                             "SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
    EXPECT_EQ(quoted.status, Status::unreadable);
    EXPECT_NE(quoted.reason.en.find("DOCTYPE"), std::string::npos) << quoted.reason.en;
    EXPECT_NE(quoted.reason.fr.find("DOCTYPE"), std::string::npos) << quoted.reason.fr;
}

TEST(DirectReaderHostile, MalformedXmlIsUnreadable)
{
    for (const std::string& paragraph :
         {std::string("bad &unknown; entity"), std::string("control \x01 byte"),
          std::string("not UTF-8 \xC3\x28"), std::string("surrogate \xED\xA0\x80"),
          std::string("<text:span>unclosed</text:p>")})
    {
        const auto result = read(ods(row(text_cell(paragraph))));
        EXPECT_EQ(result.status, Status::unreadable) << paragraph;
        EXPECT_NE(result.reason.en.find("content.xml"), std::string::npos) << result.reason.en;
    }
    // An attribute given twice: which value would the office take?
    EXPECT_EQ(read(ods(row("<table:table-cell office:value-type=\"float\" office:value=\"1\" "
                           "office:value=\"2\"/>")))
                  .status,
              Status::unreadable);
}

TEST(DirectReaderHostile, EveryTruncationIsAFinding)
{
    // A document cut anywhere ends inside some construct: orcus read past the end of such
    // documents (fuzz/regressions/); each must be refused, never read.
    const std::string whole = fods(row(text_cell("a <text:s text:c=\"2\"/>b") +
                                       "<table:table-cell office:value-type=\"float\" "
                                       "office:value=\"1\"/><!-- a comment -->"));
    ASSERT_EQ(read(whole).status, Status::read);
    for (std::size_t size = 0; size + 1 < whole.size(); ++size)
        EXPECT_NE(read(whole.substr(0, size)).status, Status::read) << size;
}

TEST(DirectReaderHostile, DeclarationWithAnUnclosedValueIsRefusedBeforeOrcus)
{
    // A "?>" inside a quoted value does not end a declaration for orcus, and a value that never
    // closes with an entity reference in it made orcus read the heap past the document (found by
    // fuzz/direct_reader_fuzzer.cxx: fuzz/regressions/direct_reader/crash-d5ca5e14..., the
    // first input here). Refused by the structure check, with its cause, before orcus runs.
    for (const std::string& document :
         {std::string("<?xml versionng=\"U?><office:docu:document g2docu1);OR/[.F168]=&quot;"
                      "1ble:table-rowtable$table>:/></office:docume>4/"),
          std::string("<?xml a=\"&amp;?><r/>"),
          std::string("<?xml version=\"1.0\"?><?pi a='&lt;?>") + fods(row(""), "x")})
    {
        const auto result = read(document);
        EXPECT_EQ(result.status, Status::unreadable) << document;
        EXPECT_NE(result.reason.en.find("an attribute value that does not end"), std::string::npos)
            << result.reason.en;
        EXPECT_NE(result.reason.fr.find("une valeur d'attribut qui ne se termine pas"),
                  std::string::npos)
            << result.reason.fr;
    }
    // A "?>" inside a value that closes is the value's, as for orcus: the file reads.
    const std::string flat = fods(row(text_cell("x")));
    const std::size_t root = flat.find("<office:document");
    const auto quoted = read(flat.substr(0, root) + "<?pi a=\"?>&amp;\"?>" + flat.substr(root));
    ASSERT_EQ(quoted.status, Status::read) << quoted.reason.en;
    EXPECT_EQ(cell(quoted, 0, "A1").text, "x");
}

TEST(DirectReaderHostile, FarCornerCellIsRefusedQuickly)
{
    // A 641-byte file can put one cell at AMJ1048576: a billion cells for a dense model.
    const auto started = std::chrono::steady_clock::now();
    const auto result = read(
        ods("<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell/>"
            "</table:table-row><table:table-row><table:table-cell "
            "table:number-columns-repeated=\"1023\"/><table:table-cell office:value-type=\"float\" "
            "office:value=\"1\"/></table:table-row>"));
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_NE(result.reason.en.find("10,000,000 cells"), std::string::npos) << result.reason.en;
    EXPECT_NE(result.reason.en.find("AMJ1048576"), std::string::npos) << result.reason.en;
    // Content repeated over a whole sheet too.
    const auto repeated =
        read(ods("<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell "
                 "office:value-type=\"float\" office:value=\"1\" "
                 "table:number-columns-repeated=\"1024\"/></table:table-row>"));
    EXPECT_EQ(repeated.status, Status::unreadable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(DirectReaderHostile, ModelStreamIsCheckedBeforeUse)
{
    // The parent decodes what a child sends: truncated or inconsistent streams are findings.
    const direct_reader::Limits limits;
    test_files::TempFile file("stream.ods", ods(row(text_cell("x"))));
    direct_reader::detail::StringSink sink;
    direct_reader::detail::read_path_guarded(file.path(), limits, sink);
    const std::string& bytes = sink.bytes;
    EXPECT_EQ(direct_reader::detail::decode_model(bytes, "x", limits).status, Status::read);
    for (std::size_t size = 0; size < bytes.size(); ++size)
        EXPECT_EQ(direct_reader::detail::decode_model(bytes.substr(0, size), "x", limits).status,
                  Status::unreadable)
            << size;
    std::string corrupt = bytes;
    corrupt[1] = '\x7f'; // a sheet's name length past the end
    EXPECT_EQ(direct_reader::detail::decode_model(corrupt, "x", limits).status, Status::unreadable);
}

#ifdef ONEPERCENT_FUZZ_REGRESSIONS
TEST(DirectReaderHostile, FuzzerFindingsStayFixed)
{
    // Each input that once crashed a fuzzer (fuzz/regressions/): read without a crash, as the
    // fuzzer gives it (a buffer of exactly its size). The fuzz tests replay them under ASan.
    std::size_t replayed = 0;
    for (const char* target : {"direct_reader", "xlsx_sheet"})
    {
        const std::filesystem::path folder =
            std::filesystem::path(ONEPERCENT_FUZZ_REGRESSIONS) / target;
        if (!std::filesystem::is_directory(folder))
            continue;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
        {
            if (entry.path().filename().string()[0] == '.')
                continue;
            std::ifstream file(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(file)),
                                    std::istreambuf_iterator<char>());
            const auto result = read(bytes);
            EXPECT_NE(result.status, Status::read) << entry.path();
            ++replayed;
        }
    }
    EXPECT_GE(replayed, 1u);
}
#endif

// ---- the child process -----------------------------------------------------------------------

TEST(DirectReaderIsolated, SameResultAsInProcess)
{
    test_files::TempFile file(
        "isolated.xlsx",
        xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>hello</t></si>"));
    const auto isolated = direct_reader::read_isolated(file.path());
    const auto local = direct_reader::read_file(file.path());
    ASSERT_EQ(isolated.status, Status::read) << isolated.reason.en;
    EXPECT_EQ(cell(isolated, 0, "A1").text, "hello");
    EXPECT_EQ(isolated.workbook.properties, local.workbook.properties);
    EXPECT_GT(isolated.child_peak_kib, 0);
}

TEST(DirectReaderIsolated, MemoryLimitIsAFinding)
{
    // A 40 MiB part cannot be held within 16 MiB more than the child inherits.
    test_files::TempFile file("memory.ods", ods(row(text_cell(std::string(40u << 20, 'x')))));
    direct_reader::Limits limits;
    limits.memory_bytes = 16u << 20;
    const auto result = direct_reader::read_isolated(file.path(), limits);
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_NE(result.reason.en.find("memory"), std::string::npos) << result.reason.en;
}

TEST(DirectReaderIsolated, FileThatNeverEndsTimesOut)
{
    // A named pipe nobody writes to: the child waits forever, the parent's deadline ends it.
    const std::string path = (std::filesystem::current_path() /
                              ("direct-reader-fifo-" + std::to_string(getpid()) + ".ods"))
                                 .string();
    ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
    direct_reader::Limits limits;
    limits.seconds = 1;
    const auto started = std::chrono::steady_clock::now();
    const auto result = direct_reader::read_isolated(path, limits);
    std::filesystem::remove(path);
    EXPECT_EQ(result.status, Status::unreadable);
    EXPECT_NE(result.reason.en.find("longer than 1 s"), std::string::npos) << result.reason.en;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(DirectReaderIsolated, MissingFileIsUnreadable)
{
    const auto result = direct_reader::read_isolated("no-such-file.xlsx");
    EXPECT_EQ(result.status, Status::unreadable);
}

// ---- the committed samples, validated without an office ---------------------------------------

#ifdef ONEPERCENT_SAMPLES
TEST(DirectReaderSamples, CleanXlsxPassesAndPlantedFails)
{
    const auto clean = direct_reader::read_isolated(ONEPERCENT_SAMPLES "/client-clean.xlsx");
    ASSERT_EQ(clean.status, Status::read) << clean.reason.en;
    EXPECT_FALSE(clean.office_advice);
    const validation::Report report = validation::validate(clean.workbook);
    EXPECT_TRUE(report.is_template);
    EXPECT_EQ(report.count(validation::Severity::error), 0u);
    const auto planted = direct_reader::read_isolated(ONEPERCENT_SAMPLES "/client-planted.xlsx");
    ASSERT_EQ(planted.status, Status::read) << planted.reason.en;
    EXPECT_GT(validation::validate(planted.workbook).count(validation::Severity::error), 0u);
}
#endif
