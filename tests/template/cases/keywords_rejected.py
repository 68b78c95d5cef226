"""Spellings one of the flavours may refuse: a pay basis "bi_weekly" (the add-in reads
"bi-weekly", not a pay basis), a role with spaces around it, a yes/no with spaces around it,
"frais de formation" (three words), an unknown provider kind.  Whatever the linked flavour
shows (an error, #N/A, 0), the portable flavour must show the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, replace, write  # noqa: E402

EXPECT_ERRORS = [("employees", 1, "hourly_rate")]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(cqif=" yes ")
    employees = replace(employees, "employee_id", "E2", pay_basis="bi_weekly")
    activities = replace(activities, "activity_id", "A2", provider_kind="Cégep")
    activities = replace(activities, "activity_id", "A4", arms_length=" no ")
    participation = replace(participation, "role", "trainer", role=" trainer ")
    participation = replace(participation, "role", "supervisor", role="super visor")
    expenses = replace(expenses, "expense_id", "X1", expense_kind="frais de formation")
    expenses = replace(expenses, "expense_id", "X6", member_of_order=" oui ")
    write(book, employer, employees, activities, participation, expenses)
