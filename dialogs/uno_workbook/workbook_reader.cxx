#include "workbook_reader.hxx"

#include "uno_text.hxx"

#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/Date.hpp>

#include <sstream>

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
        std::ostringstream out;
        out.precision(15);
        out << number;
        return out.str();
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

// The error a formula cell shows, from its error code (codes of formula/errorcodes.hxx).
std::string error_text(sal_Int32 code)
{
    switch (code)
    {
    case 32767:
        return "#N/A";
    case 519:
        return "#VALUE!";
    case 524:
        return "#REF!";
    case 525:
        return "#NAME?";
    case 532:
        return "#DIV/0!";
    case 503:
        return "#NUM!";
    default:
        return "Err:" + std::to_string(code);
    }
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

validation::Sheet read_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet)
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

    const auto data =
        css::uno::Reference<css::sheet::XCellRangeData>(used, css::uno::UNO_QUERY_THROW)
            ->getDataArray();
    model.rows = static_cast<std::size_t>(end.EndRow) + 1;
    model.columns = static_cast<std::size_t>(end.EndColumn) + 1;
    model.cells.resize(model.rows * model.columns);
    for (sal_Int32 row = 0; row < data.getLength(); ++row)
    {
        const css::uno::Sequence<css::uno::Any>& values = data[row];
        for (sal_Int32 column = 0; column < values.getLength(); ++column)
        {
            Cell& cell = model.cells[static_cast<std::size_t>(row) * model.columns +
                                     static_cast<std::size_t>(column)];
            const css::uno::Any& value = values[column];
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
    }

    const css::uno::Reference<css::sheet::XCellRangesQuery> query(used, css::uno::UNO_QUERY_THROW);
    // Which cells hold a formula: one query, not getFormulaArray, which renders the text of
    // every formula (most of a bulk read's time on a large sheet) that no rule reads.
    for_each_cell(query->queryContentCells(css::sheet::CellFlags::FORMULA), model,
                  [](Cell& cell, sal_Int32, sal_Int32) { cell.formula = "="; });
    // Error results: one query, then only those cells, to name the error.
    for_each_cell(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), model,
                  [&](Cell& cell, sal_Int32 row, sal_Int32 column)
                  {
                      cell.kind = Cell::Kind::error;
                      cell.text = error_text(sheet->getCellByPosition(column, row)->getError());
                  });
    return model;
}
} // namespace

validation::Workbook
read_workbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
              const std::string& file_name)
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
    for (sal_Int32 index = 0; index < sheets->getCount(); ++index)
        workbook.sheets.push_back(read_sheet(css::uno::Reference<css::sheet::XSpreadsheet>(
            sheets->getByIndex(index), css::uno::UNO_QUERY_THROW)));
    return workbook;
}

} // namespace onepercent::uno_workbook
