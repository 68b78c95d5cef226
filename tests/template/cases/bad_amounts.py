"""Bad numbers: a negative amount, text in number cells, negative hours, negative assistance,
a negative CNESST rate, an employee without annual salary or with a salary of 0.  Each computed
cell that reads one shows an error in both flavours (error = error, any code)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (EMPLOYEE_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS, base,  # noqa: E402
                     replace, rows, write)

EXPECT_ERRORS = [
    ("employees", 0, "hourly_rate"),          # E1 pay amount "sixty thousand"
    ("employees", 2, "hourly_rate"),          # E3 pay amount -2500
    ("participation", 0, "wages"),            # E1's rate is an error
    ("participation", 3, "wages"),            # E4, hours "ten"
    ("participation", 10, "wages"),           # E5, hours -3
    ("expenses", 0, "net_amount"),            # X1 amount -3900
    ("expenses", 1, "net_amount"),            # X2 amount "n/a"
    ("expenses", 2, "net_amount"),            # X3 assistance -50
    ("participation", 8, "contributions"),    # E2: annual salary "unknown"
    ("participation", 11, "contributions"),   # E8: no annual salary
    ("participation", 12, "contributions"),   # E9: annual salary 0
]


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    employees = replace(employees, "employee_id", "E1", pay_amount="sixty thousand")
    employees = replace(employees, "employee_id", "E3", pay_amount=-2500)
    employees = replace(employees, "employee_id", "E2", annual_salary="unknown")
    employees = replace(employees, "employee_id", "E7", cnesst_rate=-1.2)
    participation = replace(participation, "employee_id", "E4", hours="ten")
    employees += rows(EMPLOYEE_KEYS, [
        ("E8", "No annual salary", "year", 52000, None, 1.52, None),
        ("E9", "Zero pay", "year", 0, 0, 1.52, None),
    ])
    participation += rows(PARTICIPATION_KEYS, [
        ("E5", "A2", "participant", -3, None, None),          # row 12
        ("E8", "A2", "participant", 10, None, None),
        ("E9", "A2", "participant", 10, None, None),
    ])
    expenses = replace(expenses, "expense_id", "X1", amount=-3900)
    expenses = replace(expenses, "expense_id", "X2", amount="n/a")
    expenses = replace(expenses, "expense_id", "X3", assistance=-50)
    expenses += rows(EXPENSE_KEYS, [
        ("X9", "A5", None, "tuition", None, "Parts as text", 800, None, None, "F-109",
         "lots", None, None)])
    write(book, employer, employees, activities, participation, expenses)
