"""The base employer with no EI employer rate (the year's Québec rate), then the same rates
typed as a number 0 (Calc cannot tell it from empty: the year's rate) -- see pay_bases.py for
an override."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(ei_rate=0)
    write(book, employer, employees, activities, participation, expenses)
