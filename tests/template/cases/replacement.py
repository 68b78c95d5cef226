"""Replacement rows (s. 1(8)): only the part of the replacement's wages above the replaced
employee's counts.  A replacement paid more (the excess), paid less and paid the same (0), the
role typed "Remplacement" (French, capital), a replacement with government assistance, one
without hours yet.  replacement_missing.py adds rows whose replaced employee is missing or
unknown (#N/A), which make the Summary an error."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import PARTICIPATION_KEYS, base, rows, write  # noqa: E402

EXPECT = {("participation", 10, "paragraph"): "1(8)"}


def fill(book, missing=False):
    employer, employees, activities, participation, expenses = base(2025)
    employees.append({"employee_id": "E8", "name": "Hugo Lavoie", "pay_basis": "hour",
                      "pay_amount": 24.6, "annual_salary": 47970, "cnesst_rate": 1.52})
    participation += rows(PARTICIPATION_KEYS, [
        ("E6", "A1", "replacement", 28, "E1", None),          # row 12: paid more
        ("E8", "A1", "replacement", 28, "E2", None),          # paid less: 0
        ("E1", "A2", "Remplacement", 21, "E4", None),         # French role, capital
        ("E5", "A3", "replacement", 12.5, "E5", None),        # replaces themself: 0
        ("E6", "A2", "REPLACEMENT", 21, "E3", 120),           # with assistance
        ("E7", "A5", "replacement", None, "E6", None),        # no hours yet: empty
    ])
    if missing:
        participation += rows(PARTICIPATION_KEYS, [
            ("E6", "A4", "replacement", 14, None, None),      # row 18: no replaced: #N/A
            ("E6", "A4", "replacement", 14, "E99", None),     # row 19: unknown: #N/A
        ])
    write(book, employer, employees, activities, participation, expenses)
