// The direct reader's entry points: the format told from the first bytes, the archive opened
// and handed to the ODF or OOXML reader, everything written to the model stream and decoded
// into a Result; and the small parsers both formats share.
#include "reader_internal.hxx"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>

namespace onepercent::direct_reader
{
namespace detail
{
std::optional<std::string> error_shown(std::string_view stored)
{
    // Error codes as formula/errorcodes.hxx numbers them, named as the UNO reader names them
    // (validation::error_text_of_code, shared with the UNO reader).
    int code = 0;
    if (stored == "#NULL!")
        code = 521;
    else if (stored == "#DIV/0!")
        code = 532;
    else if (stored == "#VALUE!")
        code = 519;
    else if (stored == "#REF!")
        code = 524;
    else if (stored == "#NAME?")
        code = 525;
    else if (stored == "#NUM!")
        code = 503;
    else if (stored == "#N/A")
        code = 32767;
    else if (stored.size() > 4 && stored.size() <= 9 && stored.substr(0, 4) == "Err:")
    {
        const std::string_view digits = stored.substr(4);
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), code);
        if (error != std::errc() || end != digits.data() + digits.size() || code <= 0 ||
            digits[0] == '+' || digits[0] == '-')
            return std::nullopt;
    }
    else
        return std::nullopt;
    return validation::error_text_of_code(code);
}

std::optional<double> parse_number(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    if (!text.empty() && text[0] == '+')
        text.remove_prefix(1);
    if (text.empty() ||
        !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-' || text[0] == '.'))
        return std::nullopt;
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace
{
bool digits_at(std::string_view text, std::size_t index, std::size_t count, int& value)
{
    if (index + count > text.size())
        return false;
    value = 0;
    for (std::size_t digit = index; digit < index + count; ++digit)
    {
        if (!std::isdigit(static_cast<unsigned char>(text[digit])))
            return false;
        value = value * 10 + (text[digit] - '0');
    }
    return true;
}

bool valid_date(CivilDate date)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days[date.month - 1])
        return false;
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    return date.month != 2 || date.day < 29 || leap;
}
} // namespace

std::optional<CivilDate> parse_civil_date(std::string_view text)
{
    // YYYY-MM-DD, the date part of an xsd:dateTime.
    CivilDate date{};
    if (text.size() < 10 || !digits_at(text, 0, 4, date.year) || text[4] != '-' ||
        !digits_at(text, 5, 2, date.month) || text[7] != '-' || !digits_at(text, 8, 2, date.day) ||
        !valid_date(date))
        return std::nullopt;
    if (text.size() > 10 && text[10] != 'T')
        return std::nullopt;
    return date;
}

std::optional<double> parse_date_serial(std::string_view text, CivilDate null_date)
{
    const auto date = parse_civil_date(text);
    if (!date)
        return std::nullopt;
    double serial = static_cast<double>(days_from_civil(*date) - days_from_civil(null_date));
    if (text.size() == 10)
        return serial;
    // THH:MM[:SS[.fraction]], a time zone ignored as the office ignores it.
    int hours = 0, minutes = 0, seconds = 0;
    if (!digits_at(text, 11, 2, hours) || text.size() < 16 || text[13] != ':' ||
        !digits_at(text, 14, 2, minutes) || hours > 24 || minutes > 59)
        return std::nullopt;
    double fraction = 0.0;
    std::size_t index = 16;
    if (index < text.size() && text[index] == ':')
    {
        if (!digits_at(text, index + 1, 2, seconds) || seconds > 60)
            return std::nullopt;
        index += 3;
        if (index < text.size() && (text[index] == '.' || text[index] == ','))
        {
            double scale = 0.1;
            ++index;
            while (index < text.size() && std::isdigit(static_cast<unsigned char>(text[index])))
            {
                fraction += (text[index] - '0') * scale;
                scale /= 10;
                ++index;
            }
        }
    }
    const std::string_view zone = text.substr(index);
    if (!(zone.empty() || zone == "Z" ||
          ((zone[0] == '+' || zone[0] == '-') && zone.size() == 6 && zone[3] == ':')))
        return std::nullopt;
    return serial + (hours * 3600.0 + minutes * 60.0 + seconds + fraction) / 86400.0;
}

