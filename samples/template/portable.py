"""The add-in's functions as formulas made only of functions built into Excel, LibreOffice and
Gnumeric (issue 8, the portable flavour).

Each function here takes its arguments as formula text (OpenFormula, as layout.py writes
them) and returns a formula that computes what the add-in function of the same name computes
(functions/addin/function_table.cxx over functions/engine/regulation.cxx), reading the law's
data from the hidden sheet Law / Loi (functions/engine/law_sheet.cxx, written by
gen_workbook.py).  Placeholders resolved by gen_workbook.expand():

    {law.BLOCK.C}      the data rows of column C (0-based) of a block of the Law sheet
    {law.BLOCK.C.R}    one cell of it (row R, 0-based)
    {law.BLOCK.all}    the block's data rows, every column

Where the add-in refuses an argument (Err:502) or has no answer (#N/A), the formula shows an
error too (#N/A or #VALUE!): the same cells are errors in both flavours, which is what the
tests compare (tests/template).  What the add-in does and the formula does:

  - amounts: a number >= 0; an empty cell is 0 where the add-in takes an empty cell as 0;
    text or a negative number is an error;
  - keywords: compared after folding (lower case, French accents removed, spaces, underscores
    and hyphens as one hyphen; engine/law_sheet.hxx, law_sheet_spelling) with the sheet's
    spellings, which the engine's parsers accept (tests/engine/law_sheet_test.cxx);
  - money is rounded with ROUND(x;2): half away from zero, like round_cents.
"""

# The accented letters of French and its ligatures, lower case (LOWER has already turned the
# capitals into these), and the no-break spaces of French typography: what a keyword typed in
# French can hold. The engine folds every Latin-1 letter (functions/engine/text_fold.cxx); the
# others (á, ñ, õ, ...) are in no keyword of either language, so a word holding one is unknown
# here and refused by the add-in as well once folded, except a word misspelled with such a
# letter that French does not use (e.g. "materíel" is refused here, accepted by the add-in):
# an interpretation kept to bound the formulas' length (docs/template-layout.md).
_FOLDS = [("à", "a"), ("â", "a"), ("ä", "a"), ("æ", "ae"), ("ç", "c"), ("è", "e"),
          ("é", "e"), ("ê", "e"), ("ë", "e"), ("î", "i"), ("ï", "i"), ("ô", "o"), ("ö", "o"),
          ("ù", "u"), ("û", "u"), ("ü", "u"), ("ÿ", "y"), ("œ", "oe"),
          ("\u00a0", " "), ("\u202f", " ")]


def keyword(ref):
    """The folded spelling of a keyword cell (law_sheet_spelling)."""
    text = 'LOWER(%s&"")' % ref
    for accented, plain in _FOLDS:
        text = 'SUBSTITUTE(%s;"%s";"%s")' % (text, accented, plain)
    text = 'SUBSTITUTE(SUBSTITUTE(%s;"_";" ");"-";" ")' % text
    return 'SUBSTITUTE(TRIM(%s);" ";"-")' % text


def _lookup(block, column, ref):
    """Column `column` of the Law block's row whose spelling (column 0) is the keyword in
    `ref`; #N/A for an unknown word."""
    return "INDEX({law.%s.%d};%s)" % (block, column, _match(keyword(ref), block))


def _match(value, block):
    """The row of `value` among the spellings of a Law block; #N/A when it is not there or
    when `value` is an error (LibreOffice's MATCH would show Err:504 for an error argument,
    and the validator reads #N/A in a paragraph cell as "no paragraph")."""
    return "IFERROR(MATCH(%s;{law.%s.0};0);NA())" % (value, block)


def _optional_keyword(ref, block, column, default):
    """An optional keyword argument (Arguments::optional_text): empty or the number 0 ->
    default; another number -> error; text -> its row's column, #N/A when unknown."""
    return ('IF(ISNUMBER({r});IF({r}=0;{d};NA());IF({r}="";{d};{l}))'
            .format(r=ref, d=default, l=_lookup(block, column, ref)))


