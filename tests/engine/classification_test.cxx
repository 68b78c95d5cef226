// Which paragraph of r. 3, s. 1 an expense falls under, from its kind and its provider.
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <tuple>
#include <utility>

using namespace onepercent;

namespace
{
using EK = ExpenseKind;
using PK = ProviderKind;

const ProviderKind all_providers[] = {
    PK::none,
    PK::recognized_institution,
    PK::accredited_body,
    PK::accredited_instructor,
    PK::multi_employer_service,
    PK::non_accredited,
    PK::professional_order,
    PK::association,
    PK::internal_accredited_service,
    PK::internal,
};

struct ClassificationCase
{
    ExpenseKind kind;
    ProviderKind provider;
    bool member_of_order;
    const char* expected; // nullptr: no paragraph
};

void PrintTo(const ClassificationCase& test, std::ostream* out)
{
    *out << "kind " << static_cast<int>(test.kind) << ", provider "
         << static_cast<int>(test.provider) << (test.member_of_order ? ", member" : "") << " -> "
         << (test.expected ? test.expected : "none");
}

const ClassificationCase provider_rules[] = {
    // Tuition: s. 1(1), 1(3), 1(6), 1(24), 1(26).
    {EK::tuition, PK::recognized_institution, false, "1(1)"},
    {EK::tuition, PK::accredited_body, false, "1(1)"},
    {EK::tuition, PK::accredited_instructor, false, "1(1)"},
    {EK::tuition, PK::multi_employer_service, false, "1(1)"},
    {EK::tuition, PK::non_accredited, false, "1(3)"},
    {EK::tuition, PK::professional_order, true, "1(6)"},
    {EK::tuition, PK::professional_order, false, "1(24)"},
    {EK::tuition, PK::association, false, "1(26)"},
    {EK::tuition, PK::association, true, "1(26)"},
    {EK::tuition, PK::none, false, nullptr},
    {EK::tuition, PK::internal, false, nullptr},
    {EK::tuition, PK::internal_accredited_service, false, nullptr},
    // Reimbursement: the same with 1(2) in place of 1(1).
    {EK::reimbursement, PK::recognized_institution, false, "1(2)"},
    {EK::reimbursement, PK::accredited_body, false, "1(2)"},
    {EK::reimbursement, PK::accredited_instructor, false, "1(2)"},
    {EK::reimbursement, PK::multi_employer_service, false, "1(2)"},
    {EK::reimbursement, PK::non_accredited, false, "1(3)"},
    {EK::reimbursement, PK::professional_order, true, "1(6)"},
    {EK::reimbursement, PK::professional_order, false, "1(24)"},
    {EK::reimbursement, PK::association, false, "1(26)"},
    {EK::reimbursement, PK::none, false, nullptr},
    {EK::reimbursement, PK::internal, false, nullptr},
    {EK::reimbursement, PK::internal_accredited_service, false, nullptr},
    // Trainer wages: s. 1(4), 1(4.1), 1(5).
    {EK::trainer_wages, PK::internal_accredited_service, false, "1(4)"},
    {EK::trainer_wages, PK::multi_employer_service, false, "1(4.1)"},
    {EK::trainer_wages, PK::internal, false, "1(5)"},
    {EK::trainer_wages, PK::none, false, nullptr},
    {EK::trainer_wages, PK::recognized_institution, false, nullptr},
    {EK::trainer_wages, PK::accredited_body, false, nullptr},
    {EK::trainer_wages, PK::accredited_instructor, false, nullptr},
    {EK::trainer_wages, PK::non_accredited, false, nullptr},
    {EK::trainer_wages, PK::professional_order, true, nullptr},
    {EK::trainer_wages, PK::association, false, nullptr},
    // Pedagogical support: s. 1(11) only under a contract with these providers.
    {EK::pedagogical_support, PK::recognized_institution, false, "1(11)"},
    {EK::pedagogical_support, PK::accredited_body, false, "1(11)"},
    {EK::pedagogical_support, PK::accredited_instructor, false, "1(11)"},
    {EK::pedagogical_support, PK::none, false, nullptr},
    {EK::pedagogical_support, PK::multi_employer_service, false, nullptr},
    {EK::pedagogical_support, PK::non_accredited, false, nullptr},
    {EK::pedagogical_support, PK::professional_order, false, nullptr},
    {EK::pedagogical_support, PK::association, false, nullptr},
    {EK::pedagogical_support, PK::internal_accredited_service, false, nullptr},
    {EK::pedagogical_support, PK::internal, false, nullptr},
    // Events: s. 1(23), or 1(6)/1(24) for a professional order, 1(26) for an association.
    {EK::event, PK::none, false, "1(23)"},
    {EK::event, PK::recognized_institution, false, "1(23)"},
    {EK::event, PK::non_accredited, false, "1(23)"},
    {EK::event, PK::internal, false, "1(23)"},
    {EK::event, PK::professional_order, true, "1(6)"},
    {EK::event, PK::professional_order, false, "1(24)"},
    {EK::event, PK::association, false, "1(26)"},
    {EK::event, PK::association, true, "1(26)"},
};

class ProviderRule : public ::testing::TestWithParam<ClassificationCase>
{
};
} // namespace

