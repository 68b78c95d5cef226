// Puts the process in a French C locale (fr_CA.UTF-8: decimal comma), as inside a French
// office, to prove that number text does not depend on it. When the system lacks the locale,
// it is compiled with localedef (Debian's `locales` data) into ./locale beside the test
// program (in the CMake build folder) and found through LOCPATH. Header-only, for GoogleTests.
#pragma once

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h> // readlink, setenv

namespace test_locale
{
// True when LC_ALL is now a French locale whose decimal separator is a comma.
inline bool enter_french_c_locale()
{
    for (const char* name : {"fr_CA.UTF-8", "fr_CA.utf8", "fr_FR.UTF-8", "fr_FR.utf8"})
        if (std::setlocale(LC_ALL, name) != nullptr)
            return std::localeconv()->decimal_point[0] == ',';
    // Beside the test program (in the build folder), whatever the working folder.
    char program[4096];
    const ssize_t length = readlink("/proc/self/exe", program, sizeof program - 1);
    if (length <= 0)
        return false;
    std::string folder(program, static_cast<std::size_t>(length));
    folder.erase(folder.rfind('/'));
    const std::string path = folder + "/locale";
    // -c: write the locale despite localedef's warnings about the source data.
    const std::string command = "mkdir -p '" + path + "' && localedef -c -i fr_CA -f UTF-8 '" +
                                path + "/fr_CA.UTF-8' >/dev/null 2>&1";
    if (std::system(command.c_str()) == -1)
        return false;
    setenv("LOCPATH", path.c_str(), 1);
    if (std::setlocale(LC_ALL, "fr_CA.UTF-8") == nullptr)
        return false;
    return std::localeconv()->decimal_point[0] == ',';
}

// The C locale again at the end of a test.
class FrenchCLocale : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (!enter_french_c_locale())
            GTEST_SKIP() << "no French C locale (install Debian's `locales` package)";
        char shown[32];
        std::snprintf(shown, sizeof shown, "%.2f", 19788.11);
        ASSERT_EQ(std::string(shown), "19788,11") << "the locale does not use a decimal comma";
    }
    void TearDown() override { std::setlocale(LC_ALL, "C"); }
};
} // namespace test_locale
