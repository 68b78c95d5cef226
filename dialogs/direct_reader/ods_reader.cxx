// OpenDocument spreadsheets (.ods/.ots zipped, .fods flat): our own handlers over the SAX
// parser (orcus 0.17's ODS filter drops text, date and error formula results). Cell values
// are read as LibreOffice 7.4 imports them (sc/source/filter/xml/xmlcelli.cxx), checked cell
// by cell against the office in tests/direct_reader/test_differential.py:
//  - office:value-type float/percentage/currency: office:value; date: office:date-value as a
//    serial from the null date; time: office:time-value in days; boolean: 1 or 0;
//  - string: office:string-value, else the paragraphs joined by line feeds (text:s spaces,
//    text:span and text:a text; other elements inside a paragraph lose their text);
//  - calcext:value-type="error": the paragraph names the error;
//  - a formula with no value type shows its paragraph's text (LibreOffice stores an empty
//    string result as <text:p/>), and with no paragraph either it has no stored result;
//  - table:number-columns-repeated and table:number-rows-repeated expanded for cells with
//    content only, within the cell limit.
#include "reader_internal.hxx"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace onepercent::direct_reader::detail
{
namespace
{
constexpr std::string_view spreadsheet_mime = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view template_mime =
    "application/vnd.oasis.opendocument.spreadsheet-template";

bool spreadsheet_type(std::string_view mime)
{
    return mime == spreadsheet_mime || mime == template_mime;
}

std::uint64_t repeat_count(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0)
        return 1;
    return std::min<std::uint64_t>(value, 1ull << 31);
}

enum class Ctx : unsigned char
{
    root,
    meta,
    generator,
    user_defined,
    body,
    spreadsheet,
    calculation_settings,
    table,
    rows, // a container of rows inside a table
    row,
    cell,
    paragraph,
    span,
    link,
    field,
    ignored
};

struct CellData
{
    enum class Kind : unsigned char
    {
        empty,
        number,
        text,
        error
    } kind = Kind::empty;
    bool formula = false;
    double number = 0.0;
    std::string text;
};

class OdfHandler : public XmlHandler
{
  public:
    OdfHandler(ModelWriter& writer, bool flat)
        : writer_(writer)
        , flat_(flat)
    {
        contexts_.reserve(64);
    }

    void start_element(Ns ns,
                       std::string_view name,
                       const XmlAttribute* attributes,
                       std::size_t count) override
    {
        const Ctx parent = contexts_.empty() ? Ctx::root : contexts_.back();
        Ctx next = Ctx::ignored;
        switch (parent)
        {
        case Ctx::root:
            if (contexts_.empty())
            {
                root(ns, name, attributes, count);
                next = Ctx::root;
            }
            else if (ns == Ns::office && name == "meta")
                next = Ctx::meta;
            else if (ns == Ns::office && name == "body")
                next = Ctx::body;
            break;
        case Ctx::meta:
            if (ns == Ns::meta && name == "generator")
            {
                next = Ctx::generator;
                collected_.clear();
            }
            else if (ns == Ns::meta && name == "user-defined")
            {
                next = Ctx::user_defined;
                collected_.clear();
                property_name_ = std::string(attribute(attributes, count, Ns::meta, "name"));
                property_type_ = std::string(attribute(attributes, count, Ns::meta, "value-type"));
            }
            break;
        case Ctx::body:
            if (ns == Ns::office && name == "spreadsheet")
            {
                next = Ctx::spreadsheet;
                saw_spreadsheet_ = true;
            }
            else if (ns == Ns::office)
                unreadable("the document is not a spreadsheet (office:" + std::string(name) + ")",
                           "le document n'est pas un classeur (office:" + std::string(name) + ")");
            break;
        case Ctx::spreadsheet:
            if (ns == Ns::table && name == "calculation-settings")
                next = Ctx::calculation_settings;
            else if (ns == Ns::table && name == "table")
            {
                next = Ctx::table;
                sheet_ = std::string(attribute(attributes, count, Ns::table, "name"));
                writer_.begin_sheet(sheet_);
                row_ = 0;
            }
            break;
        case Ctx::calculation_settings:
            if (ns == Ns::table && name == "null-date")
            {
                bool found = false;
                const std::string_view value =
                    attribute(attributes, count, Ns::table, "date-value", &found);
                if (found)
                {
                    const auto date = parse_civil_date(value);
                    if (!date)
                        unreadable("the null date " + std::string(value) + " is not a date",
                                   "la date zéro " + std::string(value) + " n'est pas une date");
                    null_date_ = *date;
                    writer_.null_date(null_date_);
                }
            }
            break;
        case Ctx::table:
        case Ctx::rows:
            if (ns == Ns::table && name == "table-row")
            {
                next = Ctx::row;
                start_row(attribute(attributes, count, Ns::table, "number-rows-repeated"));
            }
            else if (ns == Ns::table && (name == "table-header-rows" || name == "table-rows" ||
                                         name == "table-row-group"))
                next = Ctx::rows;
            break;
        case Ctx::row:
            if (ns == Ns::table && (name == "table-cell" || name == "covered-table-cell"))
            {
                next = Ctx::cell;
                start_cell(attributes, count);
            }
            break;
        case Ctx::cell:
            if (ns == Ns::text && name == "p")
            {
                next = Ctx::paragraph;
                if (has_paragraph_)
                    paragraphs_ += '\n';
                has_paragraph_ = true;
            }
            break;
        case Ctx::paragraph:
        case Ctx::span:
            next = inline_element(parent, ns, name, attributes, count);
            break;
        case Ctx::generator:
        case Ctx::user_defined:
        case Ctx::link:
        case Ctx::field:
        case Ctx::ignored:
            break;
        }
        contexts_.push_back(next);
    }

    void end_element(Ns, std::string_view) override
    {
        const Ctx context = contexts_.back();
        contexts_.pop_back();
        switch (context)
        {
        case Ctx::generator:
            generator_ = collected_;
            saw_generator_ = true;
            break;
        case Ctx::user_defined:
            writer_.property(property_name_, property_value());
            break;
        case Ctx::table:
            writer_.end_sheet();
            break;
        case Ctx::row:
            end_row();
            break;
        case Ctx::cell:
            end_cell();
            break;
        default:
            break;
        }
    }

    void characters(std::string_view text) override
    {
        switch (contexts_.back())
        {
        case Ctx::paragraph:
        case Ctx::span:
        case Ctx::link:
        case Ctx::field:
            paragraphs_.append(text);
            break;
        case Ctx::generator:
        case Ctx::user_defined:
            collected_.append(text);
            break;
        default:
            break;
        }
    }

    // After every part: what the reader learnt about the file as a whole.
    void finish_content()
    {
        if (!saw_spreadsheet_)
            unreadable("the document has no spreadsheet", "le document n'a pas de classeur");
    }
    void finish_meta()
    {
        if (!saw_generator_)
            writer_.advice({"the file does not say which program wrote it: the office recomputes "
                            "what LibreOffice did not store",
                            "le fichier n'indique pas le programme qui l'a écrit : la suite "
                            "recalcule ce que LibreOffice n'a pas enregistré"});
        else if (!written_by_libreoffice(generator_))
            writer_.advice({"written by " + generator_ +
                                ", not LibreOffice: its stored results may not be the add-in's",
                            "écrit par " + generator_ +
                                ", pas LibreOffice : ses résultats enregistrés peuvent ne pas "
                                "être ceux du complément"});
    }

  private:
    void root(Ns ns, std::string_view name, const XmlAttribute* attributes, std::size_t count)
    {
        if (!flat_)
            return; // content.xml, meta.xml: office:document-content / document-meta
        if (ns != Ns::office || name != "document")
            needs_office("an XML file that is not a flat OpenDocument file (.fods)",
                         "un fichier XML qui n'est pas un fichier OpenDocument à plat (.fods)");
        const std::string_view mime = attribute(attributes, count, Ns::office, "mimetype");
        if (!spreadsheet_type(mime))
            unreadable("the document is not a spreadsheet (" + std::string(mime) + ")",
                       "le document n'est pas un classeur (" + std::string(mime) + ")");
    }

    std::string property_value() const
    {
        if (property_type_ == "float" || property_type_ == "percentage" ||
            property_type_ == "currency")
        {
            const auto number = parse_number(collected_);
            return number ? number_text15(*number) : std::string();
        }
        if (property_type_ == "boolean")
            return collected_ == "true" ? "1" : collected_ == "false" ? "0" : "";
        if (property_type_ == "date" || property_type_ == "time")
            return {}; // the UNO reader's any_to_text has no text for a date or a duration
        return collected_;
    }

    Ctx inline_element(
        Ctx parent, Ns ns, std::string_view name, const XmlAttribute* attributes, std::size_t count)
    {
        if (ns != Ns::text)
            return Ctx::ignored;
        if (name == "s")
        {
            const std::uint64_t spaces = std::min<std::uint64_t>(
                repeat_count(attribute(attributes, count, Ns::text, "c")), 1u << 16);
            paragraphs_.append(static_cast<std::size_t>(spaces), ' ');
            return Ctx::ignored;
        }
        if (name == "a")
            return Ctx::link;
        if (name == "sheet-name" || name == "date" || name == "title")
            return Ctx::field;
        if (parent == Ctx::paragraph)
        {
            if (name == "span")
                return Ctx::span;
        }
        // LibreOffice 7.4 drops the rest, text:tab and text:line-break included (later
        // versions keep those two: the differential test says which one is installed).
        return Ctx::ignored;
    }

    void start_row(std::string_view repeated)
    {
        matrices_.start_row(row_);
        rows_repeated_ = repeat_count(repeated);
        column_ = 0;
        row_cells_.clear();
    }

    void start_cell(const XmlAttribute* attributes, std::size_t count)
    {
        value_type_.clear();
        calc_type_.clear();
        has_value_ = has_date_ = has_time_ = has_boolean_ = has_string_value_ = false;
        formula_ = false;
        columns_repeated_ = 1;
        std::uint64_t matrix_rows = 1, matrix_columns = 1;
        for (std::size_t index = 0; index < count; ++index)
        {
            const XmlAttribute& a = attributes[index];
            if (a.ns == Ns::office)
            {
                if (a.name == "value-type")
                    value_type_.assign(a.value);
                else if (a.name == "value")
                    value_.assign(a.value), has_value_ = !a.value.empty();
                else if (a.name == "date-value")
                    date_.assign(a.value), has_date_ = !a.value.empty();
                else if (a.name == "time-value")
                    time_.assign(a.value), has_time_ = !a.value.empty();
                else if (a.name == "boolean-value")
                    boolean_.assign(a.value), has_boolean_ = !a.value.empty();
                else if (a.name == "string-value")
                    string_value_.assign(a.value), has_string_value_ = !a.value.empty();
            }
            else if (a.ns == Ns::table)
            {
                if (a.name == "formula" && !a.value.empty())
                {
                    formula_ = true;
                    if (calls_volatile_function(a.value))
                        writer_.advice({"a formula calls a function that the office recomputes "
                                        "on every load (" +
                                            sheet_name() + where() + ")",
                                        "une formule appelle une fonction que la suite recalcule "
                                        "à chaque ouverture (" +
                                            sheet_name() + where() + ")"});
                }
                else if (a.name == "number-columns-repeated")
                    columns_repeated_ = repeat_count(a.value);
                else if (a.name == "number-matrix-rows-spanned")
                    matrix_rows = repeat_count(a.value);
                else if (a.name == "number-matrix-columns-spanned")
                    matrix_columns = repeat_count(a.value);
            }
            else if (a.ns == Ns::calcext && a.name == "value-type")
                calc_type_.assign(a.value);
        }
        paragraphs_.clear();
        has_paragraph_ = false;
        if (formula_ && (matrix_rows > 1 || matrix_columns > 1))
            matrices_.add(row_, column_, row_ + matrix_rows - 1, column_ + matrix_columns - 1);
    }

    std::string where() const
    {
        return validation::cell_name(
            static_cast<std::size_t>(std::min<std::uint64_t>(row_, max_rows)),
            static_cast<std::size_t>(std::min<std::uint64_t>(column_, max_columns)));
    }

    [[noreturn]] void bad_value(std::string_view what, std::string_view value) const
    {
        unreadable("the cell " + where() + " has the " + std::string(what) + " \"" +
                       std::string(value) + "\", which is not one",
                   "la cellule " + where() + " a la valeur " + std::string(what) + " « " +
                       std::string(value) + " », qui n'en est pas une");
    }

    CellData cell_value()
    {
        CellData cell;
        cell.formula = formula_;
        auto as_text = [&](const std::string& text)
        {
            // Files from before LibreOffice 4 have no calcext:value-type: an error result is
            // a string result that names an error.
            if (formula_ && calc_type_.empty())
                if (const auto shown = error_shown(text))
                {
                    cell.kind = CellData::Kind::error;
                    cell.text = *shown;
                    return;
                }
            cell.kind = text.empty() ? CellData::Kind::empty : CellData::Kind::text;
            cell.text = text;
        };
        auto as_number = [&](double value)
        {
            cell.kind = CellData::Kind::number;
            cell.number = value;
        };
        if (calc_type_ == "error")
        {
            if (const auto shown = error_shown(paragraphs_))
            {
                cell.kind = CellData::Kind::error;
                cell.text = *shown;
            }
            else
                as_text(paragraphs_);
        }
        else if (value_type_ == "float" || value_type_ == "percentage" || value_type_ == "currency")
        {
            if (has_value_)
            {
                const auto number = parse_number(value_);
                if (!number)
                    bad_value("number", value_);
                as_number(*number);
            }
            else if (formula_)
                no_stored_result();
            else
                as_text(paragraphs_);
        }
        else if (value_type_ == "date")
        {
            if (has_date_)
            {
                const auto serial = parse_date_serial(date_, null_date_);
                if (!serial)
                    bad_value("date", date_);
                as_number(*serial);
            }
            else if (formula_)
                no_stored_result();
            else
                as_text(paragraphs_);
        }
        else if (value_type_ == "time")
        {
            if (has_time_)
            {
                const auto days = parse_duration_days(time_);
                if (!days)
                    bad_value("time", time_);
                as_number(*days);
            }
            else if (formula_)
                no_stored_result();
            else
                as_text(paragraphs_);
        }
        else if (value_type_ == "boolean")
        {
            if (has_boolean_)
            {
                if (boolean_ == "true")
                    as_number(1.0);
                else if (boolean_ == "false")
                    as_number(0.0);
                else if (const auto number = parse_number(boolean_))
                    as_number(*number);
                else
                    bad_value("boolean", boolean_);
            }
            else if (formula_)
                no_stored_result();
            else
                as_text(paragraphs_);
        }
        else if (value_type_ == "string")
            as_text(has_string_value_ ? string_value_ : paragraphs_);
        else if (formula_ && !has_paragraph_)
            no_stored_result();
        else
            as_text(paragraphs_);
        if (cell.kind == CellData::Kind::error && cell.formula && cell.text == "#NAME?")
            writer_.advice({"a formula shows #NAME? (" + sheet_name() + where() +
                                "): the file was saved without the add-in, the office "
                                "recomputes it",
                            "une formule affiche #NAME? (" + sheet_name() + where() +
                                ") : le fichier a été enregistré sans le complément, la suite "
                                "la recalcule"});
        return cell;
    }

    [[noreturn]] void no_stored_result() const
    {
        needs_office("the formula in " + sheet_name() + where() +
                         " has no stored result (the file was never computed)",
                     "la formule de " + sheet_name() + where() +
                         " n'a pas de résultat enregistré (le fichier n'a jamais été calculé)");
    }
    std::string sheet_name() const { return sheet_ + "!"; }

    void emit(const CellData& cell, std::uint64_t row, std::uint64_t first, std::uint64_t count)
    {
        if (row >= max_rows || first >= max_columns)
            return;
        count = std::min<std::uint64_t>(count, max_columns - first);
        const auto r = static_cast<std::uint32_t>(row);
        for (std::uint64_t k = 0; k < count; ++k)
        {
            const auto c = static_cast<std::uint32_t>(first + k);
            // The cells of an array formula's range hold it too (only its first has the
            // table:formula attribute).
            const bool formula = cell.formula || matrices_.contains(row, first + k);
            switch (cell.kind)
            {
            case CellData::Kind::empty:
                if (formula)
                    writer_.empty_formula(r, c);
                break;
            case CellData::Kind::number:
                writer_.number(r, c, cell.number, formula);
                break;
            case CellData::Kind::text:
                writer_.text(r, c, cell.text, formula);
                break;
            case CellData::Kind::error:
                writer_.error(r, c, cell.text, formula);
                break;
            }
        }
    }

    void end_cell()
    {
        CellData cell = cell_value();
        const std::uint64_t first = column_;
        column_ += columns_repeated_;
        if (cell.kind == CellData::Kind::empty && !cell.formula && !matrices_.contains(row_, first))
            return;
        if (row_ >= max_rows || first >= max_columns)
            return;
        const std::uint64_t last_row = std::min<std::uint64_t>(row_ + rows_repeated_, max_rows);
        writer_.reserve_area(last_row, std::min<std::uint64_t>(column_, max_columns));
        if (rows_repeated_ == 1)
            emit(cell, row_, first, columns_repeated_);
        else
            row_cells_.push_back({first, columns_repeated_, std::move(cell)});
    }

    void end_row()
    {
        if (!row_cells_.empty())
        {
            const std::uint64_t last = std::min<std::uint64_t>(row_ + rows_repeated_, max_rows);
            for (std::uint64_t row = row_; row < last; ++row)
                for (const RowCell& entry : row_cells_)
                    emit(entry.cell, row, entry.first, entry.count);
        }
        row_ += rows_repeated_;
    }

    struct RowCell
    {
        std::uint64_t first;
        std::uint64_t count;
        CellData cell;
    };

    ModelWriter& writer_;
    bool flat_;
    std::vector<Ctx> contexts_;
    CivilDate null_date_{1899, 12, 30};
    std::string collected_, generator_, property_name_, property_type_, sheet_;
    bool saw_generator_ = false, saw_spreadsheet_ = false;
    // the open row and cell
    std::uint64_t row_ = 0, rows_repeated_ = 1, column_ = 0, columns_repeated_ = 1;
    std::vector<RowCell> row_cells_;
    ArrayRanges matrices_;
    // Attribute values live during start_element only: copied (the buffers are reused).
    std::string value_type_, calc_type_, value_, date_, time_, boolean_, string_value_;
    bool has_value_ = false, has_date_ = false, has_time_ = false, has_boolean_ = false,
         has_string_value_ = false, formula_ = false;
    std::string paragraphs_;
    bool has_paragraph_ = false;
};

// META-INF/manifest.xml: an encrypted document lists encryption data for its parts.
class ManifestHandler : public XmlHandler
{
  public:
    void start_element(Ns ns, std::string_view name, const XmlAttribute*, std::size_t) override
    {
        if (ns == Ns::manifest && name == "encryption-data")
            encrypted = true;
    }
    void end_element(Ns, std::string_view) override {}
    void characters(std::string_view) override {}
    bool encrypted = false;
};
} // namespace

