"""The OnePercent workbook layout as data: docs/template-layout.md, written once.

Every sheet, employer field, table column and summary line of the contract is listed
here with its key, its English and French labels, its type and (for computed cells) its
formula.  gen_workbook.py writes the template and the samples from these tables only.

Formulas are written in ODF OpenFormula syntax (what the .fods/.ots file stores) with
placeholders that gen_workbook.expand() resolves per language and per row:

    {this.KEY}        the cell of column KEY in the same row of the same table   -> [.D7]
    {TABLE.KEY}       the data rows of column KEY of another table (absolute)    -> [$'Employees'.$E$2:.$E$201]
    {TABLE.KEY@row}   the cell of column KEY of TABLE in the row of this cell     -> [$'Activities'.J7]
    {employer.KEY}    the value cell of an employer field                        -> [$'Employer'.$B$4]
    {summary.KEY}     the value cell of a summary line                           -> [$'Summary'.$B$3]
    {text.KEY}        TEXTS[KEY] in the workbook's language, as a quoted string  -> "Act s. 12"
    {row}             this row's number
    {S.x}             a column of a Summary sub-table in the same row            -> [.C44]

Add-in calls use the programmatic name LibreOffice stores in ODF:
ORG.ONEPERCENT.FUNCTIONS.<METHOD> (tests/calc/README.md, "How ODF stores an add-in call").
"""

ADDIN = "ORG.ONEPERCENT.FUNCTIONS."

import portable as _portable  # noqa: E402  (samples/template/portable.py)

# The flavour the formulas are written for (issue 8): "linked" calls the add-in, "portable"
# uses built-in functions and the Law / Loi sheet (portable.py).  gen_workbook.py sets it.
FLAVOUR = "linked"


def use_flavour(flavour):
    """Write the formulas for `flavour`; the portable one also has the helper columns of
    PORTABLE_HELPERS at the end of their tables (and TABLES lists them while it is on)."""
    global FLAVOUR
    if flavour not in ("linked", "portable"):
        raise ValueError("flavour %r" % (flavour,))
    FLAVOUR = flavour
    for table, helpers in PORTABLE_HELPERS.items():
        TABLES[table][:] = [c for c in TABLES[table] if not c.helper]
        if flavour == "portable":
            TABLES[table].extend(helpers)


def contract_columns(table):
    """The columns of `table` that the contract names (docs/template-layout.md), without the
    portable flavour's hidden helper columns."""
    return [c for c in TABLES[table] if not c.helper]


# Add-in method -> the portable formula of portable.py with the same arguments.
_PORTABLE = {"HOURLYRATE": _portable.hourly_rate, "WAGES": _portable.wages,
             "REPLACEMENTWAGES": _portable.replacement_wages,
             "CONTRIBUTIONS": _portable.contributions,
             "NETOFASSISTANCE": _portable.net_of_assistance,
             "PARAGRAPH": _portable.paragraph, "DECLARABLE": _portable.declarable,
             "SUBJECT": _portable.subject, "RETENTIONEND": _portable.retention_end}


def num(ref):
    """N(ref) in the linked flavour; spelled out in the portable one (portable.n: Gnumeric's
    N() of an empty cell is #NUM!)."""
    return "N(%s)" % ref if FLAVOUR == "linked" else _portable.n(ref)


def fn(method, *args):
    """A call of the add-in's METHOD (linked) or its built-in equivalent (portable)."""
    if FLAVOUR == "linked":
        return ADDIN + method + "(" + ";".join(a for a in args if a is not None) + ")"
    return _PORTABLE[method](*args)

FIRST_DATA_ROW = 2
# Prepared (pre-formulated) rows per table.  The template has TEMPLATE_ROWS (issue 8: at
# least 5,000, rows 2..5001); the committed samples keep SAMPLE_ROWS so that they stay small.
# A workbook says how many it has in the document property OnePercentPreparedRows, which is
# what the Summary counts (its ranges end at row 1 + OnePercentPreparedRows).
TEMPLATE_ROWS = 5000
SAMPLE_ROWS = 200
DATA_ROWS = TEMPLATE_ROWS
LAST_DATA_ROW = FIRST_DATA_ROW + DATA_ROWS - 1

TITLE = {"en": "OnePercent – eligible training expenditures",
         "fr": "OnePercent – dépenses de formation admissibles"}

PROPERTIES = {"OnePercentTemplate": "org.onepercent.workbook",
              "OnePercentTemplateVersion": "1.2"}      # + OnePercentLanguage = en | fr,
#                                                  OnePercentPreparedRows = DATA_ROWS

# key: (English name, French name)
SHEETS = [
    ("employer", "Employer", "Employeur"),
    ("employees", "Employees", "Employés"),
    ("activities", "Activities", "Activités"),
    ("participation", "Participation", "Participation"),
    ("expenses", "Expenses", "Dépenses"),
    # 1.2 (issue 12): what an LMS tracks; optional for the validator (1.1 files have none).
    ("certifications", "Certifications", "Certifications"),
    ("summary", "Summary", "Sommaire"),
]

# Named ranges (contract): name -> sheet key.  Each covers the header row and the data rows.
NAMED_RANGES = [("Employer", "employer"), ("Employees", "employees"),
                ("Activities", "activities"), ("Participation", "participation"),
                ("Expenses", "expenses"), ("Certifications", "certifications"),
                ("RL1Summary", "summary")]

# The result cells of the Summary, one named cell each (1.1): name -> summary line key.
RESULT_NAMES = [("WSDRF_Subject", "subject"), ("WSDRF_Payroll", "payroll"),
                ("WSDRF_Minimum", "line51"), ("WSDRF_Eligible", "eligible"),
                ("WSDRF_CarriedIn", "line75"), ("WSDRF_Contribution", "line53"),
                ("WSDRF_CarryForward", "line79"), ("WSDRF_RetentionEnd", "retention_end")]

# Summary line key -> the key of its RL-1 line in the engine's table of line numbers by form
# year (functions/engine/rl1_lines.cxx, printed by onepercent-law-tables as "rl1_lines").
RL1_LINE_KEYS = {"line50": "payroll", "line51": "minimum", "line52": "eligible",
                 "line53": "contribution", "line75": "carried_in", "line78": "total_eligible",
                 "line79": "carry_forward"}

# Texts written into formulas, per language ({text.KEY}).
TEXTS = {
    # The paragraph cell of the two expense kinds that count outside s. 1 (1.1).
    "mutual_paragraph": {"en": "r. 7", "fr": "r. 7"},
    "ccq_paragraph": {"en": "Act s. 12", "fr": "Loi, art. 12"},
}

# Expense kinds counted in full outside s. 1 (1.1), both languages: a payment to a recognized
# training mutual (CQLR c. D-8.3, r. 7) and a construction employer's contribution to the CCQ
# training fund (Act s. 12).
MUTUAL_KINDS = ("training-mutual", "mutuelle-formation")
CCQ_KINDS = ("ccq-training-fund", "fonds-formation-ccq")

# ---- keyword lists (the add-in's keywords; README "Classification") -------------------------

