// The text of values in findings: money in either language, plain numbers, dates, yes/no.
#include "engine/number_text.hxx"
#include "template_reader.hxx"
#include "validator.hxx"

#include <cmath>
#include <string>

namespace onepercent::validation
{
// Every conversion goes through engine/number_text (std::to_chars): inside a French office
// the process's C locale is French and printf wrote "19 788 ,11 $" (issue 10, item 1).
std::string money_text(double amount, Language language)
{
    return money_amount_text(amount, language);
}

std::string number_text(double value)
{
    return shortest_number_text(value, Language::en);
}

std::string decimal_text(double value, int max_decimals, Language language)
{
    return decimal_number_text(value, max_decimals, language);
}

std::string iso_date_text(CivilDate date)
{
    return civil_date_text(date);
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
