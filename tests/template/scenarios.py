"""The workbooks of the "Same numbers" tests (issue 8): each is generated in the linked and
the portable flavour by samples/template/gen_workbook.py with --rows ROWS, and every computed
cell of the portable one must equal the linked one's.

Scenario(name, module=FILE in cases/ or fill="clean"|"planted", lang, env): env is given to
gen_workbook.py (cases/years.py reads the fiscal year from it); expect_errors adds cells that
must show an error in the linked flavour (see cases/casekit.py).
"""
import os

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
ROWS = 30


class Scenario:
    def __init__(self, name, module=None, fill=None, lang="en", env=None, expect_errors=(),
                 expect=None):
        self.name, self.fill, self.lang = name, fill, lang
        self.module = os.path.join(CASES, module) if module else None
        self.env = dict(env or {})
        self.expect_errors = list(expect_errors)
        self.expect = dict(expect or {})


def _year(year, **extra):
    return Scenario("year-%d" % year, "years.py", env={"ONEPERCENT_CASE_YEAR": str(year)},
                    **extra)


SCENARIOS = [
    Scenario("sample-clean", fill="clean"),
    Scenario("sample-planted", fill="planted"),
    Scenario("sample-clean-fr", fill="clean", lang="fr"),   # English keywords, French book
    Scenario("cqif", "cqif.py"),
    Scenario("not-subject", "not_subject.py"),
    Scenario("exempt-category", "exempt_category.py"),
    Scenario("exempt-not", "exempt_not.py"),
    Scenario("exempt-keywords", "exempt_keywords.py"),
    Scenario("replacement", "replacement.py"),
    Scenario("replacement-missing", "replacement_missing.py"),
    Scenario("non-arms-length", "non_arms_length.py"),
    Scenario("after-year", "after_year.py"),
    Scenario("dates", "dates.py"),
    Scenario("rounding", "rounding.py"),
    Scenario("lms", "lms.py"),
    Scenario("funds", "funds.py"),
    Scenario("pay-bases", "pay_bases.py"),
    Scenario("ei-default", "ei_default.py"),
    Scenario("keywords", "keywords.py"),
    Scenario("keywords-rejected", "keywords_rejected.py"),
    Scenario("french", "french.py", lang="fr"),
] + [_year(year) for year in range(2019, 2027)] + [
    # The payroll threshold itself: $2,000,000 is not over it (Act s. 3).
    Scenario("threshold-2000000", "years.py",
             env={"ONEPERCENT_CASE_YEAR": "2021", "ONEPERCENT_CASE_PAYROLL": "2000000"},
             expect={("summary", None, "subject"): 0}),
    Scenario("threshold-2000000.01", "years.py",
             env={"ONEPERCENT_CASE_YEAR": "2021", "ONEPERCENT_CASE_PAYROLL": "2000000.01"},
             expect={("summary", None, "subject"): 1}),
    # Years outside the contribution tables (rates 2019..2026): contributions are errors.
    _year(2018, expect_errors=[("participation", 0, "contributions")]),
    _year(2027, expect_errors=[("participation", 0, "contributions")]),
    Scenario("bad-amounts", "bad_amounts.py"),
    Scenario("bad-keywords", "bad_keywords.py"),
    Scenario("bad-year-1899", "bad_year.py"),
    Scenario("bad-year-text", "bad_year_text.py"),
    Scenario("bad-employer", "bad_employer.py"),
    Scenario("bad-ei-rate", "bad_ei_rate.py"),
]
