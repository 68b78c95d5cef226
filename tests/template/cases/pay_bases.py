"""Every pay basis (year, month, biweekly, week, hour) with and without the hours of one pay
period (s. 7(6) is the fallback: 1950 hours a year), an hour basis with hours per period
(ignored), fractional hours, salaries across the QPP, EI and QPIP maxima, and an EI employer
rate override (a premium reduction, s. 7(4.1))."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (EMPLOYEE_KEYS, PARTICIPATION_KEYS, base, rows,  # noqa: E402
                     write)

EXPECT = {("employees", 1, "hourly_rate"): 32.0}   # month 5,200 x 12 / 1950


def fill(book):
    employer, _employees, activities, _participation, expenses = base(2025)
    employer.update(ei_rate=0.0131)
    employees = rows(EMPLOYEE_KEYS, [
        ("P1", "Year, no hours", "year", 71234.56, 71234.56, 2.05, None),
        ("P2", "Month, no hours", "month", 5200, 62400, 2.05, None),
        ("P3", "Biweekly, no hours", "biweekly", 2875.4, 74760.4, 2.05, None),
        ("P4", "Week, no hours", "week", 1405, 73060, 2.05, None),
        ("P5", "Hour", "hour", 36.15, 70492.5, 2.05, None),
        ("P6", "Year, 1820 h", "year", 99500, 99500, 2.05, 1820),
        ("P7", "Month, 162.5 h", "month", 6100, 73200, 2.05, 162.5),
        ("P8", "Biweekly, 70 h", "biweekly", 3050, 79300, 2.05, 70),
        ("P9", "Week, 35 h", "week", 1180, 61360, 2.05, 35),
        ("P10", "Hour, 40 h (ignored?)", "hour", 27.4, 56992, 2.05, 40),
        ("P11", "Above every maximum", "year", 250000, 250000, 2.05, None),
        ("P12", "Low salary", "week", 300, 15600, 2.05, 20),
        ("P13", "No CNESST rate", "month", 4300, 51600, None, None),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("P%d" % i, "A%d" % (1 + i % 4), "participant", h, None, None)
        for i, h in zip(range(1, 14), [7.5, 14, 21, 3.25, 35, 12, 9.5, 40, 16, 8, 30, 6, 11])
    ])
    write(book, employer, employees, activities, participation, expenses)
