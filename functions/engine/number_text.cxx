// Locale-independent number text: std::to_chars never reads the C locale.
#include "number_text.hxx"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace onepercent
{
namespace
{
std::string chars_of(double value, std::chars_format format, int precision)
{
    char buffer[400]; // %f of 1e308 has 309 digits before the point
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, format, precision);
    if (error != std::errc())
        return "?";
    return std::string(buffer, end);
}

void to_language(std::string& text, Language language)
{
    if (language == Language::fr)
        std::replace(text.begin(), text.end(), '.', ',');
}

std::string digits_of(long value, int width)
{
    std::string text = std::to_string(value < 0 ? -value : value);
    if (static_cast<int>(text.size()) < width)
        text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
    return value < 0 ? "-" + text : text;
}
} // namespace

std::string shortest_number_text(double value, Language language, int significant)
{
    if (!std::isfinite(value))
        return "?";
    if (value == 0.0)
        return "0";
    std::string text = chars_of(value, std::chars_format::general, std::clamp(significant, 1, 17));
    to_language(text, language);
    return text;
}

std::string fixed_number_text(double value, int decimals)
{
    if (!std::isfinite(value))
        return "?";
    return chars_of(value, std::chars_format::fixed, std::clamp(decimals, 0, 17));
}

std::string decimal_number_text(double value, int max_decimals, Language language)
{
    std::string text = fixed_number_text(value, max_decimals);
    if (text == "?")
        return text;
    if (text.find('.') != std::string::npos)
    {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    to_language(text, language);
    return text;
}

std::string money_amount_text(double amount, Language language)
{
    if (!std::isfinite(amount))
        return "?";
    const double cents = std::round(std::abs(amount) * 100.0);
    const bool negative = amount < 0 && cents != 0.0;
    const std::string digits = fixed_number_text(cents / 100.0, 2); // "19788.11"
    const std::size_t point = digits.find('.');
    const std::string whole = digits.substr(0, point);
    const char separator = language == Language::fr ? ' ' : ',';
    std::string grouped;
    for (std::size_t index = 0; index < whole.size(); ++index)
    {
        if (index > 0 && (whole.size() - index) % 3 == 0)
            grouped += separator;
        grouped += whole[index];
    }
    grouped += (language == Language::fr ? ',' : '.') + digits.substr(point + 1);
    const std::string sign = negative ? "-" : "";
    if (language == Language::fr)
        return sign + grouped + " $";
    return sign + "$" + grouped;
}

std::string civil_date_text(CivilDate date)
{
    return digits_of(date.year, 4) + "-" + digits_of(date.month, 2) + "-" + digits_of(date.day, 2);
}
} // namespace onepercent