KEYWORDS = {
    "pay_basis": {"en": ["year", "month", "biweekly", "week", "hour"],
                  "fr": ["année", "mois", "quinzaine", "semaine", "heure"]},
    "provider_kind": {
        "en": ["recognized-institution", "accredited-body", "accredited-instructor",
               "multi-employer-service", "non-accredited", "professional-order",
               "association", "internal-accredited-service", "internal"],
        "fr": ["etablissement-reconnu", "organisme-agree", "formateur-agree",
               "service-multi-employeurs", "non-agree", "ordre-professionnel",
               "association", "service-interne-agree", "interne"]},
    "expense_kind": {
        "en": ["tuition", "reimbursement", "trainer-wages", "participant-wages",
               "replacement-wages", "study-leave", "loaned-employee", "joint-committee",
               "pedagogical-support", "training-plan", "training-development",
               "internship-preparation", "supervision-wages", "travel", "materials-wages",
               "materials", "premises", "event", "training-mutual", "ccq-training-fund"],
        "fr": ["frais-formation", "remboursement", "salaire-formateur", "salaire-participant",
               "salaire-remplacement", "conge-formation", "employe-prete", "comite-paritaire",
               "soutien-pedagogique", "plan-formation", "developpement-formation",
               "preparation-stage", "salaire-encadrement", "frais-deplacement",
               "salaire-materiel", "materiel", "locaux", "colloque", "mutuelle-formation",
               "fonds-formation-ccq"]},
    "role": {"en": ["participant", "trainer", "supervisor", "replacement"],
             "fr": ["participant", "formateur", "encadrement", "remplacement"]},
    "yesno": {"en": ["yes", "no"], "fr": ["oui", "non"]},
    "exempt_category": {"en": ["adapted-enterprise", "childcare", "ambulance"],
                        "fr": ["entreprise-adaptee", "garderie", "ambulance"]},
    # 1.2 (issue 12): how an activity is given, as an LMS records it; informative, except that
    # coaching, mentoring and on-the-job activities are held to the s. 1(7) conditions.  The
    # i-th word of each language is the same format.
    "format": {"en": ["classroom", "e-learning", "workshop", "coaching", "mentoring",
                      "on-the-job", "event"],
               "fr": ["en-classe", "en-ligne", "atelier", "coaching", "mentorat", "en-emploi",
                      "colloque"]},
}

# Role -> the wage kind of TRAINING.PARAGRAPH (both languages' role keywords are accepted).
ROLE_WAGE_KIND = [(("trainer", "formateur"), "trainer-wages"),
                  (("supervisor", "encadrement"), "supervision-wages"),
                  (("replacement", "remplacement"), "replacement-wages"),
                  (("participant",), "participant-wages")]


def _yes(ref):
    """1 when a yes/no cell says yes (yes, oui, 1; any case), else 0."""
    return 'IF(OR(LOWER({r}&"")="yes";LOWER({r}&"")="oui";{r}&""="1");1;0)'.format(r=ref)


def _role_kind(ref):
    """The wage kind of a role cell; empty role = participant; unknown role = #N/A."""
    formula = "NA()"
    for words, kind in reversed(ROLE_WAGE_KIND):
        test = ";".join('LOWER({r})="{w}"'.format(r=ref, w=w) for w in words)
        formula = 'IF(OR({t});"{k}";{f})'.format(t=test, k=kind, f=formula)
    return 'IF({r}="";"participant-wages";{f})'.format(r=ref, f=formula)


def _lookup(table, key, id_ref, id_key):
    """INDEX/MATCH of column `key` of `table` for the ID in id_ref (first occurrence).  The
    portable flavour writes the same lookup as VLOOKUP over the columns id_key..key (the ID
    column is the table's first): a third of the text, the formulas being longer there."""
    if FLAVOUR == "portable":
        keys = [c.key for c in TABLES[table]]
        first, last = keys.index(id_key), keys.index(key)
        if first == 0 and last > 0:
            return "VLOOKUP(%s;{%s.%s..%s};%d;0)" % (id_ref, table, id_key, key, last + 1)
    return "INDEX({%s.%s};MATCH(%s;{%s.%s};0))" % (table, key, id_ref, table, id_key)


def _not_arms_length(ref):
    """1 when an arm's-length cell says no (no, non, 0; any case): s. 7(12) applies."""
    return ('OR(LOWER({r}&"")="no";LOWER({r}&"")="non";{r}&""="0")').format(r=ref)


def _is_kind(ref, words):
    """1 when the keyword cell says one of `words` (any case)."""
    return "OR(%s)" % ";".join('LOWER({r}&"")="{w}"'.format(r=ref, w=w) for w in words)


def _declarable(completion):
    """1 when an activity completed on `completion` may be declared in the year (s. 7(14),
    TRAINING.DECLARABLE); 0 with no completion date or no year (the caller wraps the lookup
    in IFERROR: an unknown activity is 0 too)."""
    return ('IF(OR({c}="";{y}="");0;{d})'
            .format(c=completion, y=YEAR, d=fn("DECLARABLE", completion, YEAR)))


# s. 7(12) caps only the expenditures of paragraphs 1, 2, 3, 11, 12, 13 and 14 of s. 1
# (law-facts H; TRAINING.NONARMSLENGTHCAP).
CAPPED_PARAGRAPHS = ("1(1)", "1(2)", "1(3)", "1(11)", "1(12)", "1(13)", "1(14)")


def _eligible_amount():
    """An expense's eligible amount (docs/template-layout.md, Expenses eligible_amount).

    Empty when the amount is empty.  A training mutual (r. 7) or the CCQ fund (Act s. 12):
    the net amount in full.  Otherwise 0 when the paragraph is empty, #N/A or an error (s. 1:
    no paragraph, no eligible expenditure), when the activity is unknown or the net amount is
    not a number; else the net amount when the activity is completed in or before the year
    (s. 7(14), TRAINING.DECLARABLE), capped at the three non-arm's-length parts when the
    activity is not at arm's length and the paragraph is one of CAPPED_PARAGRAPHS (s. 7(12),
    as TRAINING.NONARMSLENGTHCAP), else 0.  The Summary sums this column (SUMIF by activity
    and by kind, SUM), in time linear in the number of rows."""
    net = "{this.net_amount}"
    paragraph = "{this.paragraph}"
    completion = _lookup("activities", "completion_date", "{this.activity_id}", "activity_id")
    arms_length = _lookup("activities", "arms_length", "{this.activity_id}", "activity_id")
    parts = "{this.nal_wages}+{this.nal_travel}+{this.nal_materials}"
    capped_paragraph = "OR(%s)" % ";".join('%s="%s"' % (paragraph, p)
                                           for p in CAPPED_PARAGRAPHS)
    declarable = _declarable(completion)
    not_arms_length = _not_arms_length(arms_length)
    if FLAVOUR == "portable":   # the engine's list, from the Law sheet; the helper columns
        capped_paragraph = "%s=1" % _portable.capped_paragraph(paragraph)
        declarable = _activity_helper("declarable")
        not_arms_length = "%s=1" % _activity_helper("not_arms_length")
    capped = "IF(AND({nal};{cp});MIN({net};{parts});{net})".format(
        nal=not_arms_length, cp=capped_paragraph, net=net, parts=parts)
    fund = _is_kind("{this.expense_kind}", MUTUAL_KINDS + CCQ_KINDS)
    return ('IF({{this.amount}}="";"";IFERROR(IF({fund};IF(ISNUMBER({net});{net};0);'
            'IF(OR({{this.activity_id}}="";NOT(ISNUMBER({net}));ISERROR({p});{p}="");0;'
            '{d}*{c}));0))'.format(fund=fund, net=net, p=paragraph,
                                   d=declarable, c=capped))


def _activity_helper(key):
    """The helper column `key` of PORTABLE_HELPERS["activities"] for this row's activity
    (#N/A for an unknown activity)."""
    return _lookup("activities", key, "{this.activity_id}", "activity_id")


def _net_of_assistance(expenditure, assistance):
    """TRAINING.NETOFASSISTANCE with the Employer's exempt category; the portable flavour
    reads the category's code from the Law sheet's helper cell (WORKBOOK_HELPERS)."""
    if FLAVOUR == "linked":
        return fn("NETOFASSISTANCE", expenditure, assistance, "{employer.exempt_category}")
    return _portable.net_of_assistance(expenditure, assistance, None, exempt="{wb.exempt}")


