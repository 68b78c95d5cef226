#!/usr/bin/python3
"""Make a large, valid OnePercent workbook (fiscal year 2025) for the validation benchmarks.

Drives a headless office (tests/calc/office.py: throwaway profile under --work, extension
installed, stopped by its process group) the way a person fills the template, in bulk:

  1. loads the English template (build/samples/template/onepercent-template-en.ots) as a
     template (AsTemplate) and lifts the sheet protection (no password);
  2. fills the Employer form with one setDataArray;
  3. per table: rewrites the row-2 formulas of the computed columns (Expenses: also the
     last column, Eligible amount) so that their lookups ($Employees.$E$2:$E$201...) cover
     the new last rows, extends row 2 down to the last
     data row with ONE fillAuto over the table's width (formulas of the computed columns,
     and the input cells' styles, validity and unlocked protection), then writes the inputs
     with one setDataArray per block of adjacent input columns;
  4. Summary: inserts rows so the "by activity" and "by employee" sub-tables mirror every
     activity and employee, rewrites the contract lines (L.SUMMARY, B2:B15 in template 1.1),
     the totals by paragraph (from L.PARAGRAPH_FIRST) and the first row of each sub-table (the eligible column I is a SUMIF by activity of that
     column) for the larger ranges (setFormulaArray, one call per block) and extends each
     sub-table with one fillAuto; the named ranges are widened too;
  5. recalculates, protects every sheet again (no password) and stores .ods (calc8).

The data are consistent (known keywords and IDs, completion dates in 2025, supporting
documents, events with their registration cost, non-arm's-length parts covering the amount,
proofs of the training plan...), so the validator should report no finding; run it with
--check to print what it reports (onepercent-validate, JSON).

    /usr/bin/python3 bench/make_large_workbook.py --oxt build/onepercent.oxt \\
        --work build/bench/large --out build/bench/large/large-2025.ods
"""
import argparse
import collections
import datetime
import json
import os
import random
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, os.path.join(ROOT, "samples", "template"))

import office  # noqa: E402
import layout as L  # noqa: E402

import uno  # noqa: E402  (importable once office.py has checked the interpreter)

TO_BOTTOM = uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM")
NULL_DATE = datetime.date(1899, 12, 30)
YEAR = 2025

TEMPLATE = os.path.join(ROOT, "build", "samples", "template", "onepercent-template-en.ots")
VALIDATOR = os.path.join(ROOT, "build", "dialogs", "batch", "onepercent-validate")

# ---- data ---------------------------------------------------------------------------------

FIRST_NAMES = ["Marie", "Jean", "Sophie", "Luc", "Anne", "Karim", "Nadia", "Émilie", "François",
               "Chloé", "Mathieu", "Geneviève", "Olivier", "Stéphanie", "Amir", "Léa", "Hugo",
               "Josée", "Patrick", "Mélanie", "Samuel", "Isabelle", "Thi Lan", "Noah"]
LAST_NAMES = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Haddad", "Lefebvre", "Gauthier",
              "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque",
              "Bergeron", "Nguyen", "Girard", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier"]
TOPICS = ["MIG welding", "CNC lathe", "Blueprint reading", "Lean manufacturing", "Forklift safety",
          "Excel for planning", "Project management", "Customer service", "French at work",
          "Hydraulics", "PLC programming", "Quality control", "First aid", "Leadership",
          "Accounting update", "Ethics", "Cybersecurity awareness", "Preventive maintenance"]
# Provider kinds, weighted like a manufacturer's year.
PROVIDERS = [("recognized-institution", "Cégep de Saint-Jérôme", 18),
             ("accredited-body", "Réseau SST Québec", 14),
             ("accredited-instructor", "Formations Gagnon-Roy inc.", 12),
             ("multi-employer-service", "Mutuelle de formation Laurentides", 8),
             ("non-accredited", "Conseils Techno-Pro", 10),
             ("professional-order", "Ordre des CPA du Québec", 6),
             ("association", "Association de la PME manufacturière", 6),
             ("internal-accredited-service", "Service de formation interne agréé", 8),
             ("internal", "Manufacture Boréale (in-house)", 18)]
EXTERNAL_TUITION = {"recognized-institution", "accredited-body", "accredited-instructor",
                    "multi-employer-service", "non-accredited", "professional-order",
                    "association"}
