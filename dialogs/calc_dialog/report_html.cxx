#include "report_html.hxx"

#include "ui_text.hxx"

namespace onepercent::calc_dialog
{
std::string html_escape(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const char character : text)
    {
        switch (character)
        {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += character;
        }
    }
    return escaped;
}

namespace
{
void cell(std::string& out, std::string_view tag, std::string_view text)
{
    out += '<';
    out += tag;
    out += '>';
    out += html_escape(text);
    out += "</";
    out += tag;
    out += '>';
}
} // namespace

std::string report_html(const FindingsView& view)
{
    const Language language = view.language();
    const Report& report = view.report();
    const Header header = header_of(report, language);
    const std::string title = std::string(text(Text::report_title, language));

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"";
    out += language == Language::fr ? "fr" : "en";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) + "</title>\n";
    out += "<style>\n"
           "body{font-family:sans-serif;margin:2em;color:#222}\n"
           "table{border-collapse:collapse;width:100%}\n"
           "th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}\n"
           "th{background:#eee}\n"
           ".verdict{font-weight:bold;font-size:1.2em}\n"
           ".compliant{color:#1a6b1a}.not-compliant{color:#b00020}\n"
           "tr.error td:first-child{color:#b00020;font-weight:bold}\n"
           "tr.warning td:first-child{color:#a05a00}\n"
           "tr.info td:first-child{color:#2050a0}\n"
           "</style>\n</head>\n<body>\n";
    out += "<h1>" + html_escape(title) + "</h1>\n<p>";
    for (const std::string* line :
         {&header.workbook, &header.year_and_employer, &header.rule_set, &header.counts})
        out += html_escape(*line) + "<br>\n";
    if (!report.sha256.empty())
        out += "SHA-256: <code>" + html_escape(report.sha256) + "</code><br>\n";
    out += "</p>\n<p class=\"verdict ";
    out += header.compliant ? "compliant" : "not-compliant";
    out += "\">" + html_escape(header.verdict) + "</p>\n";
    if (!header.contribution.empty())
        out += "<p>" + html_escape(header.contribution) + "</p>\n";

    out += "<table>\n<thead><tr>";
    for (const Text column :
         {Text::column_severity, Text::column_rule, Text::detail_reference, Text::detail_location,
          Text::column_value, Text::column_message, Text::column_fix})
        cell(out, "th", text(column, language));
    out += "</tr></thead>\n<tbody>\n";
    FindingsView all = view;
    all.set_filter(SeverityFilter{});
    for (const std::size_t index : all.rows())
    {
        const Finding& finding = report.findings[index];
        out += "<tr class=\"";
        out += severity_name(finding.severity);
        out += "\">";
        cell(out, "td", severity_label(finding.severity, language));
        cell(out, "td", finding.rule_id);
        cell(out, "td", finding.legal_reference);
        cell(out, "td", location_text(finding, language));
        cell(out, "td", finding.value);
        cell(out, "td", message(finding, language));
        cell(out, "td", fix(finding, language));
        out += "</tr>\n";
    }
    if (all.rows().empty())
    {
        out += "<tr><td colspan=\"7\">";
        out += html_escape(text(Text::no_findings, language));
        out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n<p><small>OnePercent " + html_escape(report.tool_version) +
           " · CQLR c. D-8.3, r. 3</small></p>\n</body>\n</html>\n";
    return out;
}
} // namespace onepercent::calc_dialog