def n(ref):
    """N(ref): a number as it is, an error as it is, anything else 0.  Gnumeric's N() shows
    #NUM! for an empty cell (tests/template found it), so the portable formulas spell it out."""
    return "IF(ISNUMBER({r});{r};IF(ISERROR({r});{r};0))".format(r=ref)


def _bad_amount(ref):
    """TRUE when a required amount (Arguments::amount) is refused: not a number (text, or an
    empty result of a formula), or negative.  An empty cell is 0 for the add-in: callers that
    pass a cell which may be empty use _bad_optional_amount."""
    return "IF(ISNUMBER({r});{r}<0;TRUE())".format(r=ref)


def _bad_optional_amount(ref):
    """TRUE when an amount that may be empty (0) is refused: text, or negative."""
    return 'IF(ISNUMBER({r});{r}<0;{r}&""<>"")'.format(r=ref)


def _bad_year(ref):
    """TRUE when a year argument is refused (Arguments::year: a whole number 1900..2200)."""
    return ("IF(ISNUMBER({r});OR({r}<>INT({r});{r}<1900;{r}>2200);TRUE())").format(r=ref)


def _guard(tests, formula):
    """#N/A when any of `tests` is TRUE, else `formula`."""
    return "IF(OR(%s);NA();%s)" % (";".join(tests), formula)


def _rate(year, column):
    """A figure of the year's contribution rates (Law block "rates"); #N/A for a year
    without rates (contribution_rates)."""
    return "VLOOKUP(%s;{law.rates.all};%d;0)" % (year, column + 1)


def _threshold(year):
    """Act s. 3: the payroll threshold of the year (payroll_threshold; #N/A before the first
    year of the table or after the last)."""
    return ("IF(OR({y}<MIN({{law.thresholds.0}});{y}>MAX({{law.thresholds.1}}));NA();"
            "INDEX({{law.thresholds.2}};MATCH({y};{{law.thresholds.0}};1)))").format(y=year)


# ---- the add-in's functions ------------------------------------------------------------------

def pay_periods(basis):
    """The pay periods per year of a pay basis cell (empty: 1, a year), #N/A for an unknown
    word: a helper cell of the Employees sheet (layout.PORTABLE_HELPERS)."""
    return _optional_keyword(basis, "pay_basis", 2, 1)


def provider_code(provider_kind):
    """The classification column of a provider kind cell (empty: 0), #N/A for an unknown
    word: a helper cell of the Activities sheet (layout.PORTABLE_HELPERS)."""
    return _optional_keyword(provider_kind, "provider_kind", 2, 0)


def exempt_code(exempt_category):
    """1 for an exempt category of s. 7(13), 0 for none (empty), #N/A for an unknown word: a
    helper cell of the Law sheet (layout.WORKBOOK_HELPERS)."""
    return _optional_keyword(exempt_category, "exempt_category", 2, 0)


def hourly_rate(amount, basis, hours_per_period, periods=None):
    """TRAINING.HOURLYRATE: amount / the contract's hours per pay period; without them
    (empty or 0), or for an hourly pay, r. 3, s. 7(6): amount x periods per year / 1950.
    periods: a cell holding pay_periods(basis), else it is computed here."""
    periods = pay_periods(basis) if periods is None else periods
    hours_per_year = "{law.constants.1.0}"
    hours = n(hours_per_period)
    return _guard([_bad_amount(amount), _bad_optional_amount(hours_per_period),
                   "ISERROR(%s)" % periods],
                  "IF({p}={hy};{a};IF({h}>0;{a}/{h};{a}*{p}/{hy}))".format(
                      p=periods, hy=hours_per_year, a=amount, h=hours))


def wages(hours, rate):
    """TRAINING.WAGES (s. 7(5)): hours x hourly rate, to the cent."""
    return _guard([_bad_amount(hours), _bad_amount(rate)],
                  "ROUND({h}*{r};2)".format(h=hours, r=rate))


