// Internal to the validator: the template's layout (docs/template-layout.md) as data, the
// sheets and columns located in a workbook by their names and headers in either language,
// and typed readings of input cells. No UNO in here.
#pragma once

#include "workbook_model.hxx"

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::validation
{
enum class SheetKey : std::size_t
{
    employer,
    employees,
    activities,
    participation,
    expenses,
    certifications, // 1.2 (issue 12), optional
    summary
};
constexpr std::size_t sheet_key_count = 7;

// A column of a table, or a label of a label/value form (Employer, Summary).
struct FieldSpec
{
    std::string_view key;
    std::string_view english;
    std::string_view french;
    bool computed;            // (c): a formula the template protects
    std::string_view formula; // the template's formula, for the fix; "" for inputs
    bool optional = false;    // added after template 1.0: checked when present, never missing
    // The template 1.0 wording of a label that 1.1 renamed; found as well ("" if none).
    std::string_view legacy_english = "";
    std::string_view legacy_french = "";
};

struct SheetSpec
{
    SheetKey key;
    std::string_view english;
    std::string_view french;
    bool table; // false: labels in column A, values in column B
    std::vector<FieldSpec> fields;
    bool optional = false; // added after template 1.1: checked when present, never missing

    const FieldSpec* field(std::string_view key) const;
};

// The sheets of docs/template-layout.md, in template order (Certifications optional).
const std::vector<SheetSpec>& template_layout();
const SheetSpec& sheet_spec(SheetKey key);

// A header, label or sheet name compared whatever the case, accents and spacing.
std::string header_key(std::string_view text);

// A sheet of the template found in a workbook, with its fields located.
struct LocatedSheet
{
    const SheetSpec* spec = nullptr;
    const Sheet* sheet = nullptr;                      // nullptr: missing
    std::size_t order = 0;                             // index in the workbook's sheets
    std::map<std::string_view, std::size_t> positions; // field key -> column (table), row (form)
    std::vector<std::size_t> data_rows; // tables: zero-based rows with at least one input
                                        // that the Summary counts (below counted_end)
    // Employees, Activities, Participation, Expenses: the Summary counts the zero-based rows
    // 1 .. counted_end - 1 (spreadsheet rows 2 .. counted_end); rows with an input at or past
    // it are `uncounted_rows` (T-ROW-NOT-COUNTED), read by no other rule. 0: not such a table.
    std::size_t counted_end = 0;
    std::vector<std::size_t> uncounted_rows;
    std::set<std::string_view> legacy; // field keys found under their template 1.0 label

    bool found() const { return sheet != nullptr; }
    std::optional<std::size_t> position(std::string_view key) const;
};

// Prepared rows per table when a workbook does not say (files made before the property).
constexpr std::size_t default_prepared_rows = 200;
constexpr std::size_t max_prepared_rows = 100'000;

struct TemplateView
{
    CivilDate null_date{1899, 12, 30};
    // The document property OnePercentPreparedRows: the rows the Summary counts per table.
    std::string prepared_rows_text;                    // as the file has it, trimmed; "" absent
    bool prepared_rows_valid = true;                   // false: not a whole number 1..100000
    std::size_t prepared_rows = default_prepared_rows; // the valid value, else 200
    std::array<LocatedSheet, sheet_key_count> sheets;

    const LocatedSheet& operator[](SheetKey key) const
    {
        return sheets[static_cast<std::size_t>(key)];
    }
};

TemplateView locate_template(const Workbook& workbook);

// One cell of a located sheet: a table's (row, column of a key) or a form's (row of a label,
// column B). `found` is false when the sheet, the column or the label is missing.
struct CellRef
{
    const LocatedSheet* sheet = nullptr;
    const FieldSpec* field = nullptr;
    std::size_t row = 0;
    std::size_t column = 0;
    bool found = false;

    const Cell& cell() const;
};
CellRef table_cell(const LocatedSheet& sheet, std::size_t row, std::string_view key);
CellRef form_cell(const LocatedSheet& sheet, std::string_view key);

// Whether a cell shows something: a number, an error, or non-blank text.
bool has_content(const Cell& cell);
bool is_not_available(const Cell& cell); // "#N/A" (or LibreOffice French "#N/D")

// ---- The text of values, as a person reads them (money_text.cxx) ----------------------------
// Up to 15 significant digits, no trailing zeros, a decimal point: "7500", "12.5".
std::string number_text(double value);
// Up to max_decimals decimals, no trailing zeros; a decimal comma in French.
std::string decimal_text(double value, int max_decimals, Language language);
std::string iso_date_text(CivilDate date); // "2025-03-14"
CivilDate date_of_serial(double serial, CivilDate null_date);
// The cell's value: numbers by number_text (dates as YYYY-MM-DD), text as is, errors as shown.
std::string value_text(const Cell& cell, bool is_date, CivilDate null_date);
std::string yes_no_text(bool value, Language language); // "yes" / "oui"

} // namespace onepercent::validation
