// The one metadata table of the Calc functions: names, descriptions and arguments in
// English and French, and the evaluator of each function. It drives every XAddIn answer,
// the generated IDL and the generated CalcAddIns.xcu. No UNO in here.
#pragma once

#include "engine/regulation.hxx"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent
{
// A spreadsheet value as Calc hands it over: empty, a number or a text.
struct CellValue
{
    enum class Kind : unsigned char
    {
        empty,
        number,
        text
    };
    Kind kind = Kind::empty;
    double number = 0.0;
    std::string text;

    static CellValue of(double value)
    {
        CellValue cell;
        cell.kind = Kind::number;
        cell.number = value;
        return cell;
    }
    static CellValue of(std::string value)
    {
        CellValue cell;
        cell.kind = Kind::text;
        cell.text = std::move(value);
        return cell;
    }
    bool is_empty() const { return kind == Kind::empty; }
};

// What a call knows besides its arguments.
struct CallContext
{
    Language language = Language::en;  // the office's UI language
    CivilDate null_date{1899, 12, 30}; // the document's date serial origin
    int current_year = 2026;
};

struct ArgumentSpec
{
    std::string_view name; // IDL and CalcAddIns.xcu name (camelCase)
    std::string_view display_en;
    std::string_view display_fr;
    std::string_view description_en;
    std::string_view description_fr;
    bool optional;
};

struct FunctionSpec;

// Reads one element's arguments with the checks every function shares; messages name
// the argument in English and French.
class Arguments
{
  public:
    Arguments(const FunctionSpec& spec, const std::vector<const CellValue*>& values)
        : spec_(spec)
        , values_(values)
    {
    }
    bool given(std::size_t index) const;
    const CellValue& raw(std::size_t index) const { return *values_[index]; }
    // Any finite number; an empty cell counts as 0 (as everywhere in Calc).
    double number(std::size_t index) const;
    // A number >= 0 (money, hours, rates).
    double amount(std::size_t index) const;
    double amount_or(std::size_t index, double fallback) const;
    // A whole number between 1900 and 2200.
    int year(std::size_t index) const;
    // 0 or 1 (TRUE/FALSE arrive as 1/0).
    bool flag_or(std::size_t index, bool fallback) const;
    // A keyword or free text; a number here is an error.
    std::string text(std::size_t index) const;
    // An optional keyword or year: Calc passes an empty cell as 0 to an optional argument,
    // so empty and 0 both mean "omitted" here (0 is never a keyword nor a year).
    std::optional<std::string> optional_text(std::size_t index) const;
    std::optional<int> optional_year(std::size_t index) const;

    [[noreturn]] void
    reject(std::size_t index, const std::string& english, const std::string& french) const;

  private:
    const FunctionSpec& spec_;
    const std::vector<const CellValue*>& values_;
};

// Evaluates one element; an empty result means "no answer" (#N/A in a single cell).
// Throws InputError for bad input.
using Evaluator = CellValue (*)(const Arguments& arguments, const CallContext& context);

struct FunctionSpec
{
    std::string_view method;     // programmatic name: org.onepercent.Functions.<method>
    std::string_view display_en; // also the English compatibility name
    std::string_view display_fr;
    std::string_view description_en;
    std::string_view description_fr;
    bool takes_caller; // hidden first argument: the document (its NullDate)
    std::vector<ArgumentSpec> arguments;
    Evaluator evaluate;
};

inline constexpr std::string_view service_name = "org.onepercent.Functions";
inline constexpr std::string_view implementation_name = "org.onepercent.FunctionsImpl";
inline constexpr std::string_view interface_name = "org.onepercent.XFunctions";
// Calc's category (programmatic name): shown as "Financial" / "Finances".
inline constexpr std::string_view category_name = "Financial";

const std::vector<FunctionSpec>& function_table();
// nullptr when unknown.
const FunctionSpec* find_function(std::string_view method);
// Looks a function up by its English or French display name (case-insensitive).
const FunctionSpec* find_function_by_display_name(std::string_view display_name);

} // namespace onepercent
