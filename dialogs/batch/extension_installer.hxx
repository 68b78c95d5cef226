// Installs the .oxt for the profile's user through the ExtensionManager singleton
// (unopkg refuses to run as root), approving the licence and the install question.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace onepercent::batch
{
// Throws std::runtime_error when the office refuses the package.
void install_extension(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& office,
    const std::string& oxt_path);
} // namespace onepercent::batch
