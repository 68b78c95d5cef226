#include "validation_dialog.hxx"

#include "office_ui.hxx"
#include "report_html.hxx"
#include "sha256.hxx"
#include "ui_text.hxx"
#include "uno_text.hxx"
#include "workbook_reader.hxx"

#include <com/sun/star/awt/MouseButton.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/SortableGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridColumn.hpp>
#include <com/sun/star/awt/grid/XGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XGridControl.hpp>
#include <com/sun/star/awt/grid/XSortableMutableGridDataModel.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/XCloseBroadcaster.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/SelectionType.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <cstring>
#include <exception>
#include <mutex>
#include <utility>
#include <vector>

namespace onepercent::calc_dialog
{
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace
{
constexpr const char* dialog_url =
    "vnd.sun.star.extension://org.onepercent.calc/dialogs/OnePercentValidation.xdl";
constexpr const char* template_url_base =
    "vnd.sun.star.extension://org.onepercent.calc/templates/onepercent-template-";

// The findings grid (the dialog format has no grid element): its place in the dialog and
// its columns' first widths, in the dialog's units (extension/dialogs/OnePercentValidation.xdl).
constexpr sal_Int32 grid_x = 8;
constexpr sal_Int32 grid_y = 100;
constexpr sal_Int32 grid_width = 284;
constexpr sal_Int32 grid_height = 122;
constexpr sal_Int32 grid_column_widths[] = {40, 64, 86, 96, 260};
// Row of the report sheet's table header (after the title lines and a blank row).
constexpr int report_header_row = 8;

constexpr sal_Int32 green = 0x1A6B1A;
constexpr sal_Int32 red = 0xB00020;

// One dialog per frame, alive until its document closes.
std::mutex registry_mutex;
std::vector<std::pair<Reference<css::uno::XInterface>, rtl::Reference<ValidationDialog>>> registry;

Reference<css::uno::XInterface> key_of(const Reference<css::frame::XFrame>& frame)
{
    return Reference<css::uno::XInterface>(frame, UNO_QUERY);
}

rtl::Reference<ValidationDialog> registered(const Reference<css::frame::XFrame>& frame)
{
    const std::lock_guard<std::mutex> lock(registry_mutex);
    for (const auto& [key, dialog] : registry)
        if (key == key_of(frame))
            return dialog;
    return {};
}

void register_dialog(const Reference<css::frame::XFrame>& frame, ValidationDialog* dialog)
{
    const std::lock_guard<std::mutex> lock(registry_mutex);
    registry.emplace_back(key_of(frame), rtl::Reference<ValidationDialog>(dialog));
}

void unregister_dialog(const ValidationDialog* dialog)
{
    const std::lock_guard<std::mutex> lock(registry_mutex);
    for (auto entry = registry.begin(); entry != registry.end(); ++entry)
        if (entry->second.get() == dialog)
        {
            registry.erase(entry);
            return;
        }
}

Reference<css::beans::XPropertySet> control_model(const Reference<css::awt::XDialog>& dialog,
                                                  const char* name)
{
    const Reference<css::awt::XControlContainer> container(dialog, UNO_QUERY_THROW);
    const Reference<css::awt::XControl> control =
        container->getControl(OUString::createFromAscii(name));
    if (!control.is())
        throw css::uno::RuntimeException("OnePercent dialog: no control " +
                                         OUString::createFromAscii(name));
    return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
}

void set_label(const Reference<css::awt::XDialog>& dialog,
               const char* name,
               const std::string& text)
{
    control_model(dialog, name)->setPropertyValue("Label", Any(to_ou(text)));
}

void set_enabled(const Reference<css::awt::XDialog>& dialog, const char* name, bool enabled)
{
    control_model(dialog, name)->setPropertyValue("Enabled", Any(enabled));
}

bool is_checked(const Reference<css::awt::XDialog>& dialog, const char* name)
{
    sal_Int16 state = 1;
    control_model(dialog, name)->getPropertyValue("State") >>= state;
    return state != 0;
}

Sequence<OUString> to_sequence(const std::vector<std::string>& texts)
{
    Sequence<OUString> result(static_cast<sal_Int32>(texts.size()));
    for (std::size_t index = 0; index < texts.size(); ++index)
        result.getArray()[index] = to_ou(texts[index]);
    return result;
}

css::beans::PropertyValue property(const char* name, const Any& value)
{
    css::beans::PropertyValue result;
    result.Name = OUString::createFromAscii(name);
    result.Value = value;
    return result;
}

bool ends_with(const OUString& text, const char* suffix)
{
    return text.toAsciiLowerCase().endsWithAsciiL(suffix,
                                                  static_cast<sal_Int32>(std::strlen(suffix)));
}

// The name a person knows the document by, and the hash of its file when saved unchanged
// (none when it has changes not saved: its figures are then of those changes).
std::pair<std::string, std::string> document_identity(const Reference<css::frame::XModel>& document)
{
    std::string name;
    const Reference<css::frame::XTitle> title(document, UNO_QUERY);
    if (title.is())
        name = to_utf8(title->getTitle());
    std::string sha256;
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY);
    const Reference<css::util::XModifiable> modifiable(document, UNO_QUERY);
    if (storable.is() && storable->hasLocation() && modifiable.is() && !modifiable->isModified())
    {
        OUString path;
        if (osl::FileBase::getSystemPathFromFileURL(storable->getLocation(), path) ==
            osl::FileBase::E_None)
        {
            if (name.empty())
                name = to_utf8(path);
            sha256 = validation::sha256_of_file(to_utf8(path)).value_or("");
        }
    }
    return {name, sha256};
}
bool has_unsaved_changes(const Reference<css::frame::XModel>& document)
{
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY);
    const Reference<css::util::XModifiable> modifiable(document, UNO_QUERY);
    return !storable.is() || !storable->hasLocation() ||
           (modifiable.is() && modifiable->isModified());
}

