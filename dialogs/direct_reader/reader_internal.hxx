// Internal to the direct reader: the error type, the model stream (a compact encoding of the
// Workbook that a child process sends to its parent), the XML layer over orcus's SAX parser,
// the zip layer over libzip, and the two format readers.
#pragma once

#include "direct_reader.hxx"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::direct_reader::detail
{
// A read that cannot go on: needs_office or unreadable, with the reason.
class ReadError : public std::exception
{
  public:
    ReadError(Status status, Message message)
        : status_(status)
        , message_(std::move(message))
    {
    }
    Status status() const { return status_; }
    const Message& message() const { return message_; }
    const char* what() const noexcept override { return message_.en.c_str(); }

  private:
    Status status_;
    Message message_;
};
[[noreturn]] void unreadable(std::string en, std::string fr);
[[noreturn]] void needs_office(std::string en, std::string fr);

// ---- The model stream ----------------------------------------------------------------------
// Records: 'D' null date, 'P' a property, 'S' a whole sheet (its cells, sparse), 'A' advice,
// 'E' the end with the status. A child writes it to a pipe as it reads; the parent decodes
// it with every count and index checked (the child read a hostile file).
class ByteSink
{
  public:
    virtual ~ByteSink() = default;
    virtual void write(const char* data, std::size_t size) = 0;
};

class StringSink : public ByteSink
{
  public:
    void write(const char* data, std::size_t size) override { bytes.append(data, size); }
    std::string bytes;
};

// LibreOffice's sheet size (7.4, without "very large spreadsheets"): cells past it are
// dropped when the office loads a file, so the direct reader drops them too.
constexpr std::uint32_t max_rows = 1'048'576;
constexpr std::uint32_t max_columns = 1'024;

class ModelWriter
{
  public:
    ModelWriter(ByteSink& sink, const Limits& limits);

    void null_date(CivilDate date);
    void property(std::string_view name, std::string_view value);
    void advice(const Message& message); // the first one is kept
    void begin_sheet(std::string_view name);
    // Cells in any order; an empty, non-formula cell is not written.
    void number(std::uint32_t row, std::uint32_t column, double value, bool formula);
    void text(std::uint32_t row, std::uint32_t column, std::string_view value, bool formula);
    void error(std::uint32_t row, std::uint32_t column, std::string_view shown, bool formula);
    void empty_formula(std::uint32_t row, std::uint32_t column); // a formula showing nothing
    // Throws when the area from A1 to (rows, columns) would pass the cell limit.
    void reserve_area(std::uint64_t rows, std::uint64_t columns);
    void end_sheet();
    void finish(); // 'E' read

    std::size_t sheet_count() const { return sheets_; }

  private:
    bool cell_header(std::uint32_t row, std::uint32_t column, unsigned char tag);

    ByteSink& sink_;
    const Limits& limits_;
    std::string sheet_name_;
    std::string cells_; // the open sheet's records
    std::uint64_t cell_count_ = 0;
    std::uint64_t rows_ = 0, columns_ = 0; // the open sheet's area
    std::uint64_t finished_area_ = 0;      // the closed sheets' areas
    std::size_t sheets_ = 0;
    bool in_sheet_ = false;
    bool advised_ = false;
};
// Writes the 'E' record of a failed read.
void write_failure(ByteSink& sink, Status status, const Message& message);

// Decodes a stream into a Result; a truncated or inconsistent stream is unreadable.
Result decode_model(std::string_view bytes, const std::string& file_name, const Limits& limits);

// The ranges of array formulas (matrices): every cell of one holds the formula for the office.
class ArrayRanges
{
  public:
    // Unreadable past 1000 ranges open at once; a single cell is not kept (it holds the
    // formula itself).
    void add(std::uint64_t first_row,
             std::uint64_t first_column,
             std::uint64_t last_row,
             std::uint64_t last_column);
    // Drops the ranges that end above `row` (rows come in order in both formats).
    void start_row(std::uint64_t row);
    bool contains(std::uint64_t row, std::uint64_t column) const;

  private:
    struct Range
    {
        std::uint64_t first_row, first_column, last_row, last_column;
    };
    std::vector<Range> ranges_;
};

// ---- XML ------------------------------------------------------------------------------------
enum class Ns : unsigned char
{
    none, // an unprefixed attribute
    other,
    xml,
    office,
    table,
    text,
    meta,
    calcext,
    manifest,
    sml,      // SpreadsheetML main (transitional or strict)
    rel,      // officeDocument relationships (r:id)
    pkg_rel,  // package relationships (.rels)
    custom,   // custom properties
    extended, // extended properties (app.xml)
    vt        // docPropsVTypes
};

struct XmlAttribute
{
    Ns ns;
    std::string_view name;
    std::string_view value; // valid during the start_element call only
};

class XmlHandler
{
  public:
    virtual ~XmlHandler() = default;
    virtual void start_element(Ns ns,
                               std::string_view name,
                               const XmlAttribute* attributes,
                               std::size_t count) = 0;
    virtual void end_element(Ns ns, std::string_view name) = 0;
    // Text between tags, entities decoded; valid during the call only.
    virtual void characters(std::string_view text) = 0;
};

// Parses a whole document, whose next byte must be readable: pass a std::string's contents
// (orcus reads the byte after a document that ends inside a declaration). Unreadable when it is not
// well-formed as far as checked (UTF-8, characters, entity references, matching tags, one root),
// declares a DOCTYPE (never processed) or another encoding than UTF-8. `part` names it in messages.
void parse_xml(std::string_view document, XmlHandler& handler, std::string_view part);

// The attribute's value, or "" (and `found` false) when absent.
std::string_view attribute(const XmlAttribute* attributes,
                           std::size_t count,
                           Ns ns,
                           std::string_view name,
                           bool* found = nullptr);

// ---- zip ------------------------------------------------------------------------------------
class ZipArchive
{
  public:
    ZipArchive(std::string_view bytes, const Limits& limits); // in memory (fuzzing)
    ZipArchive(const std::string& path, const Limits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(std::string_view name, bool any_case = false) const;
    // The unpacked part; unreadable past the caps, needs_office when encrypted.
    std::string read(std::string_view name, bool any_case = false);
    bool any_entry_encrypted() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// ---- the formats ----------------------------------------------------------------------------
void read_ods(ZipArchive& archive, ModelWriter& writer);
void read_flat_ods(std::string_view document, ModelWriter& writer);
void read_xlsx(ZipArchive& archive, ModelWriter& writer);

// Reads the file at `path` into `sink`, the stream always ending with its status (the child
// process of read_isolated runs this).
void read_path_guarded(const std::string& path, const Limits& limits, ByteSink& sink);

// Shared by both: the text of an error as the UNO reader names it (its error code, as
// formula/errorcodes.hxx numbers them) from the text a file stores; nullopt for text that
// LibreOffice does not take for an error.
std::optional<std::string> error_shown(std::string_view stored);
// Numbers as LibreOffice reads them from XML: leading/trailing white space allowed; nullopt
// otherwise.
std::optional<double> parse_number(std::string_view text);
// An xsd:date or xsd:dateTime as a serial from `null_date`.
std::optional<double> parse_date_serial(std::string_view text, CivilDate null_date);
std::optional<CivilDate> parse_civil_date(std::string_view text);
// An xsd:duration (PT12H30M) as days.
std::optional<double> parse_duration_days(std::string_view text);
// A number as the UNO reader's any_to_text writes it (15 significant digits, %g).
std::string number_text15(double value);
// Whether a formula calls a function that the office recomputes on every load.
bool calls_volatile_function(std::string_view formula);
// Whether a program that wrote the file is LibreOffice (or an office built from it).
bool written_by_libreoffice(std::string_view generator);

} // namespace onepercent::direct_reader::detail
