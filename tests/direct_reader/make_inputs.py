"""Workbooks for the differential tests, made at test time under the build folder.

office_copies(): the committed samples computed by the office with the extension and stored as
  .ods, .fods and .xlsx (LibreOffice writes their results), and a small benchmark workbook
  (bench/make_large_workbook.py, 300 expenses).
torture_documents(): cells of every kind the readers must agree on (text with spaces, line
  feeds, tabs, rich text, links, comments; numbers, dates, times, booleans, percentages;
  formulas with each kind of result, array formulas, merged and repeated cells; properties
  of each type; a 1904 null date), made through UNO and stored in the three formats.
hand_made(): files written here byte for byte, for what LibreOffice never writes but a client's
  file may hold (text:line-break and text:tab inside spans, unknown elements, old error
  strings, inline strings, _xHHHH_ escapes, cells without references...).
disagreeing(): a copy of the clean sample whose stored result the office recomputes: the
  differential test must fail on it (the test of the test).
"""
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import office  # noqa: E402
import uno  # noqa: E402

FILTERS = {".ods": "calc8", ".fods": "OpenDocument Spreadsheet Flat XML",
           ".xlsx": "Calc MS Excel 2007 XML"}
LO_GENERATOR = "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2"


def store_all(document, stem):
    paths = []
    for extension, filter_name in FILTERS.items():
        path = stem + extension
        document.storeToURL(office.file_url(path), office.props(FilterName=filter_name,
                                                                Overwrite=True))
        paths.append(path)
    return paths