def _expense_paragraph():
    """`r. 7` for a training mutual, `Act s. 12` / `Loi, art. 12` for the CCQ fund (1.1),
    else TRAINING.PARAGRAPH(kind; the activity's provider kind; member of the order)."""
    kind = "{this.expense_kind}"
    if FLAVOUR == "linked":
        paragraph = fn("PARAGRAPH", kind,
                       _lookup("activities", "provider_kind", "{this.activity_id}",
                               "activity_id"),
                       _yes("{this.member_of_order}"))
    else:
        paragraph = _portable.paragraph(kind, None, _yes("{this.member_of_order}"),
                                        provider=_activity_helper("provider_code"))
    return ('IF({k}="";"";IF({m};{{text.mutual_paragraph}};IF({c};{{text.ccq_paragraph}};'
            '{p})))'.format(k=kind, m=_is_kind(kind, MUTUAL_KINDS),
                            c=_is_kind(kind, CCQ_KINDS), p=paragraph))


def _employee_rate(id_ref):
    return _lookup("employees", "hourly_rate", id_ref, "employee_id")


def _participation_wages():
    """s. 7(5): hours x the employee's hourly rate; a replacement row (s. 1(8)): only the part
    of the replacement's wages above the replaced employee's (TRAINING.REPLACEMENTWAGES), #N/A
    without a replaced employee."""
    replacement = _is_kind("{this.role}", ROLE_WAGE_KIND[2][0])
    me = _employee_rate("{this.employee_id}")
    them = _employee_rate("{this.replaced_employee_id}")
    return ('IF({{this.hours}}="";"";IF({r};IF({{this.replaced_employee_id}}="";NA();'
            '{rw});{w}))'
            .format(r=replacement, rw=fn("REPLACEMENTWAGES", "{this.hours}", me, them),
                    w=fn("WAGES", "{this.hours}", me)))


def _participation_eligible():
    """A participation row's eligible amount (1.1): empty when the wages are empty; an error in
    the wages or contributions shows as that error; 0 when the paragraph is empty, #N/A or an
    error (s. 1: no paragraph, no eligible expenditure, as for an expense; our reading of a
    gap in the 1.1 contract); else wages + contributions net of the row's government
    assistance (s. 7(13), TRAINING.NETOFASSISTANCE with the Employer's exempt category) when
    the activity is completed in or before the year (s. 7(14)), else 0 (also 0 for an unknown
    activity or one without a completion date)."""
    total = "{this.wages}+" + num("{this.contributions}")
    paragraph = "{this.paragraph}"
    if FLAVOUR == "linked":
        completion = _lookup("activities", "completion_date", "{this.activity_id}",
                             "activity_id")
        declarable = _declarable(completion)
    else:
        declarable = _activity_helper("declarable")
    return ('IF({{this.wages}}="";"";IF(ISERROR({t});{t};IF(ISERROR({p});0;'
            'IF(OR({p}="";NOT(IFERROR({d};0)));0;{n}))))'
            .format(t=total, p=paragraph, d=declarable,
                    n=_net_of_assistance(total, "{this.assistance}")))


# ---- columns --------------------------------------------------------------------------------
# (key, English header, French header, type, formula or None, input help en, input help fr)
# type: id, text, digits10, year, number, date, yesno, kw:<list>, computed:<format>

class Column:
    def __init__(self, key, en, fr, kind, formula=None, help_en="", help_fr="",
                 required=False, width="3cm", helper=False):
        self.key, self.en, self.fr, self.kind, self._formula = key, en, fr, kind, formula
        self.help_en, self.help_fr, self.required, self.width = help_en, help_fr, required, width
        self.helper = helper    # a hidden helper column of the portable flavour

    @property
    def formula(self):
        """The formula text for the current FLAVOUR (a callable is called each time)."""
        return self._formula() if callable(self._formula) else self._formula

    @property
    def computed(self):
        return self._formula is not None

    def label(self, lang):
        return self.en if lang == "en" else self.fr


C = Column

YEAR = "{employer.year}"

