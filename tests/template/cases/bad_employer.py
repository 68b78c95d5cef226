"""Bad employer fields: a negative payroll, a year typed as text, a balance carried forward
as text and a negative part used for credits: the Summary shows errors in both flavours."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT_ERRORS = [("summary", None, "subject"), ("summary", None, "line53")]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(payroll=-2650000, carried_forward="none", used_for_credits=-10)
    write(book, employer, employees, activities, participation, expenses)
