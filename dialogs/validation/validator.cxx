// validate(): identity, template version, then the structure, data, regulation and summary
// passes under the rule set in force for the workbook's fiscal year.
#include "validator.hxx"
#include "rule_passes.hxx"

#include <cstdio>
#include <ctime>
#include <exception>

#ifndef ONEPERCENT_VERSION
#define ONEPERCENT_VERSION "0.0.0"
#endif

namespace onepercent::validation
{
namespace
{
constexpr std::string_view template_identity = "org.onepercent.workbook";
constexpr int supported_major = 1;
constexpr int supported_minor = 2; // 1.2: Format, Completed, Proof, Certifications (issue 12)

void start_report(Report& report, const Workbook& workbook, const RuleSet& rule_set)
{
    report.facts.template_version = trimmed_property(workbook, "OnePercentTemplateVersion");
    report.facts.flavour = trimmed_property(workbook, "OnePercentFlavour");
    report.file = workbook.file_name;
    report.sha256 = workbook.sha256;
    report.tool_version = tool_version();
    report.rule_set_version = std::string(rule_set.version);
    report.rule_set_effective = rule_set.effective;
}

void finish_report(Report& report, const FindingList& findings)
{
    report.findings = findings.sorted();
    report.checks = findings.checks();
}

enum class VersionCheck
{
    supported,
    newer_minor,
    unsupported
};

// "1.0" -> supported; "1.3" -> newer_minor; "2.0", "x" -> unsupported.
VersionCheck check_version(const std::string& version)
{
    int major = 0;
    int minor = 0;
    char rest = 0;
    const int read = std::sscanf(version.c_str(), "%d.%d%c", &major, &minor, &rest);
    if (read < 1 || read > 2 || major != supported_major || minor < 0)
        return VersionCheck::unsupported;
    return minor > supported_minor ? VersionCheck::newer_minor : VersionCheck::supported;
}

// false: the version stops the validation.
bool report_version(const std::string& version, FindingList& findings)
{
    findings.count("T-TEMPLATE-VERSION");
    if (version.empty())
    {
        findings.add_file("T-TEMPLATE-VERSION", "",
                          {"the workbook does not say its template version",
                           "le classeur n'indique pas sa version de modèle",
                           "set the document property OnePercentTemplateVersion to 1.2 (read as "
                           "1.2 meanwhile)",
                           "donner la valeur 1.2 à la propriété de document "
                           "OnePercentTemplateVersion (lu comme 1.2 en attendant)"},
                          Severity::warning);
        return true;
    }
    switch (check_version(version))
    {
    case VersionCheck::supported:
        return true;
    case VersionCheck::newer_minor:
        findings.add_file("T-TEMPLATE-VERSION", version,
                          {"template version " + version +
                               " is newer than 1.2, which this "
                               "validator knows",
                           "la version de modèle " + version +
                               " est plus récente que 1.2, que ce "
                               "validateur connaît",
                           "update OnePercent to validate the new columns; checked as 1.2 "
                           "meanwhile",
                           "mettre OnePercent à jour pour valider les nouvelles colonnes ; "
                           "vérifié comme 1.2 en attendant"},
                          Severity::warning);
        return true;
    case VersionCheck::unsupported:
        break;
    }
    findings.add_file(
        "T-TEMPLATE-VERSION", version,
        {"template version " + version + " cannot be read by this validator (1.x)",
         "la version de modèle " + version + " ne peut pas être lue par ce validateur (1.x)",
         "use a OnePercent release that reads template version " + version +
             ", or copy the data into a template 1.2 workbook",
         "utiliser une version de OnePercent qui lit le modèle " + version +
             ", ou copier les données dans un classeur du modèle 1.2"});
    return false;
}

Report validate_workbook(const Workbook& workbook, CivilDate today)
{
    Report report;
    if (trimmed_property(workbook, "OnePercentTemplate") != template_identity)
    {
        const RuleSet& rule_set = rule_set_for_year(0);
        start_report(report, workbook, rule_set);
        FindingList findings(rule_set);
        findings.count("T-NOT-TEMPLATE");
        const std::string shown = trimmed_property(workbook, "OnePercentTemplate");
        findings.add_file("T-NOT-TEMPLATE", shown,
                          {"this document is not a OnePercent workbook",
                           "ce document n'est pas un classeur OnePercent",
                           "start from the OnePercent template (property OnePercentTemplate = "
                           "org.onepercent.workbook, version 1.2) and copy the data into it",
                           "partir du modèle OnePercent (propriété OnePercentTemplate = "
                           "org.onepercent.workbook, version 1.2) et y copier les données"});
        finish_report(report, findings);
        report.is_template = false;
        return report;
    }

    report.is_template = true;
    const TemplateView view = locate_template(workbook);
    const RuleSet& rule_set = rule_set_for_year(peek_fiscal_year(view).value_or(0));
    start_report(report, workbook, rule_set);
    FindingList findings(rule_set);
    findings.count("T-NOT-TEMPLATE");
    if (!report_version(trimmed_property(workbook, "OnePercentTemplateVersion"), findings))
    {
        finish_report(report, findings);
        return report;
    }
    check_structure(view, findings);
    check_law_sheet(workbook, view, findings);
    TemplateData data = read_template_data(view, findings);
    check_regulation(view, data, findings);
    check_certifications(view, data, findings);
    check_employee_names(view, data, findings);
    check_summary(view, data, findings, report.figures);
    collect_facts(view, data, report.facts);
    check_retention(report.facts, today, findings);
    finish_report(report, findings);
    return report;
}
} // namespace

std::string Finding::location() const
{
    if (sheet.empty())
        return cell;
    if (cell.empty())
        return sheet;
    return sheet + "!" + cell;
}

std::string template_text(const FileFacts& facts)
{
    if (facts.flavour.empty() || facts.template_version.empty())
        return facts.flavour + facts.template_version;
    return facts.flavour + " " + facts.template_version;
}

std::size_t Report::count(Severity severity) const
{
    std::size_t total = 0;
    for (const Finding& finding : findings)
        if (finding.severity == severity)
            ++total;
    return total;
}

Report validate(const Workbook& workbook)
{
    return validate(workbook, today_utc());
}

CivilDate today_utc()
{
    const std::time_t now = std::time(nullptr);
    return civil_from_days(static_cast<long>(now / 86'400));
}

Report validate(const Workbook& workbook, CivilDate today)
{
    // A defect in a rule must not stop a batch: the file is reported as not validated.
    try
    {
        return validate_workbook(workbook, today);
    }
    catch (const std::exception& error)
    {
        return unreadable_report(workbook.file_name, workbook.sha256,
                                 std::string("internal error while validating: ") + error.what());
    }
    catch (...)
    {
        return unreadable_report(workbook.file_name, workbook.sha256,
                                 "internal error while validating");
    }
}

Report
unreadable_report(const std::string& file, const std::string& sha256, const std::string& reason)
{
    Report report;
    report.file = file;
    report.sha256 = sha256;
    report.tool_version = tool_version();
    const RuleSet& rule_set = rule_set_for_year(0);
    report.rule_set_version = std::string(rule_set.version);
    report.rule_set_effective = rule_set.effective;
    report.readable = false;
    report.read_error = reason;
    return report;
}

const std::vector<std::string_view>& figure_keys()
{
    static const std::vector<std::string_view> keys{
        "subject", "payroll", "minimum", "eligible", "carried_in", "contribution", "carry_forward"};
    return keys;
}

std::optional<double> figure_of(const FigureSet& figures, std::string_view key)
{
    if (key == "subject")
        return figures.subject ? std::optional<double>(*figures.subject ? 1.0 : 0.0) : std::nullopt;
    if (key == "payroll")
        return figures.payroll;
    if (key == "minimum")
        return figures.minimum;
    if (key == "eligible")
        return figures.eligible;
    if (key == "carried_in")
        return figures.carried_in;
    if (key == "contribution")
        return figures.contribution;
    if (key == "carry_forward")
        return figures.carry_forward;
    return std::nullopt;
}

std::string_view figure_label(std::string_view key, Language language)
{
    struct Label
    {
        std::string_view key, english, french;
    };
    static constexpr Label labels[] = {
        {"subject", "Subject to the 1 % law", "Assujetti à la loi du 1 %"},
        {"payroll", "Total payroll", "Masse salariale totale"},
        {"minimum", "Minimum participation (1 %)", "Participation minimale (1 %)"},
        {"eligible", "Eligible expenditures of the year", "Dépenses admissibles de l'année"},
        {"carried_in", "Balance carried forward", "Solde reporté"},
        {"contribution", "Contribution to the WSDRF", "Cotisation au FDRCMO"},
        {"carry_forward", "Balance to carry forward", "Solde à reporter"},
    };
    for (const Label& label : labels)
        if (label.key == key)
            return language == Language::fr ? label.french : label.english;
    return key;
}

std::string tool_version()
{
    return ONEPERCENT_VERSION;
}

} // namespace onepercent::validation
