// Reports of several files as text (for people), JSON (the whole Report) and SARIF 2.1.0
// (for code-scanning tools).
#include "engine/number_text.hxx"
#include "html_report.hxx"
#include "legal_reference.hxx"
#include "safe_text.hxx"
#include "template_reader.hxx"
#include "validator.hxx"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <vector>

namespace onepercent::validation
{
namespace
{
constexpr std::string_view tool_name = "onepercent-validate";
constexpr std::string_view information_uri = "https://example.invalid/onepercent";

std::string date_text(CivilDate date)
{
    return iso_date_text(date); // std::to_chars inside: locale-independent
}

const std::string& text_in(Language language, const std::string& english, const std::string& french)
{
    return language == Language::fr ? french : english;
}

std::string_view in(Language language, std::string_view english, std::string_view french)
{
    return language == Language::fr ? french : english;
}

// "1 file", "2 files"; French takes the singular for 0 and 1 ("0 erreur", "1 erreur").
std::string count_word(std::size_t count,
                       bool french,
                       std::string_view english_singular,
                       std::string_view french_singular)
{
    const bool plural = french ? count > 1 : count != 1;
    std::string word(french ? french_singular : english_singular);
    if (plural)
        word += 's';
    return word;
}

std::string counted(std::size_t count,
                    bool french,
                    std::string_view english_singular,
                    std::string_view french_singular)
{
    return std::to_string(count) + " " +
           count_word(count, french, english_singular, french_singular);
}

std::string pad_right(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

std::string pad_left(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.insert(0, width - text.size(), ' ');
    return text;
}

// ---- A small JSON writer: commas and escaping done once -----------------------------------
class JsonWriter
{
  public:
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }

    JsonWriter& key(std::string_view name)
    {
        separate();
        write_string(name);
        out_ += ':';
        after_key_ = true;
        return *this;
    }
    JsonWriter& value(std::string_view text)
    {
        separate();
        write_string(text);
        return *this;
    }
    JsonWriter& null()
    {
        separate();
        out_ += "null";
        return *this;
    }
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag)
    {
        separate();
        out_ += flag ? "true" : "false";
        return *this;
    }
    JsonWriter& value(double number)
    {
        separate();
        if (!std::isfinite(number))
        {
            out_ += "null";
            return *this;
        }
        // %.15g in the C locale, whatever the process locale (a French office's is French).
        out_ += shortest_number_text(number, Language::en);
        return *this;
    }
    JsonWriter& value(std::size_t number)
    {
        separate();
        out_ += std::to_string(number);
        return *this;
    }
    JsonWriter& value(int number)
    {
        separate();
        out_ += std::to_string(number);
        return *this;
    }
    template <typename T> JsonWriter& member(std::string_view name, const T& content)
    {
        key(name);
        return value(content);
    }

    std::string text() const { return out_ + "\n"; }

  private:
    JsonWriter& open(char bracket)
    {
        separate();
        out_ += bracket;
        first_.push_back(true);
        return *this;
    }
    JsonWriter& close(char bracket)
    {
        out_ += bracket;
        first_.pop_back();
        return *this;
    }
    void separate()
    {
        if (after_key_)
        {
            after_key_ = false;
            return;
        }
        if (!first_.empty())
        {
            if (!first_.back())
                out_ += ',';
            first_.back() = false;
        }
    }
    // UTF-8 passes through; control characters are escaped; bytes that are not UTF-8 become
    // U+FFFD so that the output stays valid JSON.
    void write_string(std::string_view text)
    {
        out_ += '"';
        std::size_t index = 0;
        while (index < text.size())
        {
            const auto byte = static_cast<unsigned char>(text[index]);
            if (byte < 0x80)
            {
                write_ascii(static_cast<char>(byte));
                ++index;
                continue;
            }
            std::uint32_t code_point = 0;
            const std::size_t length = decode_utf8(text, index, code_point);
            if (length == 0)
            {
                out_ += "\xEF\xBF\xBD";
                ++index;
                continue;
            }
            out_.append(text.substr(index, length));
            index += length;
        }
        out_ += '"';
    }
    void write_ascii(char character)
    {
        switch (character)
        {
        case '"':
            out_ += "\\\"";
            return;
        case '\\':
            out_ += "\\\\";
            return;
        case '\n':
            out_ += "\\n";
            return;
        case '\r':
            out_ += "\\r";
            return;
        case '\t':
            out_ += "\\t";
            return;
        case '\b':
            out_ += "\\b";
            return;
        case '\f':
            out_ += "\\f";
            return;
        default:
            break;
        }
        if (static_cast<unsigned char>(character) < 0x20 || character == 0x7F)
        {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(character));
            out_ += buffer;
            return;
        }
        out_ += character;
    }

