// The XML layer: orcus's SAX parser (the fastest of orcus, libxml2 and expat on the 189 MB
// content.xml of the benchmark workbook, README "Reading without an office") with what it
// leaves to its user: namespaces, matching tags, and a check of the characters and entity
// references before parsing (orcus passes unknown entities and invalid UTF-8 through, where
// the office refuses the file). No DTD is ever processed: a DOCTYPE is refused.
#include "reader_internal.hxx"

#include <orcus/sax_parser.hpp>

#include <array>
#include <cstring>

namespace onepercent::direct_reader::detail
{
namespace
{
[[noreturn]] void malformed(std::string_view part, const std::string& en, const std::string& fr)
{
    unreadable(std::string(part) + " is not well-formed XML: " + en,
               std::string(part) + " n'est pas du XML bien formé : " + fr);
}

bool is_xml_char(std::uint32_t code)
{
    return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
           (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

// An entity reference at text[index] == '&': its length, or 0 when it is not one of XML's
// five or a reference to a character that XML allows.
std::size_t entity_length(std::string_view text, std::size_t index)
{
    const std::size_t end = text.find(';', index);
    if (end == std::string_view::npos || end - index > 12)
        return 0;
    const std::string_view name = text.substr(index + 1, end - index - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
        return end - index + 1;
    if (name.size() < 2 || name[0] != '#')
        return 0;
    std::uint32_t code = 0;
    const bool hex = name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8)
        return 0;
    for (char c : digits)
    {
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return 0;
        code = code * (hex ? 16 : 10) + digit;
    }
    return is_xml_char(code) ? end - index + 1 : 0;
}

// UTF-8 without overlong forms or surrogates, only XML characters, and entity references
// that XML defines. Eight ASCII bytes at a time where nothing needs a look.
void check_characters(std::string_view text, std::string_view part)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t index = 0;
    constexpr std::uint64_t high = 0x8080808080808080ull;
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    while (index < size)
    {
        if (size - index >= 8)
        {
            std::uint64_t word;
            std::memcpy(&word, bytes + index, 8);
            // No byte with its high bit, none below 0x20, none equal to '&'.
            const std::uint64_t below_space = (word - ones * 0x20) & ~word & high;
            const std::uint64_t ampersand =
                ((word ^ (ones * '&')) - ones) & ~(word ^ (ones * '&')) & high;
            if (((word & high) | below_space | ampersand) == 0)
            {
                index += 8;
                continue;
            }
        }
        const unsigned char byte = bytes[index];
        if (byte < 0x80)
        {
            if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')
                malformed(part, "a control character (byte " + std::to_string(byte) + ")",
                          "un caractère de commande (octet " + std::to_string(byte) + ")");
            if (byte == '&')
            {
                const std::size_t length = entity_length(text, index);
                if (length == 0)
                    malformed(part, "an undefined entity reference or character reference",
                              "une référence d'entité ou de caractère non définie");
                index += length;
                continue;
            }
            ++index;
            continue;
        }
        std::uint32_t code = 0;
        const std::size_t length = decode_utf8(text, index, code);
        if (length == 0 || !is_xml_char(code))
            malformed(part, "bytes that are not UTF-8 text",
                      "des octets qui ne sont pas du texte UTF-8");
        index += length;
    }
}

bool equal_ignoring_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t index = 0; index < a.size(); ++index)
        if (std::tolower(static_cast<unsigned char>(a[index])) !=
            std::tolower(static_cast<unsigned char>(b[index])))
            return false;
    return true;
}

Ns namespace_of(std::string_view uri)
{
    struct Known
    {
        std::string_view uri;
        Ns ns;
    };
    static constexpr Known known[] = {
        {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", Ns::office},
        {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", Ns::table},
        {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", Ns::text},
        {"urn:oasis:names:tc:opendocument:xmlns:meta:1.0", Ns::meta},
        {"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0", Ns::calcext},
        {"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", Ns::manifest},
        {"http://schemas.openxmlformats.org/spreadsheetml/2006/main", Ns::sml},
        {"http://purl.oclc.org/ooxml/spreadsheetml/main", Ns::sml},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", Ns::rel},
        {"http://purl.oclc.org/ooxml/officeDocument/relationships", Ns::rel},
        {"http://schemas.openxmlformats.org/package/2006/relationships", Ns::pkg_rel},
        {"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", Ns::custom},
        {"http://purl.oclc.org/ooxml/officeDocument/customProperties", Ns::custom},
        {"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", Ns::extended},
        {"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", Ns::extended},
        {"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", Ns::vt},
        {"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", Ns::vt},
        {"http://www.w3.org/XML/1998/namespace", Ns::xml},
    };
    for (const Known& entry : known)
        if (entry.uri == uri)
            return entry.ns;
    return Ns::other;
}

// orcus calls attribute() for each attribute, then start_element(); values it had to decode
// live in its buffers until start_element() returns, but orcus documents them as valid in
// the callback only: they are copied.
class Adapter
{
  public:
    Adapter(XmlHandler& handler, std::string_view part)
        : handler_(handler)
        , part_(part)
    {
        bindings_.push_back({"xml", Ns::xml, 0});
    }

    void doctype(const orcus::sax::doctype_declaration&)
    {
        malformed(part_, "a DOCTYPE declaration (never processed)",
                  "une déclaration DOCTYPE (jamais traitée)");
    }
    void start_declaration(std::string_view) { in_declaration_ = true; }
    void end_declaration(std::string_view) { in_declaration_ = false; }

    void attribute(const orcus::sax::parser_attribute& attribute)
    {
        if (in_declaration_)
        {
            if (attribute.name == "encoding" && !equal_ignoring_case(attribute.value, "UTF-8"))
                malformed(part_, "the encoding " + std::string(attribute.value) + " (UTF-8 only)",
                          "l'encodage " + std::string(attribute.value) + " (UTF-8 seulement)");
            return;
        }
        Raw raw{attribute.ns, attribute.name, attribute.value, std::string::npos};
        if (attribute.transient)
        {
            raw.copy = copies_.size();
            copies_.append(attribute.value);
        }
        raw_.push_back(raw);
    }

    void start_element(const orcus::sax::parser_element& element)
    {
        if (root_closed_)
            malformed(part_, "content after the root element", "du contenu après l'élément racine");
        if (open_.size() >= 1000)
            malformed(part_, "elements nested more than 1000 deep",
                      "des éléments imbriqués sur plus de 1000 niveaux");
        const std::size_t depth = open_.size() + 1;
        for (const Raw& raw : raw_)
        {
            if (raw.prefix.empty() && raw.name == "xmlns")
                bind("", value_of(raw), depth);
            else if (raw.prefix == "xmlns")
                bind(raw.name, value_of(raw), depth);
        }
        attributes_.clear();
        for (std::size_t index = 0; index < raw_.size(); ++index)
        {
            const Raw& raw = raw_[index];
            if ((raw.prefix.empty() && raw.name == "xmlns") || raw.prefix == "xmlns")
                continue;
            for (std::size_t other = 0; other < index; ++other)
                if (raw_[other].name == raw.name && raw_[other].prefix == raw.prefix)
                    malformed(part_, "an attribute given twice", "un attribut donné deux fois");
            attributes_.push_back(
                {raw.prefix.empty() ? Ns::none : lookup(raw.prefix), raw.name, value_of(raw)});
        }
        const Ns ns = lookup(element.ns);
        open_.push_back({element.ns, element.name, ns});
        raw_.clear();
        handler_.start_element(ns, element.name, attributes_.data(), attributes_.size());
        copies_.clear();
    }

    void end_element(const orcus::sax::parser_element& element)
    {
        if (open_.empty() || open_.back().prefix != element.ns || open_.back().name != element.name)
            malformed(part_, "a closing tag that does not match",
                      "une balise fermante qui ne correspond pas");
        const Ns ns = open_.back().ns;
        handler_.end_element(ns, element.name);
        const std::size_t depth = open_.size();
        bool unbound = false;
        while (bindings_.back().depth == depth)
        {
            bindings_.pop_back();
            unbound = true;
        }
        if (unbound)
            ++generation_;
        open_.pop_back();
        if (open_.empty())
            root_closed_ = true;
    }

    void characters(std::string_view text, bool)
    {
        if (!open_.empty())
            handler_.characters(text);
    }

    void finish()
    {
        if (!root_closed_)
            malformed(part_, "the document ends inside an element",
                      "le document finit dans un élément");
    }

  private:
    struct Raw
    {
        std::string_view prefix, name, value;
        std::size_t copy; // offset in copies_, or npos
    };
    struct Binding
    {
        std::string prefix;
        Ns ns;
        std::size_t depth;
    };
    struct Open
    {
        std::string_view prefix, name;
        Ns ns;
    };
    struct CacheEntry
    {
        std::size_t generation = 0;
        std::size_t binding = 0;
    };

    std::string_view value_of(const Raw& raw) const
    {
        if (raw.copy == std::string::npos)
            return raw.value;
        return std::string_view(copies_).substr(raw.copy, raw.value.size());
    }

    void bind(std::string_view prefix, std::string_view uri, std::size_t depth)
    {
        bindings_.push_back({std::string(prefix), namespace_of(uri), depth});
        ++generation_;
    }

    // A prefix's namespace: a small cache, since few prefixes carry millions of elements and
    // bindings change only where xmlns attributes are (usually the root).
    Ns lookup(std::string_view prefix)
    {
        CacheEntry& entry =
            cache_[(prefix.size() * 31 + (prefix.empty() ? 0 : prefix[0] * 7 + prefix.back())) %
                   cache_.size()];
        if (entry.generation == generation_ && bindings_[entry.binding].prefix == prefix)
            return bindings_[entry.binding].ns;
        for (std::size_t index = bindings_.size(); index-- > 0;)
            if (bindings_[index].prefix == prefix)
            {
                entry.generation = generation_;
                entry.binding = index;
                return bindings_[index].ns;
            }
        return prefix.empty() ? Ns::none : Ns::other; // undeclared: ignored by the readers
    }

    XmlHandler& handler_;
    std::string_view part_;
    std::vector<Raw> raw_;
    std::string copies_;
    std::vector<XmlAttribute> attributes_;
    std::vector<Binding> bindings_;
    std::vector<Open> open_;
    std::array<CacheEntry, 64> cache_{};
    std::size_t generation_ = 1;
    bool in_declaration_ = false;
    bool root_closed_ = false;
};
} // namespace

namespace
{
// Where the processing instruction at the start of `text` ("<?...") ends: the offset of its
// "?>" outside quoted values (orcus parses every processing instruction as a declaration, a
// name and attributes, sax_parser.hpp:387-391, so a "?>" inside quotes does not end it), or
// npos, with `unclosed_quote` when a quoted value never closes.
struct InstructionEnd
{
    std::size_t offset = std::string_view::npos;
    bool unclosed_quote = false;
};

InstructionEnd instruction_end(std::string_view text)
{
    std::size_t c = 2;
    while (c < text.size())
    {
        if (text[c] == '?' && c + 1 < text.size() && text[c + 1] == '>')
            return {c, false};
        if (text[c] == '"' || text[c] == '\'')
        {
            const std::size_t close = text.find(text[c], c + 1);
            if (close == std::string_view::npos)
                return {std::string_view::npos, true};
            c = close + 1;
        }
        else
            ++c;
    }
    return {};
}
} // namespace

// A DOCTYPE can only come before the root element: refused there with a clear message (orcus
// would stop on its internal subset with a less clear one).
void refuse_doctype(std::string_view document, std::string_view part)
{
    std::size_t index = document.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (index < document.size())
    {
        const std::size_t next = document.find_first_not_of(" \t\r\n", index);
        if (next == std::string_view::npos)
            return;
        const std::string_view rest = document.substr(next);
        std::size_t end = std::string_view::npos;
        if (rest.substr(0, 2) == "<?")
            end = instruction_end(rest).offset;
        else if (rest.substr(0, 4) == "<!--")
            end = rest.find("-->");
        else
        {
            if (rest.substr(0, 9) == "<!DOCTYPE")
                malformed(part, "a DOCTYPE declaration (never processed)",
                          "une déclaration DOCTYPE (jamais traitée)");
            return;
        }
        if (end == std::string_view::npos)
            return;
        index = next + end + 2;
    }
}

// A document that ends inside a comment or declaration: orcus asserts (liborcus-parser is
// built with assertions: the process aborts) when one starts in its last bytes (found by
// fuzz/xlsx_sheet_fuzzer.cxx, fuzz/regressions/xlsx_sheet/). A well-formed document ends with
// its root's closing tag.
void refuse_open_end(std::string_view document, std::string_view part)
{
    const std::string_view tail = document.substr(document.size() > 16 ? document.size() - 16 : 0);
    if (tail.find("<!") != std::string_view::npos || tail.find("<?") != std::string_view::npos)
        malformed(part, "the document ends inside a comment or declaration",
                  "le document finit dans un commentaire ou une déclaration");
}

// Every markup construct ends inside the document: tags close with '>' and processing
// instructions with "?>" outside quoted values, quotes close, comments and CDATA sections end.
// orcus reads past the end of a document that stops inside one (an unclosed attribute value made it
// read the heap beyond the buffer: found by fuzz/direct_reader_fuzzer.cxx, fuzz/regressions/); with
// this pass it never reaches the end inside a construct.
void check_structure(std::string_view document, std::string_view part)
{
    const char* const begin = document.data();
    const char* const end = begin + document.size();
    auto find = [&](const char* from, std::string_view what) -> const char*
    {
        const void* found =
            memmem(from, static_cast<std::size_t>(end - from), what.data(), what.size());
        return static_cast<const char*>(found);
    };
    auto unterminated = [&](const char* what_en, const char* what_fr)
    {
        malformed(part, std::string(what_en) + " that does not end",
                  std::string(what_fr) + " qui ne se termine pas");
    };
    // A quoted value at c: the character after its closing quote.
    auto skip_quoted = [&](const char* c) -> const char*
    {
        const void* close = std::memchr(c + 1, *c, static_cast<std::size_t>(end - c - 1));
        if (!close)
            unterminated("an attribute value", "une valeur d'attribut");
        return static_cast<const char*>(close) + 1;
    };
    const char* at = begin;
    while (true)
    {
        at = static_cast<const char*>(std::memchr(at, '<', static_cast<std::size_t>(end - at)));
        if (!at)
            return;
        const std::string_view rest(at, static_cast<std::size_t>(end - at));
        const char* next = nullptr;
        if (rest.substr(0, 4) == "<!--")
        {
            next = find(at + 4, "-->");
            if (!next)
                unterminated("a comment", "un commentaire");
            at = next + 3;
        }
        else if (rest.substr(0, 9) == "<![CDATA[")
        {
            next = find(at + 9, "]]>");
            if (!next)
                unterminated("a CDATA section", "une section CDATA");
            at = next + 3;
        }
        else if (rest.substr(0, 2) == "<?")
        {
            // To its "?>", quoted values skipped whole (instruction_end). A value there that
            // never closes and holds an entity reference made value_with_encoded_char() step
            // past the end, where has_char() (mp_char != mp_end) never stops it again:
            // cur_char_checked() (sax_parser_base.hpp:170) and skip_space_and_control() read
            // the heap beyond the buffer, however it is terminated (found by
            // fuzz/direct_reader_fuzzer.cxx, fuzz/regressions/direct_reader/crash-d5ca5e14...).
            const InstructionEnd instruction = instruction_end(rest);
            if (instruction.unclosed_quote)
                unterminated("an attribute value", "une valeur d'attribut");
            if (instruction.offset == std::string_view::npos)
                unterminated("a processing instruction", "une instruction de traitement");
            at += instruction.offset + 2;
        }
        else if (rest.substr(0, 2) == "<!")
            malformed(part, "a declaration inside the document",
                      "une déclaration dans le document");
        else
        {
            // A tag: to its '>', quoted values skipped whole.
            const char* c = at + 1;
            while (c < end && *c != '>')
            {
                if (*c == '"' || *c == '\'')
                {
                    c = skip_quoted(c);
                    continue;
                }
                if (*c == '<')
                    malformed(part, "'<' inside a tag", "« < » dans une balise");
                ++c;
            }
            if (c >= end)
                unterminated("a tag", "une balise");
            at = c + 1;
        }
    }
}

void parse_xml(std::string_view document, XmlHandler& handler, std::string_view part)
{
    refuse_doctype(document, part);
    refuse_open_end(document, part);
    check_characters(document, part);
    check_structure(document, part);
    Adapter adapter(handler, part);
    try
    {
        orcus::sax_parser<Adapter> parser(document.data(), document.size(), adapter);
        parser.parse();
    }
    catch (const ReadError&)
    {
        throw;
    }
    catch (const std::bad_alloc&)
    {
        throw;
    }
    catch (const std::exception& error)
    {
        malformed(part, error.what(), error.what());
    }
    adapter.finish();
}

std::string_view attribute(
    const XmlAttribute* attributes, std::size_t count, Ns ns, std::string_view name, bool* found)
{
    for (std::size_t index = 0; index < count; ++index)
        if (attributes[index].ns == ns && attributes[index].name == name)
        {
            if (found)
                *found = true;
            return attributes[index].value;
        }
    if (found)
        *found = false;
    return {};
}

} // namespace onepercent::direct_reader::detail
