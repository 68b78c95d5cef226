// The findings of one validation: severity and legal reference from the catalogue, locations,
// check counts, and the order of the report.
#include "finding_list.hxx"

#include <algorithm>

namespace onepercent::validation
{
FindingList::FindingList(const RuleSet& rule_set)
    : rule_set_(rule_set)
{
    // Every rule of the set appears in the counts, so that the report shows what passed.
    for (std::string_view id : rule_set_.rule_ids)
        checks_.emplace(std::string(id), 0);
}

bool FindingList::applies(std::string_view rule_id) const
{
    return std::find(rule_set_.rule_ids.begin(), rule_set_.rule_ids.end(), rule_id) !=
           rule_set_.rule_ids.end();
}

void FindingList::count(std::string_view rule_id, std::size_t checks)
{
    if (applies(rule_id))
        checks_[std::string(rule_id)] += checks;
}

void FindingList::add(std::string_view rule_id,
                      Entry entry,
                      std::string value,
                      Wording wording,
                      std::optional<Severity> severity)
{
    if (!applies(rule_id))
        return;
    const Rule* rule = find_rule(rule_id);
    Finding& finding = entry.finding;
    finding.rule_id = std::string(rule_id);
    finding.severity = severity ? *severity : (rule ? rule->severity : Severity::error);
    finding.legal_reference = rule ? std::string(rule->legal_reference) : std::string();
    finding.value = std::move(value);
    finding.message_en = std::move(wording.message_en);
    finding.message_fr = std::move(wording.message_fr);
    finding.fix_en = std::move(wording.fix_en);
    finding.fix_fr = std::move(wording.fix_fr);
    entries_.push_back(std::move(entry));
}

void FindingList::add_file(std::string_view rule_id,
                           std::string value,
                           Wording wording,
                           std::optional<Severity> severity)
{
    add(rule_id, Entry{Finding{}, -1, 0, 0, false}, std::move(value), std::move(wording), severity);
}

void FindingList::add_sheet(std::string_view rule_id,
                            const LocatedSheet& sheet,
                            std::string value,
                            Wording wording)
{
    Entry entry{Finding{}, static_cast<long>(sheet.order), 0, 0, false};
    entry.finding.sheet = sheet.sheet ? sheet.sheet->name : std::string();
    add(rule_id, std::move(entry), std::move(value), std::move(wording), std::nullopt);
}

void FindingList::add_cell(std::string_view rule_id,
                           const LocatedSheet& sheet,
                           std::size_t row,
                           std::size_t column,
                           std::string value,
                           Wording wording)
{
    Entry entry{Finding{}, static_cast<long>(sheet.order), row, column, true};
    entry.finding.sheet = sheet.sheet ? sheet.sheet->name : std::string();
    entry.finding.cell = cell_name(row, column);
    add(rule_id, std::move(entry), std::move(value), std::move(wording), std::nullopt);
}

void FindingList::add_cell(std::string_view rule_id,
                           const CellRef& cell,
                           std::string value,
                           Wording wording)
{
    if (cell.sheet == nullptr)
        return;
    if (!cell.found)
    {
        add_sheet(rule_id, *cell.sheet, std::move(value), std::move(wording));
        return;
    }
    add_cell(rule_id, *cell.sheet, cell.row, cell.column, std::move(value), std::move(wording));
}

bool FindingList::has_cell(std::string_view rule_id, const CellRef& cell) const
{
    if (!cell.found || cell.sheet == nullptr)
        return false;
    for (const Entry& entry : entries_)
        if (entry.on_cell && entry.finding.rule_id == rule_id &&
            entry.order == static_cast<long>(cell.sheet->order) && entry.row == cell.row &&
            entry.column == cell.column)
            return true;
    return false;
}

std::vector<Finding> FindingList::sorted() const
{
    std::vector<const Entry*> order;
    for (const Entry& entry : entries_)
        order.push_back(&entry);
    std::stable_sort(order.begin(), order.end(),
                     [](const Entry* left, const Entry* right)
                     {
                         if (left->order != right->order)
                             return left->order < right->order;
                         if (left->on_cell != right->on_cell)
                             return !left->on_cell; // a whole sheet before its cells
                         if (left->row != right->row)
                             return left->row < right->row;
                         return left->column < right->column;
                     });
    std::vector<Finding> findings;
    findings.reserve(order.size());
    for (const Entry* entry : order)
        findings.push_back(entry->finding);
    return findings;
}

} // namespace onepercent::validation
