// Small UNO helpers of the dialog component: the office's UI language, message boxes,
// the frame's progress bar, writing a file, one-undo-step table sheets.
#pragma once

#include "engine/regulation.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace onepercent::calc_dialog
{
namespace css = com::sun::star;
using Context = css::uno::Reference<css::uno::XComponentContext>;

// The office's UI language (UILocale, then ooLocale); English when unknown.
Language office_language(const Context& context);

// An information (or error) box over the frame's window; returns at once in a headless
// office. Never throws.
void show_message(const Context& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const std::string& title,
                  const std::string& message,
                  bool is_error);

// The frame's status bar progress, ended by the destructor.
class Progress
{
  public:
    Progress(const css::uno::Reference<css::frame::XFrame>& frame,
             const std::string& text,
             int steps);
    ~Progress();
    void step(int value, const std::string& text);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

  private:
    css::uno::Reference<css::task::XStatusIndicator> indicator_;
};

// Writes (replaces) a file at a URL through the UCB.
void write_file(const Context& context, const rtl::OUString& url, const std::string& bytes);

// The document's sheet names in tab order.
std::vector<std::string>
sheet_names(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

// Inserts a sheet named `name` after the last one, fills it with `table` (text cells; the
// row `header_row` in bold) and makes it active, all in ONE undo action named `undo_title`,
// so that a single Undo removes it. Returns the name used.
std::string
insert_table_sheet(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                   const std::string& name,
                   const std::vector<std::vector<std::string>>& table,
                   int header_row,
                   const std::string& undo_title);

// Selects Sheet!Cell (or the whole used sheet when cell is empty) through the controller and
// scrolls the view so that the cell is near its top left. Returns false if the sheet is gone.
bool select_cell(const css::uno::Reference<css::frame::XModel>& document,
                 const std::string& sheet,
                 const std::string& cell);

} // namespace onepercent::calc_dialog
