// round_cents, fold_text and the bilingual InputError.
#include "engine/regulation.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace onepercent;

TEST(RoundCents, HalfAwayFromZeroDespiteBinaryNoise)
{
    EXPECT_DOUBLE_EQ(round_cents(1.005), 1.01);
    EXPECT_DOUBLE_EQ(round_cents(2.675), 2.68);
    EXPECT_DOUBLE_EQ(round_cents(-1.005), -1.01);
    EXPECT_DOUBLE_EQ(round_cents(-2.675), -2.68);
    EXPECT_DOUBLE_EQ(round_cents(0.125), 0.13);
    EXPECT_DOUBLE_EQ(round_cents(-0.125), -0.13);
    EXPECT_DOUBLE_EQ(round_cents(0.285), 0.29);
    EXPECT_DOUBLE_EQ(round_cents(1.115), 1.12);
    EXPECT_DOUBLE_EQ(round_cents(10.005), 10.01);
    EXPECT_DOUBLE_EQ(round_cents(0.005), 0.01);
    EXPECT_DOUBLE_EQ(round_cents(1'234'567.895), 1'234'567.90);
    EXPECT_DOUBLE_EQ(round_cents(0.1 + 0.2), 0.30);
}

TEST(RoundCents, BelowHalfGoesDown)
{
    EXPECT_DOUBLE_EQ(round_cents(0.124), 0.12);
    EXPECT_DOUBLE_EQ(round_cents(1.00499), 1.0);
    EXPECT_DOUBLE_EQ(round_cents(1'234'567.89499), 1'234'567.89);
    EXPECT_DOUBLE_EQ(round_cents(-0.124), -0.12);
    EXPECT_DOUBLE_EQ(round_cents(0.004), 0.0);
}

TEST(RoundCents, WholeCentsAndZero)
{
    EXPECT_DOUBLE_EQ(round_cents(0.0), 0.0);
    EXPECT_DOUBLE_EQ(round_cents(12.34), 12.34);
    EXPECT_DOUBLE_EQ(round_cents(100.0), 100.0);
    EXPECT_DOUBLE_EQ(round_cents(20'000'000.0), 20'000'000.0);
    EXPECT_FALSE(std::signbit(round_cents(-0.001))); // no negative zero
    EXPECT_FALSE(std::signbit(round_cents(-0.0)));
    EXPECT_DOUBLE_EQ(round_cents(1e20), 1e20); // no digit below the cent to round
}

TEST(RoundCents, RejectsNonFiniteNumbers)
{
    EXPECT_THROW(round_cents(std::nan("")), InputError);
    EXPECT_THROW(round_cents(std::numeric_limits<double>::infinity()), InputError);
    EXPECT_THROW(round_cents(-std::numeric_limits<double>::infinity()), InputError);
    try
    {
        round_cents(std::nan(""));
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("not a finite number"), std::string::npos);
        EXPECT_NE(error.message(Language::fr).find("pas un nombre fini"), std::string::npos);
    }
}

TEST(InputError, CarriesBothLanguages)
{
    const InputError error("hours must not be negative (got -3)",
                           "les heures ne peuvent pas être négatives (reçu -3)");
    EXPECT_STREQ(error.what(), "hours must not be negative (got -3)");
    EXPECT_EQ(error.message(Language::en), "hours must not be negative (got -3)");
    EXPECT_EQ(error.message(Language::fr), "les heures ne peuvent pas être négatives (reçu -3)");
    const std::invalid_argument& base = error;
    EXPECT_STREQ(base.what(), "hours must not be negative (got -3)");
    const InputError copy = error;
    EXPECT_EQ(copy.message(Language::fr), error.message(Language::fr));
}

TEST(FoldText, AsciiIsLowerCased)
{
    EXPECT_EQ(fold_text("Hello WORLD 123-_!"), "hello world 123-_!");
    EXPECT_EQ(fold_text(""), "");
}