// The export's suggestion: the folder of the document's file (none for a new document) and a
// name after the workbook.
std::pair<OUString, std::string> export_suggestion(const Reference<css::frame::XModel>& document,
                                                   const std::string& title)
{
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY);
    if (storable.is() && storable->hasLocation())
    {
        const OUString location = storable->getLocation();
        const sal_Int32 slash = location.lastIndexOf('/');
        if (slash > 0)
        {
            const OUString name = rtl::Uri::decode(location.copy(slash + 1),
                                                   rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
            return {location.copy(0, slash), report_file_name(to_utf8(name))};
        }
    }
    return {OUString(), report_file_name(title)};
}

Box box_of(const css::awt::Rectangle& rectangle)
{
    return {rectangle.X, rectangle.Y, rectangle.Width, rectangle.Height};
}

Sequence<sal_Int32> sequence_of(const css::awt::Rectangle& rectangle)
{
    const sal_Int32 values[] = {rectangle.X, rectangle.Y, rectangle.Width, rectangle.Height};
    return Sequence<sal_Int32>(values, 4);
}
} // namespace

ValidationDialog::ValidationDialog(const Reference<css::uno::XComponentContext>& context)
    : context_(context)
{
}

void ValidationDialog::open_for_frame(const Reference<css::uno::XComponentContext>& context,
                                      const Reference<css::frame::XFrame>& frame)
{
    if (const rtl::Reference<ValidationDialog> open = registered(frame); open.is())
    {
        open->set_visible(true);
        open->validate();
        open->fill_list(open->selected_finding());
        open->fill();
        return;
    }
    const rtl::Reference<ValidationDialog> dialog(new ValidationDialog(context));
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= frame;
    dialog->initialize(arguments);
}