PEDAGOGICAL = {"recognized-institution", "accredited-body", "accredited-instructor"}
TRAINER_PROVIDERS = {"internal-accredited-service", "multi-employer-service", "internal"}
PAY_BASES = [("year", 1), ("month", 12), ("biweekly", 26), ("week", 52), ("hour", 1950)]


def serial(day):
    return float((day - NULL_DATE).days)


def cents(generator, low, high):
    return generator.randint(int(low * 100), int(high * 100)) / 100.0


def make_data(counts, seed=2025):
    """Rows of every table as tuples in the template's column order (inputs only: the
    computed columns are None here), consistent with each other."""
    generator = random.Random(seed)
    n_emp, n_act, n_part, n_exp = (counts["employees"], counts["activities"],
                                   counts["participation"], counts["expenses"])

    employees, salaries = [], []
    for index in range(n_emp):
        annual = generator.randint(380, 1300) * 100.0
        basis, periods = PAY_BASES[index % len(PAY_BASES)]
        amount = round(annual / periods, 2)
        annual = round(amount * periods, 2)
        name = "%s %s" % (generator.choice(FIRST_NAMES), generator.choice(LAST_NAMES))
        employees.append({"employee_id": "E%05d" % (index + 1), "name": name,
                          "pay_basis": basis, "pay_amount": amount, "annual_salary": annual,
                          "cnesst_rate": generator.choice([0.85, 1.24, 1.85, 2.43, 3.10])})
        salaries.append(annual)

    weights = [weight for _, _, weight in PROVIDERS]
    activities = []
    for index in range(n_act):
        kind, provider, _ = generator.choices(PROVIDERS, weights)[0]
        start = datetime.date(YEAR, 1, 6) + datetime.timedelta(days=generator.randint(0, 330))
        end = min(start + datetime.timedelta(days=generator.randint(0, 45)),
                  datetime.date(YEAR, 12, 31))
        on_the_job = kind in ("internal", "internal-accredited-service") and \
            generator.random() < 0.3
        ohs = generator.random() < 0.1
        # A few external instructors are not at arm's length (s. 7(12)): their expenses
        # give the three parts, which cover the invoiced amount.
        arms_length = "no" if (kind in ("accredited-instructor", "non-accredited") and
                               generator.random() < 0.25) else "yes"
        activities.append({
            "activity_id": "A%04d" % (index + 1),
            "title": "%s %d" % (generator.choice(TOPICS), index + 1),
            "provider_name": provider, "provider_kind": kind, "arms_length": arms_length,
            "plan_reference": "PF-%d-%04d" % (YEAR, index + 1),
            "consultation_proof": "yes", "attestation_issued": "yes",
            "start_date": serial(start), "completion_date": serial(end),
            "planned_duration": float(generator.choice([7, 12, 14, 18, 21, 30, 35, 40])),
            "supervision": "yes", "on_the_job": "yes" if on_the_job else "no",
            "ohs": "yes" if ohs else "no", "ohs_integral": "yes" if ohs else "no"})

    participation = []
    seen = set()
    trained = set()
    while len(participation) < n_part:
        employee = generator.randrange(n_emp)
        activity = generator.randrange(n_act)
        if (employee, activity) in seen:
            if len(seen) >= n_emp * n_act:
                break
            continue
        seen.add((employee, activity))
        act = activities[activity]
        role = "participant"
        draw = generator.random()
        if act["provider_kind"] in TRAINER_PROVIDERS and activity not in trained:
            role = "trainer"
            trained.add(activity)
        elif draw < 0.04:
            role = "supervisor"
        elif draw < 0.07:
            role = "replacement"
        hours = float(generator.randint(1, int(act["planned_duration"])))
        # Template 1.1: a replacement row names the employee it replaces (s. 1(8)).
        replaced = ""
        if role == "replacement":
            replaced = employees[(employee + 1) % n_emp]["employee_id"]
        participation.append({"employee_id": employees[employee]["employee_id"],
                              "activity_id": act["activity_id"], "role": role, "hours": hours,
                              "replaced_employee_id": replaced})

    expenses = []
    for index in range(n_exp):
        act = activities[generator.randrange(n_act)]
        kind_of_provider = act["provider_kind"]
        kinds = ["travel", "materials", "premises", "training-plan", "training-development",
                 "event"]
        if kind_of_provider in EXTERNAL_TUITION:
            kinds += ["tuition"] * 4 + ["reimbursement"]
        if kind_of_provider in PEDAGOGICAL:
            kinds.append("pedagogical-support")
        kinds.append("replacement-wages")
        kind = generator.choice(kinds)
        ranges = {"tuition": (250, 4500), "reimbursement": (100, 2500), "travel": (15, 900),
                  "materials": (10, 600), "premises": (150, 2500), "training-plan": (400, 3000),
                  "training-development": (500, 6000), "event": (200, 2200),
                  "pedagogical-support": (150, 2000), "replacement-wages": (200, 2500)}
        amount = cents(generator, *ranges[kind])
        employee = ""
        if kind in ("replacement-wages", "travel", "reimbursement") or generator.random() < 0.2:
            employee = employees[generator.randrange(n_emp)]["employee_id"]
        assistance = ""
        if generator.random() < 0.1:
            assistance = round(amount * generator.choice([0.1, 0.25, 0.5]), 2)
        member = ""
        if kind_of_provider == "professional-order":
            member = "yes" if generator.random() < 0.8 else "no"
        nal = ("", "", "")
        if act["arms_length"] == "no":
            nal = (round(amount * 0.7, 2), round(amount * 0.2, 2), round(amount * 0.15, 2))
        descriptions = {"tuition": "Tuition, %s", "reimbursement": "Tuition reimbursed, %s",
                        "travel": "Mileage and hotel, %s", "materials": "Course materials, %s",
                        "premises": "Room rental, %s", "training-plan": "Training plan, %s",
                        "training-development": "Course development, %s",
                        "event": "Registration, %s", "pedagogical-support":
                            "Pedagogical support, %s",
                        "replacement-wages": "Replacement during %s"}
        expenses.append({
            "expense_id": "X%06d" % (index + 1), "activity_id": act["activity_id"],
            "employee_id": employee, "expense_kind": kind, "member_of_order": member,
            "description": descriptions[kind] % act["title"], "amount": amount,
            "registration_cost": amount if kind == "event" else "",
            "assistance": assistance,
            "document_ref": "INV-%d-%06d" % (YEAR, index + 1),
            "nal_wages": nal[0], "nal_travel": nal[1], "nal_materials": nal[2]})

    employer = {"name": "Manufacture Boréale inc.", "neq": "1170000017", "year": float(YEAR),
                "payroll": round(sum(salaries), 2), "carried_forward": 12500.0, "cqif": "no",
                "exempt_category": "", "used_for_credits": 0.0}
    return {"employer": employer, "employees": employees, "activities": activities,
            "participation": participation, "expenses": expenses}


