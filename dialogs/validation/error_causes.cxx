// T-ERROR-VALUE's causes: the engine's own checks on a row's inputs (issue 10, item 2).
#include "error_causes.hxx"

#include <cmath>
#include <functional>

namespace onepercent::validation
{
namespace
{
// Deep enough for Summary <- Participation <- Employees; bounded whatever the workbook.
constexpr int max_depth = 4;

std::string location_of(const LocatedSheet& located, std::size_t row, std::size_t column)
{
    return located.sheet->name + "!" + cell_name(row, column);
}

std::string location_of(const CellRef& ref)
{
    return location_of(*ref.sheet, ref.row, ref.column);
}

// Runs an engine call; its InputError is the cause, blamed on `source`.
std::optional<ErrorCause> engine_says(const std::string& source, const std::function<void()>& call)
{
    try
    {
        call();
    }
    catch (const InputError& error)
    {
        return ErrorCause{source, error.message(Language::en), error.message(Language::fr)};
    }
    catch (const std::exception&)
    {
    }
    return std::nullopt;
}

std::optional<double> number_in(const CellRef& ref)
{
    if (!ref.found)
        return std::nullopt;
    const Cell& cell = ref.cell();
    if (cell.kind != Cell::Kind::number || !std::isfinite(cell.number))
        return std::nullopt;
    return cell.number;
}

// A number input the formula reads as 0 when empty (the add-in's omitted optional cell).
std::optional<double> number_or_zero(const CellRef& ref)
{
    if (ref.found && ref.cell().kind == Cell::Kind::empty)
        return 0.0;
    return number_in(ref);
}

std::string text_in(const CellRef& ref)
{
    if (!ref.found)
        return {};
    const Cell& cell = ref.cell();
    if (cell.kind == Cell::Kind::text)
        return cell.text;
    if (cell.kind == Cell::Kind::number)
        return number_text(cell.number);
    return {};
}

bool shows_error(const CellRef& ref)
{
    return ref.found && ref.cell().kind == Cell::Kind::error;
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    return text.substr(start);
}

class Causes
{
  public:
    explicit Causes(const TemplateView& view)
        : view_(view)
    {
    }

    std::optional<ErrorCause>
    of(const LocatedSheet& located, std::size_t row, std::size_t column, int depth) const
    {
        if (depth > max_depth || !located.found())
            return std::nullopt;
        const std::string key = field_at(located, row, column);
        switch (located.spec->key)
        {
        case SheetKey::employees:
            if (key == "hourly_rate")
                return hourly_rate(located, row);
            break;
        case SheetKey::participation:
            if (key == "wages")
                return wages(located, row, depth);
            if (key == "contributions")
                return contributions(located, row, depth);
            if (key == "eligible_amount") // wages + contributions, net of assistance
                for (const char* part : {"wages", "contributions"})
                {
                    const CellRef ref = table_cell(located, row, part);
                    if (shows_error(ref))
                        return of(located, row, ref.column, depth + 1);
                }
            break;
        case SheetKey::expenses:
            if (key == "net_amount" || key == "eligible_amount")
                return net_amount(located, row);
            break;
        case SheetKey::summary:
            return summary(depth);
        default:
            break;
        }
        return std::nullopt;
    }

  private:
    // The field whose column (tables) or row (forms) holds the cell; "" for none.
    static std::string field_at(const LocatedSheet& located, std::size_t row, std::size_t column)
    {
        for (const auto& [key, position] : located.positions)
            if (position == (located.spec->table ? column : row))
                return std::string(key);
        return {};
    }

    const LocatedSheet& sheet(SheetKey key) const { return view_[key]; }

    std::optional<int> year(std::string& source) const
    {
        const CellRef ref = form_cell(sheet(SheetKey::employer), "year");
        if (!ref.found)
            return std::nullopt;
        source = location_of(ref);
        const std::optional<double> value = number_in(ref);
        if (!value || *value != std::floor(*value) || std::abs(*value) > 1e6)
            return std::nullopt;
        return static_cast<int>(*value);
    }

    // The Employees row of an employee ID.
    std::optional<std::size_t> employee_row(const std::string& id) const
    {
        const LocatedSheet& employees = sheet(SheetKey::employees);
        if (!employees.found() || id.empty())
            return std::nullopt;
        for (std::size_t row : employees.data_rows)
            if (trimmed(text_in(table_cell(employees, row, "employee_id"))) == id)
                return row;
        return std::nullopt;
    }

    // =TRAINING.HOURLYRATE(pay amount; pay basis)
    std::optional<ErrorCause> hourly_rate(const LocatedSheet& employees, std::size_t row) const
    {
        const CellRef basis = table_cell(employees, row, "pay_basis");
        const CellRef amount = table_cell(employees, row, "pay_amount");
        if (!basis.found || !amount.found)
            return std::nullopt;
        PayPeriod period = PayPeriod::year;
        if (auto cause =
                engine_says(location_of(basis), [&] { period = parse_pay_period(text_in(basis)); }))
            return cause;
        const std::optional<double> value = number_or_zero(amount);
        if (!value)
            return std::nullopt;
        return engine_says(location_of(amount), [&] { onepercent::hourly_rate(*value, period); });
    }

