"""Activities completed after the fiscal year (s. 7(14)): not declarable in the year, their
wages and expenses count 0; completed on the last day of the year, the year before, without
a completion date, and rows naming an unknown activity."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (ACTIVITY_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS, Date, base,  # noqa: E402
                     rows, write)

EXPECT = {("participation", 10, "eligible_amount"): 0}


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    activities += rows(ACTIVITY_KEYS, [
        ("A6", "Project management", "Université Laval", "recognized-institution", "yes",
         Date("2026-02-13"), 30, "yes", "no"),
        ("A7", "Year-end course", "Cégep de Lévis", "recognized-institution", "yes",
         Date("2025-12-31"), 12, "yes", "no"),
        ("A8", "Started last year", "Institut Lean Québec", "accredited-body", "yes",
         Date("2024-11-29"), 20, "yes", "no"),
        ("A9", "Not finished", "Cégep de Lévis", "recognized-institution", "yes", None, 40,
         "yes", "no"),
    ])
    participation += rows(PARTICIPATION_KEYS, [
        ("E3", "A6", "participant", 20, None, None),          # row 12: after the year
        ("E4", "A7", "participant", 12, None, None),
        ("E1", "A8", "participant", 20, None, None),
        ("E5", "A9", "participant", 18, None, None),
        ("E7", "A99", "participant", 6, None, None),           # unknown activity
    ])
    expenses += rows(EXPENSE_KEYS, [
        ("X9", "A6", None, "tuition", None, "First term", 900, None, None, "F-301", None,
         None, None),
        ("X10", "A7", None, "tuition", None, "Year-end", 640, None, None, "F-302", None, None,
         None),
        ("X11", "A8", None, "tuition", None, "Last year's course", 1100, None, None, "F-303",
         None, None, None),
        ("X12", "A9", None, "tuition", None, "Not finished", 1500, None, None, "F-304", None,
         None, None),
        ("X13", "A99", None, "tuition", None, "Unknown activity", 300, None, None, "F-305",
         None, None, None),
    ])
    write(book, employer, employees, activities, participation, expenses)