void SAL_CALL ValidationDialog::initialize(const Sequence<Any>& arguments)
{
    if (initialized_)
        return;
    Reference<css::frame::XController> controller;
    for (const Any& argument : arguments)
    {
        css::beans::NamedValue named;
        css::beans::PropertyValue property_value;
        if (argument >>= property_value)
            named = css::beans::NamedValue(property_value.Name, property_value.Value);
        if (!named.Name.isEmpty() || (argument >>= named))
        {
            if (named.Name == "Visible")
                named.Value >>= visible_;
            else if (named.Name == "Frame")
                named.Value >>= frame_;
            else if (named.Name == "Document")
                named.Value >>= document_;
            continue;
        }
        Reference<css::uno::XInterface> object;
        if (!(argument >>= object) || !object.is())
            continue;
        if (Reference<css::frame::XFrame> frame{object, UNO_QUERY}; frame.is())
            frame_ = frame;
        else if (Reference<css::frame::XController> given{object, UNO_QUERY}; given.is())
            controller = given;
        else if (Reference<css::frame::XModel> model{object, UNO_QUERY}; model.is())
            document_ = model;
    }
    if (!controller.is() && frame_.is())
        controller = frame_->getController();
    if (!controller.is() && document_.is())
        controller = document_->getCurrentController();
    if (controller.is())
    {
        if (!frame_.is())
            frame_ = controller->getFrame();
        if (!document_.is())
            document_ = controller->getModel();
    }
    language_ = office_language(context_);
    if (!document_.is() || !frame_.is() ||
        !Reference<css::sheet::XSpreadsheetDocument>(document_, UNO_QUERY).is())
        throw css::lang::IllegalArgumentException(
            to_ou(std::string(text(Text::not_a_spreadsheet, language_))),
            static_cast<cppu::OWeakObject*>(this), 0);

    create_dialog();
    create_grid();
    initialized_ = true;
    register_dialog(frame_, this);
    const Reference<css::util::XCloseBroadcaster> broadcaster(document_, UNO_QUERY);
    if (broadcaster.is())
        broadcaster->addCloseListener(this);
    validate();
    fill_list(std::nullopt);
    fill();
    place_beside_the_data();
    set_visible(visible_);
}