    // The employee's hourly rate as the row's formula reads it; a cause when it cannot.
    std::optional<ErrorCause> employee_rate(const LocatedSheet& participation,
                                            std::size_t row,
                                            int depth,
                                            std::optional<double>& rate,
                                            std::optional<std::size_t>& employee) const
    {
        const CellRef id = table_cell(participation, row, "employee_id");
        employee = employee_row(trimmed(text_in(id)));
        if (!employee)
            return std::nullopt;
        const LocatedSheet& employees = sheet(SheetKey::employees);
        const CellRef shown = table_cell(employees, *employee, "hourly_rate");
        if (shows_error(shown))
            return of(employees, *employee, shown.column, depth + 1);
        rate = number_in(shown);
        return std::nullopt;
    }

    // =TRAINING.WAGES(hours; employee's hourly rate)
    std::optional<ErrorCause>
    wages(const LocatedSheet& participation, std::size_t row, int depth) const
    {
        std::optional<double> rate;
        std::optional<std::size_t> employee;
        if (auto cause = employee_rate(participation, row, depth, rate, employee))
            return cause;
        const CellRef hours_ref = table_cell(participation, row, "hours");
        const std::optional<double> hours = number_or_zero(hours_ref);
        if (!rate || !hours)
            return std::nullopt;
        return engine_says(location_of(hours_ref), [&] { training_wages(*hours, *rate); });
    }

    // =TRAINING.CONTRIBUTIONS(year; wages; annual salary; CNESST rate)
    std::optional<ErrorCause>
    contributions(const LocatedSheet& participation, std::size_t row, int depth) const
    {
        std::string year_source;
        const std::optional<int> fiscal_year = year(year_source);
        if (fiscal_year)
            if (auto cause = engine_says(year_source, [&] { contribution_rates(*fiscal_year); }))
                return cause;
        const CellRef wages_ref = table_cell(participation, row, "wages");
        if (shows_error(wages_ref))
            return of(participation, row, wages_ref.column, depth + 1);
        std::optional<double> rate;
        std::optional<std::size_t> employee;
        if (auto cause = employee_rate(participation, row, depth, rate, employee))
            return cause;
        const std::optional<double> wages_value = number_in(wages_ref);
        if (!fiscal_year || !employee || !wages_value)
            return std::nullopt;
        const LocatedSheet& employees = sheet(SheetKey::employees);
        const CellRef salary = table_cell(employees, *employee, "annual_salary");
        const CellRef cnesst = table_cell(employees, *employee, "cnesst_rate");
        const std::optional<double> salary_value = number_or_zero(salary);
        const std::optional<double> cnesst_value = number_or_zero(cnesst);
        if (!salary_value || !cnesst_value)
            return std::nullopt;
        return engine_says(location_of(salary),
                           [&]
                           {
                               employer_contributions(*fiscal_year, *wages_value, *salary_value,
                                                      *cnesst_value, std::nullopt);
                           });
    }

    // =TRAINING.NETOFASSISTANCE(amount; assistance; exempt category); the eligible amount
    // reads the net amount.
    std::optional<ErrorCause> net_amount(const LocatedSheet& expenses, std::size_t row) const
    {
        const CellRef category = form_cell(sheet(SheetKey::employer), "exempt_category");
        AssistanceExemption exemption = AssistanceExemption::none;
        if (category.found)
            if (auto cause =
                    engine_says(location_of(category),
                                [&] { exemption = parse_assistance_exemption(text_in(category)); }))
                return cause;
        const CellRef amount_ref = table_cell(expenses, row, "amount");
        const CellRef assistance_ref = table_cell(expenses, row, "assistance");
        const std::optional<double> amount = number_or_zero(amount_ref);
        const std::optional<double> assistance = number_or_zero(assistance_ref);
        if (!amount || !assistance || !amount_ref.found)
            return std::nullopt;
        return engine_says(*amount < 0 || !assistance_ref.found ? location_of(amount_ref)
                                                                : location_of(assistance_ref),
                           [&] { net_of_assistance(*amount, *assistance, exemption); });
    }

    // The Summary's lines read the Employer's year and payroll and the detail's totals: the
    // year's own cause first, then the first computed detail cell that shows an error.
    std::optional<ErrorCause> summary(int depth) const
    {
        std::string year_source;
        if (const std::optional<int> fiscal_year = year(year_source))
            if (auto cause = engine_says(year_source, [&] { payroll_threshold(*fiscal_year); }))
                return cause;
        const struct
        {
            SheetKey sheet;
            const char* keys[2];
        } detail[] = {{SheetKey::participation, {"wages", "contributions"}},
                      {SheetKey::expenses, {"net_amount", "eligible_amount"}}};
        for (const auto& part : detail)
        {
            const LocatedSheet& located = sheet(part.sheet);
            if (!located.found())
                continue;
            for (std::size_t row : located.data_rows)
                for (const char* key : part.keys)
                {
                    const CellRef ref = table_cell(located, row, key);
                    if (shows_error(ref))
                        if (auto cause = of(located, row, ref.column, depth + 1))
                            return cause;
                }
        }
        return std::nullopt;
    }

    const TemplateView& view_;
};
} // namespace

std::optional<ErrorCause> error_cause(const TemplateView& view,
                                      const LocatedSheet& located,
                                      std::size_t row,
                                      std::size_t column)
{
    return Causes(view).of(located, row, column, 0);
}
} // namespace onepercent::validation
