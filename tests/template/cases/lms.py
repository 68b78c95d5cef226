"""What an LMS tracks (template 1.2, issue 12): the activities' format in English and French
(and one not listed), participation rows completed or not, certifications expiring around the
year's end.  The Summary's indicators (hours and participants by format, completion rate,
hours per employee, certifications expiring within 90 days after 31 December) are built-in
formulas in both flavours: here Gnumeric must compute them as LibreOffice does."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import Date, base, replace, rows, write  # noqa: E402


def fill(book):
    employer, employees, activities, participation, expenses = base(2025)
    for activity_id, fmt in (("A1", "classroom"), ("A2", "Atelier"), ("A3", "en-emploi"),
                             ("A4", "e-learning"), ("A5", "webinar")):
        activities = replace(activities, "activity_id", activity_id, format=fmt)
    for index, record in enumerate(participation):
        record["completed"] = ["yes", "Oui", "no", 1, None][index % 5]
        record["proof"] = "LMS-%03d" % index
    certifications = rows("employee_id certification obtained_on expires_on "
                          "renewal_activity_id", [
                              ("E1", "Forklift", Date("2023-01-15"), Date("2025-12-31"), "A1"),
                              ("E2", "First aid", Date("2023-03-01"), Date("2026-03-31"),
                               None),
                              ("E3", "First aid", Date("2023-03-01"), Date("2026-04-01"),
                               None),
                              ("E4", "Welding card", Date("2024-06-01"), Date("2025-12-30"),
                               None),
                              ("E5", "WHMIS", Date("2025-02-01"), None, None),
                              ("E6", "Crane", Date("2022-05-05"), Date("2026-02-14"), "A3"),
                          ])
    write(book, employer, employees, activities, participation, expenses,
          certifications=certifications)
