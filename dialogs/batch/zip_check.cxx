#include "zip_check.hxx"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

namespace onepercent::batch
{
namespace
{
std::uint32_t u16(const unsigned char* bytes)
{
    return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8;
}

std::uint32_t u32(const unsigned char* bytes)
{
    return u16(bytes) | u16(bytes + 2) << 16;
}

ZipProblem corrupt(const std::string& entry, const std::string& english, const std::string& french)
{
    return {"the file is damaged (its part \"" + entry + "\" " + english + ")",
            "le fichier est endommagé (sa partie « " + entry + " » " + french + ")"};
}

// Reads exactly `size` bytes at `offset`; false past the end.
bool read_at(std::ifstream& file, std::uint64_t offset, unsigned char* buffer, std::size_t size)
{
    file.clear();
    file.seekg(static_cast<std::streamoff>(offset));
    file.read(reinterpret_cast<char*>(buffer), static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(file.gcount()) == size;
}

struct Entry
{
    std::string name;
    std::uint32_t flags = 0;
    std::uint32_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressed = 0;
    std::uint64_t size = 0;
    std::uint64_t local_header = 0;
};

// Inflates (or copies) one entry and checks its size and CRC-32.
std::optional<ZipProblem>
check_entry(std::ifstream& file, std::uint64_t file_size, const Entry& entry)
{
    unsigned char local[30];
    if (!read_at(file, entry.local_header, local, sizeof local) || u32(local) != 0x04034b50)
        return corrupt(entry.name, "has no valid header", "n'a pas d'en-tête valide");
    const std::uint64_t data = entry.local_header + 30 + u16(local + 26) + u16(local + 28);
    if (data > file_size || entry.compressed > file_size - data)
        return corrupt(entry.name, "is cut short", "est tronquée");
    if (entry.method != 0 && entry.method != 8)
        return corrupt(entry.name, "uses an unknown compression",
                       "utilise une compression inconnue");
    file.clear();
    file.seekg(static_cast<std::streamoff>(data));
    std::vector<unsigned char> in(1 << 16), out(1 << 16);
    uLong crc = crc32(0L, Z_NULL, 0);
    std::uint64_t produced = 0;
    std::uint64_t remaining = entry.compressed;
    if (entry.method == 0)
    {
        while (remaining > 0)
        {
            const std::size_t take =
                static_cast<std::size_t>(std::min<std::uint64_t>(remaining, in.size()));
            file.read(reinterpret_cast<char*>(in.data()), static_cast<std::streamsize>(take));
            if (static_cast<std::size_t>(file.gcount()) != take)
                return corrupt(entry.name, "is cut short", "est tronquée");
            crc = crc32(crc, in.data(), static_cast<uInt>(take));
            remaining -= take;
            produced += take;
        }
    }
    else
    {
        z_stream stream;
        std::memset(&stream, 0, sizeof stream);
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            return corrupt(entry.name, "cannot be read", "est illisible");
        int status = Z_OK;
        while (status != Z_STREAM_END)
        {
            if (stream.avail_in == 0 && remaining > 0)
            {
                const std::size_t take =
                    static_cast<std::size_t>(std::min<std::uint64_t>(remaining, in.size()));
                file.read(reinterpret_cast<char*>(in.data()), static_cast<std::streamsize>(take));
                if (static_cast<std::size_t>(file.gcount()) != take)
                    break;
                remaining -= take;
                stream.next_in = in.data();
                stream.avail_in = static_cast<uInt>(take);
            }
            stream.next_out = out.data();
            stream.avail_out = static_cast<uInt>(out.size());
            status = inflate(&stream, Z_NO_FLUSH);
            const std::size_t got = out.size() - stream.avail_out;
            crc = crc32(crc, out.data(), static_cast<uInt>(got));
            produced += got;
            if (produced > entry.size) // more than it says: stop before memory or time runs out
                break;
            if (status != Z_OK && status != Z_STREAM_END)
                break;
            if (status == Z_OK && got == 0 && stream.avail_in == 0 && remaining == 0)
                break; // the data ended before the stream did
        }
        inflateEnd(&stream);
        if (status != Z_STREAM_END)
            return corrupt(entry.name, "does not decompress", "ne se décompresse pas");
    }
    if (produced != entry.size || static_cast<std::uint32_t>(crc) != entry.crc)
        return corrupt(entry.name, "fails its CRC-32 check", "échoue à sa vérification CRC-32");
    return std::nullopt;
}
} // namespace

std::optional<ZipProblem> check_zip(const std::string& path, std::uint64_t max_content_bytes)
{
    std::ifstream file(path, std::ios::binary);
    unsigned char start[4];
    if (!file || !read_at(file, 0, start, 4) || u32(start) != 0x04034b50)
        return std::nullopt;
    file.clear();
    file.seekg(0, std::ios::end);
    const auto file_size = static_cast<std::uint64_t>(file.tellg());
    // The end-of-central-directory record: in the last 22 + 65535 bytes.
    const std::uint64_t tail_size = std::min<std::uint64_t>(file_size, 22 + 65535);
    std::vector<unsigned char> tail(static_cast<std::size_t>(tail_size));
    if (!read_at(file, file_size - tail_size, tail.data(), tail.size()) || tail.size() < 22)
        return ZipProblem{"the file is damaged (its ZIP directory is missing)",
                          "le fichier est endommagé (son répertoire ZIP est absent)"};
    std::size_t end = std::string::npos;
    for (std::size_t at = tail.size() - 22 + 1; at-- > 0;)
        if (u32(&tail[at]) == 0x06054b50)
        {
            end = at;
            break;
        }
    if (end == std::string::npos)
        return ZipProblem{"the file is damaged (its ZIP directory is missing)",
                          "le fichier est endommagé (son répertoire ZIP est absent)"};
    const std::uint32_t entries = u16(&tail[end + 10]);
    const std::uint64_t directory_size = u32(&tail[end + 12]);
    const std::uint64_t directory_offset = u32(&tail[end + 16]);
    if (entries == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
        return ZipProblem{
            "the file is a ZIP64 archive (over 4 GB), which is not accepted",
            "le fichier est une archive ZIP64 (plus de 4 Go), qui n'est pas acceptée"};
    if (directory_offset > file_size || directory_size > file_size - directory_offset)
        return ZipProblem{"the file is damaged (its ZIP directory is cut short)",
                          "le fichier est endommagé (son répertoire ZIP est tronqué)"};
    std::vector<unsigned char> directory(static_cast<std::size_t>(directory_size));
    if (!read_at(file, directory_offset, directory.data(), directory.size()))
        return ZipProblem{"the file is damaged (its ZIP directory is cut short)",
                          "le fichier est endommagé (son répertoire ZIP est tronqué)"};
    std::vector<Entry> list;
    std::uint64_t content = 0;
    std::size_t at = 0;
    for (std::uint32_t index = 0; index < entries; ++index)
    {
        if (at + 46 > directory.size() || u32(&directory[at]) != 0x02014b50)
            return ZipProblem{"the file is damaged (its ZIP directory is inconsistent)",
                              "le fichier est endommagé (son répertoire ZIP est incohérent)"};
        Entry entry;
        entry.flags = u16(&directory[at + 8]);
        entry.method = u16(&directory[at + 10]);
        entry.crc = u32(&directory[at + 16]);
        entry.compressed = u32(&directory[at + 20]);
        entry.size = u32(&directory[at + 24]);
        const std::size_t name_length = u16(&directory[at + 28]);
        const std::size_t extra_length = u16(&directory[at + 30]);
        const std::size_t comment_length = u16(&directory[at + 32]);
        entry.local_header = u32(&directory[at + 42]);
        if (at + 46 + name_length > directory.size())
            return ZipProblem{"the file is damaged (its ZIP directory is inconsistent)",
                              "le fichier est endommagé (son répertoire ZIP est incohérent)"};
        entry.name.assign(reinterpret_cast<const char*>(&directory[at + 46]), name_length);
        at += 46 + name_length + extra_length + comment_length;
        if (entry.size == 0xFFFFFFFF || entry.compressed == 0xFFFFFFFF)
            return ZipProblem{
                "the file is a ZIP64 archive (over 4 GB), which is not accepted",
                "le fichier est une archive ZIP64 (plus de 4 Go), qui n'est pas acceptée"};
        content += entry.size;
        list.push_back(std::move(entry));
    }
    if (content > max_content_bytes)
        return ZipProblem{
            "the file would decompress to " + std::to_string(content >> 20) +
                " MiB, more than the limit of " + std::to_string(max_content_bytes >> 20) + " MiB",
            "le fichier se décompresserait en " + std::to_string(content >> 20) +
                " Mio, plus que la limite de " + std::to_string(max_content_bytes >> 20) + " Mio"};
    for (const Entry& entry : list)
        if (auto problem = check_entry(file, file_size, entry))
            return problem;
    return std::nullopt;
}

} // namespace onepercent::batch
