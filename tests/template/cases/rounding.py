"""Half cents: every amount the add-in rounds to the cent (wages, replacement wages, net of
assistance, contributions, 1 % of the payroll, the contribution and the balance) made to fall
on x.xx5 in decimal, where a spreadsheet's ROUND and the engine's rounding (15 significant
digits, functions/engine/regulation.cxx round_cents) could part: 0.5 h x 20.01 = 10.005,
1.5 h x 33.33 = 49.995, 2,345,678.50 / 100 = 23,456.785, 100.015 - 0.01 ..."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (ACTIVITY_KEYS, EMPLOYEE_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS,  # noqa
                     Date, rows, write)


def fill(book):
    employer = {"name": "Arrondis inc.", "neq": "1170000025", "year": 2025,
                "payroll": 2345678.5, "carried_forward": 0.005, "cqif": "no",
                "used_for_credits": 0.015}
    employees = rows(EMPLOYEE_KEYS, [
        ("R1", "Rate 20.01", "hour", 20.01, 39019.5, 1.005, None),
        ("R2", "Rate 33.33", "hour", 33.33, 64993.5, 2.125, None),
        ("R3", "Rate 10.05", "hour", 10.05, 19597.5, 0.015, None),
        ("R4", "Week 1000.35 / 35 h", "week", 1000.35, 52018.2, 1.125, 35),
        ("R5", "Rate 0.01", "hour", 0.01, 19.5, 1.5, None),
        ("R6", "Year 64,999.5", "year", 64999.5, 64999.5, 1.345, None),
    ])
    activities = rows(ACTIVITY_KEYS, [
        ("H1", "Half cents", "Cégep", "recognized-institution", "yes", Date("2025-05-05"), 9,
         "yes", "no"),
        ("H2", "Related provider", "Parent inc.", "accredited-body", "no", Date("2025-06-06"),
         9, "yes", "no"),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("R1", "H1", "participant", 0.5, None, None),        # 10.005
        ("R2", "H1", "participant", 1.5, None, None),        # 49.995
        ("R3", "H1", "participant", 4.5, None, 0.005),       # 45.225 - 0.005
        ("R4", "H1", "participant", 0.7, None, None),
        ("R5", "H1", "participant", 0.5, None, None),        # 0.005
        ("R6", "H1", "participant", 3.3, None, 0.015),
        ("R2", "H1", "replacement", 1.5, "R1", None),        # 49.995 - 30.015
        ("R1", "H2", "participant", 2.5, None, None),        # 50.025
    ])
    expenses = rows(EXPENSE_KEYS, [
        ("Z1", "H1", None, "tuition", None, "", 100.015, None, 0.01, "Z-1", None, None,
         None),
        ("Z2", "H1", None, "materials", None, "", 0.005, None, None, "Z-2", None, None, None),
        ("Z3", "H2", None, "tuition", None, "", 1000.125, None, 0.12, "Z-3", 600.005, 200.005,
         199.995),
        ("Z4", None, None, "training-mutual", None, "", 250.125, None, None, "Z-4", None,
         None, None),
        ("Z5", "H1", None, "event", None, "", 330.335, 330.335, 0.33, "Z-5", None, None,
         None),
    ])
    write(book, employer, employees, activities, participation, expenses)
