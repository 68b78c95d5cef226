// onepercent-law-tables: prints the engine's own law tables as one JSON document on stdout,
// for the portable template (docs/law-sources.md, section 3). Every value comes from the
// engine's functions and tables; nothing is typed here. No locale dependence: numbers are
// written with std::to_chars (shortest round-trip form) and text is copied as UTF-8 bytes.
// Exit code 0 on success, 1 with a message on stderr otherwise.
#include "engine/keywords.hxx"
#include "engine/law_sheet.hxx"
#include "engine/regulation.hxx"
#include "engine/rl1_lines.hxx"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#ifndef ONEPERCENT_VERSION
#error "ONEPERCENT_VERSION must be defined (the project version, from CMake)"
#endif

namespace
{
using namespace onepercent;

constexpr int first_threshold_year = 2004; // Act Schedule: the table starts in 2004
constexpr int last_exported_year = 2030;
constexpr int first_rl1_form_year = 2004;

// A minimal JSON writer: the caller writes the structure, the writer adds the commas.
class JsonWriter
{
  public:
    const std::string& text() const { return out_; }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // An object member's name; the value follows.
    void key(std::string_view name)
    {
        separate();
        string_literal(name);
        out_ += ':';
        after_key_ = true;
    }

    void value(std::string_view text)
    {
        separate();
        string_literal(text);
    }
    void value(const char* text) { value(std::string_view(text)); }
    void value(bool flag)
    {
        separate();
        out_ += flag ? "true" : "false";
    }
    void value(int number)
    {
        separate();
        char buffer[16];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
        out_.append(buffer, result.ptr);
    }
    void value(double number)
    {
        separate();
        if (!std::isfinite(number))
        {
            out_ += "null"; // JSON has no infinity or NaN; the engine's tables have none
            return;
        }
        char buffer[64];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
        if (result.ec != std::errc())
            throw std::runtime_error("a number could not be written");
        out_.append(buffer, result.ptr);
    }
    void null()
    {
        separate();
        out_ += "null";
    }
    template <typename T> void value(const std::optional<T>& maybe)
    {
        if (maybe)
            value(*maybe);
        else
            null();
    }

    template <typename T> void member(std::string_view name, const T& content)
    {
        key(name);
        value(content);
    }

  private:
    void open(char bracket)
    {
        separate();
        out_ += bracket;
        first_ = true;
    }
    void close(char bracket)
    {
        out_ += bracket;
        first_ = false;
    }
    // A comma before every element but the first of its container, none after a key.
    void separate()
    {
        if (after_key_)
            after_key_ = false;
        else if (!first_)
            out_ += ',';
        first_ = false;
    }
    // RFC 8259: quote, backslash and control characters escaped; other bytes (UTF-8) copied.
    void string_literal(std::string_view text)
    {
        out_ += '"';
        for (const char character : text)
        {
            const auto byte = static_cast<unsigned char>(character);
            if (character == '"' || character == '\\')
            {
                out_ += '\\';
                out_ += character;
            }
            else if (byte < 0x20)
            {
                static const char hex[] = "0123456789abcdef";
                out_ += "\\u00";
                out_ += hex[byte >> 4];
                out_ += hex[byte & 0x0f];
            }
            else
                out_ += character;
        }
        out_ += '"';
    }

