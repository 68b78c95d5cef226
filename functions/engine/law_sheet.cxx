// The Law / Loi sheet of the portable workbook, from the engine's tables (law_sheet.hxx).
#include "engine/law_sheet.hxx"

#include "engine/keywords.hxx"

#include <algorithm>
#include <charconv>

namespace onepercent
{
LawSheetCell LawSheetCell::of(double value)
{
    LawSheetCell cell;
    cell.kind = Kind::number;
    cell.number = value;
    return cell;
}

LawSheetCell LawSheetCell::of(std::string_view value)
{
    LawSheetCell cell;
    cell.kind = Kind::text;
    cell.text = std::string(value);
    return cell;
}

// Revised whenever a figure of the engine's tables changes (a new year's rates, a correction).
LawTablesVersion law_tables_version()
{
    return {"2026.1", CivilDate{2026, 11, 30}};
}

const LawSheetBlock* LawSheet::block(std::string_view key) const
{
    for (const LawSheetBlock& candidate : blocks)
        if (candidate.key == key)
            return &candidate;
    return nullptr;
}

std::string law_sheet_spelling(std::string_view text)
{
    const std::string folded = fold_text(text);
    std::string spelling;
    bool pending_hyphen = false;
    for (char character : folded)
    {
        if (character == ' ' || character == '_' || character == '-')
        {
            pending_hyphen = !spelling.empty();
            continue;
        }
        if (pending_hyphen)
            spelling += '-';
        pending_hyphen = false;
        spelling += character;
    }
    return spelling;
}

std::string iso_date_text(CivilDate date)
{
    std::string text;
    auto append = [&text](int number, std::size_t width)
    {
        char buffer[16];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
        const std::string digits(buffer, end);
        if (digits.size() < width)
            text.append(width - digits.size(), '0');
        text += digits;
    };
    append(date.year, 4);
    text += '-';
    append(date.month, 2);
    text += '-';
    append(date.day, 2);
    return text;
}

namespace
{
using Row = std::vector<LawSheetCell>;

struct Writer
{
    Language language;
    LawSheet sheet;

    std::string_view pick(std::string_view english, std::string_view french) const
    {
        return language == Language::fr ? french : english;
    }

    void row(Row cells) { sheet.rows.push_back(std::move(cells)); }