std::optional<double> parse_duration_days(std::string_view text)
{
    // [-]P[nD][T[nH][nM][n[.n]S]]
    std::size_t index = 0;
    bool negative = false;
    if (index < text.size() && text[index] == '-')
    {
        negative = true;
        ++index;
    }
    if (index >= text.size() || text[index] != 'P')
        return std::nullopt;
    ++index;
    double days = 0.0;
    bool in_time = false, any = false;
    while (index < text.size())
    {
        if (text[index] == 'T')
        {
            if (in_time)
                return std::nullopt;
            in_time = true;
            ++index;
            continue;
        }
        const std::size_t start = index;
        while (index < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[index])) || text[index] == '.'))
            ++index;
        if (index == start || index >= text.size())
            return std::nullopt;
        double value = 0.0;
        const auto [end, error] = std::from_chars(text.data() + start, text.data() + index, value);
        if (error != std::errc() || end != text.data() + index)
            return std::nullopt;
        const char unit = text[index++];
        if (!in_time && unit == 'D')
            days += value;
        else if (in_time && unit == 'H')
            days += value / 24.0;
        else if (in_time && unit == 'M')
            days += value / 1440.0;
        else if (in_time && unit == 'S')
            days += value / 86400.0;
        else
            return std::nullopt;
        any = true;
    }
    if (!any || !std::isfinite(days))
        return std::nullopt;
    return negative ? -days : days;
}

std::string number_text15(double value)
{
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    if (error != std::errc())
        return {};
    return std::string(buffer, end);
}

bool calls_volatile_function(std::string_view formula)
{
    // Every formula is scanned: ASCII tests inline, not the locale's (a hot path on large
    // files), and only names of a candidate's length compared.
    static constexpr std::string_view names[] = {"NOW",      "TODAY",  "RAND", "RANDBETWEEN",
                                                 "INDIRECT", "OFFSET", "INFO", "CELL"};
    auto name_char = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_';
    };
    for (std::size_t index = formula.find('('); index != std::string_view::npos;
         index = formula.find('(', index + 1))
    {
        std::size_t start = index;
        while (start > 0 && index - start <= 11 && name_char(formula[start - 1]))
            --start;
        const std::size_t length = index - start;
        if (length < 3 || length > 11 || (start > 0 && name_char(formula[start - 1])))
            continue;
        for (std::string_view candidate : names)
        {
            if (candidate.size() != length)
                continue;
            bool same = true;
            for (std::size_t k = 0; k < length && same; ++k)
            {
                char c = formula[start + k];
                if (c >= 'a' && c <= 'z')
                    c = static_cast<char>(c - 'a' + 'A');
                same = c == candidate[k];
            }
            if (same)
                return true;
        }
    }
    return false;
}

bool written_by_libreoffice(std::string_view generator)
{
    return generator.rfind("LibreOffice", 0) == 0 || generator.rfind("CollaboraOffice", 0) == 0;
}

namespace
{
constexpr std::string_view encrypted_package_utf16 =
    std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);

[[noreturn]] void ole_file(bool encrypted)
{
    if (encrypted)
        needs_office("the file is encrypted (password-protected)",
                     "le fichier est chiffré (protégé par mot de passe)");
    needs_office("a binary file (.xls) that only the office reads",
                 "un fichier binaire (.xls) que seule la suite lit");
}

[[noreturn]] void other_format()
{
    needs_office("not an .xlsx, .ods or .fods file", "pas un fichier .xlsx, .ods ni .fods");
}

void read_zip(ZipArchive& archive, ModelWriter& writer)
{
    if (archive.has("content.xml") || archive.has("mimetype"))
        read_ods(archive, writer);
    else
        read_xlsx(archive, writer);
}

std::string read_whole_file(const std::string& path, const Limits& limits)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        unreadable("the file cannot be opened", "le fichier ne s'ouvre pas");
    file.seekg(0, std::ios::end);
    const std::streamoff size = file.tellg();
    if (size < 0)
        unreadable("the file cannot be read", "le fichier est illisible");
    if (static_cast<std::uint64_t>(size) > limits.max_part_bytes)
        needs_office("the file is larger than the direct reader holds (" +
                         std::to_string(limits.max_part_bytes >> 20) + " MiB)",
                     "le fichier dépasse ce que le lecteur direct retient (" +
                         std::to_string(limits.max_part_bytes >> 20) + " Mio)");
    file.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!file.read(bytes.data(), size))
        unreadable("the file cannot be read", "le fichier est illisible");
    return bytes;
}
} // namespace