// The findings grid: a UnoControlGrid in the dialog's model, its columns resizable, its data
// sortable by a click on a column heading. Each row's heading (hidden) is the finding's index
// in the report, so that a sorted grid still knows its findings.
void ValidationDialog::create_grid()
{
    const Reference<css::awt::XControl> dialog_control(dialog_, UNO_QUERY_THROW);
    const Reference<css::lang::XMultiServiceFactory> factory(dialog_control->getModel(),
                                                             UNO_QUERY_THROW);
    const Reference<css::container::XNameContainer> models(dialog_control->getModel(),
                                                           UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> grid(
        factory->createInstance("com.sun.star.awt.grid.UnoControlGridModel"), UNO_QUERY_THROW);
    grid->setPropertyValue("PositionX", Any(grid_x));
    grid->setPropertyValue("PositionY", Any(grid_y));
    grid->setPropertyValue("Width", Any(grid_width));
    grid->setPropertyValue("Height", Any(grid_height));
    grid->setPropertyValue("ShowRowHeader", Any(false));
    grid->setPropertyValue("ShowColumnHeader", Any(true));
    grid->setPropertyValue("HScroll", Any(true));
    grid->setPropertyValue("VScroll", Any(true));
    grid->setPropertyValue("SelectionModel", Any(css::view::SelectionType_SINGLE));
    grid->setPropertyValue("TabIndex", Any(sal_Int16(10)));
    grid->setPropertyValue("HelpText", Any(OUString("&Findings.Help")));

    const Reference<css::awt::grid::XGridColumnModel> columns =
        css::awt::grid::DefaultGridColumnModel::create(context_);
    const std::vector<std::string> headings = FindingsView(Report{}, {}, language_).grid_headings();
    for (std::size_t index = 0; index < headings.size(); ++index)
    {
        const Reference<css::awt::grid::XGridColumn> column = columns->createColumn();
        column->setTitle(to_ou(headings[index]));
        column->setColumnWidth(grid_column_widths[index]);
        column->setMinWidth(16);
        column->setResizeable(true);
        column->setFlexibility(index + 1 == headings.size() ? 1 : 0);
        columns->addColumn(column);
    }
    grid->setPropertyValue("ColumnModel", Any(columns));
    const Reference<css::awt::grid::XSortableMutableGridDataModel> data =
        css::awt::grid::SortableGridDataModel::create(
            context_, css::awt::grid::DefaultGridDataModel::create(context_));
    grid->setPropertyValue("GridDataModel", Any(data));
    models->insertByName("FindingsGrid", Any(grid));
    grid_data_.set(data, UNO_QUERY_THROW);

    const Reference<css::awt::XControlContainer> container(dialog_, UNO_QUERY_THROW);
    const Reference<css::awt::XControl> control = container->getControl("FindingsGrid");
    grid_.set(control, UNO_QUERY_THROW);
    grid_->addSelectionListener(this);
    const Reference<css::awt::XWindow> window(control, UNO_QUERY);
    if (window.is())
        window->addMouseListener(this);
}

// Beside the data: at the right of the document's window, wholly within the screen.
void ValidationDialog::place_beside_the_data()
{
    const Reference<css::awt::XWindow> dialog_window(dialog_, UNO_QUERY);
    const Reference<css::awt::XWindow> document_window =
        frame_.is() ? frame_->getContainerWindow() : Reference<css::awt::XWindow>();
    if (!dialog_window.is() || !document_window.is())
        return;
    const css::awt::Rectangle own = dialog_window->getPosSize();
    const css::awt::Rectangle document = document_window->getPosSize();
    css::awt::Rectangle work = document;
    try
    {
        work = css::awt::Toolkit::create(context_)->getWorkArea();
    }
    catch (const css::uno::Exception&)
    {
    }
    if (work.Width <= 0 || work.Height <= 0)
        work = document;
    const Box placed = place_beside(box_of(document), box_of(work), own.Width, own.Height);
    dialog_window->setPosSize(static_cast<sal_Int32>(placed.x), static_cast<sal_Int32>(placed.y), 0,
                              0, css::awt::PosSize::POS);
}

void ValidationDialog::create_dialog()
{
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= document_; // the dialog's parent is the document's window
    const Reference<css::awt::XDialogProvider2> provider(
        context_->getServiceManager()->createInstanceWithArgumentsAndContext(
            "com.sun.star.awt.DialogProvider2", arguments, context_),
        UNO_QUERY_THROW);
    dialog_ = provider->createDialogWithHandler(OUString::createFromAscii(dialog_url),
                                                static_cast<css::awt::XDialogEventHandler*>(this));
    if (!dialog_.is())
        throw css::uno::RuntimeException("OnePercent: the dialog could not be loaded from " +
                                         OUString::createFromAscii(dialog_url));
    const Reference<css::awt::XTopWindow> top(dialog_, UNO_QUERY);
    if (top.is())
        top->addTopWindowListener(this);
}

// Reads the document with bulk reads and validates it; never modifies the document.
void ValidationDialog::validate()
{
    Progress progress(frame_, std::string(text(Text::reading_workbook, language_)), 2);
    const auto [name, sha256] = document_identity(document_);
    unsaved_changes_ = has_unsaved_changes(document_);
    const Reference<css::sheet::XSpreadsheetDocument> spreadsheet(document_, UNO_QUERY_THROW);
    validation::Workbook workbook = uno_workbook::read_workbook(spreadsheet, name);
    workbook.sha256 = sha256;
    progress.step(1, std::string(text(Text::validating, language_)));
    validation::Report report = validation::validate(workbook);
    if (report.sha256.empty())
        report.sha256 = sha256;
    progress.step(2, std::string(text(Text::validating, language_)));
    view_.emplace(std::move(report), sheet_names(spreadsheet), language_);
}

// The header, the verdict and the buttons' state.
void ValidationDialog::fill()
{
    if (!view_)
        return;
    const Report& report = view_->report();
    const Header header = header_of(report, language_, unsaved_changes_);
    set_label(dialog_, "LabelWorkbook", header.workbook);
    set_label(dialog_, "LabelYear", header.year_and_employer);
    set_label(dialog_, "LabelRuleSet", header.rule_set);
    set_label(dialog_, "LabelCounts", header.counts);
    set_label(dialog_, "LabelVerdict", header.verdict);
    control_model(dialog_, "LabelVerdict")
        ->setPropertyValue("TextColor", Any(header.compliant ? green : red));
    set_label(dialog_, "LabelContribution", header.contribution);
    const bool is_workbook = report.readable && report.is_template;
    set_enabled(dialog_, "ButtonGoToCell", is_workbook);
    set_enabled(dialog_, "ButtonInsertSheet", is_workbook);
    set_enabled(dialog_, "ButtonOpenTemplate", !report.is_template);
}

void ValidationDialog::fill_list(std::optional<std::size_t> keep_finding)
{
    if (!view_ || !grid_data_.is())
        return;
    SeverityFilter filter;
    filter.errors = is_checked(dialog_, "CheckErrors");
    filter.warnings = is_checked(dialog_, "CheckWarnings");
    filter.infos = is_checked(dialog_, "CheckInfos");
    view_->set_filter(filter);
    const std::vector<std::vector<std::string>> rows = view_->grid_rows();
    grid_->deselectAllRows();
    grid_data_->removeAllRows();
    Sequence<Any> headings(static_cast<sal_Int32>(rows.size()));
    Sequence<Sequence<Any>> cells(static_cast<sal_Int32>(rows.size()));
    for (std::size_t row = 0; row < rows.size(); ++row)
    {
        headings.getArray()[row] <<= static_cast<sal_Int32>(view_->rows()[row]);
        Sequence<Any> values(static_cast<sal_Int32>(rows[row].size()));
        for (std::size_t column = 0; column < rows[row].size(); ++column)
            values.getArray()[column] <<= to_ou(rows[row][column]);
        cells.getArray()[row] = values;
    }
    if (!rows.empty())
        grid_data_->addRows(headings, cells);
    std::optional<std::size_t> finding = keep_finding;
    if (finding && !view_->row_of_finding(*finding))
        finding.reset();
    if (!finding && !rows.empty())
        finding = view_->rows().front();
    if (finding)
        for (sal_Int32 row = 0; row < grid_data_->getRowCount(); ++row)
        {
            sal_Int32 index = -1;
            grid_data_->getRowHeading(row) >>= index;
            if (index >= 0 && static_cast<std::size_t>(index) == *finding)
            {
                // Scrolled to, so that the selected finding is in sight.
                const Reference<css::awt::grid::XGridControl> control(grid_, UNO_QUERY);
                if (control.is())
                    control->goToCell(0, row);
                grid_->selectRow(row);
                break;
            }
        }
    show_detail();
}

std::optional<std::size_t> ValidationDialog::selected_finding() const
{
    if (!view_ || !grid_.is() || !grid_data_.is())
        return std::nullopt;
    const Sequence<sal_Int32> selected = grid_->getSelectedRows();
    if (selected.getLength() == 0 || selected[0] < 0 || selected[0] >= grid_data_->getRowCount())
        return std::nullopt;
    sal_Int32 index = -1;
    grid_data_->getRowHeading(selected[0]) >>= index;
    if (index < 0 || static_cast<std::size_t>(index) >= view_->report().findings.size())
        return std::nullopt;
    return static_cast<std::size_t>(index);
}

void ValidationDialog::show_detail()
{
    std::string detail;
    if (const std::optional<std::size_t> finding = selected_finding())
        detail = view_->detail(view_->report().findings[*finding]);
    else if (view_ && view_->rows().empty())
        detail = text(Text::no_findings, language_);
    control_model(dialog_, "DetailText")->setPropertyValue("Text", Any(to_ou(detail)));
}

void ValidationDialog::go_to_cell()
{
    const std::optional<std::size_t> index = selected_finding();
    if (!index)
    {
        tell(std::string(text(Text::select_a_finding, language_)), false);
        return;
    }
    const Finding& finding = view_->report().findings[*index];
    if (finding.sheet.empty())
    {
        tell(
            format(text(Text::no_cell_for_finding, language_), {location_text(finding, language_)}),
            false);
        return;
    }
    if (!select_cell(document_, finding.sheet, finding.cell))
    {
        tell(format(text(Text::sheet_not_found, language_), {finding.sheet}), true);
        return;
    }
    // The dialog stays open (non-modal) so that the person can fix the cell and come back.
    const Reference<css::awt::XWindow> window(frame_->getContainerWindow());
    if (window.is())
        window->setFocus();
}

void ValidationDialog::export_report(const OUString& url_given)
{
    OUString url = url_given;
    bool as_html = false;
    if (url.isEmpty())
    {
        const Reference<css::ui::dialogs::XFilePicker3> picker =
            css::ui::dialogs::FilePicker::createWithMode(
                context_, css::ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
        const OUString json_filter = to_ou(std::string(text(Text::filter_json, language_)));
        const OUString html_filter = to_ou(std::string(text(Text::filter_html, language_)));
        picker->setTitle(to_ou(std::string(text(Text::export_title, language_))));
        // An HTML page named after the workbook, beside it (issue 10, item 5).
        picker->appendFilter(html_filter, "*.html");
        picker->appendFilter(json_filter, "*.json");
        picker->setCurrentFilter(html_filter);
        const auto [folder, name] = export_suggestion(document_, view_->report().file);
        if (!folder.isEmpty())
            picker->setDisplayDirectory(folder);
        picker->setDefaultName(to_ou(name));
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
            return;
        const Sequence<OUString> files = picker->getSelectedFiles();
        if (files.getLength() == 0)
            return;
        url = files[0];
        as_html = picker->getCurrentFilter() == html_filter;
    }
    else
        as_html = true;
    if (ends_with(url, ".html") || ends_with(url, ".htm"))
        as_html = true;
    else if (ends_with(url, ".json"))
        as_html = false;
    const std::string bytes =
        as_html ? report_html(*view_, unsaved_changes_)
                : validation::format_reports({view_->report()}, validation::ReportFormat::json,
                                             language_);
    write_file(context_, url, bytes);
    OUString shown = url;
    osl::FileBase::getSystemPathFromFileURL(url, shown);
    tell(format(text(Text::export_done, language_), {to_utf8(shown)}), false);
}

// The only action that changes the document: one undo step removes it.
void ValidationDialog::insert_report_sheet()
{
    const std::string name = insert_table_sheet(
        Reference<css::sheet::XSpreadsheetDocument>(document_, UNO_QUERY_THROW),
        std::string(text(Text::report_sheet_name, language_)), view_->report_table(),
        report_header_row, std::string(text(Text::report_title, language_)));
    tell(format(text(Text::inserted_sheet, language_), {name}), false);
}

void ValidationDialog::open_template()
{
    const OUString url = OUString::createFromAscii(template_url_base) +
                         (language_ == Language::fr ? OUString("fr.ots") : OUString("en.ots"));
    const Reference<css::ucb::XSimpleFileAccess3> files =
        css::ucb::SimpleFileAccess::create(context_);
    if (!files->exists(url))
    {
        tell(format(text(Text::template_missing, language_), {to_utf8(url)}), true);
        return;
    }
    Sequence<css::beans::PropertyValue> load(1);
    load.getArray()[0] = property("AsTemplate", Any(true));
    css::frame::Desktop::create(context_)->loadComponentFromURL(url, "_blank", 0, load);
}

void ValidationDialog::set_visible(bool visible)
{
    const Reference<css::awt::XWindow> window(dialog_, UNO_QUERY);
    if (!window.is())
        return;
    window->setVisible(visible);
    if (visible)
    {
        const Reference<css::awt::XTopWindow> top(dialog_, UNO_QUERY);
        if (top.is())
            top->toFront();
    }
}

// Errors in a message box; information (a report written, a finding without a cell) on the
// dialog's status line, without a box to dismiss.
void ValidationDialog::tell(const std::string& message, bool is_error)
{
    last_message_ = message;
    if (!is_error && dialog_.is())
    {
        set_label(dialog_, "LabelStatus", message);
        return;
    }
    show_message(context_, frame_, std::string(text(Text::message_title, language_)), message,
                 is_error);
}

sal_Bool SAL_CALL ValidationDialog::callHandlerMethod(const Reference<css::awt::XDialog>&,
                                                      const Any& event,
                                                      const OUString& method)
{
    // Nothing may escape into the office: every failure becomes a message box.
    try
    {
        if (!initialized_ || !dialog_.is())
            return false;
        last_message_.clear(); // the message of this action only
        set_label(dialog_, "LabelStatus", "");
        if (method == "onSelectFinding")
            show_detail();
        else if (method == "onFilterChanged")
            fill_list(selected_finding());
        else if (method == "onGoToCell")
            go_to_cell();
        else if (method == "onValidateAgain")
        {
            std::optional<Finding> kept;
            if (const std::optional<std::size_t> index = selected_finding())
                kept = view_->report().findings[*index];
            validate();
            std::optional<std::size_t> keep;
            if (kept)
                for (std::size_t index = 0; index < view_->report().findings.size(); ++index)
                {
                    const Finding& finding = view_->report().findings[index];
                    if (finding.rule_id == kept->rule_id && finding.sheet == kept->sheet &&
                        finding.cell == kept->cell)
                        keep = index;
                }
            fill_list(keep);
            fill();
        }
        else if (method == "onExport")
        {
            OUString url;
            event >>= url; // tests give the file URL; people choose it in the file picker
            export_report(url);
        }
        else if (method == "onInsertReportSheet")
            insert_report_sheet();
        else if (method == "onOpenTemplate")
            open_template();
        else if (method == "onClose")
            set_visible(false);
        else
            return false;
        return true;
    }
    catch (const css::uno::Exception& error)
    {
        tell(format(text(Text::unexpected_error, language_), {to_utf8(error.Message)}), true);
    }
    catch (const std::exception& error)
    {
        tell(format(text(Text::unexpected_error, language_), {error.what()}), true);
    }
    catch (...)
    {
        tell(format(text(Text::unexpected_error, language_), {"?"}), true);
    }
    return true;
}

Sequence<OUString> SAL_CALL ValidationDialog::getSupportedMethodNames()
{
    return to_sequence({"onSelectFinding", "onFilterChanged", "onGoToCell", "onValidateAgain",
                        "onExport", "onInsertReportSheet", "onOpenTemplate", "onClose"});
}

OUString SAL_CALL ValidationDialog::getImplementationName()
{
    return OUString::createFromAscii(validation_dialog_implementation);
}

sal_Bool SAL_CALL ValidationDialog::supportsService(const OUString& name)
{
    return cppu::supportsService(this, name);
}

Sequence<OUString> SAL_CALL ValidationDialog::getSupportedServiceNames()
{
    return to_sequence({validation_dialog_service});
}

Sequence<css::beans::PropertyValue> SAL_CALL ValidationDialog::getPropertyValues()
{
    const auto window_box = [](const Reference<css::awt::XWindow>& window)
    { return window.is() ? sequence_of(window->getPosSize()) : Sequence<sal_Int32>(); };
    const auto work_area = [this]()
    {
        try
        {
            return sequence_of(css::awt::Toolkit::create(context_)->getWorkArea());
        }
        catch (const css::uno::Exception&)
        {
            return Sequence<sal_Int32>();
        }
    };
    const auto suggested_export = [this]()
    {
        if (!document_.is() || !view_)
            return OUString();
        const auto [folder, name] = export_suggestion(document_, view_->report().file);
        return folder.isEmpty() ? to_ou(name) : folder + "/" + to_ou(name);
    };
    std::vector<std::string> locations;
    std::vector<std::string> rules;
    std::vector<std::string> severities;
    bool is_template = false;
    bool compliant = false;
    sal_Int32 findings = 0;
    if (view_)
    {
        for (const std::size_t index : view_->rows())
        {
            const Finding& finding = view_->report().findings[index];
            locations.push_back(location_text(finding, language_));
            rules.push_back(finding.rule_id);
            severities.push_back(std::string(validation::severity_name(finding.severity)));
        }
        is_template = view_->report().is_template;
        compliant = header_of(view_->report(), language_).compliant;
        findings = static_cast<sal_Int32>(view_->report().findings.size());
    }
    const std::optional<std::size_t> selected = selected_finding();
    const css::beans::PropertyValue values[] = {
        property("Dialog", Any(dialog_)),
        property("Language", Any(to_ou(language_ == Language::fr ? "fr" : "en"))),
        property("IsTemplate", Any(is_template)),
        property("Compliant", Any(compliant)),
        property("FindingCount", Any(findings)),
        property("RowLocations", Any(to_sequence(locations))),
        property("RowRules", Any(to_sequence(rules))),
        property("RowSeverities", Any(to_sequence(severities))),
        property("SelectedLocation",
                 Any(to_ou(selected ? location_text(view_->report().findings[*selected], language_)
                                    : std::string()))),
        property("LastMessage", Any(to_ou(last_message_))),
        property("UnsavedChanges", Any(unsaved_changes_)),
        property("SuggestedExport", Any(suggested_export())),
        property("DialogPosSize",
                 Any(window_box(Reference<css::awt::XWindow>(dialog_, UNO_QUERY)))),
        property("DocumentPosSize", Any(window_box(frame_.is() ? frame_->getContainerWindow()
                                                               : Reference<css::awt::XWindow>()))),
        property("WorkArea", Any(work_area())),
    };
    return Sequence<css::beans::PropertyValue>(values, static_cast<sal_Int32>(std::size(values)));
}

void SAL_CALL ValidationDialog::setPropertyValues(const Sequence<css::beans::PropertyValue>&)
{
    throw css::uno::RuntimeException("OnePercent: the dialog's state is read-only",
                                     static_cast<cppu::OWeakObject*>(this));
}

void SAL_CALL ValidationDialog::windowClosing(const css::lang::EventObject&)
{
    try
    {
        set_visible(false);
    }
    catch (...)
    {
    }
}

void ValidationDialog::close_down()
{
    const rtl::Reference<ValidationDialog> keep_alive(this);
    unregister_dialog(this);
    try
    {
        const Reference<css::util::XCloseBroadcaster> broadcaster(document_, UNO_QUERY);
        if (broadcaster.is())
            broadcaster->removeCloseListener(this);
        const Reference<css::awt::XTopWindow> top(dialog_, UNO_QUERY);
        if (top.is())
            top->removeTopWindowListener(this);
        if (grid_.is())
        {
            grid_->removeSelectionListener(this);
            const Reference<css::awt::XWindow> grid_window(grid_, UNO_QUERY);
            if (grid_window.is())
                grid_window->removeMouseListener(this);
        }
        const Reference<css::lang::XComponent> component(dialog_, UNO_QUERY);
        if (component.is())
            component->dispose();
    }
    catch (...)
    {
    }
    grid_.clear();
    grid_data_.clear();
    dialog_.clear();
    document_.clear();
    frame_.clear();
    view_.reset();
}

void SAL_CALL ValidationDialog::selectionChanged(const css::awt::grid::GridSelectionEvent&)
{
    try
    {
        if (initialized_ && dialog_.is())
            show_detail();
    }
    catch (...)
    {
    }
}

void SAL_CALL ValidationDialog::mousePressed(const css::awt::MouseEvent& event)
{
    if (event.ClickCount != 2 || event.Buttons != css::awt::MouseButton::LEFT)
        return;
    callHandlerMethod(dialog_, Any(), "onGoToCell"); // catches and tells every failure
}

void SAL_CALL ValidationDialog::notifyClosing(const css::lang::EventObject&)
{
    close_down();
}

void SAL_CALL ValidationDialog::disposing(const css::lang::EventObject& event)
{
    if (event.Source == Reference<css::uno::XInterface>(document_, UNO_QUERY))
        close_down();
}

} // namespace onepercent::calc_dialog
