// The validation dialog inside Calc: a non-modal dialog (extension/dialogs/
// OnePercentValidation.xdl, strings in .properties chosen by the office's UI language) and
// its event handler. One dialog per document frame, kept until the document closes.
//
// Also a UNO service (org.onepercent.ValidationDialog) so that tests create it without the
// menu: initialize() takes the frame, the controller or the document (and optionally a
// NamedValue "Visible"), validates and fills the dialog. getPropertyValues() gives the
// dialog control ("Dialog") and what the handler knows (rows, last message, where the dialog
// stands, the export it suggests).
//
// It opens beside the data (at the right of the document window, within the screen), lists
// the findings in a grid whose columns can be widened and sorted, and "Go to cell" scrolls the
// sheet so that the cell shows left of it (issue 10, item 3).
#pragma once

#include "findings_view.hxx"

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XTopWindowListener.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/beans/XPropertyAccess.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XCloseListener.hpp>
#include <cppuhelper/implbase8.hxx>
#include <rtl/ref.hxx>

#include <optional>
#include <string>

namespace onepercent::calc_dialog
{
namespace css = com::sun::star;

inline constexpr const char* validation_dialog_implementation =
    "org.onepercent.ValidationDialogImpl";
inline constexpr const char* validation_dialog_service = "org.onepercent.ValidationDialog";

class ValidationDialog : public cppu::WeakImplHelper8<css::awt::XDialogEventHandler,
                                                      css::lang::XInitialization,
                                                      css::lang::XServiceInfo,
                                                      css::beans::XPropertyAccess,
                                                      css::awt::XTopWindowListener,
                                                      css::util::XCloseListener,
                                                      css::awt::grid::XGridSelectionListener,
                                                      css::awt::XMouseListener>
{
  public:
    explicit ValidationDialog(const css::uno::Reference<css::uno::XComponentContext>& context);

    // The dialog of the frame: brought to front and validated again when open, else created.
    static void open_for_frame(const css::uno::Reference<css::uno::XComponentContext>& context,
                               const css::uno::Reference<css::frame::XFrame>& frame);

    // XDialogEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XDialog>& dialog,
                                        const css::uno::Any& event,
                                        const rtl::OUString& method) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override;

    // XInitialization
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    // XPropertyAccess: read-only state for tests
    css::uno::Sequence<css::beans::PropertyValue> SAL_CALL getPropertyValues() override;
    void SAL_CALL setPropertyValues(const css::uno::Sequence<css::beans::PropertyValue>&) override;

    // XTopWindowListener: the title bar's close button hides the dialog
    void SAL_CALL windowOpened(const css::lang::EventObject&) override {}
    void SAL_CALL windowClosing(const css::lang::EventObject&) override;
    void SAL_CALL windowClosed(const css::lang::EventObject&) override {}
    void SAL_CALL windowMinimized(const css::lang::EventObject&) override {}
    void SAL_CALL windowNormalized(const css::lang::EventObject&) override {}
    void SAL_CALL windowActivated(const css::lang::EventObject&) override {}
    void SAL_CALL windowDeactivated(const css::lang::EventObject&) override {}

    // XCloseListener: the document closes, so does its dialog
    void SAL_CALL queryClosing(const css::lang::EventObject&, sal_Bool) override {}
    void SAL_CALL notifyClosing(const css::lang::EventObject&) override;
    void SAL_CALL disposing(const css::lang::EventObject&) override;

    // XGridSelectionListener: a finding chosen in the grid shows its detail
    void SAL_CALL selectionChanged(const css::awt::grid::GridSelectionEvent&) override;

    // XMouseListener: a double click on a finding goes to its cell
    void SAL_CALL mousePressed(const css::awt::MouseEvent& event) override;
    void SAL_CALL mouseReleased(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}

  private:
    void create_dialog();
    void create_grid();
    void place_beside_the_data();
    void validate();
    void fill();
    void fill_list(std::optional<std::size_t> keep_finding);
    void show_detail();
    void go_to_cell();
    void export_report(const rtl::OUString& url_given);
    void insert_report_sheet();
    void open_template();
    void set_visible(bool visible);
    void close_down();
    std::optional<std::size_t> selected_finding() const;
    void tell(const std::string& message, bool is_error);

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::awt::XDialog> dialog_;
    css::uno::Reference<css::awt::grid::XGridRowSelection> grid_;
    css::uno::Reference<css::awt::grid::XMutableGridDataModel> grid_data_;
    Language language_ = Language::en;
    std::optional<FindingsView> view_;
    std::string last_message_;
    bool unsaved_changes_ = false; // the document had changes not saved when validated
    std::string suggested_export_; // the URL the export's file picker proposes
    bool visible_ = true;
    bool initialized_ = false;
};

} // namespace onepercent::calc_dialog
