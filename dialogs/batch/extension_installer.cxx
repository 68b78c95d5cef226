#include "extension_installer.hxx"

#include "file_url.hxx"
#include "office_process.hxx"

#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>

#include <filesystem>
#include <stdexcept>

namespace css = com::sun::star;

namespace onepercent::batch
{
namespace
{
class ApprovingEnvironment
    : public cppu::WeakImplHelper2<css::ucb::XCommandEnvironment, css::task::XInteractionHandler>
{
  public:
    css::uno::Reference<css::task::XInteractionHandler> SAL_CALL getInteractionHandler() override
    {
        return this;
    }
    css::uno::Reference<css::ucb::XProgressHandler> SAL_CALL getProgressHandler() override
    {
        return {};
    }
    // The licence and "install for this user?": approve; anything else: abort.
    void SAL_CALL
    handle(const css::uno::Reference<css::task::XInteractionRequest>& request) override
    {
        const auto continuations = request->getContinuations();
        for (const auto& continuation : continuations)
        {
            const css::uno::Reference<css::task::XInteractionApprove> approve(continuation,
                                                                              css::uno::UNO_QUERY);
            if (approve.is())
            {
                approve->select();
                return;
            }
        }
        for (const auto& continuation : continuations)
        {
            const css::uno::Reference<css::task::XInteractionAbort> abort(continuation,
                                                                          css::uno::UNO_QUERY);
            if (abort.is())
            {
                abort->select();
                return;
            }
        }
    }
};
} // namespace

void install_extension(const css::uno::Reference<css::uno::XComponentContext>& office,
                       const std::string& oxt_path,
                       const std::string& link_folder)
{
    const std::string absolute = std::filesystem::absolute(oxt_path).string();
    if (!std::filesystem::is_regular_file(absolute))
        throw std::runtime_error("the extension " + absolute + " does not exist");
    std::string link;
    const rtl::OUString url = file_url_of(absolute, link_folder, link);
    struct RemoveLink
    {
        const std::string& path;
        ~RemoveLink()
        {
            std::error_code ignored;
            if (!path.empty())
                std::filesystem::remove(path, ignored);
        }
    } remove_link{link};
    const auto manager = css::deployment::ExtensionManager::get(office);
    const css::uno::Reference<css::ucb::XCommandEnvironment> environment(
        new ApprovingEnvironment());
    const auto package = manager->addExtension(
        url, {}, "user", css::uno::Reference<css::task::XAbortChannel>(), environment);
    if (!package.is())
        throw std::runtime_error("the office refused the extension " + absolute);
}

} // namespace onepercent::batch