TEST_P(ProviderRule, GivesTheParagraph)
{
    const ClassificationCase& test = GetParam();
    const auto paragraph = classify_expense(test.kind, test.provider, test.member_of_order);
    if (test.expected == nullptr)
        EXPECT_FALSE(paragraph.has_value()) << *paragraph;
    else
    {
        ASSERT_TRUE(paragraph.has_value());
        EXPECT_EQ(*paragraph, test.expected);
        // Every answer is a paragraph in force.
        EXPECT_TRUE(paragraph_in_force(find_paragraph(*paragraph), 2024));
    }
}

INSTANTIATE_TEST_SUITE_P(Classification, ProviderRule, ::testing::ValuesIn(provider_rules));

TEST(ClassifyExpense, KindsWithoutProviderRulesIgnoreTheProvider)
{
    const std::pair<ExpenseKind, const char*> fixed[] = {
        {EK::participant_wages, "1(7)"},
        {EK::replacement_wages, "1(8)"},
        {EK::study_leave, "1(9)"},
        {EK::loaned_employee, "1(10)"},
        {EK::joint_committee, "1(10)"},
        {EK::training_plan, "1(12)"},
        {EK::training_development, "1(13)"},
        {EK::internship_preparation, "1(14)"},
        {EK::supervision_wages, "1(15)"},
        {EK::travel, "1(16)"},
        {EK::materials_wages, "1(17)"},
        {EK::materials, "1(17.1)"},
        {EK::premises, "1(18)"},
    };
    for (const auto& [kind, expected] : fixed)
        for (ProviderKind provider : all_providers)
            for (bool member : {false, true})
                EXPECT_EQ(classify_expense(kind, provider, member), std::string(expected))
                    << expected << " provider " << static_cast<int>(provider);
}

TEST(ClassifyExpense, MembershipMattersOnlyForProfessionalOrders)
{
    EXPECT_EQ(classify_expense(EK::tuition, PK::recognized_institution, true), "1(1)");
    EXPECT_EQ(classify_expense(EK::tuition, PK::non_accredited, true), "1(3)");
    EXPECT_EQ(classify_expense(EK::trainer_wages, PK::internal, true), "1(5)");
}

TEST(ParseExpenseKind, EnglishAndFrenchKeywords)
{
    const std::tuple<const char*, const char*, ExpenseKind> words[] = {
        {"tuition", "frais-formation", EK::tuition},
        {"reimbursement", "remboursement", EK::reimbursement},
        {"trainer-wages", "salaire-formateur", EK::trainer_wages},
        {"participant-wages", "salaire-participant", EK::participant_wages},
        {"replacement-wages", "salaire-remplacement", EK::replacement_wages},
        {"study-leave", "conge-formation", EK::study_leave},
        {"loaned-employee", "employe-prete", EK::loaned_employee},
        {"joint-committee", "comite-paritaire", EK::joint_committee},
        {"pedagogical-support", "soutien-pedagogique", EK::pedagogical_support},
        {"training-plan", "plan-formation", EK::training_plan},
        {"training-development", "developpement-formation", EK::training_development},
        {"internship-preparation", "preparation-stage", EK::internship_preparation},
        {"supervision-wages", "salaire-encadrement", EK::supervision_wages},
        {"travel", "frais-deplacement", EK::travel},
        {"materials-wages", "salaire-materiel", EK::materials_wages},
        {"materials", "materiel", EK::materials},
        {"premises", "locaux", EK::premises},
        {"event", "colloque", EK::event},
    };
    for (const auto& [english, french, kind] : words)
    {
        EXPECT_EQ(parse_expense_kind(english), kind) << english;
        EXPECT_EQ(parse_expense_kind(french), kind) << french;
    }
}

