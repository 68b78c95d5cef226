// The rule catalogue and the effective-dated rule sets, as data. A new amendment adds a rule
// set (a version, its first day and the rules it no longer applies); the rules do not change.
#include "validator.hxx"

#include <algorithm>

namespace onepercent::validation
{
namespace
{
using S = Severity;

const std::vector<Rule> catalogue{
    // ---- Structure: the workbook is the template ------------------------------------------
    {"T-NOT-TEMPLATE", S::error, "", "Not a OnePercent workbook", "Pas un classeur OnePercent",
     "The document property OnePercentTemplate must be \"org.onepercent.workbook\"; nothing else "
     "is checked in another document.",
     "La propriété de document OnePercentTemplate doit valoir « org.onepercent.workbook » ; rien "
     "d'autre n'est vérifié dans un autre document."},
    {"T-TEMPLATE-VERSION", S::error, "", "Template version not supported",
     "Version de modèle non prise en charge",
     "The property OnePercentTemplateVersion must be 1.x: another major version is not read; a "
     "newer minor version is read with a warning.",
     "La propriété OnePercentTemplateVersion doit être 1.x : une autre version majeure n'est pas "
     "lue ; une version mineure plus récente est lue avec un avertissement."},
    {"T-MISSING-SHEET", S::error, "", "Sheet missing", "Feuille manquante",
     "Each of the six sheets of the template (Employer, Employees, Activities, Participation, "
     "Expenses, Summary), in English or French, must be present.",
     "Chacune des six feuilles du modèle (Employeur, Employés, Activités, Participation, "
     "Dépenses, Sommaire), en français ou en anglais, doit être présente."},
    {"T-MISSING-COLUMN", S::error, "", "Column or label missing", "Colonne ou libellé manquant",
     "Every table header must be in row 1 and every form label in column A, in English or "
     "French; a column may move but its header must stay.",
     "Chaque en-tête de tableau doit être à la ligne 1 et chaque libellé de formulaire dans la "
     "colonne A, en français ou en anglais ; une colonne peut bouger, mais son en-tête doit "
     "rester."},
    {"T-FORMULA-OVERWRITTEN", S::error, "", "Formula overwritten", "Formule remplacée",
     "A computed cell holds a typed value instead of the template's formula: it no longer "
     "follows its inputs.",
     "Une cellule calculée contient une valeur saisie au lieu de la formule du modèle : elle ne "
     "suit plus ses données."},
    {"T-ERROR-VALUE", S::error, "", "Error value", "Valeur d'erreur",
     "A cell shows an error (Err:502, #VALUE!...): a formula cannot compute with its inputs.",
     "Une cellule affiche une erreur (Err:502, #VALEUR!...) : une formule ne peut pas calculer "
     "avec ses données."},
    {"T-PREPARED-ROWS", S::error, "", "Prepared rows not stated", "Lignes préparées non indiquées",
     "The document property OnePercentPreparedRows must be a whole number from 1 to 100,000: "
     "the number of prepared rows of each table, which the Summary counts (200 when absent).",
     "La propriété de document OnePercentPreparedRows doit être un nombre entier de 1 à "
     "100 000 : le nombre de lignes préparées de chaque tableau, que le Sommaire compte (200 si "
     "elle est absente)."},
    {"T-ROW-NOT-COUNTED", S::error, "", "Row not counted by the Summary",
     "Ligne non comptée par le Sommaire",
     "Data typed below the prepared rows of a table (rows 2 to 1 + OnePercentPreparedRows, and "
     "the rows inserted among them) is left out of every Summary total: move it into the "
     "table, or add prepared rows as the README says.",
     "Les données saisies sous les lignes préparées d'un tableau (lignes 2 à 1 + "
     "OnePercentPreparedRows, et les lignes insérées parmi elles) sont exclues de tous les "
     "totaux du Sommaire : les déplacer dans le tableau, ou ajouter des lignes préparées comme "
     "l'indique le README."},
    {"T-LAW-TABLE-CHANGED", S::error, "", "Law sheet changed", "Feuille de la loi modifiée",
     "A portable workbook (OnePercentFlavour = portable) computes with the law's tables on its "
     "hidden sheet Law / Loi; every cell must equal the OnePercent engine's tables (for the "
     "thresholds and rates: the rows of the workbook's fiscal year), and the sheet must be "
     "there.",
     "Un classeur portable (OnePercentFlavour = portable) calcule avec les tables de la loi de "
     "sa feuille masquée Loi / Law ; chaque cellule doit être égale aux tables du moteur "
     "OnePercent (pour les seuils et les taux : les lignes de l'année du classeur), et la "
     "feuille doit être présente."},
    // ---- Data: what is typed in the inputs -------------------------------------------------
    {"D-REQUIRED", S::error, "", "Required value missing", "Valeur obligatoire manquante",
     "A required input is empty in a row that has other inputs, or on the Employer sheet.",
     "Une donnée obligatoire est vide dans une ligne qui a d'autres données, ou sur la feuille "
     "Employeur."},
    {"D-TYPE", S::error, "", "Wrong type of value", "Mauvais type de valeur",
     "Text where a number or a date goes, a yes/no cell that is not yes/no/oui/non/1/0, an NEQ "
     "that is not 10 digits, or a fiscal year that is not a whole number from 2004 to 2100.",
     "Du texte là où va un nombre ou une date, une cellule oui/non qui n'est pas "
     "oui/non/yes/no/1/0, un NEQ qui n'a pas 10 chiffres, ou une année qui n'est pas un nombre "
     "entier de 2004 à 2100."},
    {"D-NEGATIVE", S::error, "", "Negative amount", "Montant négatif",
     "Amounts, hours, rates and durations cannot be negative.",
     "Les montants, heures, taux et durées ne peuvent pas être négatifs."},
    {"D-DUPLICATE-ID", S::error, "", "Duplicate ID", "Numéro en double",
     "Employee, activity and expense IDs must be unique: rows refer to them.",
     "Les numéros d'employé, d'activité et de dépense doivent être uniques : les lignes y "
     "renvoient."},
    {"D-UNKNOWN-REF", S::error, "", "Unknown reference", "Référence inconnue",
     "A participation, expense or certification row names an employee or an activity that is "
     "not listed.",
     "Une ligne de participation, de dépense ou de certification nomme un employé ou une "
     "activité qui n'est pas dans la liste."},
    {"D-UNKNOWN-KEYWORD", S::error, "", "Unknown keyword", "Mot clé inconnu",
     "A pay basis, provider kind, expense kind, role or exempt category that the functions do "
     "not recognize, or an activity format that is not one of the listed words.",
     "Une base de paie, un type de fournisseur, un type de dépense, un rôle ou une catégorie "
     "exemptée que les fonctions ne reconnaissent pas, ou un format d'activité qui n'est pas "
     "l'un des mots de la liste."},
    // ---- Regulation: CQLR c. D-8.3, r. 3 and the Act ----------------------------------------
    {"R-S1-REVOKED", S::error, "r. 3, s. 1", "Revoked paragraph", "Paragraphe abrogé",
     "The paragraph of s. 1 named is revoked for the fiscal year (19, 20, 21, 22 and 25 are).",
     "Le paragraphe de l'art. 1 indiqué est abrogé pour l'année (19, 20, 21, 22 et 25 le "
     "sont)."},
    {"R-S1-NO-PARAGRAPH", S::error, "r. 3, s. 1", "No eligible paragraph",
     "Aucun paragraphe admissible",
     "No paragraph of s. 1 covers this kind of expenditure from this kind of provider: it is not "
     "an eligible training expenditure.",
     "Aucun paragraphe de l'art. 1 ne couvre ce type de dépense chez ce type de fournisseur : ce "
     "n'est pas une dépense de formation admissible."},
    {"R-S1-ON-THE-JOB", S::error, "r. 3, s. 1(7)", "On-the-job training conditions",
     "Conditions de la formation en emploi",
     "Wages of on-the-job or e-learning training (also an activity whose Format is coaching, "
     "mentoring or on-the-job) count only if the learning has a specific duration set under a "
     "training plan and includes supervision or interaction.",
     "Le salaire d'une formation en emploi ou en ligne (aussi une activité dont le Format est "
     "coaching, mentorat ou en-emploi) ne compte que si l'apprentissage a une durée déterminée "
     "par un plan de formation et comporte un encadrement ou une interaction."},
    {"R-S1-EVENT", S::error, "r. 3, s. 1(23)", "Event registration cost not shown",
     "Frais d'inscription non indiqués",
     "Workshops, conventions and seminars count only if the cost of the activity is shown "
     "separately under the registration cost.",
     "Les ateliers, congrès et colloques ne comptent que si le coût de l'activité est indiqué "
     "séparément dans les frais d'inscription."},
    {"R-S1-ORDER", S::error, "r. 3, s. 1(6), 1(24)", "Professional order membership",
     "Appartenance à l'ordre professionnel",
     "Training by a professional order is s. 1(6) for a member of the order and s. 1(24) for a "
     "non-member: membership must be stated and match the paragraph.",
     "La formation d'un ordre professionnel relève de l'art. 1(6) pour un membre de l'ordre et "
     "de l'art. 1(24) pour un non-membre : l'appartenance doit être indiquée et concorder avec "
     "le paragraphe."},
    {"R-S4-EMPLOYEE", S::error, "r. 3, s. 4, 2nd para.", "Employee not named", "Employé non nommé",
     "For an expenditure in wages, the employer must show the employee's name and the wages for "
     "the training time.",
     "Pour une dépense en salaire, l'employeur doit indiquer le nom de l'employé et le salaire "
     "pour le temps de formation."},
    {"R-S4-DOCUMENT", S::error, "r. 3, s. 4", "Supporting document missing",
     "Pièce justificative manquante",
     "Every expenditure must be justified and proved by a supporting document, kept 6 years "
     "after the last year it relates to.",
     "Chaque dépense doit être justifiée et prouvée par une pièce justificative, conservée 6 ans "
     "après la dernière année à laquelle elle se rapporte."},
    {"R-S4-PLAN", S::error, "r. 3, s. 4, 3rd para.; Act s. 6(1)4°", "Training plan proofs missing",
     "Preuves du plan de formation manquantes",
     "Training under Act s. 6(1)4° (s. 1(3) and 1(5)) requires proof of the consultations on "
     "the training plan and attestations issued to participants.",
     "La formation visée à l'art. 6(1)4° de la Loi (art. 1(3) et 1(5)) exige la preuve des "
     "consultations sur le plan de formation et des attestations délivrées aux participants."},
    {"R-S7-WAGES", S::error, "r. 3, s. 7(5)", "Training wages", "Salaire de formation",
     "Training wages are the hours in the activity times the employee's hourly wage.",
     "Le salaire de formation est le nombre d'heures dans l'activité multiplié par le salaire "
     "horaire de l'employé."},
    {"R-S7-CONTRIBUTIONS", S::error, "r. 3, s. 7(4.1)", "Employer contributions",
     "Cotisations de l'employeur",
     "Eligible wages include the employer's CNESST, QPIP, QPP and EI contributions on them, and "
     "only those.",
     "Le salaire admissible comprend les cotisations de l'employeur à la CNESST, au RQAP, au RRQ "
     "et à l'assurance-emploi, et seulement celles-là."},
    {"R-S7-HOURLY", S::error, "r. 3, s. 7(6)", "Hourly wage", "Salaire horaire",
     "Where no hourly wage can be calculated, it is the annual wage divided by 1950 hours "
     "(52 weeks of 37.5 hours).",
     "Lorsqu'aucun salaire horaire ne peut être calculé, il est le salaire annuel divisé par "
     "1950 heures (52 semaines de 37,5 heures)."},
    {"R-S7-NONARMS", S::error, "r. 3, s. 7(12)", "Non-arm's-length instructor",
     "Formateur ayant un lien de dépendance",
     "For an instructor not at arm's length, only the wages, the travel expenses of the "
     "instructor's staff and the teaching materials count.",
     "Pour un formateur ayant un lien de dépendance, seuls comptent les salaires, les frais de "
     "déplacement de son personnel et le matériel pédagogique."},
    {"R-S7-ASSISTANCE", S::error, "r. 3, s. 7(13)", "Government assistance not deducted",
     "Aide gouvernementale non déduite",
     "Expenditures are reduced by the government assistance received or receivable, except for "
     "the exempt categories.",
     "Les dépenses sont réduites de l'aide gouvernementale reçue ou à recevoir, sauf pour les "
     "catégories exemptées."},
    {"R-S7-YEAR", S::error, "r. 3, s. 7(14)", "Training completed after the year",
     "Formation terminée après l'année",
     "An expenditure may not be declared for a year prior to the year the training was "
     "completed.",
     "Une dépense ne peut pas être déclarée pour une année antérieure à celle où la formation a "
     "été terminée."},
    {"R-S7-OHS", S::error, "r. 3, s. 7(3.2)", "Health and safety training",
     "Formation en santé et sécurité",
     "Occupational health and safety training counts only if it is an integral part of the "
     "skills needed to perform the job.",
     "La formation en santé et sécurité du travail ne compte que si elle fait partie intégrante "
     "des compétences nécessaires à l'emploi."},
    {"R-ACT-SUMMARY", S::error, "Act s. 3, 11, 14; RL-1", "Summary does not match the detail",
     "Le sommaire ne concorde pas avec le détail",
     "The RL-1 lines 50 to 53 and the work chart lines 75, 78 and 79, recomputed from the "
     "detail.",
     "Les lignes 50 à 53 du RL-1 et les lignes 75, 78 et 79 du tableau de travail, recalculées à "
     "partir du détail."},
    {"R-ACT-CARRY-CHAIN", S::error, "Act s. 11; RL-1", "Carry-forward chain broken",
     "Chaîne des reports rompue",
     "Validated together, the workbooks of one NEQ for consecutive years must chain: the "
     "balance carried forward (line 75) of a year is the balance to carry forward (line 79) of "
     "the year before, or its eligible expenditures when that year was not subject.",
     "Validés ensemble, les classeurs d'un même NEQ pour des années consécutives doivent "
     "s'enchaîner : le solde reporté (ligne 75) d'une année est le solde à reporter (ligne 79) "
     "de l'année précédente, ou ses dépenses admissibles si elle n'était pas assujettie."},
    {"R-S7-CLAIMED-TWICE", S::warning, "r. 3, s. 7(14); r. 3, s. 4", "Expenditure claimed twice",
     "Dépense déclarée deux fois",
     "The same supporting document with the same amount appears in two years of one NEQ: an "
     "expenditure counts in one year only.",
     "La même pièce justificative, du même montant, figure dans deux années d'un même NEQ : une "
     "dépense ne compte qu'une année."},
    {"I-RETENTION-PASSED", S::info, "r. 3, s. 4", "Retention period ended",
     "Période de conservation terminée",
     "The supporting documents of a year are kept until 31 December of the sixth year after "
     "it; this note says when that date has passed.",
     "Les pièces justificatives d'une année sont conservées jusqu'au 31 décembre de la sixième "
     "année qui suit ; cette note indique que cette date est passée."},
    // Issue 12, item 4 (template 1.2): what an LMS tracks. Not a requirement of the 1 % law,
    // so an information note without a legal reference, never an error; in every rule set.
    {"I-CERT-EXPIRED", S::info, "", "Certification expired without renewal",
     "Certification expirée sans renouvellement",
     "A certification of the Certifications sheet expired before 31 December of the fiscal year "
     "(its \"Expires on\" is the last day it is valid) and names no renewal activity. A note "
     "for the employer's own tracking: the 1 % law does not require certifications.",
     "Une certification de la feuille Certifications a expiré avant le 31 décembre de l'année "
     "(son « Expire le » est son dernier jour de validité) et ne nomme aucune activité de "
     "renouvellement. Une note pour le suivi de l'employeur : la loi du 1 % n'exige pas de "
     "certifications."},
    {"R-S3-RETURN", S::info, "r. 3, s. 3", "Annual information return",
     "Déclaration annuelle de renseignements",
     "Before 2024, an employer files an annual information return on its training activities "
     "with the Minister, unless it holds a CQIF; s. 3 was repealed from 1 January 2024.",
     "Avant 2024, l'employeur produit auprès du ministre une déclaration annuelle de ses "
     "activités de formation, sauf s'il est titulaire d'un CQIF ; l'art. 3 est abrogé depuis le "
     "1er janvier 2024."},
};

// One rule set: applies every rule of the catalogue but the ones listed.
struct RuleSetDefinition
{
    std::string_view version;
    CivilDate effective;
    std::vector<std::string_view> not_applied;
};

const RuleSetDefinition rule_set_definitions[] = {
    // r. 3 as consolidated by O.C. 1060-2007 (the paragraph table starts on 2008-01-01).
    {"2008.1", {2008, 1, 1}, {}},
    // r. 3, s. 3 repealed with effect from 2024-01-01 (Bill 17 of 2023, s. 130).
    {"2024.1", {2024, 1, 1}, {"R-S3-RETURN"}},
};

std::vector<RuleSet> build_rule_sets()
{
    std::vector<RuleSet> sets;
    for (const RuleSetDefinition& definition : rule_set_definitions)
    {
        RuleSet set{definition.version, definition.effective, {}};
        for (const Rule& rule : catalogue)
            if (std::find(definition.not_applied.begin(), definition.not_applied.end(), rule.id) ==
                definition.not_applied.end())
                set.rule_ids.push_back(rule.id);
        sets.push_back(std::move(set));
    }
    return sets;
}

const std::vector<RuleSet>& rule_sets()
{
    static const std::vector<RuleSet> sets = build_rule_sets();
    return sets;
}
} // namespace

std::string_view severity_name(Severity severity)
{
    switch (severity)
    {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "info";
    }
    return "error";
}

const std::vector<Rule>& rule_catalogue()
{
    return catalogue;
}

const Rule* find_rule(std::string_view id)
{
    for (const Rule& rule : catalogue)
        if (rule.id == id)
            return &rule;
    return nullptr;
}

// The set in force on 31 December of the year: the last one whose first day is on or before
// it. Year 0 (unknown) or negative: the latest. A year before the first set: the first.
const RuleSet& rule_set_for_year(int year)
{
    const std::vector<RuleSet>& sets = rule_sets();
    if (year <= 0)
        return sets.back();
    const long end_of_year = days_from_civil(CivilDate{year, 12, 31});
    const RuleSet* in_force = &sets.front();
    for (const RuleSet& set : sets)
        if (days_from_civil(set.effective) <= end_of_year)
            in_force = &set;
    return *in_force;
}

} // namespace onepercent::validation
