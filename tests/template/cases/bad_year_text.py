"""The fiscal year typed as text ("2025 fiscal"): every figure that depends on the year is
an error in both flavours (or empty where the linked flavour leaves it empty)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT_ERRORS = [("summary", None, "subject")]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(year="2025 fiscal")
    write(book, employer, employees, activities, participation, expenses)
