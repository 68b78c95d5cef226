// The HTML report shared by the dialog and the command line (issue 10, item 5).
#include "html_report.hxx"

#include "engine/number_text.hxx"
#include "legal_reference.hxx"
#include "safe_text.hxx"
#include "template_reader.hxx"

#include <ctime>
#include <map>

namespace onepercent::validation
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

std::string utc_now_text()
{
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    if (gmtime_r(&now, &parts) == nullptr)
        return "?";
    const auto two = [](int value) { return (value < 10 ? "0" : "") + std::to_string(value); };
    return civil_date_text({parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday}) + " " +
           two(parts.tm_hour) + ":" + two(parts.tm_min) + " UTC";
}

std::string display_value(const std::string& value, Language language)
{
    if (language != Language::fr || value.empty())
        return value;
    std::size_t index = value[0] == '-' ? 1 : 0;
    std::size_t digits = 0;
    std::size_t points = 0;
    for (; index < value.size(); ++index)
    {
        if (value[index] >= '0' && value[index] <= '9')
            ++digits;
        else if (value[index] == '.' && points == 0 && digits > 0)
            ++points;
        else
            return value;
    }
    if (digits == 0 || value.back() == '.')
        return value;
    std::string shown = value;
    for (char& character : shown)
        if (character == '.')
            character = ',';
    return shown;
}

namespace
{
struct Words
{
    std::string_view en;
    std::string_view fr;
};

class Page
{
  public:
    explicit Page(Language language)
        : language_(language)
    {
    }

    std::string_view say(const Words& words) const
    {
        return language_ == Language::fr ? words.fr : words.en;
    }
    std::string colon() const { return language_ == Language::fr ? " : " : ": "; }
    bool fr() const { return language_ == Language::fr; }
    Language language() const { return language_; }

    void raw(std::string_view html) { out_ += html; }
    void text(std::string_view text) { out_ += html_escape(text); }
    void element(std::string_view tag, std::string_view text, std::string_view attributes = "")
    {
        out_ += '<';
        out_ += tag;
        if (!attributes.empty())
        {
            out_ += ' ';
            out_ += attributes;
        }
        out_ += '>';
        out_ += html_escape(text);
        out_ += "</";
        out_ += tag;
        out_ += '>';
    }
    void row(std::initializer_list<std::string_view> cells,
             std::string_view tag = "td",
             std::string_view row_class = "")
    {
        out_ += row_class.empty() ? "<tr>" : "<tr class=\"" + std::string(row_class) + "\">";
        for (std::string_view cell : cells)
            element(tag, cell);
        out_ += "</tr>\n";
    }
    std::string take() { return std::move(out_); }