TABLES = {
    "employees": [
        C("employee_id", "Employee ID", "No employé", "id", required=True, width="2.6cm",
          help_en="Unique ID of the employee (text or number).",
          help_fr="Numéro unique de l'employé (texte ou nombre)."),
        C("name", "Name", "Nom", "text", required=True, width="4.5cm",
          help_en="Employee's name (r. 3, s. 4: proof of wages names the employee).",
          help_fr="Nom de l'employé (r. 3, art. 4 : la preuve des salaires nomme l'employé)."),
        C("pay_basis", "Pay basis", "Base de paie", "kw:pay_basis", width="2.6cm",
          help_en="Period of the pay amount: year, month, biweekly, week or hour.",
          help_fr="Période du montant de paie : année, mois, quinzaine, semaine ou heure."),
        C("pay_amount", "Pay amount", "Montant de paie", "number", width="3cm",
          help_en="Pay for one period of the pay basis (≥ 0).",
          help_fr="Paie pour une période de la base de paie (≥ 0)."),
        C("hourly_rate", "Hourly rate", "Taux horaire", "computed:rate", width="2.6cm",
          formula=lambda: 'IF({this.pay_amount}="";"";' + (
              fn("HOURLYRATE", "{this.pay_amount}", "{this.pay_basis}",
                 "{this.hours_per_period}") if FLAVOUR == "linked" else
              _portable.hourly_rate("{this.pay_amount}", "{this.pay_basis}",
                                    "{this.hours_per_period}", periods="{this.pay_periods}"))
          + ")"),
        C("annual_salary", "Annual salary", "Salaire annuel", "number", width="3cm",
          help_en="Annual salary, for the employer contributions of s. 7(4.1) (≥ 0).",
          help_fr="Salaire annuel, pour les cotisations de l'employeur de l'art. 7(4.1) (≥ 0)."),
        C("cnesst_rate", "CNESST rate per $100", "Taux CNESST par 100 $", "number",
          width="3cm",
          help_en="The employer's CNESST rate in dollars per $100 of payroll (e.g. 1.85).",
          help_fr="Taux CNESST de l'employeur en dollars par 100 $ de masse salariale "
                  "(p. ex. 1,85)."),
        # 1.1, last so that the columns before it keep their letters.
        C("hours_per_period", "Hours per pay period", "Heures par période de paie", "number",
          width="2.8cm",
          help_en="Hours of one pay period under the contract (e.g. 37.5 a week). Empty: "
                  "s. 7(6) applies (1950 hours a year).",
          help_fr="Heures d'une période de paie selon le contrat (p. ex. 37,5 par semaine). "
                  "Vide : l'art. 7(6) s'applique (1950 heures par année)."),
    ],
    "activities": [
        C("activity_id", "Activity ID", "No activité", "id", required=True, width="2.6cm",
          help_en="Unique ID of the training activity.",
          help_fr="Numéro unique de l'activité de formation."),
        C("title", "Title", "Titre", "text", required=True, width="5.5cm",
          help_en="Title of the activity.", help_fr="Titre de l'activité."),
        C("provider_name", "Provider", "Fournisseur", "text", width="4.5cm",
          help_en="Name of the training provider.", help_fr="Nom du fournisseur de formation."),
        C("provider_kind", "Provider kind", "Type de fournisseur", "kw:provider_kind",
          width="4.2cm",
          help_en="Kind of provider: it decides the paragraph of s. 1.",
          help_fr="Type de fournisseur : il détermine le paragraphe de l'art. 1."),
        C("arms_length", "Arm's length", "Sans lien de dépendance", "yesno", width="2.6cm",
          help_en="no: the provider is not at arm's length, s. 7(12) caps the amounts.",
          help_fr="non : le fournisseur a un lien de dépendance, l'art. 7(12) plafonne "
                  "les montants."),
        C("plan_reference", "Training plan reference", "Référence au plan de formation",
          "text", width="3.5cm",
          help_en="Reference of the activity in the training plan.",
          help_fr="Référence de l'activité dans le plan de formation."),
        C("consultation_proof", "Proof of consultation", "Preuve de consultation", "yesno",
          width="2.8cm",
          help_en="yes if the consultation on the training plan is documented (s. 4).",
          help_fr="oui si la consultation sur le plan de formation est documentée (art. 4)."),
        C("attestation_issued", "Attestation issued", "Attestation délivrée", "yesno",
          width="2.8cm",
          help_en="yes if an attestation can be issued to the participants (s. 4).",
          help_fr="oui si une attestation peut être délivrée aux participants (art. 4)."),
        C("start_date", "Start date", "Date de début", "date", width="2.8cm",
          help_en="First day of the activity.", help_fr="Premier jour de l'activité."),
        C("completion_date", "Completion date", "Date de fin", "date", required=True,
          width="2.8cm",
          help_en="Day the activity was completed: s. 7(14), not declarable before that year.",
          help_fr="Jour où l'activité a pris fin : art. 7(14), pas déclarable avant cette "
                  "année."),
        C("planned_duration", "Planned duration (h)", "Durée prévue (h)", "number",
          width="2.6cm",
          help_en="Planned duration in hours (required for on-the-job training, s. 1(7)).",
          help_fr="Durée prévue en heures (requise pour la formation en emploi, art. 1(7))."),
        C("supervision", "Supervision or interaction", "Encadrement ou interaction", "yesno",
          width="2.8cm",
          help_en="yes if the activity is supervised or interactive (s. 1(7)).",
          help_fr="oui si l'activité est encadrée ou interactive (art. 1(7))."),
        C("on_the_job", "On-the-job or e-learning", "En emploi ou en ligne", "yesno",
          width="2.8cm",
          help_en="yes for on-the-job or e-learning training (s. 1(7) conditions apply).",
          help_fr="oui pour la formation en emploi ou en ligne (conditions de l'art. 1(7))."),
        C("ohs", "OHS training", "Formation SST", "yesno", width="2.4cm",
          help_en="yes for occupational health and safety training.",
          help_fr="oui pour une formation en santé et sécurité du travail."),
        C("ohs_integral", "OHS integral to the job", "SST intégrée à l'emploi", "yesno",
          width="2.8cm",
          help_en="yes if the OHS training is integral to the job's skills (s. 7(3.2)).",
          help_fr="oui si la formation SST fait partie intégrante des compétences de "
                  "l'emploi (art. 7(3.2))."),
        # 1.2 (issue 12), last so that the columns before it keep their letters (1.1 files
        # without it stay valid: the validator treats it as optional).
        C("format", "Format", "Format", "kw:format", width="2.8cm",
          help_en="classroom, e-learning, workshop, coaching, mentoring, on-the-job or event. "
                  "Coaching, mentoring and on-the-job: the s. 1(7) conditions apply (planned "
                  "duration, supervision or interaction).",
          help_fr="en-classe, en-ligne, atelier, coaching, mentorat, en-emploi ou colloque. "
                  "Coaching, mentorat et en-emploi : les conditions de l'art. 1(7) "
                  "s'appliquent (durée prévue, encadrement ou interaction)."),
    ],
    "participation": [
        C("employee_id", "Employee ID", "No employé", "id", required=True, width="2.6cm",
          help_en="An employee of the Employees sheet.",
          help_fr="Un employé de la feuille Employés."),
        C("activity_id", "Activity ID", "No activité", "id", required=True, width="2.6cm",
          help_en="An activity of the Activities sheet.",
          help_fr="Une activité de la feuille Activités."),
        C("role", "Role", "Rôle", "kw:role", width="2.8cm",
          help_en="participant, trainer, supervisor or replacement (empty: participant).",
          help_fr="participant, formateur, encadrement ou remplacement (vide : participant)."),
        C("hours", "Hours", "Heures", "number", width="2.2cm",
          help_en="Hours in the activity during the year (s. 7(5)).",
          help_fr="Heures consacrées à l'activité pendant l'année (art. 7(5))."),
        C("paragraph", "Paragraph", "Paragraphe", "computed:text", width="2.4cm",
          formula=lambda: 'IF({this.activity_id}="";"";' + (fn(
              "PARAGRAPH", _role_kind("{this.role}"),
              _lookup("activities", "provider_kind", "{this.activity_id}", "activity_id"))
              if FLAVOUR == "linked" else _portable.paragraph(
                  _role_kind("{this.role}"), None, canonical=True,
                  provider=_activity_helper("provider_code"))) + ")"),
        C("wages", "Wages", "Salaires", "computed:money", width="2.8cm",
          formula=_participation_wages),
        C("contributions", "Contributions", "Cotisations", "computed:money", width="2.8cm",
          formula=lambda: 'IF(OR({this.wages}="";' + YEAR + '="");"";' + (fn(
              "CONTRIBUTIONS", YEAR, "{this.wages}",
              _lookup("employees", "annual_salary", "{this.employee_id}", "employee_id"),
              _lookup("employees", "cnesst_rate", "{this.employee_id}", "employee_id"),
              "{employer.ei_rate}") if FLAVOUR == "linked" else
              _portable.prorated_contributions(
                  "{this.wages}",
                  _lookup("employees", "annual_contributions", "{this.employee_id}",
                          "employee_id"),
                  _lookup("employees", "annual_salary", "{this.employee_id}",
                          "employee_id"))) + ")"),
        # 1.1, last so that the columns before them keep their letters.
        C("replaced_employee_id", "Replaced employee ID", "No employé remplacé", "id",
          width="2.8cm",
          help_en="For a replacement row: the employee in training who is replaced (s. 1(8): "
                  "only the wages above theirs count).",
          help_fr="Pour une ligne de remplacement : l'employé en formation qui est remplacé "
                  "(art. 1(8) : seul le salaire qui excède le sien compte)."),
        C("assistance", "Government assistance", "Aide gouvernementale", "number",
          width="2.8cm",
          help_en="Government assistance received or receivable for these wages (s. 7(13)).",
          help_fr="Aide gouvernementale reçue ou à recevoir pour ces salaires (art. 7(13))."),
        C("eligible_amount", "Eligible amount", "Montant admissible", "computed:money",
          width="2.8cm", formula=_participation_eligible),
        # 1.2 (issue 12), last so that the columns before them keep their letters; optional.
        C("completed", "Completed", "Terminé", "yesno", width="2.4cm",
          help_en="yes if the employee completed the activity (the Summary's completion rate).",
          help_fr="oui si l'employé a terminé l'activité (taux d'achèvement du Sommaire)."),
        C("proof", "Proof of participation", "Preuve de participation", "text", width="3.5cm",
          help_en="Where the proof of participation is kept (attendance sheet, LMS record, "
                  "attestation).",
          help_fr="Où est conservée la preuve de participation (feuille de présence, dossier "
                  "de la plateforme de formation, attestation)."),
    ],
    "expenses": [
        C("expense_id", "Expense ID", "No dépense", "id", required=True, width="2.6cm",
          help_en="Unique ID of the expense.", help_fr="Numéro unique de la dépense."),
        C("activity_id", "Activity ID", "No activité", "id", required=True, width="2.6cm",
          help_en="An activity of the Activities sheet (may be empty for a training mutual "
                  "or the CCQ fund).",
          help_fr="Une activité de la feuille Activités (peut être vide pour une mutuelle de "
                  "formation ou le fonds de la CCQ)."),
        C("employee_id", "Employee ID", "No employé", "id", width="2.6cm",
          help_en="An employee of the Employees sheet; required for a wage kind (s. 4).",
          help_fr="Un employé de la feuille Employés; requis pour un type salaire (art. 4)."),
        C("expense_kind", "Expense kind", "Type de dépense", "kw:expense_kind", width="4cm",
          help_en="Kind of expense: with the provider kind it gives the paragraph of s. 1. "
                  "training-mutual (r. 7) and ccq-training-fund (Act s. 12) count in full.",
          help_fr="Type de dépense : avec le type de fournisseur, il donne le paragraphe "
                  "de l'art. 1. mutuelle-formation (r. 7) et fonds-formation-ccq (Loi, "
                  "art. 12) comptent en entier."),
        C("member_of_order", "Member of the order", "Membre de l'ordre", "yesno",
          width="2.6cm",
          help_en="For a professional order's training: yes if the employee is a member.",
          help_fr="Pour une formation d'un ordre professionnel : oui si l'employé en est "
                  "membre."),
        C("paragraph", "Paragraph", "Paragraphe", "computed:text", width="2.4cm",
          formula=_expense_paragraph),
        C("description", "Description", "Description", "text", width="5.5cm",
          help_en="What was paid.", help_fr="Ce qui a été payé."),
        C("amount", "Amount", "Montant", "number", required=True, width="2.8cm",
          help_en="Amount paid (≥ 0).", help_fr="Montant payé (≥ 0)."),
        C("registration_cost", "Registration cost", "Frais d'inscription", "number",
          width="2.8cm",
          help_en="For an event (s. 1(23)): the registration cost, shown separately.",
          help_fr="Pour un colloque (art. 1(23)) : les frais d'inscription, indiqués "
                  "séparément."),
        C("assistance", "Government assistance", "Aide gouvernementale", "number",
          width="2.8cm",
          help_en="Government assistance received or receivable (s. 7(13)).",
          help_fr="Aide gouvernementale reçue ou à recevoir (art. 7(13))."),
        C("net_amount", "Net amount", "Montant net", "computed:money", width="2.8cm",
          formula=lambda: 'IF({this.amount}="";"";' + _net_of_assistance(
              "{this.amount}", "{this.assistance}") + ")"),
        C("document_ref", "Supporting document", "Pièce justificative", "text",
          required=True, width="3.5cm",
          help_en="Reference of the supporting document (invoice, pay slip; s. 4).",
          help_fr="Référence de la pièce justificative (facture, relevé de paie; art. 4)."),
        C("nal_wages", "Non-arm's-length: wages", "Lien de dépendance : salaires", "number",
          width="3cm",
          help_en="Not at arm's length (s. 7(12)): the part for the instructor's wages.",
          help_fr="Lien de dépendance (art. 7(12)) : la part des salaires du formateur."),
        C("nal_travel", "Non-arm's-length: travel", "Lien de dépendance : déplacements",
          "number", width="3cm",
          help_en="Not at arm's length (s. 7(12)): the part for travel, lodging and meals.",
          help_fr="Lien de dépendance (art. 7(12)) : la part des frais de déplacement, "
                  "logement et repas."),
        C("nal_materials", "Non-arm's-length: materials", "Lien de dépendance : matériel",
          "number", width="3cm",
          help_en="Not at arm's length (s. 7(12)): the part for teaching materials.",
          help_fr="Lien de dépendance (art. 7(12)) : la part du matériel pédagogique."),
        # Last, so that the columns before it keep their letters (template 1.0 files
        # without it stay valid: the validator treats it as optional).
        C("eligible_amount", "Eligible amount", "Montant admissible", "computed:money",
          width="2.8cm", formula=_eligible_amount),
    ],
    # 1.2 (issue 12): certifications and their renewals, as an LMS tracks them.  Not a
    # requirement of the 1 % law: the validator only notes an expired one (I-CERT-EXPIRED).
    "certifications": [
        C("employee_id", "Employee ID", "No employé", "id", required=True, width="2.6cm",
          help_en="An employee of the Employees sheet.",
          help_fr="Un employé de la feuille Employés."),
        C("certification", "Certification", "Certification", "text", required=True,
          width="5.5cm",
          help_en="Name of the certification, licence or card (e.g. forklift operator).",
          help_fr="Nom de la certification, du permis ou de la carte (p. ex. cariste)."),
        C("obtained_on", "Obtained on", "Obtenue le", "date", width="2.8cm",
          help_en="Day the certification was obtained or last renewed.",
          help_fr="Jour où la certification a été obtenue ou renouvelée."),
        C("expires_on", "Expires on", "Expire le", "date", width="2.8cm",
          help_en="Last day the certification is valid; empty if it does not expire.",
          help_fr="Dernier jour de validité de la certification; vide si elle n'expire pas."),
        C("renewal_activity_id", "Renewal activity ID", "No activité de renouvellement", "id",
          width="3cm",
          help_en="The activity of the Activities sheet that renews it, if any.",
          help_fr="L'activité de la feuille Activités qui la renouvelle, s'il y a lieu."),
    ],
}

