"""A fiscal year of 1899: every figure that depends on the year is an error in both
flavours."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT_ERRORS = [("summary", None, "subject"), ("summary", None, "line51"),
                 ("summary", None, "line53"), ("summary", None, "line79"),
                 ("participation", 0, "contributions")]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(year=1899)
    write(book, employer, employees, activities, participation, expenses)
