// libFuzzer target: the portfolio summaries that --merge-summary reads (issue 12) come from
// other machines. Invariants on any bytes: the JSON reader throws ParseError at most, the
// summary reader SummaryError at most (never a crash, a sanitizer report or another
// exception); a summary it accepts is merged, written in the three formats, and its JSON
// reads back with the same rows.
#include "json_value.hxx"
#include "portfolio_summary.hxx"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace onepercent;
using namespace onepercent::validation;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    json::Limits limits;
    limits.max_depth = 32;
    limits.max_values = 100'000;
    try
    {
        json::parse(text, limits);
    }
    catch (const json::ParseError&)
    {
    }
    std::vector<SummaryRow> rows;
    try
    {
        rows = read_summary_json(text);
    }
    catch (const SummaryError&)
    {
        return 0;
    }
    const MergeResult merged = merge_summaries({rows, rows});
    if (merged.rows.size() > rows.size())
        std::abort();
    for (const SummaryFormat format : {SummaryFormat::csv, SummaryFormat::html})
        (void)format_summary(merged.rows, format, Language::fr, {"2026-01-01 00:00 UTC"});
    const std::string json =
        format_summary(merged.rows, SummaryFormat::json, Language::en, {"2026-01-01 00:00 UTC"});
    const std::vector<SummaryRow> back = read_summary_json(json); // must not throw
    if (back.size() != merged.rows.size())
        std::abort();
    for (std::size_t index = 0; index < back.size(); ++index)
        if (back[index].errors != merged.rows[index].errors ||
            back[index].fiscal_year != merged.rows[index].fiscal_year ||
            verdict_key(back[index]) != verdict_key(merged.rows[index]))
            std::abort();
    return 0;
}
