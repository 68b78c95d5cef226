"""A CQIF holder (r. 5): subject to the Act (payroll over $2M) but lines 50-53 blank: no
minimum, no contribution; its expenditures still count towards the balance carried forward,
with a balance carried in and a part used for tax credits.  "Yes" typed with a capital."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT = {("summary", None, "subject"): 1, ("summary", None, "line50"): "",
          ("summary", None, "line51"): 0, ("summary", None, "line53"): 0}


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(payroll=3400000, cqif="Yes", carried_forward=2500, used_for_credits=750)
    write(book, employer, employees, activities, participation, expenses)
