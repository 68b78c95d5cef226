// What a report shows of a hostile client file (issue 9): the text report escapes what a
// terminal would obey (item 5), every value is capped with its full length said (item 7), and
// a file not validated makes the run unsuccessful in SARIF, JSON and text (item 6).
#include "safe_text.hxx"
#include "validator.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace onepercent;
using namespace onepercent::validation;

namespace
{
bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// A readable template with one finding whose value (and the sheet name, the employer's name
// and the file's name) came from the client.
Report hostile_report(const std::string& value)
{
    Report report;
    report.file = "client\x1b]0;owned\x07\n.xlsx";
    report.sha256 = std::string(64, 'a');
    report.tool_version = tool_version();
    report.rule_set_version = "2024.1";
    report.rule_set_effective = {2024, 1, 1};
    report.is_template = true;
    report.figures.employer_name = "Usinage\x1b[2J inc.";
    Finding finding;
    finding.rule_id = "D-UNKNOWN-KEYWORD";
    finding.severity = Severity::error;
    finding.sheet = "Participation\xe2\x80\xae";
    finding.cell = "C7";
    finding.value = value;
    finding.message_en = "the role \"" + value + "\" is not a known keyword";
    finding.message_fr = "le rôle « " + value + " » n'est pas un mot-clé connu";
    finding.fix_en = "type a known role";
    finding.fix_fr = "saisir un rôle connu";
    report.findings.push_back(finding);
    report.checks["D-UNKNOWN-KEYWORD"] = 1;
    return report;
}

const std::string forged = std::string("observer\x1b[2J\x1b[H\nVerdict: passes (0 errors, 0 "
                                       "warnings, 0 infos)\r\x00\x9b"
                                       "31m\xc2\x9b"
                                       "0m\xe2\x80\xae"
                                       "evil\xe2\x81\xa6\t\x7f\xff",
                                       80);

std::size_t lines_starting_with(const std::string& text, const std::string& start)
{
    std::size_t count = 0, at = 0;
    while (at < text.size())
    {
        if (text.compare(at, start.size(), start) == 0)
            ++count;
        const std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return count;
}
} // namespace

TEST(TerminalSafe, EscapesControlsBidiAndBadBytes)
{
    EXPECT_EQ(terminal_safe("a\x1b[2Jb"), "a\\x1B[2Jb");
    EXPECT_EQ(terminal_safe("line\nforged\r"), "line\\nforged\\r");
    EXPECT_EQ(terminal_safe(std::string("nul\0end", 7)), "nul\\x00end");
    EXPECT_EQ(terminal_safe("\xe2\x80\xae"
                            "abc"),
              "\\u202Eabc"); // right-to-left override
    EXPECT_EQ(terminal_safe("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069"); // isolates
    EXPECT_EQ(terminal_safe("\xc2\x9b"
                            "31m"),
              "\\u009B31m");                         // C1 CSI, as UTF-8
    EXPECT_EQ(terminal_safe("caf\xe9"), "caf\\xE9"); // Latin-1: not UTF-8
    EXPECT_EQ(terminal_safe("Dépenses – 19 788,11 $"), "Dépenses – 19 788,11 $");
}

TEST(Capped, KeepsTwoHundredCharactersAndSaysTheLength)
{
    EXPECT_EQ(capped("short", Language::en), "short");
    const std::string long_value(50'000'000, 'A');
    const std::string english = capped(long_value, Language::en);
    EXPECT_EQ(english, std::string(200, 'A') + " … (50000000 characters)");
    EXPECT_EQ(capped(long_value, Language::fr), std::string(200, 'A') + " … (50000000 caractères)");
    // Characters, not bytes: an accented text is cut between characters.
    std::string accented;
    for (int index = 0; index < 300; ++index)
        accented += "é";
    const std::string cut = capped(accented, Language::en);
    EXPECT_EQ(cut.substr(0, 400), accented.substr(0, 400));
    EXPECT_TRUE(contains(cut, "(300 characters)")) << cut;
    EXPECT_EQ(capped(accented.substr(0, 400), Language::en), accented.substr(0, 400)); // 200
}

TEST(TextReportOfHostileCells, NothingReachesTheTerminalRaw)
{
    const std::string text =
        format_reports({hostile_report(forged)}, ReportFormat::text, Language::en);
    for (unsigned char byte : text)
        EXPECT_TRUE(byte >= 0x20 || byte == '\n') << "raw control byte " << int(byte);
    EXPECT_FALSE(contains(text, "\x7f"));
    EXPECT_FALSE(contains(text, "\xe2\x80\xae")) << "a right-to-left override reached the text";
    EXPECT_FALSE(contains(text, "\xc2\x9b")) << "a C1 control reached the text";
    EXPECT_EQ(lines_starting_with(text, "Verdict"), 1u) << text; // no forged verdict line
    EXPECT_TRUE(contains(text, "observer\\x1B[2J\\x1B[H\\nVerdict: passes")) << text;
    EXPECT_TRUE(contains(text, "Participation\\u202E!C7")) << text;
    EXPECT_TRUE(contains(text, "File: client\\x1B]0;owned\\x07\\n.xlsx")) << text;
    EXPECT_TRUE(contains(text, "Usinage\\x1B[2J inc.")) << text;
    const std::string french =
        format_reports({hostile_report(forged)}, ReportFormat::text, Language::fr);
    EXPECT_EQ(lines_starting_with(french, "Verdict"), 1u) << french;
    EXPECT_FALSE(contains(french, "\x1b"));
}

TEST(JsonAndSarifOfHostileCells, StayEscapedAsJson)
{
    for (ReportFormat format : {ReportFormat::json, ReportFormat::sarif})
    {
        const std::string json = format_reports({hostile_report(forged)}, format, Language::en);
        for (unsigned char byte : json)
            EXPECT_TRUE(byte >= 0x20 || byte == '\n') << "raw control byte " << int(byte);
        EXPECT_TRUE(contains(json, "observer\\u001b[2J\\u001b[H\\nVerdict")) << json;
    }
}

TEST(ReportOfAHugeCell, EveryValueIsCappedWithItsLength)
{
    const std::string huge(50'000'000, 'A');
    const std::vector<Report> reports{hostile_report(huge)};
    for (ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::sarif})
    {
        const std::string report = format_reports(reports, format, Language::en);
        EXPECT_LT(report.size(), 100'000u) << "format " << int(format);
        EXPECT_TRUE(contains(report, std::string(200, 'A') + " … (50000000 characters)"))
            << "format " << int(format);
        // The value alone: 200; a message or fix that quotes it: at most 1,000 characters.
        EXPECT_FALSE(contains(report, std::string(1001, 'A'))) << "format " << int(format);
    }
    const std::string french = format_reports(reports, ReportFormat::json, Language::fr);
    EXPECT_TRUE(contains(french, "(50000000 caractères)"));
}

TEST(RunWithAFileNotValidated, SaysSoInEveryFormat)
{
    const std::vector<Report> all_read{hostile_report("observer")};
    const std::vector<Report> one_not{hostile_report("observer"),
                                      unreadable_report("broken.xlsx", "", "bridge disposed")};
    EXPECT_TRUE(contains(format_reports(all_read, ReportFormat::sarif, Language::en),
                         "\"executionSuccessful\":true"));
    const std::string sarif = format_reports(one_not, ReportFormat::sarif, Language::en);
    EXPECT_TRUE(contains(sarif, "\"executionSuccessful\":false")) << sarif;
    EXPECT_TRUE(contains(sarif, "\"toolExecutionNotifications\":[{\"level\":\"error\""));
    EXPECT_TRUE(contains(sarif, "broken.xlsx: bridge disposed"));
    EXPECT_TRUE(contains(format_reports(all_read, ReportFormat::json, Language::en),
                         "\"allValidated\":true"));
    const std::string json = format_reports(one_not, ReportFormat::json, Language::en);
    EXPECT_TRUE(contains(json, "\"notValidated\":1")) << json;
    EXPECT_TRUE(contains(json, "\"allValidated\":false")) << json;
    const std::string text = format_reports(one_not, ReportFormat::text, Language::en);
    EXPECT_TRUE(contains(text, "NOT VALIDATED: 1 of 2 files could not be validated")) << text;
    EXPECT_FALSE(
        contains(format_reports(all_read, ReportFormat::text, Language::en), "NOT VALIDATED"));
    EXPECT_TRUE(contains(format_reports(one_not, ReportFormat::text, Language::fr),
                         "NON VALIDÉ : 1 sur 2 fichiers n'ont pas pu être validés"));
}
