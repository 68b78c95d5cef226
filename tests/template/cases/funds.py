"""Expenses counted in full outside s. 1 (1.1): payments to a recognized training mutual
(r. 7) and contributions to the CCQ training fund (Act s. 12), in English and French, typed
with capitals, spaces and underscores, with and without an activity, with assistance."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import EXPENSE_KEYS, base, rows, write  # noqa: E402

def fill(book):
    employer, employees, activities, participation, expenses = base(2022)
    expenses += rows(EXPENSE_KEYS, [
        ("X9", None, None, "mutuelle-formation", None, "Cotisation mutuelle", 650, None, None,
         "M-1", None, None, None),
        ("X10", None, None, "ccq-training-fund", None, "CCQ fund", 1040, None, None, "C-1",
         None, None, None),
        ("X11", None, None, "Fonds-Formation-CCQ", None, "CCQ fund (French, capitals)", 312,
         None, None, "C-2", None, None, None),
        ("X12", "A2", None, "TRAINING-MUTUAL", None, "Mutual, with an activity", 400, None,
         None, "M-2", None, None, None),
        ("X13", None, None, "training-mutual", None, "Mutual with assistance", 275.5, None,
         100, "M-3", None, None, None),
        ("X14", None, None, "ccq training fund", None, "CCQ fund, spaces", 96, None, None,
         "C-3", None, None, None),
        ("X15", None, None, "training_mutual", None, "Mutual, underscore", 120, None, None,
         "M-4", None, None, None),
    ])
    write(book, employer, employees, activities, participation, expenses)
