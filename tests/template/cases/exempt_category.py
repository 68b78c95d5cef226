"""An employer of an exempt category of s. 7(13) (a childcare centre): government assistance
does not reduce its expenditures, neither wages (Participation) nor expenses; assistance on
several rows, one larger than the amount."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, replace, write  # noqa: E402


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(exempt_category="childcare")
    participation = replace(participation, "hours", 28, assistance=450)     # E1 and E2 in A1
    participation = replace(participation, "role", "trainer", assistance=5000)
    expenses = replace(expenses, "expense_id", "X2", assistance=700)       # above the amount
    expenses = replace(expenses, "expense_id", "X3", assistance=180)
    expenses = replace(expenses, "expense_id", "X8", assistance=200)       # a training mutual
    write(book, employer, employees, activities, participation, expenses)