# ---- formulas -----------------------------------------------------------------------------

def widen(formula, last_rows):
    """Point the absolute data-row ranges of the other tables ($Employees.$E$2:$E$201) at
    the new last rows."""
    def one(match):
        sheet, first_col, last_col = match.group(1), match.group(2), match.group(3)
        last = last_rows.get(sheet)
        if last is None:
            return match.group(0)
        return "$%s.$%s$2:$%s$%d" % (sheet, first_col, last_col, last)
    return re.sub(r"\$(\w+)\.\$([A-Z]+)\$2:\$([A-Z]+)\$%d\b" % L.LAST_DATA_ROW, one, formula)


def input_blocks(columns):
    """[(first index, last index)] of the runs of adjacent input (not computed) columns."""
    blocks, start = [], None
    for index, column in enumerate(columns + [None]):
        is_input = column is not None and not column.computed
        if is_input and start is None:
            start = index
        elif not is_input and start is not None:
            blocks.append((start, index - 1))
            start = None
    return blocks


def fill_table(document, key, rows, last_rows, log):
    columns = L.TABLES[key]
    sheet = document.getSheets().getByName(dict((k, en) for k, en, _ in L.SHEETS)[key])
    width = len(columns)
    last = L.FIRST_DATA_ROW + max(len(rows), L.DATA_ROWS) - 1
    first_row = L.FIRST_DATA_ROW - 1                     # 0-based row 2
    started = time.perf_counter()
    # Row 2's computed formulas, widened to the other tables' new extents.
    computed = [i for i, column in enumerate(columns) if column.computed]
    for index in computed:
        cell = sheet.getCellByPosition(index, first_row)
        cell.setFormula(widen(cell.getFormula(), last_rows))
    # One fillAuto from row 2 over the table's width: the computed columns' formulas, and
    # the input cells' attributes (style, validity, unlocked protection) down to `last`.
    if last > L.LAST_DATA_ROW or computed:
        sheet.getCellRangeByPosition(0, first_row, width - 1, last - 1).fillAuto(TO_BOTTOM, 1)
    fill = time.perf_counter() - started
    started = time.perf_counter()
    calls = 0
    for begin, end in input_blocks(columns):
        keys = [column.key for column in columns[begin:end + 1]]
        data = tuple(tuple(record.get(k, "") for k in keys) for record in rows)
        if data:
            sheet.getCellRangeByPosition(begin, first_row, end,
                                         first_row + len(data) - 1).setDataArray(data)
            calls += 1
    log("%-13s %6d rows: fillAuto %.1f s, %d setDataArray %.1f s"
        % (key, len(rows), fill, calls, time.perf_counter() - started))
    return last


