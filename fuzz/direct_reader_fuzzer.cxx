// libFuzzer target: the direct reader on whole files (.xlsx, .ods, .fods, anything), and the
// validator on every model it reads. Invariants: no crash, no sanitizer report, a read model
// is consistent (cells = rows x columns), validate() never throws.
#include "direct_reader.hxx"
#include "validator.hxx"

#include <cstdint>
#include <cstdlib>

using namespace onepercent;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const direct_reader::Limits limits = []
    {
        direct_reader::Limits small;
        small.max_part_bytes = 8u << 20;
        small.max_unpacked_bytes = 32u << 20;
        small.max_cells = 200'000;
        return small;
    }();
    const auto result = direct_reader::read_bytes(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", limits);
    if (result.status != direct_reader::Status::read)
        return 0;
    std::size_t cells = 0;
    for (const validation::Sheet& sheet : result.workbook.sheets)
    {
        if (sheet.cells.size() != sheet.rows * sheet.columns)
            std::abort();
        cells += sheet.cells.size();
    }
    if (cells > limits.max_cells)
        std::abort();
    validation::validate(result.workbook);
    return 0;
}