# ---- the portable flavour's helper cells (issue 8: open + first read near values only) -------
# What the formulas of many rows would otherwise compute again in each of them (a keyword
# folded, the year's rates looked up and combined): computed once per employee, per activity
# or per workbook, in hidden, protected cells, and read by VLOOKUP (the rows of Participation
# and Expenses, 50,000 in the bench, are where the formulas' length counts).  Portable flavour
# only: use_flavour adds the columns at the end of their tables (after the contract's
# columns, so that no column letter moves); the linked flavour's add-in calls need none.  The
# validator does not read them (no contract column has their headers) and checks the figures
# they feed (R-ACT-SUMMARY).  Same numbers: tests/template compares every computed cell.

PORTABLE_HELPERS = {
    "employees": [
        C("pay_periods", "Helper: pay periods per year",
          "Auxiliaire : périodes de paie par année", "computed:num", width="2.8cm",
          helper=True, formula=lambda: _portable.pay_periods("{this.pay_basis}")),
        C("annual_contributions", "Helper: employer contributions of the year (s. 7(4.1))",
          "Auxiliaire : cotisations de l'employeur de l'année (art. 7(4.1))",
          "computed:money", width="2.8cm", helper=True,
          formula=lambda: 'IF({this.employee_id}="";"";%s)' % _portable.annual_contributions(
              YEAR, "{this.annual_salary}", "{this.cnesst_rate}", "{employer.ei_rate}")),
    ],
    "activities": [
        C("provider_code", "Helper: provider kind's classification column",
          "Auxiliaire : colonne de classification du type de fournisseur", "computed:int",
          width="2.8cm", helper=True,
          formula=lambda: _portable.provider_code("{this.provider_kind}")),
        C("declarable", "Helper: declarable in the year (s. 7(14))",
          "Auxiliaire : déclarable dans l'année (art. 7(14))", "computed:int", width="2.8cm",
          helper=True, formula=lambda: "IFERROR(%s;0)" % _declarable("{this.completion_date}")),
        C("not_arms_length", "Helper: not at arm's length (s. 7(12))",
          "Auxiliaire : lien de dépendance (art. 7(12))", "computed:int", width="2.8cm",
          helper=True, formula=lambda: "IF(%s;1;0)" % _not_arms_length("{this.arms_length}")),
    ],
}

