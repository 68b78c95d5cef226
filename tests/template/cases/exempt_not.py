"""The same assistance as exempt_category.py for an employer of no exempt category: s. 7(13)
reduces each expenditure by its assistance (down to 0, never below)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, replace, write  # noqa: E402


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    participation = replace(participation, "hours", 28, assistance=450)
    participation = replace(participation, "role", "trainer", assistance=5000)
    expenses = replace(expenses, "expense_id", "X2", assistance=700)
    expenses = replace(expenses, "expense_id", "X3", assistance=180)
    expenses = replace(expenses, "expense_id", "X8", assistance=200)
    write(book, employer, employees, activities, participation, expenses)
