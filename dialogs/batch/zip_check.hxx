// Checks a ZIP container (.ods, .ots, .xlsx) before the office opens it.
//
// The office does not check the CRC-32 of the parts it reads: a bit-flipped .xlsx loads with
// changed cells, or with a part missing, and would be validated as if it were the client's
// file. Every entry is therefore inflated here, in bounded memory, and its size and CRC-32
// compared with the archive's directory; an archive whose content would exceed
// `max_content_bytes` (a "zip bomb") is refused without inflating it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace onepercent::batch
{
struct ZipProblem
{
    std::string english;
    std::string french;
};

// A 300,000-row workbook holds 1.2 GiB of XML; one at the cell limit about 2.5 GiB.
constexpr std::uint64_t max_zip_content_bytes = std::uint64_t(3) << 30; // 3 GiB

// nullopt: not a ZIP file (no local header signature at its start), or a sound one.
std::optional<ZipProblem> check_zip(const std::string& path,
                                    std::uint64_t max_content_bytes = max_zip_content_bytes);

} // namespace onepercent::batch
