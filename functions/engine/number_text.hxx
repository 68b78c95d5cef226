// Numbers as text whatever the process locale (inside a French office the C locale is French,
// so printf("%.2f") writes "19788,11"): std::to_chars only, then the language's own marks.
// No UNO in here.
#pragma once

#include "regulation.hxx"

#include <string>

namespace onepercent
{
// Up to `significant` (1..17) significant digits, as printf's %.15g would in the C locale:
// no trailing zeros, an exponent only for very large or small magnitudes ("1e-07"); a
// decimal comma in French. "-0" is "0"; NaN and infinities are "?".
std::string shortest_number_text(double value, Language language, int significant = 15);

// Exactly `decimals` (0..17) decimals with a decimal point, as printf's %.*f in the C locale
// ("19788.11"): for files (JSON, CSV) and for grouping. NaN and infinities are "?".
std::string fixed_number_text(double value, int decimals);

// Up to `max_decimals` decimals, trailing zeros removed ("12.5", "7"); a decimal comma in
// French. "-0" is "0".
std::string decimal_number_text(double value, int max_decimals, Language language);

// Money to the cent (half away from zero) with thousands grouped: "$19,788.11" in English,
// "19 788,11 $" in French (a space between groups and before "$", as in the project's other
// French amounts); "-$5.00" / "-5,00 $". NaN and infinities are "?".
std::string money_amount_text(double amount, Language language);

// "2025-03-14".
std::string civil_date_text(CivilDate date);
} // namespace onepercent
