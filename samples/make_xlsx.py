#!/usr/bin/python3
"""Store .xlsx and .ods copies of the client samples (values kept; formulas under the add-in's
programmatic name, which Excel shows as #NAME?; see README "Saving").

Starts a throwaway office (profile under --work), installs the extension, loads each .fods
hidden, recalculates, and stores it with the "Calc MS Excel 2007 XML" and "calc8" filters under
--out. The copies hold the results the office computed: onepercent-validate reads them without
an office (--reader direct, README "Reading without an office").

    /usr/bin/python3 samples/make_xlsx.py --oxt build/onepercent.oxt \
        --work build/samples/xlsx-office --out build/samples
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "calc"))

import office  # noqa: E402

SAMPLES = [os.path.join(HERE, name) for name in ("client-clean.fods", "client-planted.fods")]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--out", required=True, help="folder for the copies (build dir)")
    parser.add_argument("files", nargs="*", default=SAMPLES)
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    os.makedirs(args.out, exist_ok=True)
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            for path in args.files:
                document = the_office.load(path, hidden=True, read_only=True)
                try:
                    document.calculateAll()
                    for extension, filter_name in ((".xlsx", "Calc MS Excel 2007 XML"),
                                                   (".ods", "calc8")):
                        target = os.path.join(args.out, os.path.splitext(
                            os.path.basename(path))[0] + extension)
                        document.storeToURL(office.file_url(target), office.props(
                            FilterName=filter_name, Overwrite=True))
                        print("wrote %s" % target)
                finally:
                    office.close_document(document)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
