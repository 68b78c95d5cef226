"""An EI employer rate of 25 % (a percentage typed as a number would be 1.6, i.e. 160 %; the
engine refuses 20 % and more): every contribution is an error in both flavours."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402

EXPECT_ERRORS = [("participation", 0, "contributions"), ("participation", 9, "contributions")]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(ei_rate=0.25)
    write(book, employer, employees, activities, participation, expenses)
