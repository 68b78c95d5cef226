"""Keywords as clients type them: capitals, French accents, spaces, underscores, the other
language, spaces around them.  The add-in folds case and accents and reads spaces,
underscores and hyphens as one hyphen (functions/engine/classification.cxx keyword_of);
yes/no and roles are compared in any case.  Whatever the linked flavour makes of each (a
figure or an error), the portable flavour must make the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (ACTIVITY_KEYS, EMPLOYEE_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS,  # noqa
                     Date, base, rows, write)


def fill(book):
    employer, _e, _a, _p, _x = base(2025)
    employer.update(cqif="NO", exempt_category="  None ")
    employees = rows(EMPLOYEE_KEYS, [
        ("K1", "Année", "Année", 60000, 60000, 1.6, None),
        ("K2", "ANNUAL", "ANNUAL", 61000, 61000, 1.6, None),
        ("K3", "Mois", "Mois", 5000, 60000, 1.6, None),
        ("K4", "Quinzaine_", "Quinzaine ", 2400, 62400, 1.6, None),
        ("K5", "Bi Weekly?", "BiWeekly", 2400, 62400, 1.6, None),
        ("K6", " week ", " week ", 1200, 62400, 1.6, None),
        ("K7", "Semaine", "SEMAINE", 1200, 62400, 1.6, 40),
        ("K8", "Heure", "Heure", 30, 58500, 1.6, None),
        ("K9", "an", "an", 64000, 64000, 1.6, None),
        ("K10", "empty basis", None, 59000, 59000, 1.6, None),
        ("K11", "quinzaine", "Quinzaine", 2300, 59800, 1.6, None),
        ("K12", "heure with accent", "HÉURE", 30, 58500, 1.6, None),
    ])
    activities = rows(ACTIVITY_KEYS, [
        ("B1", "Underscores", "Cégep", "ETABLISSEMENT_RECONNU", "Yes", Date("2025-03-01"),
         10, "OUI", "no"),
        ("B2", "Spaces and accents", "Organisme", "organisme agréé", "OUI", Date("2025-03-02"),
         10, "yes", "no"),
        ("B3", "Capitals", "Formateur", "Accredited-Instructor", "YES", Date("2025-03-03"),
         10, "yes", "no"),
        ("B4", "French, accents", "Formateur", "Formateur Agréé", "oui", Date("2025-03-04"),
         10, "yes", "no"),
        ("B5", "Spaces around", "Service", "  internal  ", " yes ", Date("2025-03-05"), 10,
         "yes", "no"),
        ("B6", "Multi-employer", "Service", "Service Multi Employeurs", "Yes",
         Date("2025-03-06"), 10, "yes", "no"),
        ("B7", "Order, French", "Ordre", "Ordre_Professionnel", "yes", Date("2025-03-07"), 10,
         "yes", "no"),
        ("B8", "Not accredited", "Quelqu'un", "NON-AGRÉÉ", "yes", Date("2025-03-08"), 10,
         "yes", "no"),
        ("B9", "No provider kind", "?", None, "yes", Date("2025-03-09"), 10, "yes", "no"),
        ("B10", "Internal accredited", "Service", "Service interne agréé", "NON",
         Date("2025-03-10"), 10, "yes", "no"),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("K1", "B1", "Participant", 10, None, None),
        ("K2", "B2", "PARTICIPANT", 10, None, None),
        ("K3", "B3", None, 10, None, None),
        ("K4", "B4", "Trainer", 10, None, None),
        ("K5", "B5", "FORMATEUR", 10, None, None),
        ("K6", "B5", "Supervisor", 4, None, None),
        ("K7", "B5", "Encadrement", 4, None, None),
        ("K8", "B6", "participant", 10, None, None),
        ("K9", "B7", "participant", 10, None, None),
        ("K10", "B8", "participant", 10, None, None),
        ("K11", "B9", "participant", 10, None, None),
        ("K12", "B10", "formateur", 10, None, None),
        ("K1", "B10", "TRAINER", 10, None, None),
    ])
    expenses = rows(EXPENSE_KEYS, [
        ("Y1", "B1", None, "Tuition", None, "", 1000, None, None, "D1", None, None, None),
        ("Y2", "B2", None, "FRAIS_FORMATION", None, "", 1000, None, None, "D2", None, None,
         None),
        ("Y3", "B3", None, "frais formation", None, "", 1000, None, None, "D3", None, None,
         None),
        ("Y4", "B4", None, "Matériel", None, "", 250, None, None, "D4", None, None, None),
        ("Y5", "B5", None, "Frais-Déplacement", None, "", 180, None, None, "D5", None, None,
         None),
        ("Y6", "B6", None, "EVENT", None, "", 400, 400, None, "D6", None, None, None),
        ("Y7", "B7", "K9", "tuition", "OUI", "", 300, None, None, "D7", None, None, None),
        ("Y8", "B7", "K9", "tuition", "Non", "", 300, None, None, "D8", None, None, None),
        ("Y9", "B8", None, "tuition", None, "", 700, None, None, "D9", None, None, None),
        ("Y10", "B9", None, "materials", None, "", 90, None, None, "D10", None, None, None),
        ("Y11", "B10", "K12", "Salaire Matériel", None, "", 500, None, None, "D11", None, None,
         None),
        ("Y12", "B2", None, "  premises  ", None, "", 350, None, None, "D12", None, None,
         None),
        ("Y13", "B3", None, "Colloque", None, "", 410, 410, None, "D13", None, None, None),
        ("Y14", "B1", None, "Plan_Formation", None, "", 220, None, None, "D14", None, None,
         None),
        ("Y15", "B1", "K1", "salaire-participant", None, "", 640, None, None, "D15", None,
         None, None),
    ])
    write(book, employer, employees, activities, participation, expenses)
