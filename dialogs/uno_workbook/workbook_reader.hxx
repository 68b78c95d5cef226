// Reads a spreadsheet document into the validator's Workbook model with bulk reads: the cells
// with content are located with one query per sheet, and read with getDataArray in blocks of
// at most `block_cells` cells, skipping empty areas; never a UNO call per cell (except the
// few cells whose result is an error, to name the error, and cells whose text UNO cannot
// carry, see below).
#pragma once

#include "workbook_model.hxx"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>

namespace onepercent::uno_workbook
{
// The model holds every cell of each sheet's area from A1 to its last cell with content; a
// workbook whose areas add up to more cells than this is refused (a 641-byte file can put
// one cell at AMJ1048576: a billion cells). 10 million cells hold 300,000 rows of 30 columns.
// Documented in README.md and docs/template-layout.md.
constexpr std::size_t default_cell_limit = 10'000'000;
constexpr std::size_t block_cells = 65'536;
// Unpaired UTF-16 surrogates (an .xlsx string may hold "_xD800_") break the UNO bridge when
// a remote client reads them: such cells are read one by one with the surrogates replaced
// by U+FFFD, up to this many per workbook.
constexpr std::size_t max_unpaired_surrogate_cells = 1000;

struct ReadOptions
{
    std::size_t cell_limit = default_cell_limit;
    // For a remote office (the batch validator): its context, to read cells with unpaired
    // surrogates through its FunctionAccess. Empty inside the office (the dialog), where no
    // bridge carries the text.
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> remote_office;
};

// The workbook cannot be read as it is (too large, too much broken text): the reason in
// English (what()) and French.
class ReadRefused : public std::runtime_error
{
  public:
    ReadRefused(const std::string& english, std::string french)
        : std::runtime_error(english)
        , french_(std::move(french))
    {
    }
    const std::string& french() const { return french_; }

  private:
    std::string french_;
};

validation::Workbook read_workbook(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& document,
    const std::string& file_name,
    const ReadOptions& options = {});
} // namespace onepercent::uno_workbook
