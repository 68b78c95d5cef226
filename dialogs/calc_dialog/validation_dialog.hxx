// The validation dialog inside Calc: a non-modal dialog (extension/dialogs/
// OnePercentValidation.xdl, strings in .properties chosen by the office's UI language) and
// its event handler. One dialog per document frame, kept until the document closes.
//
// Also a UNO service (org.onepercent.ValidationDialog) so that tests create it without the
// menu: initialize() takes the frame, the controller or the document (and optionally a
// NamedValue "Visible"), validates and fills the dialog. getPropertyValues() gives the
// dialog control ("Dialog") and what the handler knows (rows, last message).
#pragma once

#include "findings_view.hxx"

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTopWindowListener.hpp>
#include <com/sun/star/beans/XPropertyAccess.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XCloseListener.hpp>
#include <cppuhelper/implbase6.hxx>
#include <rtl/ref.hxx>

#include <optional>
#include <string>

namespace onepercent::calc_dialog
{
namespace css = com::sun::star;

inline constexpr const char* validation_dialog_implementation =
    "org.onepercent.ValidationDialogImpl";
inline constexpr const char* validation_dialog_service = "org.onepercent.ValidationDialog";

class ValidationDialog : public cppu::WeakImplHelper6<css::awt::XDialogEventHandler,
                                                      css::lang::XInitialization,
                                                      css::lang::XServiceInfo,
                                                      css::beans::XPropertyAccess,
                                                      css::awt::XTopWindowListener,
                                                      css::util::XCloseListener>
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

  private:
    void create_dialog();
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
    Language language_ = Language::en;
    std::optional<FindingsView> view_;
    std::string last_message_;
    bool visible_ = true;
    bool initialized_ = false;
};

} // namespace onepercent::calc_dialog
