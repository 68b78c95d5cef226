// The model stream: the Workbook as compact records (sparse cells), written by the reader as
// it goes and decoded into the dense model with every count, index and length checked.
#include "reader_internal.hxx"

#include <algorithm>
#include <cstring>
#include <limits>

namespace onepercent::direct_reader::detail
{
namespace
{
constexpr unsigned char kind_empty = 0, kind_number = 1, kind_text = 2, kind_error = 3;
constexpr unsigned char formula_flag = 0x10;

void put_varint(std::string& out, std::uint64_t value)
{
    while (value >= 0x80)
    {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void put_string(std::string& out, std::string_view text)
{
    put_varint(out, text.size());
    out.append(text);
}

void put_double(std::string& out, double value)
{
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out.append(bytes, sizeof bytes);
}

// 10000000 as "10,000,000" (en) or "10 000 000" (fr, no-break spaces).
std::string grouped(std::size_t number, std::string_view separator)
{
    const std::string digits = std::to_string(number);
    std::string out;
    for (std::size_t index = 0; index < digits.size(); ++index)
    {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            out += separator;
        out += digits[index];
    }
    return out;
}

// The same words as the UNO reader's refusal (dialogs/uno_workbook/workbook_reader.cxx).
[[noreturn]] void too_many_cells(std::size_t limit,
                                 const std::string& sheet,
                                 std::uint64_t rows,
                                 std::uint64_t columns)
{
    const std::string last = validation::cell_name(static_cast<std::size_t>(rows - 1),
                                                   static_cast<std::size_t>(columns - 1));
    const auto area = static_cast<std::size_t>(rows * columns);
    unreadable(
        "the workbook is too large to validate: the sheet \"" + sheet + "\" reaches " + last +
            " (" + grouped(area, ",") + " cells from A1), and a workbook may hold at most " +
            grouped(limit, ",") + " cells; delete the stray cells past the data",
        "le classeur est trop grand pour être validé : la feuille « " + sheet + " » va jusqu'à " +
            last + " (" + grouped(area, "\u00A0") +
            " cellules depuis A1), et un classeur peut en compter au plus " +
            grouped(limit, "\u00A0") + " ; supprimer les cellules isolées au-delà des données");
}

class Decoder
{
  public:
    explicit Decoder(std::string_view bytes)
        : bytes_(bytes)
    {
    }
    bool done() const { return position_ >= bytes_.size(); }
    unsigned char byte()
    {
        need(1);
        return static_cast<unsigned char>(bytes_[position_++]);
    }
    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            const unsigned char next = byte();
            value |= static_cast<std::uint64_t>(next & 0x7F) << shift;
            if (!(next & 0x80))
                return value;
        }
        bad();
    }
    std::string_view string()
    {
        const std::uint64_t size = varint();
        need(size);
        const std::string_view text = bytes_.substr(position_, static_cast<std::size_t>(size));
        position_ += static_cast<std::size_t>(size);
        return text;
    }
    double number()
    {
        double value = 0.0;
        need(sizeof value);
        std::memcpy(&value, bytes_.data() + position_, sizeof value);
        position_ += sizeof value;
        return value;
    }
    [[noreturn]] static void bad()
    {
        unreadable("the reader's output is inconsistent", "la sortie du lecteur est incohérente");
    }

  private:
    void need(std::uint64_t size) const
    {
        if (size > bytes_.size() - position_)
            unreadable("the reader stopped before the end of the file",
                       "le lecteur s'est arrêté avant la fin du fichier");
    }
    std::string_view bytes_;
    std::size_t position_ = 0;
};
} // namespace

void unreadable(std::string en, std::string fr)
{
    throw ReadError(Status::unreadable, {std::move(en), std::move(fr)});
}

void needs_office(std::string en, std::string fr)
{
    throw ReadError(Status::needs_office, {std::move(en), std::move(fr)});
}

ModelWriter::ModelWriter(ByteSink& sink, const Limits& limits)
    : sink_(sink)
    , limits_(limits)
{
}

void ModelWriter::null_date(CivilDate date)
{
    std::string record = "D";
    put_varint(record, static_cast<std::uint64_t>(static_cast<std::int64_t>(date.year) + 100000));
    put_varint(record, static_cast<std::uint64_t>(date.month));
    put_varint(record, static_cast<std::uint64_t>(date.day));
    sink_.write(record.data(), record.size());
}

void ModelWriter::property(std::string_view name, std::string_view value)
{
    std::string record = "P";
    put_string(record, name);
    put_string(record, value);
    sink_.write(record.data(), record.size());
}

void ModelWriter::advice(const Message& message)
{
    if (advised_)
        return;
    advised_ = true;
    std::string record = "A";
    put_string(record, message.en);
    put_string(record, message.fr);
    sink_.write(record.data(), record.size());
}

void ModelWriter::begin_sheet(std::string_view name)
{
    if (in_sheet_)
        end_sheet();
    if (sheets_ >= 10000) // LibreOffice's limit on sheets
        unreadable("the workbook has more than 10,000 sheets",
                   "le classeur a plus de 10\u00A0000 feuilles");
    sheet_name_.assign(name);
    cells_.clear();
    cell_count_ = 0;
    rows_ = columns_ = 0;
    in_sheet_ = true;
}

void ModelWriter::reserve_area(std::uint64_t rows, std::uint64_t columns)
{
    rows = std::max(rows, rows_);
    columns = std::max(columns, columns_);
    if (rows > max_rows)
        rows = max_rows;
    if (columns > max_columns)
        columns = max_columns;
    // Both below 2^21: no overflow.
    if (rows * columns > limits_.max_cells || finished_area_ + rows * columns > limits_.max_cells)
        too_many_cells(limits_.max_cells, sheet_name_, rows, columns);
}

bool ModelWriter::cell_header(std::uint32_t row, std::uint32_t column, unsigned char tag)
{
    if (!in_sheet_ || row >= max_rows || column >= max_columns)
        return false;
    const std::uint64_t rows = std::max<std::uint64_t>(rows_, row + 1ull);
    const std::uint64_t columns = std::max<std::uint64_t>(columns_, column + 1ull);
    if (rows != rows_ || columns != columns_)
    {
        if (finished_area_ + rows * columns > limits_.max_cells)
            too_many_cells(limits_.max_cells, sheet_name_, rows, columns);
        rows_ = rows;
        columns_ = columns;
    }
    put_varint(cells_, row);
    put_varint(cells_, column);
    cells_ += static_cast<char>(tag);
    ++cell_count_;
    return true;
}

void ModelWriter::number(std::uint32_t row, std::uint32_t column, double value, bool formula)
{
    if (cell_header(row, column, kind_number | (formula ? formula_flag : 0)))
        put_double(cells_, value);
}

void ModelWriter::text(std::uint32_t row,
                       std::uint32_t column,
                       std::string_view value,
                       bool formula)
{
    // getDataArray gives an empty string for an empty text: the UNO reader keeps it empty.
    if (value.empty())
    {
        if (formula)
            empty_formula(row, column);
        return;
    }
    if (cell_header(row, column, kind_text | (formula ? formula_flag : 0)))
        put_string(cells_, value);
}

void ModelWriter::error(std::uint32_t row,
                        std::uint32_t column,
                        std::string_view shown,
                        bool formula)
{
    if (cell_header(row, column, kind_error | (formula ? formula_flag : 0)))
        put_string(cells_, shown);
}

void ModelWriter::empty_formula(std::uint32_t row, std::uint32_t column)
{
    cell_header(row, column, kind_empty | formula_flag);
}

void ModelWriter::end_sheet()
{
    if (!in_sheet_)
        return;
    std::string header = "S";
    put_string(header, sheet_name_);
    put_varint(header, rows_);
    put_varint(header, columns_);
    put_varint(header, cell_count_);
    put_varint(header, cells_.size());
    sink_.write(header.data(), header.size());
    sink_.write(cells_.data(), cells_.size());
    finished_area_ += rows_ * columns_;
    cells_.clear();
    cells_.shrink_to_fit();
    in_sheet_ = false;
    ++sheets_;
}

void ModelWriter::finish()
{
    end_sheet();
    std::string record = "E";
    record += static_cast<char>(Status::read);
    put_string(record, "");
    put_string(record, "");
    sink_.write(record.data(), record.size());
}

void write_failure(ByteSink& sink, Status status, const Message& message)
{
    std::string record = "E";
    record += static_cast<char>(status);
    put_string(record, message.en);
    put_string(record, message.fr);
    sink.write(record.data(), record.size());
}

void ArrayRanges::add(std::uint64_t first_row,
                      std::uint64_t first_column,
                      std::uint64_t last_row,
                      std::uint64_t last_column)
{
    if (last_row < first_row || last_column < first_column ||
        (last_row == first_row && last_column == first_column))
        return;
    if (ranges_.size() >= 1000)
        unreadable("more than 1,000 array formulas span one row",
                   "plus de 1\u00A0000 formules matricielles couvrent une ligne");
    ranges_.push_back({first_row, first_column, last_row, last_column});
}

void ArrayRanges::start_row(std::uint64_t row)
{
    if (!ranges_.empty())
        ranges_.erase(std::remove_if(ranges_.begin(), ranges_.end(),
                                     [row](const Range& range) { return range.last_row < row; }),
                      ranges_.end());
}

bool ArrayRanges::contains(std::uint64_t row, std::uint64_t column) const
{
    for (const Range& range : ranges_)
        if (row >= range.first_row && row <= range.last_row && column >= range.first_column &&
            column <= range.last_column)
            return true;
    return false;
}

Result decode_model(std::string_view bytes, const std::string& file_name, const Limits& limits)
{
    Result result;
    result.workbook.file_name = file_name;
    try
    {
        Decoder in(bytes);
        std::uint64_t area = 0;
        while (true)
        {
            const unsigned char tag = in.byte();
            if (tag == 'E')
            {
                const unsigned char status = in.byte();
                result.reason.en = std::string(in.string());
                result.reason.fr = std::string(in.string());
                if (status > static_cast<unsigned char>(Status::unreadable) || !in.done())
                    Decoder::bad();
                result.status = static_cast<Status>(status);
                if (result.status != Status::read)
                {
                    result.workbook.sheets.clear();
                    result.office_advice.reset();
                }
                return result;
            }
            if (tag == 'D')
            {
                const std::uint64_t year = in.varint(), month = in.varint(), day = in.varint();
                if (year < 100000 - 10000 || year > 100000 + 10000 || month < 1 || month > 12 ||
                    day < 1 || day > 31)
                    Decoder::bad();
                result.workbook.null_date = {
                    static_cast<int>(static_cast<std::int64_t>(year) - 100000),
                    static_cast<int>(month), static_cast<int>(day)};
            }
            else if (tag == 'P')
            {
                const std::string name(in.string());
                result.workbook.properties[name] = std::string(in.string());
            }
            else if (tag == 'A')
            {
                Message advice;
                advice.en = std::string(in.string());
                advice.fr = std::string(in.string());
                if (!result.office_advice)
                    result.office_advice = std::move(advice);
            }
            else if (tag == 'S')
            {
                validation::Sheet sheet;
                sheet.name = std::string(in.string());
                const std::uint64_t rows = in.varint(), columns = in.varint();
                const std::uint64_t count = in.varint(), size = in.varint();
                (void)size;
                if (rows > max_rows || columns > max_columns)
                    Decoder::bad();
                area += rows * columns;
                if (area > limits.max_cells)
                    too_many_cells(limits.max_cells, sheet.name, rows, columns);
                if (count > rows * columns)
                    Decoder::bad();
                sheet.rows = static_cast<std::size_t>(rows);
                sheet.columns = static_cast<std::size_t>(columns);
                sheet.cells.resize(sheet.rows * sheet.columns);
                for (std::uint64_t index = 0; index < count; ++index)
                {
                    const std::uint64_t row = in.varint(), column = in.varint();
                    const unsigned char cell_tag = in.byte();
                    if (row >= rows || column >= columns || (cell_tag & ~(formula_flag | 3)))
                        Decoder::bad();
                    validation::Cell& cell =
                        sheet.cells[static_cast<std::size_t>(row * columns + column)];
                    cell = validation::Cell();
                    if (cell_tag & formula_flag)
                        cell.formula = "=";
                    switch (cell_tag & 3)
                    {
                    case kind_empty:
                        break;
                    case kind_number:
                        cell.kind = validation::Cell::Kind::number;
                        cell.number = in.number();
                        break;
                    case kind_text:
                        cell.kind = validation::Cell::Kind::text;
                        cell.text = std::string(in.string());
                        break;
                    case kind_error:
                        cell.kind = validation::Cell::Kind::error;
                        cell.text = std::string(in.string());
                        break;
                    }
                }
                result.workbook.sheets.push_back(std::move(sheet));
            }
            else
                Decoder::bad();
        }
    }
    catch (const ReadError& error)
    {
        result = Result();
        result.workbook.file_name = file_name;
        result.status = error.status();
        result.reason = error.message();
    }
    catch (const std::bad_alloc&)
    {
        result = Result();
        result.workbook.file_name = file_name;
        result.status = Status::unreadable;
        result.reason = {"not enough memory to hold the workbook",
                         "pas assez de mémoire pour le classeur"};
    }
    return result;
}

} // namespace onepercent::direct_reader::detail
