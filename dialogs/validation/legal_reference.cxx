#include "legal_reference.hxx"

#include <vector>

namespace onepercent::validation
{
namespace
{
bool starts_with(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// "7(13), 3rd para." in French: ordinal paragraphs ("3e al.", "1er al.").
std::string french_rest(std::string rest)
{
    rest = replace_all(std::move(rest), "1st para.", "1er al.");
    rest = replace_all(std::move(rest), "2nd para.", "2e al.");
    rest = replace_all(std::move(rest), "3rd para.", "3e al.");
    rest = replace_all(std::move(rest), "th para.", "e al.");
    return rest;
}

std::string part_text(std::string_view part, Language language)
{
    const bool fr = language == Language::fr;
    const std::string act = fr ? "RLRQ, c. D-8.3" : "CQLR, c. D-8.3";
    const std::string section = fr ? "art. " : "s. ";
    const auto rest_of = [&](std::string_view rest)
    { return fr ? french_rest(std::string(rest)) : std::string(rest); };
    if (starts_with(part, "r. 3, s. "))
        return act + ", r. 3, " + section + rest_of(part.substr(9));
    if (part == "r. 3")
        return act + ", r. 3";
    if (starts_with(part, "Act s. "))
        return act + ", " + section + rest_of(part.substr(7));
    return std::string(part);
}
} // namespace

std::string legal_reference_text(std::string_view reference, Language language)
{
    std::string result;
    std::size_t start = 0;
    while (start <= reference.size())
    {
        std::size_t end = reference.find(';', start);
        if (end == std::string_view::npos)
            end = reference.size();
        std::string_view part = reference.substr(start, end - start);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty())
        {
            if (!result.empty())
                result += language == Language::fr ? " ; " : "; ";
            result += part_text(part, language);
        }
        if (end == reference.size())
            break;
        start = end + 1;
    }
    return result;
}
} // namespace onepercent::validation
