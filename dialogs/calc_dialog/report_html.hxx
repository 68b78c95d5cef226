// A validation report as a self-contained HTML page (header, verdict, findings table), in
// English or French, every text escaped. No UNO in here.
#pragma once

#include "findings_view.hxx"

#include <string>
#include <string_view>

namespace onepercent::calc_dialog
{
// &, <, >, " and ' as entities.
std::string html_escape(std::string_view text);

// The page for the view's report, in the view's language; all findings, in display order.
std::string report_html(const FindingsView& view);
} // namespace onepercent::calc_dialog
