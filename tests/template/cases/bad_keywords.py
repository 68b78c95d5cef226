"""Unknown keywords: a pay basis "fortnight", a provider kind "cegep", an expense kind
"lunch", a role "observer", an exempt category "charity", a yes/no "maybe".  The computed
cells that read them show an error in both flavours."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, replace, write  # noqa: E402

EXPECT_ERRORS = [
    ("employees", 3, "hourly_rate"),          # E4 "fortnight"
    ("participation", 0, "paragraph"),        # A1 provider kind "cegep"
    ("expenses", 1, "paragraph"),             # X2 "lunch"
    ("participation", 4, "paragraph"),        # role "observer"
    ("expenses", 0, "net_amount"),            # exempt category "charity"
]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employer.update(exempt_category="charity", cqif="maybe")
    employees = replace(employees, "employee_id", "E4", pay_basis="fortnight")
    activities = replace(activities, "activity_id", "A1", provider_kind="cegep")
    activities = replace(activities, "activity_id", "A4", arms_length="perhaps")
    participation = replace(participation, "role", "trainer", role="observer")
    expenses = replace(expenses, "expense_id", "X2", expense_kind="lunch")
    expenses = replace(expenses, "expense_id", "X6", member_of_order="maybe")
    write(book, employer, employees, activities, participation, expenses)
