// Files for the direct reader's tests, made in memory: zip archives (libzip), the parts of an
// .ods and an .xlsx around given cells, and temporary files removed by their owner.
#pragma once

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace test_files
{
struct Entry
{
    std::string name;
    std::string data;
    bool stored = false; // not deflated
};

inline std::string zip(const std::vector<Entry>& entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive)
        throw std::runtime_error("zip_open_from_source");
    for (const Entry& entry : entries)
    {
        zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        const zip_int64_t index =
            zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0)
            throw std::runtime_error("zip_file_add");
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(archive) != 0)
        throw std::runtime_error("zip_close");
    std::string bytes;
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

constexpr const char* lo_generator =
    "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2";

inline std::string ods_content(const std::string& tables, const std::string& settings = "")
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
           "<office:document-content "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
           "xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.3\">"
           "<office:body><office:spreadsheet>" +
           settings + tables + "</office:spreadsheet></office:body></office:document-content>";
}

inline std::string ods_meta(const std::string& generator, const std::string& user_defined = "")
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>" +
           (generator.empty() ? std::string()
                              : "<meta:generator>" + generator + "</meta:generator>") +
           user_defined + "</office:meta></office:document-meta>";
}

// An .ods of one sheet "S" whose rows are given as XML.
inline std::string ods(const std::string& rows,
                       const std::string& generator = lo_generator,
                       const std::string& user_defined = "",
                       const std::string& settings = "")
{
    return zip(
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
         {"meta.xml", ods_meta(generator, user_defined)},
         {"content.xml",
          ods_content("<table:table table:name=\"S\">" + rows + "</table:table>", settings)}});
}

inline std::string fods(const std::string& rows, const std::string& generator = lo_generator)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
           "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
           "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"><office:meta>"
           "<meta:generator>" +
           generator +
           "</meta:generator></office:meta><office:body><office:spreadsheet>"
           "<table:table table:name=\"F\">" +
           rows + "</table:table></office:spreadsheet></office:body></office:document>";
}

inline std::string xlsx(const std::string& sheet_data,
                        const std::string& strings = "",
                        const std::string& workbook_pr = "",
                        const std::string& application = lo_generator)
{
    const std::string ns = "http://schemas.openxmlformats.org/";
    std::vector<Entry> entries{
        {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"" + ns +
                                    "package/2006/content-types\"/>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
             "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
             "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" +
             ns +
             "officeDocument/2006/relationships/extended-properties\" "
             "Target=\"docProps/app.xml\"/><Relationship Id=\"rId3\" Type=\"" +
             ns +
             "officeDocument/2006/relationships/custom-properties\" "
             "Target=\"docProps/custom.xml\"/></Relationships>"},
        {"docProps/app.xml", "<?xml version=\"1.0\"?><Properties xmlns=\"" + ns +
                                 "officeDocument/2006/extended-properties\"><Application>" +
                                 application + "</Application></Properties>"},
        {"docProps/custom.xml",
         "<?xml version=\"1.0\"?><Properties xmlns=\"" + ns +
             "officeDocument/2006/custom-properties\" xmlns:vt=\"" + ns +
             "officeDocument/2006/docPropsVTypes\"><property fmtid=\"x\" pid=\"2\" "
             "name=\"OnePercentTemplate\"><vt:lpwstr>org.onepercent.workbook</vt:lpwstr>"
             "</property><property fmtid=\"x\" pid=\"3\" name=\"Count\"><vt:i4>42</vt:i4>"
             "</property></Properties>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns +
                                "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
                                "officeDocument/2006/relationships\">" + workbook_pr +
                                "<sheets><sheet name=\"First\" sheetId=\"1\" r:id=\"rId1\"/>"
                                "<sheet name=\"Second\" sheetId=\"2\" r:id=\"rId9\"/></sheets>"
                                "</workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
             "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
             "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" +
             ns +
             "officeDocument/2006/relationships/sharedStrings\" "
             "Target=\"sharedStrings.xml\"/></Relationships>"},
        {"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + ns +
                                     "spreadsheetml/2006/main\">" + strings + "</sst>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns +
                                         "spreadsheetml/2006/main\"><sheetData>" + sheet_data +
                                         "</sheetData></worksheet>"},
    };
    return zip(entries);
}

// A file in the working folder (the build folder under CTest), removed when this goes out of
// scope.
class TempFile
{
  public:
    TempFile(const std::string& name, const std::string& bytes)
        : path_((std::filesystem::current_path() /
                 ("direct-reader-test-" + std::to_string(getpid()) + "-" + name))
                    .string())
    {
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~TempFile()
    {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

} // namespace test_files
