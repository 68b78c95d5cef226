// libFuzzer target: the engine's text parsers on any bytes (cells are client text): paragraph
// references, keywords, the paragraph suggestion and the text fold. Invariants: no crash, no
// sanitizer report, no exception but InputError; a paragraph found is in the table; folding is
// idempotent.
#include "engine/regulation.hxx"

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace onepercent;

namespace
{
template <class Parse> void expect_input_error_at_most(Parse parse)
{
    try
    {
        parse();
    }
    catch (const InputError&)
    {
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    expect_input_error_at_most(
        [&]
        {
            const Paragraph& paragraph = find_paragraph(text);
            bool in_table = false;
            for (const Paragraph& candidate : paragraph_table())
                in_table = in_table || &candidate == &paragraph;
            if (!in_table)
                std::abort();
            (void)paragraph_reference(paragraph);
        });
    expect_input_error_at_most([&] { (void)parse_pay_period(text); });
    expect_input_error_at_most([&] { (void)parse_expense_kind(text); });
    expect_input_error_at_most([&] { (void)parse_provider_kind(text); });
    expect_input_error_at_most([&] { (void)parse_assistance_exemption(text); });
    expect_input_error_at_most([&] { (void)outside_s1_kind_of_reference(text); });
    (void)suggest_paragraph(text);
    const std::string folded = fold_text(text);
    if (fold_text(folded) != folded)
        std::abort();
    if (size == sizeof(double))
    {
        double number = 0.0;
        std::memcpy(&number, data, sizeof number);
        expect_input_error_at_most([&] { (void)find_paragraph(number); });
    }
    return 0;
}