TEST(FoldText, FrenchAccentsLowerCase)
{
    EXPECT_EQ(fold_text("àâäáãå"), "aaaaaa");
    EXPECT_EQ(fold_text("ç"), "c");
    EXPECT_EQ(fold_text("éèêë"), "eeee");
    EXPECT_EQ(fold_text("îïíì"), "iiii");
    EXPECT_EQ(fold_text("ôöóò"), "oooo");
    EXPECT_EQ(fold_text("ùûüú"), "uuuu");
    EXPECT_EQ(fold_text("ÿ"), "y");
    EXPECT_EQ(fold_text("œ"), "oe");
    EXPECT_EQ(fold_text("æ"), "ae");
}

TEST(FoldText, FrenchAccentsUpperCase)
{
    EXPECT_EQ(fold_text("ÀÂÄÁÃÅ"), "aaaaaa");
    EXPECT_EQ(fold_text("Ç"), "c");
    EXPECT_EQ(fold_text("ÉÈÊË"), "eeee");
    EXPECT_EQ(fold_text("ÎÏÍÌ"), "iiii");
    EXPECT_EQ(fold_text("ÔÖÓÒ"), "oooo");
    EXPECT_EQ(fold_text("ÙÛÜÚ"), "uuuu");
    EXPECT_EQ(fold_text("Ÿ"), "y");
    EXPECT_EQ(fold_text("Œ"), "oe");
    EXPECT_EQ(fold_text("Æ"), "ae");
}

TEST(FoldText, WordsAndPunctuation)
{
    EXPECT_EQ(fold_text("ÉTABLISSEMENT RECONNU"), "etablissement reconnu");
    EXPECT_EQ(fold_text("Frais d’hébergement"), "frais d'hebergement");
    EXPECT_EQ(fold_text("Main-d’œuvre"), "main-d'oeuvre");
    EXPECT_EQ(fold_text("Congrès à Québec"), "congres a quebec");
    EXPECT_EQ(fold_text("Matériel pédagogique"), "materiel pedagogique");
}

TEST(FoldText, OtherBytesPassThrough)
{
    EXPECT_EQ(fold_text("€ 5"), "€ 5");   // not a letter we fold
    EXPECT_EQ(fold_text("ß"), "ß");       // no ASCII spelling chosen
    EXPECT_EQ(fold_text("日本"), "日本"); // other scripts unchanged
    EXPECT_EQ(fold_text(std::string("a\xC3") + "B"), "a\xC3"
                                                     "b"); // a cut sequence
    EXPECT_EQ(fold_text("\xFF"
                        "A"),
              "\xFF"
              "a"); // not UTF-8
}

// Exact at every magnitude: 1E12 x 1 used to give ...0.01.
TEST(RoundCents, LargeAmountsUnchanged)
{
    EXPECT_EQ(round_cents(1e12), 1e12);
    EXPECT_EQ(round_cents(1e12 * 1.0), 1e12);
    EXPECT_EQ(round_cents(123'456'789'012.34), 123'456'789'012.34);
    EXPECT_EQ(round_cents(999'999'999'999.99), 999'999'999'999.99);
    EXPECT_EQ(round_cents(1e13), 1e13);
    EXPECT_EQ(round_cents(1e15), 1e15);
    EXPECT_EQ(round_cents(-1e15), -1e15);
    EXPECT_EQ(round_cents(123'456'789'012.345), 123'456'789'012.35);
    EXPECT_EQ(round_cents(9'999'999'999.995), 10'000'000'000.0);
    EXPECT_EQ(round_cents(0.004), 0.0);
    EXPECT_EQ(round_cents(0.005), 0.01);
    EXPECT_EQ(round_cents(-0.004), 0.0);
    EXPECT_FALSE(std::signbit(round_cents(-0.004)));
    EXPECT_EQ(round_cents(1e-300), 0.0);
    EXPECT_EQ(round_cents(99.995), 100.0);
}