def office_copies(the_office, folder, samples):
    """The samples computed by the office (the extension installed) in the three formats."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for name in ("client-clean", "client-planted"):
        document = the_office.load(os.path.join(samples, name + ".fods"), hidden=True,
                                   read_only=True)
        try:
            document.calculateAll()
            paths += store_all(document, os.path.join(folder, name))
        finally:
            office.close_document(document)
    return paths


def small_bench(the_office, folder, template):
    import make_large_workbook
    stem = os.path.join(folder, "bench-small")
    make_large_workbook.make_workbook(
        the_office, template, stem + ".ods",
        {"employees": 60, "activities": 12, "participation": 80, "expenses": 300},
        lambda message: None)
    document = the_office.load(stem + ".ods", hidden=True, read_only=True)
    try:
        document.storeToURL(office.file_url(stem + ".xlsx"), office.props(
            FilterName=FILTERS[".xlsx"], Overwrite=True))
        document.storeToURL(office.file_url(stem + ".fods"), office.props(
            FilterName=FILTERS[".fods"], Overwrite=True))
    finally:
        office.close_document(document)
    return [stem + ".ods", stem + ".xlsx", stem + ".fods"]


def _number_format(document, code):
    formats = document.getNumberFormats()
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    if key == -1:
        key = formats.addNew(code, locale)
    return key


def torture_documents(the_office, folder):
    os.makedirs(folder, exist_ok=True)
    paths = []
    for variant in ("a", "b"):
        document = the_office.new_spreadsheet()
        try:
            sheets = document.getSheets()
            sheet = sheets.getByIndex(0)
            sheet.setName("Values")
            texts = ["plain", "  lead", "trail  ", "a  b   c", "line1\nline2", "tab\tx",
                     "é à ü 中文 😀", "_x0041_ literal", "<&>\"'", "=not a formula", "#N/A",
                     "Err:502", "x" * 3000, "\u00a0nbsp\u202fnarrow", " "]
            for row, text in enumerate(texts):
                sheet.getCellByPosition(0, row).setString(text)
            numbers = [0.0, 1e-300, 1.7976931348623157e308, -12345.678901234567,
                       0.30000000000000004, 1 / 3, 45730.0, 2025.0, 1e15 + 0.5]
            for row, number in enumerate(numbers):
                sheet.getCellByPosition(1, row).setValue(number)
            formats = [("YYYY-MM-DD", 45730.0), ("YYYY-MM-DD HH:MM:SS", 45730.75),
                       ("HH:MM:SS", 0.5), ("[HH]:MM:SS", 36.5), ("0%", 0.25),
                       ("BOOLEAN", 1.0), ("BOOLEAN", 0.0), ("#,##0.00 [$$-409]", 12.5),
                       ("YYYY-MM-DD", -5.0), ("HH:MM:SS.00", 0.123456789)]
            for row, (code, value) in enumerate(formats):
                cell = sheet.getCellByPosition(2, row)
                cell.setValue(value)
                cell.NumberFormat = _number_format(document, code)
            formulas = ["=1+1", "=\"\"", "=\"x\"", "=1/0", "=NA()", "=SQRT(-1)", "=A1&\"\"",
                        "=TRUE()", "=DATE(2025;1;1)", "=ROW()", "=\"  sp  \"",
                        "=\"a\"&CHAR(10)&\"b\"", "=B1", "=IF(B1=0;\"\";1)", "=#REF!",
                        "=NOSUCHFUNCTION()" if variant == "a" else "=2*3"]
            for row, formula in enumerate(formulas):
                sheet.getCellByPosition(3, row).setFormula(formula)
            sheet.getCellRangeByName("E1:E3").setArrayFormula("=B1:B3*2")
            # Rich text (spans), a link field, a comment, merged cells.
            cell = sheet.getCellRangeByName("F1").getCellByPosition(0, 0)
            text = cell.getText()
            cursor = text.createTextCursor()
            text.insertString(cursor, "bold ", False)
            cursor.gotoStart(False)
            cursor.goRight(4, True)
            cursor.CharWeight = 150.0
            cursor.gotoEnd(False)
            text.insertString(cursor, "plain ", False)
            field = document.createInstance("com.sun.star.text.TextField.URL")
            field.URL = "https://example.invalid/"
            field.Representation = "link"
            text.insertTextContent(cursor, field, False)
            text.insertString(cursor, " after", False)
            sheet.getCellRangeByName("F2").getCellByPosition(0, 0).setString("commented")
            address = uno.createUnoStruct("com.sun.star.table.CellAddress")
            address.Sheet, address.Column, address.Row = 0, 5, 1
            sheet.getAnnotations().insertNew(address, "a note\non two lines")
            merged = sheet.getCellRangeByName("F4:G5")
            sheet.getCellRangeByName("F4").getCellByPosition(0, 0).setString("merged")
            merged.merge(True)
            # Repeated cells and rows.
            for row in range(20, 26):
                for column in range(0, 4):
                    sheet.getCellByPosition(column, row).setValue(7.0)
            sheet.getCellByPosition(299, 2999 if variant == "a" else 99).setString("far")
            sheets.insertNewByName("Sheet with 'quote' & é", 1)
            other = sheets.getByIndex(1)
            other.getCellByPosition(0, 0).setString("hidden sheet")
            other.IsVisible = False
            sheets.insertNewByName("Empty", 2)
            props = document.getDocumentProperties().getUserDefinedProperties()
            props.addProperty("Text", 0, "value")
            props.addProperty("Number", 0, 1234.5)
            props.addProperty("Flag", 0, True)
            props.addProperty("OnePercentTemplate", 0, "org.onepercent.workbook")
            when = uno.createUnoStruct("com.sun.star.util.DateTime")
            when.Year, when.Month, when.Day = 2025, 3, 14
            props.addProperty("When", 0, when)
            if variant == "b":
                null_date = uno.createUnoStruct("com.sun.star.util.Date")
                null_date.Year, null_date.Month, null_date.Day = 1904, 1, 1
                document.NullDate = null_date
            document.calculateAll()
            paths += store_all(document, os.path.join(folder, "torture-" + variant))
        finally:
            office.close_document(document)
    return paths


# ---- files written byte for byte ---------------------------------------------------------

FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
xmlns:xlink="http://www.w3.org/1999/xlink" \
xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" \
xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" \
office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:meta>\
<meta:generator>{generator}</meta:generator>{meta}</office:meta><office:body>\
<office:spreadsheet>{settings}<table:table table:name="Hand">{rows}</table:table>\
</office:spreadsheet></office:body></office:document>"""