# One cell each on the Law / Loi sheet, below the engine's tables ({wb.KEY}): (key, English
# label, French label, formula).
WORKBOOK_HELPERS = [
    ("exempt", "Helper: the Employer's exempt category (s. 7(13)): 1 exempt, 0 not",
     "Auxiliaire : catégorie exemptée de l'employeur (art. 7(13)) : 1 exemptée, 0 non",
     lambda: _portable.exempt_code("{employer.exempt_category}")),
]

# ---- employer form (row 1 holds "Field | Value", fields from row 2) --------------------------

EMPLOYER_HEADER = {"en": ("Field", "Value"), "fr": ("Champ", "Valeur")}
EMPLOYER = [
    C("name", "Employer name", "Nom de l'employeur", "text", required=True,
      help_en="Legal name of the employer.", help_fr="Nom légal de l'employeur."),
    C("neq", "Québec enterprise number (NEQ)", "Numéro d'entreprise du Québec (NEQ)",
      "digits10", required=True,
      help_en="The 10 digits of the NEQ.", help_fr="Les 10 chiffres du NEQ."),
    C("year", "Fiscal year", "Année", "year", required=True,
      help_en="Calendar year of the return (e.g. 2025).",
      help_fr="Année civile de la déclaration (p. ex. 2025)."),
    C("payroll", "Total payroll", "Masse salariale totale", "number", required=True,
      help_en="Total payroll of the year (≥ 0).",
      help_fr="Masse salariale totale de l'année (≥ 0)."),
    C("carried_forward", "Balance carried forward", "Solde reporté", "number",
      help_en="Balance carried forward from previous years (last year's line 79).",
      help_fr="Solde reporté des années antérieures (ligne 79 de l'an dernier)."),
    C("cqif", "CQIF holder", "Titulaire d'un CQIF", "yesno",
      help_en="yes if the employer holds a valid CQIF (r. 5).",
      help_fr="oui si l'employeur détient un CQIF valide (r. 5)."),
    C("exempt_category", "s. 7(13) exempt category", "Catégorie exemptée art. 7(13)",
      "kw:exempt_category",
      help_en="adapted-enterprise, childcare or ambulance; empty for most employers.",
      help_fr="entreprise-adaptee, garderie ou ambulance; vide pour la plupart des "
              "employeurs."),
    C("used_for_credits", "Used for tax credits", "Utilisé pour crédits d'impôt", "number",
      help_en="Part of the excess used for refundable tax credits (Act s. 11).",
      help_fr="Partie de l'excédent utilisée pour des crédits d'impôt remboursables "
              "(Loi, art. 11)."),
    # 1.1: an employer with an EI premium reduction pays a lower rate (s. 7(4.1)).
    C("ei_rate", "EI employer rate", "Taux AE de l'employeur", "rate",
      help_en="Your EI employer rate if you have a premium reduction, as a percentage "
              "(e.g. 1.60 %). Empty: the year's Québec rate.",
      help_fr="Votre taux d'AE d'employeur si vous avez une réduction de cotisation, en "
              "pourcentage (p. ex. 1,60 %). Vide : le taux du Québec de l'année."),
]

# Issue 8: how to add rows, written on the Employer sheet two rows below the last field (column
# A, protected text; the validator reads only the fields' labels).  Same steps as README
# "Tables that grow".
EMPLOYER_NOTE = {
    "en": ("Adding rows",
           "Each table (Employees, Activities, Participation, Expenses) has {rows} prepared rows "
           "(rows 2 to {last}), and the Summary counts all of them. A row typed below row "
           "{last} is not counted. To add rows: unprotect the sheet (Tools > Protect Sheet; no "
           "password; in Excel, Review > Unprotect Sheet), select row {last}, insert the rows "
           "you need above it, copy row {before} into the new rows, and protect the sheet "
           "again."),
    "fr": ("Ajouter des lignes",
           "Chaque tableau (Employés, Activités, Participation, Dépenses) a {rows} lignes "
           "préparées (lignes 2 à {last}), et le Sommaire les compte toutes. Une ligne tapée "
           "sous la ligne {last} n'est pas comptée. Pour ajouter des lignes : ôter la "
           "protection de la feuille (Outils > Protéger la feuille; sans mot de passe; dans "
           "Excel, Révision > Ôter la protection de la feuille), sélectionner la ligne {last}, "
           "insérer au-dessus les lignes voulues, y copier la ligne {before}, puis protéger "
           "la feuille de nouveau."),
}

# ---- summary (row 1 "Figure | Amount | RL-1 line", lines from row 2) -------------------------
# Column C of a line with an RL-1 key (RL1_LINE_KEYS) is the line number for the form of the
# workbook's year, written by gen_workbook.py from the engine's table (--law-tables).

SUMMARY_HEADER = {"en": ("Figure", "Amount", "RL-1 line"),
                  "fr": ("Élément", "Montant", "Ligne RL-1")}
_GUARD = 'IF(OR({employer.year}="";{employer.payroll}="");"";%s)'
_CQIF = _yes("{employer.cqif}")
PARAGRAPH_FIRST = 20          # rows 17 empty, 18 title, 19 head
BY_ACTIVITY_FIRST = 48        # first row of the "by activity" sub-table (mirrors Activities)
BY_EMPLOYEE_FIRST = BY_ACTIVITY_FIRST + DATA_ROWS + 3     # 5051 (251 with 200 rows)


def set_data_rows(rows):
    """Prepare `rows` rows per table (and as many lines in the Summary's sub-tables)."""
    global DATA_ROWS, LAST_DATA_ROW
    if not 1 <= rows <= 100000:
        raise ValueError("prepared rows: %d, expected 1..100000" % rows)
    DATA_ROWS = rows
    LAST_DATA_ROW = FIRST_DATA_ROW + DATA_ROWS - 1
    set_table_rows({})


# Tables with more prepared rows than DATA_ROWS (gen_workbook.py --table-rows): the workbook
# that inserting rows the documented way gives (README, "Tables that grow": rows inserted above
# the last prepared row, the row above copied into them).  That table's formulas, styles and
# validity run to last_row_of(table), every reference to its data rows (placeholders, named
# range, Summary ranges) ends there, the Summary's table by activity (by employee) has one line
# per prepared Activities (Employees) row; OnePercentPreparedRows stays DATA_ROWS.
GROWING_TABLES = ("employees", "activities", "participation", "expenses")
TABLE_ROWS = {}


def set_table_rows(rows_by_table):
    """{table: rows} for the tables of GROWING_TABLES that have more than DATA_ROWS rows;
    set_data_rows first (it clears them)."""
    global TABLE_ROWS, BY_EMPLOYEE_FIRST
    for table, rows in rows_by_table.items():
        if table not in GROWING_TABLES:
            raise ValueError("table %r, expected one of %s" % (table, ", ".join(GROWING_TABLES)))
        if not DATA_ROWS <= rows <= 100000:
            raise ValueError("prepared rows of %s: %d, expected %d..100000"
                             % (table, rows, DATA_ROWS))
    TABLE_ROWS = dict(rows_by_table)
    BY_EMPLOYEE_FIRST = BY_ACTIVITY_FIRST + rows_of("activities") + 3


def rows_of(table):
    """The prepared rows of `table` (DATA_ROWS unless set_table_rows gave it more)."""
    return TABLE_ROWS.get(table, DATA_ROWS)


def last_row_of(table):
    """The last prepared row (1-based) of `table`."""
    return FIRST_DATA_ROW + rows_of(table) - 1


def _kind_total(words):
    """The Expenses' eligible amounts of the kinds `words` (SUMIF ignores case)."""
    return "+".join('SUMIF({expenses.expense_kind};"%s";{expenses.eligible_amount})' % w
                    for w in words)


