"""The tally the Python test scripts print: an "ok" or "FAIL" line per check, then
"N passed, N failed" and the exit status (1 on any failure)."""

passed = 0
failed = 0


def check(condition, what, detail=""):
    """Count one check and print its line; returns the condition."""
    global passed, failed
    if condition:
        passed += 1
        print("ok    " + what, flush=True)
    else:
        failed += 1
        print("FAIL  %s%s" % (what, (": " + detail) if detail else ""), flush=True)
    return condition


def finish():
    """Print "N passed, N failed"; the exit status."""
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0
