"""The tally the Python test scripts print: an "ok" or "FAIL" line per check, then
"N passed, N failed" and the exit status (1 on any failure)."""

passed = 0
failed = 0
DETAIL_LIMIT = 2000      # characters of a failed check's detail: its start and its end


def check(condition, what, detail=""):
    """Count one check and print its line; returns the condition."""
    global passed, failed
    if condition:
        passed += 1
        print("ok    " + what, flush=True)
    else:
        failed += 1
        detail = str(detail)
        if len(detail) > DETAIL_LIMIT:
            half = DETAIL_LIMIT // 2
            detail = detail[:half] + " [...] " + detail[-half:]
        print("FAIL  %s%s" % (what, (": " + detail) if detail else ""), flush=True)
    return condition


def finish(label=""):
    """Print "[label: ]N passed, N failed"; the exit status."""
    print("%s%d passed, %d failed" % (label + ": " if label else "", passed, failed))
    return 1 if failed else 0
