// libFuzzer target: one worksheet and its shared strings inside a fixed .xlsx, so that the
// mutations reach the cell handlers instead of breaking the zip. The input is the worksheet;
// after a line "--strings--", the shared strings part.
#include "direct_reader.hxx"

#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace onepercent;

namespace
{
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto& [name, data] : entries)
    {
        zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    zip_close(archive);
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

const std::string ns = "http://schemas.openxmlformats.org/";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const direct_reader::Limits limits = []
    {
        direct_reader::Limits small;
        small.max_part_bytes = 8u << 20;
        small.max_cells = 200'000;
        return small;
    }();
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t split = input.find("\n--strings--\n");
    const std::string sheet = input.substr(0, split);
    const std::string strings =
        split == std::string::npos ? std::string() : input.substr(split + 13);
    const std::string bytes = zip_of({
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
             "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
             "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
             "</Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns +
                                "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
                                "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" "
                                "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
             "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
             "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" +
             ns +
             "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
             "</Relationships>"},
        {"xl/sharedStrings.xml", strings},
        {"xl/worksheets/sheet1.xml", sheet},
    });
    const auto result = direct_reader::read_bytes(bytes, "fuzz.xlsx", limits);
    if (result.status == direct_reader::Status::read)
        for (const auto& model : result.workbook.sheets)
            if (model.cells.size() != model.rows * model.columns)
                std::abort();
    return 0;
}
