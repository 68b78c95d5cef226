"""A French workbook (--lang fr) filled with the French keywords: année, mois, quinzaine,
semaine, heure; établissement reconnu, organisme agréé, formateur agréé, ordre professionnel
(membre : oui/non), interne; formateur, encadrement, remplacement; frais-formation, materiel,
frais-deplacement, colloque, salaire-materiel, mutuelle-formation, fonds-formation-ccq;
oui/non; exempt category "aucune"; an activity completed after the year."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import (ACTIVITY_KEYS, EMPLOYEE_KEYS, EXPENSE_KEYS, PARTICIPATION_KEYS,  # noqa
                     Date, rows, write)


def fill(book):
    employer = {"name": "Boulangerie Gagné ltée", "neq": "1160000029", "year": 2025,
                "payroll": 2240000, "carried_forward": 350, "cqif": "non",
                "exempt_category": "aucune", "used_for_credits": 0, "ei_rate": 0.0152}
    employees = rows(EMPLOYEE_KEYS, [
        ("F1", "Josée Tremblay", "année", 54000, 54000, 2.21, None),
        ("F2", "Marc Gagné", "mois", 4650, 55800, 2.21, None),
        ("F3", "Line Roy", "quinzaine", 2210, 57460, 2.21, 75),
        ("F4", "Éric Côté", "semaine", 1090, 56680, 2.21, None),
        ("F5", "Sara Nadeau", "heure", 26.8, 52260, 2.21, None),
        ("F6", "Paul Girard", "année", 91000, 91000, 2.21, None),
    ])
    activities = rows(ACTIVITY_KEYS, [
        ("F-A1", "Hygiène et salubrité", "Cégep de Sherbrooke", "etablissement-reconnu", "oui",
         Date("2025-02-20"), 15, "oui", "non"),
        ("F-A2", "Gestion des stocks", "Formations Estrie", "organisme-agree", "oui",
         Date("2025-05-09"), 12, "oui", "non"),
        ("F-A3", "Pétrissage (interne)", "Boulangerie Gagné", "interne", "oui",
         Date("2025-07-04"), 30, "oui", "oui"),
        ("F-A4", "Comptabilité", "Conseils Gagné", "formateur-agree", "non",
         Date("2025-09-26"), 10, "oui", "non"),
        ("F-A5", "Déontologie", "Ordre des comptables", "ordre-professionnel", "oui",
         Date("2025-10-17"), 6, "oui", "non"),
        ("F-A6", "Cours d'hiver", "Cégep de Sherbrooke", "etablissement-reconnu", "oui",
         Date("2026-01-23"), 20, "oui", "non"),
    ])
    participation = rows(PARTICIPATION_KEYS, [
        ("F1", "F-A1", "participant", 15, None, None),
        ("F2", "F-A1", "participant", 15, None, 200),
        ("F6", "F-A3", "formateur", 30, None, None),
        ("F4", "F-A3", "participant", 30, None, None),
        ("F6", "F-A3", "encadrement", 5, None, None),
        ("F5", "F-A2", "participant", 12, None, None),
        ("F6", "F-A1", "remplacement", 15, "F2", None),
        ("F3", "F-A4", "participant", 10, None, None),
        ("F6", "F-A5", "participant", 6, None, None),
        ("F1", "F-A6", "participant", 20, None, None),
    ])
    expenses = rows(EXPENSE_KEYS, [
        ("D1", "F-A1", None, "frais-formation", None, "Droits de scolarité", 2100, None, 600,
         "FAC-1", None, None, None),
        ("D2", "F-A1", None, "materiel", None, "Trousses", 185.25, None, None, "FAC-2", None,
         None, None),
        ("D3", "F-A2", "F5", "frais-deplacement", None, "Kilométrage", 96.4, None, None,
         "FAC-3", None, None, None),
        ("D4", "F-A4", None, "frais-formation", None, "Cours (lien de dépendance)", 1750,
         None, None, "FAC-4", 1200, 100, 150),
        ("D5", "F-A5", "F6", "frais-formation", "oui", "Cours de l'ordre", 390, None, None,
         "FAC-5", None, None, None),
        ("D6", "F-A5", "F6", "frais-formation", "non", "Cours de l'ordre (non-membre)", 390,
         None, None, "FAC-6", None, None, None),
        ("D7", "F-A2", None, "colloque", None, "Colloque", 520, 520, None, "FAC-7", None,
         None, None),
        ("D8", "F-A3", "F6", "salaire-materiel", None, "Rédaction du cahier", 910, None,
         None, "FAC-8", None, None, None),
        ("D9", None, None, "mutuelle-formation", None, "Mutuelle", 800, None, None, "FAC-9",
         None, None, None),
        ("D10", None, None, "fonds-formation-ccq", None, "Fonds CCQ", 416, None, None,
         "FAC-10", None, None, None),
        ("D11", "F-A6", None, "frais-formation", None, "Cours d'hiver", 1300, None, None,
         "FAC-11", None, None, None),
    ])
    write(book, employer, employees, activities, participation, expenses)