TEST(ParseExpenseKind, CaseAccentsSpacesAndUnderscores)
{
    EXPECT_EQ(parse_expense_kind("Frais-Formation"), EK::tuition);
    EXPECT_EQ(parse_expense_kind("FRAIS FORMATION"), EK::tuition);
    EXPECT_EQ(parse_expense_kind("frais_formation"), EK::tuition);
    EXPECT_EQ(parse_expense_kind("  Tuition "), EK::tuition);
    EXPECT_EQ(parse_expense_kind("Congé-formation"), EK::study_leave);
    EXPECT_EQ(parse_expense_kind("employé prêté"), EK::loaned_employee);
    EXPECT_EQ(parse_expense_kind("Comité paritaire"), EK::joint_committee);
    EXPECT_EQ(parse_expense_kind("SOUTIEN PÉDAGOGIQUE"), EK::pedagogical_support);
    EXPECT_EQ(parse_expense_kind("développement-formation"), EK::training_development);
    EXPECT_EQ(parse_expense_kind("préparation stage"), EK::internship_preparation);
    EXPECT_EQ(parse_expense_kind("Frais déplacement"), EK::travel);
    EXPECT_EQ(parse_expense_kind("Matériel"), EK::materials);
    EXPECT_EQ(parse_expense_kind("salaire matériel"), EK::materials_wages);
    EXPECT_EQ(parse_expense_kind("Trainer_Wages"), EK::trainer_wages);
    EXPECT_EQ(parse_expense_kind("study  leave"), EK::study_leave);
}

TEST(ParseExpenseKind, UnknownWordsListTheAcceptedOnes)
{
    for (const char* text : {"", "books", "frais", "tuitions", "event-s", "1(16)"})
        EXPECT_THROW(parse_expense_kind(text), InputError) << text;
    try
    {
        parse_expense_kind("books");
        FAIL();
    }
    catch (const InputError& error)
    {
        const std::string english = error.message(Language::en);
        EXPECT_NE(english.find("\"books\""), std::string::npos);
        EXPECT_NE(english.find("tuition"), std::string::npos);
        EXPECT_NE(english.find("premises"), std::string::npos);
        EXPECT_NE(english.find("frais-formation"), std::string::npos);
        const std::string french = error.message(Language::fr);
        EXPECT_NE(french.find("type de dépense inconnu"), std::string::npos);
        EXPECT_NE(french.find("colloque"), std::string::npos);
    }
}

TEST(ParseProviderKind, EnglishAndFrenchKeywords)
{
    const std::tuple<const char*, const char*, ProviderKind> words[] = {
        {"recognized-institution", "etablissement-reconnu", PK::recognized_institution},
        {"accredited-body", "organisme-agree", PK::accredited_body},
        {"accredited-instructor", "formateur-agree", PK::accredited_instructor},
        {"multi-employer-service", "service-multi-employeurs", PK::multi_employer_service},
        {"non-accredited", "non-agree", PK::non_accredited},
        {"professional-order", "ordre-professionnel", PK::professional_order},
        {"association", "association", PK::association},
        {"internal-accredited-service", "service-interne-agree", PK::internal_accredited_service},
        {"internal", "interne", PK::internal},
    };
    for (const auto& [english, french, kind] : words)
    {
        EXPECT_EQ(parse_provider_kind(english), kind) << english;
        EXPECT_EQ(parse_provider_kind(french), kind) << french;
    }
}

