// Office Open XML workbooks (.xlsx, .xlsm): the package relationships lead to the workbook,
// its sheets (in workbook order), shared strings and document properties. Cell values as
// LibreOffice 7.4 imports them (oox/source/xls), checked cell by cell against the office in
// tests/direct_reader/test_differential.py: t="s" a shared string, "str" a formula's string
// result (white space trimmed, as the office does), "inlineStr" <is>, "b" 1 or 0, "e" an
// error, "d" an ISO date, else a number; <f> marks a formula (an array formula's whole range).
#include "reader_internal.hxx"

#include <algorithm>
#include <charconv>
#include <map>

namespace onepercent::direct_reader::detail
{
namespace
{
bool ends_with(std::string_view text, std::string_view tail)
{
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// A relationship target, resolved against the folder of the part that holds it.
std::string resolve(std::string_view source_part, std::string_view target)
{
    std::string decoded;
    for (std::size_t index = 0; index < target.size(); ++index)
    {
        if (target[index] == '%' && index + 2 < target.size() &&
            std::isxdigit(static_cast<unsigned char>(target[index + 1])) &&
            std::isxdigit(static_cast<unsigned char>(target[index + 2])))
        {
            decoded +=
                static_cast<char>(std::stoi(std::string(target.substr(index + 1, 2)), nullptr, 16));
            index += 2;
        }
        else
            decoded += target[index];
    }
    std::string path;
    if (!decoded.empty() && decoded[0] == '/')
        path = decoded.substr(1);
    else
    {
        const auto slash = source_part.rfind('/');
        path = (slash == std::string_view::npos ? std::string()
                                                : std::string(source_part.substr(0, slash + 1))) +
               decoded;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size())
    {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part == "..")
        {
            if (!parts.empty())
                parts.pop_back();
        }
        else if (!part.empty() && part != ".")
            parts.push_back(part);
        start = end + 1;
    }
    std::string joined;
    for (const std::string& part : parts)
        joined += (joined.empty() ? "" : "/") + part;
    return joined;
}

std::string rels_of(std::string_view part)
{
    const auto slash = part.rfind('/');
    if (slash == std::string_view::npos)
        return "_rels/" + std::string(part) + ".rels";
    return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) +
           ".rels";
}

struct Relationship
{
    std::string type;
    std::string target; // resolved
    bool external = false;
};

class RelsHandler : public XmlHandler
{
  public:
    explicit RelsHandler(std::string source)
        : source_(std::move(source))
    {
    }
    void start_element(Ns ns,
                       std::string_view name,
                       const XmlAttribute* attributes,
                       std::size_t count) override
    {
        if (ns != Ns::pkg_rel || name != "Relationship")
            return;
        Relationship relationship;
        relationship.type = std::string(attribute(attributes, count, Ns::none, "Type"));
        relationship.external = attribute(attributes, count, Ns::none, "TargetMode") == "External";
        relationship.target = resolve(source_, attribute(attributes, count, Ns::none, "Target"));
        by_id[std::string(attribute(attributes, count, Ns::none, "Id"))] = relationship;
        all.push_back(std::move(relationship));
    }
    void end_element(Ns, std::string_view) override {}
    void characters(std::string_view) override {}

    const Relationship* of_type(std::string_view tail) const
    {
        for (const Relationship& relationship : all)
            if (!relationship.external && ends_with(relationship.type, tail))
                return &relationship;
        return nullptr;
    }

    std::map<std::string, Relationship> by_id;
    std::vector<Relationship> all;

