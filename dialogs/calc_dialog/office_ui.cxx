#include "office_ui.hxx"

#include "findings_view.hxx"
#include "ui_text.hxx"
#include "uno_text.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/io/XOutputStream.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewPane.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <algorithm>

namespace onepercent::calc_dialog
{
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

Language office_language(const Context& context)
{
    if (!context.is())
        return Language::en;
    try
    {
        const Reference<css::lang::XMultiServiceFactory> provider =
            css::configuration::theDefaultProvider::get(context);
        const std::pair<const char*, const char*> settings[] = {
            {"/org.openoffice.Office.Linguistic/General", "UILocale"},
            {"/org.openoffice.Setup/L10N", "ooLocale"}};
        for (const auto& [path, property] : settings)
        {
            css::uno::Sequence<css::uno::Any> arguments(1);
            arguments.getArray()[0] <<= css::beans::NamedValue(
                "nodepath", css::uno::Any(rtl::OUString::createFromAscii(path)));
            const Reference<css::container::XNameAccess> access(
                provider->createInstanceWithArguments(
                    "com.sun.star.configuration.ConfigurationAccess", arguments),
                UNO_QUERY);
            rtl::OUString tag;
            if (access.is() &&
                (access->getByName(rtl::OUString::createFromAscii(property)) >>= tag) &&
                !tag.isEmpty())
                return language_of_tag(to_utf8(tag));
        }
    }
    catch (const css::uno::Exception&)
    {
    }
    return Language::en;
}

void show_message(const Context& context,
                  const Reference<css::frame::XFrame>& frame,
                  const std::string& title,
                  const std::string& message,
                  bool is_error)
{
    try
    {
        const Reference<css::awt::XMessageBoxFactory> factory(css::awt::Toolkit::create(context),
                                                              UNO_QUERY_THROW);
        Reference<css::awt::XWindowPeer> parent;
        if (frame.is())
            parent.set(frame->getContainerWindow(), UNO_QUERY);
        const Reference<css::awt::XMessageBox> box = factory->createMessageBox(
            parent, is_error ? css::awt::MessageBoxType_ERRORBOX : css::awt::MessageBoxType_INFOBOX,
            css::awt::MessageBoxButtons::BUTTONS_OK, to_ou(title), to_ou(message));
        if (box.is())
            box->execute();
    }
    catch (...)
    {
        // Nothing more can be shown: the message is lost, the office keeps running.
    }
}

Progress::Progress(const Reference<css::frame::XFrame>& frame, const std::string& text, int steps)
{
    try
    {
        const Reference<css::task::XStatusIndicatorFactory> factory(frame, UNO_QUERY);
        if (factory.is())
            indicator_ = factory->createStatusIndicator();
        if (indicator_.is())
            indicator_->start(to_ou(text), steps);
    }
    catch (const css::uno::Exception&)
    {
        indicator_.clear();
    }
}

Progress::~Progress()
{
    try
    {
        if (indicator_.is())
            indicator_->end();
    }
    catch (...)
    {
    }
}

void Progress::step(int value, const std::string& text)
{
    try
    {
        if (indicator_.is())
        {
            indicator_->setText(to_ou(text));
            indicator_->setValue(value);
        }
    }
    catch (const css::uno::Exception&)
    {
    }
}

void write_file(const Context& context, const rtl::OUString& url, const std::string& bytes)
{
    const Reference<css::ucb::XSimpleFileAccess3> files =
        css::ucb::SimpleFileAccess::create(context);
    if (files->exists(url))
        files->kill(url);
    const Reference<css::io::XOutputStream> stream = files->openFileWrite(url);
    stream->writeBytes(css::uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(bytes.data()),
                                                    static_cast<sal_Int32>(bytes.size())));
    stream->closeOutput();
}

std::vector<std::string> sheet_names(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    std::vector<std::string> names;
    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 index = 0; index < sheets->getCount(); ++index)
    {
        const Reference<css::container::XNamed> sheet(sheets->getByIndex(index), UNO_QUERY_THROW);
        names.push_back(to_utf8(sheet->getName()));
    }
    return names;
}

namespace
{
// Leaves the undo context however the insertion ends.
class UndoContext
{
  public:
    UndoContext(const Reference<css::sheet::XSpreadsheetDocument>& document,
                const std::string& title)
        : manager_(Reference<css::document::XUndoManagerSupplier>(document, UNO_QUERY_THROW)
                       ->getUndoManager())
    {
        manager_->enterUndoContext(to_ou(title));
    }
    ~UndoContext()
    {
        try
        {
            manager_->leaveUndoContext();
        }
        catch (...)
        {
        }
    }
    UndoContext(const UndoContext&) = delete;
    UndoContext& operator=(const UndoContext&) = delete;

