#include "function_table.hxx"

#include "engine/number_text.hxx"

#include <cmath>

namespace onepercent
{
namespace
{
// A value as a message shows it: the number in the message's language (a decimal comma in
// French), text in quotes.
std::string describe(const CellValue& value, Language language)
{
    switch (value.kind)
    {
    case CellValue::Kind::empty:
        return language == Language::fr ? "(vide)" : "(empty)";
    case CellValue::Kind::number:
        return shortest_number_text(value.number, language); // std::to_chars: no locale
    case CellValue::Kind::text:
        return language == Language::fr ? "« " + value.text + " »" : "\"" + value.text + "\"";
    }
    return {};
}

Language parse_language(std::string_view text)
{
    const std::string folded = fold_text(text);
    if (folded == "en" || folded == "english" || folded == "anglais" || folded.rfind("en-", 0) == 0)
        return Language::en;
    if (folded == "fr" || folded == "french" || folded == "francais" || folded.rfind("fr-", 0) == 0)
        return Language::fr;
    throw InputError("unknown language \"" + std::string(text) + "\": use en or fr",
                     "langue inconnue « " + std::string(text) + " » : utilisez en ou fr");
}

// A paragraph typed as a number (16, 4.1) or as text ("1(16)", "16").
const Paragraph& paragraph_argument(const Arguments& arguments, std::size_t index)
{
    const CellValue& value = arguments.raw(index);
    if (value.kind == CellValue::Kind::number)
        return find_paragraph(value.number);
    if (value.kind == CellValue::Kind::empty)
        arguments.reject(index, "a paragraph is required, e.g. 1(16) or 16",
                         "un paragraphe est requis, p. ex. 1(16) ou 16");
    return find_paragraph(value.text);
}

// The document's date serial (days since its NullDate) to a civil date.
// Outside the years 1583 to 9999: InputError (Err:502), never a wrong 1 or 0.
CivilDate date_from_serial(double serial, const CallContext& context)
{
    return civil_date_of_serial(serial, context.null_date);
}

double serial_from_date(CivilDate date, const CallContext& context)
{
    return static_cast<double>(days_from_civil(date) - days_from_civil(context.null_date));
}

CellValue text_or_no_answer(const std::optional<std::string>& text)
{
    return text ? CellValue::of(*text) : CellValue{};
}

CellValue yes_no(bool value)
{
    return CellValue::of(value ? 1.0 : 0.0);
}

// ---- evaluators, one a function -----------------------------------------------------------

CellValue eval_hourly_rate(const Arguments& a, const CallContext&)
{
    const std::optional<std::string> period_text = a.optional_text(1);
    const PayPeriod period = period_text ? parse_pay_period(*period_text) : PayPeriod::year;
    // Empty or 0 hours: s. 7(6) applies (Calc passes an empty cell as 0).
    const std::optional<double> hours =
        a.given(2) ? std::optional<double>(a.amount(2)) : std::nullopt;
    return CellValue::of(hourly_rate(a.amount(0), period, hours));
}

CellValue eval_replacement_wages(const Arguments& a, const CallContext&)
{
    return CellValue::of(replacement_wages(a.amount(0), a.amount(1), a.amount(2)));
}

CellValue eval_wages(const Arguments& a, const CallContext&)
{
    return CellValue::of(training_wages(a.amount(0), a.amount(1)));
}

CellValue eval_contributions(const Arguments& a, const CallContext&)
{
    // Empty or 0: the year's Québec rate (Calc cannot tell an empty cell from 0);
    // "none"/"aucun": an employee not insurable under EI.
    std::optional<double> ei_rate;
    if (a.raw(4).kind == CellValue::Kind::text)
    {
        const std::string keyword = fold_text(a.text(4));
        if (keyword != "none" && keyword != "aucun" && keyword != "aucune")
            a.reject(4, "a rate (0.0182) or none is expected",
                     "un taux (0,0182) ou aucun est attendu");
        ei_rate = 0.0;
    }
    else if (a.given(4) && a.number(4) != 0.0)
        ei_rate = a.amount(4);
    return CellValue::of(
        employer_contributions(a.year(0), a.amount(1), a.amount(2), a.amount(3), ei_rate));
}

CellValue eval_net_of_assistance(const Arguments& a, const CallContext&)
{
    const std::optional<std::string> category = a.optional_text(2);
    const AssistanceExemption exemption =
        category ? parse_assistance_exemption(*category) : AssistanceExemption::none;
    return CellValue::of(net_of_assistance(a.amount(0), a.amount(1), exemption));
}

CellValue eval_paragraph(const Arguments& a, const CallContext&)
{
    const ExpenseKind kind = parse_expense_kind(a.text(0));
    const std::optional<std::string> provider_text = a.optional_text(1);
    const ProviderKind provider =
        provider_text ? parse_provider_kind(*provider_text) : ProviderKind::none;
    return text_or_no_answer(classify_expense(kind, provider, a.flag_or(2, false)));
}

CellValue eval_paragraph_title(const Arguments& a, const CallContext& context)
{
    const Paragraph& paragraph = paragraph_argument(a, 0);
    const std::optional<std::string> language_text = a.optional_text(1);
    const Language language = language_text ? parse_language(*language_text) : context.language;
    return CellValue::of(
        std::string(language == Language::fr ? paragraph.title_fr : paragraph.title_en));
}

CellValue eval_is_eligible(const Arguments& a, const CallContext& context)
{
    const Paragraph& paragraph = paragraph_argument(a, 0);
    return yes_no(paragraph_in_force(paragraph, a.optional_year(1).value_or(context.current_year)));
}

CellValue eval_suggest_paragraph(const Arguments& a, const CallContext&)
{
    return text_or_no_answer(suggest_paragraph(a.text(0)));
}

CellValue eval_subject(const Arguments& a, const CallContext&)
{
    return yes_no(is_subject(a.amount(0), a.year(1)));
}

CellValue eval_minimum(const Arguments& a, const CallContext&)
{
    return CellValue::of(minimum_participation(a.amount(0), a.year(1)));
}

CellValue eval_contribution(const Arguments& a, const CallContext&)
{
    return CellValue::of(fund_contribution(a.amount(0), a.year(1), a.amount(2), a.amount_or(3, 0.0),
                                           a.flag_or(4, false)));
}

CellValue eval_carry_forward(const Arguments& a, const CallContext&)
{
    return CellValue::of(carry_forward(a.amount(0), a.year(1), a.amount(2), a.amount_or(3, 0.0),
                                       a.amount_or(4, 0.0)));
}

CellValue eval_declarable(const Arguments& a, const CallContext& context)
{
    if (a.raw(0).kind != CellValue::Kind::number)
        a.reject(0, "a date is required", "une date est requise");
    return yes_no(is_declarable(date_from_serial(a.number(0), context), a.year(1)));
}

CellValue eval_retention_end(const Arguments& a, const CallContext& context)
{
    return CellValue::of(serial_from_date(retention_end(a.year(0)), context));
}

CellValue eval_non_arms_length_cap(const Arguments& a, const CallContext&)
{
    return CellValue::of(non_arms_length_cap(a.amount(0), a.amount(1), a.amount(2), a.amount(3)));
}

CellValue eval_share(const Arguments& a, const CallContext&)
{
    return CellValue::of(pooled_share(a.amount(0), a.amount(1), a.amount(2)));
}

// ---- arguments used by several functions ---------------------------------------------------

constexpr ArgumentSpec payroll_argument{
    "payroll",
    "payroll",
    "masse_salariale",
    "Total payroll of the calendar year (RL-1 summary, line 50)",
    "Masse salariale totale de l'année civile (sommaire RL-1, ligne 50)",
    false};
constexpr ArgumentSpec year_argument{
    "year", "year", "année", "Calendar year, e.g. 2025", "Année civile, p. ex. 2025", false};
constexpr ArgumentSpec eligible_argument{
    "eligibleExpenditures",
    "eligible_expenditures",
    "dépenses_admissibles",
    "Eligible training expenditures of the year (RL-1, line 52; work chart line 78)",
    "Dépenses de formation admissibles de l'année (RL-1, ligne 52; grille, ligne 78)",
    false};
constexpr ArgumentSpec carried_forward_argument{
    "carriedForward",
    "carried_forward",
    "report",
    "Excess carried forward from previous years (work chart line 75); 0 if omitted",
    "Excédent reporté des années antérieures (grille, ligne 75); 0 si omis",
    true};
constexpr ArgumentSpec paragraph_argument_spec{"paragraph",
                                               "paragraph",
                                               "paragraphe",
                                               "A paragraph of r. 3, s. 1: 1(16), 16 or 17.1",
                                               "Un paragraphe du r. 3, art. 1 : 1(16), 16 ou 17.1",
                                               false};

} // namespace

// ---- Arguments ---------------------------------------------------------------------------------

bool Arguments::given(std::size_t index) const
{
    return index < values_.size() && !values_[index]->is_empty() &&
           !(values_[index]->kind == CellValue::Kind::text && values_[index]->text.empty());
}

void Arguments::reject(std::size_t index,
                       const std::string& english,
                       const std::string& french) const
{
    const ArgumentSpec& argument = spec_.arguments[index];
    throw InputError(std::string(argument.display_en) + ": " + english + " (got " +
                         describe(*values_[index], Language::en) + ")",
                     std::string(argument.display_fr) + " : " + french + " (reçu " +
                         describe(*values_[index], Language::fr) + ")");
}

double Arguments::number(std::size_t index) const
{
    const CellValue& value = *values_[index];
    if (value.kind == CellValue::Kind::text)
        reject(index, "a number is expected, not text", "un nombre est attendu, pas du texte");
    if (!std::isfinite(value.number))
        reject(index, "not a finite number", "nombre non fini");
    return value.kind == CellValue::Kind::empty ? 0.0 : value.number;
}

double Arguments::amount(std::size_t index) const
{
    const double value = number(index);
    if (value < 0.0)
        reject(index, "must not be negative", "ne peut pas être négatif");
    return value;
}

double Arguments::amount_or(std::size_t index, double fallback) const
{
    return given(index) ? amount(index) : fallback;
}

int Arguments::year(std::size_t index) const
{
    const double value = number(index);
    if (value != std::floor(value) || value < 1900.0 || value > 2200.0)
        reject(index, "a calendar year (a whole number such as 2025) is expected",
               "une année civile (un nombre entier comme 2025) est attendue");
    return static_cast<int>(value);
}

bool Arguments::flag_or(std::size_t index, bool fallback) const
{
    if (!given(index))
        return fallback;
    const double value = number(index);
    if (value != 0.0 && value != 1.0)
        reject(index, "1 (yes) or 0 (no) is expected", "1 (oui) ou 0 (non) est attendu");
    return value == 1.0;
}

std::string Arguments::text(std::size_t index) const
{
    const CellValue& value = *values_[index];
    if (value.kind != CellValue::Kind::text || value.text.empty())
        reject(index, "a text is expected", "un texte est attendu");
    return value.text;
}

std::optional<std::string> Arguments::optional_text(std::size_t index) const
{
    if (!given(index) || (raw(index).kind == CellValue::Kind::number && raw(index).number == 0.0))
        return std::nullopt;
    return text(index);
}

std::optional<int> Arguments::optional_year(std::size_t index) const
{
    if (!given(index) || (raw(index).kind == CellValue::Kind::number && raw(index).number == 0.0))
        return std::nullopt;
    return year(index);
}

// ---- the table ---------------------------------------------------------------------------------

const std::vector<FunctionSpec>& function_table()
{
    static const std::vector<FunctionSpec> table{
        {"hourlyRate",
         "TRAINING.HOURLYRATE",
         "FORMATION.TAUXHORAIRE",
         "Hourly wage: amount ÷ the contract's hours per pay period; where the contract gives "
         "none, r. 3, s. 7(6): amount × periods per year ÷ 1950 (52 weeks × 37.5 h)",
         "Salaire horaire : montant ÷ les heures par période de paie du contrat; si le contrat "
         "n'en prévoit pas, r. 3, art. 7(6) : montant × périodes par année ÷ 1950 (52 semaines "
         "× 37,5 h)",
         false,
         {{"amount", "amount", "montant", "Wage paid for one period",
           "Salaire versé pour une période", false},
          {"period", "period", "période", "year (default), month, biweekly, week or hour",
           "année (par défaut), mois, quinzaine, semaine ou heure", true},
          {"hoursPerPeriod", "hours_per_period", "heures_par_periode",
           "Hours the contract sets for one pay period (e.g. 75 for a biweekly pay of 37.5 h a "
           "week); empty or 0: s. 7(6) applies",
           "Heures que le contrat prévoit pour une période de paie (p. ex. 75 pour une paie à la "
           "quinzaine de 37,5 h par semaine); vide ou 0 : l'art. 7(6) s'applique",
           true}},
         eval_hourly_rate},
        {"wages",
         "TRAINING.WAGES",
         "FORMATION.SALAIRES",
         "Eligible training wages (r. 3, s. 7(5)): hours in training × hourly wage, to the cent",
         "Salaires de formation admissibles (r. 3, art. 7(5)) : heures de formation × salaire "
         "horaire, au cent près",
         false,
         {{"hours", "hours", "heures", "Hours of the training activity during the year",
           "Heures consacrées à l'activité de formation pendant l'année", false},
          {"hourlyRate", "hourly_rate", "taux_horaire",
           "Hourly wage, e.g. TRAINING.HOURLYRATE(annual salary)",
           "Salaire horaire, p. ex. FORMATION.TAUXHORAIRE(salaire annuel)", false}},
         eval_wages},
        {"replacementWages",
         "TRAINING.REPLACEMENTWAGES",
         "FORMATION.SALAIRESREMPLACEMENT",
         "Eligible wages of an employee replacing one in training (r. 3, s. 1(8)): only the part "
         "in excess of the replaced employee's wages for the same hours, to the cent",
         "Salaire admissible d'un employé qui en remplace un en formation (r. 3, art. 1(8)) : "
         "seulement la partie qui excède le salaire de l'employé remplacé pour les mêmes heures, "
         "au cent près",
         false,
         {{"hours", "hours", "heures", "Hours of replacement during the year",
           "Heures de remplacement pendant l'année", false},
          {"replacementRate", "replacement_rate", "taux_remplacant",
           "Hourly wage of the replacement (TRAINING.HOURLYRATE)",
           "Salaire horaire du remplaçant (FORMATION.TAUXHORAIRE)", false},
          {"replacedRate", "replaced_rate", "taux_remplace",
           "Hourly wage of the employee replaced (TRAINING.HOURLYRATE)",
           "Salaire horaire de l'employé remplacé (FORMATION.TAUXHORAIRE)", false}},
         eval_replacement_wages},
        {"contributions",
         "TRAINING.CONTRIBUTIONS",
         "FORMATION.COTISATIONS",
         "Employer contributions on training wages (r. 3, s. 7(4.1)): QPP, EI, QPIP and CNESST "
         "for the year, prorated to the training wages",
         "Cotisations de l'employeur sur les salaires de formation (r. 3, art. 7(4.1)) : RRQ, "
         "AE, RQAP et CNESST de l'année, au prorata des salaires de formation",
         false,
         {{"year", "year", "année", "Calendar year (rates known for 2019 to 2026)",
           "Année civile (taux connus de 2019 à 2026)", false},
          {"trainingWages", "training_wages", "salaire_formation",
           "Wages for the training time (TRAINING.WAGES)",
           "Salaire pour le temps de formation (FORMATION.SALAIRES)", false},
          {"annualSalary", "annual_salary", "salaire_annuel", "The employee's annual salary",
           "Le salaire annuel de l'employé", false},
          {"cnesstRatePer100", "cnesst_rate_per_100", "taux_cnesst_par_100",
           "The employer's CNESST rate, in dollars per $100 of insurable payroll",
           "Le taux CNESST de l'employeur, en dollars par 100 $ de masse salariale assurable",
           false},
          {"eiEmployerRate", "ei_employer_rate", "taux_ae_employeur",
           "EI employer rate as a fraction (0.0182 for 1.82 %); the year's Québec rate if "
           "omitted or 0; none if the employee is not insurable",
           "Taux d'AE de l'employeur en fraction (0,0182 pour 1,82 %); le taux québécois de "
           "l'année si omis ou 0; aucun si l'employé n'est pas assurable",
           true}},
         eval_contributions},
        {"netOfAssistance",
         "TRAINING.NETOFASSISTANCE",
         "FORMATION.NETAIDE",
         "Expenditure less government assistance (r. 3, s. 7(13)); unchanged for the exempt "
         "categories",
         "Dépense moins l'aide gouvernementale (r. 3, art. 7(13)); inchangée pour les catégories "
         "exemptées",
         false,
         {{"expenditure", "expenditure", "dépense", "The training expenditure",
           "La dépense de formation", false},
          {"assistance", "assistance", "aide",
           "Government assistance received or receivable at year end",
           "Aide gouvernementale reçue ou à recevoir à la fin de l'année", false},
          {"exemptCategory", "exempt_category", "catégorie_exemptée",
           "adapted-enterprise, childcare or ambulance; none if omitted",
           "entreprise-adaptee, garderie ou ambulance; aucune si omis", true}},
         eval_net_of_assistance},
        {"paragraph",
         "TRAINING.PARAGRAPH",
         "FORMATION.PARAGRAPHE",
         "The paragraph of r. 3, s. 1 an expense falls under, e.g. 1(17.1); #N/A if none",
         "Le paragraphe du r. 3, art. 1 dont relève une dépense, p. ex. 1(17.1); #N/D si aucun",
         false,
         {{"expenseKind", "expense_kind", "type_dépense",
           "tuition, reimbursement, trainer-wages, participant-wages, travel, materials, "
           "premises, event…",
           "frais-formation, remboursement, salaire-formateur, salaire-participant, "
           "frais-deplacement, materiel, locaux, colloque…",
           false},
          {"providerKind", "provider_kind", "type_fournisseur",
           "recognized-institution, accredited-body, accredited-instructor, "
           "multi-employer-service, non-accredited, professional-order, association, "
           "internal-accredited-service or internal",
           "etablissement-reconnu, organisme-agree, formateur-agree, service-multi-employeurs, "
           "non-agree, ordre-professionnel, association, service-interne-agree ou interne",
           true},
          {"memberOfOrder", "member_of_order", "membre_ordre",
           "1 if the employee is a member of the professional order, else 0",
           "1 si l'employé est membre de l'ordre professionnel, sinon 0", true}},
         eval_paragraph},
        {"paragraphTitle",
         "TRAINING.PARAGRAPHTITLE",
         "FORMATION.TITREPARAGRAPHE",
         "Short title of a paragraph of r. 3, s. 1",
         "Titre abrégé d'un paragraphe du r. 3, art. 1",
         false,
         {paragraph_argument_spec,
          {"language", "language", "langue", "en or fr; the office's language if omitted",
           "en ou fr; la langue de la suite si omis", true}},
         eval_paragraph_title},
        {"isEligible",
         "TRAINING.ISELIGIBLE",
         "FORMATION.ESTADMISSIBLE",
         "1 if the paragraph of r. 3, s. 1 is in force in the year, 0 if revoked",
         "1 si le paragraphe du r. 3, art. 1 est en vigueur pendant l'année, 0 s'il est abrogé",
         false,
         {paragraph_argument_spec,
          {"year", "year", "année", "Calendar year; the current year if omitted",
           "Année civile; l'année en cours si omis", true}},
         eval_is_eligible},
        {"suggestParagraph",
         "TRAINING.SUGGESTPARAGRAPH",
         "FORMATION.SUGGERERPARAGRAPHE",
         "A paragraph of r. 3, s. 1 suggested from a free-text description (a suggestion to "
         "review); #N/A if nothing fits",
         "Un paragraphe du r. 3, art. 1 suggéré d'après une description libre (une suggestion "
         "à vérifier); #N/D si rien ne convient",
         false,
         {{"description", "description", "description",
           "Free French or English text, e.g. \"hotel and mileage\"",
           "Texte libre en français ou en anglais, p. ex. « location de salle »", false}},
         eval_suggest_paragraph},
        {"subject",
         "TRAINING.SUBJECT",
         "FORMATION.ASSUJETTI",
         "1 if the employer is subject to the 1 % law for the year (payroll over the threshold, "
         "Act s. 3), else 0",
         "1 si l'employeur est assujetti à la loi du 1 % pour l'année (masse salariale "
         "supérieure au seuil, Loi art. 3), sinon 0",
         false,
         {payroll_argument, year_argument},
         eval_subject},
        {"minimum",
         "TRAINING.MINIMUM",
         "FORMATION.MINIMUM",
         "Minimum participation (RL-1 line 51): 1 % of payroll if subject, else 0",
         "Participation minimale (RL-1 ligne 51) : 1 % de la masse salariale si assujetti, "
         "sinon 0",
         false,
         {payroll_argument, year_argument},
         eval_minimum},
        {"contribution",
         "TRAINING.CONTRIBUTION",
         "FORMATION.COTISATIONFDRCMO",
         "Contribution to the WSDRF (RL-1 line 53): minimum less eligible expenditures and the "
         "amount carried forward, never below 0; 0 for a CQIF holder (r. 5)",
         "Cotisation au FDRCMO (RL-1 ligne 53) : participation minimale moins les dépenses "
         "admissibles et le report, jamais sous 0; 0 pour le titulaire d'un CQIF (r. 5)",
         false,
         {payroll_argument,
          year_argument,
          eligible_argument,
          carried_forward_argument,
          {"cqif", "cqif", "cqif",
           "1 if the employer holds a valid CQIF (r. 5: no contribution), else 0; 0 if omitted",
           "1 si l'employeur est titulaire d'un CQIF valide (r. 5 : aucune cotisation), sinon 0; "
           "0 si omis",
           true}},
         eval_contribution},
        {"carryForward",
         "TRAINING.CARRYFORWARD",
         "FORMATION.REPORT",
         "Excess to carry forward (work chart line 79, Act s. 11); in a year when the employer "
         "is not subject, its eligible expenditures less the part used for tax credits, which "
         "the first subject year may enter on line 75",
         "Excédent à reporter (grille ligne 79, Loi art. 11); pour une année où l'employeur "
         "n'est pas assujetti, ses dépenses admissibles moins la part utilisée pour des crédits "
         "d'impôt, que la première année assujettie peut inscrire à la ligne 75",
         false,
         {payroll_argument,
          year_argument,
          eligible_argument,
          carried_forward_argument,
          {"usedForCredits", "used_for_credits", "utilisé_crédits",
           "Part of the excess used for refundable tax credits; 0 if omitted",
           "Part de l'excédent utilisée pour des crédits d'impôt remboursables; 0 si omis", true}},
         eval_carry_forward},
        {"declarable",
         "TRAINING.DECLARABLE",
         "FORMATION.DECLARABLE",
         "1 if an expenditure may be declared for the year (r. 3, s. 7(14): not before the year "
         "the training was completed), else 0",
         "1 si la dépense peut être déclarée pour l'année (r. 3, art. 7(14) : pas avant l'année "
         "où la formation est terminée), sinon 0",
         true,
         {{"completionDate", "completion_date", "date_fin",
           "Date the training activity was completed", "Date de fin de l'activité de formation",
           false},
          {"declaredYear", "declared_year", "année_déclarée",
           "Year for which the expenditure is declared",
           "Année pour laquelle la dépense est déclarée", false}},
         eval_declarable},
        {"retentionEnd",
         "TRAINING.RETENTIONEND",
         "FORMATION.FINCONSERVATION",
         "Date until which supporting documents must be kept (r. 3, s. 4): 31 December, 6 years "
         "after the last year they relate to",
         "Date jusqu'à laquelle conserver les pièces justificatives (r. 3, art. 4) : le 31 "
         "décembre, 6 ans après la dernière année visée",
         true,
         {{"lastYear", "last_year", "dernière_année", "Last year to which the documents relate",
           "Dernière année à laquelle les pièces se rapportent", false}},
         eval_retention_end},
        {"nonArmsLengthCap",
         "TRAINING.NONARMSLENGTHCAP",
         "FORMATION.PLAFONDLIENDEPENDANCE",
         "Eligible amount for a non-arm's-length instructor (r. 3, s. 7(12)): the invoice, "
         "capped at wages + travel + teaching materials",
         "Montant admissible d'un formateur lié (r. 3, art. 7(12)) : la facture, plafonnée aux "
         "salaires + déplacements + matériel pédagogique",
         false,
         {{"invoiced", "invoiced", "facturé", "Amount invoiced by the instructor",
           "Montant facturé par le formateur", false},
          {"wagesPart", "wages_part", "part_salaires", "Part attributable to salaries or wages",
           "Part attribuable aux salaires", false},
          {"travelPart", "travel_part", "part_déplacements",
           "Travel, lodging, meal and day care expenses of the instructor's staff",
           "Frais de déplacement, d'hébergement, de repas et de garde du personnel du formateur",
           false},
          {"materialsPart", "materials_part", "part_matériel", "Teaching materials (s. 1(17))",
           "Matériel pédagogique (art. 1(17))", false}},
         eval_non_arms_length_cap},
        {"share",
         "TRAINING.SHARE",
         "FORMATION.QUOTEPART",
         "A member's share of a cost pooled in a training mutual or multi-employer service: "
         "total × member hours ÷ all hours",
         "Quote-part d'un membre d'un coût mis en commun (mutuelle de formation, service "
         "multi-employeurs) : total × heures du membre ÷ heures totales",
         false,
         {{"totalCost", "total_cost", "coût_total", "The pooled cost", "Le coût mis en commun",
           false},
          {"memberHours", "member_hours", "heures_membre", "The member's hours",
           "Les heures du membre", false},
          {"allHours", "all_hours", "heures_totales", "All members' hours",
           "Les heures de tous les membres", false}},
         eval_share},
    };
    return table;
}

const FunctionSpec* find_function(std::string_view method)
{
    for (const FunctionSpec& spec : function_table())
        if (spec.method == method)
            return &spec;
    return nullptr;
}

const FunctionSpec* find_function_by_display_name(std::string_view display_name)
{
    const std::string wanted = fold_text(display_name);
    for (const FunctionSpec& spec : function_table())
        if (fold_text(spec.display_en) == wanted || fold_text(spec.display_fr) == wanted)
            return &spec;
    return nullptr;
}

} // namespace onepercent
