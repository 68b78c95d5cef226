"""The document title of each flavour of the workbook, English and French (dc:title).

File ▸ Templates lists a template by its title: the linked and the portable templates that the
.oxt carries must read differently. The linked flavour keeps layout.TITLE (the samples and the
template tests read it); the portable one says what it is for: Excel or an office without the
extension.
"""
import layout as L

PORTABLE_TITLE = {"en": "OnePercent – portable (Excel, any office)",
                  "fr": "OnePercent – portable (Excel, tout tableur)"}


def title(flavour, lang):
    return PORTABLE_TITLE[lang] if flavour == "portable" else L.TITLE[lang]