def replacement_wages(hours, replacement_rate, replaced_rate):
    """TRAINING.REPLACEMENTWAGES (s. 1(8)): the replacement's wages in excess of the replaced
    employee's for the same hours, each to the cent, then the difference (not below 0)."""
    return _guard([_bad_amount(hours), _bad_amount(replacement_rate),
                   _bad_amount(replaced_rate)],
                  "ROUND(MAX(0;ROUND({h}*{a};2)-ROUND({h}*{b};2));2)".format(
                      h=hours, a=replacement_rate, b=replaced_rate))


def contributions(year, training_wages, annual_salary, cnesst_rate, ei_rate):
    """TRAINING.CONTRIBUTIONS (s. 7(4.1)): the employer's QPP (with the second additional),
    EI, QPIP and CNESST contributions of the year on the annual salary, each capped by its
    maximum, prorated to the training wages, to the cent.  The EI rate: empty or 0, the
    year's; none / aucun / aucune, 0; else a fraction below 0.2."""
    return _guard([_bad_amount(training_wages)],
                  _prorated(annual_contributions(year, annual_salary, cnesst_rate, ei_rate),
                            training_wages, annual_salary))


def _prorated(total, training_wages, annual_salary):
    """ROUND(total x training wages / annual salary; 2), #N/A when the total is not a number
    (annual_contributions refused an argument, or an unknown employee)."""
    return "IF(ISNUMBER({t});ROUND({t}*{w}/{s};2);NA())".format(
        t=total, w=training_wages, s=annual_salary)


def prorated_contributions(training_wages, total, annual_salary):
    """TRAINING.CONTRIBUTIONS from an employee's annual_contributions cell (a helper cell of
    the Employees sheet) and annual salary: the same figure, computed once per employee."""
    return _guard([_bad_amount(training_wages)],
                  _prorated(total, training_wages, annual_salary))


def annual_contributions(year, annual_salary, cnesst_rate, ei_rate):
    """The employer's contributions of the year on an annual salary (TRAINING.CONTRIBUTIONS
    before the proration to the training wages), unrounded; #N/A where the add-in refuses
    one of these arguments."""
    s = annual_salary
    r = lambda column: _rate(year, column)  # noqa: E731
    ei = ('IF(ISNUMBER({e});IF({e}=0;{y};{e});IF({e}="";{y};0))'
          .format(e=ei_rate, y=r(6)))
    # The add-in folds case and accents only (fold_text), and these words have no accent:
    # MATCH ignores case.
    bad_ei = ('IF(ISNUMBER({e});OR({e}<0;{e}>=0.2);AND({e}&""<>"";'
              'ISNA(MATCH({e}&"";{{"none";"aucun";"aucune"}};0))))').format(e=ei_rate)
    qpp = ("{r1}*MAX(0;MIN({s};{r2})-{r3})+{r4}*MAX(0;MIN({s};{r5})-{r2})"
           .format(s=s, r1=r(1), r2=r(2), r3=r(3), r4=r(4), r5=r(5)))
    total = ("({qpp}+{ei}*MIN({s};{r7})+{r8}*MIN({s};{r9})+{c}/100*MIN({s};{r10}))"
             .format(qpp=qpp, ei=ei, s=s, r7=r(7), r8=r(8), r9=r(9), c=n(cnesst_rate),
                     r10=r(10)))
    return _guard([_bad_year(year), _bad_amount(s),
                   "IF(ISNUMBER({s});{s}<=0;TRUE())".format(s=s),
                   _bad_optional_amount(cnesst_rate),
                   "IF(ISNUMBER({c});{c}>=100;FALSE())".format(c=cnesst_rate), bad_ei],
                  total)


def net_of_assistance(expenditure, assistance, exempt_category, exempt=None):
    """TRAINING.NETOFASSISTANCE (s. 7(13)): max(0, expenditure - assistance), unchanged for
    an exempt category; to the cent.  exempt: a cell holding exempt_code(exempt_category),
    else it is computed here."""
    exempt = exempt_code(exempt_category) if exempt is None else exempt
    return _guard([_bad_amount(expenditure), _bad_optional_amount(assistance),
                   "ISERROR(%s)" % exempt],
                  "IF({x}=1;ROUND({e};2);ROUND(MAX(0;{e}-{a});2))".format(
                      x=exempt, e=expenditure, a=n(assistance)))


