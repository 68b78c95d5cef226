// libFuzzer target: the parent's decoder of the model stream a reader child sends. The child
// read a hostile file and may be anything: the decoder must check every count, index and
// length (no crash, no allocation past the cell limit, a consistent model).
#include "reader_internal.hxx"

#include <cstdint>
#include <cstdlib>

using namespace onepercent;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const direct_reader::Limits limits = []
    {
        direct_reader::Limits small;
        small.max_cells = 200'000;
        return small;
    }();
    const auto result = direct_reader::detail::decode_model(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", limits);
    std::size_t cells = 0;
    for (const auto& sheet : result.workbook.sheets)
    {
        if (sheet.cells.size() != sheet.rows * sheet.columns)
            std::abort();
        cells += sheet.cells.size();
    }
    if (cells > limits.max_cells)
        std::abort();
    return 0;
}
