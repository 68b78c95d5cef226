// r. 3, s. 1 (CQLR c. D-8.3, r. 3, formerly R.S.Q. c. D-7.1, r. 1): the kinds of eligible
// training expenditure, as effective-dated data. An amendment adds a status period to the
// rows it touches (or a new row), with its date and source; the engine does not change.
#include "engine/number_text.hxx"
#include "engine/regulation.hxx"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace onepercent
{
namespace
{
// The consolidated text of s. 1 as last amended by O.C. 1060-2007 (2007 G.O. 2, 3678).
// law-facts: L — effective date of O.C. 1060-2007 not verified; the table starts on
// 1 January 2008, and earlier years are refused rather than answered from a guess.
constexpr CivilDate consolidation_date{2008, 1, 1};
constexpr std::string_view consolidation_source = "O.C. 1060-2007";

std::vector<ParagraphStatusPeriod> in_force_since_consolidation()
{
    return {{consolidation_date, true, consolidation_source}};
}

std::vector<ParagraphStatusPeriod> revoked_since_consolidation()
{
    return {{consolidation_date, false, consolidation_source}};
}

// The flags of a row, combined with |.
using ParagraphFlags = unsigned;
constexpr ParagraphFlags no_flags = 0;
constexpr ParagraphFlags hours_x_wage = 1u << 0;     // s. 7(5): hours x hourly wage
constexpr ParagraphFlags employee_named = 1u << 1;   // s. 4, 2nd para.: a wage expenditure
constexpr ParagraphFlags under_act_s6_1_4 = 1u << 2; // s. 4, 3rd para.: Act s. 6(1)4°

Paragraph in_force(std::string_view number,
                   std::string_view title_en,
                   std::string_view title_fr,
                   ParagraphFlags flags)
{
    return Paragraph{number,
                     title_en,
                     title_fr,
                     (flags & hours_x_wage) != 0,
                     (flags & employee_named) != 0,
                     (flags & under_act_s6_1_4) != 0,
                     in_force_since_consolidation()};
}

Paragraph revoked(std::string_view number)
{
    return Paragraph{
        number, "Revoked", "Abrogé", false, false, false, revoked_since_consolidation()};
}

std::vector<Paragraph> build_paragraph_table()
{
    // s. 7(5) lists 4, 4.1, 5, 7, 10, 12, 13, 14, 15, 17, 23, 24 and 26 (hours x wage).
    // s. 4, 2nd para. applies to expenditures in salary or wages; 12, 13, 14, 23, 24 and 26
    // are "wages and expenses": the employee's name is required for their wage part.
    // s. 4, 3rd para.: 3 and 5 refer to subparagraph 4 of s. 6, 1st para. of the Act; 7 and
    // 17.1 refer to subparagraphs 1 to 4 collectively and are not flagged.
    return {
        in_force("1",
                 "Training fees paid to a recognized institution, training body or accredited "
                 "instructor",
                 "Frais de formation versés à un établissement reconnu, un organisme formateur ou "
                 "un formateur agréé",
                 no_flags),
        in_force("2", "Reimbursement of an employee's training fees",
                 "Remboursement des frais de formation d'un employé", no_flags),
        in_force("3", "Training fees paid to a non-recognized or non-accredited provider",
                 "Frais de formation versés à un fournisseur non reconnu ou non agréé",
                 under_act_s6_1_4),
        in_force("4", "Wages of an employee training colleagues in an accredited training service",
                 "Salaire d'un employé qui forme ses collègues dans un service de formation agréé",
                 hours_x_wage | employee_named),
        in_force("4.1",
                 "Wages of an employee training other employers' staff in a multi-employer service",
                 "Salaire d'un employé qui forme le personnel d'autres employeurs (service "
                 "multi-employeurs)",
                 hours_x_wage | employee_named),
        in_force("5", "Wages of an internal trainer", "Salaire d'un formateur interne",
                 hours_x_wage | employee_named | under_act_s6_1_4),
        in_force("6", "Professional order training for a member of the order",
                 "Formation d'un ordre professionnel pour un membre de l'ordre", no_flags),
        in_force("7", "Wages of employees in training", "Salaire des employés en formation",
                 hours_x_wage | employee_named),
        in_force("8", "Extra wages to replace an employee in training",
                 "Salaire additionnel pour remplacer un employé en formation", employee_named),
        in_force("9", "Wages during paid study or training leave",
                 "Salaire pendant un congé de formation payé", employee_named),
        in_force("10", "Employee loaned to an institution; joint training committee",
                 "Employé prêté à un établissement ; comité paritaire de formation",
                 hours_x_wage | employee_named),
        in_force("11", "Pedagogical support under a contract", "Soutien pédagogique sous contrat",
                 no_flags),
        in_force("12", "Training plan and needs analysis",
                 "Plan de formation et analyse des besoins", hours_x_wage | employee_named),
        in_force("13", "Developing, adapting and assessing training",
                 "Conception, adaptation et évaluation de la formation",
                 hours_x_wage | employee_named),
        in_force("14", "Preparing internships and apprenticeships",
                 "Préparation des stages et de l'apprentissage", hours_x_wage | employee_named),
        in_force("15", "Wages of trainees, learners and their supervisors",
                 "Salaire des stagiaires, des apprentis et de leurs superviseurs",
                 hours_x_wage | employee_named),
        in_force("16", "Travel, lodging, meals and day care",
                 "Déplacement, hébergement, repas et garde", no_flags),
        in_force("17", "Wages for creating or translating teaching materials",
                 "Salaire pour créer ou traduire du matériel pédagogique",
                 hours_x_wage | employee_named),
        in_force("17.1", "Teaching materials and information technology",
                 "Matériel pédagogique et technologies de l'information", no_flags),
        in_force("18", "Rental of premises or equipment", "Location de locaux ou d'équipement",
                 no_flags),
        revoked("19"),
        revoked("20"),
        revoked("21"),
        revoked("22"),
        in_force("23", "Workshops, conventions and seminars", "Ateliers, congrès et colloques",
                 hours_x_wage | employee_named),
        in_force("24", "Professional order training for non-members",
                 "Formation d'un ordre professionnel pour des non-membres",
                 hours_x_wage | employee_named),
        revoked("25"),
        in_force("26", "Training organized by an association",
                 "Formation organisée par une association", hours_x_wage | employee_named),
    };
}

bool is_space(char character)
{
    return std::isspace(static_cast<unsigned char>(character)) != 0;
}

bool is_digit(char character)
{
    return character >= '0' && character <= '9';
}

// A reader of "1(17.1)", "16", "16.0" with white space allowed between the parts.
class ReferenceReader
{
  public:
    explicit ReferenceReader(std::string_view text)
        : text_(text)
    {
    }

    void skip_spaces()
    {
        while (position_ < text_.size() && is_space(text_[position_]))
            ++position_;
    }
    bool take(char expected)
    {
        skip_spaces();
        if (position_ < text_.size() && text_[position_] == expected)
        {
            ++position_;
            return true;
        }
        return false;
    }
    bool at_end()
    {
        skip_spaces();
        return position_ == text_.size();
    }
    // A run of digits, possibly empty.
    std::string_view digits()
    {
        const std::size_t start = position_;
        while (position_ < text_.size() && is_digit(text_[position_]))
            ++position_;
        return text_.substr(start, position_ - start);
    }
    // "16", "16.0" or "17.1": one or two digits and at most one decimal digit. Returns the
    // paragraph number in its canonical spelling ("16", "17.1"), or "" when malformed.
    std::string paragraph_number()
    {
        skip_spaces();
        const std::string_view whole = digits();
        if (whole.empty() || whole.size() > 2)
            return {};
        std::string number(whole);
        if (number.size() == 2 && number[0] == '0')
            number.erase(0, 1); // "04.1" -> "4.1"
        if (position_ < text_.size() && text_[position_] == '.')
        {
            ++position_;
            const std::string_view decimals = digits();
            if (decimals.size() != 1)
                return {}; // "16." and "17.10" are not paragraph numbers
            if (decimals != "0")
                number += "." + std::string(decimals);
        }
        return number;
    }

  private:
    std::string_view text_;
    std::size_t position_ = 0;
};

const Paragraph* paragraph_numbered(std::string_view number)
{
    for (const Paragraph& paragraph : paragraph_table())
        if (paragraph.number == number)
            return &paragraph;
    return nullptr;
}

[[noreturn]] void throw_not_a_paragraph(const std::string& shown_en, const std::string& shown_fr)
{
    throw InputError(shown_en + " is not a paragraph of s. 1 of the regulation (r. 3); "
                                "expected a number from 1 to 26, 4.1 or 17.1, e.g. 16 or 1(17.1)",
                     shown_fr + " n'est pas un paragraphe de l'article 1 du règlement (r. 3) ; "
                                "attendu un nombre de 1 à 26, 4,1 ou 17,1, p. ex. 16 ou 1(17.1)");
}
} // namespace

const std::vector<Paragraph>& paragraph_table()
{
    static const std::vector<Paragraph> table = build_paragraph_table();
    return table;
}

// "1(" number ")" or a bare number, with white space anywhere between the parts.
const Paragraph& find_paragraph(std::string_view text)
{
    ReferenceReader lookahead(text);
    const bool section_form = lookahead.take('1') && lookahead.take('(');

    ReferenceReader reader(text);
    std::string number;
    if (section_form)
    {
        reader.take('1');
        reader.take('(');
        number = reader.paragraph_number();
        if (!reader.take(')'))
            number.clear();
    }
    else
        number = reader.paragraph_number();
    if (!number.empty() && reader.at_end())
        if (const Paragraph* paragraph = paragraph_numbered(number))
            return *paragraph;
    throw_not_a_paragraph("\"" + std::string(text) + "\"", "« " + std::string(text) + " »");
}

const Paragraph& find_paragraph(double number)
{
    if (!std::isfinite(number))
        throw InputError("the paragraph number is not a finite number",
                         "le numéro de paragraphe n'est pas un nombre fini");
    for (const Paragraph& paragraph : paragraph_table())
    {
        // std::from_chars: "4.1" is 4.1 whatever the process locale (a French office's C
        // locale reads a decimal comma, and strtod would read 4).
        double value = 0.0;
        std::from_chars(paragraph.number.data(), paragraph.number.data() + paragraph.number.size(),
                        value);
        if (std::abs(value - number) < 1e-9)
            return paragraph;
    }
    throw_not_a_paragraph(shortest_number_text(number, Language::en),
                          shortest_number_text(number, Language::fr));
}

std::string paragraph_reference(const Paragraph& paragraph)
{
    return "1(" + std::string(paragraph.number) + ")";
}

// The status in effect on 31 December of `year`, the end of the employer's year (as in
// s. 7(13)).
bool paragraph_in_force(const Paragraph& paragraph, int year)
{
    const int first_year =
        paragraph.status.empty() ? consolidation_date.year : paragraph.status.front().from.year;
    if (paragraph.status.empty() || year < first_year)
        throw InputError("the paragraph table starts in " + std::to_string(first_year) +
                             "; no status for paragraph " + paragraph_reference(paragraph) +
                             " in " + std::to_string(year),
                         "la table des paragraphes commence en " + std::to_string(first_year) +
                             " ; aucun statut pour le paragraphe " +
                             paragraph_reference(paragraph) + " en " + std::to_string(year));
    if (year > 2200)
        throw InputError("the year " + std::to_string(year) + " is out of range (1900 to 2200)",
                         "l'année " + std::to_string(year) + " est hors limites (1900 à 2200)");
    bool in_force = paragraph.status.front().in_force;
    for (const ParagraphStatusPeriod& period : paragraph.status)
    {
        // The period applies if it started on or before 31 December of the year.
        if (period.from.year <= year)
            in_force = period.in_force;
    }
    return in_force;
}

} // namespace onepercent