def paragraph(kind, provider_kind, member=None, canonical=False, provider=None):
    """TRAINING.PARAGRAPH: the paragraph of s. 1 of an expense kind from a provider kind
    (empty: none) for a member of the order or not (`member` is 1 or 0; None: 0); #N/A where
    no paragraph applies (the Law sheet's empty classification cells hold =NA()) or a word is
    unknown.  canonical: `kind` is already a keyword of the sheet (a role's wage kind).
    provider: a cell holding provider_code(provider_kind), else it is computed here."""
    member = "0" if member is None else member
    spelling = kind if canonical else keyword(kind)
    row = "INDEX({law.expense_kind.2};%s)" % _match(spelling, "expense_kind")
    column = provider_code(provider_kind) if provider is None else provider
    return "INDEX({law.classification.all};%s;2+2*%s+%s)" % (row, column, member)


def paragraph_title(reference):
    """TRAINING.PARAGRAPHTITLE for a reference "1(16)" of the Law sheet's paragraphs, in the
    workbook's language ({law.paragraphs.title}: column 1 in English, 2 in French)."""
    return ("INDEX({law.paragraphs.title};MATCH(%s;{law.paragraphs.0};0))" % reference)


def capped_paragraph(reference):
    """1 when s. 7(12) caps the paragraph (non_arms_length_cap_applies), else 0."""
    return ("IFERROR(INDEX({law.paragraphs.3};MATCH(%s;{law.paragraphs.0};0));0)"
            % reference)


def declarable(completion, year):
    """TRAINING.DECLARABLE (s. 7(14)): 1 when the year is not before the year of completion."""
    return _guard(["NOT(ISNUMBER(%s))" % completion, _bad_year(year),
                   "YEAR({c})<1900".format(c=completion), "YEAR({c})>2200".format(c=completion)],
                  "IF({y}>=YEAR({c});1;0)".format(y=year, c=completion))


def subject(payroll, year):
    """TRAINING.SUBJECT (Act s. 3): 1 when the payroll is over the year's threshold."""
    return _guard([_bad_optional_amount(payroll), _bad_year(year)],
                  "IF({p}>{t};1;0)".format(p=n(payroll), t=_threshold(year)))


def minimum(payroll, year):
    """TRAINING.MINIMUM (line 51): 1 % of the payroll when subject, to the cent; else 0."""
    return "IF(%s=1;ROUND(%s/100;2);0)" % (subject(payroll, year), n(payroll))


def contribution(minimum_cell, eligible, carried_forward, cqif):
    """TRAINING.CONTRIBUTION (line 53) from the minimum of line 51 (0 when not subject or a
    CQIF holder): max(0, minimum - eligible - carried forward), to the cent."""
    return _guard([_bad_amount(eligible), _bad_optional_amount(carried_forward)],
                  "IF(OR({m}=0;{q}=1);0;ROUND(MAX(0;{m}-{e}-{c});2))".format(
                      m=minimum_cell, q=cqif, e=eligible, c=n(carried_forward)))


def carry_forward(payroll, year, subject_cell, eligible, carried_forward, used_for_credits):
    """TRAINING.CARRYFORWARD (line 79, Act s. 11): subject, max(0, eligible + carried -
    minimum - used); not subject, max(0, eligible - used); to the cent."""
    return _guard([_bad_amount(eligible), _bad_optional_amount(carried_forward),
                   _bad_optional_amount(used_for_credits), "ISERROR(%s)" % subject_cell],
                  "IF({s}=1;ROUND(MAX(0;{e}+{c}-ROUND({p}/100;2)-{u});2);"
                  "ROUND(MAX(0;{e}-{u});2))".format(
                      s=subject_cell, e=eligible, c=n(carried_forward), p=n(payroll),
                      u=n(used_for_credits)))


def retention_end(year):
    """TRAINING.RETENTIONEND (s. 4): 31 December of the sixth year after the year."""
    return _guard([_bad_year(year)],
                  "DATE({y}+{{law.retention.0.0}};{{law.retention.1.0}};"
                  "{{law.retention.2.0}})".format(y=year))