def fill_summary(document, last_rows, n_activities, n_employees, log):
    started = time.perf_counter()
    sheet = document.getSheets().getByName("Summary")
    rows = sheet.getRows()
    act_first = L.BY_ACTIVITY_FIRST                       # 42
    act_rows = max(n_activities, L.DATA_ROWS)
    extra = act_rows - L.DATA_ROWS
    if extra:
        # Before the sub-table's last row (the sub-table's own ranges widen with it).
        rows.insertByIndex(act_first + L.DATA_ROWS - 2, extra)
    emp_first = L.BY_EMPLOYEE_FIRST + extra               # 245 + extra
    emp_rows = max(n_employees, L.DATA_ROWS)
    extra_e = emp_rows - L.DATA_ROWS
    if extra_e:
        rows.insertByIndex(emp_first + L.DATA_ROWS - 2, extra_e)

    def rewrite(first_col, first_row, last_col, last_row):   # 1-based rows, 0-based cols
        block = sheet.getCellRangeByPosition(first_col, first_row - 1, last_col, last_row - 1)
        formulas = block.getFormulaArray()
        block.setFormulaArray(tuple(tuple(widen(f, last_rows) for f in row) for row in formulas))

    rewrite(1, 2, 1, 1 + len(L.SUMMARY))                   # B2:B15, the contract's lines
    paragraph_last = (L.PARAGRAPH_FIRST + len(L.PARAGRAPHS) +
                      len(getattr(L, "PARAGRAPH_EXTRA", ())) - 1)
    rewrite(1, L.PARAGRAPH_FIRST, 4, paragraph_last)       # B19:E43, totals by paragraph
    rewrite(0, act_first, 8, act_first)                    # A42:I42 (I: SUMIF eligible)
    sheet.getCellRangeByPosition(0, act_first - 1, 8,
                                 act_first + act_rows - 2).fillAuto(TO_BOTTOM, 1)
    rewrite(0, emp_first, 4, emp_first)
    sheet.getCellRangeByPosition(0, emp_first - 1, 4,
                                 emp_first + emp_rows - 2).fillAuto(TO_BOTTOM, 1)
    log("Summary: by activity %d rows, by employee %d rows (from row %d): %.1f s"
        % (act_rows, emp_rows, emp_first, time.perf_counter() - started))
    return act_first + act_rows - 1, emp_first + emp_rows - 1


