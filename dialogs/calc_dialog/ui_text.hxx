// The texts the dialog's C++ code writes at run time (header, verdict, message boxes, sheet
// names), in English and French. The dialog's fixed labels live in
// extension/dialogs/OnePercentValidation_*.properties. No UNO in here.
#pragma once

#include "engine/regulation.hxx"

#include <string>
#include <string_view>

namespace onepercent::calc_dialog
{
enum class Text
{
    // header
    workbook,
    unsaved_changes,
    fiscal_year,
    employer,
    unknown,
    rule_set,
    in_force_since,
    counts,
    errors_one,
    errors_many,
    warnings_one,
    warnings_many,
    infos_one,
    infos_many,
    compliant,
    not_compliant,
    contribution,
    no_contribution,
    computed_contribution,
    not_a_workbook,
    not_a_workbook_hint,
    unreadable,
    // list
    severity_error,
    severity_warning,
    severity_info,
    column_severity,
    column_cell,
    column_location,
    column_rule,
    column_reference,
    column_message,
    column_sheet,
    column_value,
    column_fix,
    whole_file,
    no_findings,
    // detail
    detail_rule,
    detail_reference,
    detail_location,
    detail_value,
    detail_fix,
    // report sheet and function reference
    report_title,
    report_sheet_name,
    functions_sheet_name,
    functions_title,
    column_function,
    column_arguments,
    column_description,
    optional_argument,
    format_as_date,
    // messages
    message_title,
    select_a_finding,
    no_cell_for_finding,
    sheet_not_found,
    export_title,
    export_done,
    filter_json,
    filter_html,
    template_missing,
    not_a_spreadsheet,
    unexpected_error,
    validating,
    reading_workbook,
    inserted_sheet,
    no_functions,
    about_title,
    about_text,
};

// The text in the language; a few hold {0}, {1}... placeholders for `format`.
std::string_view text(Text key, Language language);

// "{0} error" or "{0} errors" with the count: the singular for 1 in English, for 0 and 1 in
// French ("0 erreur").
std::string count_text(std::size_t count, Text one, Text many, Language language);

// Replaces {0}, {1}, ... by the arguments.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments);

// "en" or "fr" from a BCP 47 tag or locale ("fr-CA", "fr_FR", "en-US"); English by default.
Language language_of_tag(std::string_view tag);

} // namespace onepercent::calc_dialog