    std::string out_;
    std::vector<bool> first_;
    bool after_key_ = false;
};

// ---- Verdicts and totals ------------------------------------------------------------------
std::string_view verdict(const Report& report, Language language)
{
    if (!report.readable)
        return in(language, "not validated: unreadable", "non validé : illisible");
    if (!report.is_template)
        return in(language, "not a OnePercent workbook", "pas un classeur OnePercent");
    if (report.count(Severity::error) > 0)
        return in(language, "fails", "non conforme");
    if (report.count(Severity::warning) > 0)
        return in(language, "passes with warnings", "conforme avec avertissements");
    return in(language, "passes", "conforme");
}

struct Totals
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t not_validated = 0; // unreadable files: the run is not a full answer
};

Totals totals_of(const std::vector<Report>& reports)
{
    Totals totals;
    for (const Report& report : reports)
    {
        totals.not_validated += report.readable ? 0 : 1;
        totals.errors += report.count(Severity::error);
        totals.warnings += report.count(Severity::warning);
        totals.infos += report.count(Severity::info);
    }
    return totals;
}

std::string severity_word(Severity severity, Language language)
{
    if (language == Language::en)
        return std::string(severity_name(severity));
    switch (severity)
    {
    case Severity::error:
        return "erreur";
    case Severity::warning:
        return "avertissement";
    case Severity::info:
        return "info";
    }
    return "erreur";
}

// ---- Text ---------------------------------------------------------------------------------
// One figure as the text and HTML reports show it: money, "yes"/"no", or "-" when absent.
std::string figure_text(const FigureSet& figures, std::string_view key, Language language)
{
    const std::optional<double> figure = figure_of(figures, key);
    if (!figure)
        return "-";
    if (key == "subject")
        return yes_no_text(*figure != 0.0, language);
    return money_text(*figure, language);
}

// The figures the validator computed beside those the workbook shows (issue 7, item 16).
void write_text_figures(std::string& out, const WorkbookFigures& figures, Language language)
{
    bool any = false;
    for (std::string_view key : figure_keys())
        any = any || figure_of(figures.computed, key) || figure_of(figures.workbook, key);
    if (!any)
        return;
    const bool fr = language == Language::fr;
    const auto pad = [](std::string text, std::size_t width)
    {
        std::size_t shown = 0; // code points, for the alignment of accented labels
        for (unsigned char byte : text)
            shown += (byte & 0xC0) != 0x80;
        if (shown < width)
            text.append(width - shown, ' ');
        return text;
    };
    out += pad(fr ? "Chiffres" : "Figures", 34) + pad(fr ? "calculés" : "computed", 20) +
           (fr ? "classeur" : "workbook") + "\n";
    for (std::string_view key : figure_keys())
        out += "  " + pad(std::string(figure_label(key, language)), 32) +
               pad(figure_text(figures.computed, key, language), 20) +
               figure_text(figures.workbook, key, language) + "\n";
}