HAND_CELLS = [
    '<table:table-cell office:value-type="string"><text:p>a<text:line-break/>b</text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>a<text:tab/>b</text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>a<text:span>b<text:tab/>c'
    '<text:line-break/>d<text:span>nested</text:span>e</text:span>f</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>x<text:s text:c="3"/>y<text:s/>z'
    '<text:s text:c="0"/>w</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>a<text:unknown>lost</text:unknown>b'
    '<text:bookmark text:name="m"/>c</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>l<text:a xlink:href="http://e">'
    'in<text:span>side</text:span>k</text:a>!</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>one</text:p><text:p/><text:p>three'
    '</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string" office:string-value="attribute">'
    '<text:p>paragraph</text:p></table:table-cell>',
    '<table:table-cell><text:p>no value type</text:p></table:table-cell>',
    '<table:table-cell office:value-type="float" office:value="1e3"><text:p>x</text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="float" office:value=" 5 "/>',
    '<table:table-cell office:value-type="float" office:value="-0.000001"/>',
    '<table:table-cell office:value-type="date" office:date-value="2025-03-14T18:30:00"/>',
    '<table:table-cell office:value-type="date" office:date-value="1899-12-30"/>',
    '<table:table-cell office:value-type="time" office:time-value="-PT1H"/>',
    '<table:table-cell office:value-type="time" office:time-value="PT36H30M15S"/>',
    '<table:table-cell office:value-type="boolean" office:boolean-value="false"/>',
    '<table:table-cell office:value-type="percentage" office:value="0.125"/>',
    '<table:table-cell office:value-type="currency" office:currency="CAD" office:value="9.99"/>',
    '<table:table-cell office:value-type="string"><text:p>with note</text:p><office:annotation>'
    '<text:p>note text</text:p></office:annotation></table:table-cell>',
    '<table:table-cell table:number-columns-repeated="3" office:value-type="float" '
    'office:value="4"/>',
    '<table:covered-table-cell office:value-type="string"><text:p>covered</text:p>'
    '</table:covered-table-cell>',
    '<table:table-cell office:value-type="string"><text:p>  spaced   out  </text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>multi\nline raw</text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p><text:span>only span</text:span>'
    '</text:p></table:table-cell>',
    '<table:table-cell office:value-type="string"><text:p>&#x1F600;&amp;&lt;</text:p>'
    '</table:table-cell>',
]

HAND_META = ('<meta:user-defined meta:name="Float" meta:value-type="float">2.50</meta:user-defined>'
             '<meta:user-defined meta:name="Bool" meta:value-type="boolean">true</meta:user-defined>'
             '<meta:user-defined meta:name="Date" meta:value-type="date">2025-01-01'
             '</meta:user-defined><meta:user-defined meta:name="Plain">text</meta:user-defined>')


def hand_fods(path):
    rows = "".join("<table:table-row>%s</table:table-row>" % cell for cell in HAND_CELLS)
    rows += ('<table:table-row table:number-rows-repeated="3"><table:table-cell '
             'office:value-type="float" office:value="8" table:number-columns-repeated="2"/>'
             '</table:table-row>')
    rows += '<table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row>'
    settings = ('<table:calculation-settings><table:null-date table:date-value="1904-01-01"/>'
                '</table:calculation-settings>')
    with open(path, "w", encoding="utf-8") as file:
        file.write(FODS.format(generator=LO_GENERATOR, meta=HAND_META, settings=settings,
                               rows=rows))
    return path


XLSX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default \
Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/sharedStrings.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
<Override PartName="/docProps/app.xml" \
ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
<Override PartName="/docProps/custom.xml" \
ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"""
XLSX_RELS = """<?xml version="1.0" encoding="UTF-8"?><Relationships \
xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="xl/workbook.xml"/><Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
Target="docProps/app.xml"/><Relationship Id="rId3" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" \
Target="docProps/custom.xml"/></Relationships>"""
XLSX_APP = """<?xml version="1.0" encoding="UTF-8"?><Properties \
xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>{generator}</Application></Properties>"""
XLSX_CUSTOM = """<?xml version="1.0" encoding="UTF-8"?><Properties \
xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Text"><vt:lpwstr>v \
</vt:lpwstr></property><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="3" \
name="Int"><vt:i4>42</vt:i4></property><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" \
pid="4" name="Real"><vt:r8>2.5</vt:r8></property><property \
fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="5" name="Bool"><vt:bool>true</vt:bool>\
</property></Properties>"""
XLSX_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?><workbook \
xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<workbookPr date1904="{date1904}"/><sheets><sheet name="Hand &amp; made" sheetId="1" r:id="rId1"/>\
</sheets></workbook>"""
XLSX_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?><Relationships \
xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
Target="worksheets/sheet1.xml"/><Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
Target="/xl/sharedStrings.xml"/></Relationships>"""
XLSX_STRINGS = """<?xml version="1.0" encoding="UTF-8"?><sst \
xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>plain</t></si>\
<si><t xml:space="preserve">  spaced  </t></si><si><r><t>rich </t></r><r><rPr><b/></rPr>\
<t>run</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>a_x0041_b</t></si>\
<si><t>tab_x0009_x</t></si><si><t>under_x005F_x0041_</t></si><si><t>line&#10;feed</t></si>\
<si><t>pair_xD83D__xDE00_</t></si><si><t>case_x00e9_</t></si><si><t>p_x001F_</t></si>\
<si><t>p_x0020_</t></si><si><t>p_x007F_</t></si><si><t>p_x0080_</t></si><si><t>p_x00A0_</t></si>\
<si><t>p_xE000_</t></si><si><t>p_xFFFD_</t></si><si><t>p_x005f_</t></si><si><t>p_X0041_</t></si>\
<si><t>p_x000D_</t></si><si><t>p_x000a_</t></si><si><t>p_x0041</t></si><si><t>p_x00410_</t></si>\
<si><t>p_xFFFE_</t></si><si><t>p_x0060_</t></si><si><t>p_x005E_</t></si></sst>"""
XLSX_CELLS = [
    '<c r="A{r}" t="s"><v>{n}</v></c>'.format(r=i + 1, n=i) for i in range(25)
] + [
    '<c r="B1" t="inlineStr"><is><t>inline</t></is></c>',
    '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> runs</t></r>'
    '<rPh><t>x</t></rPh></is></c>',
    '<c r="B3" t="b"><v>1</v></c>',
    '<c r="B4" t="n"><v> 12.5 </v></c>',
    '<c r="B5"><v>1E-3</v></c>',
    '<c r="B6" t="e"><v>#NULL!</v></c>',
    '<c r="B7" t="d"><v>2025-03-14T12:00:00</v></c>',
    '<c r="B8" t="inlineStr"><is><t>_x0041_</t></is></c>',
    '<c r="B9" s="1"/>',
]


