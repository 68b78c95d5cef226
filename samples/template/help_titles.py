"""Titles of the template's input help (Data ▸ Validity ▸ Input Help), English and French.

Excel limits an input-help title (the promptTitle of a data validation in .xlsx) to 32
characters: its Data Validation dialog takes no more, and LibreOffice writes whatever title it
has into the .xlsx. The title is the column's label when the label fits, else the
short title below: whole words, the same meaning, never a cut label. gen_workbook.Validations
calls title(); a label longer than 32 characters without a short title here stops the build
with the column's name, so that a new long label cannot slip through.
"""

# Excel's limits for a data validation (its Data Validation dialog):
# input-help title 32 characters, input-help text and error text 255, list of values 255.
EXCEL_TITLE_LIMIT = 32
EXCEL_TEXT_LIMIT = 255
EXCEL_LIST_LIMIT = 255

# "sheet key.column key" (layout.py) -> {language: short title}; only where the label is
# longer than EXCEL_TITLE_LIMIT in some language, or for the siblings of such a column (so
# that the three non-arm's-length columns read alike).
SHORT_TITLES = {
    "employer.neq": {"en": "Québec enterprise number (NEQ)",
                     "fr": "Numéro d'entreprise (NEQ)"},
    "expenses.nal_wages": {"en": "Non-arm's-length: wages",
                           "fr": "Salaires, lien de dépendance"},
    "expenses.nal_travel": {"en": "Non-arm's-length: travel",
                            "fr": "Déplacements, lien de dépendance"},
    "expenses.nal_materials": {"en": "Non-arm's-length: materials",
                               "fr": "Matériel, lien de dépendance"},
}


class TitleError(ValueError):
    """A label too long for Excel's input-help title, with no short title here."""


def title(sheet_key, column, lang):
    """The input-help title of `column` (a layout.Column) of sheet `sheet_key` in `lang`."""
    short = SHORT_TITLES.get("%s.%s" % (sheet_key, column.key))
    text = short[lang] if short else column.label(lang)
    if len(text) > EXCEL_TITLE_LIMIT:
        raise TitleError("the input-help title of %s.%s (%s) has %d characters, Excel keeps "
                         "%d: add a short title to samples/template/help_titles.py: %r"
                         % (sheet_key, column.key, lang, len(text), EXCEL_TITLE_LIMIT, text))
    return text


def check_table():
    """Every short title fits (a test and the generator call it)."""
    for key, titles in SHORT_TITLES.items():
        for lang in ("en", "fr"):
            if not titles.get(lang) or len(titles[lang]) > EXCEL_TITLE_LIMIT:
                raise TitleError("short title %s (%s) missing or longer than %d characters: %r"
                                 % (key, lang, EXCEL_TITLE_LIMIT, titles.get(lang)))
