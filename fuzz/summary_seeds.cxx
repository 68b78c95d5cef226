// Writes the summary fuzzer's seeds into a folder: portfolio summaries as onepercent-validate
// writes them (a client's two years with a broken chain, findings across files, a file not
// validated, hostile texts), one file each.
#include "portfolio_summary.hxx"

#include <fstream>
#include <string>

using namespace onepercent;
using namespace onepercent::validation;

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    SummaryRow first;
    first.file = "clients/usinage/2025.ods";
    first.client = "Usinage Laurentides inc.";
    first.neq = "1178543210";
    first.fiscal_year = 2025;
    first.template_version = "1.1";
    first.computed = {true, 2'480'000, 24'800, 21'097.29, 1'250, 2'452.71, 0};
    first.workbook = first.computed;
    first.carried_in_location = "Summary!B11";
    first.reader = "direct";
    first.sha256 = std::string(64, 'a');
    first.retention_until = CivilDate{2031, 12, 31};
    first.tool_version = "0.1.0";
    first.rule_set_version = "2024.1";
    SummaryRow second = first;
    second.file = "clients/usinage/2026.ods";
    second.fiscal_year = 2026;
    second.sha256 = std::string(64, 'b');
    second.retention_until = CivilDate{2032, 12, 31};
    second.errors = 1;
    second.warnings = 1;
    second.across_files = {
        {"R-ACT-CARRY-CHAIN", Severity::error, "Summary!B11", "line 75 \"x\"", "ligne 75 « x »"},
        {"R-S7-CLAIMED-TWICE", Severity::warning, "Expenses!L2", "twice", "deux fois"}};
    SummaryRow hostile = first;
    hostile.file = "=cmd|' /C calc'!A0.ods";
    hostile.client = "<script>alert(1)</script>\n\t\"é\\";
    hostile.neq = "";
    hostile.sha256 = std::string(64, 'c');
    hostile.computed = {};
    SummaryRow unreadable;
    unreadable.file = "broken.xlsx";
    unreadable.readable = false;
    unreadable.read_error = "damaged";
    int count = 0;
    auto write = [&](const std::vector<SummaryRow>& rows)
    {
        std::ofstream(std::string(argv[1]) + "/summary-" + std::to_string(count++) + ".json",
                      std::ios::binary)
            << format_summary(rows, SummaryFormat::json, Language::en, {"2026-01-01 00:00 UTC"});
    };
    write({first, second});
    write({second});
    write({first, hostile, unreadable});
    write({});
    return 0;
}
