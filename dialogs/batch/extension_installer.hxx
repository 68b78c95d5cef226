// Installs the .oxt for the profile's user through the ExtensionManager singleton
// (unopkg refuses to run as root), approving the licence and the install question.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace onepercent::batch
{
// Throws std::runtime_error when the office refuses the package. The package's URL is made by
// the SDK's conversion (file_url.hxx); a path that is not UTF-8 is reached through a link
// made (and removed) in `link_folder`.
void install_extension(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& office,
    const std::string& oxt_path,
    const std::string& link_folder);
} // namespace onepercent::batch
