// A small, strict JSON reader (RFC 8259) for the files the tool itself writes and reads back
// (the portfolio summaries of onepercent-validate --merge-summary, issue 12). The files come
// from other machines: the reader bounds what it takes (bytes, nesting, values, one string's
// length), refuses what RFC 8259 does not allow (comments, trailing commas, single quotes,
// leading zeros, NaN, bytes that are not UTF-8, unpaired surrogates, control characters in
// strings) and a key given twice in one object, and says where and why in both languages.
// Numbers are read with std::from_chars: the process locale never matters. No UNO in here.
#pragma once

#include "engine/regulation.hxx"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onepercent::validation::json
{
struct Limits
{
    std::size_t max_bytes = std::size_t(128) << 20;      // the whole text
    std::size_t max_depth = 64;                          // arrays and objects inside each other
    std::size_t max_values = 4'000'000;                  // every value, keys not counted
    std::size_t max_string_bytes = std::size_t(1) << 20; // one string, after unescaping
};

class Value
{
  public:
    enum class Kind
    {
        null,
        boolean,
        number,
        string,
        array,
        object
    };

    Kind kind = Kind::null;
    bool boolean = false;
    double number = 0.0;
    std::string text;
    std::vector<Value> items;                           // an array's
    std::vector<std::pair<std::string, Value>> members; // an object's, in the text's order

    bool is_null() const { return kind == Kind::null; }
    bool is_number() const { return kind == Kind::number; }
    bool is_string() const { return kind == Kind::string; }
    bool is_boolean() const { return kind == Kind::boolean; }
    bool is_array() const { return kind == Kind::array; }
    bool is_object() const { return kind == Kind::object; }
    // An object's member; nullptr when absent (or when this is not an object).
    const Value* find(std::string_view key) const;
};

// Where and why a text is not the JSON we read.
class ParseError : public std::runtime_error
{
  public:
    ParseError(std::size_t line, std::size_t column, std::string english, std::string french);
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    // "line 3, column 7: a value is expected" / "ligne 3, colonne 7 : une valeur est attendue"
    std::string message(Language language) const;

  private:
    std::size_t line_;
    std::size_t column_;
    std::string english_;
    std::string french_;
};

// The one value the text holds (whitespace around it allowed, nothing else). Throws
// ParseError; never reads past the text, never grows past the limits.
Value parse(std::string_view text, const Limits& limits = {});

// "name" in JSON: quotes, backslash and control characters escaped; bytes that are not UTF-8
// become U+FFFD, so that what is written always reads back.
void append_string(std::string& out, std::string_view text);
// A finite number as JSON ("19788.11", "2480000"); null when not finite.
void append_number(std::string& out, double number);
} // namespace onepercent::validation::json