TEST(ParseProviderKind, CaseAccentsAndEmpty)
{
    EXPECT_EQ(parse_provider_kind(""), PK::none);
    EXPECT_EQ(parse_provider_kind("   "), PK::none);
    EXPECT_EQ(parse_provider_kind("ÉTABLISSEMENT RECONNU"), PK::recognized_institution);
    EXPECT_EQ(parse_provider_kind("Établissement_reconnu"), PK::recognized_institution);
    EXPECT_EQ(parse_provider_kind("Organisme agréé"), PK::accredited_body);
    EXPECT_EQ(parse_provider_kind("FORMATEUR AGRÉÉ"), PK::accredited_instructor);
    EXPECT_EQ(parse_provider_kind("Service multi-employeurs"), PK::multi_employer_service);
    EXPECT_EQ(parse_provider_kind("Non agréé"), PK::non_accredited);
    EXPECT_EQ(parse_provider_kind("Ordre Professionnel"), PK::professional_order);
    EXPECT_EQ(parse_provider_kind("Service interne agréé"), PK::internal_accredited_service);
    EXPECT_EQ(parse_provider_kind("INTERNAL"), PK::internal);
}

TEST(ParseProviderKind, UnknownWords)
{
    for (const char* text : {"university", "agree", "reconnu", "order"})
        EXPECT_THROW(parse_provider_kind(text), InputError) << text;
    try
    {
        parse_provider_kind("university");
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::en).find("recognized-institution"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("etablissement-reconnu"), std::string::npos);
    }
}

TEST(ClassifyExpense, FromTypedWords)
{
    EXPECT_EQ(classify_expense(parse_expense_kind("Frais-Formation"),
                               parse_provider_kind("ÉTABLISSEMENT RECONNU"), false),
              "1(1)");
    EXPECT_EQ(classify_expense(parse_expense_kind("colloque"),
                               parse_provider_kind("ordre-professionnel"), false),
              "1(24)");
    EXPECT_EQ(
        classify_expense(parse_expense_kind("salaire-formateur"), parse_provider_kind(""), false),
        std::nullopt);
}

// s. 7(12) names paragraphs 1, 2, 3, 11, 12, 13 and 14 only.
TEST(NonArmsLength, CapAppliesToTheNamedParagraphsOnly)
{
    for (const char* capped : {"1", "2", "3", "11", "12", "13", "14"})
        EXPECT_TRUE(non_arms_length_cap_applies(find_paragraph(capped))) << capped;
    for (const char* free : {"4", "4.1", "7", "8", "16", "17", "17.1", "18", "23", "24", "26"})
        EXPECT_FALSE(non_arms_length_cap_applies(find_paragraph(free))) << free;
}

// r. 7 training mutuals and the Act s. 12 CCQ fund count outside s. 1.
TEST(Classification, OutsideSection1Kinds)
{
    EXPECT_EQ(parse_expense_kind("training-mutual"), ExpenseKind::training_mutual);
    EXPECT_EQ(parse_expense_kind("Mutuelle formation"), ExpenseKind::training_mutual);
    EXPECT_EQ(parse_expense_kind("ccq-training-fund"), ExpenseKind::ccq_training_fund);
    EXPECT_EQ(parse_expense_kind("fonds-formation-ccq"), ExpenseKind::ccq_training_fund);
    EXPECT_THROW(classify_expense(ExpenseKind::training_mutual, ProviderKind::none, false),
                 InputError);
    EXPECT_THROW(classify_expense(ExpenseKind::ccq_training_fund, ProviderKind::internal, false),
                 InputError);
    EXPECT_EQ(*outside_s1_reference(ExpenseKind::training_mutual, Language::en), "r. 7");
    EXPECT_EQ(*outside_s1_reference(ExpenseKind::ccq_training_fund, Language::en), "Act s. 12");
    EXPECT_EQ(*outside_s1_reference(ExpenseKind::ccq_training_fund, Language::fr), "Loi, art. 12");
    EXPECT_FALSE(outside_s1_reference(ExpenseKind::tuition, Language::en));
    EXPECT_EQ(outside_s1_kind_of_reference("r. 7"), ExpenseKind::training_mutual);
    EXPECT_EQ(outside_s1_kind_of_reference("Loi, art. 12"), ExpenseKind::ccq_training_fund);
    EXPECT_EQ(outside_s1_kind_of_reference("act s. 12"), ExpenseKind::ccq_training_fund);
    EXPECT_FALSE(outside_s1_kind_of_reference("1(12)"));
}
