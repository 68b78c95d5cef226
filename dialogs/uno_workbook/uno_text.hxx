// UTF-8 std::string <-> rtl::OUString, for code that speaks UNO.
#pragma once

#include <rtl/ustring.hxx>

#include <string>

namespace onepercent
{
inline std::string to_utf8(const rtl::OUString& text)
{
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

inline rtl::OUString to_ou(const std::string& text)
{
    return rtl::OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}
} // namespace onepercent