  private:
    std::string source_;
};

struct SheetEntry
{
    std::string name;
    std::string id;
};

class WorkbookHandler : public XmlHandler
{
  public:
    void start_element(Ns ns,
                       std::string_view name,
                       const XmlAttribute* attributes,
                       std::size_t count) override
    {
        if (ns != Ns::sml)
            return;
        if (name == "sheet")
            sheets.push_back({std::string(attribute(attributes, count, Ns::none, "name")),
                              std::string(attribute(attributes, count, Ns::rel, "id"))});
        else if (name == "workbookPr")
        {
            const std::string_view value = attribute(attributes, count, Ns::none, "date1904");
            date1904 = value == "1" || value == "true";
        }
        else if (name == "calcPr")
        {
            const std::string_view value = attribute(attributes, count, Ns::none, "fullCalcOnLoad");
            full_calc_on_load = value == "1" || value == "true";
        }
    }
    void end_element(Ns, std::string_view) override {}
    void characters(std::string_view) override {}

    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    bool full_calc_on_load = false;
};

// OOXML's escape of characters XML cannot hold: _xHHHH_ (a UTF-16 code unit). An unpaired
// surrogate becomes U+FFFD, as the UNO reader repairs it.
void append_code_point(std::string& out, std::uint32_t code)
{
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800)
    {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else if (code < 0x10000)
    {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

bool escape_at(std::string_view text, std::size_t index, std::uint32_t& unit)
{
    if (index + 7 > text.size() || text[index] != '_' || text[index + 1] != 'x' ||
        text[index + 6] != '_')
        return false;
    unit = 0;
    for (std::size_t digit = index + 2; digit < index + 6; ++digit)
    {
        const char c = text[digit];
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
        unit = unit * 16 +
               static_cast<std::uint32_t>(
                   c <= '9' ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10));
    }
    return true;
}

std::string decode_escapes(std::string_view text)
{
    if (text.find("_x") == std::string_view::npos)
        return std::string(text);
    std::string out;
    std::size_t index = 0;
    while (index < text.size())
    {
        std::uint32_t unit = 0;
        // LibreOffice 7.4 decodes only what XML cannot hold (control characters, surrogates,
        // U+FFFE, U+FFFF) and the escaped underscore: "_x0041_" stays as it is.
        if (escape_at(text, index, unit) &&
            (unit < 0x20 || unit == 0x5F || (unit >= 0xD800 && unit <= 0xDFFF) || unit >= 0xFFFE))
        {
            index += 7;
            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                std::uint32_t low = 0;
                if (escape_at(text, index, low) && low >= 0xDC00 && low <= 0xDFFF)
                {
                    index += 7;
                    append_code_point(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                    continue;
                }
                unit = 0xFFFD; // an unpaired surrogate
            }
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
                unit = 0xFFFD;
            append_code_point(out, unit);
            continue;
        }
        out += text[index++];
    }
    return out;
}

// <si> items of the shared strings: the <t> of the item and of its runs, not the phonetic
// runs (<rPh>).
class SharedStringsHandler : public XmlHandler
{
  public:
    SharedStringsHandler(std::vector<std::string>& strings, std::uint64_t cap)
        : strings_(strings)
        , cap_(cap)
    {
    }
    void start_element(Ns ns, std::string_view name, const XmlAttribute*, std::size_t) override
    {
        ++depth_;
        if (ns != Ns::sml)
            return;
        if (name == "si")
        {
            in_item_ = true;
            item_depth_ = depth_;
            current_.clear();
        }
        else if (name == "rPh" && in_item_)
            phonetic_depth_ = depth_;
        else if (name == "t" && in_item_ && phonetic_depth_ == 0)
            in_text_ = true;
    }
    void end_element(Ns ns, std::string_view name) override
    {
        if (ns == Ns::sml && name == "t")
            in_text_ = false;
        if (phonetic_depth_ == depth_)
            phonetic_depth_ = 0;
        if (in_item_ && item_depth_ == depth_)
        {
            in_item_ = false;
            if (strings_.size() >= cap_)
                unreadable("the workbook has too many shared strings",
                           "le classeur a trop de chaînes partagées");
            strings_.push_back(decode_escapes(current_));
        }
        --depth_;
    }
    void characters(std::string_view text) override
    {
        if (in_text_)
            current_.append(text);
    }

  private:
    std::vector<std::string>& strings_;
    std::uint64_t cap_;
    std::string current_;
    std::size_t depth_ = 0, item_depth_ = 0, phonetic_depth_ = 0;
    bool in_item_ = false, in_text_ = false;
};

// docProps/custom.xml: user-defined properties as the UNO reader's any_to_text writes them.
class CustomPropertiesHandler : public XmlHandler
{
  public:
    explicit CustomPropertiesHandler(ModelWriter& writer)
        : writer_(writer)
    {
    }
    void start_element(Ns ns,
                       std::string_view name,
                       const XmlAttribute* attributes,
                       std::size_t count) override
    {
        if (ns == Ns::custom && name == "property")
        {
            in_property_ = true;
            name_ = std::string(attribute(attributes, count, Ns::none, "name"));
            type_.clear();
            value_.clear();
        }
        else if (ns == Ns::vt && in_property_ && type_.empty())
        {
            type_ = std::string(name);
            in_value_ = true;
        }
    }
    void end_element(Ns ns, std::string_view name) override
    {
        if (ns == Ns::vt)
            in_value_ = false;
        if (ns == Ns::custom && name == "property" && in_property_)
        {
            in_property_ = false;
            writer_.property(name_, text());
        }
    }
    void characters(std::string_view text) override
    {
        if (in_value_)
            value_.append(text);
    }

  private:
    std::string text() const
    {
        static const char* const text_types[] = {"lpwstr", "lpstr", "bstr"};
        static const char* const number_types[] = {"i1",  "i2",  "i4",     "i8",  "int",
                                                   "ui1", "ui2", "ui4",    "ui8", "uint",
                                                   "r4",  "r8",  "decimal"};
        for (const char* type : text_types)
            if (type_ == type)
                return value_;
        for (const char* type : number_types)
            if (type_ == type)
            {
                const auto number = parse_number(value_);
                return number ? number_text15(*number) : std::string();
            }
        if (type_ == "bool")
        {
            const std::string_view value = trim(value_);
            return value == "true" || value == "1" ? "1" : "0";
        }
        return {}; // dates and others: no text from the UNO reader either
    }

    ModelWriter& writer_;
    std::string name_, type_, value_;
    bool in_property_ = false, in_value_ = false;
};

// docProps/app.xml: the program that wrote the file.
// The office also keeps its AppVersion as a user-defined property.
class AppPropertiesHandler : public XmlHandler
{
  public:
    void start_element(Ns ns, std::string_view name, const XmlAttribute*, std::size_t) override
    {
        in_application_ = ns == Ns::extended && name == "Application";
        in_version_ = ns == Ns::extended && name == "AppVersion";
        found = found || in_application_;
        has_version = has_version || in_version_;
    }
    void end_element(Ns, std::string_view) override { in_application_ = in_version_ = false; }
    void characters(std::string_view text) override
    {
        if (in_application_)
            application.append(text);
        else if (in_version_)
            version.append(text);
    }
    std::string application, version;
    bool found = false, has_version = false;

  private:
    bool in_application_ = false, in_version_ = false;
};

// "AB12" -> (11, 27); false when it is not a cell reference.
bool parse_reference(std::string_view text, std::uint64_t& row, std::uint64_t& column)
{
    std::size_t index = 0;
    column = 0;
    while (index < text.size() && std::isalpha(static_cast<unsigned char>(text[index])))
    {
        if (index >= 4)
            return false;
        column = column * 26 + static_cast<std::uint64_t>(
                                   std::toupper(static_cast<unsigned char>(text[index])) - 'A' + 1);
        ++index;
    }
    if (index == 0 || index == text.size() || text.size() - index > 8)
        return false;
    row = 0;
    for (; index < text.size(); ++index)
    {
        if (!std::isdigit(static_cast<unsigned char>(text[index])))
            return false;
        row = row * 10 + static_cast<std::uint64_t>(text[index] - '0');
    }
    if (row == 0)
        return false;
    --row;
    --column;
    return true;
}

class WorksheetHandler : public XmlHandler
{
  public:
    WorksheetHandler(ModelWriter& writer,
                     const std::vector<std::string>& strings,
                     CivilDate null_date,
                     std::string sheet)
        : writer_(writer)
        , strings_(strings)
        , null_date_(null_date)
        , sheet_(std::move(sheet))
    {
    }

    void start_element(Ns ns,
                       std::string_view name,
                       const XmlAttribute* attributes,
                       std::size_t count) override
    {
        if (ns != Ns::sml)
        {
            ++ignored_;
            return;
        }
        if (ignored_)
        {
            ++ignored_;
            return;
        }
        if (name == "sheetData")
            in_data_ = true;
        else if (!in_data_)
            return;
        else if (name == "row")
        {
            const std::string_view number = attribute(attributes, count, Ns::none, "r");
            std::uint64_t value = 0;
            const auto [end, error] =
                std::from_chars(number.data(), number.data() + number.size(), value);
            if (!number.empty() &&
                (error != std::errc() || end != number.data() + number.size() || value == 0))
                unreadable(where_sheet() + "a row has the number \"" + std::string(number) + "\"",
                           where_sheet() + "une ligne a le numéro « " + std::string(number) + " »");
            row_ = number.empty() ? row_ + 1 : value - 1;
            arrays_.start_row(row_);
            column_ = ~0ull; // the next cell without a reference is in column A
        }
        else if (name == "c")
        {
            const std::string_view reference = attribute(attributes, count, Ns::none, "r");
            if (reference.empty())
                column_ = column_ + 1;
            else
            {
                std::uint64_t row = 0, column = 0;
                if (!parse_reference(reference, row, column))
                    unreadable(where_sheet() + "a cell has the reference \"" +
                                   std::string(reference) + "\"",
                               where_sheet() + "une cellule a la référence « " +
                                   std::string(reference) + " »");
                row_ = row;
                column_ = column;
            }
            type_.assign(attribute(attributes, count, Ns::none, "t"));
            formula_ = has_value_ = in_inline_ = false;
            value_.clear();
            inline_.clear();
            formula_text_.clear();
        }
        else if (name == "f")
        {
            formula_ = in_formula_ = true;
            if (attribute(attributes, count, Ns::none, "t") == "array")
            {
                const std::string_view ref = attribute(attributes, count, Ns::none, "ref");
                const auto colon = ref.find(':');
                std::uint64_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
                if (colon != std::string_view::npos &&
                    parse_reference(ref.substr(0, colon), first_row, first_column) &&
                    parse_reference(ref.substr(colon + 1), last_row, last_column))
                    arrays_.add(first_row, first_column, last_row, last_column);
            }
        }
        else if (name == "v")
        {
            in_value_ = true;
            has_value_ = true;
        }
        else if (name == "is")
        {
            in_inline_ = true;
            inline_depth_ = 0;
        }
        else if (in_inline_)
        {
            ++inline_depth_;
            if (name == "rPh")
                phonetic_depth_ = inline_depth_;
            else if (name == "t" && phonetic_depth_ == 0)
                in_inline_text_ = true;
        }
    }

    void end_element(Ns ns, std::string_view name) override
    {
        if (ignored_)
        {
            --ignored_;
            return;
        }
        if (ns != Ns::sml || !in_data_)
            return;
        if (name == "sheetData")
            in_data_ = false;
        else if (name == "c")
            end_cell();
        else if (name == "f")
        {
            in_formula_ = false;
            if (calls_volatile_function(formula_text_))
                writer_.advice({"a formula calls a function that the office recomputes on every "
                                "load (" +
                                    where() + ")",
                                "une formule appelle une fonction que la suite recalcule à chaque "
                                "ouverture (" +
                                    where() + ")"});
        }
        else if (name == "v")
            in_value_ = false;
        else if (name == "is")
            in_inline_ = false;
        else if (in_inline_)
        {
            if (name == "t")
                in_inline_text_ = false;
            if (phonetic_depth_ == inline_depth_)
                phonetic_depth_ = 0;
            --inline_depth_;
        }
    }

    void characters(std::string_view text) override
    {
        if (in_value_)
            value_.append(text);
        else if (in_inline_text_)
            inline_.append(text);
        else if (in_formula_ && formula_text_.size() < 100000)
            formula_text_.append(text);
    }

    bool has_error_results() const { return error_results_; }

  private:
    std::string where_sheet() const { return sheet_ + "!"; }
    std::string where() const
    {
        return where_sheet() +
               validation::cell_name(
                   static_cast<std::size_t>(std::min<std::uint64_t>(row_, max_rows)),
                   static_cast<std::size_t>(std::min<std::uint64_t>(column_, max_columns)));
    }

    [[noreturn]] void bad_value(std::string_view what) const
    {
        unreadable("the cell " + where() + " holds \"" + value_ + "\", which is not a " +
                       std::string(what),
                   "la cellule " + where() + " contient « " + value_ + " », qui n'est pas " +
                       std::string(what == "number" ? "un nombre" : "une date"));
    }

    [[noreturn]] void no_stored_result() const
    {
        needs_office("the formula in " + where() +
                         " has no stored result (the file was never computed)",
                     "la formule de " + where() +
                         " n'a pas de résultat enregistré (le fichier n'a jamais été calculé)");
    }

    void end_cell()
    {
        if (row_ >= max_rows || column_ >= max_columns)
            return;
        const bool formula = formula_ || arrays_.contains(row_, column_);
        const auto row = static_cast<std::uint32_t>(row_);
        const auto column = static_cast<std::uint32_t>(column_);
        if (type_ == "inlineStr")
        {
            writer_.text(row, column, decode_escapes(inline_), formula);
            return;
        }
        if (!has_value_)
        {
            if (formula)
                no_stored_result();
            return; // a cell with a style only
        }
        if (type_ == "s")
        {
            std::uint64_t index = 0;
            const std::string_view text = trim(value_);
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), index);
            if (error != std::errc() || end != text.data() + text.size() ||
                index >= strings_.size())
                unreadable("the cell " + where() + " refers to a shared string that does not exist",
                           "la cellule " + where() +
                               " renvoie à une chaîne partagée qui n'existe pas");
            writer_.text(row, column, strings_[static_cast<std::size_t>(index)], formula);
        }
        else if (type_ == "str")
            writer_.text(row, column, decode_escapes(trim(value_)), formula);
        else if (type_ == "b")
        {
            // The office keeps a boolean as a formula cell (=TRUE() or =FALSE()).
            const std::string_view text = trim(value_);
            if (text == "1" || text == "true")
                writer_.number(row, column, 1.0, true);
            else if (text == "0" || text == "false")
                writer_.number(row, column, 0.0, true);
            else
                bad_value("number");
        }
        else if (type_ == "e")
        {
            // The office keeps an error as a formula cell (an error constant is "=#N/A").
            const auto shown = error_shown(trim(value_));
            writer_.error(row, column, shown ? *shown : "#N/A", true);
            error_results_ = true;
        }
        else if (type_ == "d")
        {
            const auto serial = parse_date_serial(trim(value_), null_date_);
            if (!serial)
                bad_value("date");
            writer_.number(row, column, *serial, formula);
        }
        else
        {
            if (trim(value_).empty())
            {
                if (formula)
                    writer_.empty_formula(row, column);
                return;
            }
            const auto number = parse_number(value_);
            if (!number)
                bad_value("number");
            writer_.number(row, column, *number, formula);
        }
    }

