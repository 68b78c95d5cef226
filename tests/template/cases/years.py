"""The base employer in one fiscal year: the contribution rates and maxima, the payroll
threshold and the RL-1 line numbers of that year.  The year is the environment variable
ONEPERCENT_CASE_YEAR (default 2025; the harness gives 2019..2026 and two years outside the
contribution tables); payroll ONEPERCENT_CASE_PAYROLL (default 2,650,000)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import base, write  # noqa: E402


def fill(book):
    year = int(os.environ.get("ONEPERCENT_CASE_YEAR", "2025"))
    payroll = float(os.environ.get("ONEPERCENT_CASE_PAYROLL", "2650000"))
    employer, employees, activities, participation, expenses = base(year)
    employer.update(payroll=payroll)
    write(book, employer, employees, activities, participation, expenses)