SUMMARY = [
    C("subject", "Subject to the 1 % law", "Assujetti à la loi du 1 %", "computed:int",
      formula=lambda: _GUARD % fn("SUBJECT", "{employer.payroll}", "{employer.year}")),
    C("payroll", "Total payroll", "Masse salariale totale", "computed:money",
      formula=_GUARD % "{employer.payroll}"),
    # Revenu Québec: "enter your total payroll only if it exceeds $2 million"; CQIF holders
    # "leave lines 50 through 53 blank" (law-facts H).
    C("line50", "Total payroll on the RL-1 (subject employers only)",
      "Masse salariale totale au RL-1 (employeurs assujettis seulement)", "computed:money",
      formula=_GUARD % ('IF(AND({summary.subject}=1;%s=0);{employer.payroll};"")' % _CQIF)),
    C("line51", "Minimum participation (1 %)", "Participation minimale (1 %)",
      "computed:money",
      formula=lambda: _GUARD % ("IF(%s=1;0;" % _CQIF + (
          ADDIN + "MINIMUM({employer.payroll};{employer.year})" if FLAVOUR == "linked" else
          'IF({summary.subject}=1;ROUND(%s/100;2);0)' % num("{employer.payroll}")) + ")")),
    C("wages_total", "Training wages and contributions",
      "Salaires et cotisations de formation", "computed:money",
      formula=_GUARD % "SUM({participation.eligible_amount})"),
    C("expenses_total", "Net eligible expenses", "Dépenses admissibles nettes",
      "computed:money",
      formula=_GUARD % ("SUM({expenses.eligible_amount})-{summary.mutual_total}-"
                        "{summary.ccq_total}")),
    C("mutual_total", "Payments to training mutuals (r. 7)",
      "Versements à des mutuelles de formation (r. 7)", "computed:money",
      formula=_GUARD % _kind_total(MUTUAL_KINDS)),
    C("ccq_total", "Contributions to the CCQ training fund (Act s. 12)",
      "Cotisations au fonds de formation de la CCQ (Loi, art. 12)", "computed:money",
      formula=_GUARD % _kind_total(CCQ_KINDS)),
    C("eligible", "Eligible expenditures of the year", "Dépenses admissibles de l'année",
      "computed:money",
      formula=_GUARD % ("{summary.wages_total}+{summary.expenses_total}+"
                        "{summary.mutual_total}+{summary.ccq_total}")),
    C("line75", "Balance carried forward from previous years",
      "Solde reporté des années antérieures", "computed:money",
      formula=lambda: _GUARD % num("{employer.carried_forward}")),
    C("line78", "Total eligible expenditures", "Total des dépenses admissibles",
      "computed:money", formula=_GUARD % "{summary.eligible}+{summary.line75}"),
    C("line52", "Eligible training expenditures", "Dépenses de formation admissibles",
      "computed:money", formula=_GUARD % "{summary.line78}"),
    C("line53", "Contribution to the WSDRF", "Cotisation au FDRCMO", "computed:money",
      formula=lambda: _GUARD % (
          ADDIN + "CONTRIBUTION({employer.payroll};{employer.year};"
          "{summary.eligible};{summary.line75};" + _CQIF + ")" if FLAVOUR == "linked" else
          _portable.contribution("{summary.line51}", "{summary.eligible}", "{summary.line75}",
                                 _CQIF))),
    C("line79", "Balance to carry forward", "Solde à reporter", "computed:money",
      formula=lambda: _GUARD % (
          ADDIN + "CARRYFORWARD({employer.payroll};{employer.year};"
          "{summary.eligible};{summary.line75};N({employer.used_for_credits}))"
          if FLAVOUR == "linked" else
          _portable.carry_forward("{employer.payroll}", "{employer.year}",
                                  "{summary.subject}", "{summary.eligible}",
                                  "{summary.line75}", num("{employer.used_for_credits}")))),
    # Issue 8: r. 3, s. 4, the supporting documents of the year are kept until 31 December of
    # the sixth year after it (TRAINING.RETENTIONEND), shown as a date.
    C("retention_end", "Keep the supporting documents until",
      "Conserver les pièces justificatives jusqu'au", "computed:date",
      formula=lambda: 'IF({employer.year}="";"";%s)' % fn("RETENTIONEND", "{employer.year}")),
]

# Paragraphs of s. 1 in force (19-22 and 25 are revoked), for the totals by paragraph.
PARAGRAPHS = ["1(1)", "1(2)", "1(3)", "1(4)", "1(4.1)", "1(5)", "1(6)", "1(7)", "1(8)",
              "1(9)", "1(10)", "1(11)", "1(12)", "1(13)", "1(14)", "1(15)", "1(16)", "1(17)",
              "1(17.1)", "1(18)", "1(23)", "1(24)", "1(26)"]

# After the paragraphs of s. 1: the two kinds that count outside s. 1 (1.1), as
# (TEXTS key of the paragraph cell, title).
PARAGRAPH_EXTRA = [
    ("mutual_paragraph", {"en": "Payments to a recognized training mutual",
                          "fr": "Versements à une mutuelle de formation reconnue"}),
    ("ccq_paragraph", {"en": "Contributions to the CCQ training fund",
                       "fr": "Cotisations au fonds de formation de la CCQ"}),
]

SUB_TITLES = {
    "paragraph": {"en": "Totals by paragraph (wages and contributions before assistance, "
                        "net expenses; before s. 7(12) and 7(14))",
                  "fr": "Totaux par paragraphe (salaires et cotisations avant l'aide, "
                        "dépenses nettes ; avant les art. 7(12) et 7(14))"},
    "paragraph_head": {"en": ["Paragraph", "Title", "Wages and contributions",
                              "Net expenses", "Total"],
                       "fr": ["Paragraphe", "Titre", "Salaires et cotisations",
                              "Dépenses nettes", "Total"]},
    "total": {"en": "Total", "fr": "Total"},
    "activity": {"en": "By activity (expenses declarable in the year, s. 7(14), capped per "
                       "s. 7(12))",
                 "fr": "Par activité (dépenses déclarables dans l'année, art. 7(14), "
                       "plafonnées selon l'art. 7(12))"},
    "activity_head": {"en": ["Activity ID", "Title", "Completion date",
                             "Declarable in the year", "Arm's length", "Hours",
                             "Participants", "Net expenses", "Eligible expenses"],
                      "fr": ["No activité", "Titre", "Date de fin",
                             "Déclarable dans l'année", "Sans lien de dépendance", "Heures",
                             "Participants", "Dépenses nettes", "Dépenses admissibles"]},
    "employee": {"en": "By employee", "fr": "Par employé"},
    "employee_head": {"en": ["Employee ID", "Name", "Hours", "Activities",
                             "Wages and contributions"],
                      "fr": ["No employé", "Nom", "Heures", "Activités",
                             "Salaires et cotisations"]},
}


def by_paragraph_row():
    """Formulas (B..E) of one line of the totals by paragraph; A holds the paragraph."""
    wages = ("SUMIF({participation.paragraph};[.A{row}];{participation.wages})+"
             "SUMIF({participation.paragraph};[.A{row}];{participation.contributions})")
    expenses = "SUMIF({expenses.paragraph};[.A{row}];{expenses.net_amount})"
    title = (ADDIN + 'PARAGRAPHTITLE([.A{row}];"{lang}")' if FLAVOUR == "linked" else
             _portable.paragraph_title("[.A{row}]"))
    return [title, wages, expenses,
            "[.C{row}]+[.D{row}]"]


