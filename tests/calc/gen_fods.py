#!/usr/bin/python3
"""Generate the self-checking test documents of the OnePercent Calc functions:

  tests/calc/money.fods        hourly rate, wages, contributions, assistance, s. 7(12) cap, share
  tests/calc/paragraphs.fods   paragraph, title, eligibility, suggestion
  tests/calc/obligation.fods   subject, minimum, contribution, carry-forward, dates

Every expected value below was computed by hand from the function specification
(the arithmetic is in the comment column), not by the add-in. Rates come from
shared/law-facts.md. The generated .fods are committed; edit this file and run

    /usr/bin/python3 tests/calc/gen_fods.py

to rewrite them. Formulas are in Calc's English syntax (";" separators); {r} is the
row of the case, {r0}/{r1} the first/last row of an array block, {r-2} etc. offsets.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fodslib import (ArrayCase, Case, EMPTY, ERR, NA, Sheet, custom, num, text,  # noqa: E402
                     write)

C = Case
A = ArrayCase

# ---- money.fods -----------------------------------------------------------------------------

HOURLYRATE = Sheet("HOURLYRATE", ["amount", "period", "hours_per_period"], [
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", num(30), [2400, "biweekly", 80],
      "issue 7: the contract's hours first: 2400 / 80 (s. 7(6) would give 32)"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", num(40), [1400, "semaine", 35],
      "1400 / 35 a week"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", num(72800 / 1950), [1400, "week", None],
      "empty hours: s. 7(6), 1400 x 52 / 1950"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", num(72800 / 1950), [1400, "week", 0],
      "0 hours: s. 7(6)"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", num(31.5), [31.5, "hour", 40],
      "hour basis: the amount itself"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", ERR, [1400, "week", -35], "negative hours"),
    C("=TRAINING.HOURLYRATE(F{r};G{r};H{r})", ERR, [1400, "week", "x"], "text hours"),
    C("=TRAINING.HOURLYRATE(39000)", num(20), comment="s. 7(6): 39000 / 1950 (year by default)"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(20), [39000, "year"], "39000 / 1950"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(60000 / 1950), [5000, "month"],
      "5000 x 12 / 1950 = 30.769..."),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(52000 / 1950), [2000, "biweekly"],
      "2000 x 26 / 1950 = 26.666..."),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(41600 / 1950), [800, "week"],
      "800 x 52 / 1950 = 21.333..."),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(25.5), [25.5, "hour"], "hourly: the amount itself"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(20), [39000, "année"], "French: année"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(60000 / 1950), [5000, "mois"], "French: mois"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(52000 / 1950), [2000, "quinzaine"],
      "French: quinzaine"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(41600 / 1950), [800, "semaine"], "French: semaine"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(25.5), [25.5, "heure"], "French: heure"),
    C("=TRAINING.HOURLYRATE(1000;\"week\")", num(52000 / 1950),
      comment="literal arguments: 1000 x 52 / 1950, not rounded"),
    C("=TRAINING.HOURLYRATE(0)", num(0), comment="zero salary"),
    C("=TRAINING.HOURLYRATE(F{r};\"month\")", num(0), [None], "empty cell counts as 0"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", num(20), [39000, None],
      "empty period cell = period omitted (year), as in the range form"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", ERR, [-1, "year"], "negative amount"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", ERR, ["abc", "year"], "text where a number goes"),
    C("=TRAINING.HOURLYRATE(\"abc\")", ERR, comment="literal text where a number goes"),
    C("=TRAINING.HOURLYRATE(F{r};G{r})", ERR, [1000, "fortnight"], "unknown period keyword"),
    A("=TRAINING.HOURLYRATE(F{r0}:F{r1};\"month\")",
      [(num(12), [1950]), (num(24), [3900]), (num(0), [0])],
      "range of amounts, scalar period broadcast: x 12 / 1950"),
    A("=TRAINING.HOURLYRATE(F{r0}:F{r1};G{r0}:G{r1})",
      [(num(20), [39000, "year"]), (num(52000 / 1950), [1000, "week"]),
       (num(30), [30, "hour"]), (EMPTY, [None, None]), (num(10), [1625, "mois"])],
      "two ranges; an all-empty row gives an empty element"),
    A("=TRAINING.HOURLYRATE(F{r0}:F{r1};\"year\")",
      [(ERR, [39000]), (ERR, ["abc"]), (ERR, [1950])],
      "one text element: the whole array is Err:502"),
    A("=TRAINING.HOURLYRATE(F{r0}:F{r1};G{r0}:G{r1})",
      [(ERR, [39000, "year"]), (ERR, [100, "decade"])],
      "one unknown keyword: the whole array is Err:502"),
    A("=INDEX(TRAINING.HOURLYRATE(F{r0}:G{r1};\"hour\");0;2)",
      [(num(7), [5, 7]), (num(9), [6, 9])],
      "2-D range F:G, hourly: column 2 of the 2x2 result"),
    C("=ROWS(TRAINING.HOURLYRATE(F{r-2}:G{r-1};\"hour\"))", num(2),
      comment="the result has the shape of the range: 2 rows"),
    C("=COLUMNS(TRAINING.HOURLYRATE(F{r-3}:G{r-2};\"hour\"))", num(2),
      comment="... and 2 columns"),
    C("=SUMPRODUCT(TRAINING.HOURLYRATE(F{r-4}:G{r-3};\"hour\"))", num(27),
      comment="5 + 7 + 6 + 9"),
], "TRAINING.HOURLYRATE / FORMATION.TAUXHORAIRE")

REPLACEMENTWAGES = Sheet("REPLACEMENTWAGES", ["hours", "replacement_rate", "replaced_rate"], [
    C("=TRAINING.REPLACEMENTWAGES(F{r};G{r};H{r})", num(78), [12, 35, 28.5],
      "s. 1(8): 12 x 35 = 420.00 less 12 x 28.50 = 342.00"),
    C("=TRAINING.REPLACEMENTWAGES(F{r};G{r};H{r})", num(0), [12, 25, 28.5],
      "paid less than the replaced employee: 0"),
    C("=TRAINING.REPLACEMENTWAGES(F{r};G{r};H{r})", num(9.32), [7, 31.333, 30.001],
      "219.33 - 210.01, each to the cent first"),
    C("=TRAINING.REPLACEMENTWAGES(F{r};G{r};H{r})", ERR, [-1, 35, 28.5], "negative hours"),
    C("=TRAINING.REPLACEMENTWAGES(F{r};G{r};H{r})", ERR, [12, "x", 28.5], "text rate"),
    A("=TRAINING.REPLACEMENTWAGES(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1})",
      [(num(78), [12, 35, 28.5]), (num(20), [10, 30, 28])], "ranges"),
], "TRAINING.REPLACEMENTWAGES / FORMATION.SALAIRESREMPLACEMENT")

WAGES = Sheet("WAGES", ["hours", "hourly_rate"], [
    C("=TRAINING.WAGES(12;50)", num(600), comment="12 h x 50 $/h"),
    C("=TRAINING.WAGES(F{r};G{r})", num(175.92), [7.5, 23.456], "7.5 x 23.456 = 175.92"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0.13), [1, 0.125],
      "0.125 -> 0.13: half away from zero (not to even)"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0.13), [2, 0.0625], "2 x 0.0625 = 0.125 -> 0.13"),
    C("=TRAINING.WAGES(F{r};G{r})", num(10.01), [1, 10.005], "10.005 -> 10.01 (as ROUND)"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0.01), [0.5, 0.01], "0.005 -> 0.01"),
    C("=TRAINING.WAGES(F{r};G{r})", num(33.33), [1, 33.3333], "33.3333 -> 33.33"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0), [0, 50], "no hours"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0), [12, 0], "rate 0"),
    C("=TRAINING.WAGES(F{r};G{r})", num(0), [None, 50], "empty hours count as 0"),
    C("=TRAINING.WAGES(F{r};G{r})", ERR, [-1, 50], "negative hours"),
    C("=TRAINING.WAGES(F{r};G{r})", ERR, [10, -5], "negative rate"),
    C("=TRAINING.WAGES(F{r};G{r})", ERR, ["x", 50], "text hours"),
    C("=TRAINING.WAGES(\"twelve\";50)", ERR, comment="literal text hours"),
    A("=TRAINING.WAGES(F{r0}:F{r1};G{r0}:G{r1})",
      [(num(600), [12, 50]), (num(70), [3.5, 20]), (EMPTY, [None, None]),
       (num(0.13), [1, 0.125])],
      "two ranges; the all-empty row is empty"),
    A("=TRAINING.WAGES(F{r0}:F{r1};25)",
      [(num(25), [1]), (num(50), [2]), (num(87.5), [3.5]), (num(0), [0])],
      "range of hours, scalar rate 25 broadcast"),
    A("=TRAINING.WAGES(10;G{r0}:G{r1})",
      [(num(205), [None, 20.5]), (num(333.33), [None, 33.333])],
      "scalar hours 10 broadcast over a range of rates"),
    A("=TRAINING.WAGES(F{r0}:F{r1};G{r0}:G{r1})",
      [(ERR, [1, 10]), (ERR, [-2, 10]), (ERR, [3, 10])],
      "one negative element: the whole array is Err:502"),
    A("=TRAINING.WAGES(F{r0}:F{r1};G{r0}:G{r1})",
      [(ERR, [1, 10]), (ERR, ["n/a", 10])],
      "one text element: the whole array is Err:502"),
    A("=INDEX(TRAINING.WAGES(F{r0}:G{r1};10);0;2)",
      [(num(20), [1, 2]), (num(40), [3, 4])],
      "2-D hours F:G x 10: column 2 of the 2x2 result"),
    C("=ROWS(TRAINING.WAGES(F{r-2}:G{r-1};10))", num(2), comment="2 rows"),
    C("=COLUMNS(TRAINING.WAGES(F{r-3}:G{r-2};10))", num(2), comment="2 columns"),
    C("=SUMPRODUCT(TRAINING.WAGES(F{r-4}:G{r-3};10))", num(100),
      comment="(1 + 2 + 3 + 4) x 10, in a plain (non-array) formula"),
    C("=INDEX(TRAINING.WAGES(F{r-5}:G{r-4};10);2;1)", num(30), comment="element (2;1)"),
], "TRAINING.WAGES / FORMATION.SALAIRES")

# Employer contributions, s. 7(4.1). Each total below: QPP + QPP2 + EI + QPIP + CNESST on
# the annual salary (each capped), x training_wages / annual_salary, to the cent.
CONTRIBUTIONS = Sheet("CONTRIBUTIONS", ["year", "training_wages", "annual_salary",
                                        "cnesst_per_100", "ei_rate"], [
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", num(99.92), [2024, 1000, 50000, 1.5],
      "2024: QPP .064x46500=2976, EI .01848x50000=924, QPIP .00692x50000=346, "
      "CNESST .015x50000=750; 4996 x 1000/50000 = 99.92"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", num(171.57), [2025, 2000, 100000, 2],
      "2025: QPP .064x67800=4339.2 + .04x(81200-71300)=396, EI .01834x65700=1204.938, "
      "QPIP .00692x98000=678.16, CNESST .02x98000=1960; 8578.298 x 0.02 = 171.566"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r};J{r})", num(31.05),
      [2026, 400, 80000, 0, 0.015],
      "2026, EI rate 1.5 %: QPP .063x71100=4479.3 + .04x5400=216, EI .015x68900=1033.5, "
      "QPIP .00602x80000=481.6; 6210.4 x 400/80000 = 31.052"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r};J{r})", num(31.05),
      [2026, 400, 80000, None, 0.015], "as above, empty CNESST rate counts as 0"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", num(10.27), [2026, 300, 3000, 1],
      "2026, salary under the 3500 exemption: QPP 0, EI .0182x3000=54.6, "
      "QPIP .00602x3000=18.06, CNESST 30; 102.66 x 0.1 = 10.266"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", num(172.53), [2024, 2500, 120000, 2.25],
      "2024 above every ceiling: 4160+188 + 1167.936 + 650.48 + 2115 = 8281.416 "
      "x 2500/120000 = 172.5295"),
    C("=TRAINING.CONTRIBUTIONS(2025;1500;60000;1.2)", num(146.29),
      comment="2025: 3616 + 1100.4 + 415.2 + 720 = 5851.6 x 0.025"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", num(0), [2024, 0, 50000, 1.5],
      "no training wages"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", ERR, [2018, 1000, 50000, 1.5],
      "2018: no rates (2019-2026 only)"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", ERR, [2027, 1000, 50000, 1.5],
      "2027: no rates"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", ERR, [2024, -1, 50000, 1.5],
      "negative training wages"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", ERR, [2024, 1000, "abc", 1.5],
      "text salary"),
    C("=TRAINING.CONTRIBUTIONS(F{r};G{r};H{r};I{r})", ERR, [2024, 1000, 50000, -1],
      "negative CNESST rate"),
    A("=TRAINING.CONTRIBUTIONS(2024;G{r0}:G{r1};50000;1.5)",
      [(num(99.92), [None, 1000]), (num(49.96), [None, 500]), (num(0), [None, 0])],
      "range of training wages, the rest broadcast: 4996 x w / 50000"),
    A("=TRAINING.CONTRIBUTIONS(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1};I{r0}:I{r1})",
      [(num(99.92), [2024, 1000, 50000, 1.5]), (num(146.29), [2025, 1500, 60000, 1.2]),
       (EMPTY, [None, None, None, None])],
      "four ranges; all-empty row is empty"),
    A("=TRAINING.CONTRIBUTIONS(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1};I{r0}:I{r1})",
      [(ERR, [2024, 1000, 50000, 1.5]), (ERR, [2030, 1000, 50000, 1.5])],
      "one year without rates: the whole array is Err:502"),
], "TRAINING.CONTRIBUTIONS / FORMATION.COTISATIONS")

NETOFASSISTANCE = Sheet("NETOFASSISTANCE", ["expenditure", "assistance", "category"], [
    C("=TRAINING.NETOFASSISTANCE(1000;300)", num(700), comment="s. 7(13): 1000 - 300"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", num(0), [300, 1000], "never below 0"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", num(1000), [1000, 0], "no assistance"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", num(1000), [1234.56, 234.56], "1234.56 - 234.56"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(1000), [1000, 300, "adapted-enterprise"],
      "exempt: adapted enterprise"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(1000), [1000, 300, "childcare"],
      "exempt: childcare"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(1000), [1000, 300, "ambulance"],
      "exempt: ambulance"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(1000), [1000, 300, "entreprise-adaptee"],
      "French: entreprise-adaptee"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(1000), [1000, 300, "garderie"],
      "French: garderie"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", ERR, [1000, 300, "charity"],
      "unknown category"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r};H{r})", num(700), [1000, 300, None],
      "empty category cell = no category, as in the range form"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", ERR, [-5, 0], "negative expenditure"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", ERR, [1000, -1], "negative assistance"),
    C("=TRAINING.NETOFASSISTANCE(F{r};G{r})", ERR, ["x", 0], "text expenditure"),
    A("=TRAINING.NETOFASSISTANCE(F{r0}:F{r1};G{r0}:G{r1})",
      [(num(700), [1000, 300]), (num(0), [200, 500]), (EMPTY, [None, None]),
       (num(50), [50, None])],
      "ranges; all-empty row is empty; empty assistance counts as 0"),
    A("=TRAINING.NETOFASSISTANCE(F{r0}:F{r1};G{r0}:G{r1};\"childcare\")",
      [(num(1000), [1000, 300]), (num(200), [200, 500])],
      "category broadcast: nothing subtracted"),
    A("=TRAINING.NETOFASSISTANCE(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1})",
      [(num(1000), [1000, 300, "garderie"]), (num(700), [1000, 300, None])],
      "category per row; an empty category means none"),
    A("=TRAINING.NETOFASSISTANCE(F{r0}:F{r1};0)",
      [(ERR, [100]), (ERR, [-100])], "one negative element: the whole array is Err:502"),
], "TRAINING.NETOFASSISTANCE / FORMATION.NETAIDE")

NONARMSLENGTHCAP = Sheet("NONARMSLENGTHCAP", ["invoiced", "wages_part", "travel_part",
                                              "materials_part"], [
    C("=TRAINING.NONARMSLENGTHCAP(10000;4000;1000;500)", num(5500),
      comment="s. 7(12): min(10000, 4000+1000+500)"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", num(5000), [5000, 4000, 1000, 500],
      "min(5000, 5500)"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", num(0), [10000, 0, 0, 0],
      "no attributable part"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", num(0), [0, 1, 1, 1], "nothing invoiced"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", num(4000), [10000, 4000, None, None],
      "empty parts count as 0"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", ERR, [-1, 0, 0, 0], "negative invoice"),
    C("=TRAINING.NONARMSLENGTHCAP(F{r};G{r};H{r};I{r})", ERR, [10000, "x", 0, 0], "text part"),
    A("=TRAINING.NONARMSLENGTHCAP(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1};I{r0}:I{r1})",
      [(num(5500), [10000, 4000, 1000, 500]), (num(3000), [3000, 4000, 0, 0])],
      "four ranges"),
    A("=TRAINING.NONARMSLENGTHCAP(F{r0}:F{r1};4000;1000;500)",
      [(num(5500), [10000]), (num(5000), [5000]), (num(5500), [5500])],
      "range of invoices, parts broadcast"),
], "TRAINING.NONARMSLENGTHCAP / FORMATION.PLAFONDLIENDEPENDANCE")

SHARE = Sheet("SHARE", ["total_cost", "member_hours", "all_hours"], [
    C("=TRAINING.SHARE(9000;30;90)", num(3000), comment="9000 x 30 / 90"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", num(400), [1200, 1, 3], "1200 x 1 / 3"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", num(0), [1000, 0, 50], "no hours of the member"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", num(1000), [1000, 50, 50], "the only member"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", ERR, [1000, 10, 0], "all_hours = 0"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", ERR, [-1000, 1, 2], "negative cost"),
    C("=TRAINING.SHARE(F{r};G{r};H{r})", ERR, ["x", 1, 2], "text cost"),
    A("=TRAINING.SHARE(12000;G{r0}:G{r1};120)",
      [(num(1000), [None, 10]), (num(3000), [None, 30]), (num(8000), [None, 80])],
      "range of member hours, cost and total broadcast"),
    A("=TRAINING.SHARE(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1})",
      [(ERR, [1000, 1, 2]), (ERR, [1000, 1, 0])],
      "one all_hours = 0: the whole array is Err:502"),
], "TRAINING.SHARE / FORMATION.QUOTEPART")

# ---- paragraphs.fods ------------------------------------------------------------------------

TITLE16_EN = "Travel, lodging, meals and day care"
TITLE16_FR = "Déplacement, hébergement, repas et garde"

PARAGRAPH = Sheet("PARAGRAPH", ["expense_kind", "provider_kind", "member_of_order"], [
    C("=TRAINING.PARAGRAPH(\"tuition\";\"recognized-institution\")", text("1(1)"),
      comment="s. 1(1): fees paid to a recognized institution"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(3)"), ["tuition", "non-accredited"],
      "s. 1(3): not recognized / not accredited"),
    C("=TRAINING.PARAGRAPH(F{r};G{r};H{r})", text("1(6)"), ["tuition", "professional-order", 1],
      "s. 1(6): order's training, employee member"),
    C("=TRAINING.PARAGRAPH(F{r};G{r};H{r})", text("1(24)"), ["tuition", "professional-order", 0],
      "s. 1(24): order's training, not a member"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(16)"), ["travel"], "s. 1(16)"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(17.1)"), ["materials"], "s. 1(17.1)"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(5)"), ["trainer-wages", "internal"],
      "s. 1(5): internal trainer"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(2)"), ["reimbursement", "recognized-institution"],
      "s. 1(2): refund of the employee's fees"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(18)"), ["premises"], "s. 1(18): leasing premises"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(7)"), ["participant-wages"],
      "s. 1(7): wages of employees in training"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", NA, ["tuition", "internal"],
      "no paragraph: tuition paid to oneself"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(1)"), ["frais-formation", "etablissement-reconnu"],
      "French keywords"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(16)"), ["frais-deplacement"], "French: travel"),
    C("=TRAINING.PARAGRAPH(F{r})", text("1(17.1)"), ["materiel"], "French: materials"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(5)"), ["salaire-formateur", "interne"],
      "French: internal trainer"),
    C("=TRAINING.PARAGRAPH(F{r};G{r};H{r})", text("1(6)"),
      ["frais-formation", "ordre-professionnel", 1], "French: professional order, member"),
    C("=TRAINING.PARAGRAPH(F{r})", ERR, ["spaceship"], "unknown expense kind"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", text("1(16)"), ["travel", None],
      "empty provider cell = provider omitted, as in the range form"),
    C("=TRAINING.PARAGRAPH(F{r};G{r};H{r})", text("1(24)"), ["tuition", "professional-order", None],
      "empty member cell counts as 0"),
    C("=TRAINING.PARAGRAPH(F{r};G{r})", ERR, ["tuition", "alien"], "unknown provider kind"),
    A("=TRAINING.PARAGRAPH(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1})",
      [(text("1(1)"), ["tuition", "recognized-institution", None]),
       (text("1(16)"), ["travel", None, None]),
       (text("1(24)"), ["tuition", "professional-order", 0]),
       (text(""), [None, None, None])],
      "three ranges; all-empty row gives an empty text (text arrays are strings)"),
    A("=TRAINING.PARAGRAPH(F{r0}:F{r1};\"recognized-institution\")",
      [(text("1(1)"), ["tuition"]), (text("1(2)"), ["reimbursement"])],
      "range of kinds, provider broadcast"),
    A("=TRAINING.PARAGRAPH(F{r0}:F{r1})",
      [(ERR, ["travel"]), (ERR, ["warp-drive"])],
      "one unknown word: the whole array is Err:502"),
], "TRAINING.PARAGRAPH / FORMATION.PARAGRAPHE")

# An element without a paragraph inside an array result: Calc's array results cannot hold
# an error per element, so it is an empty text (a single cell gives #N/A).
PARAGRAPH_NA_IN_ARRAY = A("=TRAINING.PARAGRAPH(F{r0}:F{r1};G{r0}:G{r1})",
                          [(text("1(16)"), ["travel", None]), (text(""), ["tuition", "internal"])],
                          "no paragraph for one element of a range: an empty text there")
PARAGRAPH.cases.append(PARAGRAPH_NA_IN_ARRAY)

PARAGRAPHTITLE = Sheet("PARAGRAPHTITLE", ["paragraph", "language"], [
    C("=TRAINING.PARAGRAPHTITLE(\"1(16)\";\"en\")", text(TITLE16_EN), comment="s. 1(16), English"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", text(TITLE16_EN), [16, "en"], "a number 16"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", text(TITLE16_EN), ["16", "en"], "the text 16"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", text(TITLE16_FR), ["1(16)", "fr"], "French"),
    C("=TRAINING.PARAGRAPHTITLE(\"1(16)\")", text(TITLE16_EN),
      comment="language omitted: the office's (the runner starts it in en-US)"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})",
      custom("contains 'teaching materials'",
             "=IF(ISTEXT(A{r});ISNUMBER(SEARCH(\"teaching materials\";A{r}));FALSE())"),
      ["1(17.1)", "en"], "s. 1(17.1) is about teaching materials"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})",
      custom("contains 'ordre professionnel'",
             "=IF(ISTEXT(A{r});ISNUMBER(SEARCH(\"ordre professionnel\";A{r}));FALSE())"),
      ["1(6)", "fr"], "s. 1(6) in French names the professional order"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", ERR, ["1(27)", "en"], "no paragraph 27"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", text(TITLE16_EN), [16, None],
      "empty language cell = language omitted (office in en-US)"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", ERR, ["1(16)", "de"], "unknown language"),
    C("=TRAINING.PARAGRAPHTITLE(F{r};G{r})", ERR, ["abc", "en"], "not a paragraph"),
    A("=TRAINING.PARAGRAPHTITLE(F{r0}:F{r1};\"en\")",
      [(text(TITLE16_EN), ["1(16)"]), (text(TITLE16_EN), [16]), (text(TITLE16_EN), ["16"])],
      "range of paragraphs, language broadcast"),
    A("=TRAINING.PARAGRAPHTITLE(\"1(16)\";G{r0}:G{r1})",
      [(text(TITLE16_EN), [None, "en"]), (text(TITLE16_FR), [None, "fr"])],
      "range of languages"),
], "TRAINING.PARAGRAPHTITLE / FORMATION.TITREPARAGRAPHE")

ISELIGIBLE = Sheet("ISELIGIBLE", ["paragraph", "year"], [
    C("=TRAINING.ISELIGIBLE(\"1(16)\";2024)", num(1), comment="in force"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), ["1(19)", 2024], "revoked"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), [20, 2024], "revoked (a number)"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), ["1(21)", 2024], "revoked"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), ["22", 2024], "revoked"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), ["1(25)", 2024], "revoked"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(1), ["1(17.1)", 2024], "in force"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(1), [4.1, 2024], "4.1 as a number"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(1), ["1(26)", 2008], "first supported year"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(0), ["1(19)", 2008], "already revoked in 2008"),
    C("=TRAINING.ISELIGIBLE(\"1(1)\")", num(1), comment="year omitted"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", num(1), ["1(1)", None],
      "empty year cell = year omitted"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", ERR, ["1(16)", 2007], "before 2008"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", ERR, ["1(27)", 2024], "no paragraph 27"),
    C("=TRAINING.ISELIGIBLE(F{r};G{r})", ERR, ["abc", 2024], "not a paragraph"),
    A("=TRAINING.ISELIGIBLE(F{r0}:F{r1};2024)",
      [(num(1), ["1(1)"]), (num(0), ["1(19)"]), (num(1), [17.1]), (num(0), ["1(25)"])],
      "range of paragraphs, year broadcast"),
    A("=TRAINING.ISELIGIBLE(\"1(16)\";G{r0}:G{r1})",
      [(num(1), [None, 2008]), (num(1), [None, 2024]), (num(1), [None, 2026])],
      "range of years"),
    A("=TRAINING.ISELIGIBLE(F{r0}:F{r1};G{r0}:G{r1})",
      [(ERR, ["1(1)", 2024]), (ERR, ["1(1)", 2000])],
      "one year before 2008: the whole array is Err:502"),
], "TRAINING.ISELIGIBLE / FORMATION.ESTADMISSIBLE")

SUGGESTPARAGRAPH = Sheet("SUGGESTPARAGRAPH", ["description"], [
    C("=TRAINING.SUGGESTPARAGRAPH(\"Frais d'inscription au colloque\")", text("1(23)"),
      comment="convention registration is s. 1(23), not tuition"),
    C("=TRAINING.SUGGESTPARAGRAPH(F{r})", text("1(16)"), ["hotel and mileage"], "travel"),
    C("=TRAINING.SUGGESTPARAGRAPH(F{r})", text("1(18)"), ["location de salle"], "room rental"),
    C("=TRAINING.SUGGESTPARAGRAPH(F{r})", NA, ["xyzzy"], "nothing fits"),
    A("=TRAINING.SUGGESTPARAGRAPH(F{r0}:F{r1})",
      [(text("1(23)"), ["Frais d'inscription au colloque"]), (text("1(16)"), ["hotel and mileage"]),
       (text("1(18)"), ["location de salle"]), (text(""), [None])],
      "range of descriptions; empty row gives an empty text"),
], "TRAINING.SUGGESTPARAGRAPH / FORMATION.SUGGERERPARAGRAPHE")

# ---- obligation.fods ------------------------------------------------------------------------

SUBJECT = Sheet("SUBJECT", ["payroll", "year"], [
    C("=TRAINING.SUBJECT(2000000;2024)", num(0), comment="exactly the threshold: not subject"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(1), [2000000.01, 2024], "one cent over 2,000,000"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(1), [2500000, 2015], "2015: threshold 2,000,000"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(0), [1500000, 2015], "2015: under 2,000,000"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(1), [1500000, 2014], "2014: threshold 1,000,000"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(0), [1000000, 2014], "2014: exactly 1,000,000"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(1), [1000000.01, 2004], "2004, first year"),
    C("=TRAINING.SUBJECT(F{r};G{r})", num(0), [0, 2024], "no payroll"),
    C("=TRAINING.SUBJECT(F{r};G{r})", ERR, [5000000, 2003], "before 2004"),
    C("=TRAINING.SUBJECT(F{r};G{r})", ERR, [-1, 2024], "negative payroll"),
    C("=TRAINING.SUBJECT(F{r};G{r})", ERR, ["x", 2024], "text payroll"),
    A("=TRAINING.SUBJECT(F{r0}:F{r1};2024)",
      [(num(0), [1000000]), (num(0), [2000000]), (num(1), [3000000])],
      "range of payrolls, year broadcast"),
    A("=TRAINING.SUBJECT(1500000;G{r0}:G{r1})",
      [(num(1), [None, 2010]), (num(1), [None, 2014]), (num(0), [None, 2015])],
      "range of years around the 2015 change"),
], "TRAINING.SUBJECT / FORMATION.ASSUJETTI")

MINIMUM = Sheet("MINIMUM", ["payroll", "year"], [
    C("=TRAINING.MINIMUM(2500000;2024)", num(25000), comment="1 % of 2,500,000"),
    C("=TRAINING.MINIMUM(F{r};G{r})", num(0), [2000000, 2024], "not subject"),
    C("=TRAINING.MINIMUM(F{r};G{r})", num(15000), [1500000, 2010], "2010: subject"),
    C("=TRAINING.MINIMUM(F{r};G{r})", num(0), [1500000, 2015], "2015: not subject"),
    C("=TRAINING.MINIMUM(F{r};G{r})", num(34567.89), [3456789, 2025], "1 % of 3,456,789"),
    C("=TRAINING.MINIMUM(F{r};G{r})", ERR, [1000000, 2003], "before 2004"),
    C("=TRAINING.MINIMUM(F{r};G{r})", ERR, [-2500000, 2024], "negative payroll"),
    A("=TRAINING.MINIMUM(F{r0}:F{r1};G{r0}:G{r1})",
      [(num(25000), [2500000, 2024]), (num(15000), [1500000, 2014]), (num(0), [1500000, 2024])],
      "two ranges"),
], "TRAINING.MINIMUM / FORMATION.MINIMUM")

CONTRIBUTION = Sheet("CONTRIBUTION", ["payroll", "year", "eligible", "carried_forward", "cqif"], [
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r};I{r};J{r})", num(0), [2500000, 2024, 0, 0, 1],
      "issue 7: a CQIF holder (r. 5) contributes nothing"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r};I{r};J{r})", num(25000), [2500000, 2024, 0, 0, 0],
      "cqif 0: 1 % of 2500000"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r};I{r};J{r})", num(25000),
      [2500000, 2024, 0, None, None], "cqif empty: not a holder"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r};I{r};J{r})", ERR, [2500000, 2024, 0, 0, 2],
      "cqif must be 1 or 0"),
    C("=TRAINING.CONTRIBUTION(2500000;2024;20000)", num(5000), comment="25000 - 20000"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r};I{r})", num(2000), [2500000, 2024, 20000, 3000],
      "25000 - 20000 - 3000"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", num(0), [2500000, 2024, 30000], "spent more"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", num(25000), [2500000, 2024, 0], "nothing spent"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", num(0), [1500000, 2024, 0], "not subject"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", num(5000), [1500000, 2014, 10000],
      "2014: 15000 - 10000"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", ERR, [2500000, 2003, 0], "before 2004"),
    C("=TRAINING.CONTRIBUTION(F{r};G{r};H{r})", ERR, [2500000, 2024, -1], "negative eligible"),
    A("=TRAINING.CONTRIBUTION(F{r0}:F{r1};2024;H{r0}:H{r1})",
      [(num(5000), [2500000, None, 20000]), (num(0), [3000000, None, 35000]),
       (num(0), [1800000, None, 0])],
      "payroll and eligible ranges, year broadcast"),
], "TRAINING.CONTRIBUTION / FORMATION.COTISATIONFDRCMO")

CARRYFORWARD = Sheet("CARRYFORWARD", ["payroll", "year", "eligible", "carried_forward",
                                      "used_for_credits"], [
    C("=TRAINING.CARRYFORWARD(2500000;2024;30000)", num(5000), comment="30000 - 25000"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r})", num(7000), [2500000, 2024, 30000, 2000],
      "30000 + 2000 - 25000"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r};J{r})", num(5500),
      [2500000, 2024, 30000, 2000, 1500], "30000 + 2000 - 25000 - 1500"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r})", num(0), [2500000, 2024, 20000], "shortfall"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r})", num(0), [2500000, 2024, 20000, 3000],
      "23000 < 25000"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r})", num(10000), [1500000, 2024, 10000, 4000],
      "issue 7: not subject: its eligible 10000 for the next year's line 75 (carried 4000 not "
      "carried further)"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r})", num(10000), [1500000, 2024, 10000],
      "not subject: its eligible expenditures"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r};J{r})", num(8500),
      [1500000, 2024, 10000, 0, 1500], "not subject: 10000 less 1500 used for credits"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r})", ERR, [2500000, 2003, 30000], "before 2004"),
    C("=TRAINING.CARRYFORWARD(F{r};G{r};H{r};I{r};J{r})", ERR, [2500000, 2024, 30000, 0, -1],
      "negative used_for_credits"),
    A("=TRAINING.CARRYFORWARD(F{r0}:F{r1};G{r0}:G{r1};H{r0}:H{r1};I{r0}:I{r1};J{r0}:J{r1})",
      [(num(5000), [2500000, 2024, 30000, None, None]),
       (num(5500), [2500000, 2024, 30000, 2000, 1500]),
       (num(10000), [1500000, 2024, 10000, 4000, None]),
       (EMPTY, [None, None, None, None, None])],
      "five ranges; all-empty row is empty"),
], "TRAINING.CARRYFORWARD / FORMATION.REPORT")

DECLARABLE = Sheet("DECLARABLE", ["completion_date", "declared_year"], [
    C("=TRAINING.DECLARABLE(DATE(2024;6;15);2024)", num(1), comment="same year"),
    C("=TRAINING.DECLARABLE(DATE(2024;6;15);2023)", num(0), comment="s. 7(14): not before"),
    C("=TRAINING.DECLARABLE(DATE(2024;6;15);2025)", num(1), comment="a later year"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", num(1), [45291, 2024], "serial 45291 = 2023-12-31"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", num(0), [45658, 2024], "serial 45658 = 2025-01-01"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", ERR, ["x", 2024], "text date"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", ERR, [3000000, 2024],
      "issue 7: serial 3000000 is after 9999-12-31: an error, never a 1 or 0"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", ERR, [-200000, 2024], "serial before 1583: an error"),
    C("=TRAINING.DECLARABLE(F{r};G{r})", ERR, [1e300, 2024], "a huge serial: an error"),
    A("=TRAINING.DECLARABLE(F{r0}:F{r1};2024)",
      [(num(1), [45458]), (num(0), [45658]), (num(1), [45291])],
      "range of dates (2024-06-15, 2025-01-01, 2023-12-31), year broadcast"),
], "TRAINING.DECLARABLE / FORMATION.DECLARABLE")

RETENTIONEND = Sheet("RETENTIONEND", ["last_year"], [
    C("=TRAINING.RETENTIONEND(2024)", num(47848), comment="2030-12-31 = serial 47848"),
    C("=TRAINING.RETENTIONEND(F{r})", num(45657), [2018], "2024-12-31 = serial 45657"),
    C("=TRAINING.RETENTIONEND(F{r})", num(48213), [2025], "2031-12-31 = serial 48213"),
    C("=YEAR(TRAINING.RETENTIONEND(2024))", num(2030), comment="last_year + 6"),
    C("=MONTH(TRAINING.RETENTIONEND(2024))", num(12), comment="December"),
    C("=DAY(TRAINING.RETENTIONEND(2024))", num(31), comment="31st"),
    C("=TRAINING.RETENTIONEND(F{r})", ERR, ["x"], "text year"),
    A("=TRAINING.RETENTIONEND(F{r0}:F{r1})",
      [(num(47848), [2024]), (num(45657), [2018])], "range of years"),
], "TRAINING.RETENTIONEND / FORMATION.FINCONSERVATION")

DOCUMENTS = {
    "money.fods": [HOURLYRATE, WAGES, REPLACEMENTWAGES, CONTRIBUTIONS, NETOFASSISTANCE, NONARMSLENGTHCAP, SHARE],
    "paragraphs.fods": [PARAGRAPH, PARAGRAPHTITLE, ISELIGIBLE, SUGGESTPARAGRAPH],
    "obligation.fods": [SUBJECT, MINIMUM, CONTRIBUTION, CARRYFORWARD, DECLARABLE, RETENTIONEND],
}

if __name__ == "__main__":
    for name, sheets in DOCUMENTS.items():
        write(os.path.join(HERE, name), sheets,
              "OnePercent Calc function tests; generated by tests/calc/gen_fods.py from "
              "hand-computed expectations: do not edit by hand")
        print("wrote", os.path.join(HERE, name))
