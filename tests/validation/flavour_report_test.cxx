// The reports say which template a file is made from (issue 8): the flavour (document property
// OnePercentFlavour, linked | portable) and the template version, in text, JSON and HTML.
#include "html_report.hxx"
#include "workbook_fixture.hxx"

using namespace fixture;

namespace
{
bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

Report portable_report()
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentTemplateVersion"] = "1.1";
    workbook.properties["OnePercentFlavour"] = " portable ";
    // No Law sheet: the report still says what the file claims to be.
    return validate(workbook);
}
} // namespace

TEST(ValidationFlavourReport, TheTemplateTextJoinsFlavourAndVersion)
{
    FileFacts facts;
    EXPECT_EQ(template_text(facts), "");
    facts.template_version = "1.0";
    EXPECT_EQ(template_text(facts), "1.0");
    facts.flavour = "portable";
    facts.template_version = "1.1";
    EXPECT_EQ(template_text(facts), "portable 1.1");
    facts.template_version.clear();
    EXPECT_EQ(template_text(facts), "portable");
}

TEST(ValidationFlavourReport, TextJsonAndHtmlShowTheFlavour)
{
    const Report report = portable_report();
    EXPECT_EQ(report.facts.flavour, "portable");
    EXPECT_EQ(report.facts.template_version, "1.1");
    const std::string text = format_reports({report}, ReportFormat::text, Language::en);
    EXPECT_TRUE(contains(text, "\nTemplate: portable 1.1\n")) << text;
    const std::string french = format_reports({report}, ReportFormat::text, Language::fr);
    EXPECT_TRUE(contains(french, "\nModèle : portable 1.1\n")) << french;
    const std::string json = format_reports({report}, ReportFormat::json, Language::en);
    EXPECT_TRUE(contains(json, "\"templateVersion\":\"1.1\",\"flavour\":\"portable\"")) << json;
    const std::string html = format_html({report}, Language::en);
    EXPECT_TRUE(contains(html, "Template</td><td>portable 1.1</td>")) << html;
    EXPECT_TRUE(contains(format_html({report}, Language::fr), "Modèle</td><td>portable 1.1"));
}

TEST(ValidationFlavourReport, AFileWithoutTheFlavourShowsItsVersionOnly)
{
    const Report report = validate(clean_workbook()); // template 1.0, no flavour
    const std::string text = format_reports({report}, ReportFormat::text, Language::en);
    EXPECT_TRUE(contains(text, "\nTemplate: 1.0\n")) << text;
    const std::string json = format_reports({report}, ReportFormat::json, Language::en);
    EXPECT_TRUE(contains(json, "\"templateVersion\":\"1.0\",\"flavour\":\"\"")) << json;
}

TEST(ValidationFlavourReport, AHostileFlavourIsCappedAndEscaped)
{
    Workbook workbook = clean_workbook();
    workbook.properties["OnePercentFlavour"] = "<b>\x1b[2J" + std::string(5000, 'x');
    const Report report = validate(workbook);
    const std::string text = format_reports({report}, ReportFormat::text, Language::en);
    EXPECT_FALSE(contains(text, "\x1b")) << text.substr(0, 400);
    EXPECT_TRUE(contains(text, "characters)")) << text.substr(0, 400);
    const std::string html = format_html({report}, Language::en);
    EXPECT_FALSE(contains(html, "<b>\x1b"));
    EXPECT_TRUE(contains(html, "&lt;b&gt;"));
    EXPECT_LT(html.size(), 20'000u);
}