void read_path_into(const std::string& path, const Limits& limits, ModelWriter& writer)
{
    char head[16] = {};
    std::size_t got = 0;
    {
        std::ifstream file(path, std::ios::binary);
        if (!file)
            unreadable("the file cannot be opened", "le fichier ne s'ouvre pas");
        file.read(head, sizeof head);
        got = static_cast<std::size_t>(file.gcount());
    }
    switch (sniff_format(std::string_view(head, got)))
    {
    case Format::zip:
    {
        ZipArchive archive(path, limits);
        read_zip(archive, writer);
        break;
    }
    case Format::ole:
        ole_file(read_whole_file(path, limits).find(encrypted_package_utf16) != std::string::npos);
    case Format::xml:
        read_flat_ods(read_whole_file(path, limits), writer);
        break;
    case Format::other:
        other_format();
    }
    writer.finish();
}

void read_bytes_into(std::string_view bytes, const Limits& limits, ModelWriter& writer)
{
    switch (sniff_format(bytes.substr(0, 16)))
    {
    case Format::zip:
    {
        ZipArchive archive(bytes, limits);
        read_zip(archive, writer);
        break;
    }
    case Format::ole:
        ole_file(bytes.find(encrypted_package_utf16) != std::string_view::npos);
    case Format::xml:
        if (bytes.size() > limits.max_part_bytes)
            unreadable("the file is too large", "le fichier est trop gros");
        // parse_xml needs the byte after the document readable (a std::string's terminator):
        // orcus reads one byte past a document that ends inside a declaration (found by
        // fuzz/direct_reader_fuzzer.cxx, fuzz/regressions/direct_reader/).
        read_flat_ods(std::string(bytes), writer);
        break;
    case Format::other:
        other_format();
    }
    writer.finish();
}

// Runs a read into `sink`, ending the stream with its status whatever happens.
template <class Read> void guarded(ByteSink& sink, const Limits& limits, Read read)
{
    try
    {
        ModelWriter writer(sink, limits);
        read(writer);
    }
    catch (const ReadError& error)
    {
        write_failure(sink, error.status(), error.message());
    }
    catch (const std::bad_alloc&)
    {
        write_failure(sink, Status::unreadable,
                      {"reading it needs more memory than the reader's limit",
                       "sa lecture demande plus de mémoire que la limite du lecteur"});
    }
    catch (const std::exception& error)
    {
        write_failure(sink, Status::unreadable,
                      {std::string("the file cannot be read: ") + error.what(),
                       std::string("le fichier est illisible : ") + error.what()});
    }
}

void read_path_guarded(const std::string& path, const Limits& limits, ByteSink& sink)
{
    guarded(sink, limits, [&](ModelWriter& writer) { read_path_into(path, limits, writer); });
}
} // namespace detail

Format sniff_format(std::string_view first_bytes)
{
    if (first_bytes.size() >= 4 && first_bytes.substr(0, 2) == "PK" &&
        ((first_bytes[2] == 3 && first_bytes[3] == 4) ||
         (first_bytes[2] == 5 && first_bytes[3] == 6) ||
         (first_bytes[2] == 7 && first_bytes[3] == 8)))
        return Format::zip;
    if (first_bytes.size() >= 8 &&
        first_bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return Format::ole;
    std::size_t index = 0;
    if (first_bytes.substr(0, 3) == "\xEF\xBB\xBF")
        index = 3;
    while (index < first_bytes.size() && (first_bytes[index] == ' ' || first_bytes[index] == '\t' ||
                                          first_bytes[index] == '\r' || first_bytes[index] == '\n'))
        ++index;
    if (index < first_bytes.size() && first_bytes[index] == '<')
        return Format::xml;
    return Format::other;
}

Result read_file(const std::string& path, const Limits& limits)
{
    detail::StringSink sink;
    detail::read_path_guarded(path, limits, sink);
    return detail::decode_model(sink.bytes, path, limits);
}

Result read_bytes(std::string_view bytes, const std::string& file_name, const Limits& limits)
{
    detail::StringSink sink;
    detail::guarded(sink, limits,
                    [&](detail::ModelWriter& writer)
                    { detail::read_bytes_into(bytes, limits, writer); });
    return detail::decode_model(sink.bytes, file_name, limits);
}

} // namespace onepercent::direct_reader
