// Which paragraph of r. 3, s. 1 an expense falls under: from an expense kind and a provider
// kind (a data table of rules), or suggested from free text (a keyword table).
#include "engine/keywords.hxx"
#include "engine/regulation.hxx"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace onepercent
{
namespace
{
// ---- Keywords -----------------------------------------------------------------------------
struct ExpenseKindWord
{
    ExpenseKind kind;
    const char* english;
    const char* french; // folded: no accents
};

const std::array<ExpenseKindWord, 20> expense_kind_words{{
    {ExpenseKind::tuition, "tuition", "frais-formation"},
    {ExpenseKind::reimbursement, "reimbursement", "remboursement"},
    {ExpenseKind::trainer_wages, "trainer-wages", "salaire-formateur"},
    {ExpenseKind::participant_wages, "participant-wages", "salaire-participant"},
    {ExpenseKind::replacement_wages, "replacement-wages", "salaire-remplacement"},
    {ExpenseKind::study_leave, "study-leave", "conge-formation"},
    {ExpenseKind::loaned_employee, "loaned-employee", "employe-prete"},
    {ExpenseKind::joint_committee, "joint-committee", "comite-paritaire"},
    {ExpenseKind::pedagogical_support, "pedagogical-support", "soutien-pedagogique"},
    {ExpenseKind::training_plan, "training-plan", "plan-formation"},
    {ExpenseKind::training_development, "training-development", "developpement-formation"},
    {ExpenseKind::internship_preparation, "internship-preparation", "preparation-stage"},
    {ExpenseKind::supervision_wages, "supervision-wages", "salaire-encadrement"},
    {ExpenseKind::travel, "travel", "frais-deplacement"},
    {ExpenseKind::materials_wages, "materials-wages", "salaire-materiel"},
    {ExpenseKind::materials, "materials", "materiel"},
    {ExpenseKind::premises, "premises", "locaux"},
    {ExpenseKind::event, "event", "colloque"},
    // Outside s. 1 (law-facts H): r. 7 training mutuals; Act s. 12 CCQ training fund.
    {ExpenseKind::training_mutual, "training-mutual", "mutuelle-formation"},
    {ExpenseKind::ccq_training_fund, "ccq-training-fund", "fonds-formation-ccq"},
}};

struct ProviderKindWord
{
    ProviderKind kind;
    const char* english;
    const char* french; // folded: no accents
};

const std::array<ProviderKindWord, 9> provider_kind_words{{
    {ProviderKind::recognized_institution, "recognized-institution", "etablissement-reconnu"},
    {ProviderKind::accredited_body, "accredited-body", "organisme-agree"},
    {ProviderKind::accredited_instructor, "accredited-instructor", "formateur-agree"},
    {ProviderKind::multi_employer_service, "multi-employer-service", "service-multi-employeurs"},
    {ProviderKind::non_accredited, "non-accredited", "non-agree"},
    {ProviderKind::professional_order, "professional-order", "ordre-professionnel"},
    {ProviderKind::association, "association", "association"},
    {ProviderKind::internal_accredited_service, "internal-accredited-service",
     "service-interne-agree"},
    {ProviderKind::internal, "internal", "interne"},
}};

// Trims, folds case and accents, and joins words with single hyphens:
// " Frais_de Formation " -> "frais-de-formation".
std::string keyword_of(std::string_view text)
{
    const std::string folded = fold_text(text);
    std::string keyword;
    bool pending_hyphen = false;
    for (char character : folded)
    {
        const bool separator = character == ' ' || character == '_' || character == '-' ||
                               character == '\t' || character == '\r' || character == '\n';
        if (separator)
        {
            pending_hyphen = !keyword.empty();
            continue;
        }
        if (pending_hyphen)
            keyword += '-';
        pending_hyphen = false;
        keyword += character;
    }
    return keyword;
}

template <typename Words> std::string list_of(const Words& words, bool french)
{
    std::string list;
    for (const auto& word : words)
    {
        if (!list.empty())
            list += ", ";
        list += french ? word.french : word.english;
    }
    return list;
}

// ---- Classification rules -----------------------------------------------------------------
// One row: an expense kind, the provider it applies to (any_provider: all of them) and, for
// professional orders, whether the employee is a member. The first matching row wins; no
// matching row means no paragraph of s. 1 applies.
enum class Membership
{
    any,
    member,
    non_member
};
constexpr std::optional<ProviderKind> any_provider = std::nullopt;

struct ClassificationRule
{
    ExpenseKind kind;
    std::optional<ProviderKind> provider;
    Membership membership;
    const char* paragraph; // "1(17.1)"; nullptr: no paragraph
};

using EK = ExpenseKind;
using PK = ProviderKind;
constexpr Membership any_member = Membership::any;

const ClassificationRule classification_rules[] = {
    // s. 1(1): paid to a recognized institution, a training body (including a multi-employer
    // training service) or an accredited instructor; s. 1(3): to a provider that is not;
    // s. 1(6) / 1(24): a professional order for a member / for non-members; s. 1(26): an
    // association. Tuition from the employer itself ("internal") is not a cost of s. 1(1).
    {EK::tuition, PK::recognized_institution, any_member, "1(1)"},
    {EK::tuition, PK::accredited_body, any_member, "1(1)"},
    {EK::tuition, PK::accredited_instructor, any_member, "1(1)"},
    {EK::tuition, PK::multi_employer_service, any_member, "1(1)"},
    {EK::tuition, PK::non_accredited, any_member, "1(3)"},
    {EK::tuition, PK::professional_order, Membership::member, "1(6)"},
    {EK::tuition, PK::professional_order, Membership::non_member, "1(24)"},
    {EK::tuition, PK::association, any_member, "1(26)"},
    {EK::tuition, PK::none, any_member, nullptr},
    {EK::tuition, PK::internal, any_member, nullptr},
    {EK::tuition, PK::internal_accredited_service, any_member, nullptr},
    // s. 1(2): the employer refunds fees the employee paid; the same providers otherwise.
    // s. 1(6) expressly includes a reimbursement to the employee.
    {EK::reimbursement, PK::recognized_institution, any_member, "1(2)"},
    {EK::reimbursement, PK::accredited_body, any_member, "1(2)"},
    {EK::reimbursement, PK::accredited_instructor, any_member, "1(2)"},
    {EK::reimbursement, PK::multi_employer_service, any_member, "1(2)"},
    {EK::reimbursement, PK::non_accredited, any_member, "1(3)"},
    {EK::reimbursement, PK::professional_order, Membership::member, "1(6)"},
    {EK::reimbursement, PK::professional_order, Membership::non_member, "1(24)"},
    {EK::reimbursement, PK::association, any_member, "1(26)"},
    {EK::reimbursement, PK::none, any_member, nullptr},
    {EK::reimbursement, PK::internal, any_member, nullptr},
    {EK::reimbursement, PK::internal_accredited_service, any_member, nullptr},
    // s. 1(4): an accredited internal training service; 1(4.1): training other employers'
    // staff in a multi-employer service; 1(5): an internal trainer under Act s. 6(1)4°.
    {EK::trainer_wages, PK::internal_accredited_service, any_member, "1(4)"},
    {EK::trainer_wages, PK::multi_employer_service, any_member, "1(4.1)"},
    {EK::trainer_wages, PK::internal, any_member, "1(5)"},
    {EK::trainer_wages, any_provider, any_member, nullptr},
    {EK::participant_wages, any_provider, any_member, "1(7)"},
    {EK::replacement_wages, any_provider, any_member, "1(8)"},
    {EK::study_leave, any_provider, any_member, "1(9)"},
    {EK::loaned_employee, any_provider, any_member, "1(10)"},
    {EK::joint_committee, any_provider, any_member, "1(10)"},
    // s. 1(11): under a contract with a recognized institution, a training body or an
    // instructor accredited for that purpose.
    {EK::pedagogical_support, PK::recognized_institution, any_member, "1(11)"},
    {EK::pedagogical_support, PK::accredited_body, any_member, "1(11)"},
    {EK::pedagogical_support, PK::accredited_instructor, any_member, "1(11)"},
    {EK::pedagogical_support, any_provider, any_member, nullptr},
    {EK::training_plan, any_provider, any_member, "1(12)"},
    {EK::training_development, any_provider, any_member, "1(13)"},
    {EK::internship_preparation, any_provider, any_member, "1(14)"},
    {EK::supervision_wages, any_provider, any_member, "1(15)"},
    {EK::travel, any_provider, any_member, "1(16)"},
    {EK::materials_wages, any_provider, any_member, "1(17)"},
    {EK::materials, any_provider, any_member, "1(17.1)"},
    {EK::premises, any_provider, any_member, "1(18)"},
    // s. 1(23): a workshop, convention or seminar; organized by a professional order it is
    // s. 1(6) for members and s. 1(24) for non-members; by an association, s. 1(26).
    {EK::event, PK::professional_order, Membership::member, "1(6)"},
    {EK::event, PK::professional_order, Membership::non_member, "1(24)"},
    {EK::event, PK::association, any_member, "1(26)"},
    {EK::event, any_provider, any_member, "1(23)"},
};

bool rule_matches(const ClassificationRule& rule,
                  ExpenseKind kind,
                  ProviderKind provider,
                  bool member_of_order)
{
    if (rule.kind != kind)
        return false;
    if (rule.provider && *rule.provider != provider)
        return false;
    switch (rule.membership)
    {
    case Membership::any:
        return true;
    case Membership::member:
        return member_of_order;
    case Membership::non_member:
        return !member_of_order;
    }
    return false;
}

// ---- Suggestions from free text -------------------------------------------------------------
// A keyword, folded, with words separated by single spaces. A trailing '*' makes it a stem
// ("hotel*" matches "hotels"); otherwise the last word must end there. Every keyword starts at
// the start of a word. Weights: specific phrases outweigh generic words, so that
// "Frais d'inscription au colloque" is an event (1(23)) and not tuition (1(1)).
struct SuggestionKeyword
{
    const char* pattern;
    const char* paragraph;
    int weight;
};

const SuggestionKeyword suggestion_keywords[] = {
    // 1(1): training fees paid to a provider.
    {"tuition", "1(1)", 2},
    {"training fee*", "1(1)", 2},
    {"course fee*", "1(1)", 3},
    {"frais de formation", "1(1)", 2},
    {"frais de scolarite", "1(1)", 2},
    {"cours", "1(1)", 2},
    {"course", "1(1)", 2},
    {"courses", "1(1)", 2},
    {"formation donnee par", "1(1)", 3},
    {"formation externe", "1(1)", 3},
    {"inscription*", "1(1)", 2},
    {"registration*", "1(1)", 2},
    {"universit*", "1(1)", 2},
    {"cegep*", "1(1)", 2},
    {"certification*", "1(1)", 1},
    // 1(2): the employer refunds the employee.
    {"rembours*", "1(2)", 3},
    {"reimburs*", "1(2)", 3},
    {"refund*", "1(2)", 3},
    // 1(3): a provider that is not recognized or accredited.
    {"non agree*", "1(3)", 5},
    {"non accredited", "1(3)", 5},
    {"non reconnu*", "1(3)", 5},
    // 1(5): an employee who trains colleagues.
    {"salaire du formateur", "1(5)", 6},
    {"salaire des formateurs", "1(5)", 6},
    {"formateur interne", "1(5)", 5},
    {"formateurs internes", "1(5)", 5},
    {"trainer wage*", "1(5)", 6},
    {"trainer s wage*", "1(5)", 6},
    {"trainer salar*", "1(5)", 6},
    {"internal trainer*", "1(5)", 5},
    {"in house trainer*", "1(5)", 5},
    // 1(6): training of a professional order for its members.
    {"ordre professionnel", "1(6)", 6},
    {"ordres professionnels", "1(6)", 6},
    {"professional order*", "1(6)", 6},
    {"ordre des", "1(6)", 6},
    // 1(7): wages of employees in training. Coaching and mentoring: seed 000 reports a reform
    // recognizing them, not found in the text (law-facts: L); suggested as participants' wages
    // under s. 1(7), which the user must confirm.
    {"salaire des participants", "1(7)", 6},
    {"salaire du participant", "1(7)", 6},
    {"salaires des participants", "1(7)", 6},
    {"participant wage*", "1(7)", 6},
    {"wages of participants", "1(7)", 6},
    {"employees in training", "1(7)", 5},
    {"employes en formation", "1(7)", 5},
    {"temps de formation", "1(7)", 4},
    {"on the job training", "1(7)", 4},
    {"formation en cours d emploi", "1(7)", 5},
    {"compagnonnage", "1(7)", 3},
    {"coaching", "1(7)", 3},
    {"mentorat", "1(7)", 3},
    {"mentoring", "1(7)", 3},
    // 1(8): replacing an employee in training.
    {"remplacement*", "1(8)", 4},
    {"remplacant*", "1(8)", 4},
    {"replacement*", "1(8)", 4},
    // 1(9): paid study leave.
    {"conge*", "1(9)", 3},
    {"study leave", "1(9)", 5},
    {"training leave", "1(9)", 5},
    {"educational leave", "1(9)", 5},
    {"retour aux etudes", "1(9)", 4},
    // 1(10): loaned employee; joint training committee.
    {"comite paritaire", "1(10)", 6},
    {"joint committee", "1(10)", 6},
    {"joint training committee", "1(10)", 7},
    {"employe prete", "1(10)", 6},
    {"loaned employee*", "1(10)", 6},
    // 1(11): pedagogical support.
    {"soutien pedagogique", "1(11)", 6},
    {"pedagogical support", "1(11)", 6},
    // 1(12): training plan, needs analysis, recognition of skills.
    {"plan de formation", "1(12)", 5},
    {"plans de formation", "1(12)", 5},
    {"training plan*", "1(12)", 5},
    {"analyse des besoins", "1(12)", 5},
    {"needs analysis", "1(12)", 5},
    {"needs assessment*", "1(12)", 5},
    {"plan de developpement des ressources humaines", "1(12)", 6},
    {"reconnaissance des acquis", "1(12)", 4},
    // 1(13): developing, adapting or assessing training.
    {"conception*", "1(13)", 4},
    {"elaboration de la formation", "1(13)", 5},
    {"elaboration*", "1(13)", 3},
    {"developpement de la formation", "1(13)", 5},
    {"developpement de formation*", "1(13)", 5},
    {"adaptation de la formation", "1(13)", 5},
    {"evaluation de la formation", "1(13)", 5},
    {"course development", "1(13)", 5},
    {"course design", "1(13)", 5},
    {"training development", "1(13)", 5},
    {"instructional design", "1(13)", 5},
    // 1(14): preparing internships and apprenticeships; 1(15): wages of trainees and of those
    // who supervise them.
    {"preparation de stage*", "1(14)", 6},
    {"preparation des stages", "1(14)", 6},
    {"internship preparation", "1(14)", 6},
    {"stage", "1(14)", 3},
    {"stages", "1(14)", 3},
    {"internship*", "1(14)", 3},
    {"apprenti*", "1(14)", 3},
    {"apprentice*", "1(14)", 3},
    {"stagiaire*", "1(15)", 3},
    {"trainee*", "1(15)", 3},
    {"salaire du stagiaire", "1(15)", 6},
    {"salaire des stagiaires", "1(15)", 6},
    {"superviseur de stage", "1(15)", 6},
    {"encadrement", "1(15)", 3},
    {"supervision*", "1(15)", 3},
    // 1(16): travel, lodging, meals and day care.
    {"frais de deplacement", "1(16)", 5},
    {"deplacement*", "1(16)", 4},
    {"kilometr*", "1(16)", 4},
    {"mileage", "1(16)", 4},
    {"hotel*", "1(16)", 4},
    {"hebergement*", "1(16)", 4},
    {"lodging", "1(16)", 4},
    {"repas", "1(16)", 4},
    {"meal*", "1(16)", 4},
    {"travel*", "1(16)", 4},
    {"voyage*", "1(16)", 3},
    {"airfare*", "1(16)", 4},
    {"avion", "1(16)", 3},
    {"flight*", "1(16)", 3},
    {"per diem", "1(16)", 4},
    {"taxi*", "1(16)", 3},
    {"stationnement", "1(16)", 3},
    {"parking", "1(16)", 3},
    {"transport*", "1(16)", 3},
    {"billet de train", "1(16)", 4},
    {"voiture*", "1(16)", 4},
    {"car rental", "1(16)", 7},
    {"day care", "1(16)", 4},
    {"daycare", "1(16)", 4},
    {"frais de garde", "1(16)", 4},
    // 1(17): wages for creating or translating teaching materials.
    {"salaire pour la creation", "1(17)", 7},
    {"salaire pour creer", "1(17)", 7},
    {"wages for creating", "1(17)", 7},
    {"materials wages", "1(17)", 7},
    // 1(17.1): teaching materials and information technology.
    {"materiel pedagogique", "1(17.1)", 6},
    {"materiel didactique", "1(17.1)", 6},
    {"teaching material*", "1(17.1)", 6},
    {"training material*", "1(17.1)", 6},
    {"manuel*", "1(17.1)", 4},
    {"manual*", "1(17.1)", 4},
    {"licence*", "1(17.1)", 4},
    {"license*", "1(17.1)", 4},
    {"e learning", "1(17.1)", 5},
    {"elearning", "1(17.1)", 5},
    {"plateforme*", "1(17.1)", 4},
    {"platform*", "1(17.1)", 4},
    {"lms", "1(17.1)", 4},
    {"logiciel*", "1(17.1)", 3},
    {"software", "1(17.1)", 3},
    {"didacticiel*", "1(17.1)", 4},
    {"traduction*", "1(17.1)", 4},
    {"translation*", "1(17.1)", 4},
    {"abonnement*", "1(17.1)", 3},
    {"subscription*", "1(17.1)", 3},
    {"livre", "1(17.1)", 3},
    {"livres", "1(17.1)", 3},
    {"book", "1(17.1)", 3},
    {"books", "1(17.1)", 3},
    // 1(18): renting premises or equipment.
    {"location de salle*", "1(18)", 6},
    {"location de local", "1(18)", 6},
    {"location de locaux", "1(18)", 6},
    {"location d equipement*", "1(18)", 6},
    {"location*", "1(18)", 3},
    {"loyer", "1(18)", 3},
    {"salle*", "1(18)", 3},
    {"locaux", "1(18)", 4},
    {"room rental*", "1(18)", 6},
    {"equipment rental*", "1(18)", 6},
    {"rental*", "1(18)", 4},
    {"premises", "1(18)", 4},
    {"venue*", "1(18)", 3},
    // 1(23): workshops, conventions and seminars; also the hands-on workshops of seed 000.
    {"colloque*", "1(23)", 5},
    {"congres", "1(23)", 5},
    {"seminaire*", "1(23)", 5},
    {"seminar*", "1(23)", 5},
    {"conference*", "1(23)", 5},
    {"convention*", "1(23)", 5},
    {"workshop*", "1(23)", 5},
    {"atelier*", "1(23)", 5},
    {"symposium*", "1(23)", 5},
    {"webinaire*", "1(23)", 4},
    {"webinar*", "1(23)", 4},
    // 1(26): an association that upgrades its members.
    {"association*", "1(26)", 5},
};

bool is_word_character(char character)
{
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
           static_cast<unsigned char>(character) >= 0x80;
}

// Folded text with every run of non-letters turned into one space, padded with a space on
// each side so that " word" finds words at the start: "Frais d’hôtel" -> " frais d hotel ".
std::string words_of(std::string_view text)
{
    const std::string folded = fold_text(text);
    std::string words = " ";
    for (char character : folded)
    {
        if (is_word_character(character))
            words += character;
        else if (words.back() != ' ')
            words += ' ';
    }
    if (words.back() != ' ')
        words += ' ';
    return words;
}

bool contains_keyword(const std::string& words, std::string_view pattern)
{
    const bool stem = !pattern.empty() && pattern.back() == '*';
    if (stem)
        pattern.remove_suffix(1);
    std::string needle = " " + std::string(pattern);
    if (!stem)
        needle += ' ';
    return words.find(needle) != std::string::npos;
}

struct ParagraphScore
{
    const char* paragraph = nullptr;
    int weight = 0;
    std::size_t longest_keyword = 0;
};
} // namespace

ExpenseKind parse_expense_kind(std::string_view text)
{
    const std::string word = keyword_of(text);
    for (const ExpenseKindWord& entry : expense_kind_words)
        if (word == entry.english || word == entry.french)
            return entry.kind;
    throw InputError("unknown expense kind \"" + std::string(text) +
                         "\"; expected one of: " + list_of(expense_kind_words, false) +
                         " (or in French: " + list_of(expense_kind_words, true) + ")",
                     "type de dépense inconnu « " + std::string(text) +
                         " » ; attendu l'un de : " + list_of(expense_kind_words, true) +
                         " (ou en anglais : " + list_of(expense_kind_words, false) + ")");
}

ProviderKind parse_provider_kind(std::string_view text)
{
    const std::string word = keyword_of(text);
    if (word.empty() || word == "none" || word == "aucun" || word == "aucune")
        return ProviderKind::none;
    for (const ProviderKindWord& entry : provider_kind_words)
        if (word == entry.english || word == entry.french)
            return entry.kind;
    throw InputError(
        "unknown provider kind \"" + std::string(text) +
            "\"; expected one of: " + list_of(provider_kind_words, false) +
            " (or in French: " + list_of(provider_kind_words, true) + "), or an empty cell",
        "type de fournisseur inconnu « " + std::string(text) +
            " » ; attendu l'un de : " + list_of(provider_kind_words, true) +
            " (ou en anglais : " + list_of(provider_kind_words, false) + "), ou une cellule vide");
}

std::optional<std::string_view> outside_s1_reference(ExpenseKind kind, Language language)
{
    if (kind == ExpenseKind::training_mutual)
        return std::string_view("r. 7"); // CQLR c. D-8.3, r. 7 (same abbreviation in French)
    if (kind == ExpenseKind::ccq_training_fund)
        return language == Language::fr ? std::string_view("Loi, art. 12")
                                        : std::string_view("Act s. 12");
    return std::nullopt;
}

std::optional<ExpenseKind> outside_s1_kind_of_reference(std::string_view text)
{
    const std::string shown = fold_text(text);
    for (ExpenseKind kind : {ExpenseKind::training_mutual, ExpenseKind::ccq_training_fund})
        for (Language language : {Language::en, Language::fr})
        {
            std::string reference = fold_text(*outside_s1_reference(kind, language));
            // Spacing is not significant: "r.7", "Loi art. 12".
            auto squeeze = [](std::string text)
            {
                std::string out;
                for (char character : text)
                    if (character != ' ' && character != ',')
                        out += character;
                return out;
            };
            if (squeeze(shown) == squeeze(reference))
                return kind;
        }
    return std::nullopt;
}

std::optional<std::string>
classify_expense(ExpenseKind kind, ProviderKind provider, bool member_of_order)
{
    if (kind == ExpenseKind::training_mutual || kind == ExpenseKind::ccq_training_fund)
    {
        const std::string en(*outside_s1_reference(kind, Language::en));
        const std::string fr(*outside_s1_reference(kind, Language::fr));
        throw InputError(
            (kind == ExpenseKind::training_mutual ? "a payment to a training mutual"
                                                  : "a contribution to the CCQ training fund") +
                std::string(" is not an expenditure of s. 1: it counts in full under ") + en +
                ", without a paragraph",
            (kind == ExpenseKind::training_mutual ? "un versement à une mutuelle de formation"
                                                  : "une cotisation au fonds de formation de la "
                                                    "CCQ") +
                std::string(" n'est pas une dépense de l'art. 1 : elle compte en entier selon ") +
                fr + ", sans paragraphe");
    }
    for (const ClassificationRule& rule : classification_rules)
        if (rule_matches(rule, kind, provider, member_of_order))
        {
            if (rule.paragraph == nullptr)
                return std::nullopt;
            return std::string(rule.paragraph);
        }
    return std::nullopt;
}

// The paragraph whose keywords found in the text weigh the most; ties go to the one with the
// longest matching keyword, then to the earlier in the keyword table. A suggestion only: the
// user confirms the paragraph.
std::optional<std::string> suggest_paragraph(std::string_view description)
{
    const std::string words = words_of(description);
    std::vector<ParagraphScore> scores;
    for (const SuggestionKeyword& keyword : suggestion_keywords)
    {
        if (!contains_keyword(words, keyword.pattern))
            continue;
        ParagraphScore* score = nullptr;
        for (ParagraphScore& candidate : scores)
            if (std::string_view(candidate.paragraph) == keyword.paragraph)
                score = &candidate;
        if (score == nullptr)
        {
            scores.push_back(ParagraphScore{keyword.paragraph, 0, 0});
            score = &scores.back();
        }
        score->weight += keyword.weight;
        const std::size_t length = std::string_view(keyword.pattern).size();
        if (length > score->longest_keyword)
            score->longest_keyword = length;
    }
    const ParagraphScore* best = nullptr;
    for (const ParagraphScore& score : scores)
    {
        if (best == nullptr || score.weight > best->weight ||
            (score.weight == best->weight && score.longest_keyword > best->longest_keyword))
            best = &score; // scores are in table order, so earlier ones win remaining ties
    }
    if (best == nullptr)
        return std::nullopt;
    return std::string(best->paragraph);
}

// ---- The keyword tables as data (engine/keywords.hxx) ---------------------------------------
const std::vector<KindKeyword<ExpenseKind>>& expense_kind_keywords()
{
    static const std::vector<KindKeyword<ExpenseKind>> keywords = []
    {
        std::vector<KindKeyword<ExpenseKind>> list;
        for (const ExpenseKindWord& word : expense_kind_words)
            list.push_back({word.kind, word.english, word.french});
        return list;
    }();
    return keywords;
}

const std::vector<KindKeyword<ProviderKind>>& provider_kind_keywords()
{
    static const std::vector<KindKeyword<ProviderKind>> keywords = []
    {
        // parse_provider_kind: "" (an empty cell), "none", "aucun" or "aucune".
        std::vector<KindKeyword<ProviderKind>> list{{ProviderKind::none, "none", "aucun"}};
        for (const ProviderKindWord& word : provider_kind_words)
            list.push_back({word.kind, word.english, word.french});
        return list;
    }();
    return keywords;
}

// The keywords parse_assistance_exemption and parse_pay_period (regulation.cxx) accept, one
// canonical pair per kind; tests/engine/keywords_test.cxx parses each one back.
const std::vector<KindKeyword<AssistanceExemption>>& assistance_exemption_keywords()
{
    static const std::vector<KindKeyword<AssistanceExemption>> keywords{
        {AssistanceExemption::none, "none", "aucune"},
        {AssistanceExemption::adapted_enterprise, "adapted-enterprise", "entreprise-adaptee"},
        {AssistanceExemption::childcare, "childcare", "garderie"},
        {AssistanceExemption::ambulance, "ambulance", "ambulance"},
    };
    return keywords;
}

const std::vector<KindKeyword<PayPeriod>>& pay_period_keywords()
{
    static const std::vector<KindKeyword<PayPeriod>> keywords{
        {PayPeriod::year, "year", "annee"},
        {PayPeriod::month, "month", "mois"},
        {PayPeriod::biweekly, "biweekly", "quinzaine"},
        {PayPeriod::week, "week", "semaine"},
        {PayPeriod::hour, "hour", "heure"},
    };
    return keywords;
}

} // namespace onepercent
