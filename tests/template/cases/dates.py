"""Completion dates as clients type them: a date with a time of day (the last evening of the
year), the first and last days of the year, a date typed as text ("2025-04-30": the add-in's
DECLARABLE wants a date, an error; the Summary counts 0 for it), a bare number (a date
serial), a date far in the past (1901) and in the future (2199, 2300)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (ACTIVITY_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS, Date, Formula,  # noqa
                     base, rows, write)


def fill(book):
    employer, employees, _a, _p, _x = base(2025)
    activities = rows(ACTIVITY_KEYS, [
        ("D1", "Last evening", "Cégep", "recognized-institution", "yes",
         Formula("DATE(2025;12;31)+0.75"), 8, "yes", "no"),
        ("D2", "First day", "Cégep", "recognized-institution", "yes", Date("2025-01-01"), 8,
         "yes", "no"),
        ("D3", "First day after", "Cégep", "recognized-institution", "yes",
         Date("2026-01-01"), 8, "yes", "no"),
        ("D4", "Date as text", "Cégep", "recognized-institution", "yes", "2025-04-30", 8,
         "yes", "no"),
        ("D5", "Serial number", "Cégep", "recognized-institution", "yes", 45700, 8, "yes",
         "no"),
        ("D6", "Long ago", "Cégep", "recognized-institution", "yes", Date("1901-06-01"), 8,
         "yes", "no"),
        ("D7", "Far future", "Cégep", "recognized-institution", "yes", Date("2199-06-01"), 8,
         "yes", "no"),
        ("D8", "Beyond 2200", "Cégep", "recognized-institution", "yes", Date("2300-06-01"),
         8, "yes", "no"),
        ("D9", "Negative serial", "Cégep", "recognized-institution", "yes", -5, 8, "yes",
         "no"),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("E%d" % (1 + i % 7), "D%d" % (1 + i), "participant", 8, None, None)
        for i in range(9)])
    expenses = rows(EXPENSE_KEYS, [
        ("W%d" % (1 + i), "D%d" % (1 + i), None, "tuition", None, "", 100 + i, None, None,
         "W-%d" % i, None, None, None) for i in range(9)])
    write(book, employer, employees, activities, participation, expenses)
