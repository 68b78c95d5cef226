// Internal to the validator: the findings and check counts of one validation, restricted to
// the rules of the rule set in force.
#pragma once

#include "template_reader.hxx"
#include "validator.hxx"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onepercent::validation
{
// What a finding says, in both languages.
struct Wording
{
    std::string message_en;
    std::string message_fr;
    std::string fix_en;
    std::string fix_fr;
};

class FindingList
{
  public:
    explicit FindingList(const RuleSet& rule_set);

    // Whether the rule set applies the rule.
    bool applies(std::string_view rule_id) const;
    // Counts checks made; ignored for rules the set does not apply.
    void count(std::string_view rule_id, std::size_t checks = 1);

    // On the whole file.
    void add_file(std::string_view rule_id,
                  std::string value,
                  Wording wording,
                  std::optional<Severity> severity = std::nullopt);
    // On a sheet as a whole.
    void add_sheet(std::string_view rule_id,
                   const LocatedSheet& sheet,
                   std::string value,
                   Wording wording);
    // On one cell.
    void add_cell(std::string_view rule_id,
                  const LocatedSheet& sheet,
                  std::size_t row,
                  std::size_t column,
                  std::string value,
                  Wording wording);
    void
    add_cell(std::string_view rule_id, const CellRef& cell, std::string value, Wording wording);

    // Whether a finding of the rule is already on the cell.
    bool has_cell(std::string_view rule_id, const CellRef& cell) const;
    std::size_t size() const { return entries_.size(); }

    // Sorted: file-level findings first, then by sheet order, row and column.
    std::vector<Finding> sorted() const;
    const std::map<std::string, std::size_t>& checks() const { return checks_; }

  private:
    struct Entry
    {
        Finding finding;
        long order;      // -1: the file
        std::size_t row; // rows and columns: sheet-level findings first
        std::size_t column;
        bool on_cell;
    };
    void add(std::string_view rule_id,
             Entry entry,
             std::string value,
             Wording wording,
             std::optional<Severity> severity);

    const RuleSet& rule_set_;
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> checks_;
};

} // namespace onepercent::validation
