#!/usr/bin/python3
"""Run one libFuzzer target for a bounded time (a CTest test per target, fuzz/CMakeLists.txt).

1. Every file of --regressions (the crashes found so far, one file each) is replayed: each
   must now run without a crash.
2. A corpus under --work is seeded (--seeds folders, files written by --seed-script for the
   target, or by --seed-program), then the fuzzer runs for --seconds.
A crash, a leak, a sanitizer report or a timeout fails the test and leaves the input under
--work/artifacts: copy it into fuzz/regressions/<target>/ with the fix (README, "Fuzzing").
"""
import argparse
import os
import shutil
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fuzzer", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--regressions", required=True)
    parser.add_argument("--seconds", type=int, default=45)
    parser.add_argument("--seeds", action="append", default=[])
    parser.add_argument("--seed-script")
    parser.add_argument("--seed-program")
    args = parser.parse_args()
    if not os.path.isfile(args.fuzzer):
        print("the fuzzer %s was not built (clang and libclang-rt-14-dev installed?)" % args.fuzzer)
        return 1
    corpus = os.path.join(args.work, "corpus")
    artifacts = os.path.join(args.work, "artifacts") + os.sep
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(corpus)
    os.makedirs(artifacts)
    options = ["-rss_limit_mb=2560", "-timeout=25", "-max_len=262144",
               "-artifact_prefix=" + artifacts, "-print_final_stats=1"]

    regressions = sorted(os.path.join(args.regressions, name)
                         for name in os.listdir(args.regressions)
                         if not name.startswith(".")) if os.path.isdir(args.regressions) else []
    if regressions:
        result = subprocess.run([args.fuzzer] + options + regressions, timeout=240)
        if result.returncode != 0:
            print("FAIL %s: a regression input crashes again" % args.target)
            return 1
        print("%d regression input(s) replayed" % len(regressions))

    for folder in args.seeds:
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.path.splitext(name)[1].lower() in (
                    ".xlsx", ".ods", ".fods", ".ots", ".xlsm") and not name.startswith(".~lock"):
                shutil.copy(path, os.path.join(corpus, name))
    if args.seed_script:
        subprocess.run([sys.executable, args.seed_script, "--target", args.target, corpus],
                       check=True)
    if args.seed_program:
        subprocess.run([args.seed_program, corpus], check=True)
    for path in regressions:
        shutil.copy(path, os.path.join(corpus, "regression-" + os.path.basename(path)))
    print("%s: %d seed(s), %d s" % (args.target, len(os.listdir(corpus)), args.seconds))

    result = subprocess.run([args.fuzzer] + options + ["-max_total_time=%d" % args.seconds, corpus],
                            timeout=args.seconds + 180)
    found = sorted(os.listdir(artifacts))
    if result.returncode != 0 or found:
        print("FAIL %s: the fuzzer stopped (exit %d); inputs: %s" % (
            args.target, result.returncode, ", ".join(os.path.join(artifacts, f) for f in found)))
        print("Add each input to fuzz/regressions/%s/ with its fix." % args.target)
        return 1
    print("%s: no crash in %d s" % (args.target, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
