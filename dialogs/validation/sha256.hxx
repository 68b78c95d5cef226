// SHA-256 (FIPS 180-4) of a file's bytes, so that a report proves which file passed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onepercent::validation
{
std::string sha256_hex(std::string_view bytes);
// nullopt when the file cannot be read.
std::optional<std::string> sha256_of_file(const std::string& path);
} // namespace onepercent::validation
