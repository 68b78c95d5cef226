// The zip layer over libzip: entries found by name, every part's declared size checked against
// the caps before anything is inflated, and the inflated bytes counted again while reading
// (a size the central directory understates is a finding too). Only the two methods office
// files use (stored, deflated) are read; an encrypted entry is an encrypted file.
#include "reader_internal.hxx"

#include <zip.h>

namespace onepercent::direct_reader::detail
{
namespace
{
std::string mebibytes(std::uint64_t bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

[[noreturn]] void not_a_zip(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    unreadable("the file is not a readable zip archive (" + detail + ")",
               "le fichier n'est pas une archive zip lisible (" + detail + ")");
}
} // namespace

struct ZipArchive::Impl
{
    zip_t* archive = nullptr;
    const Limits* limits = nullptr;
    std::uint64_t unpacked = 0;

    ~Impl()
    {
        if (archive)
            zip_discard(archive);
    }

    zip_int64_t locate(std::string_view name, bool any_case) const
    {
        const std::string key(name);
        return zip_name_locate(archive, key.c_str(), any_case ? ZIP_FL_NOCASE : 0);
    }
};

ZipArchive::ZipArchive(std::string_view bytes, const Limits& limits)
    : impl_(std::make_unique<Impl>())
{
    impl_->limits = &limits;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
        not_a_zip(zip_error_code_zip(&error));
    impl_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!impl_->archive)
    {
        zip_source_free(source);
        const int code = zip_error_code_zip(&error);
        zip_error_fini(&error);
        not_a_zip(code);
    }
    zip_error_fini(&error);
}

ZipArchive::ZipArchive(const std::string& path, const Limits& limits)
    : impl_(std::make_unique<Impl>())
{
    impl_->limits = &limits;
    int code = 0;
    impl_->archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!impl_->archive)
        not_a_zip(code);
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::has(std::string_view name, bool any_case) const
{
    return impl_->locate(name, any_case) >= 0;
}

bool ZipArchive::any_entry_encrypted() const
{
    const zip_int64_t count = zip_get_num_entries(impl_->archive, 0);
    for (zip_int64_t index = 0; index < count; ++index)
    {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
            (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
            return true;
    }
    return false;
}

std::string ZipArchive::read(std::string_view name, bool any_case)
{
    const zip_int64_t index = impl_->locate(name, any_case);
    if (index < 0)
        unreadable("the part " + std::string(name) + " is missing",
                   "la partie " + std::string(name) + " manque");
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
        not_a_zip(zip_error_code_zip(zip_get_error(impl_->archive)));
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        needs_office("the file is encrypted (password-protected)",
                     "le fichier est chiffré (protégé par mot de passe)");
    if ((stat.valid & ZIP_STAT_COMP_METHOD) && stat.comp_method != ZIP_CM_STORE &&
        stat.comp_method != ZIP_CM_DEFLATE)
        unreadable("the part " + std::string(name) +
                       " uses a compression method office files "
                       "do not use",
                   "la partie " + std::string(name) +
                       " utilise une méthode de compression que "
                       "les fichiers bureautiques n'utilisent pas");
    const Limits& limits = *impl_->limits;
    const std::uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    // Past the caps nothing is inflated: the direct reader cannot hold the part (a zip bomb, or
    // a very large workbook), and leaves the file to the office's path, whose own ZIP check
    // refuses a bomb (dialogs/batch/zip_check.cxx).
    auto over_cap = [&](std::uint64_t size)
    {
        if (size > limits.max_part_bytes)
            needs_office("the part " + std::string(name) + " unpacks to more than " +
                             mebibytes(limits.max_part_bytes) +
                             ", more than the direct reader holds (a zip bomb?)",
                         "la partie " + std::string(name) + " se décompresse en plus de " +
                             mebibytes(limits.max_part_bytes) +
                             ", plus que le lecteur direct n'en retient (une bombe zip?)");
        if (impl_->unpacked + size > limits.max_unpacked_bytes)
            needs_office("the file unpacks to more than " + mebibytes(limits.max_unpacked_bytes) +
                             ", more than the direct reader holds (a zip bomb?)",
                         "le fichier se décompresse en plus de " +
                             mebibytes(limits.max_unpacked_bytes) +
                             ", plus que le lecteur direct n'en retient (une bombe zip?)");
    };
    over_cap(declared);

    zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
    if (!file)
    {
        const int code = zip_error_code_zip(zip_get_error(impl_->archive));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            needs_office("the file is encrypted (password-protected)",
                         "le fichier est chiffré (protégé par mot de passe)");
        not_a_zip(code);
    }
    struct Closer
    {
        zip_file_t* file;
        ~Closer() { zip_fclose(file); }
    } closer{file};

    // Inflated straight into a buffer of the declared size; one byte more is asked for to
    // catch a part longer than declared.
    auto failed = [&]()
    {
        const std::string detail = zip_file_strerror(file);
        unreadable("the part " + std::string(name) + " cannot be unpacked (" + detail + ")",
                   "la partie " + std::string(name) + " ne se décompresse pas (" + detail + ")");
    };
    std::string bytes(static_cast<std::size_t>(declared), '\0');
    std::size_t filled = 0;
    while (filled < bytes.size())
    {
        const zip_int64_t got = zip_fread(file, bytes.data() + filled,
                                          std::min<std::size_t>(bytes.size() - filled, 1 << 24));
        if (got < 0)
            failed();
        if (got == 0)
            break;
        filled += static_cast<std::size_t>(got);
    }
    char extra = 0;
    const zip_int64_t more = filled == bytes.size() ? zip_fread(file, &extra, 1) : 0;
    if (more < 0)
        failed();
    if (filled != bytes.size() || more != 0)
        unreadable("the part " + std::string(name) + " does not have the size the archive says",
                   "la partie " + std::string(name) + " n'a pas la taille que l'archive indique");
    impl_->unpacked += bytes.size();
    return bytes;
}

} // namespace onepercent::direct_reader::detail
