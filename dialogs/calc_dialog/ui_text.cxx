#include "ui_text.hxx"

#include <cctype>

namespace onepercent::calc_dialog
{
namespace
{
struct Entry
{
    Text key;
    std::string_view en;
    std::string_view fr;
};

// One row per text; the order does not matter (looked up by key).
constexpr Entry entries[] = {
    {Text::workbook, "Workbook: {0}", "Classeur : {0}"},
    {Text::unsaved_changes, " (changes not saved)", " (modifications non enregistrées)"},
    {Text::fiscal_year, "Fiscal year: {0}", "Année : {0}"},
    {Text::employer, "Employer: {0}", "Employeur : {0}"},
    {Text::unknown, "unknown", "inconnue"},
    {Text::rule_set, "Rule set {0}, in force since {1}", "Règles {0}, en vigueur depuis le {1}"},
    {Text::in_force_since, "in force since {0}", "en vigueur depuis le {0}"},
    {Text::counts, "{0}, {1}, {2}", "{0}, {1}, {2}"},
    {Text::errors_one, "{0} error", "{0} erreur"},
    {Text::errors_many, "{0} errors", "{0} erreurs"},
    {Text::warnings_one, "{0} warning", "{0} avertissement"},
    {Text::warnings_many, "{0} warnings", "{0} avertissements"},
    {Text::infos_one, "{0} info", "{0} information"},
    {Text::infos_many, "{0} infos", "{0} informations"},
    {Text::compliant, "COMPLIANT: no error found.", "CONFORME : aucune erreur trouvée."},
    {Text::not_compliant, "NOT COMPLIANT: {0} to fix.", "NON CONFORME : {0} à corriger."},
    {Text::contribution, "The workbook computes an RL-1 line 53 contribution of {0}.",
     "Le classeur calcule une cotisation de {0} à la ligne 53 du RL-1."},
    {Text::computed_contribution, "Recomputed from the detail, it is {0}.",
     "Recalculée à partir du détail, elle est de {0}."},
    {Text::no_contribution, "The workbook shows no RL-1 line 53 contribution.",
     "Le classeur n'indique aucune cotisation à la ligne 53 du RL-1."},
    {Text::not_a_workbook, "This document is not a OnePercent workbook.",
     "Ce document n'est pas un classeur OnePercent."},
    {Text::not_a_workbook_hint,
     "Its document properties do not name the OnePercent template. Open the template to start "
     "a workbook, then copy your data into it.",
     "Ses propriétés ne désignent pas le modèle OnePercent. Ouvrez le modèle pour créer un "
     "classeur, puis copiez-y vos données."},
    {Text::unreadable, "The workbook could not be read: {0}",
     "Le classeur n'a pas pu être lu : {0}"},
    {Text::severity_error, "Error", "Erreur"},
    {Text::severity_warning, "Warning", "Avertis."},
    {Text::severity_info, "Info", "Info"},
    {Text::column_severity, "Severity", "Gravité"},
    {Text::column_cell, "Cell", "Cellule"},
    {Text::column_location, "Location", "Emplacement"},
    {Text::column_rule, "Rule", "Règle"},
    {Text::column_reference, "Legal reference", "Référence légale"},
    {Text::column_message, "Message", "Message"},
    {Text::column_sheet, "Sheet", "Feuille"},
    {Text::column_value, "Value", "Valeur"},
    {Text::column_fix, "Suggested fix", "Correction proposée"},
    {Text::whole_file, "(file)", "(fichier)"},
    {Text::no_findings, "No finding to show.", "Aucun constat à afficher."},
    {Text::detail_rule, "Rule", "Règle"},
    {Text::detail_reference, "Legal reference", "Référence légale"},
    {Text::detail_location, "Location", "Emplacement"},
    {Text::detail_value, "Value", "Valeur"},
    {Text::detail_fix, "Suggested fix", "Correction proposée"},
    {Text::report_title, "OnePercent validation report", "Rapport de validation OnePercent"},
    {Text::report_sheet_name, "OnePercent report", "Rapport OnePercent"},
    {Text::functions_sheet_name, "OnePercent functions", "Fonctions OnePercent"},
    {Text::functions_title, "OnePercent functions (CQLR c. D-8.3, r. 3)",
     "Fonctions OnePercent (RLRQ, c. D-8.3, r. 3)"},
    {Text::column_function, "Function", "Fonction"},
    {Text::column_arguments, "Arguments", "Arguments"},
    {Text::column_description, "Description", "Description"},
    {Text::optional_argument, "[{0}]", "[{0}]"},
    {Text::format_as_date,
     ". A date: Calc shows a number (e.g. 48943) until the cell is formatted as a date "
     "(Format ▸ Cells ▸ Date), as the template does",
     ". Une date : Calc affiche un nombre (p. ex. 48943) tant que la cellule n'a pas le format "
     "date (Format ▸ Cellules ▸ Date), comme dans le modèle"},
    {Text::message_title, "OnePercent", "OnePercent"},
    {Text::select_a_finding, "Select a finding in the list first.",
     "Choisissez d'abord un constat dans la liste."},
    {Text::no_cell_for_finding, "This finding is about {0} as a whole, not one cell.",
     "Ce constat porte sur {0} en entier, pas sur une cellule."},
    {Text::sheet_not_found, "The sheet \"{0}\" is no longer in the document.",
     "La feuille « {0} » n'est plus dans le document."},
    {Text::export_title, "Export the validation report", "Exporter le rapport de validation"},
    {Text::export_done, "Report written to {0}", "Rapport enregistré dans {0}"},
    {Text::filter_json, "JSON report (*.json)", "Rapport JSON (*.json)"},
    {Text::filter_html, "HTML report (*.html)", "Rapport HTML (*.html)"},
    {Text::template_missing, "The OnePercent template is not in the extension: {0}",
     "Le modèle OnePercent n'est pas dans l'extension : {0}"},
    {Text::not_a_spreadsheet, "OnePercent works on Calc spreadsheets only.",
     "OnePercent ne fonctionne qu'avec les classeurs Calc."},
    {Text::unexpected_error, "OnePercent could not finish: {0}",
     "OnePercent n'a pas pu terminer : {0}"},
    {Text::validating, "OnePercent: validating the workbook…",
     "OnePercent : validation du classeur…"},
    {Text::reading_workbook, "OnePercent: reading the workbook…",
     "OnePercent : lecture du classeur…"},
    {Text::inserted_sheet, "Sheet \"{0}\" inserted. Edit ▸ Undo removes it.",
     "Feuille « {0} » insérée. Édition ▸ Annuler la retire."},
    {Text::no_functions,
     "No TRAINING./FORMATION. function is registered: is the OnePercent add-in enabled?",
     "Aucune fonction FORMATION./TRAINING. n'est enregistrée : le complément OnePercent "
     "est-il activé?"},
    {Text::about_title, "About OnePercent", "À propos de OnePercent"},
    {Text::about_text,
     "OnePercent {0}\n\nEligible training expenditures for Québec's 1 % law: Regulation "
     "respecting eligible training expenditures, CQLR c. D-8.3, r. 3 (formerly R.S.Q. c. D-7.1, "
     "r. 1).\n\nRule set {1}, in force since {2}.",
     "OnePercent {0}\n\nDépenses de formation admissibles de la loi du 1 % du Québec : Règlement "
     "sur les dépenses de formation admissibles, RLRQ, c. D-8.3, r. 3 (anciennement L.R.Q., "
     "c. D-7.1, r. 1).\n\nRègles {1}, en vigueur depuis le {2}."},
};
} // namespace

std::string_view text(Text key, Language language)
{
    for (const Entry& entry : entries)
        if (entry.key == key)
            return language == Language::fr ? entry.fr : entry.en;
    return {};
}

std::string count_text(std::size_t count, Text one, Text many, Language language)
{
    const bool singular = language == Language::fr ? count <= 1 : count == 1;
    return format(text(singular ? one : many, language), {std::to_string(count)});
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments)
{
    std::string result;
    result.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i)
    {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
            std::isdigit(static_cast<unsigned char>(pattern[i + 1])))
        {
            const std::size_t index = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (index < arguments.size())
                result += *(arguments.begin() + index);
            i += 2;
            continue;
        }
        result += pattern[i];
    }
    return result;
}

Language language_of_tag(std::string_view tag)
{
    if (tag.size() >= 2 && std::tolower(static_cast<unsigned char>(tag[0])) == 'f' &&
        std::tolower(static_cast<unsigned char>(tag[1])) == 'r' &&
        (tag.size() == 2 || tag[2] == '-' || tag[2] == '_'))
        return Language::fr;
    return Language::en;
}

} // namespace onepercent::calc_dialog