def by_activity_row():
    """Formulas (A..I) of one line of the table by activity; line i mirrors Activities row i."""
    act_id = "{activities.activity_id@row}"
    guard = 'IF([.A{row}]="";"";%s)'
    first = BY_ACTIVITY_FIRST
    return [
        'IF(%s="";"";%s)' % (act_id, act_id),
        guard % ('{activities.title@row}&""'),
        guard % ('IF({activities.completion_date@row}="";"";'
                 '{activities.completion_date@row})'),
        guard % ('IF(OR({activities.completion_date@row}="";{employer.year}="");0;' +
                 fn("DECLARABLE", "{activities.completion_date@row}", "{employer.year}") +
                 ")"),
        guard % ('{activities.arms_length@row}&""'),
        guard % "SUMIF({participation.activity_id};[.A{row}];{participation.hours})",
        guard % ('COUNTIFS({participation.activity_id};[.A{row}];{participation.role};'
                 '"participant")'),
        guard % ("SUMIF({expenses.activity_id};[.A{row}];{expenses.net_amount})"),
        # The Expenses' eligible amounts of this activity (declarable in the year and capped
        # per s. 7(12) row by row there); a duplicated activity ID is counted once (its first
        # row).
        guard % ("IF(COUNTIF([.A$%d:.A{row}];[.A{row}])>1;0;SUMIF({expenses.activity_id};"
                 "[.A{row}];{expenses.eligible_amount}))" % first),
    ]


def by_employee_row():
    emp_id = "{employees.employee_id@row}"
    guard = 'IF([.A{row}]="";"";%s)'
    return [
        'IF(%s="";"";%s)' % (emp_id, emp_id),
        guard % '{employees.name@row}&""',
        guard % "SUMIF({participation.employee_id};[.A{row}];{participation.hours})",
        guard % "COUNTIF({participation.employee_id};[.A{row}])",
        guard % ("SUMIF({participation.employee_id};[.A{row}];{participation.wages})+"
                 "SUMIF({participation.employee_id};[.A{row}];{participation.contributions})"),
    ]


# ---- What an LMS tracks (1.2, issue 12): indicators in columns E..G of Summary rows 1..16 ----
# Beside the contract's lines (A..C of rows 1..16), so that no Summary row moves (the validator
# reads the lines by their labels in column A; the tests find the sub-tables by row).  Built-in
# functions only: the same formula serves both flavours.  Hours and participants come from the
# table by activity (which mirrors Activities row by row: SUMIF over the Format column and the
# table's Hours / Participants columns, ranges of the same size), the hours per employee from
# the table by employee.

INDICATOR_FIRST_COLUMN = 4          # E (0-based)
INDICATOR_FORMAT_ROWS = (2, 8)      # one row per format, rows 2..8
INDICATOR_TEXTS = {
    "format_head": {"en": ["Format", "Hours", "Participants"],
                    "fr": ["Format", "Heures", "Participants"]},
    "other": {"en": "Other or not given", "fr": "Autre ou non indiqué"},
    "total": {"en": "Total", "fr": "Total"},
    "indicator_head": {"en": ["Indicator", "Value"], "fr": ["Indicateur", "Valeur"]},
}
# (key, English label, French label, style, formula) of rows 13..16, column F.
INDICATORS = [
    ("completion_rate", "Completion rate (completed rows / rows with hours)",
     "Taux d'achèvement (lignes terminées / lignes avec heures)", "cPct",
     lambda: 'IF({d}=0;"";({n})/{d})'.format(
         d='COUNTIF({participation.hours};">0")',
         n="+".join('COUNTIFS({participation.hours};">0";{participation.completed};%s)' % w
                    for w in ('"yes"', '"oui"', "1")))),
    ("employees_with_hours", "Employees with training hours",
     "Employés ayant des heures de formation", "cInt",
     lambda: 'COUNTIF(%s;">0")' % _by_employee_range("C")),
    ("hours_per_employee", "Hours per employee (employees with hours)",
     "Heures par employé (employés ayant des heures)", "cNum",
     lambda: 'IF([.F{r}]=0;"";ROUND(SUM({c})/[.F{r}];2))'.format(
         r=indicator_row("employees_with_hours"), c=_by_employee_range("C"))),
    # "Expires on" is the last day a certification is valid: valid on 31 December and expired
    # by 31 March (90 days later).  Ours (issue 12): the law is silent on certifications.
    ("certifications_expiring", "Certifications expiring within 90 days after 31 December",
     "Certifications expirant dans les 90 jours suivant le 31 décembre", "cInt",
     lambda: ('IF(ISNUMBER({employer.year});COUNTIFS({certifications.expires_on};">="&DATE('
              '{employer.year};12;31);{certifications.expires_on};"<="&(DATE({employer.year};'
              '12;31)+90));"")')),
]


def _by_activity_range(letter):
    last = BY_ACTIVITY_FIRST + rows_of("activities") - 1
    return "[.$%s$%d:.$%s$%d]" % (letter, BY_ACTIVITY_FIRST, letter, last)


def _by_employee_range(letter):
    last = BY_EMPLOYEE_FIRST + rows_of("employees") - 1
    return "[.$%s$%d:.$%s$%d]" % (letter, BY_EMPLOYEE_FIRST, letter, last)


def format_words(index):
    """The spellings of format `index` in both languages, once each ("coaching" is both)."""
    words = []
    for lang in ("en", "fr"):
        word = KEYWORDS["format"][lang][index]
        if word not in words:
            words.append(word)
    return words


def indicator_rows(lang):
    """{row (1-based): [(kind, payload, style)...]} for columns E, F, G of Summary rows 1..16:
    kind "text" (payload: the text) or "formula" (payload: a formula with placeholders)."""
    hours = _by_activity_range("F")         # by activity: Hours
    participants = _by_activity_range("G")  # by activity: Participants (role participant)
    rows = {1: [("text", t, "hdr") for t in INDICATOR_TEXTS["format_head"][lang]]}
    first, last = INDICATOR_FORMAT_ROWS
    for index, row in enumerate(range(first, last + 1)):
        words = format_words(index)

        def total(column, words=words):
            return "+".join('SUMIF({activities.format};"%s";%s)' % (w, column) for w in words)
        rows[row] = [("text", KEYWORDS["format"][lang][index], "lbl"),
                     ("formula", "ROUND(%s;2)" % total(hours), "cNum"),
                     ("formula", total(participants), "cInt")]
    rows[last + 1] = [("text", INDICATOR_TEXTS["other"][lang], "lbl"),
                      ("formula", "ROUND(SUM(%s)-SUM([.F%d:.F%d]);2)" % (hours, first, last),
                       "cNum"),
                      ("formula", "SUM(%s)-SUM([.G%d:.G%d])" % (participants, first, last),
                       "cInt")]
    rows[last + 2] = [("text", INDICATOR_TEXTS["total"][lang], "hdr"),
                      ("formula", "ROUND(SUM(%s);2)" % hours, "cNum"),
                      ("formula", "SUM(%s)" % participants, "cInt")]
    rows[last + 4] = [("text", t, "hdr") for t in INDICATOR_TEXTS["indicator_head"][lang]]
    for offset, (_key, en, fr, style, formula) in enumerate(INDICATORS):
        rows[last + 5 + offset] = [("text", en if lang == "en" else fr, "lblW"),
                                   ("formula", formula(), style)]
    assert max(rows) <= 1 + len(SUMMARY), "the indicators must stay beside rows 1..16"
    return rows


def indicator_row(key):
    """The Summary row (1-based) of an indicator of INDICATORS (its value is in column F)."""
    keys = [i[0] for i in INDICATORS]
    return INDICATOR_FORMAT_ROWS[1] + 5 + keys.index(key)
