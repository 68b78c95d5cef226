// The direct reader: fills the validator's Workbook model straight from an .xlsx/.xlsm, .ods/.ots
// or .fods file, without an office, exactly as the UNO reader (dialogs/uno_workbook) does:
// values and the results the file stores for its formulas (numbers, text, dates, booleans,
// errors), which cells hold formulas, sheet names, user-defined document properties and the
// null date. No UNO, no formula engine, no macro engine: formulas are never computed, only
// the results the file stores are read.
//
// Client files are untrusted. Every unpacked part is capped before it is inflated (a zip bomb
// is a finding), XML declares no DTD (external entities are never resolved: a DOCTYPE is
// refused), and the batch validator reads each file in a child process with memory and time
// limits (read_isolated), so that a hostile file ends that child, never the batch.
//
// Some files cannot be judged from what they store; the reader says so and the batch
// validator's `--reader auto` hands them to the office (Status::needs_office and
// Result::office_advice): .xls and other formats, encrypted files, formulas without a stored
// result, and stored results that the office would recompute differently (written by another
// program than LibreOffice, #NAME? from a missing add-in, error results in .xlsx, volatile
// functions). Measured facts behind these choices: README.md, "Reading without an office".
#pragma once

#include "workbook_model.hxx"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onepercent::direct_reader
{
struct Limits
{
    // Bytes of one unpacked part (content.xml, a worksheet) or of a whole .fods file. The
    // 50,000-row benchmark workbook's content.xml is 189 MB.
    std::uint64_t max_part_bytes = 768ull << 20;
    // Bytes of all the parts read from one file.
    std::uint64_t max_unpacked_bytes = 1536ull << 20;
    // Cells of the model: every sheet's area from A1 to its last cell with content, added up.
    // The same limit as the UNO reader (dialogs/uno_workbook/workbook_reader.hxx).
    std::size_t max_cells = 10'000'000;
    // read_isolated only: wall-clock seconds and address space the child may use beyond what
    // it inherits.
    unsigned seconds = 120;
    std::uint64_t memory_bytes = 2048ull << 20;
};

enum class Status
{
    read,         // `workbook` holds the file
    needs_office, // the direct reader cannot judge this file: `reason` says why
    unreadable    // corrupt, malformed, over a limit: `reason` says why (final, no office)
};

struct Message
{
    std::string en;
    std::string fr;
    const std::string& in(Language language) const { return language == Language::fr ? fr : en; }
};

struct Result
{
    Status status = Status::unreadable;
    validation::Workbook workbook; // file_name set; sha256 left to the caller
    Message reason;                // needs_office and unreadable
    // Read, but the office would show some results differently from what the file stores
    // (see above): `--reader auto` uses the office for it, `--reader direct` reads the file.
    std::optional<Message> office_advice;
    // read_isolated: the child's peak resident memory (kB) and wall time.
    long child_peak_kib = 0;
    double seconds = 0.0;
};

// Reads in this process: only the size and cell caps apply (tests and fuzzing).
Result read_file(const std::string& path, const Limits& limits = {});
Result read_bytes(std::string_view bytes, const std::string& file_name, const Limits& limits = {});

// Reads in a forked child with RLIMIT_AS, RLIMIT_CPU, no file writes, a wall-clock deadline
// and the parent's death ending it. Never throws: every failure is a Result.
Result read_isolated(const std::string& path, const Limits& limits = {});

// What kind of file this is, from its first bytes (not its name): for messages and tests.
enum class Format
{
    zip,  // .xlsx/.xlsm (OOXML) or .ods/.ots (ODF), told apart inside
    ole,  // .xls, or an encrypted .xlsx (an OLE2 compound file)
    xml,  // .fods, or another XML format
    other // not a spreadsheet format the direct reader knows
};
Format sniff_format(std::string_view first_bytes);

} // namespace onepercent::direct_reader
