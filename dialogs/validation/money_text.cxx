// The text of values in findings: money in either language, plain numbers, dates, yes/no.
#include "template_reader.hxx"
#include "validator.hxx"

#include <cmath>
#include <cstdio>
#include <string>

namespace onepercent::validation
{
namespace
{
// "7500.00" -> "7,500.00" (English) or "7 500,00" (French).
std::string group_thousands(const std::string& digits, Language language)
{
    const std::size_t point = digits.find('.');
    const std::string whole = digits.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
    const char separator = language == Language::fr ? ' ' : ',';
    std::string grouped;
    for (std::size_t index = 0; index < whole.size(); ++index)
    {
        if (index > 0 && (whole.size() - index) % 3 == 0)
            grouped += separator;
        grouped += whole[index];
    }
    if (!fraction.empty())
        grouped += (language == Language::fr ? ',' : '.') + fraction;
    return grouped;
}
} // namespace

std::string money_text(double amount, Language language)
{
    if (!std::isfinite(amount))
        return "?";
    double cents = std::round(std::abs(amount) * 100.0);
    const bool negative = amount < 0 && cents != 0.0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", cents / 100.0);
    const std::string grouped = group_thousands(buffer, language);
    const std::string sign = negative ? "-" : "";
    if (language == Language::fr)
        return sign + grouped + " $";
    return sign + "$" + grouped;
}

std::string number_text(double value)
{
    if (!std::isfinite(value))
        return "?";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value == 0.0 ? 0.0 : value);
    return buffer;
}

std::string decimal_text(double value, int max_decimals, Language language)
{
    if (!std::isfinite(value))
        return "?";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", max_decimals, value);
    std::string text(buffer);
    if (text.find('.') != std::string::npos)
    {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    if (language == Language::fr)
        for (char& character : text)
            if (character == '.')
                character = ',';
    return text;
}

std::string iso_date_text(CivilDate date)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

CivilDate date_of_serial(double serial, CivilDate null_date)
{
    return civil_from_days(days_from_civil(null_date) + static_cast<long>(std::floor(serial)));
}

std::string value_text(const Cell& cell, bool is_date, CivilDate null_date)
{
    switch (cell.kind)
    {
    case Cell::Kind::empty:
        return "";
    case Cell::Kind::number:
        if (is_date && std::isfinite(cell.number) && std::abs(cell.number) < 3e6)
            return iso_date_text(date_of_serial(cell.number, null_date));
        return number_text(cell.number);
    case Cell::Kind::text:
    case Cell::Kind::error:
        return cell.text;
    }
    return "";
}

std::string yes_no_text(bool value, Language language)
{
    if (language == Language::fr)
        return value ? "oui" : "non";
    return value ? "yes" : "no";
}

} // namespace onepercent::validation
