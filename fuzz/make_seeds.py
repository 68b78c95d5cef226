#!/usr/bin/python3
"""Small seed files for the fuzzers (standard library only), written into a corpus folder:
direct_reader gets a tiny .ods, .fods and .xlsx with a value of each kind; xlsx_sheet gets
worksheets with their shared strings."""
import argparse
import os
import zipfile

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:"
CELLS = ('<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s '
         'text:c="2"/>b<text:span>c</text:span></text:p></table:table-cell><table:table-cell '
         'office:value-type="float" office:value="1.5" table:number-columns-repeated="2"/>'
         '<table:table-cell office:value-type="date" office:date-value="2025-03-14T12:00:00"/>'
         '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
         'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
         '<table:table-cell table:formula="of:=B1:B2" table:number-matrix-rows-spanned="2" '
         'table:number-matrix-columns-spanned="1" office:value-type="boolean" '
         'office:boolean-value="true"/></table:table-row><table:table-row '
         'table:number-rows-repeated="2"><table:table-cell office:value-type="time" '
         'office:time-value="PT1H"/></table:table-row>')
NAMESPACES = ('xmlns:office="%soffice:1.0" xmlns:table="%stable:1.0" xmlns:text="%stext:1.0" '
              'xmlns:meta="%smeta:1.0" xmlns:calcext="urn:org:documentfoundation:names:'
              'experimental:calc:xmlns:calcext:1.0"' % (OFFICE, OFFICE, OFFICE, OFFICE))
META = ('<office:meta><meta:generator>LibreOffice/7.4</meta:generator><meta:user-defined '
        'meta:name="OnePercentTemplate">org.onepercent.workbook</meta:user-defined>'
        '</office:meta>')
BODY = ('<office:body><office:spreadsheet><table:calculation-settings><table:null-date '
        'table:date-value="1904-01-01"/></table:calculation-settings><table:table '
        'table:name="S">%s</table:table></office:spreadsheet></office:body>' % CELLS)
SML = "http://schemas.openxmlformats.org/"
SHEET = ('<?xml version="1.0"?><worksheet xmlns="%sspreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c><c r="C1" t="b"><v>1</v>'
         '</c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="str"><f>"x"</f><v>x</v></c>'
         '<c r="F1" t="inlineStr"><is><r><t>in</t></r></is></c><c r="G1"><f t="array" '
         'ref="G1:G2">A1</f><v>1</v></c></row><row r="2"><c><v>3</v></c><c r="G2" t="d">'
         '<v>2025-01-01</v></c></row></sheetData></worksheet>' % SML)
STRINGS = ('<?xml version="1.0"?><sst xmlns="%sspreadsheetml/2006/main"><si><t>a_x0009_b</t>'
           '</si><si><r><t>rich</t></r><rPh><t>x</t></rPh></si></sst>' % SML)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", required=True)
    parser.add_argument("folder")
    args = parser.parse_args()
    folder = args.folder
    if args.target == "xlsx_sheet":
        with open(os.path.join(folder, "sheet-strings"), "w", encoding="utf-8") as file:
            file.write(SHEET + "\n--strings--\n" + STRINGS)
        with open(os.path.join(folder, "sheet-only"), "w", encoding="utf-8") as file:
            file.write(SHEET)
        return 0
    with open(os.path.join(folder, "seed.fods"), "w", encoding="utf-8") as file:
        file.write('<?xml version="1.0" encoding="UTF-8"?><office:document %s '
                   'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">%s%s'
                   '</office:document>' % (NAMESPACES, META, BODY))
    write_zip(os.path.join(folder, "seed.ods"), [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("meta.xml", '<?xml version="1.0"?><office:document-meta %s>%s</office:document-meta>'
         % (NAMESPACES, META)),
        ("content.xml", '<?xml version="1.0"?><office:document-content %s>%s'
         '</office:document-content>' % (NAMESPACES, BODY))])
    write_zip(os.path.join(folder, "seed.xlsx"), [
        ("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="%spackage/2006/relationships">'
         '<Relationship Id="r1" Type="%sofficeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>' % (SML, SML)),
        ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="%sspreadsheetml/2006/main" '
         'xmlns:r="%sofficeDocument/2006/relationships"><workbookPr date1904="1"/><sheets>'
         '<sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>' % (SML, SML)),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships '
         'xmlns="%spackage/2006/relationships"><Relationship Id="r1" '
         'Type="%sofficeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/>'
         '<Relationship Id="r2" Type="%sofficeDocument/2006/relationships/sharedStrings" '
         'Target="/xl/strings.xml"/></Relationships>' % (SML, SML, SML)),
        ("xl/worksheets/s.xml", SHEET), ("xl/strings.xml", STRINGS)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
