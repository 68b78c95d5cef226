"""An employer not subject to the Act (payroll <= $2,000,000, Act s. 3): no minimum, no
contribution; its eligible expenditures, less the part used for refundable tax credits (Act
s. 11), are the balance to carry forward; the balance carried in is shown on line 75.  A
second, French-typed CQIF answer ("non")."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT = {("summary", None, "subject"): 0, ("summary", None, "line50"): "",
          ("summary", None, "line51"): 0, ("summary", None, "line53"): 0,
          ("summary", None, "line75"): 4200}


def fill(book):
    employer, employees, activities, participation, expenses = base(2024)
    employer.update(payroll=1850000, cqif="non", carried_forward=4200, used_for_credits=1500)
    write(book, employer, employees, activities, participation, expenses)