void write_text_report(std::string& out, const Report& report, Language language)
{
    const bool fr = language == Language::fr;
    out += (fr ? "Fichier : " : "File: ") + report.file + "\n";
    out += "SHA-256" + std::string(fr ? " : " : ": ") +
           (report.sha256.empty() ? std::string("-") : report.sha256) + "\n";
    if (!report.reader.empty()) // --reader: "direct" (no office) or "office"
        out += (fr ? "Lecteur : " : "Reader: ") + report.reader + "\n";
    out += (fr ? "Jeu de règles : " : "Rule set: ") + report.rule_set_version +
           (fr ? ", en vigueur le " : ", effective ") + date_text(report.rule_set_effective) + "\n";
    // The template's version and flavour, as the file's properties say (issue 8).
    if (const std::string shown = template_text(report.facts); !shown.empty())
        out += (fr ? "Modèle : " : "Template: ") + shown + "\n";
    if (!report.figures.employer_name.empty() || report.figures.fiscal_year != 0)
    {
        out += (fr ? "Employeur : " : "Employer: ") + report.figures.employer_name;
        if (report.figures.fiscal_year != 0)
            out +=
                (fr ? ", année " : ", fiscal year ") + std::to_string(report.figures.fiscal_year);
        if (report.figures.has_contribution)
            out += (fr ? ", ligne 53 : " : ", line 53: ") +
                   money_text(report.figures.contribution, language);
        out += "\n";
    }
    if (report.facts.retention_until) // r. 3, s. 4 (issue 12, item 5)
        out += (fr ? "Conserver les pièces justificatives jusqu'au : "
                   : "Keep the supporting documents until: ") +
               date_text(*report.facts.retention_until) + " (" +
               legal_reference_text("r. 3, s. 4", language) + ")\n";
    write_text_figures(out, report.figures, language);
    const std::size_t errors = report.count(Severity::error);
    const std::size_t warnings = report.count(Severity::warning);
    const std::size_t infos = report.count(Severity::info);
    out += "Verdict" + std::string(fr ? " : " : ": ") + std::string(verdict(report, language));
    if (report.readable)
        out += " (" + counted(errors, fr, "error", "erreur") + ", " +
               counted(warnings, fr, "warning", "avertissement") + ", " +
               counted(infos, fr, "info", "info") + ")";
    else
        out += " - " + report.read_error;
    out += "\n";

    // Findings grouped by rule, in catalogue order.
    std::map<std::string, std::size_t> per_rule;
    for (const Finding& finding : report.findings)
        ++per_rule[finding.rule_id];
    for (const Rule& rule : rule_catalogue())
    {
        const auto group = per_rule.find(std::string(rule.id));
        if (group == per_rule.end())
            continue;
        out += "\n" + std::string(rule.id) + " - " +
               std::string(in(language, rule.title_en, rule.title_fr));
        const std::string reference = legal_reference_text(rule.legal_reference, language);
        out += " (" + severity_word(rule.severity, language) +
               (reference.empty() ? "" : "; " + reference) + "): " + std::to_string(group->second) +
               (fr ? (group->second == 1 ? " constat" : " constats")
                   : (group->second == 1 ? " finding" : " findings")) +
               "\n";
        for (const Finding& finding : report.findings)
        {
            if (finding.rule_id != rule.id)
                continue;
            const std::string location = finding.location();
            out += "  " + (location.empty() ? std::string(fr ? "(fichier)" : "(file)") : location);
            if (finding.severity != rule.severity)
                out += " [" + severity_word(finding.severity, language) + "]";
            if (!finding.value.empty())
                out += std::string(fr ? " valeur « " : " value \"") + finding.value +
                       (fr ? " »" : "\"");
            out += "\n    " + text_in(language, finding.message_en, finding.message_fr) + "\n";
            out += std::string(fr ? "    Correction : " : "    Fix: ") +
                   text_in(language, finding.fix_en, finding.fix_fr) + "\n";
        }
    }

    if (!report.checks.empty())
    {
        out += fr ? "\nRègles vérifiées :\n" : "\nRules checked:\n";
        for (const auto& [id, checks] : report.checks)
        {
            const std::size_t found = per_rule.count(id) ? per_rule[id] : 0;
            out += "  " + pad_right(id, 22) + " " + pad_left(std::to_string(checks), 6) + " " +
                   count_word(checks, fr, "check", "vérification") + " " +
                   pad_left(std::to_string(found), 4) + " " +
                   count_word(found, fr, "finding", "constat") + "\n";
        }
    }
}

