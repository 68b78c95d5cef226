#include "report_html.hxx"

namespace onepercent::calc_dialog
{
std::string report_html(const FindingsView& view, bool unsaved_changes)
{
    validation::HtmlOptions options;
    options.unsaved_changes = unsaved_changes;
    return validation::format_html({view.report()}, view.language(), options);
}
} // namespace onepercent::calc_dialog
