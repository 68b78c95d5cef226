// onepercent-direct-dump: the model the direct reader builds, as JSON, for the differential
// tests (test_differential.py compares it cell by cell with the office's) and the bench.
//   onepercent-direct-dump [--isolated] [--summary] FILE...
// --summary prints counts instead of cells. Exit 0 when every file was read.
#include "direct_reader.hxx"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>

using namespace onepercent;

namespace
{
std::string json_string(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
        {
            out += '\\';
            out += c;
        }
        else if (byte < 0x20)
        {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
            out += buffer;
        }
        else
            out += c;
    }
    return out + "\"";
}

std::string json_number(double value)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return "null";
    return std::string(buffer, end);
}

const char* status_name(direct_reader::Status status)
{
    switch (status)
    {
    case direct_reader::Status::read:
        return "read";
    case direct_reader::Status::needs_office:
        return "needs_office";
    case direct_reader::Status::unreadable:
        return "unreadable";
    }
    return "?";
}

std::string dump(const direct_reader::Result& result, bool summary)
{
    const validation::Workbook& workbook = result.workbook;
    std::string out = "{\"file\":" + json_string(workbook.file_name) +
                      ",\"status\":" + json_string(status_name(result.status)) +
                      ",\"reason\":" + json_string(result.reason.en) +
                      ",\"reasonFr\":" + json_string(result.reason.fr) + ",\"advice\":" +
                      (result.office_advice ? json_string(result.office_advice->en) : "null") +
                      ",\"peakKiB\":" + std::to_string(result.child_peak_kib) +
                      ",\"seconds\":" + json_number(result.seconds);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", workbook.null_date.year,
                  workbook.null_date.month, workbook.null_date.day);
    out += ",\"nullDate\":" + json_string(date) + ",\"properties\":{";
    bool first = true;
    for (const auto& [name, value] : workbook.properties)
    {
        out += (first ? "" : ",") + json_string(name) + ":" + json_string(value);
        first = false;
    }
    out += "},\"sheets\":[";
    for (std::size_t index = 0; index < workbook.sheets.size(); ++index)
    {
        const validation::Sheet& sheet = workbook.sheets[index];
        out += (index ? ",{" : "{") + std::string("\"name\":") + json_string(sheet.name) +
               ",\"rows\":" + std::to_string(sheet.rows) +
               ",\"columns\":" + std::to_string(sheet.columns);
        std::size_t filled = 0;
        std::string cells;
        for (std::size_t row = 0; row < sheet.rows; ++row)
            for (std::size_t column = 0; column < sheet.columns; ++column)
            {
                const validation::Cell& cell = sheet.at(row, column);
                if (cell.is_empty())
                    continue;
                ++filled;
                if (summary)
                    continue;
                std::string value;
                const char* kind = "empty";
                switch (cell.kind)
                {
                case validation::Cell::Kind::empty:
                    value = "null";
                    break;
                case validation::Cell::Kind::number:
                    kind = "number";
                    value = json_number(cell.number);
                    break;
                case validation::Cell::Kind::text:
                    kind = "text";
                    value = json_string(cell.text);
                    break;
                case validation::Cell::Kind::error:
                    kind = "error";
                    value = json_string(cell.text);
                    break;
                }
                cells += (cells.empty() ? "[" : ",[") + std::to_string(row) + "," +
                         std::to_string(column) + ",\"" + kind + "\"," + value + "," +
                         (cell.is_formula() ? "true" : "false") + "]";
            }
        out += ",\"filled\":" + std::to_string(filled);
        if (!summary)
            out += ",\"cells\":[" + cells + "]";
        out += "}";
    }
    return out + "]}";
}
} // namespace

int main(int argc, char** argv)
{
    bool isolated = false, summary = false, all_read = true;
    std::string out = "[";
    bool first = true;
    for (int index = 1; index < argc; ++index)
    {
        const std::string argument = argv[index];
        if (argument == "--isolated")
            isolated = true;
        else if (argument == "--summary")
            summary = true;
        else
        {
            const direct_reader::Result result = isolated ? direct_reader::read_isolated(argument)
                                                          : direct_reader::read_file(argument);
            all_read = all_read && result.status == direct_reader::Status::read;
            out += (first ? "" : ",\n") + dump(result, summary);
            first = false;
        }
    }
    out += "]\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return all_read ? 0 : 1;
}