  private:
    Language language_;
    std::string out_;
};

// "1 error" / "2 errors"; French takes the singular for 0 and 1.
std::string counted(std::size_t count, Language language, const Words& one, const Words& many)
{
    const bool singular = language == Language::fr ? count <= 1 : count == 1;
    const Words& words = singular ? one : many;
    return std::to_string(count) + " " +
           std::string(language == Language::fr ? words.fr : words.en);
}

std::string errors_text(std::size_t count, Language language)
{
    return counted(count, language, {"error", "erreur"}, {"errors", "erreurs"});
}

std::string counts_text(const Report& report, Language language)
{
    return errors_text(report.count(Severity::error), language) + ", " +
           counted(report.count(Severity::warning), language, {"warning", "avertissement"},
                   {"warnings", "avertissements"}) +
           ", " +
           counted(report.count(Severity::info), language, {"info", "information"},
                   {"infos", "informations"});
}

std::string severity_text(Severity severity, Language language)
{
    const bool fr = language == Language::fr;
    switch (severity)
    {
    case Severity::error:
        return fr ? "Erreur" : "Error";
    case Severity::warning:
        return fr ? "Avertissement" : "Warning";
    case Severity::info:
        return "Info";
    }
    return "";
}

// The verdict line and its class.
std::pair<std::string, std::string_view> verdict_of(const Report& report, Language language)
{
    const bool fr = language == Language::fr;
    if (!report.readable)
        return {(fr ? "NON VALIDÉ : le fichier est illisible : " : "NOT VALIDATED: unreadable: ") +
                    report.read_error,
                "not-compliant"};
    if (!report.is_template)
        return {fr ? "Ce document n'est pas un classeur OnePercent."
                   : "This document is not a OnePercent workbook.",
                "not-compliant"};
    const std::size_t errors = report.count(Severity::error);
    if (errors == 0)
        return {fr ? "CONFORME : aucune erreur trouvée." : "COMPLIANT: no error found.",
                "compliant"};
    return {(fr ? "NON CONFORME : " : "NOT COMPLIANT: ") + errors_text(errors, language) +
                (fr ? " à corriger." : " to fix."),
            "not-compliant"};
}

std::string figure_text(const FigureSet& figures, std::string_view key, Language language)
{
    const std::optional<double> figure = figure_of(figures, key);
    if (!figure)
        return "—";
    if (key == "subject")
        return yes_no_text(*figure != 0.0, language);
    return money_amount_text(*figure, language);
}

bool any_figure(const WorkbookFigures& figures)
{
    for (std::string_view key : figure_keys())
        if (figure_of(figures.computed, key) || figure_of(figures.workbook, key))
            return true;
    return false;
}

void write_report(Page& page, const Report& report, const HtmlOptions& options)
{
    const Language language = page.language();
    page.raw("<section>\n");
    page.element("h2", report.file);

    // What the report is about and what made it: enough to file it.
    page.raw("<table class=\"facts\">\n");
    page.row({page.say({"Report date", "Date du rapport"}), options.generated}, "td");
    page.row({page.say({"File", "Fichier"}), report.file});
    page.row({"SHA-256", report.sha256.empty()
                             ? std::string(page.say({"none: the document has changes not saved",
                                                     "aucun : le document a des modifications non "
                                                     "enregistrées"}))
                             : report.sha256});
    page.row({page.say({"Rule set", "Jeu de règles"}),
              report.rule_set_version +
                  std::string(page.say({", in force since ", ", en vigueur depuis le "})) +
                  civil_date_text(report.rule_set_effective)});
    page.row({page.say({"Tool", "Outil"}), "OnePercent " + report.tool_version});
    // The template's flavour and version, as the file's properties say (issue 8).
    if (const std::string shown = template_text(report.facts); !shown.empty())
        page.row({page.say({"Template", "Modèle"}), capped(shown, language)});
    if (!report.figures.employer_name.empty())
        page.row({page.say({"Employer", "Employeur"}), report.figures.employer_name});
    if (report.figures.fiscal_year != 0)
        page.row({page.say({"Fiscal year", "Année"}), std::to_string(report.figures.fiscal_year)});
    if (report.facts.retention_until) // r. 3, s. 4 (issue 12, item 5)
        page.row({page.say({"Keep the supporting documents until",
                            "Conserver les pièces justificatives jusqu'au"}),
                  civil_date_text(*report.facts.retention_until) + " (" +
                      legal_reference_text("r. 3, s. 4", language) + ")"});
    page.raw("</table>\n");

    if (options.unsaved_changes)
    {
        page.raw("<p class=\"unsaved\">");
        page.text(page.say(
            {"These figures are of the document's unsaved changes, not of a file on disk: save "
             "the document and validate again to file this report.",
             "Ces chiffres sont ceux des modifications non enregistrées du document, pas d'un "
             "fichier sur disque : enregistrez le document et validez de nouveau pour classer "
             "ce rapport."}));
        page.raw("</p>\n");
    }

    const auto [verdict, verdict_class] = verdict_of(report, language);
    page.raw("<p class=\"verdict " + std::string(verdict_class) + "\">");
    page.text(verdict);
    page.raw("</p>\n<p>");
    page.text(counts_text(report, language));
    page.raw("</p>\n");

    if (any_figure(report.figures))
    {
        page.element("h3", page.say({"Figures", "Chiffres"}));
        page.raw("<table class=\"figures\">\n<thead>");
        page.row({page.say({"Figure", "Chiffre"}),
                  page.say({"Computed by OnePercent", "Calculé par OnePercent"}),
                  page.say({"Shown by the workbook", "Indiqué par le classeur"})},
                 "th");
        page.raw("</thead>\n<tbody>\n");
        for (std::string_view key : figure_keys())
        {
            const std::string computed = figure_text(report.figures.computed, key, language);
            const std::string shown = figure_text(report.figures.workbook, key, language);
            const bool differs = figure_of(report.figures.computed, key) &&
                                 figure_of(report.figures.workbook, key) && computed != shown;
            page.row({figure_label(key, language), computed, shown}, "td",
                     differs ? "differs" : "");
        }
        page.raw("</tbody>\n</table>\n");
    }

    page.element("h3", page.say({"Findings", "Constats"}));
    page.raw("<table class=\"findings\">\n<thead>");
    page.row({page.say({"Severity", "Gravité"}), page.say({"Rule", "Règle"}),
              page.say({"Legal reference", "Référence légale"}),
              page.say({"Location", "Emplacement"}), page.say({"Value", "Valeur"}),
              page.say({"Message", "Message"}), page.say({"Suggested fix", "Correction proposée"})},
             "th");
    page.raw("</thead>\n<tbody>\n");
    const bool fr = page.fr();
    for (const Finding& finding : report.findings)
    {
        const std::string location = finding.location();
        const std::string& message =
            fr && !finding.message_fr.empty() ? finding.message_fr : finding.message_en;
        const std::string& fix = fr && !finding.fix_fr.empty() ? finding.fix_fr : finding.fix_en;
        page.row({severity_text(finding.severity, language), finding.rule_id,
                  legal_reference_text(finding.legal_reference, language),
                  location.empty() ? std::string(fr ? "(fichier)" : "(file)") : location,
                  display_value(finding.value, language), message, fix},
                 "td", severity_name(finding.severity));
    }
    if (report.findings.empty())
    {
        page.raw("<tr><td colspan=\"7\">");
        page.text(page.say({"No finding.", "Aucun constat."}));
        page.raw("</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n");

    if (!report.checks.empty())
    {
        std::map<std::string, std::size_t> per_rule;
        for (const Finding& finding : report.findings)
            ++per_rule[finding.rule_id];
        page.element("h3", page.say({"Rules checked", "Règles vérifiées"}));
        page.raw("<table class=\"checks\">\n<thead>");
        page.row({page.say({"Rule", "Règle"}), page.say({"Title", "Titre"}),
                  page.say({"Legal reference", "Référence légale"}),
                  page.say({"Checks", "Vérifications"}), page.say({"Findings", "Constats"})},
                 "th");
        page.raw("</thead>\n<tbody>\n");
        for (const auto& [id, checks] : report.checks)
        {
            const Rule* rule = find_rule(id);
            const auto found = per_rule.find(id);
            page.row({id, rule ? (fr ? rule->title_fr : rule->title_en) : std::string_view(),
                      rule ? legal_reference_text(rule->legal_reference, language) : std::string(),
                      std::to_string(checks),
                      std::to_string(found == per_rule.end() ? 0 : found->second)});
        }
        page.raw("</tbody>\n</table>\n");
    }
    page.raw("</section>\n");
}
} // namespace

std::string
format_html(const std::vector<Report>& reports, Language language, const HtmlOptions& given)
{
    HtmlOptions options = given;
    if (options.generated.empty())
        options.generated = utc_now_text();
    Page page(language);
    const std::string title(
        page.say({"OnePercent validation report", "Rapport de validation OnePercent"}));
    page.raw("<!DOCTYPE html>\n<html lang=\"");
    page.raw(page.fr() ? "fr" : "en");
    page.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    page.text(title);
    page.raw("</title>\n<style>\n"
             "body{font-family:sans-serif;margin:2em;color:#222}\n"
             "table{border-collapse:collapse;margin-bottom:1em}\n"
             "table.findings,table.checks{width:100%}\n"
             "th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}\n"
             "th{background:#eee}\n"
             "table.facts td:first-child{font-weight:bold;background:#f6f6f6}\n"
             "table.figures td:nth-child(n+2),table.checks td:nth-child(n+4){text-align:right;"
             "white-space:nowrap}\n"
             "tr.differs td{background:#fdecea}\n"
             "table.findings td:nth-child(3){min-width:11em}\n"
             ".verdict{font-weight:bold;font-size:1.2em}\n"
             ".compliant{color:#1a6b1a}.not-compliant{color:#b00020}\n"
             ".unsaved{border-left:4px solid #a05a00;padding-left:.5em;color:#a05a00}\n"
             "tr.error td:first-child{color:#b00020;font-weight:bold}\n"
             "tr.warning td:first-child{color:#a05a00}\n"
             "tr.info td:first-child{color:#2050a0}\n"
             "</style>\n</head>\n<body>\n");
    page.element("h1", title);
    for (const Report& report : reports)
        write_report(page, report, options);
    if (reports.size() > 1)
    {
        std::size_t errors = 0;
        for (const Report& report : reports)
            errors += report.count(Severity::error);
        page.raw("<p>");
        page.text(counted(reports.size(), language, {"file", "fichier"}, {"files", "fichiers"}) +
                  ", " + errors_text(errors, language));
        page.raw("</p>\n");
    }
    page.raw("<p><small>");
    page.text("OnePercent " + tool_version() + " · " +
              (page.fr() ? "RLRQ, c. D-8.3, r. 3" : "CQLR, c. D-8.3, r. 3") + " · " +
              options.generated);
    page.raw("</small></p>\n</body>\n</html>\n");
    return page.take();
}
} // namespace onepercent::validation