    ModelWriter& writer_;
    const std::vector<std::string>& strings_;
    CivilDate null_date_;
    std::string sheet_;
    ArrayRanges arrays_;
    std::uint64_t row_ = ~0ull, column_ = ~0ull;
    std::string type_, value_, inline_, formula_text_;
    std::size_t ignored_ = 0, inline_depth_ = 0, phonetic_depth_ = 0;
    bool in_data_ = false, formula_ = false, in_formula_ = false, has_value_ = false,
         in_value_ = false, in_inline_ = false, in_inline_text_ = false, error_results_ = false;
};

RelsHandler read_rels(ZipArchive& archive, const std::string& part)
{
    RelsHandler handler(part);
    const std::string path = rels_of(part);
    if (archive.has(path, true))
        parse_xml(archive.read(path, true), handler, path);
    return handler;
}
} // namespace

void read_xlsx(ZipArchive& archive, ModelWriter& writer)
{
    RelsHandler package(std::string{});
    if (!archive.has("_rels/.rels", true))
        unreadable("the file is neither an .xlsx nor an .ods workbook (a zip archive without "
                   "_rels/.rels or content.xml)",
                   "le fichier n'est ni un classeur .xlsx ni un classeur .ods (une archive zip "
                   "sans _rels/.rels ni content.xml)");
    parse_xml(archive.read("_rels/.rels", true), package, "_rels/.rels");
    const Relationship* document = package.of_type("/officeDocument");
    if (!document)
        unreadable("the package has no main document", "le paquet n'a pas de document principal");
    const std::string workbook_part = document->target;
    if (ends_with(workbook_part, ".bin"))
        needs_office("a binary workbook (.xlsb)", "un classeur binaire (.xlsb)");
    if (!archive.has(workbook_part, true))
        unreadable("the workbook part " + workbook_part + " is missing",
                   "la partie du classeur " + workbook_part + " manque");

    // Which program wrote it: only LibreOffice computes the add-in's functions.
    AppPropertiesHandler app;
    if (const Relationship* extended = package.of_type("/extended-properties");
        extended && archive.has(extended->target, true))
        parse_xml(archive.read(extended->target, true), app, extended->target);
    if (app.has_version)
        writer.property("AppVersion", app.version);
    if (!app.found)
        writer.advice({"the file does not say which program wrote it: the office recomputes "
                       "what LibreOffice did not store",
                       "le fichier n'indique pas le programme qui l'a écrit : la suite recalcule "
                       "ce que LibreOffice n'a pas enregistré"});
    else if (!written_by_libreoffice(app.application))
        writer.advice({"written by " + app.application +
                           ", not LibreOffice: its stored results may not be the add-in's",
                       "écrit par " + app.application +
                           ", pas LibreOffice : ses résultats enregistrés peuvent ne pas être "
                           "ceux du complément"});
    if (const Relationship* custom = package.of_type("/custom-properties");
        custom && archive.has(custom->target, true))
    {
        CustomPropertiesHandler handler(writer);
        parse_xml(archive.read(custom->target, true), handler, custom->target);
    }

    WorkbookHandler workbook;
    parse_xml(archive.read(workbook_part, true), workbook, workbook_part);
    const CivilDate null_date = workbook.date1904 ? CivilDate{1904, 1, 1} : CivilDate{1899, 12, 30};
    writer.null_date(null_date);
    if (workbook.full_calc_on_load)
        writer.advice({"the file asks to be recomputed when it is opened (fullCalcOnLoad)",
                       "le fichier demande à être recalculé à l'ouverture (fullCalcOnLoad)"});
    const RelsHandler relationships = read_rels(archive, workbook_part);

    std::vector<std::string> strings;
    if (const Relationship* shared = relationships.of_type("/sharedStrings");
        shared && archive.has(shared->target, true))
    {
        SharedStringsHandler handler(strings, 50'000'000);
        parse_xml(archive.read(shared->target, true), handler, shared->target);
    }

    bool error_results = false;
    for (const SheetEntry& entry : workbook.sheets)
    {
        writer.begin_sheet(entry.name);
        const auto found = relationships.by_id.find(entry.id);
        if (found != relationships.by_id.end() && !found->second.external &&
            ends_with(found->second.type, "/worksheet") && archive.has(found->second.target, true))
        {
            WorksheetHandler handler(writer, strings, null_date, entry.name);
            parse_xml(archive.read(found->second.target, true), handler, found->second.target);
            error_results = error_results || handler.has_error_results();
        }
        writer.end_sheet();
    }
    if (error_results)
        writer.advice(
            {"formulas show errors, which .xlsx cannot name as LibreOffice does (Err:502 "
             "is saved as #VALUE!): the office recomputes them when it opens the file",
             "des formules affichent des erreurs, que le format .xlsx ne nomme pas comme "
             "LibreOffice (Err:502 est enregistré comme #VALUE!) : la suite les recalcule "
             "à l'ouverture"});
}

} // namespace onepercent::direct_reader::detail
