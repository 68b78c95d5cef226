"""An exempt category of s. 7(13) typed in French with an accent, a capital and a space
("Entreprise adaptée"), and the EI employer rate typed as the keyword "Aucun" (an employer
not insurable under EI: no EI part in the contributions)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, replace, write  # noqa: E402


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(exempt_category="Entreprise adaptée", ei_rate="Aucun")
    participation = replace(participation, "hours", 28, assistance=450)
    expenses = replace(expenses, "expense_id", "X3", assistance=180)
    write(book, employer, employees, activities, participation, expenses)
