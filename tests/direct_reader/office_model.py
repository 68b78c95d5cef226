"""The workbook model as the office reads it, in the JSON shape of onepercent-direct-dump.

Mirrors dialogs/uno_workbook/workbook_reader.cxx over the UNO bridge: the cells with content
(VALUE|DATETIME|STRING|FORMULA) give the area from A1, getDataArray gives numbers and
non-empty text, queryContentCells(FORMULA) the formula cells, queryFormulaCells(ERROR) and
getError() the errors, named as the reader names them; user-defined properties as its
any_to_text writes them; the document's NullDate.

Run with the Python that imports uno (/usr/bin/python3), inside tests/calc/office.py's Office.
"""
import math

CONTENT = 1 | 2 | 4 | 16      # CellFlags VALUE | DATETIME | STRING | FORMULA
FORMULA = 16                  # CellFlags.FORMULA
ERROR = 4                     # FormulaResult.ERROR
ERROR_NAMES = {32767: "#N/A", 519: "#VALUE!", 524: "#REF!", 525: "#NAME?", 532: "#DIV/0!",
               503: "#NUM!"}


def error_text(code):
    return ERROR_NAMES.get(code, "Err:%d" % code)


def any_to_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return format(float(value), ".15g")
    return ""


def properties_of(document):
    user = document.getDocumentProperties().getUserDefinedProperties()
    result = {}
    for prop in user.getPropertySetInfo().getProperties():
        result[prop.Name] = any_to_text(user.getPropertyValue(prop.Name))
    return result


def _ranges(ranges):
    return list(ranges.getRangeAddresses()) if ranges is not None else []


def sheet_model(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    content = _ranges(used.queryContentCells(CONTENT))
    model = {"name": sheet.getName(), "rows": 0, "columns": 0, "cells": []}
    if not content:
        model["filled"] = 0
        return model
    last_row = max(r.EndRow for r in content)
    last_column = max(r.EndColumn for r in content)
    cells = {}
    data = sheet.getCellRangeByPosition(0, 0, last_column, last_row).getDataArray()
    for row, values in enumerate(data):
        for column, value in enumerate(values):
            if isinstance(value, float):
                cells[(row, column)] = ["number", value, False]
            elif isinstance(value, str) and value:
                cells[(row, column)] = ["text", value, False]
    for address in _ranges(used.queryContentCells(FORMULA)):
        for row in range(address.StartRow, address.EndRow + 1):
            for column in range(address.StartColumn, address.EndColumn + 1):
                if row <= last_row and column <= last_column:
                    cells.setdefault((row, column), ["empty", None, False])[2] = True
    for address in _ranges(used.queryFormulaCells(ERROR)):
        for row in range(address.StartRow, address.EndRow + 1):
            for column in range(address.StartColumn, address.EndColumn + 1):
                if row <= last_row and column <= last_column:
                    code = sheet.getCellByPosition(column, row).getError()
                    cell = cells.setdefault((row, column), ["empty", None, False])
                    cell[0], cell[1] = "error", error_text(code)
    model["rows"], model["columns"] = last_row + 1, last_column + 1
    model["cells"] = [[row, column] + cells[(row, column)] for row, column in sorted(cells)]
    model["filled"] = len(model["cells"])
    return model


def workbook_model(document, file_name=""):
    null = document.NullDate
    sheets = document.getSheets()
    return {
        "file": file_name,
        "status": "read",
        "nullDate": "%04d-%02d-%02d" % (null.Year, null.Month, null.Day),
        "properties": properties_of(document),
        "sheets": [sheet_model(sheets.getByIndex(i)) for i in range(sheets.getCount())],
    }


def differences(office, direct, limit=20):
    """What differs between two models (the office's first), as readable lines."""
    found = []

    def note(text):
        if len(found) < limit:
            found.append(text)
        elif len(found) == limit:
            found.append("...")

    if office["nullDate"] != direct["nullDate"]:
        note("null date: office %s, direct %s" % (office["nullDate"], direct["nullDate"]))
    if office["properties"] != direct["properties"]:
        note("properties: office %r, direct %r" % (office["properties"], direct["properties"]))
    names_o = [s["name"] for s in office["sheets"]]
    names_d = [s["name"] for s in direct["sheets"]]
    if names_o != names_d:
        note("sheets: office %r, direct %r" % (names_o, names_d))
        return found
    for so, sd in zip(office["sheets"], direct["sheets"]):
        if (so["rows"], so["columns"]) != (sd["rows"], sd["columns"]):
            note("%s: area office %dx%d, direct %dx%d" % (
                so["name"], so["rows"], so["columns"], sd["rows"], sd["columns"]))
        co = {(c[0], c[1]): c[2:] for c in so["cells"]}
        cd = {(c[0], c[1]): c[2:] for c in sd["cells"]}
        for key in sorted(set(co) | set(cd)):
            a, b = co.get(key), cd.get(key)
            if a == b:
                continue
            if a and b and a[0] == b[0] == "number" and a[2] == b[2] and \
                    isinstance(a[1], float) and isinstance(b[1], float) and \
                    math.isclose(a[1], b[1], rel_tol=0, abs_tol=1e-9) and abs(a[1]) < 1e6 and \
                    a[1] != math.floor(a[1]):
                continue    # a time of day: the office rounds to its own clock resolution
            note("%s!R%dC%d: office %r, direct %r" % (so["name"], key[0] + 1, key[1] + 1, a, b))
    return found
