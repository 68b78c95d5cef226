"""Helpers for the scenario fill modules of tests/template/cases/ (issue 8, "Same numbers").

A fill module is a Python file that samples/template/gen_workbook.py loads with
`--fill-module FILE.py`; it calls the module's fill(book), which writes the inputs through
book.set_employer(key, value) and book.set_table_row(table, index, {key: value}) (the keys of
samples/template/layout.py).  This kit turns compact rows into those calls:

    EMPLOYEES = rows("employee_id name pay_basis pay_amount annual_salary cnesst_rate",
                     [("E1", "Ann", "year", 58000, 58000, 1.5), ...])
    write(book, employer={...}, employees=EMPLOYEES, ...)

None in a row leaves the cell empty.  Date("2025-03-28") writes a date cell, Formula("1/0")
a formula (ODF syntax, no "of:=").  A fill module may also define, for the test harness
(tests/template/same_numbers.py):

    EXPECT_ERRORS  [(sheet key, data row index or None, column key)]: cells that must show an
                   error in the linked flavour (and so in the portable one: error = error);
                   data row index 0 is the first data row (sheet row 2); None = the Employer
                   field or Summary line named by the column key.
    EXPECT         {(sheet key, index or None, column key): value}: what the linked flavour
                   must show there (a number to the cent, a text, "" for empty): a check
                   that the scenario exercises what it says it does.
"""
import sys


class Date(str):
    """A date cell, ISO text (2025-03-28)."""


class Formula(str):
    """A formula cell (ODF OpenFormula without the of:= prefix)."""


def rows(keys, values):
    """[{key: value}] from a space-separated key list and tuples."""
    keys = keys.split()
    out = []
    for value in values:
        if len(value) != len(keys):
            raise ValueError("row %r has %d values for %d keys" % (value, len(value), len(keys)))
        out.append(dict(zip(keys, value)))
    return out


def _generator(book):
    """gen_workbook, also when it runs as __main__ (as samples_data.fill does)."""
    return sys.modules[type(book).__module__]


def _convert(generator, value):
    if isinstance(value, Date):
        return generator.Date(value)
    if isinstance(value, Formula):
        return generator.Formula(value)
    return value


def write(book, employer=None, employees=(), activities=(), participation=(), expenses=(),
          **tables):
    """Write the employer fields and the table rows (row i of a list = data row i); other
    tables by keyword (certifications=[...])."""
    generator = _generator(book)
    for key, value in (employer or {}).items():
        if value is not None:
            book.set_employer(key, _convert(generator, value))
    for table, records in [("employees", employees), ("activities", activities),
                           ("participation", participation),
                           ("expenses", expenses)] + sorted(tables.items()):
        for index, record in enumerate(records):
            values = {k: _convert(generator, v) for k, v in record.items() if v is not None}
            if values:
                book.set_table_row(table, index, values)


def replace(records, key, value, **changes):
    """A copy of `records` where the record whose `key` is `value` gets `changes`."""
    out = []
    found = False
    for record in records:
        record = dict(record)
        if record.get(key) == value:
            record.update(changes)
            found = True
        out.append(record)
    if not found:
        raise KeyError("no record with %s = %r" % (key, value))
    return out


# ---- a small employer, reused by several scenarios -------------------------------------------

EMPLOYEE_KEYS = "employee_id name pay_basis pay_amount annual_salary cnesst_rate hours_per_period"
ACTIVITY_KEYS = ("activity_id title provider_name provider_kind arms_length completion_date "
                 "planned_duration supervision on_the_job")
PARTICIPATION_KEYS = "employee_id activity_id role hours replaced_employee_id assistance"
EXPENSE_KEYS = ("expense_id activity_id employee_id expense_kind member_of_order description "
                "amount registration_cost assistance document_ref nal_wages nal_travel "
                "nal_materials")


def base(year=2025):
    """A fictitious employer's year: every pay basis, five activities (one not at arm's
    length), participants, a trainer and a supervisor, the usual expense kinds."""
    employer = {"name": "Atelier Boréal inc.", "neq": "1170000017", "year": year,
                "payroll": 2650000, "carried_forward": 800, "cqif": "no",
                "used_for_credits": 0}
    employees = rows(EMPLOYEE_KEYS, [
        ("E1", "Ann Pelletier", "year", 58000, 58000, 1.52, None),
        ("E2", "Bruno Caron", "month", 5200, 62400, 1.52, None),
        ("E3", "Chloé Girard", "biweekly", 2500, 65000, 1.52, None),
        ("E4", "David Ouellet", "week", 1300, 67600, 1.52, 37.5),
        ("E5", "Émilie Fortin", "hour", 31.75, 61912.5, 1.52, None),
        ("E6", "Farid Benali", "year", 128000, 128000, 1.52, None),
        ("E7", "Gaëlle Simard", "week", 980, 50960, 1.52, None),
    ])
    d = "%d-%%s" % year
    activities = rows(ACTIVITY_KEYS, [
        ("A1", "Hydraulics", "Cégep de Lévis", "recognized-institution", "yes",
         Date(d % "04-30"), 28, "yes", "no"),
        ("A2", "Lean manufacturing", "Institut Lean Québec", "accredited-body", "yes",
         Date(d % "06-15"), 21, "yes", "no"),
        ("A3", "Press brake (in-house)", "Atelier Boréal (in-house)", "internal", "yes",
         Date(d % "09-30"), 35, "yes", "yes"),
        ("A4", "Spreadsheets for planners", "Formations Caron inc.", "accredited-instructor",
         "no", Date(d % "10-31"), 14, "yes", "no"),
        ("A5", "Engineering ethics", "Ordre des ingénieurs du Québec", "professional-order",
         "yes", Date(d % "11-15"), 7, "yes", "no"),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("E1", "A1", "participant", 28, None, None),
        ("E2", "A1", "participant", 28, None, None),
        ("E3", "A2", "participant", 21, None, 300),
        ("E4", "A2", "participant", 21, None, None),
        ("E6", "A3", "trainer", 35, None, None),
        ("E5", "A3", "participant", 35, None, None),
        ("E7", "A3", "participant", 35, None, None),
        ("E6", "A3", "supervisor", 6.5, None, None),
        ("E2", "A4", "participant", 14, None, None),
        ("E6", "A5", "participant", 7, None, None),
    ])
    expenses = rows(EXPENSE_KEYS, [
        ("X1", "A1", None, "tuition", None, "Hydraulics tuition", 3900, None, 1000, "F-101",
         None, None, None),
        ("X2", "A1", None, "materials", None, "Hydraulics kits", 615.4, None, None, "F-102",
         None, None, None),
        ("X3", "A2", None, "event", None, "Lean days registration", 1180, 1180, None, "F-103",
         None, None, None),
        ("X4", "A2", "E4", "travel", None, "Mileage", 212.35, None, None, "F-104", None, None,
         None),
        ("X5", "A4", None, "tuition", None, "Spreadsheet course", 2600, None, None, "F-105",
         1900, 150, 300),
        ("X6", "A5", "E6", "tuition", "yes", "Ethics course", 480, None, None, "F-106", None,
         None, None),
        ("X7", "A3", "E6", "materials-wages", None, "Course notes (wages)", 1032.75, None,
         None, "F-107", None, None, None),
        ("X8", None, None, "training-mutual", None, "Mutual dues", 1200, None, None, "F-108",
         None, None, None),
    ])
    return employer, employees, activities, participation, expenses
