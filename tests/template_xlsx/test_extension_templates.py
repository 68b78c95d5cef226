#!/usr/bin/python3
"""The .oxt carries every template, and File ▸ Templates lists both flavours apart (issue 8).

Installs the built .oxt in a throwaway office profile (tests/calc/office.py: profile under
--work, office ended by its process group), then asks the office which templates it sees:
com.sun.star.frame.DocumentTemplates, the hierarchy that File ▸ Templates shows (groups, and
in each a title and the file's URL). Checks that

* the six files (linked .ots, portable .ots and portable .xlsx, en and fr) are listed, all
  from the extension's templates folder, each once, under titles that differ (the office
  keeps one entry per title in a group: two templates with one title would hide one);
* the linked templates are titled layout.TITLE, the portable ones template_titles'
  "OnePercent – portable (…)", in English and French;
* each listed file is the one the build made (same bytes as --templates), and its document
  properties (read by the office, com.sun.star.document.DocumentProperties; an .xlsx's from
  its docProps) say its flavour, language and title.

Before the portable template had its own title, the office listed four of the six files: two
templates with one title in one group hide each other.

    /usr/bin/python3 tests/template_xlsx/test_extension_templates.py --oxt build/onepercent.oxt \\
        --work build/tests/template_xlsx/extension --templates build/samples/template
"""
import argparse
import hashlib
import os
import sys
import zipfile
from xml.etree import ElementTree

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, os.path.join(ROOT, "samples", "template"))

import office  # noqa: E402
import layout as L  # noqa: E402
import template_titles  # noqa: E402

from com.sun.star.beans import Property  # noqa: E402
from com.sun.star.ucb import Command, OpenCommandArgument2  # noqa: E402

OPEN_ALL = 2        # com.sun.star.ucb.OpenMode.ALL

# file -> (flavour, language)
EXPECTED = {"onepercent-template-en.ots": ("linked", "en"),
            "onepercent-template-fr.ots": ("linked", "fr"),
            "onepercent-portable-en.ots": ("portable", "en"),
            "onepercent-portable-fr.ots": ("portable", "fr"),
            "onepercent-portable-en.xlsx": ("portable", "en"),
            "onepercent-portable-fr.xlsx": ("portable", "fr")}


def children(content, names):
    """[(values..., identifier)] of a hierarchy content's children. The identifier is opened
    through the UCB: XContentAccess.queryContent() over the bridge hangs this office."""
    argument = OpenCommandArgument2()
    argument.Mode = OPEN_ALL
    properties = []
    for name in names:
        prop = Property()
        prop.Name = name
        prop.Handle = -1
        properties.append(prop)
    argument.Properties = tuple(properties)
    command = Command()
    command.Name = "open"
    command.Handle = -1
    command.Argument = argument
    rows = content.execute(command, 0, None).getStaticResultSet()
    out = []
    while rows.next():
        out.append(tuple(rows.getString(i + 1) for i in range(len(names))) +
                   (rows.queryContentIdentifierString(),))
    return out


def listed_templates(the_office):
    """[(group, title, file URL)] of every template the office lists."""
    templates = the_office.create("com.sun.star.frame.DocumentTemplates")
    ucb = the_office.create("com.sun.star.ucb.UniversalContentBroker")
    out = []
    for group, _directory, identifier in children(templates.getContent(),
                                                  ("Title", "TargetDirURL")):
        content = ucb.queryContent(ucb.createContentIdentifier(identifier))
        for title, url, _id in children(content, ("Title", "TargetURL")):
            out.append((group, title, url))
    return out


def digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def xlsx_properties(path):
    """({OnePercentFlavour, OnePercentLanguage}, title) of an .xlsx, from docProps (the
    office's DocumentProperties reads ODF packages only)."""
    custom_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
    with zipfile.ZipFile(path) as archive:
        custom = ElementTree.fromstring(archive.read("docProps/custom.xml"))
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    values = {p.get("name"): "".join(p.itertext()) for p in custom.iter(custom_ns + "property")}
    title = core.findtext("{http://purl.org/dc/elements/1.1/}title") or ""
    return ({key: values.get(key) for key in ("OnePercentFlavour", "OnePercentLanguage")},
            title)


def expected_title(flavour, lang):
    return template_titles.title(flavour, lang)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--templates", required=True,
                        help="the build's template folder (build/samples/template)")
    parser.add_argument("--locale", default="en-US")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)
        return condition

    try:
        with office.Office(os.path.join(args.work, "office"), locale=args.locale,
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            entries = listed_templates(the_office)
            ours = [(group, title, url) for group, title, url in entries
                    if "/templates/onepercent-" in url]
            for group, title, url in ours:
                print("listed: [%s] %s  <- %s" % (group, title, url.rsplit("/", 2)[-1]))
            names = [url.rsplit("/", 1)[-1] for _g, _t, url in ours]
            for name in sorted(EXPECTED):
                check(names.count(name) == 1, "%s is listed %d times in File > Templates"
                      % (name, names.count(name)))
            check(len(set(names)) == len(names), "a template is listed twice: %r" % names)
            by_group = {}
            for group, title, _url in ours:
                by_group.setdefault(group, []).append(title)
            for group, titles in by_group.items():
                check(len(set(titles)) == len(titles),
                      "two templates share a title in group %r: %r" % (group, titles))
            folders = {url.rsplit("/", 1)[0] for _g, _t, url in ours}
            check(len(folders) == 1, "the templates come from several folders: %r" % folders)
            properties = the_office.create("com.sun.star.document.DocumentProperties")
            for group, title, url in ours:
                name = url.rsplit("/", 1)[-1]
                if name not in EXPECTED:
                    check(False, "unexpected template %s" % name)
                    continue
                flavour, lang = EXPECTED[name]
                path = office.uno.fileUrlToSystemPath(url)
                built = os.path.join(args.templates, name)
                check(os.path.isfile(built) and digest(path) == digest(built),
                      "%s in the extension differs from the build's %s" % (name, built))
                if name.endswith(".ots"):
                    check(title == expected_title(flavour, lang), "%s is titled %r, expected "
                          "%r" % (name, title, expected_title(flavour, lang)))
                if name.endswith(".ots"):
                    properties.loadFromMedium(url, ())
                    user = properties.getUserDefinedProperties()
                    info = user.getPropertySetInfo()
                    got = {key: (user.getPropertyValue(key) if info.hasPropertyByName(key)
                                 else None) for key in ("OnePercentFlavour", "OnePercentLanguage")}
                    got_title = properties.Title
                else:
                    got, got_title = xlsx_properties(path)
                check(got == {"OnePercentFlavour": flavour, "OnePercentLanguage": lang},
                      "%s: properties %r, expected %s, %s" % (name, got, flavour, lang))
                check(got_title == expected_title(flavour, lang),
                      "%s: document title %r, expected %r"
                      % (name, got_title, expected_title(flavour, lang)))
            linked = {expected_title("linked", lang) for lang in ("en", "fr")}
            portable = {expected_title("portable", lang) for lang in ("en", "fr")}
            check(not linked & portable and linked == set(L.TITLE.values()),
                  "the linked and portable titles are not told apart: %r %r"
                  % (linked, portable))
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    for failure in failures:
        print("FAIL %s" % failure)
    print("extension templates: %d listed, %s" % (
        len(ours), "every check passed" if not failures else "%d failures" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