std::string format_text(const std::vector<Report>& reports, Language language)
{
    const bool fr = language == Language::fr;
    std::string out = std::string(tool_name) + " " + tool_version() +
                      (fr ? " - validateur de la loi du 1 % (RLRQ, c. D-8.3, r. 3)\n"
                          : " - 1 % training law validator (CQLR, c. D-8.3, r. 3)\n");
    for (const Report& report : reports)
    {
        out += "\n";
        write_text_report(out, report, language);
    }
    const Totals totals = totals_of(reports);
    out += "\n" + counted(reports.size(), fr, "file", "fichier") + (fr ? " : " : ": ") +
           counted(totals.errors, fr, "error", "erreur") + ", " +
           counted(totals.warnings, fr, "warning", "avertissement") + ", " +
           counted(totals.infos, fr, "info", "info") + "\n";
    if (totals.not_validated > 0) // issue 9, item 6: a partial answer says so
        out += fr ? "NON VALIDÉ : " + std::to_string(totals.not_validated) + " sur " +
                        std::to_string(reports.size()) +
                        " fichiers n'ont pas pu être validés (voir « non validé » ci-dessus)\n"
                  : "NOT VALIDATED: " + std::to_string(totals.not_validated) + " of " +
                        std::to_string(reports.size()) +
                        " files could not be validated (see \"not validated\" above)\n";
    return out;
}

// ---- JSON ---------------------------------------------------------------------------------
void write_json_report(JsonWriter& json, const Report& report, Language language)
{
    json.begin_object();
    json.member("file", report.file)
        .member("sha256", report.sha256)
        .member("reader", report.reader)
        .member("toolVersion", report.tool_version)
        .member("ruleSetVersion", report.rule_set_version)
        .member("ruleSetEffective", date_text(report.rule_set_effective))
        .member("isTemplate", report.is_template)
        .member("templateVersion", report.facts.template_version) // OnePercentTemplateVersion
        .member("flavour", report.facts.flavour) // OnePercentFlavour: linked | portable
        .member("readable", report.readable)
        .member("readError", report.read_error)
        .member("verdict", verdict(report, language));
    json.key("retentionUntil"); // r. 3, s. 4: 31 December of the year + 6 (issue 12, item 5)
    if (report.facts.retention_until)
        json.value(date_text(*report.facts.retention_until));
    else
        json.null();
    json.key("figures").begin_object();
    json.member("employerName", report.figures.employer_name)
        .member("fiscalYear", report.figures.fiscal_year)
        .member("hasContribution", report.figures.has_contribution)
        .member("contribution", report.figures.contribution)
        .member("subject", report.figures.subject);
    // What the engine derives from the detail, and what the Summary shows (issue 7, item 16).
    for (const auto& [name, set] :
         {std::pair<std::string_view, const FigureSet*>{"computed", &report.figures.computed},
          {"workbook", &report.figures.workbook}})
    {
        json.key(name).begin_object();
        for (std::string_view key : figure_keys())
        {
            json.key(key);
            if (const std::optional<double> figure = figure_of(*set, key))
                json.value(*figure);
            else
                json.null();
        }
        json.end_object();
    }
    json.end_object();
    json.key("counts").begin_object();
    json.member("errors", report.count(Severity::error))
        .member("warnings", report.count(Severity::warning))
        .member("infos", report.count(Severity::info));
    json.end_object();
    json.key("findings").begin_array();
    for (const Finding& finding : report.findings)
    {
        json.begin_object();
        json.member("ruleId", finding.rule_id)
            .member("severity", severity_name(finding.severity))
            .member("legalReference", finding.legal_reference)
            .member("sheet", finding.sheet)
            .member("cell", finding.cell)
            .member("location", finding.location())
            .member("value", finding.value);
        json.key("message").begin_object();
        json.member("en", finding.message_en).member("fr", finding.message_fr);
        json.end_object();
        json.key("fix").begin_object();
        json.member("en", finding.fix_en).member("fr", finding.fix_fr);
        json.end_object();
        json.end_object();
    }
    json.end_array();
    json.key("checks").begin_object();
    for (const auto& [id, checks] : report.checks)
        json.member(id, checks);
    json.end_object();
    json.end_object();
}

std::string format_json(const std::vector<Report>& reports, Language language)
{
    JsonWriter json;
    json.begin_object();
    json.key("tool").begin_object();
    json.member("name", tool_name).member("version", tool_version());
    json.end_object();
    json.member("language", language == Language::fr ? "fr" : "en");
    json.key("reports").begin_array();
    for (const Report& report : reports)
        write_json_report(json, report, language);
    json.end_array();
    const Totals totals = totals_of(reports);
    json.key("totals").begin_object();
    json.member("files", reports.size())
        .member("errors", totals.errors)
        .member("warnings", totals.warnings)
        .member("infos", totals.infos)
        .member("notValidated", totals.not_validated);
    json.end_object();
    json.member("allValidated", totals.not_validated == 0);
    json.end_object();
    return json.text();
}

