"""replacement.py with two more replacement rows: one without the replaced employee, one
naming an unknown employee; their wages are #N/A in both flavours (and so the totals)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replacement  # noqa: E402

EXPECT_ERRORS = [("participation", 16, "wages"), ("participation", 17, "wages")]


def fill(book):
    replacement.fill(book, missing=True)
