#include "findings_view.hxx"

#include "engine/number_text.hxx"
#include "html_report.hxx"
#include "legal_reference.hxx"
#include "ui_text.hxx"

#include <algorithm>
#include <tuple>

namespace onepercent::calc_dialog
{
namespace
{
// Column widths of the list, in characters (the list uses a monospaced font).
constexpr std::size_t severity_width = 9;
constexpr std::size_t cell_width = 22;
constexpr std::size_t rule_width = 24;
constexpr std::size_t reference_width = 17;
constexpr std::size_t message_width = 160;

bool is_continuation_byte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

std::string year_text(int year, Language language)
{
    return year > 0 ? std::to_string(year) : std::string(text(Text::unknown, language));
}
} // namespace

std::optional<CellPosition> parse_cell_name(std::string_view cell)
{
    std::size_t index = 0;
    std::size_t column = 0;
    while (index < cell.size() && ((cell[index] >= 'A' && cell[index] <= 'Z') ||
                                   (cell[index] >= 'a' && cell[index] <= 'z')))
    {
        const char letter = static_cast<char>(cell[index] & ~0x20);
        column = column * 26 + static_cast<std::size_t>(letter - 'A' + 1);
        if (column > 16384)
            return std::nullopt;
        ++index;
    }
    if (index == 0 || index == cell.size())
        return std::nullopt;
    std::size_t row = 0;
    for (; index < cell.size(); ++index)
    {
        if (cell[index] < '0' || cell[index] > '9')
            return std::nullopt;
        row = row * 10 + static_cast<std::size_t>(cell[index] - '0');
        if (row > 1048576)
            return std::nullopt;
    }
    if (row == 0)
        return std::nullopt;
    return CellPosition{row - 1, column - 1};
}

std::size_t utf8_length(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char byte) { return !is_continuation_byte(byte); }));
}

std::string fit(std::string_view text, std::size_t width)
{
    std::string result;
    std::size_t characters = 0;
    const std::size_t length = utf8_length(text);
    for (std::size_t index = 0; index < text.size(); ++index)
    {
        if (!is_continuation_byte(text[index]))
        {
            if (length > width && characters + 1 == width)
            {
                result += "…";
                ++characters;
                break;
            }
            if (characters == width)
                break;
            ++characters;
        }
        // Control characters (line breaks in messages) would break the row.
        result += (text[index] == '\n' || text[index] == '\t') ? ' ' : text[index];
    }
    result.append(width > characters ? width - characters : 0, ' ');
    return result;
}

bool SeverityFilter::shows(Severity severity) const
{
    switch (severity)
    {
    case Severity::error:
        return errors;
    case Severity::warning:
        return warnings;
    case Severity::info:
        return infos;
    }
    return true;
}

std::string_view severity_label(Severity severity, Language language)
{
    switch (severity)
    {
    case Severity::error:
        return text(Text::severity_error, language);
    case Severity::warning:
        return text(Text::severity_warning, language);
    case Severity::info:
        return text(Text::severity_info, language);
    }
    return {};
}

std::string location_text(const Finding& finding, Language language)
{
    if (finding.sheet.empty())
        return std::string(text(Text::whole_file, language));
    if (finding.cell.empty())
        return finding.sheet;
    return finding.sheet + "!" + finding.cell;
}

std::string_view message(const Finding& finding, Language language)
{
    const std::string& chosen = language == Language::fr ? finding.message_fr : finding.message_en;
    return chosen.empty() ? std::string_view(finding.message_en) : std::string_view(chosen);
}

std::string_view fix(const Finding& finding, Language language)
{
    const std::string& chosen = language == Language::fr ? finding.fix_fr : finding.fix_en;
    return chosen.empty() ? std::string_view(finding.fix_en) : std::string_view(chosen);
}

std::string date_text(const CivilDate& date)
{
    return civil_date_text(date); // std::to_chars: the same in a French office
}

std::size_t count_of(const Report& report, Severity severity)
{
    return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                  [severity](const Finding& finding)
                                                  { return finding.severity == severity; }));
}