def make_workbook(the_office, template, out, counts, log, seed=2025):
    data = make_data(counts, seed)
    document = the_office.load(template, hidden=True, AsTemplate=True)
    try:
        undo = document.getUndoManager()
        undo.lock()                          # no undo actions for 60 000 rows
        document.enableAutomaticCalculation(False)
        document.lockControllers()
        sheets = document.getSheets()
        names = dict((key, en) for key, en, _ in L.SHEETS)
        for key, _, _ in L.SHEETS:
            sheets.getByName(names[key]).unprotect("")

        employer = data["employer"]
        form = tuple((employer.get(column.key, ""),) for column in L.EMPLOYER)
        sheets.getByName("Employer").getCellRangeByPosition(
            1, 1, 1, len(form)).setDataArray(form)

        # Tables this bench does not fill (Certifications, 1.2) keep their prepared rows.
        last_rows = {names[key]: L.FIRST_DATA_ROW + max(len(data.get(key, ())), L.DATA_ROWS) - 1
                     for key in L.TABLES}
        for key in ("employees", "activities", "participation", "expenses"):
            fill_table(document, key, data[key], last_rows, log)
        summary_last = fill_summary(document, last_rows, len(data["activities"]),
                                    len(data["employees"]), log)

        ranges = document.NamedRanges
        for name, key in L.NAMED_RANGES:
            if key in L.TABLES:
                width = len(L.TABLES[key])
                letter = chr(ord("A") + width - 1)
                ranges.getByName(name).setContent("$%s.$A$1:$%s$%d" % (
                    names[key], letter, last_rows[names[key]]))

        document.unlockControllers()
        started = time.perf_counter()
        document.calculateAll()
        log("calculateAll: %.1f s" % (time.perf_counter() - started))
        # AutoCalculate is a document setting that the .ods keeps: switch it back on.
        document.enableAutomaticCalculation(True)
        for key, _, _ in L.SHEETS:
            sheets.getByName(names[key]).protect("")
        undo.unlock()
        started = time.perf_counter()
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        document.storeToURL(office.file_url(out), office.props(FilterName="calc8"))
        log("stored %s (%.1f MB) in %.1f s" % (out, os.path.getsize(out) / 1e6,
                                               time.perf_counter() - started))
        summary = sheets.getByName("Summary")
        lines = {column.key: summary.getCellByPosition(1, 1 + i).getValue()
                 for i, column in enumerate(L.SUMMARY)}
        return data, lines, summary_last
    finally:
        office.close_document(document)


def validate(validator, oxt, work, path):
    """(exit code, findings by rule, the findings) of onepercent-validate --format json."""
    command = [validator, "--extension", oxt, "--work", os.path.join(work, "validator"),
               "--quiet", "--format", "json", path]
    result = subprocess.run(command, capture_output=True, timeout=1800)
    if not result.stdout:
        raise RuntimeError("onepercent-validate gave no report (exit %d): %s"
                           % (result.returncode, result.stderr.decode("utf-8", "replace")[-2000:]))
    report = json.loads(result.stdout.decode("utf-8"))["reports"][0]
    if not report.get("readable", True):
        raise RuntimeError("onepercent-validate could not read %s: %s"
                           % (path, report.get("readError")))
    findings = report.get("findings", [])
    return result.returncode, collections.Counter(f["ruleId"] for f in findings), findings


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.set_defaults(deadline=1800.0)
    parser.add_argument("--out", required=True, help="the .ods to write")
    parser.add_argument("--template", default=TEMPLATE)
    parser.add_argument("--expenses", type=int, default=50000)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--participation", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--validator", default=VALIDATOR,
                        help="onepercent-validate, to count the findings afterwards")
    parser.add_argument("--no-check", action="store_true",
                        help="do not run the validator on the result")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    counts = {"employees": args.employees, "activities": args.activities,
              "participation": args.participation, "expenses": args.expenses}
    if min(counts.values()) < 1:
        parser.error("every count must be positive")

    def log(message):
        print(message, flush=True)

    started = time.perf_counter()
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            data, lines, _ = make_workbook(the_office, args.template, args.out, counts, log,
                                           args.seed)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    log("made %s in %.0f s: %d employees, %d activities, %d participation rows, %d expenses"
        % (args.out, time.perf_counter() - started, len(data["employees"]),
           len(data["activities"]), len(data["participation"]), len(data["expenses"])))
    log("Summary: " + ", ".join("%s %.2f" % item for item in lines.items()))
    if args.no_check:
        return 0
    code, rules, findings = validate(args.validator, args.oxt, args.work, args.out)
    log("onepercent-validate: %d finding(s), exit %d%s" % (
        len(findings), code,
        (": " + ", ".join("%s x%d" % item for item in sorted(rules.items()))) if rules else ""))
    for finding in findings[:20]:
        log("  %s %s %s" % (finding.get("ruleId"), finding.get("location"),
                            finding.get("message", "")))
    return 0 if not findings else 1


if __name__ == "__main__":
    sys.exit(main())
