// Text from client files, made safe for where a report prints it (issue 9, items 5 and 7).
// Header-only: the batch validator's progress lines and the reports share it.
#pragma once

#include "engine/regulation.hxx"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace onepercent::validation
{
// The most characters of one value a report shows; the rest is counted, not shown.
constexpr std::size_t max_shown_characters = 200;
// Messages and fixes embed values: they are capped higher.
constexpr std::size_t max_message_characters = 1000;

namespace safe_text_detail
{
inline bool invisible_control(std::uint32_t code_point)
{
    return code_point < 0x20 || code_point == 0x7F ||
           (code_point >= 0x80 && code_point <= 0x9F) || // C1 controls (CSI is U+009B)
           code_point == 0x061C || code_point == 0x200E || code_point == 0x200F || // bidi marks
           (code_point >= 0x202A && code_point <= 0x202E) || // bidi embeddings, overrides
           (code_point >= 0x2066 && code_point <= 0x2069) || // bidi isolates
           code_point == 0x2028 || code_point == 0x2029 ||   // line and paragraph separators
           code_point == 0xFEFF;
}

inline void append_hex(std::string& out, std::uint32_t value, int digits)
{
    static const char hex[] = "0123456789ABCDEF";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out += hex[(value >> shift) & 0xF];
}
} // namespace safe_text_detail

// For a terminal: control characters (C0, DEL, C1), bidirectional controls, line and
// paragraph separators and bytes that are not UTF-8 are written as visible escapes ("\n",
// "\x1B", "\u202E", "\xE9"), so that a cell cannot move the cursor, clear the screen, forge a
// line of the report or reorder what follows it.
inline std::string terminal_safe(std::string_view text)
{
    using namespace safe_text_detail;
    std::string out;
    out.reserve(text.size());
    std::size_t index = 0;
    while (index < text.size())
    {
        const auto byte = static_cast<unsigned char>(text[index]);
        std::uint32_t code_point = byte;
        std::size_t length = 1;
        if (byte >= 0x80)
        {
            length = decode_utf8(text, index, code_point);
            if (length == 0)
            {
                out += "\\x";
                append_hex(out, byte, 2);
                ++index;
                continue;
            }
        }
        if (!invisible_control(code_point))
            out.append(text.substr(index, length));
        else if (code_point == '\n')
            out += "\\n";
        else if (code_point == '\r')
            out += "\\r";
        else if (code_point == '\t')
            out += "\\t";
        else if (code_point < 0x80)
        {
            out += "\\x";
            append_hex(out, code_point, 2);
        }
        else
        {
            out += "\\u";
            append_hex(out, code_point, 4);
        }
        index += length;
    }
    return out;
}

// At most `limit` characters (code points; a byte that is not UTF-8 counts as one), then
// " … (N characters)" / " … (N caractères)" with the full length.
inline std::string
capped(std::string_view text, Language language, std::size_t limit = max_shown_characters)
{
    if (text.size() <= limit) // fewer bytes than the limit: fewer characters too
        return std::string(text);
    std::size_t index = 0, characters = 0, cut = std::string_view::npos;
    while (index < text.size())
    {
        if (characters == limit)
            cut = index;
        std::uint32_t code_point = 0;
        const std::size_t length = static_cast<unsigned char>(text[index]) < 0x80
                                       ? 1
                                       : decode_utf8(text, index, code_point);
        index += length == 0 ? 1 : length;
        ++characters;
    }
    if (cut == std::string_view::npos)
        return std::string(text);
    return std::string(text.substr(0, cut)) +
           (language == Language::fr ? " … (" + std::to_string(characters) + " caractères)"
                                     : " … (" + std::to_string(characters) + " characters)");
}

} // namespace onepercent::validation
