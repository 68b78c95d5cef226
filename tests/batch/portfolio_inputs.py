"""Client workbooks of several years for the portfolio tests (issue 12).

The committed samples/client-clean.ods holds the results the office computed (2025, NEQ
1178543210, 1,250.00 carried in on line 75): the direct reader reads it. make_copy() moves
every date of a sample by whole years with the Employer sheet's fiscal year, or changes the
employer's name or NEQ, in content.xml only (the ZIP keeps its mimetype first and stored), no
office needed. The stored results of a moved copy are then those of 2025: the employer
contributions of another year differ (R-S7-CONTRIBUTIONS), so such a copy fails.
computed_copies() has the office compute a copy again: 2026 is then as clean as the sample,
and its line 75 stays 1,250.00 while line 79 of 2025 is 0.00, so 2025 then 2026 of one NEQ
break the carry-forward chain and nothing else is wrong.
"""
import os
import re
import shutil
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CLEAN = os.path.join(ROOT, "samples", "client-clean.ods")
PLANTED = os.path.join(ROOT, "samples", "client-planted.ods")
SAMPLE_YEAR = 2025
SAMPLE_NAME = "Usinage Laurentides inc."
SAMPLE_NEQ = "1178543210"


def _employer_table(content):
    start = content.index('table:name="Employer"')
    return start, content.index("</table:table>", start)


def _replace_in_employer(content, old, new):
    start, end = _employer_table(content)
    table = content[start:end]
    if table.count(old) != 1:
        raise ValueError("expected once in the Employer sheet: %r" % old)
    return content[:start] + table.replace(old, new) + content[end:]


def _shift_dates(content, years):
    def date(match):
        return "%s%04d%s" % (match.group(1), int(match.group(2)) + years, match.group(3))
    # office:date-value="2025-03-10" (and date-times), and the text a date cell shows.
    content = re.sub(r'(office:date-value=")(\d{4})(-)', date, content)
    return content


def make_copy(source, target, year=None, name=None, neq=None, payroll=None):
    """A copy of `source` (a sample .ods) for another year, employer name, NEQ or payroll (a
    payroll changes the results: have the office compute the copy again)."""
    with zipfile.ZipFile(source) as original:
        content = original.read("content.xml").decode("utf-8")
        if payroll is not None:
            content = _replace_in_employer(
                content, 'office:value="2480000" calcext:value-type="float"><text:p>'
                         '2,480,000.00</text:p>',
                'office:value="%d" calcext:value-type="float"><text:p>%s</text:p>'
                % (payroll, "{:,.2f}".format(payroll)))
        if year is not None and year != SAMPLE_YEAR:
            content = _shift_dates(content, year - SAMPLE_YEAR)
            # Dates as the cells show them ("2025-03-10") move too.
            content = re.sub(r"(<text:p>)%d(-\d\d-\d\d</text:p>)" % SAMPLE_YEAR,
                             lambda m: "%s%d%s" % (m.group(1), year, m.group(2)), content)
            content = _replace_in_employer(
                content,
                'office:value="%d" calcext:value-type="float"><text:p>%d</text:p>'
                % (SAMPLE_YEAR, SAMPLE_YEAR),
                'office:value="%d" calcext:value-type="float"><text:p>%d</text:p>'
                % (year, year))
        if name is not None:
            content = _replace_in_employer(content, "<text:p>%s</text:p>" % escape(SAMPLE_NAME),
                                           "<text:p>%s</text:p>" % escape(name))
        if neq is not None:
            # The cell after the label "Québec enterprise number (NEQ)", whatever it holds.
            start, end = _employer_table(content)
            table, count = re.subn(
                r"(\(NEQ\)</text:p></table:table-cell><table:table-cell[^>]*>)<text:p>[^<]*"
                r"</text:p>", lambda m: m.group(1) + "<text:p>%s</text:p>" % escape(neq),
                content[start:end])
            if count != 1:
                raise ValueError("no NEQ cell in the Employer sheet")
            content = content[:start] + table + content[end:]
        temporary = target + ".part"
        with zipfile.ZipFile(temporary, "w") as copy:
            for info in original.infolist():
                data = original.read(info.filename)
                if info.filename == "content.xml":
                    data = content.encode("utf-8")
                copy.writestr(info, data)
    os.replace(temporary, target)
    return target


def computed_copies(oxt, work, pairs):
    """Each (source, target): the office (with the extension, in a throwaway profile under
    `work`, ended by its process id) loads source, computes it and stores it as target (.ods),
    so that the direct reader finds the results of the new year."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
    import office  # the python3-uno bridge: only when an office is wanted
    with office.Office(os.path.join(work, "office"), locale="en-US", timeout=60,
                       deadline=600) as the_office:
        the_office.install_extension(oxt)
        for source, target in pairs:
            document = the_office.load(source, hidden=True, read_only=True)
            try:
                document.calculateAll()
                document.storeToURL(office.file_url(target),
                                    office.props(FilterName="calc8", Overwrite=True))
            finally:
                office.close_document(document)
    shutil.rmtree(os.path.join(work, "office"), ignore_errors=True)
    return [target for _, target in pairs]


def clean_copy(target):
    shutil.copyfile(CLEAN, target)
    return target
