#!/usr/bin/python3
"""English and French function names of the OnePercent add-in in a real office.

For each UI locale (en-US, then fr-FR) a fresh office is started on its own profile with
the extension installed, and:

* the formula parser (com.sun.star.sheet.FormulaParser) in NATIVE language parses the
  display name of the UI language (TRAINING.WAGES in en-US, FORMATION.SALAIRES in fr-FR,
  with the locale's decimal separator), and the tokens, put into a cell, compute 600;
* in ENGLISH language ("Use English function names") it parses TRAINING.WAGES in both;
* printing the tokens back in NATIVE gives the UI language's name;
* FunctionAccess.callFunction accepts the English display name;
* TRAINING.PARAGRAPHTITLE without a language answers in the office's language;
* com.sun.star.sheet.FunctionDescriptions lists every function under its localized name,
  with a description and the arguments of the specification (names, optional flags) in
  that language.

    /usr/bin/python3 tests/calc/test_names.py --oxt build/onepercent.oxt --work build/names
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (tests run from it)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office  # noqa: E402

import uno  # noqa: E402
from com.sun.star.table import CellAddress  # noqa: E402

NATIVE = uno.getConstantByName("com.sun.star.sheet.FormulaLanguage.NATIVE")
ENGLISH = uno.getConstantByName("com.sun.star.sheet.FormulaLanguage.ENGLISH")
ALL_GROUPS = uno.getConstantByName("com.sun.star.sheet.FormulaMapGroup.ALL_EXCEPT_SPECIAL")
RESULT_STRING = uno.getConstantByName("com.sun.star.sheet.FormulaResult.STRING")

# method: (English name, French name, [(argument, optional)]) -- the function spec.
FUNCTIONS = {
    "hourlyRate": ("TRAINING.HOURLYRATE", "FORMATION.TAUXHORAIRE",
                   [("amount", False), ("period", True), ("hours_per_period", True)]),
    "wages": ("TRAINING.WAGES", "FORMATION.SALAIRES",
              [("hours", False), ("hourly_rate", False)]),
    "replacementWages": ("TRAINING.REPLACEMENTWAGES", "FORMATION.SALAIRESREMPLACEMENT",
                         [("hours", False), ("replacement_rate", False),
                          ("replaced_rate", False)]),
    "contributions": ("TRAINING.CONTRIBUTIONS", "FORMATION.COTISATIONS",
                      [("year", False), ("training_wages", False), ("annual_salary", False),
                       ("cnesst_rate_per_100", False), ("ei_employer_rate", True)]),
    "netOfAssistance": ("TRAINING.NETOFASSISTANCE", "FORMATION.NETAIDE",
                        [("expenditure", False), ("assistance", False),
                         ("exempt_category", True)]),
    "paragraph": ("TRAINING.PARAGRAPH", "FORMATION.PARAGRAPHE",
                  [("expense_kind", False), ("provider_kind", True),
                   ("member_of_order", True)]),
    "paragraphTitle": ("TRAINING.PARAGRAPHTITLE", "FORMATION.TITREPARAGRAPHE",
                       [("paragraph", False), ("language", True)]),
    "isEligible": ("TRAINING.ISELIGIBLE", "FORMATION.ESTADMISSIBLE",
                   [("paragraph", False), ("year", True)]),
    "suggestParagraph": ("TRAINING.SUGGESTPARAGRAPH", "FORMATION.SUGGERERPARAGRAPHE",
                         [("description", False)]),
    "subject": ("TRAINING.SUBJECT", "FORMATION.ASSUJETTI", [("payroll", False), ("year", False)]),
    "minimum": ("TRAINING.MINIMUM", "FORMATION.MINIMUM", [("payroll", False), ("year", False)]),
    "contribution": ("TRAINING.CONTRIBUTION", "FORMATION.COTISATIONFDRCMO",
                     [("payroll", False), ("year", False), ("eligible_expenditures", False),
                      ("carried_forward", True), ("cqif", True)]),
    "carryForward": ("TRAINING.CARRYFORWARD", "FORMATION.REPORT",
                     [("payroll", False), ("year", False), ("eligible", False),
                      ("carried_forward", True), ("used_for_credits", True)]),
    "declarable": ("TRAINING.DECLARABLE", "FORMATION.DECLARABLE",
                   [("completion_date", False), ("declared_year", False)]),
    "retentionEnd": ("TRAINING.RETENTIONEND", "FORMATION.FINCONSERVATION",
                     [("last_year", False)]),
    "nonArmsLengthCap": ("TRAINING.NONARMSLENGTHCAP", "FORMATION.PLAFONDLIENDEPENDANCE",
                         [("invoiced", False), ("wages_part", False), ("travel_part", False),
                          ("materials_part", False)]),
    "share": ("TRAINING.SHARE", "FORMATION.QUOTEPART",
              [("total_cost", False), ("member_hours", False), ("all_hours", False)]),
}

# The spec abbreviates some argument names; the longer form is accepted too.
ARGUMENT_ALIASES = {("carryForward", "eligible"): {"eligible_expenditures"}}

TITLE16 = {"en": "Travel, lodging, meals and day care",
           "fr": "Déplacement, hébergement, repas et garde"}


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print("  ok   %s" % what)
        else:
            self.failed.append(what)
            print("  FAIL %s%s" % (what, (": " + detail) if detail else ""))


def parser(document, language):
    formula_parser = document.createInstance("com.sun.star.sheet.FormulaParser")
    mapper = document.createInstance("com.sun.star.sheet.FormulaOpCodeMapper")
    formula_parser.setPropertyValue("CompileEnglish", language == ENGLISH)
    uno.invoke(formula_parser, "setPropertyValue", (
        "OpCodeMap", uno.Any("[]com.sun.star.sheet.FormulaOpCodeMapEntry",
                             mapper.getAvailableMappings(language, ALL_GROUPS))))
    return formula_parser


def evaluate(document, sheet, language, text, where=(0, 0)):
    """(value or error text, tokens, printed) for `text` parsed in `language`."""
    address = CellAddress()
    address.Sheet, address.Column, address.Row = 0, where[0], where[1]
    formula_parser = parser(document, language)
    tokens = formula_parser.parseFormula(text, address)
    printed = formula_parser.printFormula(tokens, address)
    cell = sheet.getCellByPosition(where[0], where[1])
    cell.setTokens(tokens)
    document.calculateAll()
    if cell.getError() or cell.getPropertyValue("FormulaResultType2") == RESULT_STRING:
        return cell.getString(), tokens, printed
    return cell.getValue(), tokens, printed


def describe_functions(the_office):
    """{display name: {"description":..., "arguments": [(name, description, optional)]}}."""
    descriptions = the_office.create("com.sun.star.sheet.FunctionDescriptions")
    found = {}
    for index in range(descriptions.getCount()):
        entry = {p.Name: p.Value for p in descriptions.getByIndex(index)}
        found[entry["Name"]] = {
            "description": entry.get("Description", ""),
            "arguments": [(a.Name, a.Description, a.IsOptional) for a in entry.get("Arguments") or ()],
        }
    return found


def run_locale(args, locale, checker, english_descriptions):
    language = locale[:2]
    print("== office in %s" % locale)
    # Two offices one after the other: each gets half of the deadline.
    with office.Office(os.path.join(args.work, locale), locale=locale, timeout=args.timeout,
                       verbose=args.verbose, deadline=args.deadline / 2) as the_office:
        the_office.install_extension(args.oxt)
        document = the_office.new_spreadsheet()
        try:
            sheet = document.getSheets().getByIndex(0)
            local_name = "TRAINING.WAGES" if language == "en" else "FORMATION.SALAIRES"
            # The locale's own separators: en-US 12,50 and 7.5; fr-FR 12;50 and 7,5.
            decimal = "." if language == "en" else ","
            separator = "," if language == "en" else ";"

            value, _, printed = evaluate(document, sheet, NATIVE,
                                         "=%s(12%s50)" % (local_name, separator))
            checker.check(value == 600, "%s NATIVE parses %s(12%s50) = 600"
                          % (locale, local_name, separator), "got %r" % (value,))
            checker.check(printed.upper().startswith(local_name + "("),
                          "%s NATIVE prints the tokens back as %s" % (locale, local_name),
                          "printed %r" % printed)
            value, _, _ = evaluate(document, sheet, NATIVE, "=%s(7%s5%s23%s456)"
                                   % (local_name, decimal, separator, decimal))
            checker.check(value == 175.92, "%s NATIVE with the locale's separators: "
                                           "7%s5 h x 23%s456 = 175.92"
                          % (locale, decimal, decimal), "got %r" % (value,))
            value, _, printed = evaluate(document, sheet, ENGLISH, "=TRAINING.WAGES(12;50)")
            checker.check(value == 600, "%s ENGLISH parses TRAINING.WAGES(12;50) = 600" % locale,
                          "got %r" % (value,))
            checker.check(printed.upper().startswith("TRAINING.WAGES("),
                          "%s ENGLISH prints the tokens back as TRAINING.WAGES" % locale,
                          "printed %r" % printed)
            other = "FORMATION.SALAIRES" if language == "en" else "TRAINING.WAGES"
            value, _, _ = evaluate(document, sheet, NATIVE, "=%s(12%s50)" % (other, separator))
            print("  note %s NATIVE given the other language's name %s: %r"
                  % (locale, other, value))
            value, _, _ = evaluate(document, sheet, NATIVE,
                                   "=%s(\"1(16)\")" % ("TRAINING.PARAGRAPHTITLE" if language == "en"
                                                      else "FORMATION.TITREPARAGRAPHE"))
            checker.check(value == TITLE16[language],
                          "%s PARAGRAPHTITLE(\"1(16)\") answers in the office language" % locale,
                          "got %r" % (value,))

            access = the_office.create("com.sun.star.sheet.FunctionAccess")
            try:
                value = access.callFunction("TRAINING.WAGES", (12.0, 50.0))
            except Exception as error:  # noqa: BLE001 - report any UNO exception
                value = "exception %s" % error
            checker.check(value == 600, "%s FunctionAccess.callFunction(\"TRAINING.WAGES\", "
                                        "(12, 50)) = 600" % locale, "got %r" % (value,))
        finally:
            office.close_document(document)

        described = describe_functions(the_office)
        for method, (english, french, arguments) in FUNCTIONS.items():
            name = english if language == "en" else french
            entry = described.get(name)
            if entry is None:
                checker.check(False, "%s FunctionDescriptions lists %s" % (locale, name),
                              "not listed")
                continue
            problems = []
            if not entry["description"]:
                problems.append("no description")
            got = entry["arguments"]
            if len(got) != len(arguments):
                problems.append("%d arguments, the spec has %d" % (len(got), len(arguments)))
            else:
                for (arg_name, arg_description, optional), (spec_name, spec_optional) in \
                        zip(got, arguments):
                    if language == "en" and arg_name != spec_name and arg_name not in \
                            ARGUMENT_ALIASES.get((method, spec_name), ()):
                        problems.append("argument %r should be %r" % (arg_name, spec_name))
                    if not arg_name:
                        problems.append("an argument has no name")
                    if not arg_description:
                        problems.append("argument %s has no description" % arg_name)
                    if bool(optional) != spec_optional:
                        problems.append("argument %s optional=%s, spec %s"
                                        % (arg_name, bool(optional), spec_optional))
            if language == "fr" and english_descriptions.get(method):
                en_entry = english_descriptions[method]
                if entry["description"] == en_entry["description"]:
                    problems.append("description not translated")
                same = [a[0] for a, b in zip(got, en_entry["arguments"]) if a[1] == b[1]]
                if same:
                    problems.append("argument descriptions not translated: %s" % same)
            if language == "en":
                english_descriptions[method] = entry
            checker.check(not problems, "%s FunctionDescriptions: %s (%s)"
                          % (locale, name, ", ".join(a[0] for a in got)), "; ".join(problems))
        wrong = [name for name in described
                 if name.startswith("FORMATION." if language == "en" else "TRAINING.")]
        checker.check(not wrong, "%s FunctionDescriptions shows no name of the other language"
                      % locale, "%s" % wrong)


def main(argv=None):
    argument_parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(argument_parser)
    args = argument_parser.parse_args(argv)
    if not args.oxt:
        argument_parser.error("--oxt is required")
    checker = Checker()
    english = {}
    try:
        for locale in ("en-US", "fr-FR"):
            run_locale(args, locale, checker, english)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    print("names: %d passed, %d failed" % (checker.passed, len(checker.failed)))
    return 0 if not checker.failed else 1


if __name__ == "__main__":
    sys.exit(main())