  private:
    Reference<css::document::XUndoManager> manager_;
};

constexpr sal_Int32 max_column_width = 14000; // 1/100 mm: 14 cm
} // namespace

std::string insert_table_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const std::string& name,
                               const std::vector<std::vector<std::string>>& table,
                               int header_row,
                               const std::string& undo_title)
{
    const std::string sheet_name = unique_sheet_name(name, sheet_names(document));
    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    UndoContext undo(document, undo_title);
    document->getSheets()->insertNewByName(to_ou(sheet_name),
                                           static_cast<sal_Int16>(sheets->getCount()));
    const Reference<css::sheet::XSpreadsheet> sheet(
        document->getSheets()->getByName(to_ou(sheet_name)), UNO_QUERY_THROW);
    if (table.empty() || table.front().empty())
        return sheet_name;

    const sal_Int32 rows = static_cast<sal_Int32>(table.size());
    const sal_Int32 columns = static_cast<sal_Int32>(table.front().size());
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> data(rows);
    for (sal_Int32 row = 0; row < rows; ++row)
    {
        css::uno::Sequence<css::uno::Any> values(columns);
        for (sal_Int32 column = 0; column < columns; ++column)
        {
            const auto& cells = table[static_cast<std::size_t>(row)];
            values.getArray()[column] <<= to_ou(static_cast<std::size_t>(column) < cells.size()
                                                    ? cells[static_cast<std::size_t>(column)]
                                                    : std::string());
        }
        data.getArray()[row] = values;
    }
    const Reference<css::table::XCellRange> area =
        sheet->getCellRangeByPosition(0, 0, columns - 1, rows - 1);
    Reference<css::sheet::XCellRangeData>(area, UNO_QUERY_THROW)->setDataArray(data);

    for (const sal_Int32 bold_row : {sal_Int32(0), sal_Int32(header_row)})
        if (bold_row >= 0 && bold_row < rows)
            Reference<css::beans::XPropertySet>(
                sheet->getCellRangeByPosition(0, bold_row, columns - 1, bold_row), UNO_QUERY_THROW)
                ->setPropertyValue("CharWeight", css::uno::Any(css::awt::FontWeight::BOLD));

    // Columns fit their content (from the header row down), within a maximum width.
    const Reference<css::container::XIndexAccess> column_access(
        Reference<css::table::XColumnRowRange>(
            sheet->getCellRangeByPosition(0, std::max<sal_Int32>(header_row, 0), columns - 1,
                                          rows - 1),
            UNO_QUERY_THROW)
            ->getColumns(),
        UNO_QUERY_THROW);
    for (sal_Int32 column = 0; column < column_access->getCount(); ++column)
    {
        const Reference<css::beans::XPropertySet> properties(column_access->getByIndex(column),
                                                             UNO_QUERY_THROW);
        properties->setPropertyValue("OptimalWidth", css::uno::Any(true));
        sal_Int32 width = 0;
        if ((properties->getPropertyValue("Width") >>= width) && width > max_column_width)
            properties->setPropertyValue("Width", css::uno::Any(max_column_width));
    }

    const Reference<css::frame::XModel> model(document, UNO_QUERY);
    if (model.is())
    {
        const Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(),
                                                           UNO_QUERY);
        if (view.is())
            view->setActiveSheet(sheet);
    }
    return sheet_name;
}

bool select_cell(const Reference<css::frame::XModel>& document,
                 const std::string& sheet_name,
                 const std::string& cell)
{
    const Reference<css::sheet::XSpreadsheetDocument> spreadsheet(document, UNO_QUERY_THROW);
    const Reference<css::container::XNameAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    if (!sheets->hasByName(to_ou(sheet_name)))
        return false;
    const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(to_ou(sheet_name)),
                                                    UNO_QUERY_THROW);
    const Reference<css::table::XCellRange> range =
        sheet->getCellRangeByName(to_ou(cell.empty() ? std::string("A1") : cell));
    const Reference<css::frame::XController> controller = document->getCurrentController();
    const Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    if (view.is())
        view->setActiveSheet(sheet);
    const Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY_THROW);
    selection->select(css::uno::Any(range));
    // The cell near the top left of the view, so that the dialog beside the data (at the
    // right) never hides it (issue 10, item 3); selecting alone may leave it under the dialog.
    const Reference<css::sheet::XViewPane> pane(controller, UNO_QUERY);
    const Reference<css::sheet::XCellRangeAddressable> addressable(range, UNO_QUERY);
    if (pane.is() && addressable.is() && !cell.empty())
    {
        const css::table::CellRangeAddress address = addressable->getRangeAddress();
        pane->setFirstVisibleColumn(std::max<sal_Int32>(0, address.StartColumn - 1));
        pane->setFirstVisibleRow(std::max<sal_Int32>(0, address.StartRow - 2));
    }
    return true;
}

} // namespace onepercent::calc_dialog
