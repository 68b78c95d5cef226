// File names as file URLs the office opens as this very file, whatever bytes the name holds.
#pragma once

#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace onepercent::batch
{
// Whether the bytes are well-formed UTF-8 (engine decode_utf8: no overlong form, no surrogate).
bool is_utf8(std::string_view bytes);

// The file URL of a local path: the path made absolute, then the SDK's system-path-to-URL
// conversion (osl::FileBase::getFileURLFromSystemPath), so that '%', '#', '?' and spaces are
// escaped: a file named "%63lean.fods" is never read as "clean.fods". Never by string
// concatenation. Throws std::runtime_error when the SDK refuses the path.
// A path whose bytes are not UTF-8 (a Latin-1 name) cannot be given to the SDK as text: pass
// `link_folder`, and the URL is that of a symbolic link with an ASCII name made there, which
// points at the absolute path (`link` receives its path; the caller removes it).
rtl::OUString file_url_of(const std::string& path);
rtl::OUString
file_url_of(const std::string& path, const std::string& link_folder, std::string& link);

} // namespace onepercent::batch
