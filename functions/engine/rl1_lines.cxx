// The RL-1 summary's WSDRF line numbers by form year (issue 7, item 15).
//
// Verified numbering (the older form):
//   payroll 50, minimum 51, eligible 52, contribution 53; work chart: carried_in 75,
//   total_eligible 78, carry_forward 79.
//   Source: Revenu Québec, "How to Complete Lines 50 to 53 (Contribution to the WSDRF) of the
//   RL-1 Summary" and "Comment remplir le sommaire 1 – Cotisation au FDRCMO (lignes 50 à 53)";
//   "Special Cases — Contribution to the WSDRF" ("leave lines 50 through 53 blank"): the
//   numbers word for word, H (also shared/law-facts.md, H).
//   Form years, M: the page's text ("only if it exceeds $2 million") is that of the forms since
//   the $2,000,000 threshold (2015, Act Schedule, law-facts H/M); its stored copies date from
//   the COVID-19 period (2020-2022), and the same form layout (health services fund on lines 28
//   to 38) is documented for the 2018 and 2019 forms (DT Formax 2018, CCH iFirm 2019 help
//   pages). So 2015 to 2022.
//
// Not verified, nullopt:
//   - before 2015 (the $1,000,000 threshold years): no page found for those forms;
//   - 2023: the older page is also stored with a notice that Revenu Québec added in mid-2023,
//     which does not tell whether it described the 2022 or the 2023 form (L);
//   - 2024 on: the renumbered form (health services fund on lines 50.1 to 54 and 55, DT Formax
//     2024 help page; labour standards 60.1 to 64, law-facts) cannot keep the WSDRF on lines
//     50 to 53, and its new WSDRF numbers were not found (L).
#include "engine/rl1_lines.hxx"

#include <array>
#include <cstddef>

namespace onepercent
{
namespace
{
constexpr std::size_t line_count = 7;

struct Rl1Numbering
{
    int first_form_year;
    int last_form_year;
    std::array<std::string_view, line_count> numbers; // in the order of Rl1Line
};

// One row per numbering of the form, in form-year order. A verified new numbering is a new
// row with its years and source.
constexpr std::array<Rl1Numbering, 1> numberings{{
    // Revenu Québec "How to Complete Lines 50 to 53": numbers H, form years M (see above).
    {2015, 2022, {"50", "51", "52", "53", "75", "78", "79"}},
}};

constexpr std::array<std::string_view, line_count> keys{
    "payroll",    "minimum",        "eligible",     "contribution",
    "carried_in", "total_eligible", "carry_forward"};

std::optional<std::size_t> index_of(Rl1Line line)
{
    const auto index = static_cast<std::size_t>(line);
    if (index >= line_count)
        return std::nullopt;
    return index;
}
} // namespace

std::optional<std::string_view> rl1_line_number(Rl1Line line, int form_year)
{
    const std::optional<std::size_t> index = index_of(line);
    if (!index)
        return std::nullopt;
    for (const Rl1Numbering& numbering : numberings)
        if (form_year >= numbering.first_form_year && form_year <= numbering.last_form_year)
            return numbering.numbers[*index];
    return std::nullopt;
}

std::string_view rl1_line_key(Rl1Line line)
{
    const std::optional<std::size_t> index = index_of(line);
    return index ? keys[*index] : std::string_view();
}

const std::vector<Rl1Line>& rl1_lines()
{
    static const std::vector<Rl1Line> lines{
        Rl1Line::payroll,    Rl1Line::minimum,        Rl1Line::eligible,     Rl1Line::contribution,
        Rl1Line::carried_in, Rl1Line::total_eligible, Rl1Line::carry_forward};
    return lines;
}

} // namespace onepercent
