// The strict JSON reader and the two writers' helpers (json_value.hxx).
#include "json_value.hxx"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace onepercent::validation::json
{
const Value* Value::find(std::string_view key) const
{
    for (const auto& member : members)
        if (member.first == key)
            return &member.second;
    return nullptr;
}

ParseError::ParseError(std::size_t line,
                       std::size_t column,
                       std::string english,
                       std::string french)
    : std::runtime_error("line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": " + english)
    , line_(line)
    , column_(column)
    , english_(std::move(english))
    , french_(std::move(french))
{
}

std::string ParseError::message(Language language) const
{
    if (language == Language::fr)
        return "ligne " + std::to_string(line_) + ", colonne " + std::to_string(column_) + " : " +
               french_;
    return what();
}

namespace
{
struct Words
{
    const char* en;
    const char* fr;
};

class Parser
{
  public:
    Parser(std::string_view text, const Limits& limits)
        : text_(text)
        , limits_(limits)
    {
    }

    Value document()
    {
        if (text_.size() > limits_.max_bytes)
        {
            position_ = 0;
            fail({"the text is larger than the limit of ", "le texte dépasse la limite de "},
                 std::to_string(limits_.max_bytes) + " bytes / octets");
        }
        // A byte order mark is not JSON (RFC 8259, 8.1: must not be added).
        skip_space();
        Value value = parse_value(0);
        skip_space();
        if (position_ != text_.size())
            fail({"nothing may follow the value", "rien ne peut suivre la valeur"});
        return value;
    }

  private:
    [[noreturn]] void fail(const Words& words, const std::string& detail = "") const
    {
        std::size_t line = 1, column = 1;
        for (std::size_t index = 0; index < position_ && index < text_.size(); ++index)
        {
            if (text_[index] == '\n')
            {
                ++line;
                column = 1;
            }
            else if ((static_cast<unsigned char>(text_[index]) & 0xC0) != 0x80)
                ++column;
        }
        throw ParseError(line, column, words.en + detail, words.fr + detail);
    }

    bool at_end() const { return position_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[position_]; }

    void skip_space()
    {
        while (!at_end() && (text_[position_] == ' ' || text_[position_] == '\t' ||
                             text_[position_] == '\n' || text_[position_] == '\r'))
            ++position_;
    }

    void count_value()
    {
        if (++values_ > limits_.max_values)
            fail({"more values than the limit of ", "plus de valeurs que la limite de "},
                 std::to_string(limits_.max_values));
    }

    Value parse_value(std::size_t depth)
    {
        if (at_end())
            fail({"a value is expected, the text ends", "une valeur est attendue, le texte finit"});
        count_value();
        const char first = peek();
        if (first == '{' || first == '[')
        {
            if (depth + 1 > limits_.max_depth)
                fail({"nested deeper than the limit of ",
                      "imbrication plus profonde que la limite de "},
                     std::to_string(limits_.max_depth));
            return first == '{' ? parse_object(depth + 1) : parse_array(depth + 1);
        }
        Value value;
        if (first == '"')
        {
            value.kind = Value::Kind::string;
            value.text = parse_string();
        }
        else if (first == '-' || (first >= '0' && first <= '9'))
        {
            value.kind = Value::Kind::number;
            value.number = parse_number();
        }
        else if (literal("true"))
        {
            value.kind = Value::Kind::boolean;
            value.boolean = true;
        }
        else if (literal("false"))
            value.kind = Value::Kind::boolean;
        else if (literal("null"))
            value.kind = Value::Kind::null;
        else
            fail({"a value is expected (an object, array, string, number, true, false or null)",
                  "une valeur est attendue (objet, tableau, chaîne, nombre, true, false ou null)"});
        return value;
    }

    bool literal(std::string_view word)
    {
        if (text_.substr(position_, word.size()) != word)
            return false;
        position_ += word.size();
        return true;
    }

    Value parse_object(std::size_t depth)
    {
        Value value;
        value.kind = Value::Kind::object;
        ++position_; // {
        skip_space();
        if (peek() == '}')
        {
            ++position_;
            return value;
        }
        while (true)
        {
            skip_space();
            if (peek() != '"')
                fail({"a key in double quotes is expected", "une clé entre guillemets est "
                                                            "attendue"});
            const std::size_t key_position = position_;
            std::string key = parse_string();
            for (const auto& member : value.members)
                if (member.first == key)
                {
                    position_ = key_position;
                    fail({"this key is already given in the object: ",
                          "cette clé figure déjà dans l'objet : "},
                         key.substr(0, 80));
                }
            skip_space();
            if (peek() != ':')
                fail({"':' is expected after the key", "« : » est attendu après la clé"});
            ++position_;
            skip_space();
            Value member = parse_value(depth);
            value.members.emplace_back(std::move(key), std::move(member));
            skip_space();
            if (peek() == ',')
            {
                ++position_;
                skip_space();
                if (peek() == '}')
                    fail({"a comma may not end an object", "une virgule ne peut pas finir un "
                                                           "objet"});
                continue;
            }
            if (peek() == '}')
            {
                ++position_;
                return value;
            }
            fail({"',' or '}' is expected", "« , » ou « } » est attendu"});
        }
    }

    Value parse_array(std::size_t depth)
    {
        Value value;
        value.kind = Value::Kind::array;
        ++position_; // [
        skip_space();
        if (peek() == ']')
        {
            ++position_;
            return value;
        }
        while (true)
        {
            skip_space();
            value.items.push_back(parse_value(depth));
            skip_space();
            if (peek() == ',')
            {
                ++position_;
                skip_space();
                if (peek() == ']')
                    fail({"a comma may not end an array", "une virgule ne peut pas finir un "
                                                          "tableau"});
                continue;
            }
            if (peek() == ']')
            {
                ++position_;
                return value;
            }
            fail({"',' or ']' is expected", "« , » ou « ] » est attendu"});
        }
    }

    unsigned hex4()
    {
        unsigned value = 0;
        for (int digit = 0; digit < 4; ++digit)
        {
            const char character = peek();
            unsigned nibble = 0;
            if (character >= '0' && character <= '9')
                nibble = static_cast<unsigned>(character - '0');
            else if (character >= 'a' && character <= 'f')
                nibble = static_cast<unsigned>(character - 'a' + 10);
            else if (character >= 'A' && character <= 'F')
                nibble = static_cast<unsigned>(character - 'A' + 10);
            else
                fail({"four hexadecimal digits are expected after \\u",
                      "quatre chiffres hexadécimaux sont attendus après \\u"});
            value = value * 16 + nibble;
            ++position_;
        }
        return value;
    }

    static void append_utf8(std::string& out, std::uint32_t code_point)
    {
        if (code_point < 0x80)
            out += static_cast<char>(code_point);
        else if (code_point < 0x800)
        {
            out += static_cast<char>(0xC0 | (code_point >> 6));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        }
        else if (code_point < 0x10000)
        {
            out += static_cast<char>(0xE0 | (code_point >> 12));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        }
        else
        {
            out += static_cast<char>(0xF0 | (code_point >> 18));
            out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        }
    }

    std::string parse_string()
    {
        std::string out;
        ++position_; // "
        while (true)
        {
            if (out.size() > limits_.max_string_bytes)
                fail({"a string is longer than the limit of ",
                      "une chaîne est plus longue que la limite de "},
                     std::to_string(limits_.max_string_bytes) + " bytes / octets");
            if (at_end())
                fail({"the text ends inside a string", "le texte finit dans une chaîne"});
            const auto byte = static_cast<unsigned char>(text_[position_]);
            if (byte == '"')
            {
                ++position_;
                return out;
            }
            if (byte < 0x20)
                fail({"a control character must be escaped in a string",
                      "un caractère de commande doit être échappé dans une chaîne"});
            if (byte >= 0x80)
            {
                std::uint32_t code_point = 0;
                const std::size_t length = decode_utf8(text_, position_, code_point);
                if (length == 0)
                    fail({"bytes that are not UTF-8", "des octets qui ne sont pas de l'UTF-8"});
                out.append(text_.substr(position_, length));
                position_ += length;
                continue;
            }
            if (byte != '\\')
            {
                out += static_cast<char>(byte);
                ++position_;
                continue;
            }
            ++position_;
            const char escape = peek();
            ++position_;
            switch (escape)
            {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u':
            {
                std::uint32_t code_point = hex4();
                if (code_point >= 0xDC00 && code_point <= 0xDFFF)
                    fail({"an unpaired low surrogate", "une demi-zone basse sans paire"});
                if (code_point >= 0xD800 && code_point <= 0xDBFF)
                {
                    if (!literal("\\u"))
                        fail({"an unpaired high surrogate", "une demi-zone haute sans paire"});
                    const std::uint32_t low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF)
                        fail({"an unpaired high surrogate", "une demi-zone haute sans paire"});
                    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(out, code_point);
                break;
            }
            default:
                --position_;
                fail({"an unknown escape in a string", "un échappement inconnu dans une chaîne"});
            }
        }
    }

    static bool digit(char character) { return character >= '0' && character <= '9'; }

    double parse_number()
    {
        const std::size_t start = position_;
        if (peek() == '-')
            ++position_;
        if (peek() == '0')
        {
            ++position_;
            if (digit(peek()))
                fail({"a number may not start with 0", "un nombre ne peut pas commencer par 0"});
        }
        else if (digit(peek()))
            while (digit(peek()))
                ++position_;
        else
            fail({"a digit is expected", "un chiffre est attendu"});
        if (peek() == '.')
        {
            ++position_;
            if (!digit(peek()))
                fail({"a digit is expected after the decimal point",
                      "un chiffre est attendu après le point décimal"});
            while (digit(peek()))
                ++position_;
        }
        if (peek() == 'e' || peek() == 'E')
        {
            ++position_;
            if (peek() == '+' || peek() == '-')
                ++position_;
            if (!digit(peek()))
                fail({"a digit is expected in the exponent", "un chiffre est attendu dans "
                                                             "l'exposant"});
            while (digit(peek()))
                ++position_;
        }
        double number = 0.0;
        const char* first = text_.data() + start;
        const char* last = text_.data() + position_;
        const auto [end, error] = std::from_chars(first, last, number);
        if (error != std::errc() || end != last || !std::isfinite(number))
        {
            position_ = start;
            fail({"a number out of range", "un nombre hors limites"});
        }
        return number;
    }

    std::string_view text_;
    const Limits& limits_;
    std::size_t position_ = 0;
    std::size_t values_ = 0;
};
} // namespace

Value parse(std::string_view text, const Limits& limits)
{
    Parser parser(text, limits);
    return parser.document();
}

void append_string(std::string& out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t index = 0;
    while (index < text.size())
    {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (byte >= 0x80)
        {
            std::uint32_t code_point = 0;
            const std::size_t length = decode_utf8(text, index, code_point);
            if (length == 0)
            {
                out += "\xEF\xBF\xBD";
                ++index;
                continue;
            }
            out.append(text.substr(index, length));
            index += length;
            continue;
        }
        ++index;
        switch (byte)
        {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        // Control characters, DEL, and '<' (a summary inside an HTML page stays text).
        if (byte < 0x20 || byte == 0x7F || byte == '<')
        {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
        else
            out += static_cast<char>(byte);
    }
    out += '"';
}

void append_number(std::string& out, double number)
{
    if (!std::isfinite(number))
    {
        out += "null";
        return;
    }
    // The shortest text that reads back as the same double ("19788.11"), locale-independent.
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
    out.append(buffer, error == std::errc() ? end : buffer);
}
} // namespace onepercent::validation::json
