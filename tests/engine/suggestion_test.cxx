// suggest_paragraph: a paragraph guessed from free text (a suggestion the user confirms).
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <utility>

using namespace onepercent;

namespace
{
class Suggestion : public ::testing::TestWithParam<std::pair<const char*, const char*>>
{
};
} // namespace

TEST_P(Suggestion, GuessesTheParagraph)
{
    const auto& [description, expected] = GetParam();
    const auto suggestion = suggest_paragraph(description);
    ASSERT_TRUE(suggestion.has_value()) << description;
    EXPECT_EQ(*suggestion, expected) << description;
    EXPECT_TRUE(paragraph_in_force(find_paragraph(*suggestion), 2024)) << description;
}

INSTANTIATE_TEST_SUITE_P(
    Descriptions,
    Suggestion,
    ::testing::Values(
        // 1(1)
        std::pair{"Tuition", "1(1)"},
        std::pair{"Cours d'anglais", "1(1)"},
        std::pair{"Formation donnée par le Cégep", "1(1)"},
        std::pair{"Inscription à une formation", "1(1)"},
        std::pair{"Excel course fee", "1(1)"},
        // 1(2)
        std::pair{"Remboursement de frais de scolarité", "1(2)"},
        std::pair{"Tuition reimbursement", "1(2)"},
        // 1(3)
        std::pair{"Formateur non agréé", "1(3)"},
        // 1(5)
        std::pair{"Salaire du formateur", "1(5)"},
        std::pair{"Trainer wages", "1(5)"},
        std::pair{"Internal trainer", "1(5)"},
        // 1(6)
        std::pair{"Formation de l'ordre professionnel", "1(6)"},
        std::pair{"Atelier de l'Ordre des ingénieurs", "1(6)"},
        // 1(7)
        std::pair{"Salaire des participants", "1(7)"},
        std::pair{"Coaching", "1(7)"},
        std::pair{"Mentorat d'un nouvel employé", "1(7)"},
        std::pair{"Mentoring", "1(7)"},
        // 1(8)
        std::pair{"Remplacement pendant la formation", "1(8)"},
        std::pair{"Replacement staff", "1(8)"},
        // 1(9)
        std::pair{"Congé de formation", "1(9)"},
        std::pair{"Paid study leave", "1(9)"},
        // 1(10)
        std::pair{"Comité paritaire", "1(10)"},
        std::pair{"Joint committee meeting", "1(10)"},
        // 1(11)
        std::pair{"Soutien pédagogique", "1(11)"},
        // 1(12)
        std::pair{"Plan de formation 2025", "1(12)"},
        std::pair{"Analyse des besoins de formation", "1(12)"},
        // 1(13)
        std::pair{"Conception d'un cours", "1(13)"},
        std::pair{"Élaboration de la formation", "1(13)"},
        std::pair{"Course development", "1(13)"},
        // 1(14), 1(15)
        std::pair{"Préparation des stages", "1(14)"},
        std::pair{"Stage en entreprise", "1(14)"},
        std::pair{"Apprentis", "1(14)"},
        std::pair{"Salaire du stagiaire", "1(15)"},
        std::pair{"Stagiaire", "1(15)"},
        std::pair{"Trainee supervisor", "1(15)"},
        // 1(16)
        std::pair{"hotel and mileage", "1(16)"},
        std::pair{"Kilométrage", "1(16)"},
        std::pair{"Repas", "1(16)"},
        std::pair{"Hébergement", "1(16)"},
        std::pair{"Travel", "1(16)"},
        std::pair{"Meal", "1(16)"},
        std::pair{"Frais de déplacement", "1(16)"},
        std::pair{"Remboursement des frais de déplacement", "1(16)"},
        std::pair{"Location de voiture", "1(16)"},
        std::pair{"HÔTEL À QUÉBEC", "1(16)"},
        // 1(17), 1(17.1)
        std::pair{"Salaire pour la création du guide", "1(17)"},
        std::pair{"Matériel pédagogique", "1(17.1)"},
        std::pair{"Manuel du participant", "1(17.1)"},
        std::pair{"Licence logicielle", "1(17.1)"},
        std::pair{"E-learning modules", "1(17.1)"},
        std::pair{"Plateforme LMS", "1(17.1)"},
        std::pair{"LMS", "1(17.1)"},
        std::pair{"Traduction des documents", "1(17.1)"},
        // 1(18)
        std::pair{"Location de salle", "1(18)"},
        std::pair{"Room rental", "1(18)"},
        // 1(23)
        std::pair{"Frais d'inscription au colloque", "1(23)"},
        std::pair{"Frais d’inscription au congrès", "1(23)"},
        std::pair{"Workshop", "1(23)"},
        std::pair{"Atelier pratique", "1(23)"},
        std::pair{"Séminaire", "1(23)"},
        std::pair{"Conference registration", "1(23)"},
        // 1(26)
        std::pair{"Formation de l'association", "1(26)"}),
    [](const ::testing::TestParamInfo<std::pair<const char*, const char*>>& info)
    {
        // "hotel and mileage" -> "hotel_and_mileage_35"
        std::string name;
        for (const char* c = info.param.first; *c; ++c)
            name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
        return name + "_" + std::to_string(info.index);
    });

TEST(SuggestParagraph, NothingFits)
{
    EXPECT_EQ(suggest_paragraph(""), std::nullopt);
    EXPECT_EQ(suggest_paragraph("   "), std::nullopt);
    EXPECT_EQ(suggest_paragraph("office chairs"), std::nullopt);
    EXPECT_EQ(suggest_paragraph("chaises de bureau"), std::nullopt);
    EXPECT_EQ(suggest_paragraph("Christmas party"), std::nullopt);
    EXPECT_EQ(suggest_paragraph("1234"), std::nullopt);
}

TEST(SuggestParagraph, MatchesWholeWordsOnly)
{
    // "an" in "plan", "cours" in "concours", "stage" in "backstage" are not keywords there.
    EXPECT_EQ(suggest_paragraph("concours"), std::nullopt);
    EXPECT_EQ(suggest_paragraph("backstage"), std::nullopt);
    EXPECT_EQ(suggest_paragraph("Salesforce"), std::nullopt); // not "salle"
}
