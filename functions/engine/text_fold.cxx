// Folding of French and English keywords typed in cells: "Établissement Reconnu" and
// "etablissement reconnu" must mean the same thing.
#include "engine/regulation.hxx"

#include <cstdint>

namespace onepercent
{
namespace
{
// The ASCII spelling of a Latin-1 letter U+00C0..U+00FF, lower case; nullptr when the
// character is not one we fold (×, ÷, Ð, Þ, ß...).
const char* fold_latin1_letter(std::uint32_t code_point)
{
    // U+00C0..U+00DE are the capitals of U+00E0..U+00FE.
    if (code_point >= 0xC0 && code_point <= 0xDE && code_point != 0xD7)
        code_point += 0x20;
    switch (code_point)
    {
    case 0xE0: // à
    case 0xE1: // á
    case 0xE2: // â
    case 0xE3: // ã
    case 0xE4: // ä
    case 0xE5: // å
        return "a";
    case 0xE6: // æ
        return "ae";
    case 0xE7: // ç
        return "c";
    case 0xE8: // è
    case 0xE9: // é
    case 0xEA: // ê
    case 0xEB: // ë
        return "e";
    case 0xEC: // ì
    case 0xED: // í
    case 0xEE: // î
    case 0xEF: // ï
        return "i";
    case 0xF1: // ñ
        return "n";
    case 0xF2: // ò
    case 0xF3: // ó
    case 0xF4: // ô
    case 0xF5: // õ
    case 0xF6: // ö
        return "o";
    case 0xF9: // ù
    case 0xFA: // ú
    case 0xFB: // û
    case 0xFC: // ü
        return "u";
    case 0xFD: // ý
    case 0xFF: // ÿ
        return "y";
    default:
        return nullptr;
    }
}

// The ASCII replacement of one decoded code point, or nullptr to keep the original bytes.
const char* fold_code_point(std::uint32_t code_point)
{
    if (code_point >= 0xC0 && code_point <= 0xFF)
        return fold_latin1_letter(code_point);
    switch (code_point)
    {
    case 0x0152: // Œ
    case 0x0153: // œ
        return "oe";
    case 0x0178: // Ÿ
        return "y";
    case 0x2018: // ‘
    case 0x2019: // ’ typographic apostrophe, as in "d’inscription"
        return "'";
    case 0x00A0: // no-break space (French typography: "1 000 $", "note :")
    case 0x202F: // narrow no-break space
        return " ";
    default:
        return nullptr;
    }
}

} // namespace

std::size_t decode_utf8(std::string_view text, std::size_t index, std::uint32_t& code_point)
{
    const auto lead = static_cast<unsigned char>(text[index]);
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
    {
        length = 2;
        code_point = lead & 0x1F;
    }
    else if ((lead & 0xF0) == 0xE0)
    {
        length = 3;
        code_point = lead & 0x0F;
    }
    else if (lead >= 0xF0 && lead <= 0xF4)
    {
        length = 4;
        code_point = lead & 0x07;
    }
    else
        return 0;
    if (index + length > text.size())
        return 0;
    for (std::size_t offset = 1; offset < length; ++offset)
    {
        const auto continuation = static_cast<unsigned char>(text[index + offset]);
        if ((continuation & 0xC0) != 0x80)
            return 0;
        code_point = (code_point << 6) | (continuation & 0x3F);
    }
    const bool overlong =
        (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF)
        return 0;
    return length;
}

std::string fold_text(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    std::size_t index = 0;
    while (index < text.size())
    {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (byte < 0x80)
        {
            folded += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a')
                                                   : static_cast<char>(byte);
            ++index;
            continue;
        }
        std::uint32_t code_point = 0;
        const std::size_t length = decode_utf8(text, index, code_point);
        if (length == 0)
        {
            folded += text[index]; // not UTF-8: passed through
            ++index;
            continue;
        }
        if (const char* replacement = fold_code_point(code_point))
            folded += replacement;
        else
            folded.append(text.substr(index, length));
        index += length;
    }
    return folded;
}

} // namespace onepercent
