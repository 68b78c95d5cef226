// Reads a spreadsheet document into the validator's Workbook model with bulk reads:
// getDataArray and getFormulaArray once per sheet's used area, never a UNO call per cell
// (except the few cells whose result is an error, to name the error).
#pragma once

#include "workbook_model.hxx"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace onepercent::uno_workbook
{
validation::Workbook read_workbook(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& document,
    const std::string& file_name);
}