// ---- SARIF 2.1.0 --------------------------------------------------------------------------
std::string_view sarif_level(Severity severity)
{
    switch (severity)
    {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "note";
    }
    return "error";
}

// "Government assistance not deducted" -> "GovernmentAssistanceNotDeducted".
std::string pascal_case(std::string_view title)
{
    std::string name;
    bool start = true;
    for (char character : title)
    {
        const bool letter = (character >= 'a' && character <= 'z') ||
                            (character >= 'A' && character <= 'Z') ||
                            (character >= '0' && character <= '9');
        if (!letter)
        {
            start = true;
            continue;
        }
        name += start && character >= 'a' && character <= 'z'
                    ? static_cast<char>(character - 'a' + 'A')
                    : character;
        start = false;
    }
    return name;
}

// A file name as a URI reference: unreserved characters and '/' kept, others %-encoded.
std::string uri_of(const std::string& file)
{
    std::string uri;
    for (char character : file)
    {
        const auto byte = static_cast<unsigned char>(character);
        const bool keep = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                          (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                          byte == '_' || byte == '~' || byte == '/';
        if (keep)
        {
            uri += character;
            continue;
        }
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned>(byte));
        uri += buffer;
    }
    return uri;
}

std::string format_sarif(const std::vector<Report>& reports, Language language)
{
    const std::vector<Rule>& rules = rule_catalogue();
    std::map<std::string_view, std::size_t> rule_index;
    for (std::size_t index = 0; index < rules.size(); ++index)
        rule_index[rules[index].id] = index;

    JsonWriter json;
    json.begin_object();
    json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .member("version", "2.1.0");
    json.key("runs").begin_array().begin_object();

    json.key("tool").begin_object().key("driver").begin_object();
    json.member("name", tool_name)
        .member("version", tool_version())
        .member("informationUri", information_uri);
    json.key("rules").begin_array();
    for (const Rule& rule : rules)
    {
        const std::string_view title = in(language, rule.title_en, rule.title_fr);
        const std::string_view help = in(language, rule.help_en, rule.help_fr);
        std::string help_text(help);
        if (!rule.legal_reference.empty())
            help_text += " (" + std::string(rule.legal_reference) + ")";
        json.begin_object();
        json.member("id", rule.id).member("name", pascal_case(rule.title_en));
        json.key("shortDescription").begin_object().member("text", title).end_object();
        json.key("fullDescription").begin_object().member("text", help).end_object();
        json.key("help").begin_object().member("text", help_text).end_object();
        json.key("defaultConfiguration")
            .begin_object()
            .member("level", sarif_level(rule.severity))
            .end_object();
        json.key("properties")
            .begin_object()
            .member("legalReference", rule.legal_reference)
            .member("severity", severity_name(rule.severity))
            .end_object();
        json.end_object();
    }
    json.end_array();
    json.end_object().end_object(); // driver, tool

    json.key("invocations").begin_array().begin_object();
    // A file that could not be validated makes the run unsuccessful (issue 9, item 6): its
    // notification below says which and why.
    bool all_validated = true;
    for (const Report& report : reports)
        all_validated = all_validated && report.readable;
    json.member("executionSuccessful", all_validated);
    json.key("toolExecutionNotifications").begin_array();
    for (std::size_t index = 0; index < reports.size(); ++index)
    {
        const Report& report = reports[index];
        if (report.readable)
            continue;
        json.begin_object();
        json.member("level", "error");
        json.key("message")
            .begin_object()
            .member("text", report.file + ": " + report.read_error)
            .end_object();
        json.key("locations").begin_array().begin_object();
        json.key("physicalLocation").begin_object().key("artifactLocation").begin_object();
        json.member("uri", uri_of(report.file)).member("index", index);
        json.end_object().end_object();
        json.end_object().end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object().end_array(); // invocation, invocations

    json.key("artifacts").begin_array();
    for (const Report& report : reports)
    {
        json.begin_object();
        json.key("location").begin_object().member("uri", uri_of(report.file)).end_object();
        if (!report.sha256.empty())
            json.key("hashes").begin_object().member("sha-256", report.sha256).end_object();
        if (!report.reader.empty())
            json.key("properties").begin_object().member("reader", report.reader).end_object();
        json.end_object();
    }
    json.end_array();

    json.key("results").begin_array();
    for (std::size_t index = 0; index < reports.size(); ++index)
    {
        const Report& report = reports[index];
        for (const Finding& finding : report.findings)
        {
            const std::string& message = text_in(language, finding.message_en, finding.message_fr);
            const std::string& fix = text_in(language, finding.fix_en, finding.fix_fr);
            json.begin_object();
            json.member("ruleId", finding.rule_id);
            const auto found = rule_index.find(finding.rule_id);
            if (found != rule_index.end())
                json.member("ruleIndex", found->second);
            json.member("level", sarif_level(finding.severity));
            json.key("message")
                .begin_object()
                .member("text",
                        message + (language == Language::fr ? ". Correction : " : ". Fix: ") + fix)
                .end_object();
            json.key("locations").begin_array().begin_object();
            json.key("physicalLocation").begin_object().key("artifactLocation").begin_object();
            json.member("uri", uri_of(report.file)).member("index", index);
            json.end_object().end_object();
            const std::string location = finding.location();
            if (!location.empty())
            {
                json.key("logicalLocations").begin_array().begin_object();
                json.member("fullyQualifiedName", location).member("kind", "element");
                json.end_object().end_array();
            }
            json.end_object().end_array();
            json.key("properties")
                .begin_object()
                .member("value", finding.value)
                .member("fix", fix)
                .member("legalReference", finding.legal_reference)
                .end_object();
            json.end_object();
        }
    }
    json.end_array();

    json.end_object().end_array(); // run, runs
    json.end_object();
    return json.text();
}
// What a report shows of the client's text (issue 9, items 5 and 7): every value capped at
// 200 characters with its full length said (a 50,000,000-character cell made a 250 MB
// report), messages at 1,000; for the text report, which goes to a terminal, control
// characters and bidirectional overrides escaped (JSON, SARIF and HTML escape as they write).
std::vector<Report>
shown_reports(const std::vector<Report>& reports, ReportFormat format, Language language)
{
    const bool text = format == ReportFormat::text;
    const auto shown = [&](const std::string& value, std::size_t limit)
    {
        std::string capped_value = capped(value, language, limit);
        return text ? terminal_safe(capped_value) : capped_value;
    };
    std::vector<Report> result = reports; // every field, those added later included
    for (Report& report : result)
    {
        if (text)
            report.file = terminal_safe(report.file);
        report.read_error = shown(report.read_error, max_message_characters);
        report.figures.employer_name = shown(report.figures.employer_name, max_shown_characters);
        report.facts.template_version = shown(report.facts.template_version, max_shown_characters);
        report.facts.flavour = shown(report.facts.flavour, max_shown_characters);
        for (Finding& finding : report.findings)
        {
            finding.sheet = shown(finding.sheet, max_shown_characters);
            finding.cell = shown(finding.cell, max_shown_characters);
            finding.value = shown(finding.value, max_shown_characters);
            finding.message_en = shown(finding.message_en, max_message_characters);
            finding.message_fr = shown(finding.message_fr, max_message_characters);
            finding.fix_en = shown(finding.fix_en, max_message_characters);
            finding.fix_fr = shown(finding.fix_fr, max_message_characters);
        }
    }
    return result;
}
} // namespace

std::string format_reports(const std::vector<Report>& given, ReportFormat format, Language language)
{
    const std::vector<Report> reports = shown_reports(given, format, language);
    switch (format)
    {
    case ReportFormat::text:
        return format_text(reports, language);
    case ReportFormat::json:
        return format_json(reports, language);
    case ReportFormat::sarif:
        return format_sarif(reports, language);
    case ReportFormat::html:
        return format_html(reports, language);
    }
    return format_text(reports, language);
}

} // namespace onepercent::validation
