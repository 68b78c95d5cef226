"""Activities not at arm's length (s. 7(12)): the capped paragraphs 1, 2, 3, 11, 12, 13 and
14 of s. 1 count at most the three parts (instructor's wages, travel, materials); other
paragraphs are not capped.  "no", "NON" and the number 0 all mean not at arm's length; parts
left empty; an amount under its cap; assistance before the cap."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import ACTIVITY_KEYS, EXPENSE_KEYS, Date, base, rows, write  # noqa: E402

EXPECT = {("expenses", 4, "eligible_amount"): 2350}


def fill(book):
    employer, employees, activities, participation, expenses = base(2023)
    activities += rows(ACTIVITY_KEYS, [
        ("A6", "Welding coaching", "Soudure Caron (related)", "accredited-body", "NON",
         Date("2023-05-05"), 16, "yes", "no"),
        ("A7", "CAD course", "CAO Famille inc.", "recognized-institution", 0,
         Date("2023-08-18"), 24, "yes", "no"),
        ("A8", "Safety refresher", "Sécurité Parents inc.", "accredited-instructor", "No",
         Date("2023-03-03"), 4, "yes", "no"),
    ])
    expenses += rows(EXPENSE_KEYS, [
        ("X9", "A6", None, "tuition", None, "Coaching fee", 5400, None, None, "F-201", 3000,
         400, 600),
        ("X10", "A6", "E3", "travel", None, "Travel (1(16), not capped)", 640, None, None,
         "F-202", None, None, None),
        ("X11", "A7", None, "tuition", None, "CAD tuition, no parts given", 1800, None, None,
         "F-203", None, None, None),
        ("X12", "A7", None, "materials", None, "CAD licences", 950, None, None, "F-204", 100,
         None, None),
        ("X13", "A8", None, "tuition", None, "Under its cap", 700, None, None, "F-205", 500,
         300, 200),
        ("X14", "A8", None, "tuition", None, "Assistance before the cap", 2000, None, 600,
         "F-206", 900, 100, 0),
        ("X15", "A4", "E2", "reimbursement", None, "Reimbursed fees (1(2))", 450, None, None,
         "F-207", 200, None, None),
    ])
    write(book, employer, employees, activities, participation, expenses)