    // Starts a block: title and header rows; the caller adds the data rows, then end().
    void begin(std::string_view key, std::string_view title, const std::vector<std::string>& head)
    {
        LawSheetBlock block;
        block.key = key;
        block.title_row = static_cast<int>(sheet.rows.size());
        row({LawSheetCell::of(title)});
        block.header_row = static_cast<int>(sheet.rows.size());
        Row header;
        for (const std::string& text : head)
            header.push_back(LawSheetCell::of(text));
        row(std::move(header));
        block.first_row = static_cast<int>(sheet.rows.size());
        block.columns = static_cast<int>(head.size());
        sheet.blocks.push_back(block);
    }
    void end()
    {
        LawSheetBlock& block = sheet.blocks.back();
        block.rows = static_cast<int>(sheet.rows.size()) - block.first_row;
        row({}); // a blank row between blocks
    }
};

// The spellings a keyword cell may have once law_sheet_spelling has folded it: the English
// and French keywords, and the synonyms the engine's parsers accept (parse_pay_period,
// parse_assistance_exemption); tests/engine/law_sheet_test.cxx parses each back.
template <typename Kind>
std::vector<std::pair<std::string, const KindKeyword<Kind>*>>
spellings(const std::vector<KindKeyword<Kind>>& keywords,
          const std::vector<std::pair<std::string_view, Kind>>& synonyms)
{
    std::vector<std::pair<std::string, const KindKeyword<Kind>*>> list;
    auto add = [&list](std::string_view text, const KindKeyword<Kind>* keyword)
    {
        const std::string spelling = law_sheet_spelling(text);
        for (const auto& entry : list)
            if (entry.first == spelling)
                return;
        list.emplace_back(spelling, keyword);
    };
    for (const KindKeyword<Kind>& keyword : keywords)
    {
        add(keyword.english, &keyword);
        add(keyword.french, &keyword);
    }
    for (const auto& [text, kind] : synonyms)
        for (const KindKeyword<Kind>& keyword : keywords)
            if (keyword.kind == kind)
                add(text, &keyword);
    return list;
}

void write_about(Writer& w)
{
    const LawTablesVersion version = law_tables_version();
    LawSheetBlock block;
    block.key = "about";
    block.title_row = 0;
    block.header_row = 0;
    w.row({LawSheetCell::of(w.pick("OnePercent – the law's tables (do not edit)",
                                   "OnePercent – tables de la loi (ne pas modifier)"))});
    block.first_row = static_cast<int>(w.sheet.rows.size());
    w.row(
        {LawSheetCell::of(w.pick("Rule set", "Jeu de règles")), LawSheetCell::of(version.version)});
    w.row({LawSheetCell::of(w.pick("Rule set date", "Date du jeu de règles")),
           LawSheetCell::of(iso_date_text(version.date))});
    w.row({LawSheetCell::of(w.pick("Source", "Source")),
           LawSheetCell::of(w.pick("CQLR c. D-8.3 and c. D-8.3, r. 3; generated from the "
                                   "OnePercent engine's tables",
                                   "RLRQ, c. D-8.3 et c. D-8.3, r. 3; produit à partir des "
                                   "tables du moteur OnePercent"))});
    w.row({LawSheetCell::of(w.pick("Note", "Note")),
           LawSheetCell::of(w.pick("The workbook's formulas read these cells. A change here is "
                                   "reported by the validator (T-LAW-TABLE-CHANGED).",
                                   "Les formules du classeur lisent ces cellules. Une "
                                   "modification ici est signalée par le validateur "
                                   "(T-LAW-TABLE-CHANGED)."))});
    block.columns = 2;
    block.rows = static_cast<int>(w.sheet.rows.size()) - block.first_row;
    w.sheet.blocks.push_back(block);
    w.row({});
}

void write_constants(Writer& w)
{
    w.begin("constants", w.pick("Constants", "Constantes"),
            {std::string(w.pick("Name", "Nom")), std::string(w.pick("Value", "Valeur"))});
    // r. 3, s. 7(6): 52 weeks x 37.5 hours.
    w.row(
        {LawSheetCell::of("hours_per_year"), LawSheetCell::of(periods_per_year(PayPeriod::hour))});
    w.end();
}

void write_pay_basis(Writer& w)
{
    w.begin("pay_basis", w.pick("Pay basis (r. 3, s. 7(6))", "Base de paie (r. 3, art. 7(6))"),
            {std::string(w.pick("Spelling", "Graphie")), std::string(w.pick("Key", "Clé")),
             std::string(w.pick("Periods per year", "Périodes par année"))});
    const std::vector<std::pair<std::string_view, PayPeriod>> synonyms{
        {"annual", PayPeriod::year}, {"an", PayPeriod::year}, {"annuel", PayPeriod::year}};
    for (const auto& [spelling, keyword] : spellings(pay_period_keywords(), synonyms))
        w.row({LawSheetCell::of(spelling), LawSheetCell::of(keyword->english),
               LawSheetCell::of(periods_per_year(keyword->kind))});
    w.end();
}

void write_provider_kinds(Writer& w)
{
    w.begin("provider_kind", w.pick("Provider kinds", "Types de fournisseur"),
            {std::string(w.pick("Spelling", "Graphie")), std::string(w.pick("Key", "Clé")),
             std::string(w.pick("Column", "Colonne"))});
    const auto& keywords = provider_kind_keywords();
    for (const auto& [spelling, keyword] : spellings(keywords, {}))
        w.row({LawSheetCell::of(spelling), LawSheetCell::of(keyword->english),
               LawSheetCell::of(static_cast<double>(keyword - keywords.data()))});
    w.end();
}

void write_expense_kinds(Writer& w)
{
    w.begin("expense_kind", w.pick("Expense kinds", "Types de dépense"),
            {std::string(w.pick("Spelling", "Graphie")), std::string(w.pick("Key", "Clé")),
             std::string(w.pick("Row", "Ligne"))});
    const auto& keywords = expense_kind_keywords();
    for (const auto& [spelling, keyword] : spellings(keywords, {}))
        w.row({LawSheetCell::of(spelling), LawSheetCell::of(keyword->english),
               LawSheetCell::of(static_cast<double>(keyword - keywords.data() + 1))});
    w.end();
}

// r. 3, s. 1: the paragraph of every expense kind (rows) by provider kind and membership of a
// professional order (columns: provider 0 not a member, provider 0 a member, provider 1 ...);
// empty where no paragraph applies or the kind counts outside s. 1.
void write_classification(Writer& w)
{
    std::vector<std::string> head{std::string(w.pick("Expense kind", "Type de dépense"))};
    for (const KindKeyword<ProviderKind>& provider : provider_kind_keywords())
        for (const bool member : {false, true})
            head.push_back(std::string(provider.english) +
                           std::string(member ? w.pick(" / member", " / membre")
                                              : w.pick(" / not a member", " / non-membre")));
    w.begin("classification",
            w.pick("Paragraph of r. 3, s. 1 by expense kind and provider kind",
                   "Paragraphe du r. 3, art. 1 par type de dépense et type de fournisseur"),
            head);
    for (const KindKeyword<ExpenseKind>& expense : expense_kind_keywords())
    {
        Row cells{LawSheetCell::of(expense.english)};
        for (const KindKeyword<ProviderKind>& provider : provider_kind_keywords())
            for (const bool member : {false, true})
            {
                std::optional<std::string> paragraph;
                try
                {
                    paragraph = classify_expense(expense.kind, provider.kind, member);
                }
                catch (const InputError&)
                {
                    // training mutual, CCQ fund: outside s. 1 (the formulas handle them first)
                }
                cells.push_back(paragraph ? LawSheetCell::of(*paragraph) : LawSheetCell{});
            }
        w.row(std::move(cells));
    }
    w.end();
}

void write_exemptions(Writer& w)
{
    w.begin("exempt_category",
            w.pick("Categories exempt from s. 7(13)", "Catégories exemptées de l'art. 7(13)"),
            {std::string(w.pick("Spelling", "Graphie")), std::string(w.pick("Key", "Clé")),
             std::string(w.pick("Exempt", "Exemptée"))});
    const std::vector<std::pair<std::string_view, AssistanceExemption>> synonyms{
        {"aucun", AssistanceExemption::none}};
    for (const auto& [spelling, keyword] : spellings(assistance_exemption_keywords(), synonyms))
        w.row({LawSheetCell::of(spelling), LawSheetCell::of(keyword->english),
               LawSheetCell::of(keyword->kind == AssistanceExemption::none ? 0.0 : 1.0)});
    w.end();
}

void write_paragraphs(Writer& w)
{
    w.begin("paragraphs", w.pick("Paragraphs of r. 3, s. 1", "Paragraphes du r. 3, art. 1"),
            {std::string(w.pick("Reference", "Référence")),
             std::string(w.pick("Title (English)", "Titre (anglais)")),
             std::string(w.pick("Title (French)", "Titre (français)")),
             std::string(w.pick("Capped by s. 7(12)", "Plafonné par l'art. 7(12)")),
             std::string(w.pick("From", "À partir du")),
             std::string(w.pick("In force", "En vigueur")),
             std::string(w.pick("Source", "Source"))});
    for (const Paragraph& paragraph : paragraph_table())
        for (const ParagraphStatusPeriod& period : paragraph.status)
            w.row({LawSheetCell::of(paragraph_reference(paragraph)),
                   LawSheetCell::of(paragraph.title_en), LawSheetCell::of(paragraph.title_fr),
                   LawSheetCell::of(non_arms_length_cap_applies(paragraph) ? 1.0 : 0.0),
                   LawSheetCell::of(iso_date_text(period.from)),
                   LawSheetCell::of(period.in_force ? 1.0 : 0.0), LawSheetCell::of(period.source)});
    w.end();
}

// Act s. 3: the payroll threshold, as runs of years with the same amount (payroll_threshold
// for every year the engine accepts).
void write_thresholds(Writer& w)
{
    w.begin("thresholds",
            w.pick("Payroll threshold (Act s. 3)", "Seuil de masse salariale (Loi, art. 3)"),
            {std::string(w.pick("From year", "De l'année")),
             std::string(w.pick("To year", "À l'année")),
             std::string(w.pick("Threshold", "Seuil"))});
    constexpr int first = 2004; // payroll_threshold refuses earlier years
    constexpr int last = 2200;  // and the years after this one (require_year)
    int run_from = first;
    for (int year = first; year <= last; ++year)
        if (year == last || payroll_threshold(year + 1) != payroll_threshold(year))
        {
            w.row({LawSheetCell::of(static_cast<double>(run_from)),
                   LawSheetCell::of(static_cast<double>(year)),
                   LawSheetCell::of(payroll_threshold(year))});
            run_from = year + 1;
        }
    w.end();
    w.sheet.blocks.back().from_year_column = 0;
    w.sheet.blocks.back().to_year_column = 1;
}

void write_rates(Writer& w)
{
    w.begin("rates",
            w.pick("Employer contribution rates (r. 3, s. 7(4.1))",
                   "Taux des cotisations de l'employeur (r. 3, art. 7(4.1))"),
            {std::string(w.pick("Year", "Année")), std::string(w.pick("QPP rate", "Taux RRQ")),
             std::string(w.pick("QPP maximum", "Maximum RRQ")),
             std::string(w.pick("QPP exemption", "Exemption RRQ")),
             std::string(w.pick("QPP2 rate", "Taux RRQ2")),
             std::string(w.pick("QPP2 ceiling", "Plafond RRQ2")),
             std::string(w.pick("EI rate", "Taux AE")),
             std::string(w.pick("EI maximum", "Maximum AE")),
             std::string(w.pick("QPIP rate", "Taux RQAP")),
             std::string(w.pick("QPIP maximum", "Maximum RQAP")),
             std::string(w.pick("CNESST maximum", "Maximum CNESST"))});
    for (const ContributionRates& rates : contribution_rate_table())
        w.row({LawSheetCell::of(static_cast<double>(rates.year)), LawSheetCell::of(rates.qpp_rate),
               LawSheetCell::of(rates.qpp_max_pensionable),
               LawSheetCell::of(rates.qpp_basic_exemption), LawSheetCell::of(rates.qpp2_rate),
               LawSheetCell::of(rates.qpp2_ceiling), LawSheetCell::of(rates.ei_rate),
               LawSheetCell::of(rates.ei_max_insurable), LawSheetCell::of(rates.qpip_rate),
               LawSheetCell::of(rates.qpip_max_insurable),
               LawSheetCell::of(rates.cnesst_max_insurable)});
    w.end();
    w.sheet.blocks.back().from_year_column = 0;
    w.sheet.blocks.back().to_year_column = 0;
}

// r. 3, s. 4: documents kept until 31 December of the sixth year after the year.
void write_retention(Writer& w)
{
    w.begin("retention",
            w.pick("Retention of documents (r. 3, s. 4)", "Conservation des pièces (r. 3, art. 4)"),
            {std::string(w.pick("Years after the year", "Années après l'année")),
             std::string(w.pick("Month", "Mois")), std::string(w.pick("Day", "Jour"))});
    constexpr int sample_year = 2020;
    const CivilDate end = retention_end(sample_year);
    w.row({LawSheetCell::of(static_cast<double>(end.year - sample_year)),
           LawSheetCell::of(static_cast<double>(end.month)),
           LawSheetCell::of(static_cast<double>(end.day))});
    w.end();
}
} // namespace

LawSheet law_sheet(Language language)
{
    Writer w{language, {}};
    w.sheet.name = language == Language::fr ? "Loi" : "Law";
    write_about(w);
    write_constants(w);
    write_pay_basis(w);
    write_provider_kinds(w);
    write_expense_kinds(w);
    write_exemptions(w);
    write_thresholds(w);
    write_rates(w);
    write_retention(w);
    write_paragraphs(w);
    write_classification(w);
    return std::move(w.sheet);
}

} // namespace onepercent
