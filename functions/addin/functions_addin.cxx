// The UNO layer of the Calc functions: converts Calc's any/sequence arguments to engine
// calls and engine errors to IllegalArgumentException (Err:502). Every XAddIn answer comes
// from function_table(). No C++ exception may escape into the office.
#include "elementwise_call.hxx"
#include "function_table.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/Date.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/onepercent/XFunctions.hpp>
#include <rtl/ustring.hxx>

#include <cmath>
#include <ctime>
#include <mutex>
#include <optional>

namespace css = com::sun::star;
using rtl::OUString;

namespace onepercent
{
namespace
{
OUString to_ou(std::string_view text)
{
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

std::string to_utf8(const OUString& text)
{
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

CellValue to_cell(const css::uno::Any& value)
{
    switch (value.getValueTypeClass())
    {
    case css::uno::TypeClass_STRING:
    {
        OUString text;
        value >>= text;
        return text.isEmpty() ? CellValue{} : CellValue::of(to_utf8(text));
    }
    case css::uno::TypeClass_BOOLEAN:
        return CellValue::of(*static_cast<const sal_Bool*>(value.getValue()) ? 1.0 : 0.0);
    case css::uno::TypeClass_DOUBLE:
    case css::uno::TypeClass_FLOAT:
    case css::uno::TypeClass_BYTE:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_UNSIGNED_SHORT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_UNSIGNED_LONG:
    {
        double number = 0.0;
        value >>= number;
        return CellValue::of(number);
    }
    default: // void (an empty cell, an omitted argument) and anything Calc never sends
        return CellValue{};
    }
}

Grid to_grid(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows)
{
    Grid grid;
    grid.rows = static_cast<std::size_t>(rows.getLength());
    grid.columns = 0;
    for (const auto& row : rows)
        grid.columns = std::max(grid.columns, static_cast<std::size_t>(row.getLength()));
    if (grid.rows == 0 || grid.columns == 0)
        return Grid::single(CellValue{});
    if (grid.rows == 1 && grid.columns == 1)
        return Grid::single(to_cell(rows[0][0]));
    grid.is_range = true;
    grid.cells.resize(grid.rows * grid.columns);
    std::size_t index = 0;
    for (const auto& row : rows)
    {
        const css::uno::Any* values = row.getConstArray();
        for (sal_Int32 column = 0; column < row.getLength(); ++column)
            grid.cells[index + static_cast<std::size_t>(column)] = to_cell(values[column]);
        index += grid.columns;
    }
    return grid;
}

Grid to_grid(const css::uno::Any& value)
{
    if (value.getValueTypeClass() == css::uno::TypeClass_SEQUENCE)
    {
        css::uno::Sequence<css::uno::Sequence<css::uno::Any>> rows;
        if (value >>= rows)
            return to_grid(rows);
    }
    return Grid::single(to_cell(value));
}

css::uno::Any to_any(const CellValue& value)
{
    switch (value.kind)
    {
    case CellValue::Kind::number:
        if (!std::isfinite(value.number)) // never NaN or ±inf in a cell
            throw InputError("internal error: the result is not a finite number",
                             "erreur interne : le résultat n'est pas un nombre fini");
        return css::uno::Any(value.number);
    case CellValue::Kind::text:
        return css::uno::Any(to_ou(value.text));
    case CellValue::Kind::empty:
        break;
    }
    return css::uno::Any(); // #N/A for a single cell, an empty element in a range
}

double finite(double number)
{
    if (!std::isfinite(number)) // never NaN or ±inf in a cell
        throw InputError("internal error: the result is not a finite number",
                         "erreur interne : le résultat n'est pas un nombre fini");
    return number;
}

template <class Element, class Convert>
css::uno::Any to_sequences(const Grid& grid, Convert convert)
{
    css::uno::Sequence<css::uno::Sequence<Element>> rows(static_cast<sal_Int32>(grid.rows));
    css::uno::Sequence<Element>* row_array = rows.getArray();
    const CellValue* cell = grid.cells.data();
    for (std::size_t row = 0; row < grid.rows; ++row)
    {
        css::uno::Sequence<Element> values(static_cast<sal_Int32>(grid.columns));
        Element* value_array = values.getArray();
        for (std::size_t column = 0; column < grid.columns; ++column)
            value_array[column] = convert(*cell++);
        row_array[row] = values;
    }
    return css::uno::Any(rows);
}

// A range result: numbers as sequence<sequence<double>> (Calc's fastest path); texts as
// sequence<sequence<string>>, which Calc interns so that = and EXACT work on them (an
// element with no answer is then ""); a mix, or numbers with blank rows, as any.
css::uno::Any to_any(const Grid& grid)
{
    if (!grid.is_range)
        return to_any(grid.cells.front());
    bool all_numbers = true;
    bool no_numbers = true;
    for (const CellValue& cell : grid.cells)
    {
        const bool number = cell.kind == CellValue::Kind::number;
        all_numbers = all_numbers && number;
        no_numbers = no_numbers && !number;
    }
    if (all_numbers)
        return to_sequences<double>(grid,
                                    [](const CellValue& cell) { return finite(cell.number); });
    if (no_numbers)
        return to_sequences<OUString>(grid, [](const CellValue& cell) { return to_ou(cell.text); });
    return to_sequences<css::uno::Any>(grid, [](const CellValue& cell) { return to_any(cell); });
}

// The office's UI language from its configuration: Calc's last setLocale call may be en-US
// (it asks for the English names), so the locale it sets cannot tell.
std::optional<Language>
office_language(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    if (!context.is())
        return std::nullopt;
    try
    {
        const css::uno::Reference<css::lang::XMultiServiceFactory> provider =
            css::configuration::theDefaultProvider::get(context);
        const std::pair<const char*, const char*> settings[] = {
            {"/org.openoffice.Office.Linguistic/General", "UILocale"},
            {"/org.openoffice.Setup/L10N", "ooLocale"}};
        for (const auto& [path, property] : settings)
        {
            css::beans::NamedValue node_path("nodepath",
                                             css::uno::Any(OUString::createFromAscii(path)));
            css::uno::Sequence<css::uno::Any> arguments(1);
            arguments.getArray()[0] <<= node_path;
            const css::uno::Reference<css::container::XNameAccess> access(
                provider->createInstanceWithArguments(
                    "com.sun.star.configuration.ConfigurationAccess", arguments),
                css::uno::UNO_QUERY);
            OUString tag;
            if (access.is() && (access->getByName(OUString::createFromAscii(property)) >>= tag) &&
                !tag.isEmpty())
                return tag.startsWith("fr") ? Language::fr : Language::en;
        }
    }
    catch (const css::uno::Exception&)
    {
    }
    return std::nullopt;
}

int current_year()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_year + 1900;
}

using FunctionsBase = cppu::WeakImplHelper5<org::onepercent::XFunctions,
                                            css::sheet::XAddIn,
                                            css::sheet::XCompatibilityNames,
                                            css::lang::XServiceName,
                                            css::lang::XServiceInfo>;

class FunctionsAddIn : public FunctionsBase
{
  public:
    // Cheap: Calc instantiates every add-in at discovery.
    explicit FunctionsAddIn(const css::uno::Reference<css::uno::XComponentContext>& context)
        : context_(context)
    {
    }

#include "functions_methods.inc"

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display_name) override
    {
        const FunctionSpec* function = find_function_by_display_name(to_utf8(display_name));
        return function ? to_ou(function->method) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override
    {
        const FunctionSpec* function = find_function(to_utf8(method));
        return function ? localized(function->display_en, function->display_fr) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& method) override
    {
        const FunctionSpec* function = find_function(to_utf8(method));
        return function ? localized(function->description_en, function->description_fr)
                        : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 position) override
    {
        const ArgumentSpec* argument = find_argument(method, position);
        return argument ? localized(argument->display_en, argument->display_fr) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 position) override
    {
        const ArgumentSpec* argument = find_argument(method, position);
        return argument ? localized(argument->description_en, argument->description_fr)
                        : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override
    {
        return to_ou(category_name);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override
    {
        return localized(category_name, "Finances");
    }

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override
    {
        std::lock_guard<std::mutex> guard(mutex_);
        locale_ = locale;
    }
    css::lang::Locale SAL_CALL getLocale() override
    {
        std::lock_guard<std::mutex> guard(mutex_);
        return locale_;
    }

    // XCompatibilityNames: the English names, for "Use English function names" and export
    css::uno::Sequence<css::sheet::LocalizedName>
        SAL_CALL getCompatibilityNames(const OUString& method) override
    {
        const FunctionSpec* function = find_function(to_utf8(method));
        if (!function)
            return {};
        const css::sheet::LocalizedName english(css::lang::Locale("en", "US", OUString()),
                                                to_ou(function->display_en));
        return css::uno::Sequence<css::sheet::LocalizedName>(&english, 1);
    }

    // XServiceName
    OUString SAL_CALL getServiceName() override
    {
        return to_ou(service_name);
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return to_ou(implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        const OUString names[] = {"com.sun.star.sheet.AddIn", to_ou(service_name)};
        return css::uno::Sequence<OUString>(names, 2);
    }

  private:
    Language language() const
    {
        std::lock_guard<std::mutex> guard(mutex_);
        return locale_.Language == "fr" ? Language::fr : Language::en;
    }

    OUString localized(std::string_view english, std::string_view french) const
    {
        return to_ou(language() == Language::fr ? french : english);
    }

    // Calc counts the hidden caller argument in `position`.
    static const ArgumentSpec* find_argument(const OUString& method, sal_Int32 position)
    {
        const FunctionSpec* function = find_function(to_utf8(method));
        if (!function)
            return nullptr;
        const sal_Int32 index = position - (function->takes_caller ? 1 : 0);
        if (index < 0 || index >= static_cast<sal_Int32>(function->arguments.size()))
            return nullptr;
        return &function->arguments[static_cast<std::size_t>(index)];
    }

    // The language of defaults and messages: the office's, read once.
    Language office_language_cached()
    {
        std::call_once(office_language_read_,
                       [this] { office_language_ = office_language(context_); });
        return office_language_.value_or(language());
    }

    CallContext context(const css::uno::Reference<css::beans::XPropertySet>& caller)
    {
        CallContext context;
        context.language = office_language_cached();
        context.current_year = current_year();
        if (caller.is())
        {
            css::util::Date null_date;
            if (caller->getPropertyValue("NullDate") >>= null_date)
                context.null_date = {null_date.Year, null_date.Month, null_date.Day};
        }
        return context;
    }

    // Every generated method comes here: engine errors become IllegalArgumentException
    // (Err:502); anything else a RuntimeException (#VALUE!). Nothing else escapes.
    template <class MakeArguments>
    css::uno::Any call(std::size_t index,
                       const css::uno::Reference<css::beans::XPropertySet>& caller,
                       MakeArguments make_arguments)
    {
        Language message_language = Language::en;
        try
        {
            const CallContext call_context = context(caller);
            message_language = call_context.language;
            return to_any(
                call_elementwise(function_table()[index], make_arguments(), call_context));
        }
        catch (const InputError& error)
        {
            throw css::lang::IllegalArgumentException(to_ou(error.message(message_language)),
                                                      static_cast<cppu::OWeakObject*>(this), 0);
        }
        catch (const css::uno::Exception&)
        {
            throw;
        }
        catch (const std::exception& error)
        {
            throw css::uno::RuntimeException(to_ou(std::string("OnePercent: ") + error.what()),
                                             static_cast<cppu::OWeakObject*>(this));
        }
        catch (...)
        {
            throw css::uno::RuntimeException("OnePercent: unexpected internal error",
                                             static_cast<cppu::OWeakObject*>(this));
        }
    }

    const css::uno::Reference<css::uno::XComponentContext> context_;
    std::once_flag office_language_read_;
    std::optional<Language> office_language_;
    mutable std::mutex mutex_;
    css::lang::Locale locale_{"en", "US", OUString()};
};

} // namespace
} // namespace onepercent

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_onepercent_FunctionsImpl_get_implementation(css::uno::XComponentContext* context,
                                                const css::uno::Sequence<css::uno::Any>&)
{
    auto* instance = new onepercent::FunctionsAddIn(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
