#include "workbook_reader.hxx"

#include "uno_text.hxx"

#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XFunctionAccess.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XSearchDescriptor.hpp>
#include <com/sun/star/util/XSearchable.hpp>

#include <algorithm>
#include <charconv>
#include <set>
#include <utility>
#include <vector>

namespace css = com::sun::star;

namespace onepercent::uno_workbook
{
namespace
{
using validation::Cell;

std::string any_to_text(const css::uno::Any& value)
{
    rtl::OUString text;
    if (value >>= text)
        return to_utf8(text);
    double number = 0.0;
    if (value >>= number)
    {
        char buffer[64];
        const auto result =
            std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::general, 15);
        return std::string(buffer, result.ptr);
    }
    bool flag = false;
    if (value >>= flag)
        return flag ? "1" : "0";
    return {};
}

std::map<std::string, std::string>
user_defined_properties(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document)
{
    std::map<std::string, std::string> properties;
    const css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier(
        document, css::uno::UNO_QUERY);
    if (!supplier.is())
        return properties;
    const css::uno::Reference<css::beans::XPropertySet> user_defined(
        supplier->getDocumentProperties()->getUserDefinedProperties(), css::uno::UNO_QUERY);
    if (!user_defined.is())
        return properties;
    for (const css::beans::Property& property : user_defined->getPropertySetInfo()->getProperties())
        properties[to_utf8(property.Name)] =
            any_to_text(user_defined->getPropertyValue(property.Name));
    return properties;
}

template <class Visit>
void for_each_cell(const css::uno::Reference<css::sheet::XSheetCellRanges>& ranges,
                   validation::Sheet& model,
                   Visit visit)
{
    if (!ranges.is())
        return;
    for (const css::table::CellRangeAddress& range : ranges->getRangeAddresses())
        for (sal_Int32 row = range.StartRow; row <= range.EndRow; ++row)
            for (sal_Int32 column = range.StartColumn; column <= range.EndColumn; ++column)
                if (static_cast<std::size_t>(row) < model.rows &&
                    static_cast<std::size_t>(column) < model.columns)
                    visit(model.cells[static_cast<std::size_t>(row) * model.columns +
                                      static_cast<std::size_t>(column)],
                          row, column);
}

// 1073741824 -> "1,073,741,824" (English) or "1 073 741 824" with no-break spaces (French).
std::string grouped(std::size_t number, const char* separator)
{
    const std::string digits = std::to_string(number);
    std::string text;
    for (std::size_t index = 0; index < digits.size(); ++index)
    {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            text += separator;
        text += digits[index];
    }
    return text;
}

// What the reader keeps across the sheets of one workbook.
struct ReadState
{
    const ReadOptions& options;
    std::size_t cells = 0; // of the areas read so far
    std::size_t unpaired_surrogate_cells = 0;
    css::uno::Reference<css::sheet::XFunctionAccess> functions; // made when first needed
};

void store(Cell& cell, const css::uno::Any& value)
{
    double number = 0.0;
    rtl::OUString text;
    if (value >>= number)
    {
        cell.kind = Cell::Kind::number;
        cell.number = number;
    }
    else if ((value >>= text) && !text.isEmpty())
    {
        cell.kind = Cell::Kind::text;
        cell.text = to_utf8(text);
    }
}

// The cells of `sheet` whose value (a constant or a formula's result) holds an unpaired
// UTF-16 surrogate: one search inside the office, nothing of the text crosses the bridge.
std::set<std::pair<sal_Int32, sal_Int32>>
unpaired_surrogate_cells(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet)
{
    std::set<std::pair<sal_Int32, sal_Int32>> cells;
    const css::uno::Reference<css::util::XSearchable> searchable(sheet, css::uno::UNO_QUERY);
    if (!searchable.is())
        return cells;
    const css::uno::Reference<css::util::XSearchDescriptor> search =
        searchable->createSearchDescriptor();
    search->setSearchString("\\p{Cs}"); // ICU: a surrogate code unit that is not part of a pair
    const css::uno::Reference<css::beans::XPropertySet> properties(search,
                                                                   css::uno::UNO_QUERY_THROW);
    properties->setPropertyValue("SearchRegularExpression", css::uno::Any(true));
    properties->setPropertyValue("SearchType", css::uno::Any(sal_Int16(1))); // values, not formulas
    const css::uno::Reference<css::container::XIndexAccess> found = searchable->findAll(search);
    if (!found.is())
        return cells;
    for (sal_Int32 index = 0; index < found->getCount(); ++index)
    {
        const css::uno::Reference<css::sheet::XCellRangeAddressable> range(found->getByIndex(index),
                                                                           css::uno::UNO_QUERY);
        if (!range.is())
            continue;
        const css::table::CellRangeAddress address = range->getRangeAddress();
        for (sal_Int32 row = address.StartRow; row <= address.EndRow; ++row)
            for (sal_Int32 column = address.StartColumn; column <= address.EndColumn; ++column)
                cells.emplace(row, column);
    }
    return cells;
}

// A cell's text with its unpaired surrogates replaced by U+FFFD, inside the office (REGEX of
// its FunctionAccess), so that only valid text crosses the bridge.
void read_repaired_text(Cell& cell,
                        const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                        sal_Int32 row,
                        sal_Int32 column,
                        ReadState& state)
{
    if (!state.functions.is())
        state.functions.set(
            state.options.remote_office->getServiceManager()->createInstanceWithContext(
                "com.sun.star.sheet.FunctionAccess", state.options.remote_office),
            css::uno::UNO_QUERY_THROW);
    css::uno::Sequence<css::uno::Any> arguments(4);
    css::uno::Any* argument = arguments.getArray();
    argument[0] <<= sheet->getCellRangeByPosition(column, row, column, row);
    argument[1] <<= rtl::OUString("\\p{Cs}");
    const sal_Unicode replacement = 0xFFFD;
    argument[2] <<= rtl::OUString(&replacement, 1);
    argument[3] <<= rtl::OUString("g");
    const css::uno::Any result = state.functions->callFunction("REGEX", arguments);
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> matrix;
    if ((result >>= matrix) && matrix.getLength() > 0 && matrix[0].getLength() > 0)
        store(cell, matrix[0][0]);
    else
        store(cell, result);
}

validation::Sheet read_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                             ReadState& state)
{
    validation::Sheet model;
    model.name = to_utf8(
        css::uno::Reference<css::container::XNamed>(sheet, css::uno::UNO_QUERY_THROW)->getName());
    const css::uno::Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    css::uno::Reference<css::sheet::XUsedAreaCursor>(cursor, css::uno::UNO_QUERY_THROW)
        ->gotoEndOfUsedArea(false);
    const css::table::CellRangeAddress end =
        css::uno::Reference<css::sheet::XCellRangeAddressable>(cursor, css::uno::UNO_QUERY_THROW)
            ->getRangeAddress();
    const css::uno::Reference<css::table::XCellRange> used =
        sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    const css::uno::Reference<css::sheet::XCellRangesQuery> query(used, css::uno::UNO_QUERY_THROW);

    constexpr sal_Int16 content_flags =
        css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
        css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA;
    // The model spans A1 to the used area's end: its last cell with content, or with visible
    // formatting. The cell limit is checked before anything is read.
    std::size_t rows = static_cast<std::size_t>(end.EndRow) + 1;
    std::size_t columns = static_cast<std::size_t>(end.EndColumn) + 1;
    const std::size_t limit = state.options.cell_limit;
    const auto too_large = [&](std::size_t height, std::size_t width)
    { return height > limit / width || state.cells + height * width > limit; };
    if (too_large(rows, columns))
    {
        // Formatting may reach far past the data: then the content decides. One query of the
        // whole area, only here: on a large table its range list costs the office time that
        // grows faster than the rows (a 300,000-row table: a minute).
        const css::uno::Reference<css::sheet::XSheetCellRanges> content =
            query->queryContentCells(content_flags);
        sal_Int32 last_row = -1, last_column = -1;
        if (content.is())
            for (const css::table::CellRangeAddress& range : content->getRangeAddresses())
            {
                last_row = std::max(last_row, range.EndRow);
                last_column = std::max(last_column, range.EndColumn);
            }
        if (last_row < 0)
            return model;
        rows = static_cast<std::size_t>(last_row) + 1;
        columns = static_cast<std::size_t>(last_column) + 1;
    }
    if (too_large(rows, columns))
    {
        const std::string last = validation::cell_name(rows - 1, columns - 1);
        const std::size_t area = rows * columns; // at most 2^20 x 2^14: no overflow
        throw ReadRefused(
            "the workbook is too large to validate: the sheet \"" + model.name + "\" reaches " +
                last + " (" + grouped(area, ",") +
                " cells from A1), and a workbook may hold at most " + grouped(limit, ",") +
                " cells; delete the stray cells past the data",
            "le classeur est trop grand pour être validé : la feuille « " + model.name +
                " » va jusqu'à " + last + " (" + grouped(area, "\u00A0") +
                " cellules depuis A1), et un classeur peut en compter au plus " +
                grouped(limit, "\u00A0") + " ; supprimer les cellules isolées au-delà des données");
    }
    state.cells += rows * columns;
    model.rows = rows;
    model.columns = columns;
    model.cells.resize(rows * columns);

    std::set<std::pair<sal_Int32, sal_Int32>> broken;
    if (state.options.remote_office.is())
    {
        broken = unpaired_surrogate_cells(sheet);
        state.unpaired_surrogate_cells += broken.size();
        if (state.unpaired_surrogate_cells > max_unpaired_surrogate_cells)
            throw ReadRefused(
                "more than " + std::to_string(max_unpaired_surrogate_cells) +
                    " cells hold text that is not valid Unicode (unpaired UTF-16 surrogates)",
                "plus de " + std::to_string(max_unpaired_surrogate_cells) +
                    " cellules contiennent du texte qui n'est pas de l'Unicode valide (des "
                    "demi-codets UTF-16 isolés)");
    }

    // Bands of whole rows of at most block_cells cells; a band without content is skipped
    // (one query of the band: its range list stays small).
    const std::size_t band = std::max<std::size_t>(1, block_cells / columns);
    for (std::size_t first = 0; first < rows; first += band)
    {
        const std::size_t last = std::min(rows, first + band) - 1;
        const css::uno::Reference<css::sheet::XCellRangesQuery> band_query(
            sheet->getCellRangeByPosition(0, static_cast<sal_Int32>(first),
                                          static_cast<sal_Int32>(columns - 1),
                                          static_cast<sal_Int32>(last)),
            css::uno::UNO_QUERY_THROW);
        const css::uno::Reference<css::sheet::XSheetCellRanges> band_content =
            band_query->queryContentCells(content_flags);
        if (!band_content.is() || band_content->getCount() == 0)
            continue;
        const auto begin = broken.lower_bound({static_cast<sal_Int32>(first), 0});
        const bool has_broken =
            begin != broken.end() && begin->first <= static_cast<sal_Int32>(last);
        // Row segments between broken cells (the whole band at once when there is none).
        auto read_block =
            [&](std::size_t top, std::size_t bottom, std::size_t left, std::size_t right)
        {
            const auto data = css::uno::Reference<css::sheet::XCellRangeData>(
                                  sheet->getCellRangeByPosition(static_cast<sal_Int32>(left),
                                                                static_cast<sal_Int32>(top),
                                                                static_cast<sal_Int32>(right),
                                                                static_cast<sal_Int32>(bottom)),
                                  css::uno::UNO_QUERY_THROW)
                                  ->getDataArray();
            for (sal_Int32 row = 0; row < data.getLength(); ++row)
            {
                const css::uno::Sequence<css::uno::Any>& values = data[row];
                for (sal_Int32 column = 0; column < values.getLength(); ++column)
                    store(model.cells[(top + static_cast<std::size_t>(row)) * columns + left +
                                      static_cast<std::size_t>(column)],
                          values[column]);
            }
        };
        if (!has_broken)
        {
            read_block(first, last, 0, columns - 1);
            continue;
        }
        for (std::size_t row = first; row <= last; ++row)
        {
            std::size_t left = 0;
            for (auto cell = broken.lower_bound({static_cast<sal_Int32>(row), 0});
                 cell != broken.end() && cell->first == static_cast<sal_Int32>(row); ++cell)
            {
                const auto column = static_cast<std::size_t>(cell->second);
                if (column >= columns)
                    break;
                if (column > left)
                    read_block(row, row, left, column - 1);
                read_repaired_text(model.cells[row * columns + column], sheet,
                                   static_cast<sal_Int32>(row), cell->second, state);
                left = column + 1;
            }
            if (left < columns)
                read_block(row, row, left, columns - 1);
        }
    }

    // Which cells hold a formula: one query, not getFormulaArray, which renders the text of
    // every formula (most of a bulk read's time on a large sheet) that no rule reads.
    for_each_cell(query->queryContentCells(css::sheet::CellFlags::FORMULA), model,
                  [](Cell& cell, sal_Int32, sal_Int32) { cell.formula = "="; });
    // Error results: one query, then only those cells, to name the error.
    for_each_cell(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), model,
                  [&](Cell& cell, sal_Int32 row, sal_Int32 column)
                  {
                      cell.kind = Cell::Kind::error;
                      cell.text = validation::error_text_of_code(
                          sheet->getCellByPosition(column, row)->getError());
                  });
    return model;
}
} // namespace

validation::Workbook
read_workbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
              const std::string& file_name,
              const ReadOptions& options)
{
    validation::Workbook workbook;
    workbook.file_name = file_name;
    workbook.properties = user_defined_properties(document);
    const css::uno::Reference<css::beans::XPropertySet> settings(document, css::uno::UNO_QUERY);
    css::util::Date null_date;
    if (settings.is() && (settings->getPropertyValue("NullDate") >>= null_date))
        workbook.null_date = {null_date.Year, null_date.Month, null_date.Day};
    const css::uno::Reference<css::container::XIndexAccess> sheets(document->getSheets(),
                                                                   css::uno::UNO_QUERY_THROW);
    ReadState state{options, 0, 0, {}};
    for (sal_Int32 index = 0; index < sheets->getCount(); ++index)
        workbook.sheets.push_back(
            read_sheet(css::uno::Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(index),
                                                                     css::uno::UNO_QUERY_THROW),
                       state));
    return workbook;
}

} // namespace onepercent::uno_workbook
