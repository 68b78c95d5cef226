// The menu and toolbar commands of the extension (extension/Addons.xcu) reach this protocol
// handler (extension/ProtocolHandler.xcu) as org.onepercent.calc:Validate, :InsertReference
// and :About. No C++ exception may escape into the office: each becomes a message box.
#include "function_reference.hxx"
#include "office_ui.hxx"
#include "ui_text.hxx"
#include "uno_text.hxx"
#include "validation_dialog.hxx"
#include "validator.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <cstring>
#include <exception>

namespace css = com::sun::star;

#ifndef ONEPERCENT_VERSION
#define ONEPERCENT_VERSION "0.0.0"
#endif

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
constexpr const char* protocol = "org.onepercent.calc:";
constexpr const char* implementation_name = "org.onepercent.ProtocolHandlerImpl";

// The functions Calc knows whose names are ours, as it describes them in its UI language.
std::vector<FunctionInfo> onepercent_functions(const Context& context)
{
    const Reference<css::container::XIndexAccess> descriptions(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", context),
        UNO_QUERY_THROW);
    std::vector<FunctionInfo> functions;
    for (sal_Int32 index = 0; index < descriptions->getCount(); ++index)
    {
        Sequence<css::beans::PropertyValue> properties;
        if (!(descriptions->getByIndex(index) >>= properties))
            continue;
        FunctionInfo function;
        Sequence<css::sheet::FunctionArgument> arguments;
        for (const css::beans::PropertyValue& property : properties)
        {
            OUString text;
            if (property.Name == "Name" && (property.Value >>= text))
                function.name = to_utf8(text);
            else if (property.Name == "Description" && (property.Value >>= text))
                function.description = to_utf8(text);
            else if (property.Name == "Arguments")
                property.Value >>= arguments;
        }
        if (!is_onepercent_function(function.name))
            continue;
        for (const css::sheet::FunctionArgument& argument : arguments)
            function.arguments.push_back({to_utf8(argument.Name), bool(argument.IsOptional)});
        functions.push_back(std::move(function));
    }
    return functions;
}

class ProtocolHandler : public cppu::WeakImplHelper4<css::frame::XDispatchProvider,
                                                     css::frame::XDispatch,
                                                     css::lang::XInitialization,
                                                     css::lang::XServiceInfo>
{
  public:
    explicit ProtocolHandler(const Context& context)
        : context_(context)
    {
    }

    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        for (const Any& argument : arguments)
            if (Reference<css::frame::XFrame> frame; (argument >>= frame) && frame.is())
                frame_ = frame;
    }

    Reference<css::frame::XDispatch>
        SAL_CALL queryDispatch(const css::util::URL& url, const OUString&, sal_Int32) override
    {
        if (url.Complete.startsWith(OUString::createFromAscii(protocol)))
            return this;
        return {};
    }

    Sequence<Reference<css::frame::XDispatch>>
        SAL_CALL queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override
    {
        Sequence<Reference<css::frame::XDispatch>> dispatches(requests.getLength());
        for (sal_Int32 index = 0; index < requests.getLength(); ++index)
            dispatches.getArray()[index] = queryDispatch(
                requests[index].FeatureURL, requests[index].FrameName, requests[index].SearchFlags);
        return dispatches;
    }

    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>&) override
    {
        const Language language = office_language(context_);
        try
        {
            const OUString command =
                url.Complete.copy(static_cast<sal_Int32>(std::strlen(protocol)));
            if (command == "About")
                about(language);
            else if (!Reference<css::sheet::XSpreadsheetDocument>(document(), UNO_QUERY).is())
                show_message(context_, frame_, std::string(text(Text::message_title, language)),
                             std::string(text(Text::not_a_spreadsheet, language)), true);
            else if (command == "Validate")
                ValidationDialog::open_for_frame(context_, frame_);
            else if (command == "InsertReference")
                insert_function_reference(language);
        }
        catch (const css::uno::Exception& error)
        {
            fail(language, to_utf8(error.Message));
        }
        catch (const std::exception& error)
        {
            fail(language, error.what());
        }
        catch (...)
        {
            fail(language, "?");
        }
    }

    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override
    {
        if (!listener.is())
            return;
        css::frame::FeatureStateEvent state;
        state.FeatureURL = url;
        state.IsEnabled = true;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        listener->statusChanged(state);
    }

    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override
    {
    }

    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        Sequence<OUString> names(1);
        names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

  private:
    Reference<css::frame::XModel> document() const
    {
        if (!frame_.is() || !frame_->getController().is())
            return {};
        return frame_->getController()->getModel();
    }

    void about(Language language)
    {
        const validation::RuleSet& rules = validation::rule_set_for_year(0);
        show_message(context_, frame_, std::string(text(Text::about_title, language)),
                     format(text(Text::about_text, language),
                            {ONEPERCENT_VERSION, rules.version, date_text(rules.effective)}),
                     false);
    }

    // A new sheet listing our functions, in one undo step.
    void insert_function_reference(Language language)
    {
        std::vector<FunctionInfo> functions = onepercent_functions(context_);
        if (functions.empty())
        {
            show_message(context_, frame_, std::string(text(Text::message_title, language)),
                         std::string(text(Text::no_functions, language)), true);
            return;
        }
        insert_table_sheet(Reference<css::sheet::XSpreadsheetDocument>(document(), UNO_QUERY_THROW),
                           std::string(text(Text::functions_sheet_name, language)),
                           function_reference_table(std::move(functions), language), 2,
                           std::string(text(Text::functions_sheet_name, language)));
    }

    void fail(Language language, const std::string& reason)
    {
        show_message(context_, frame_, std::string(text(Text::message_title, language)),
                     format(text(Text::unexpected_error, language), {reason}), true);
    }

    Context context_;
    Reference<css::frame::XFrame> frame_;
};
} // namespace
} // namespace onepercent::calc_dialog

// Cheap constructors: the office creates the protocol handler for each frame.
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_onepercent_ProtocolHandlerImpl_get_implementation(css::uno::XComponentContext* context,
                                                      const css::uno::Sequence<css::uno::Any>&)
{
    auto* instance = new onepercent::calc_dialog::ProtocolHandler(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_onepercent_ValidationDialogImpl_get_implementation(css::uno::XComponentContext* context,
                                                       const css::uno::Sequence<css::uno::Any>&)
{
    auto* instance = new onepercent::calc_dialog::ValidationDialog(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
