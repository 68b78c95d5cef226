// The strict JSON reader of the portfolio summaries (issue 12): what RFC 8259 allows is read,
// everything else is refused with where and why, and nothing grows past the limits.
#include "json_value.hxx"

#include <gtest/gtest.h>

#include <string>

using namespace onepercent;
using namespace onepercent::validation;

namespace
{
std::string refusal(const std::string& text, const json::Limits& limits = {})
{
    try
    {
        json::parse(text, limits);
    }
    catch (const json::ParseError& error)
    {
        return error.message(Language::en);
    }
    return "accepted";
}
} // namespace

TEST(JsonValue, ReadsWhatRfc8259Allows)
{
    const json::Value value = json::parse(
        " {\"a\": [1, -0.5, 2.5e3, 1E-2, true, false, null, \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\"],"
        " \"é\": {\"\": \"\\u00e9\\ud83d\\ude00\"}} \n");
    ASSERT_TRUE(value.is_object());
    const json::Value* a = value.find("a");
    ASSERT_TRUE(a && a->is_array());
    ASSERT_EQ(a->items.size(), 8u);
    EXPECT_EQ(a->items[0].number, 1.0);
    EXPECT_EQ(a->items[1].number, -0.5);
    EXPECT_EQ(a->items[2].number, 2500.0);
    EXPECT_EQ(a->items[3].number, 0.01);
    EXPECT_TRUE(a->items[4].boolean);
    EXPECT_FALSE(a->items[5].boolean);
    EXPECT_TRUE(a->items[6].is_null());
    EXPECT_EQ(a->items[7].text, "x\"\\/\b\f\n\r\t");
    const json::Value* inner = value.find("é");
    ASSERT_TRUE(inner && inner->is_object());
    EXPECT_EQ(inner->find("")->text, "é\xF0\x9F\x98\x80"); // a surrogate pair is one character
    EXPECT_EQ(value.find("missing"), nullptr);
}

TEST(JsonValue, RefusesWhatRfc8259DoesNotAllow)
{
    const char* const refused[] = {
        "",                   // nothing
        "[1,]",               // a trailing comma
        "{\"a\":1,}",         //
        "// x\n1",            // a comment
        "{'a':1}",            // single quotes
        "01",                 // a leading zero
        "1.",                 // a point without digits
        ".5",                 //
        "NaN",                //
        "Infinity",           //
        "1e999",              // out of range
        "-",                  //
        "\"a\nb\"",           // a control character in a string
        "\"\\x41\"",          // an unknown escape
        "\"\\ud800\"",        // an unpaired high surrogate
        "\"\\udc00\"",        // an unpaired low surrogate
        "\"\\ud800\\u0041\"", // a high surrogate with no low one
        "\"\xC3\x28\"",       // not UTF-8
        "\"\xED\xA0\x80\"",   // a surrogate in UTF-8
        "\xEF\xBB\xBF{}",     // a byte order mark
        "{\"a\":1,\"a\":2}",  // a key twice
        "[1] [2]",            // two values
        "{\"a\" 1}",          //
        "[1 2]",              //
        "\"unterminated",     //
        "tru",                //
    };
    for (const char* text : refused)
        EXPECT_NE(refusal(text), "accepted") << text;
}

TEST(JsonValue, SaysWhereAndWhyInBothLanguages)
{
    try
    {
        json::parse("{\n  \"a\": [1,\n  2,]\n}");
        FAIL() << "accepted";
    }
    catch (const json::ParseError& error)
    {
        EXPECT_EQ(error.line(), 3u);
        EXPECT_EQ(error.column(), 5u);
        EXPECT_EQ(error.message(Language::en), "line 3, column 5: a comma may not end an array");
        EXPECT_EQ(error.message(Language::fr),
                  "ligne 3, colonne 5 : une virgule ne peut pas finir un tableau");
    }
}

TEST(JsonValue, StaysWithinItsLimits)
{
    json::Limits limits;
    limits.max_depth = 3;
    EXPECT_EQ(refusal("[[[1]]]", limits), "accepted");
    EXPECT_NE(refusal("[[[[1]]]]", limits).find("nested deeper"), std::string::npos);
    // Far deeper than any stack would take with default limits: refused, not a crash.
    EXPECT_NE(refusal(std::string(1'000'000, '[')).find("nested deeper"), std::string::npos);

    limits = {};
    limits.max_values = 4;
    EXPECT_EQ(refusal("[1,2,3]", limits), "accepted");
    EXPECT_NE(refusal("[1,2,3,4]", limits).find("more values"), std::string::npos);

    limits = {};
    limits.max_bytes = 10;
    EXPECT_NE(refusal("[1,2,3,4,5,6]", limits).find("larger than"), std::string::npos);

    limits = {};
    limits.max_string_bytes = 8;
    EXPECT_EQ(refusal("\"12345678\"", limits), "accepted");
    EXPECT_NE(refusal("\"123456789012\"", limits).find("longer than"), std::string::npos);
}

TEST(JsonValue, WhatIsWrittenReadsBack)
{
    const std::string hostile = std::string("a\"b\\c\n\t\x01\x7F</script><!--") + "\xC3\x28" +
                                "é\xE2\x80\xAE"; // invalid UTF-8, then a bidi override
    std::string text;
    json::append_string(text, hostile);
    EXPECT_EQ(text.find('<'), std::string::npos) << text; // safe inside an HTML page too
    const json::Value value = json::parse(text);
    EXPECT_EQ(value.text,
              std::string("a\"b\\c\n\t\x01\x7F</script><!--") + "\xEF\xBF\xBD(" + "é\xE2\x80\xAE");

    for (const double number : {0.0, 19788.11, 2'480'000.0, -5.0, 1e-7, 123456789.125})
    {
        std::string written;
        json::append_number(written, number);
        EXPECT_EQ(json::parse(written).number, number) << written;
    }
    std::string written;
    json::append_number(written, 19788.11);
    EXPECT_EQ(written, "19788.11");
}