Header header_of(const Report& report, Language language, bool unsaved_changes)
{
    Header header;
    header.workbook = format(text(Text::workbook, language), {report.file});
    if (unsaved_changes)
        header.workbook += std::string(text(Text::unsaved_changes, language));
    header.year_and_employer = format(text(Text::fiscal_year, language),
                                      {year_text(report.figures.fiscal_year, language)});
    if (!report.figures.employer_name.empty())
        header.year_and_employer +=
            " · " + format(text(Text::employer, language), {report.figures.employer_name});
    header.rule_set = format(text(Text::rule_set, language),
                             {report.rule_set_version, date_text(report.rule_set_effective)});
    const std::size_t errors = count_of(report, Severity::error);
    header.counts = format(text(Text::counts, language),
                           {count_text(errors, Text::errors_one, Text::errors_many, language),
                            count_text(count_of(report, Severity::warning), Text::warnings_one,
                                       Text::warnings_many, language),
                            count_text(count_of(report, Severity::info), Text::infos_one,
                                       Text::infos_many, language)});
    if (!report.readable)
    {
        header.verdict = format(text(Text::unreadable, language), {report.read_error});
        return header;
    }
    if (!report.is_template)
    {
        header.verdict = text(Text::not_a_workbook, language);
        header.contribution = text(Text::not_a_workbook_hint, language);
        return header;
    }
    header.compliant = errors == 0;
    header.verdict =
        header.compliant
            ? std::string(text(Text::compliant, language))
            : format(text(Text::not_compliant, language),
                     {count_text(errors, Text::errors_one, Text::errors_many, language)});
    header.contribution =
        report.figures.has_contribution
            ? format(text(Text::contribution, language),
                     {validation::money_text(report.figures.contribution, language)})
            : std::string(text(Text::no_contribution, language));
    // The validator's own figure beside the workbook's, when they differ (issue 10, item 5).
    const std::optional<double> computed = report.figures.computed.contribution;
    if (computed && (!report.figures.has_contribution ||
                     validation::money_text(*computed, language) !=
                         validation::money_text(report.figures.contribution, language)))
        header.contribution += " " + format(text(Text::computed_contribution, language),
                                            {validation::money_text(*computed, language)});
    return header;
}

FindingsView::FindingsView(Report report, std::vector<std::string> sheet_order, Language language)
    : report_(std::move(report))
    , sheet_order_(std::move(sheet_order))
    , language_(language)
{
    // File-level findings first, then by the sheet's tab order (unknown sheets after, by
    // name), then a whole-sheet finding before its cells, then row, column and severity.
    const auto key = [this](const Finding& finding)
    {
        std::size_t sheet_rank = 0;
        if (!finding.sheet.empty())
        {
            const auto found = std::find(sheet_order_.begin(), sheet_order_.end(), finding.sheet);
            sheet_rank = 1 + static_cast<std::size_t>(found - sheet_order_.begin());
        }
        const std::optional<CellPosition> cell = parse_cell_name(finding.cell);
        return std::make_tuple(sheet_rank, finding.sheet, cell.has_value(), cell ? cell->row : 0,
                               cell ? cell->column : 0, static_cast<int>(finding.severity),
                               finding.rule_id);
    };
    ordered_.resize(report_.findings.size());
    for (std::size_t index = 0; index < ordered_.size(); ++index)
        ordered_[index] = index;
    std::stable_sort(ordered_.begin(), ordered_.end(),
                     [&](std::size_t left, std::size_t right)
                     { return key(report_.findings[left]) < key(report_.findings[right]); });
    refresh_rows();
}

void FindingsView::set_filter(SeverityFilter filter)
{
    filter_ = filter;
    refresh_rows();
}

void FindingsView::refresh_rows()
{
    rows_.clear();
    for (std::size_t index : ordered_)
        if (filter_.shows(report_.findings[index].severity))
            rows_.push_back(index);
}

std::string FindingsView::heading() const
{
    return fit(text(Text::column_severity, language_), severity_width) + " " +
           fit(text(Text::column_cell, language_), cell_width) + " " +
           fit(text(Text::column_rule, language_), rule_width) + " " +
           fit(text(Text::column_reference, language_), reference_width) + " " +
           std::string(text(Text::column_message, language_));
}

std::vector<std::string> FindingsView::row_texts() const
{
    std::vector<std::string> texts;
    texts.reserve(rows_.size());
    for (std::size_t index : rows_)
    {
        const Finding& finding = report_.findings[index];
        std::string row =
            fit(severity_label(finding.severity, language_), severity_width) + " " +
            fit(location_text(finding, language_), cell_width) + " " +
            fit(finding.rule_id, rule_width) + " " +
            fit(finding.legal_reference.empty()
                    ? "—"
                    : validation::legal_reference_text(finding.legal_reference, language_),
                reference_width) +
            " " + fit(message(finding, language_), message_width);
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
        texts.push_back(std::move(row));
    }
    return texts;
}

std::vector<std::string> FindingsView::grid_headings() const
{
    return {std::string(text(Text::column_severity, language_)),
            std::string(text(Text::column_location, language_)),
            std::string(text(Text::column_rule, language_)),
            std::string(text(Text::column_reference, language_)),
            std::string(text(Text::column_message, language_))};
}

std::vector<std::vector<std::string>> FindingsView::grid_rows() const
{
    std::vector<std::vector<std::string>> rows;
    rows.reserve(rows_.size());
    for (std::size_t index : rows_)
    {
        const Finding& finding = report_.findings[index];
        rows.push_back({std::string(severity_label(finding.severity, language_)),
                        location_text(finding, language_), finding.rule_id,
                        finding.legal_reference.empty()
                            ? std::string("—")
                            : validation::legal_reference_text(finding.legal_reference, language_),
                        std::string(message(finding, language_))});
    }
    return rows;
}

