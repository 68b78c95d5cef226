// A file's facts for a firm's portfolio (NEQ, template, retention, supporting documents), the
// retention note (r. 3, s. 4) and the rules across files of one client: the carry-forward
// chain (Act s. 11; RL-1 work chart lines 75 and 79) and expenditures claimed twice (r. 3,
// s. 7(14) and s. 4).
#include "rule_passes.hxx"

#include <algorithm>
#include <cmath>
#include <map>

namespace onepercent::validation
{
namespace
{
constexpr double cent_tolerance = 0.005;

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string location_of(const CellRef& ref)
{
    if (!ref.found || ref.sheet == nullptr || ref.sheet->sheet == nullptr)
        return {};
    return ref.sheet->sheet->name + "!" + cell_name(ref.row, ref.column);
}

// "Summary!B11" -> {"Summary", "B11"}.
std::pair<std::string, std::string> split_location(const std::string& location)
{
    const auto bang = location.rfind('!');
    if (bang == std::string::npos)
        return {"", location};
    return {location.substr(0, bang), location.substr(bang + 1)};
}

// A finding added to a report after its validation, kept in the report's order (file-level
// first, then by sheet as the report lists them) and counted.
void add_finding(Report& report, Finding finding)
{
    const Rule* rule = find_rule(finding.rule_id);
    if (rule != nullptr)
    {
        finding.legal_reference = std::string(rule->legal_reference);
        finding.severity = rule->severity;
    }
    auto position = report.findings.end();
    if (finding.sheet.empty())
        position = std::find_if(report.findings.begin(), report.findings.end(),
                                [](const Finding& other) { return !other.sheet.empty(); });
    else
    {
        // After the last finding of the same sheet, else at the end.
        const auto last =
            std::find_if(report.findings.rbegin(), report.findings.rend(),
                         [&](const Finding& other) { return other.sheet == finding.sheet; });
        if (last != report.findings.rend())
            position = last.base();
    }
    report.findings.insert(position, std::move(finding));
}

std::string file_name_of(const Report& report)
{
    const auto slash = report.file.find_last_of('/');
    return slash == std::string::npos ? report.file : report.file.substr(slash + 1);
}

// The balance year N-1 hands to year N: line 79, or the eligible expenditures of a year that
// was not subject (Revenu Québec's line 75 instruction; Act s. 11, 2nd para.).
std::optional<double> handed_on(const Report& previous)
{
    const FigureSet& shown = previous.figures.workbook;
    const FigureSet& computed = previous.figures.computed;
    const std::optional<bool> subject = computed.subject ? computed.subject : shown.subject;
    if (subject && !*subject)
        return shown.eligible ? shown.eligible : computed.eligible;
    return shown.carry_forward ? shown.carry_forward : computed.carry_forward;
}

bool takes_part(const Report& report)
{
    return report.readable && report.is_template && !report.facts.neq.empty() &&
           report.figures.fiscal_year != 0;
}

void check_chain(Report& previous, Report& later)
{
    if (find_rule("R-ACT-CARRY-CHAIN") == nullptr)
        return;
    ++later.checks["R-ACT-CARRY-CHAIN"];
    const std::optional<double> expected = handed_on(previous);
    const std::optional<double> shown = later.figures.workbook.carried_in
                                            ? later.figures.workbook.carried_in
                                            : later.figures.computed.carried_in;
    if (!expected || !shown || std::abs(*expected - *shown) <= cent_tolerance)
        return;
    const bool subject =
        !(previous.figures.computed.subject && !*previous.figures.computed.subject);
    const std::string year = std::to_string(later.figures.fiscal_year);
    const std::string before = std::to_string(previous.figures.fiscal_year);
    const std::string other = file_name_of(previous);
    Finding finding;
    finding.rule_id = "R-ACT-CARRY-CHAIN";
    std::tie(finding.sheet, finding.cell) = split_location(later.facts.carried_in_location);
    finding.value = money_text(*shown, Language::en);
    const std::string what_en =
        subject ? "the balance to carry forward (line 79) of " + before
                : "the eligible expenditures of " + before + ", a year not subject";
    const std::string what_fr =
        subject ? "le solde à reporter (ligne 79) de " + before
                : "les dépenses admissibles de " + before + ", année non assujettie";
    finding.message_en = "the balance carried forward (line 75) of " + year + ", " +
                         money_text(*shown, Language::en) + ", is not " + what_en + ", " +
                         money_text(*expected, Language::en) + " in " + other;
    finding.message_fr = "le solde reporté (ligne 75) de " + year + ", " +
                         money_text(*shown, Language::fr) + ", n'est pas " + what_fr + ", " +
                         money_text(*expected, Language::fr) + " dans " + other;
    finding.fix_en = "enter " + money_text(*expected, Language::en) +
                     " as the balance carried "
                     "forward on the Employer sheet (Act s. 11), or correct " +
                     other;
    finding.fix_fr = "saisir " + money_text(*expected, Language::fr) +
                     " comme solde reporté à "
                     "la feuille Employeur (Loi, art. 11), ou corriger " +
                     other;
    add_finding(later, std::move(finding));
}

void check_claimed_twice(const std::vector<Report*>& years)
{
    if (find_rule("R-S7-CLAIMED-TWICE") == nullptr)
        return;
    // reference + amount in cents -> the first report (earliest year) and its location
    struct First
    {
        const Report* report;
        std::string location;
    };
    // Documents of earlier fiscal years only: the same workbook given twice (an .ods and its
    // .xlsx copy), or two workbooks of one year, are not two years.
    std::map<std::pair<std::string, long long>, First> seen;
    std::map<std::pair<std::string, long long>, First> in_this_year;
    int current_year = 0;
    for (Report* report : years)
    {
        if (report->figures.fiscal_year != current_year)
        {
            for (auto& entry : in_this_year)
                seen.insert(std::move(entry));
            in_this_year.clear();
            current_year = report->figures.fiscal_year;
        }
        for (const ClaimedDocument& document : report->facts.documents)
        {
            const std::pair<std::string, long long> key{header_key(document.reference),
                                                        std::llround(document.amount * 100.0)};
            if (key.first.empty())
                continue;
            ++report->checks["R-S7-CLAIMED-TWICE"];
            const auto earlier = seen.find(key);
            if (earlier != seen.end())
            {
                const std::string other = file_name_of(*earlier->second.report);
                const std::string before =
                    std::to_string(earlier->second.report->figures.fiscal_year);
                Finding finding;
                finding.rule_id = "R-S7-CLAIMED-TWICE";
                std::tie(finding.sheet, finding.cell) = split_location(document.location);
                finding.value = document.reference;
                finding.message_en = "the supporting document \"" + document.reference + "\" of " +
                                     money_text(document.amount, Language::en) +
                                     " is also claimed in " + before + " (" + other + ", " +
                                     earlier->second.location + ")";
                finding.message_fr = "la pièce justificative « " + document.reference + " » de " +
                                     money_text(document.amount, Language::fr) +
                                     " est aussi déclarée en " + before + " (" + other + ", " +
                                     earlier->second.location + ")";
                finding.fix_en = "an expenditure counts in one year only (s. 7(14)): remove it "
                                 "from one of the two years, or give each expenditure its own "
                                 "document";
                finding.fix_fr = "une dépense ne compte qu'une année (art. 7(14)) : la retirer "
                                 "de l'une des deux années, ou donner à chaque dépense sa pièce";
                add_finding(*report, std::move(finding));
            }
            else
                in_this_year.emplace(key, First{report, document.location});
        }
    }
}
} // namespace

void collect_facts(const TemplateView& view, const TemplateData& data, FileFacts& facts)
{
    const CellRef neq = form_cell(view[SheetKey::employer], "neq");
    if (neq.found)
    {
        const Cell& cell = neq.cell();
        if (cell.kind == Cell::Kind::number && std::isfinite(cell.number))
            facts.neq = number_text(cell.number);
        else if (cell.kind == Cell::Kind::text)
            facts.neq = trimmed(cell.text);
    }
    facts.carried_in_location = location_of(form_cell(view[SheetKey::summary], "line75"));
    if (const auto year = data.year())
    {
        try
        {
            facts.retention_until = retention_end(*year);
        }
        catch (const InputError&)
        {
        }
    }
    for (const ExpenseRecord& expense : data.expenses)
        if (expense.document_ref.given() && expense.amount.given())
            facts.documents.push_back(ClaimedDocument{expense.document_ref.value,
                                                      expense.amount.value,
                                                      location_of(expense.document_ref.ref)});
}

// r. 3, s. 4: the supporting documents are kept 6 years after the last year they relate to.
void check_retention(const FileFacts& facts, CivilDate today, FindingList& findings)
{
    if (!facts.retention_until || !findings.applies("I-RETENTION-PASSED"))
        return;
    findings.count("I-RETENTION-PASSED");
    if (days_from_civil(today) <= days_from_civil(*facts.retention_until))
        return;
    const std::string until = iso_date_text(*facts.retention_until);
    findings.add_file(
        "I-RETENTION-PASSED", until,
        {"the retention period of this year's supporting documents ended on " + until + " (s. 4)",
         "la période de conservation des pièces justificatives de cette année a "
         "pris fin le " +
             until + " (art. 4)",
         "nothing to keep for this year since " + until +
             "; keep the documents of any later year that relies on this one "
             "(a balance carried forward)",
         "rien à conserver pour cette année depuis le " + until +
             " ; conserver les pièces d'une année suivante qui s'y appuie (un "
             "solde reporté)"});
}

void check_across_files(std::vector<Report>& reports)
{
    std::map<std::string, std::vector<Report*>> by_client;
    for (Report& report : reports)
        if (takes_part(report))
            by_client[header_key(report.facts.neq)].push_back(&report);
    for (auto& [neq, years] : by_client)
    {
        std::stable_sort(years.begin(), years.end(),
                         [](const Report* a, const Report* b)
                         { return a->figures.fiscal_year < b->figures.fiscal_year; });
        for (std::size_t index = 1; index < years.size(); ++index)
            if (years[index]->figures.fiscal_year == years[index - 1]->figures.fiscal_year + 1)
                check_chain(*years[index - 1], *years[index]);
        check_claimed_twice(years);
    }
}

} // namespace onepercent::validation
