// The dialog's HTML export: the page of validation/report_html (the same as
// `onepercent-validate --format html`) for the view's report, in the view's language.
#pragma once

#include "findings_view.hxx"
#include "html_report.hxx"

#include <string>

namespace onepercent::calc_dialog
{
using validation::html_escape;

// `unsaved_changes`: the document had changes not saved when it was validated.
std::string report_html(const FindingsView& view, bool unsaved_changes = false);
} // namespace onepercent::calc_dialog