const Finding* FindingsView::finding_at_row(std::size_t row) const
{
    return row < rows_.size() ? &report_.findings[rows_[row]] : nullptr;
}

std::optional<std::size_t> FindingsView::row_of_finding(std::size_t finding_index) const
{
    const auto found = std::find(rows_.begin(), rows_.end(), finding_index);
    if (found == rows_.end())
        return std::nullopt;
    return static_cast<std::size_t>(found - rows_.begin());
}

std::string FindingsView::detail(const Finding& finding) const
{
    std::string title;
    if (const validation::Rule* rule = validation::find_rule(finding.rule_id))
        title = std::string(language_ == Language::fr ? rule->title_fr : rule->title_en);
    const std::string colon = language_ == Language::fr ? " : " : ": ";
    std::string result = std::string(text(Text::detail_rule, language_)) + colon + finding.rule_id;
    if (!title.empty())
        result += " — " + title;
    result += " (" + std::string(severity_label(finding.severity, language_)) + ")\n";
    if (!finding.legal_reference.empty())
        result += std::string(text(Text::detail_reference, language_)) + colon +
                  validation::legal_reference_text(finding.legal_reference, language_) + "\n";
    result += std::string(text(Text::detail_location, language_)) + colon +
              location_text(finding, language_) + "\n";
    if (!finding.value.empty())
        result += std::string(text(Text::detail_value, language_)) + colon +
                  validation::display_value(finding.value, language_) + "\n";
    result += "\n" + std::string(message(finding, language_)) + "\n";
    const std::string_view suggested = fix(finding, language_);
    if (!suggested.empty())
        result += "\n" + std::string(text(Text::detail_fix, language_)) + colon +
                  std::string(suggested) + "\n";
    return result;
}

std::vector<std::vector<std::string>> FindingsView::report_table() const
{
    constexpr std::size_t columns = 8;
    const Header header = header_of(report_, language_);
    std::vector<std::vector<std::string>> table;
    const auto line = [&](std::string first)
    {
        std::vector<std::string> row(columns);
        row[0] = std::move(first);
        table.push_back(std::move(row));
    };
    line(std::string(text(Text::report_title, language_)));
    line(header.workbook);
    line(header.year_and_employer);
    line(header.rule_set);
    line(header.counts);
    line(header.verdict);
    line(header.contribution);
    line("");
    table.push_back({std::string(text(Text::column_severity, language_)),
                     std::string(text(Text::column_rule, language_)),
                     std::string(text(Text::detail_reference, language_)),
                     std::string(text(Text::column_sheet, language_)),
                     std::string(text(Text::column_cell, language_)),
                     std::string(text(Text::column_value, language_)),
                     std::string(text(Text::column_message, language_)),
                     std::string(text(Text::column_fix, language_))});
    for (std::size_t index : ordered_)
    {
        const Finding& finding = report_.findings[index];
        table.push_back({std::string(severity_label(finding.severity, language_)), finding.rule_id,
                         validation::legal_reference_text(finding.legal_reference, language_),
                         finding.sheet, finding.cell, finding.value,
                         std::string(message(finding, language_)),
                         std::string(fix(finding, language_))});
    }
    return table;
}

Box place_beside(const Box& document_window, const Box& work_area, long width, long height)
{
    Box placed{document_window.x + document_window.width - width, document_window.y + 60, width,
               height};
    // Within the work area: never past its right or bottom edge, then never before its left or
    // top edge (a dialog larger than the screen keeps its title bar and left side visible).
    placed.x = std::min(placed.x, work_area.x + work_area.width - width);
    placed.y = std::min(placed.y, work_area.y + work_area.height - height);
    placed.x = std::max(placed.x, work_area.x);
    placed.y = std::max(placed.y, work_area.y);
    return placed;
}

std::string report_file_name(std::string_view document_name)
{
    std::string_view stem = document_name;
    if (const std::size_t slash = stem.find_last_of("/\\"); slash != std::string_view::npos)
        stem.remove_prefix(slash + 1);
    if (const std::size_t dot = stem.rfind('.'); dot != std::string_view::npos && dot > 0)
        stem = stem.substr(0, dot);
    if (stem.empty())
        return "onepercent-report.html";
    return std::string(stem) + "-onepercent.html";
}

std::string unique_sheet_name(const std::string& base, const std::vector<std::string>& existing)
{
    const auto taken = [&](const std::string& name)
    { return std::find(existing.begin(), existing.end(), name) != existing.end(); };
    if (!taken(base))
        return base;
    for (int number = 2;; ++number)
    {
        std::string candidate = base + " (" + std::to_string(number) + ")";
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace onepercent::calc_dialog
