// Writes the engine fuzzer's seeds into a folder: every keyword the engine accepts (English
// and French) and every paragraph reference of its table, one file each.
#include "engine/keywords.hxx"
#include "engine/regulation.hxx"

#include <fstream>
#include <string>

using namespace onepercent;

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    const std::string folder = argv[1];
    int count = 0;
    auto write = [&](std::string_view text)
    { std::ofstream(folder + "/seed-" + std::to_string(count++), std::ios::binary) << text; };
    for (const auto& keyword : expense_kind_keywords())
        write(keyword.english), write(keyword.french);
    for (const auto& keyword : provider_kind_keywords())
        write(keyword.english), write(keyword.french);
    for (const auto& keyword : assistance_exemption_keywords())
        write(keyword.english), write(keyword.french);
    for (const auto& keyword : pay_period_keywords())
        write(keyword.english), write(keyword.french);
    for (const Paragraph& paragraph : paragraph_table())
        write(paragraph_reference(paragraph));
    write("Formation en soudage MIG, Cégep de Saint-Jérôme");
    write("Tuition reimbursed, Project management");
    write(" 1( 17.1 ) ");
    return 0;
}