    std::string out_;
    bool first_ = true;
    bool after_key_ = false;
};

void write_rule_set(JsonWriter& json)
{
    json.key("rule_set");
    json.begin_object();
    json.member("engine_version", ONEPERCENT_VERSION);
    json.member("generated_from", "functions/engine");
    json.end_object();
}

// r. 3, s. 1.
void write_paragraphs(JsonWriter& json)
{
    json.key("paragraphs");
    json.begin_array();
    for (const Paragraph& paragraph : paragraph_table())
    {
        json.begin_object();
        json.member("number", paragraph.number);
        json.member("reference", paragraph_reference(paragraph));
        json.key("title");
        json.begin_object();
        json.member("en", paragraph.title_en);
        json.member("fr", paragraph.title_fr);
        json.end_object();
        json.member("hours_times_wage", paragraph.hours_times_wage);
        json.member("wage_paragraph", paragraph.wage_paragraph);
        json.member("relies_on_act_s6_1_4", paragraph.relies_on_act_s6_1_4);
        json.key("status");
        json.begin_array();
        for (const ParagraphStatusPeriod& period : paragraph.status)
        {
            json.begin_object();
            json.member("from", iso_date_text(period.from));
            json.member("in_force", period.in_force);
            json.member("source", period.source);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

// Act s. 3 and Schedule; r. 4.
void write_payroll_thresholds(JsonWriter& json)
{
    json.key("payroll_thresholds");
    json.begin_array();
    for (int year = first_threshold_year; year <= last_exported_year; ++year)
    {
        json.begin_object();
        json.member("year", year);
        json.member("threshold", payroll_threshold(year));
        json.end_object();
    }
    json.end_array();
}

// r. 3, s. 7(4.1).
void write_contribution_rates(JsonWriter& json)
{
    json.key("contribution_rates");
    json.begin_array();
    for (const ContributionRates& rates : contribution_rate_table())
    {
        json.begin_object();
        json.member("year", rates.year);
        json.member("qpp_rate", rates.qpp_rate);
        json.member("qpp_max_pensionable", rates.qpp_max_pensionable);
        json.member("qpp_basic_exemption", rates.qpp_basic_exemption);
        json.member("qpp2_rate", rates.qpp2_rate);
        json.member("qpp2_ceiling", rates.qpp2_ceiling);
        json.member("ei_rate", rates.ei_rate);
        json.member("ei_max_insurable", rates.ei_max_insurable);
        json.member("qpip_rate", rates.qpip_rate);
        json.member("qpip_max_insurable", rates.qpip_max_insurable);
        json.member("cnesst_max_insurable", rates.cnesst_max_insurable);
        json.end_object();
    }
    json.end_array();
}

// The RL-1 summary's WSDRF lines; null where the number for that form year is not verified.
void write_rl1_lines(JsonWriter& json)
{
    json.key("rl1_lines");
    json.begin_object();
    json.key("lines");
    json.begin_array();
    for (Rl1Line line : rl1_lines())
        json.value(rl1_line_key(line));
    json.end_array();
    json.key("by_form_year");
    json.begin_array();
    for (int year = first_rl1_form_year; year <= last_exported_year; ++year)
    {
        json.begin_object();
        json.member("form_year", year);
        json.key("numbers");
        json.begin_object();
        for (Rl1Line line : rl1_lines())
            json.member(rl1_line_key(line), rl1_line_number(line, year));
        json.end_object();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// r. 3, s. 7(6): the pay periods and how many make a year, read from hourly_rate: an amount
// per period of 1950 gives an hourly rate equal to the periods per year (1950 hours a year;
// an hourly amount is already per hour, so "hour" gives 1950).
void write_pay_periods(JsonWriter& json)
{
    const double hours_per_year = 1.0 / hourly_rate(1.0, PayPeriod::year);
    json.key("pay_periods");
    json.begin_object();
    json.member("hours_per_year", hours_per_year);
    json.key("periods");
    json.begin_array();
    for (const KindKeyword<PayPeriod>& period : pay_period_keywords())
    {
        json.begin_object();
        json.member("key", period.english);
        json.member("en", period.english);
        json.member("fr", period.french);
        json.member("periods_per_year", hourly_rate(hours_per_year, period.kind));
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

template <typename Kind>
void write_keywords(JsonWriter& json, const std::vector<KindKeyword<Kind>>& keywords)
{
    json.begin_array();
    for (const KindKeyword<Kind>& keyword : keywords)
    {
        json.begin_object();
        json.member("key", keyword.english);
        json.member("en", keyword.english);
        json.member("fr", keyword.french);
        json.end_object();
    }
    json.end_array();
}

// Every expense kind x provider kind x member of a professional order: the paragraph of s. 1.
void write_classification(JsonWriter& json)
{
    json.key("classification");
    json.begin_object();
    json.key("expense_kinds");
    write_keywords(json, expense_kind_keywords());
    json.key("provider_kinds");
    write_keywords(json, provider_kind_keywords());
    json.key("matrix");
    json.begin_array();
    for (const KindKeyword<ExpenseKind>& expense : expense_kind_keywords())
        for (const KindKeyword<ProviderKind>& provider : provider_kind_keywords())
            for (const bool member : {false, true})
            {
                json.begin_object();
                json.member("expense_kind", expense.english);
                json.member("provider_kind", provider.english);
                json.member("member_of_order", member);
                // A kind the engine refuses to classify (an expenditure outside s. 1) has no
                // paragraph; its message says why.
                std::optional<std::string> paragraph;
                const InputError* refusal = nullptr;
                std::optional<InputError> refused;
                try
                {
                    paragraph = classify_expense(expense.kind, provider.kind, member);
                }
                catch (const InputError& error)
                {
                    refused.emplace(error);
                    refusal = &*refused;
                }
                json.member("paragraph", paragraph);
                json.key("refused");
                if (refusal)
                {
                    json.begin_object();
                    json.member("en", refusal->message(Language::en));
                    json.member("fr", refusal->message(Language::fr));
                    json.end_object();
                }
                else
                    json.null();
                json.end_object();
            }
    json.end_array();
    json.end_object();
}

// r. 3, s. 7(13): the categories to which the reduction for assistance does not apply.
void write_assistance_exemptions(JsonWriter& json)
{
    json.key("assistance_exemptions");
    json.begin_array();
    for (const KindKeyword<AssistanceExemption>& exemption : assistance_exemption_keywords())
    {
        json.begin_object();
        json.member("key", exemption.english);
        json.member("en", exemption.english);
        json.member("fr", exemption.french);
        // Exempt: the assistance is not subtracted (net_of_assistance keeps the expenditure).
        json.member("exempt", net_of_assistance(100.0, 40.0, exemption.kind) == 100.0);
        json.end_object();
    }
    json.end_array();
}

// r. 3, s. 4: documents kept 6 years after the last year they relate to.
void write_retention(JsonWriter& json)
{
    constexpr int sample_year = 2020;
    const CivilDate end = retention_end(sample_year);
    json.key("retention");
    json.begin_object();
    json.member("years", end.year - sample_year);
    json.key("last_day"); // of the year last_year + years
    json.begin_object();
    json.member("month", end.month);
    json.member("day", end.day);
    json.end_object();
    json.end_object();
}

// The Law / Loi sheet of the portable workbook (engine/law_sheet.hxx), in both languages: its
// cells row by row (null: empty) and its blocks (0-based rows), for gen_workbook.py.
void write_law_sheet(JsonWriter& json)
{
    json.key("law_sheet");
    json.begin_object();
    for (const Language language : {Language::en, Language::fr})
    {
        const LawSheet sheet = law_sheet(language);
        json.key(language == Language::fr ? "fr" : "en");
        json.begin_object();
        json.member("name", sheet.name);
        const LawTablesVersion version = law_tables_version();
        json.member("version", version.version);
        json.member("date", iso_date_text(version.date));
        json.key("rows");
        json.begin_array();
        for (const auto& row : sheet.rows)
        {
            json.begin_array();
            for (const LawSheetCell& cell : row)
            {
                if (cell.kind == LawSheetCell::Kind::number)
                    json.value(cell.number);
                else if (cell.kind == LawSheetCell::Kind::text)
                    json.value(std::string_view(cell.text));
                else
                    json.null();
            }
            json.end_array();
        }
        json.end_array();
        json.key("blocks");
        json.begin_array();
        for (const LawSheetBlock& block : sheet.blocks)
        {
            json.begin_object();
            json.member("key", block.key);
            json.member("title_row", block.title_row);
            json.member("header_row", block.header_row);
            json.member("first_row", block.first_row);
            json.member("rows", block.rows);
            json.member("columns", block.columns);
            json.member("from_year_column", block.from_year_column);
            json.member("to_year_column", block.to_year_column);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_object();
}

std::string law_tables_json()
{
    JsonWriter json;
    json.begin_object();
    write_rule_set(json);
    write_paragraphs(json);
    write_payroll_thresholds(json);
    write_contribution_rates(json);
    write_rl1_lines(json);
    write_pay_periods(json);
    write_classification(json);
    write_assistance_exemptions(json);
    write_retention(json);
    write_law_sheet(json);
    json.end_object();
    return json.text() + "\n";
}
} // namespace

int main()
{
    try
    {
        const std::string text = law_tables_json();
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
            std::fflush(stdout) != 0)
        {
            std::fputs("onepercent-law-tables: could not write the output\n", stderr);
            return 1;
        }
        return 0;
    }
    catch (const std::exception& error)
    {
        std::fputs("onepercent-law-tables: ", stderr);
        std::fputs(error.what(), stderr);
        std::fputs("\n", stderr);
        return 1;
    }
}
