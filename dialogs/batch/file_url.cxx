#include "file_url.hxx"

#include "engine/regulation.hxx"
#include "uno_text.hxx"

#include <osl/file.hxx>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace onepercent::batch
{
bool is_utf8(std::string_view bytes)
{
    std::size_t index = 0;
    while (index < bytes.size())
    {
        if (static_cast<unsigned char>(bytes[index]) < 0x80)
        {
            ++index;
            continue;
        }
        std::uint32_t code_point = 0;
        const std::size_t length = decode_utf8(bytes, index, code_point);
        if (length == 0)
            return false;
        index += length;
    }
    return true;
}

rtl::OUString file_url_of(const std::string& path)
{
    const std::string absolute = std::filesystem::absolute(path).string();
    if (!is_utf8(absolute))
        throw std::runtime_error("the path is not UTF-8: " + absolute);
    rtl::OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(to_ou(absolute), url) != osl::FileBase::E_None ||
        !url.startsWith("file:///"))
        throw std::runtime_error("no file URL can be made for " + absolute);
    return url;
}

rtl::OUString
file_url_of(const std::string& path, const std::string& link_folder, std::string& link)
{
    link.clear();
    const std::filesystem::path absolute = std::filesystem::absolute(path);
    if (is_utf8(absolute.string()))
        return file_url_of(absolute.string());
    // The link keeps the file's extension when it is plain ASCII: the office's type detection
    // starts from it.
    static std::atomic<unsigned> counter{0};
    std::string extension = absolute.extension().string();
    for (char character : extension)
        if (!((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
              (character >= '0' && character <= '9') || character == '.'))
        {
            extension.clear();
            break;
        }
    std::filesystem::create_directories(link_folder);
    const std::string name = std::filesystem::absolute(link_folder).string() + "/link-" +
                             std::to_string(getpid()) + "-" + std::to_string(counter++) + extension;
    std::filesystem::remove(name);
    if (symlink(absolute.c_str(), name.c_str()) != 0)
        throw std::runtime_error("cannot make a link to a file whose name is not UTF-8: " +
                                 std::string(std::strerror(errno)));
    link = name;
    return file_url_of(name);
}

} // namespace onepercent::batch
