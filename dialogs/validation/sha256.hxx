// SHA-256 (FIPS 180-4) of a file's bytes, so that a report proves which file passed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onepercent::validation
{
// Incremental: update() with the bytes in any number of pieces, then hex().
class Sha256
{
  public:
    Sha256();
    void update(std::string_view bytes);
    std::string hex(); // the digest of everything so far, in lowercase hex

  private:
    std::array<std::uint32_t, 8> state_;
    std::array<unsigned char, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

std::string sha256_hex(std::string_view bytes);
// nullopt when the file cannot be read. Streams it: memory stays bounded whatever its size.
std::optional<std::string> sha256_of_file(const std::string& path);
} // namespace onepercent::validation