def hand_xlsx(path, date1904=False):
    rows = {}
    for cell in XLSX_CELLS:
        row = int(re.search(r'r="[A-Z]+(\d+)"', cell).group(1))
        rows.setdefault(row, []).append(cell)
    data = "".join('<row r="%d">%s</row>' % (row, "".join(cells))
                   for row, cells in sorted(rows.items()))
    data += '<row r="32"><c><v>1</v></c><c><v>2</v></c><c r="E32"><v>5</v></c><c><v>6</v></c></row>'
    data += '<row><c><v>13</v></c></row>'
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet '
             'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s'
             '</sheetData></worksheet>' % data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", XLSX_TYPES)
        archive.writestr("_rels/.rels", XLSX_RELS)
        archive.writestr("docProps/app.xml", XLSX_APP.format(generator=LO_GENERATOR))
        archive.writestr("docProps/custom.xml", XLSX_CUSTOM.format())
        archive.writestr("xl/workbook.xml", XLSX_WORKBOOK.format(date1904="1" if date1904 else "0"))
        archive.writestr("xl/_rels/workbook.xml.rels", XLSX_WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", XLSX_STRINGS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def hand_made(folder):
    os.makedirs(folder, exist_ok=True)
    return [hand_fods(os.path.join(folder, "hand.fods")),
            hand_xlsx(os.path.join(folder, "hand.xlsx")),
            hand_xlsx(os.path.join(folder, "hand-1904.xlsx"), date1904=True)]


def protected(the_office, folder):
    """A password-protected .ods stored by the office (manifest encryption data): the direct
    reader must leave it to the office. (LibreOffice 7.4's storeToURL writes an .xlsx without
    encryption even with a Password; the encrypted OLE package is a GoogleTest.)"""
    os.makedirs(folder, exist_ok=True)
    document = the_office.new_spreadsheet()
    paths = []
    try:
        document.getSheets().getByIndex(0).getCellByPosition(0, 0).setString("secret")
        for extension in (".ods",):
            path = os.path.join(folder, "protected" + extension)
            document.storeToURL(office.file_url(path), office.props(
                FilterName=FILTERS[extension], Password="secret", Overwrite=True))
            paths.append(path)
    finally:
        office.close_document(document)
    return paths


def disagreeing(clean_ods, path):
    """The clean sample with one stored add-in result changed: the office recomputes it on
    load (add-in formulas are recomputed), the direct reader reads what is stored."""
    with zipfile.ZipFile(clean_ods) as source:
        content = source.read("content.xml").decode("utf-8")
        # The first hourly rate the workbook stores (Employees, TRAINING.HOURLYRATE).
        pattern = re.compile(r'(table:formula="of:=[^"]*ORG\.ONEPERCENT\.FUNCTIONS\.HOURLYRATE'
                             r'[^"]*" office:value-type="float" office:value=")([^"]*)"')
        changed, count = pattern.subn(lambda m: m.group(1) + str(float(m.group(2)) + 1) + '"',
                                      content, count=1)
        if count != 1:
            raise RuntimeError("no hourly rate formula found in %s" % clean_ods)
        with zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = changed.encode("utf-8") if info.filename == "content.xml" else \
                    source.read(info.filename)
                method = zipfile.ZIP_STORED if info.filename == "mimetype" else \
                    zipfile.ZIP_DEFLATED
                target.writestr(zipfile.ZipInfo(info.filename, info.date_time), data,
                                compress_type=method)
    return path
