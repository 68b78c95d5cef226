#!/usr/bin/python3
"""Runs onepercent-law-tables and checks its output: one JSON document (json.load), the
expected top-level keys, and figures of the engine's tables (the 2024 contribution rates, the
payroll thresholds, the RL-1 lines, the pay periods, the classification matrix). The output must
not depend on the process locale: it is produced again under a French locale and compared.

Usage: check_law_tables.py PATH/TO/onepercent-law-tables
"""
import json
import os
import subprocess
import sys

TOP_LEVEL_KEYS = [
    "rule_set", "paragraphs", "payroll_thresholds", "contribution_rates", "rl1_lines",
    "pay_periods", "classification", "assistance_exemptions", "retention", "law_sheet",
]
RATES_2024 = {
    "year": 2024, "qpp_rate": 0.064, "qpp_max_pensionable": 68500, "qpp_basic_exemption": 3500,
    "qpp2_rate": 0.04, "qpp2_ceiling": 73200, "ei_rate": 0.01848, "ei_max_insurable": 63200,
    "qpip_rate": 0.00692, "qpip_max_insurable": 94000, "cnesst_max_insurable": 94000,
}


def run(program, env=None):
    result = subprocess.run([program], capture_output=True, timeout=30, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"FAIL: exit code {result.returncode}: {result.stderr.decode(errors='replace')}")
    return result.stdout


def check(condition, message):
    if not condition:
        sys.exit("FAIL: " + message)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    program = sys.argv[1]
    raw = run(program)
    tables = json.loads(raw.decode("utf-8"))  # strict: one document, UTF-8

    check(list(tables) == TOP_LEVEL_KEYS, f"top-level keys {list(tables)}")
    rule_set = tables["rule_set"]
    check(rule_set["generated_from"] == "functions/engine", "rule_set.generated_from")
    check(rule_set["engine_version"].count(".") == 2, "rule_set.engine_version " +
          rule_set["engine_version"])

    rates = {row["year"]: row for row in tables["contribution_rates"]}
    check(rates.get(2024) == RATES_2024, f"2024 rates {rates.get(2024)}")
    check(sorted(rates) == list(range(2019, 2027)), f"rate years {sorted(rates)}")
    check(rates[2023]["qpp2_rate"] == 0, "no QPP second additional contribution in 2023")

    thresholds = {row["year"]: row["threshold"] for row in tables["payroll_thresholds"]}
    check(sorted(thresholds) == list(range(2004, 2031)), "threshold years")
    check(thresholds[2014] == 1000000 and thresholds[2015] == 2000000, "thresholds 2014/2015")

    paragraphs = {row["reference"]: row for row in tables["paragraphs"]}
    check(paragraphs["1(16)"]["title"]["fr"].startswith("Déplacement"), "paragraph 16 title")
    check(paragraphs["1(19)"]["status"][0]["in_force"] is False, "paragraph 19 revoked")
    check(paragraphs["1(4)"]["hours_times_wage"] is True, "paragraph 4 hours x wage")
    check(paragraphs["1(1)"]["status"][0]["from"] == "2008-01-01", "status date ISO")

    lines = tables["rl1_lines"]
    check(lines["lines"] == ["payroll", "minimum", "eligible", "contribution", "carried_in",
                             "total_eligible", "carry_forward"], "RL-1 line keys")
    by_year = {row["form_year"]: row["numbers"] for row in lines["by_form_year"]}
    check(sorted(by_year) == list(range(2004, 2031)), "RL-1 form years")
    check(by_year[2020]["payroll"] == "50" and by_year[2020]["carry_forward"] == "79",
          "RL-1 2020 numbers")
    check(all(number is None for number in by_year[2025].values()), "RL-1 2025 unknown: null")

    periods = {row["key"]: row for row in tables["pay_periods"]["periods"]}
    check(tables["pay_periods"]["hours_per_year"] == 1950, "1950 hours a year")
    check({key: row["periods_per_year"] for key, row in periods.items()} ==
          {"year": 1, "month": 12, "biweekly": 26, "week": 52, "hour": 1950}, "periods per year")
    check(periods["biweekly"]["fr"] == "quinzaine", "pay period French keyword")

    classification = tables["classification"]
    check(len(classification["matrix"]) ==
          len(classification["expense_kinds"]) * len(classification["provider_kinds"]) * 2,
          "matrix size")
    matrix = {(row["expense_kind"], row["provider_kind"], row["member_of_order"]):
              row["paragraph"] for row in classification["matrix"]}
    check(matrix[("tuition", "professional-order", True)] == "1(6)", "tuition, order, member")
    check(matrix[("tuition", "professional-order", False)] == "1(24)", "tuition, non-member")
    check(matrix[("tuition", "internal", False)] is None, "internal tuition: null")
    check(matrix[("travel", "none", False)] == "1(16)", "travel")

    exemptions = {row["key"]: row for row in tables["assistance_exemptions"]}
    check(exemptions["none"]["exempt"] is False and exemptions["childcare"]["exempt"] is True,
          "assistance exemptions")
    check(tables["retention"] == {"years": 6, "last_day": {"month": 12, "day": 31}}, "retention")

    # The same bytes under another locale, and the document ends with one newline.
    env = dict(os.environ, LC_ALL="fr_CA.UTF-8", LANG="fr_CA.UTF-8", LC_NUMERIC="fr_FR.UTF-8")
    check(run(program, env) == raw, "the output depends on the locale")
    check(raw.endswith(b"}\n"), "ends with a newline")
    print(f"OK: {len(raw)} bytes, {len(tables['paragraphs'])} paragraphs, "
          f"{len(rates)} rate years, {len(matrix)} classification rows")


if __name__ == "__main__":
    main()