void read_ods(ZipArchive& archive, ModelWriter& writer)
{
    if (archive.has("mimetype"))
    {
        std::string mime = archive.read("mimetype");
        while (!mime.empty() && std::isspace(static_cast<unsigned char>(mime.back())))
            mime.pop_back();
        if (!spreadsheet_type(mime))
            unreadable("the document is not a spreadsheet (" + mime + ")",
                       "le document n'est pas un classeur (" + mime + ")");
    }
    if (archive.has("META-INF/manifest.xml"))
    {
        ManifestHandler manifest;
        parse_xml(archive.read("META-INF/manifest.xml"), manifest, "META-INF/manifest.xml");
        if (manifest.encrypted)
            needs_office("the file is encrypted (password-protected)",
                         "le fichier est chiffré (protégé par mot de passe)");
    }
    if (archive.any_entry_encrypted())
        needs_office("the file is encrypted (password-protected)",
                     "le fichier est chiffré (protégé par mot de passe)");
    OdfHandler handler(writer, false);
    if (archive.has("meta.xml"))
        parse_xml(archive.read("meta.xml"), handler, "meta.xml");
    handler.finish_meta();
    parse_xml(archive.read("content.xml"), handler, "content.xml");
    handler.finish_content();
}

void read_flat_ods(std::string_view document, ModelWriter& writer)
{
    OdfHandler handler(writer, true);
    parse_xml(document, handler, "the .fods file");
    handler.finish_meta();
    handler.finish_content();
}

} // namespace onepercent::direct_reader::detail
