// The portfolio summary (portfolio_summary.hxx): rows from reports, CSV, JSON and the HTML
// page, the JSON read back and summaries merged.
#include "portfolio_summary.hxx"

#include "engine/number_text.hxx"
#include "html_report.hxx"
#include "json_value.hxx"
#include "safe_text.hxx"
#include "sha256.hxx"
#include "template_reader.hxx"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <system_error>
#include <tuple>

namespace onepercent::validation
{
namespace
{
constexpr std::string_view summary_format_name = "onepercent-portfolio-summary";
constexpr int summary_format_version = 1;

bool is_across_files_rule(std::string_view id)
{
    return id == "R-ACT-CARRY-CHAIN" || id == "R-S7-CLAIMED-TWICE";
}

std::string_view in(Language language, std::string_view english, std::string_view french)
{
    return language == Language::fr ? french : english;
}

// A number as data, with a decimal point and no grouping: the shortest text that reads back.
std::string plain_number(double number)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
    return error == std::errc() ? std::string(buffer, end) : std::string();
}

std::string file_name_of(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<double> money_figure(const FigureSet& figures, std::string_view key)
{
    const std::optional<double> figure = figure_of(figures, key);
    if (figure && !std::isfinite(*figure))
        return std::nullopt;
    return figure;
}

// The amounts a summary shows, in order, with the CSV's and the page's column keys.
struct MoneyColumn
{
    std::string_view figure; // figure_keys()
    std::string_view key;    // CSV column, page column, URL fragment
    std::string_view en;     // the page's header
    std::string_view fr;
    std::string_view title_en; // the header's tooltip
    std::string_view title_fr;
};
const MoneyColumn money_columns[] = {
    {"payroll", "payroll", "Payroll", "Masse salariale", "Total payroll", "Masse salariale totale"},
    {"minimum", "minimum", "Minimum", "Minimum", "Minimum participation (1 % of payroll)",
     "Participation minimale (1 % de la masse salariale)"},
    {"eligible", "eligible", "Eligible", "Admissibles", "Eligible expenditures of the year",
     "Dépenses admissibles de l'année"},
    {"carried_in", "carried_in", "Line 75", "Ligne 75",
     "Balance carried forward from earlier years (RL-1 line 75)",
     "Solde reporté des années antérieures (RL-1, ligne 75)"},
    {"contribution", "contribution", "Contribution", "Cotisation",
     "Contribution to the WSDRF (RL-1 line 53)", "Cotisation au FDRCMO (RL-1, ligne 53)"},
    {"carry_forward", "carry_forward", "Line 79", "Ligne 79",
     "Balance to carry forward to the next year (RL-1 line 79)",
     "Solde à reporter à l'année suivante (RL-1, ligne 79)"},
};

// ---- CSV ----------------------------------------------------------------------------------
// A text cell: a leading = + - @ TAB or CR gets a ' (a spreadsheet would run it as a
// formula: OWASP "CSV injection"), then RFC 4180 quoting.
std::string csv_text(std::string_view text)
{
    std::string cell;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r'))
        cell = "'";
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (const char character : cell)
    {
        if (character == '"')
            quoted += '"';
        quoted += character;
    }
    return quoted + "\"";
}

std::string csv_money(const std::optional<double>& amount)
{
    return amount ? fixed_number_text(*amount, 2) : std::string();
}

std::string format_csv(const std::vector<SummaryRow>& rows)
{
    std::string out = "file,client,neq,fiscal_year,flavour,template_version";
    for (const MoneyColumn& column : money_columns)
        out += "," + std::string(column.key);
    out += ",verdict,errors,warnings,infos,reader,sha256,retention_until,across_files,note\r\n";
    for (const SummaryRow& row : rows)
    {
        out += csv_text(row.file) + "," + csv_text(row.client) + "," + csv_text(row.neq) + ",";
        out += row.fiscal_year != 0 ? std::to_string(row.fiscal_year) : std::string();
        out += "," + csv_text(row.flavour) + "," + csv_text(row.template_version);
        for (const MoneyColumn& column : money_columns)
            out += "," + csv_money(money_figure(row.computed, column.figure));
        // "R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE (11)": each rule once, with its count.
        std::vector<std::pair<std::string, std::size_t>> rules;
        for (const AcrossFilesFinding& finding : row.across_files)
        {
            auto found =
                std::find_if(rules.begin(), rules.end(),
                             [&](const auto& rule) { return rule.first == finding.rule_id; });
            if (found == rules.end())
                rules.emplace_back(finding.rule_id, 1);
            else
                ++found->second;
        }
        std::string across;
        for (const auto& [rule, count] : rules)
            across += (across.empty() ? "" : ", ") + rule +
                      (count > 1 ? " (" + std::to_string(count) + ")" : "");
        out += "," + csv_text(verdict_key(row)) + "," + std::to_string(row.errors) + "," +
               std::to_string(row.warnings) + "," + std::to_string(row.infos) + "," +
               csv_text(row.reader) + "," + csv_text(row.sha256) + "," +
               (row.retention_until ? iso_date_text(*row.retention_until) : std::string()) + "," +
               csv_text(across) + "," + csv_text(row.read_error) + "\r\n";
    }
    return out;
}

// ---- JSON ---------------------------------------------------------------------------------
class Json
{
  public:
    std::string out;

    void key(std::string_view name)
    {
        comma();
        json::append_string(out, name);
        out += ':';
        after_key_ = true;
    }
    void open(char bracket)
    {
        comma();
        out += bracket;
        first_.push_back(true);
    }
    void close(char bracket)
    {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty)
            out += "\n" + std::string(2 * first_.size(), ' ');
        out += bracket;
    }
    void string(std::string_view text)
    {
        comma();
        json::append_string(out, text);
    }
    void number(double value)
    {
        comma();
        json::append_number(out, value);
    }
    void whole(std::size_t value)
    {
        comma();
        out += std::to_string(value);
    }
    void boolean(bool value)
    {
        comma();
        out += value ? "true" : "false";
    }
    void null()
    {
        comma();
        out += "null";
    }
    void optional_number(const std::optional<double>& value)
    {
        if (value && std::isfinite(*value))
            number(*value);
        else
            null();
    }

  private:
    void comma()
    {
        if (after_key_)
        {
            after_key_ = false;
            return;
        }
        if (!first_.empty())
        {
            if (!first_.back())
                out += ',';
            first_.back() = false;
        }
        if (!first_.empty())
            out += "\n" + std::string(2 * first_.size(), ' ');
    }
    std::vector<bool> first_;
    bool after_key_ = false;
};

void write_figures(Json& json, const FigureSet& figures)
{
    json.open('{');
    for (std::string_view key : figure_keys())
    {
        json.key(key);
        if (key == "subject")
        {
            if (figures.subject)
                json.boolean(*figures.subject);
            else
                json.null();
        }
        else
            json.optional_number(money_figure(figures, key));
    }
    json.close('}');
}

std::string
format_json(const std::vector<SummaryRow>& rows, Language language, const std::string& generated)
{
    Json json;
    json.open('{');
    json.key("format");
    json.string(summary_format_name);
    json.key("formatVersion");
    json.whole(summary_format_version);
    json.key("tool");
    json.open('{');
    json.key("name");
    json.string("onepercent-validate");
    json.key("version");
    json.string(tool_version());
    json.close('}');
    json.key("generated");
    json.string(generated);
    json.key("language");
    json.string(language == Language::fr ? "fr" : "en");
    json.key("rows");
    json.open('[');
    std::map<std::string_view, std::size_t> verdicts;
    std::size_t errors = 0, warnings = 0, infos = 0;
    double contribution = 0.0;
    for (const SummaryRow& row : rows)
    {
        ++verdicts[verdict_key(row)];
        errors += row.errors;
        warnings += row.warnings;
        infos += row.infos;
        if (const auto due = money_figure(row.computed, "contribution"))
            contribution += *due;
        json.open('{');
        const std::pair<std::string_view, const std::string*> texts[] = {
            {"file", &row.file},
            {"client", &row.client},
            {"neq", &row.neq},
        };
        for (const auto& [name, text] : texts)
        {
            json.key(name);
            json.string(*text);
        }
        json.key("fiscalYear");
        json.whole(static_cast<std::size_t>(std::max(row.fiscal_year, 0)));
        json.key("flavour");
        json.string(row.flavour);
        json.key("templateVersion");
        json.string(row.template_version);
        json.key("computed");
        write_figures(json, row.computed);
        json.key("workbook");
        write_figures(json, row.workbook);
        json.key("carriedInLocation");
        json.string(row.carried_in_location);
        json.key("readable");
        json.boolean(row.readable);
        json.key("isTemplate");
        json.boolean(row.is_template);
        json.key("readError");
        json.string(row.read_error);
        json.key("verdict");
        json.string(verdict_key(row));
        json.key("counts");
        json.open('{');
        json.key("errors");
        json.whole(row.errors);
        json.key("warnings");
        json.whole(row.warnings);
        json.key("infos");
        json.whole(row.infos);
        json.close('}');
        json.key("acrossFiles");
        json.open('[');
        for (const AcrossFilesFinding& finding : row.across_files)
        {
            json.open('{');
            json.key("ruleId");
            json.string(finding.rule_id);
            json.key("severity");
            json.string(severity_name(finding.severity));
            json.key("location");
            json.string(finding.location);
            json.key("message");
            json.open('{');
            json.key("en");
            json.string(finding.message_en);
            json.key("fr");
            json.string(finding.message_fr);
            json.close('}');
            json.close('}');
        }
        json.close(']');
        json.key("reader");
        json.string(row.reader);
        json.key("sha256");
        json.string(row.sha256);
        json.key("retentionUntil");
        if (row.retention_until)
            json.string(iso_date_text(*row.retention_until));
        else
            json.null();
        json.key("toolVersion");
        json.string(row.tool_version);
        json.key("ruleSetVersion");
        json.string(row.rule_set_version);
        json.close('}');
    }
    json.close(']');
    json.key("totals");
    json.open('{');
    json.key("files");
    json.whole(rows.size());
    json.key("verdicts");
    json.open('{');
    for (std::string_view key : {"passes", "warnings", "fails", "not-template", "unreadable"})
    {
        json.key(key);
        json.whole(verdicts[key]);
    }
    json.close('}');
    json.key("errors");
    json.whole(errors);
    json.key("warnings");
    json.whole(warnings);
    json.key("infos");
    json.whole(infos);
    json.key("contribution");
    json.number(contribution);
    json.close('}');
    json.close('}');
    return json.out + "\n";
}

// ---- HTML ---------------------------------------------------------------------------------
// The page's own style and script: constant texts, allowed by their SHA-256 in the page's
// Content-Security-Policy (nothing else may run or style the page, not even an inline script
// that a client's text might smuggle in if escaping ever failed).
constexpr std::string_view page_style = R"CSS(
body{font-family:sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em;margin:0 0 .2em}
h2{font-size:1.15em;margin:1.2em 0 .4em}
.meta{color:#555;margin:.2em 0 .8em}
.totals span{margin-right:1.4em}
.note{color:#555;font-size:.9em;margin:.3em 0}
.controls{display:flex;gap:1.2em;align-items:center;flex-wrap:wrap;margin:.6em 0}
.controls input{width:18em}
table{border-collapse:collapse;font-size:.82em}
th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top;unicode-bidi:isolate}
th{background:#eee;white-space:nowrap}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.verdict,td.file{white-space:nowrap}
td.client{min-width:10em;max-width:22em}
tr.fails td.verdict,tr.unreadable td.verdict,tr.not-template td.verdict{color:#b00020;font-weight:bold}
tr.warnings td.verdict{color:#a05a00}
tr.passes td.verdict{color:#1a6b1a}
svg text{font-size:12px;fill:#222}
svg .bar{fill:#3b6ea5}
svg .amount{fill:#444}
ul.across li{margin:.2em 0}
ul.across summary{cursor:pointer}
)CSS";

constexpr std::string_view page_script = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('rows');
  var filterBox = document.getElementById('filter');
  var verdictBox = document.getElementById('verdict');
  var shown = document.getElementById('shown');
  if (!table || !filterBox || !verdictBox || !shown) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var keys = heads.map(function (th) { return th.getAttribute('data-key'); });
  var lang = document.documentElement.lang || 'en';
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var search = rows.map(function (row, index) {
    row.setAttribute('data-order', String(index));
    var parts = [];
    Array.prototype.forEach.call(row.cells, function (cell) {
      parts.push(cell.getAttribute('data-v') || '', cell.textContent);
    });
    return fold(parts.join(' '));
  });
  function knownVerdict(value) {
    return Array.prototype.some.call(verdictBox.options, function (option) {
      return option.value === value;
    });
  }
  function readHash() {
    var next = {sort: '', dir: 'asc', filter: '', verdict: 'all'};
    var hash = location.hash.charAt(0) === '#' ? location.hash.slice(1) : location.hash;
    hash.split('&').forEach(function (part) {
      if (!part) return;
      var equals = part.indexOf('=');
      var key = equals < 0 ? part : part.slice(0, equals);
      var value = equals < 0 ? '' : part.slice(equals + 1);
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch (error) {
        return;
      }
      if (key === 'sort') {
        var colon = value.lastIndexOf(':');
        var column = colon < 0 ? value : value.slice(0, colon);
        if (keys.indexOf(column) >= 0) {
          next.sort = column;
          next.dir = colon >= 0 && value.slice(colon + 1) === 'desc' ? 'desc' : 'asc';
        }
      } else if (key === 'filter') {
        next.filter = value;
      } else if (key === 'verdict' && knownVerdict(value)) {
        next.verdict = value;
      }
    });
    return next;
  }
  var state = readHash();
  function writeHash() {
    var parts = [];
    if (state.sort) parts.push('sort=' + encodeURIComponent(state.sort) + ':' + state.dir);
    if (state.filter) parts.push('filter=' + encodeURIComponent(state.filter));
    if (state.verdict !== 'all') parts.push('verdict=' + encodeURIComponent(state.verdict));
    var hash = '#' + parts.join('&');
    if (location.hash !== hash && !(hash === '#' && location.hash === '')) location.replace(hash);
  }
  function apply() {
    var column = keys.indexOf(state.sort);
    var ordered = rows.slice();
    if (column >= 0) {
      var numeric = heads[column].getAttribute('data-type') === 'number';
      var sign = state.dir === 'desc' ? -1 : 1;
      ordered.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-v') || '';
        var y = b.cells[column].getAttribute('data-v') || '';
        var result;
        if (x === '' || y === '') {
          result = x === y ? 0 : (x === '' ? 1 : -1);
        } else {
          result = numeric ? Number(x) - Number(y)
                           : x.localeCompare(y, lang, {sensitivity: 'base', numeric: true});
          result *= sign;
        }
        return result || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
      });
    }
    var needle = fold(state.filter.trim());
    var count = 0;
    ordered.forEach(function (row) {
      body.appendChild(row);
      var visible = (state.verdict === 'all' || row.getAttribute('data-verdict') === state.verdict) &&
          (needle === '' || search[Number(row.getAttribute('data-order'))].indexOf(needle) >= 0);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    heads.forEach(function (th, index) {
      th.setAttribute('aria-sort', index !== column ? 'none' :
                      state.dir === 'desc' ? 'descending' : 'ascending');
    });
    if (filterBox.value !== state.filter) filterBox.value = state.filter;
    if (verdictBox.value !== state.verdict) verdictBox.value = state.verdict;
    shown.textContent = shown.getAttribute('data-template')
        .replace('{shown}', String(count)).replace('{total}', String(rows.length));
  }
  heads.forEach(function (th, index) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      if (state.sort === keys[index]) {
        state.dir = state.dir === 'asc' ? 'desc' : 'asc';
      } else {
        state.sort = keys[index];
        state.dir = 'asc';
      }
      apply();
      writeHash();
    });
  });
  filterBox.addEventListener('input', function () {
    state.filter = filterBox.value;
    apply();
    writeHash();
  });
  verdictBox.addEventListener('change', function () {
    state.verdict = verdictBox.value;
    apply();
    writeHash();
  });
  window.addEventListener('hashchange', function () {
    state = readHash();
    apply();
  });
  apply();
  document.body.setAttribute('data-ready', 'true');
}());
)JS";

std::string base64(const std::string& bytes)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t index = 0;
    for (; index + 2 < bytes.size(); index += 3)
    {
        const unsigned value = (static_cast<unsigned char>(bytes[index]) << 16) |
                               (static_cast<unsigned char>(bytes[index + 1]) << 8) |
                               static_cast<unsigned char>(bytes[index + 2]);
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += alphabet[(value >> 6) & 63];
        out += alphabet[value & 63];
    }
    const std::size_t rest = bytes.size() - index;
    if (rest > 0)
    {
        unsigned value = static_cast<unsigned char>(bytes[index]) << 16;
        if (rest == 2)
            value |= static_cast<unsigned char>(bytes[index + 1]) << 8;
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += rest == 2 ? alphabet[(value >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// "'sha256-…'" of a text, as a Content-Security-Policy source.
std::string csp_hash(std::string_view text)
{
    const std::string hex = sha256_hex(text);
    std::string bytes;
    for (std::size_t index = 0; index + 1 < hex.size(); index += 2)
    {
        unsigned value = 0;
        std::from_chars(hex.data() + index, hex.data() + index + 2, value, 16);
        bytes += static_cast<char>(value);
    }
    return "'sha256-" + base64(bytes) + "'";
}

// At most `limit` code points, then "…" (the chart's labels).
std::string shortened(const std::string& text, std::size_t limit)
{
    std::size_t index = 0, characters = 0;
    while (index < text.size())
    {
        if (characters == limit)
            return text.substr(0, index) + "…";
        std::uint32_t code_point = 0;
        const std::size_t length = static_cast<unsigned char>(text[index]) < 0x80
                                       ? 1
                                       : decode_utf8(text, index, code_point);
        index += length == 0 ? 1 : length;
        ++characters;
    }
    return text;
}

class Page
{
  public:
    explicit Page(Language language)
        : language_(language)
    {
    }
    std::string_view say(std::string_view english, std::string_view french) const
    {
        return in(language_, english, french);
    }
    void raw(std::string_view html) { out_ += html; }
    void text(std::string_view text) { out_ += html_escape(text); }
    // <td class="…" data-v="…" title="…">text</td>, every value escaped.
    void cell(std::string_view text,
              std::string_view value,
              std::string_view css_class = "",
              std::string_view title = "")
    {
        out_ += "<td";
        if (!css_class.empty())
            out_ += " class=\"" + std::string(css_class) + "\"";
        out_ += " data-v=\"" + html_escape(value) + "\"";
        if (!title.empty())
            out_ += " title=\"" + html_escape(title) + "\"";
        out_ += ">" + html_escape(text) + "</td>";
    }
    std::string take() { return std::move(out_); }

  private:
    Language language_;
    std::string out_;
};

struct Column
{
    std::string_view key;
    std::string_view en;
    std::string_view fr;
    bool number;
    std::string_view title_en = "";
    std::string_view title_fr = "";
};

// The page's columns, the verdict first after the file: what a reviewer looks for.
std::vector<Column> page_columns()
{
    std::vector<Column> columns = {
        {"file", "File", "Fichier", false},
        {"client", "Client", "Client", false},
        {"neq", "NEQ", "NEQ", false},
        {"year", "Year", "Année", true},
        {"verdict", "Verdict", "Verdict", true},
        {"errors", "Errors", "Erreurs", true},
        {"warnings", "Warnings", "Avert.", true, "Warnings", "Avertissements"},
        {"infos", "Infos", "Infos", true}};
    for (const MoneyColumn& money : money_columns)
        columns.push_back({money.key, money.en, money.fr, true, money.title_en, money.title_fr});
    const std::vector<Column> rest = {
        {"template", "Template", "Modèle", false, "Template flavour and version",
         "Variante et version du modèle"},
        {"reader", "Reader", "Lecteur", false, "direct: read without an office",
         "direct : lu sans suite bureautique"},
        {"retention", "Keep until", "Conserver jusqu'au", false,
         "Supporting documents kept until (r. 3, s. 4)",
         "Pièces justificatives conservées jusqu'au (r. 3, art. 4)"},
        {"sha256", "SHA-256", "SHA-256", false}};
    columns.insert(columns.end(), rest.begin(), rest.end());
    return columns;
}

// Worst first when sorted ascending.
int verdict_rank(std::string_view key)
{
    if (key == "unreadable")
        return 0;
    if (key == "not-template")
        return 1;
    if (key == "fails")
        return 2;
    if (key == "warnings")
        return 3;
    return 4;
}

void write_chart(Page& page, const std::vector<SummaryRow>& rows, Language language)
{
    // Contributions due (the validator's recomputation), summed by client: its NEQ, else
    // its name.
    struct Client
    {
        std::string name;
        double amount = 0.0;
        std::set<int> years;
    };
    std::map<std::string, Client> clients;
    for (const SummaryRow& row : rows)
    {
        const auto due = money_figure(row.computed, "contribution");
        if (!due || *due < 0.005)
            continue;
        Client& client =
            clients[row.neq.empty() ? "name:" + row.client : "neq:" + header_key(row.neq)];
        if (client.name.empty())
            client.name = row.client.empty() ? file_name_of(row.file) : row.client;
        client.amount += *due;
        if (row.fiscal_year != 0)
            client.years.insert(row.fiscal_year);
    }
    page.raw("<h2>");
    page.text(page.say("Contributions due by client", "Cotisations dues par client"));
    page.raw("</h2>\n");
    if (clients.empty())
    {
        page.raw("<p class=\"note\">");
        page.text(page.say("No contribution due.", "Aucune cotisation due."));
        page.raw("</p>\n");
        return;
    }
    std::vector<Client> sorted;
    for (auto& entry : clients)
        sorted.push_back(std::move(entry.second));
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Client& a, const Client& b) { return a.amount > b.amount; });
    constexpr std::size_t most_bars = 15;
    const std::size_t bars = std::min(sorted.size(), most_bars);
    const double largest = sorted.front().amount;
    constexpr int label_width = 250, bar_width = 420, row_height = 22;
    const int height = static_cast<int>(bars) * row_height + 6;
    page.raw("<svg id=\"chart\" role=\"img\" width=\"" +
             std::to_string(label_width + bar_width + 130) + "\" height=\"" +
             std::to_string(height) + "\" viewBox=\"0 0 " +
             std::to_string(label_width + bar_width + 130) + " " + std::to_string(height) +
             "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>");
    page.text(page.say("Contributions due by client", "Cotisations dues par client"));
    page.raw("</title>\n");
    for (std::size_t index = 0; index < bars; ++index)
    {
        const Client& client = sorted[index];
        std::string years;
        if (!client.years.empty())
            years = " (" + std::to_string(*client.years.begin()) +
                    (client.years.size() > 1 ? "–" + std::to_string(*client.years.rbegin()) : "") +
                    ")";
        const int y = static_cast<int>(index) * row_height + 3;
        const int width =
            std::max(1, static_cast<int>(std::lround(client.amount / largest * bar_width)));
        const std::string amount = money_amount_text(client.amount, language);
        page.raw("<g><title>");
        page.text(client.name + years + ": " + amount);
        page.raw("</title><text x=\"" + std::to_string(label_width - 6) + "\" y=\"" +
                 std::to_string(y + 14) + "\" text-anchor=\"end\">");
        page.text(shortened(client.name, 30) + years);
        page.raw("</text><rect class=\"bar\" x=\"" + std::to_string(label_width) + "\" y=\"" +
                 std::to_string(y) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                 std::to_string(row_height - 6) + "\"/><text class=\"amount\" x=\"" +
                 std::to_string(label_width + width + 6) + "\" y=\"" + std::to_string(y + 14) +
                 "\">");
        page.text(amount);
        page.raw("</text></g>\n");
    }
    page.raw("</svg>\n");
    if (sorted.size() > bars)
    {
        double others = 0.0;
        for (std::size_t index = bars; index < sorted.size(); ++index)
            others += sorted[index].amount;
        page.raw("<p class=\"note\">");
        page.text(std::to_string(sorted.size() - bars) +
                  std::string(page.say(" other clients: ", " autres clients : ")) +
                  money_amount_text(others, language));
        page.raw("</p>\n");
    }
}

std::string format_html_page(const std::vector<SummaryRow>& rows,
                             Language language,
                             const std::string& generated)
{
    Page page(language);
    const bool fr = language == Language::fr;
    const std::string title(page.say("Portfolio summary", "Sommaire du portefeuille"));
    page.raw("<!DOCTYPE html>\n<html lang=\"");
    page.raw(fr ? "fr" : "en");
    page.raw("\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             "script-src " +
             csp_hash(page_script) + "; style-src " + csp_hash(page_style) +
             "; img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    page.text(title);
    page.raw("</title>\n<style>");
    page.raw(page_style);
    page.raw("</style>\n</head>\n<body>\n<h1>");
    page.text(title);
    page.raw("</h1>\n<p class=\"meta\">");
    page.text("OnePercent " + tool_version() + " · " +
              (fr ? "RLRQ, c. D-8.3, r. 3" : "CQLR, c. D-8.3, r. 3") + " · " + generated);
    page.raw("</p>\n");

    // Totals.
    std::map<std::string_view, std::size_t> verdicts;
    double contribution = 0.0;
    for (const SummaryRow& row : rows)
    {
        ++verdicts[verdict_key(row)];
        if (const auto due = money_figure(row.computed, "contribution"))
            contribution += *due;
    }
    page.raw("<p class=\"totals\">");
    page.raw("<span>");
    page.text(std::to_string(rows.size()) + " " +
              std::string(fr ? (rows.size() > 1 ? "fichiers" : "fichier")
                             : (rows.size() == 1 ? "file" : "files")));
    page.raw("</span>");
    for (std::string_view key : {"fails", "warnings", "passes", "not-template", "unreadable"})
    {
        if (verdicts[key] == 0 && key != "fails" && key != "passes")
            continue;
        page.raw("<span>");
        page.text(std::string(verdict_text(key, language)) + (fr ? " : " : ": ") +
                  std::to_string(verdicts[key]));
        page.raw("</span>");
    }
    page.raw("<span>");
    page.text(std::string(page.say("Contributions due: ", "Cotisations dues : ")) +
              money_amount_text(contribution, language));
    page.raw("</span></p>\n");

    write_chart(page, rows, language);

    page.raw("<h2>");
    page.text(page.say("Files", "Fichiers"));
    page.raw("</h2>\n<p class=\"note\">");
    page.text(page.say("Amounts are OnePercent's recomputation from each workbook's detail and "
                       "Employer sheet, not the figures its Summary shows.",
                       "Les montants sont recalculés par OnePercent à partir du détail et de la "
                       "feuille Employeur de chaque classeur, et non repris de son Sommaire."));
    page.raw("</p>\n<div class=\"controls\"><label>");
    page.text(page.say("Filter: ", "Filtrer : "));
    page.raw("<input type=\"search\" id=\"filter\" autocomplete=\"off\" placeholder=\"");
    page.text(page.say("client, NEQ, file…", "client, NEQ, fichier…"));
    page.raw("\"></label><label>");
    page.text(page.say("Verdict: ", "Verdict : "));
    page.raw("<select id=\"verdict\"><option value=\"all\">");
    page.text(page.say("all", "tous"));
    page.raw("</option>");
    for (std::string_view key : {"fails", "warnings", "passes", "not-template", "unreadable"})
    {
        page.raw("<option value=\"" + std::string(key) + "\">");
        page.text(verdict_text(key, language));
        page.raw("</option>");
    }
    page.raw("</select></label><span id=\"shown\" data-template=\"");
    page.text(page.say("{shown} of {total} files shown", "{shown} fichiers affichés sur {total}"));
    page.raw("\"></span></div>\n");

    page.raw("<table id=\"rows\">\n<thead><tr>");
    for (const Column& column : page_columns())
    {
        const std::string_view tooltip = in(language, column.title_en, column.title_fr);
        page.raw("<th scope=\"col\" data-key=\"" + std::string(column.key) + "\"" +
                 (column.number ? " data-type=\"number\"" : "") +
                 (tooltip.empty() ? std::string() : " title=\"" + html_escape(tooltip) + "\"") +
                 "><button type=\"button\">");
        page.text(in(language, column.en, column.fr));
        page.raw("</button></th>");
    }
    page.raw("</tr></thead>\n<tbody>\n");
    for (const SummaryRow& row : rows)
    {
        const std::string_view verdict = verdict_key(row);
        page.raw("<tr class=\"" + std::string(verdict) + "\" data-verdict=\"" +
                 std::string(verdict) + "\" data-file=\"" + html_escape(row.file) + "\">");
        page.cell(file_name_of(row.file), row.file, "file", row.file);
        page.cell(row.client, row.client, "client");
        page.cell(row.neq, row.neq);
        const std::string year = row.fiscal_year != 0 ? std::to_string(row.fiscal_year) : "";
        page.cell(year, year, "n");
        page.cell(verdict_text(verdict, language), std::to_string(verdict_rank(verdict)), "verdict",
                  row.read_error);
        page.cell(std::to_string(row.errors), std::to_string(row.errors), "n");
        page.cell(std::to_string(row.warnings), std::to_string(row.warnings), "n");
        page.cell(std::to_string(row.infos), std::to_string(row.infos), "n");
        for (const MoneyColumn& column : money_columns)
        {
            const auto amount = money_figure(row.computed, column.figure);
            page.cell(amount ? money_amount_text(*amount, language) : "—",
                      amount ? plain_number(*amount) : "", "n");
        }
        std::string template_text = row.flavour;
        if (!row.template_version.empty())
            template_text += (template_text.empty() ? "" : " ") + row.template_version;
        page.cell(template_text, template_text);
        page.cell(row.reader, row.reader);
        const std::string until =
            row.retention_until ? iso_date_text(*row.retention_until) : std::string();
        page.cell(until, until, "n");
        page.raw("<td data-v=\"" + html_escape(row.sha256) + "\" title=\"" +
                 html_escape(row.sha256) + "\"><code>");
        page.text(row.sha256.size() > 12 ? row.sha256.substr(0, 12) + "…" : row.sha256);
        page.raw("</code></td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n");

    // The findings across a client's years, each on its later file.
    bool any = false;
    for (const SummaryRow& row : rows)
        any = any || !row.across_files.empty();
    if (any)
    {
        page.raw("<h2>");
        page.text(page.say("Across a client's years", "D'une année à l'autre d'un client"));
        page.raw("</h2>\n<ul class=\"across\">\n");
        const auto finding_text = [&](const SummaryRow& row, const AcrossFilesFinding& finding)
        {
            return file_name_of(row.file) +
                   (finding.location.empty() ? "" : " (" + finding.location + ")") +
                   (fr ? " : " : ": ") +
                   (fr && !finding.message_fr.empty() ? finding.message_fr : finding.message_en);
        };
        for (const SummaryRow& row : rows)
        {
            // One item per rule and file; several findings folded under it.
            std::vector<std::string> rules;
            for (const AcrossFilesFinding& finding : row.across_files)
                if (std::find(rules.begin(), rules.end(), finding.rule_id) == rules.end())
                    rules.push_back(finding.rule_id);
            for (const std::string& rule : rules)
            {
                std::vector<const AcrossFilesFinding*> group;
                for (const AcrossFilesFinding& finding : row.across_files)
                    if (finding.rule_id == rule)
                        group.push_back(&finding);
                page.raw("<li data-rule=\"" + html_escape(rule) + "\">");
                if (group.size() == 1)
                {
                    page.raw("<strong>");
                    page.text(rule);
                    page.raw("</strong> ");
                    page.text(finding_text(row, *group.front()));
                }
                else
                {
                    page.raw("<details><summary><strong>");
                    page.text(rule);
                    page.raw("</strong> ");
                    page.text(file_name_of(row.file) + (fr ? " : " : ": ") +
                              std::to_string(group.size()) + (fr ? " constats" : " findings"));
                    page.raw("</summary><ul>");
                    for (const AcrossFilesFinding* finding : group)
                    {
                        page.raw("<li>");
                        page.text(finding_text(row, *finding));
                        page.raw("</li>");
                    }
                    page.raw("</ul></details>");
                }
                page.raw("</li>\n");
            }
        }
        page.raw("</ul>\n");
    }
    page.raw("<script>");
    page.raw(page_script);
    page.raw("</script>\n</body>\n</html>\n");
    return page.take();
}

// ---- Reading a JSON summary -----------------------------------------------------------------
[[noreturn]] void
refuse(const std::string& where, const std::string& english, const std::string& french)
{
    throw SummaryError(where + english, where + french);
}

class RowReader
{
  public:
    RowReader(const json::Value& row, std::size_t number)
        : row_(row)
        , number_(number)
        , where_en_("row " + std::to_string(number) + ": ")
        , where_fr_("ligne " + std::to_string(number) + " : ")
    {
        if (!row.is_object())
            fail("is not an object", "n'est pas un objet");
    }

    [[noreturn]] void fail(const std::string& english, const std::string& french) const
    {
        throw SummaryError(where_en_ + english, where_fr_ + french);
    }

    const json::Value* member(std::string_view key, bool required) const
    {
        const json::Value* value = row_.find(key);
        if (value == nullptr && required)
            fail("\"" + std::string(key) + "\" is missing", "« " + std::string(key) + " » manque");
        return value;
    }

    std::string text(std::string_view key, bool required = false) const
    {
        const json::Value* value = member(key, required);
        if (value == nullptr || value->is_null())
            return {};
        if (!value->is_string())
            fail("\"" + std::string(key) + "\" must be a string",
                 "« " + std::string(key) + " » doit être une chaîne");
        return value->text;
    }

    bool flag(std::string_view key) const
    {
        const json::Value* value = member(key, true);
        if (!value->is_boolean())
            fail("\"" + std::string(key) + "\" must be true or false",
                 "« " + std::string(key) + " » doit être true ou false");
        return value->boolean;
    }

    static std::optional<std::size_t> whole_of(const json::Value& value, double most)
    {
        if (!value.is_number() || value.number < 0 || value.number > most ||
            value.number != std::floor(value.number))
            return std::nullopt;
        return static_cast<std::size_t>(value.number);
    }

    std::size_t whole(const json::Value& object, std::string_view key, double most) const
    {
        const json::Value* value = object.find(key);
        if (value == nullptr)
            fail("\"" + std::string(key) + "\" is missing", "« " + std::string(key) + " » manque");
        const auto number = whole_of(*value, most);
        if (!number)
            fail("\"" + std::string(key) + "\" must be a whole number from 0 to " +
                     plain_number(most),
                 "« " + std::string(key) + " » doit être un nombre entier de 0 à " +
                     plain_number(most));
        return *number;
    }

    FigureSet figures(std::string_view key) const
    {
        FigureSet figures;
        const json::Value* object = member(key, false);
        if (object == nullptr || object->is_null())
            return figures;
        if (!object->is_object())
            fail("\"" + std::string(key) + "\" must be an object",
                 "« " + std::string(key) + " » doit être un objet");
        for (std::string_view name : figure_keys())
        {
            const json::Value* value = object->find(name);
            if (value == nullptr || value->is_null())
                continue;
            if (name == "subject" && value->is_boolean())
            {
                figures.subject = value->boolean;
                continue;
            }
            if (!value->is_number() || name == "subject")
                fail("\"" + std::string(key) + "." + std::string(name) + "\" must be a number",
                     "« " + std::string(key) + "." + std::string(name) + " » doit être un nombre");
            const double number = value->number;
            if (name == "payroll")
                figures.payroll = number;
            else if (name == "minimum")
                figures.minimum = number;
            else if (name == "eligible")
                figures.eligible = number;
            else if (name == "carried_in")
                figures.carried_in = number;
            else if (name == "contribution")
                figures.contribution = number;
            else if (name == "carry_forward")
                figures.carry_forward = number;
        }
        return figures;
    }

    std::optional<CivilDate> date(std::string_view key) const
    {
        const std::string text = this->text(key);
        if (text.empty())
            return std::nullopt;
        int year = 0, month = 0, day = 0;
        const auto number = [&](std::size_t at, std::size_t length, int& out)
        {
            const char* first = text.data() + at;
            const auto [end, error] = std::from_chars(first, first + length, out);
            return error == std::errc() && end == first + length;
        };
        if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !number(0, 4, year) ||
            !number(5, 2, month) || !number(8, 2, day) || year < 1583 || month < 1 || month > 12 ||
            day < 1 || day > 31)
            fail("\"" + std::string(key) + "\" must be a date YYYY-MM-DD",
                 "« " + std::string(key) + " » doit être une date AAAA-MM-JJ");
        const CivilDate date{year, month, day};
        bool exists = true;
        try
        {
            const CivilDate back = civil_from_days(days_from_civil(date));
            exists = back.month == month && back.day == day;
        }
        catch (const InputError&)
        {
            exists = false;
        }
        if (!exists)
            fail("\"" + std::string(key) + "\" is not a date of the calendar",
                 "« " + std::string(key) + " » n'est pas une date du calendrier");
        return date;
    }

    SummaryRow read() const
    {
        SummaryRow row;
        row.file = text("file", true);
        row.client = text("client");
        row.neq = text("neq");
        const json::Value* year = member("fiscalYear", true);
        // Any year a workbook may give (the validator judges it), as the writer writes it.
        const auto year_number = whole_of(*year, 2147483647.0);
        if (!year_number)
            fail("\"fiscalYear\" must be a whole number from 0 to 2147483647",
                 "« fiscalYear » doit être un nombre entier de 0 à 2147483647");
        row.fiscal_year = static_cast<int>(*year_number);
        row.flavour = text("flavour");
        row.template_version = text("templateVersion");
        row.computed = figures("computed");
        row.workbook = figures("workbook");
        row.carried_in_location = text("carriedInLocation");
        row.readable = flag("readable");
        row.is_template = flag("isTemplate");
        row.read_error = text("readError");
        const json::Value* counts = member("counts", true);
        if (!counts->is_object())
            fail("\"counts\" must be an object", "« counts » doit être un objet");
        constexpr double most_findings = 1e12;
        row.errors = whole(*counts, "errors", most_findings);
        row.warnings = whole(*counts, "warnings", most_findings);
        row.infos = whole(*counts, "infos", most_findings);
        if (const json::Value* across = member("acrossFiles", false);
            across != nullptr && !across->is_null())
        {
            if (!across->is_array())
                fail("\"acrossFiles\" must be an array", "« acrossFiles » doit être un tableau");
            for (const json::Value& item : across->items)
            {
                RowReader finding(item, number_);
                AcrossFilesFinding read;
                read.rule_id = finding.text("ruleId", true);
                if (!is_across_files_rule(read.rule_id))
                    fail("\"acrossFiles\" holds an unknown rule",
                         "« acrossFiles » contient une règle inconnue");
                const std::string severity = finding.text("severity", true);
                if (severity == "error")
                    read.severity = Severity::error;
                else if (severity == "warning")
                    read.severity = Severity::warning;
                else if (severity == "info")
                    read.severity = Severity::info;
                else
                    fail("\"severity\" must be error, warning or info",
                         "« severity » doit être error, warning ou info");
                read.location = finding.text("location");
                if (const json::Value* message = item.find("message"); message != nullptr)
                {
                    RowReader texts(*message, number_);
                    read.message_en = texts.text("en");
                    read.message_fr = texts.text("fr");
                }
                row.across_files.push_back(std::move(read));
            }
        }
        row.reader = text("reader");
        row.sha256 = text("sha256", true);
        row.retention_until = date("retentionUntil");
        row.tool_version = text("toolVersion");
        row.rule_set_version = text("ruleSetVersion");
        return row;
    }

  private:
    const json::Value& row_;
    std::size_t number_;
    std::string where_en_;
    std::string where_fr_;
};
} // namespace

std::string_view verdict_key(const SummaryRow& row)
{
    if (!row.readable)
        return "unreadable";
    if (!row.is_template)
        return "not-template";
    if (row.errors > 0)
        return "fails";
    if (row.warnings > 0)
        return "warnings";
    return "passes";
}

std::string_view verdict_text(std::string_view key, Language language)
{
    if (key == "unreadable")
        return in(language, "not validated: unreadable", "non validé : illisible");
    if (key == "not-template")
        return in(language, "not a OnePercent workbook", "pas un classeur OnePercent");
    if (key == "fails")
        return in(language, "fails", "non conforme");
    if (key == "warnings")
        return in(language, "passes with warnings", "conforme avec avertissements");
    return in(language, "passes", "conforme");
}

std::vector<SummaryRow> summary_rows(const std::vector<Report>& reports)
{
    const auto shown = [](const std::string& text)
    { return capped(text, Language::en, max_shown_characters); };
    const auto message = [](const std::string& text)
    { return capped(text, Language::en, max_message_characters); };
    std::vector<SummaryRow> rows;
    rows.reserve(reports.size());
    for (const Report& report : reports)
    {
        SummaryRow row;
        row.file = report.file;
        row.client = shown(report.figures.employer_name);
        row.neq = shown(report.facts.neq);
        row.fiscal_year = report.figures.fiscal_year;
        row.flavour = shown(report.facts.flavour);
        row.template_version = shown(report.facts.template_version);
        row.computed = report.figures.computed;
        row.workbook = report.figures.workbook;
        row.carried_in_location = shown(report.facts.carried_in_location);
        row.readable = report.readable;
        row.is_template = report.is_template;
        row.read_error = message(report.read_error);
        row.errors = report.count(Severity::error);
        row.warnings = report.count(Severity::warning);
        row.infos = report.count(Severity::info);
        for (const Finding& finding : report.findings)
            if (is_across_files_rule(finding.rule_id))
                row.across_files.push_back({finding.rule_id, finding.severity,
                                            shown(finding.location()), message(finding.message_en),
                                            message(finding.message_fr)});
        row.reader = report.reader;
        row.sha256 = report.sha256;
        row.retention_until = report.facts.retention_until;
        row.tool_version = report.tool_version;
        row.rule_set_version = report.rule_set_version;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::optional<SummaryFormat> summary_format_of(std::string_view path)
{
    const auto dot = path.find_last_of("./");
    if (dot == std::string_view::npos || path[dot] != '.')
        return std::nullopt;
    std::string extension(path.substr(dot + 1));
    for (char& character : extension)
        if (character >= 'A' && character <= 'Z')
            character = static_cast<char>(character - 'A' + 'a');
    if (extension == "csv")
        return SummaryFormat::csv;
    if (extension == "html" || extension == "htm")
        return SummaryFormat::html;
    if (extension == "json")
        return SummaryFormat::json;
    return std::nullopt;
}

std::string format_summary(const std::vector<SummaryRow>& rows,
                           SummaryFormat format,
                           Language language,
                           const SummaryOptions& options)
{
    const std::string generated = options.generated.empty() ? utc_now_text() : options.generated;
    switch (format)
    {
    case SummaryFormat::csv:
        return format_csv(rows);
    case SummaryFormat::json:
        return format_json(rows, language, generated);
    case SummaryFormat::html:
        return format_html_page(rows, language, generated);
    }
    return format_csv(rows);
}

SummaryError::SummaryError(std::string english, std::string french)
    : std::runtime_error(english)
    , english_(std::move(english))
    , french_(std::move(french))
{
}

const std::string& SummaryError::message(Language language) const
{
    return language == Language::fr ? french_ : english_;
}

std::vector<SummaryRow> read_summary_json(std::string_view text)
{
    json::Value document;
    try
    {
        document = json::parse(text);
    }
    catch (const json::ParseError& error)
    {
        refuse("", "not JSON: " + error.message(Language::en),
               "pas du JSON : " + error.message(Language::fr));
    }
    const json::Value* format = document.find("format");
    if (!document.is_object() || format == nullptr || !format->is_string() ||
        format->text != summary_format_name)
        refuse("",
               "not a OnePercent portfolio summary (\"format\" is not \"" +
                   std::string(summary_format_name) + "\")",
               "pas un sommaire de portefeuille OnePercent (« format » n'est pas « " +
                   std::string(summary_format_name) + " »)");
    const json::Value* version = document.find("formatVersion");
    if (version == nullptr || !version->is_number() || version->number != summary_format_version)
        refuse("",
               "a summary of format version " +
                   (version && version->is_number() ? plain_number(version->number)
                                                    : std::string("?")) +
                   " (this onepercent-validate reads version 1; a newer one made it?)",
               "un sommaire de version de format " +
                   (version && version->is_number() ? plain_number(version->number)
                                                    : std::string("?")) +
                   " (cet onepercent-validate lit la version 1; un plus récent l'a produit ?)");
    const json::Value* rows = document.find("rows");
    if (rows == nullptr || !rows->is_array())
        refuse("", "\"rows\" must be an array", "« rows » doit être un tableau");
    std::vector<SummaryRow> result;
    result.reserve(rows->items.size());
    for (std::size_t index = 0; index < rows->items.size(); ++index)
        result.push_back(RowReader(rows->items[index], index + 1).read());
    return result;
}

MergeResult merge_summaries(std::vector<std::vector<SummaryRow>> summaries)
{
    MergeResult result;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::vector<SummaryRow>& summary : summaries)
        for (SummaryRow& row : summary)
        {
            if (!seen.insert({row.file, row.sha256}).second)
            {
                ++result.duplicates;
                continue;
            }
            result.rows.push_back(std::move(row));
        }
    std::stable_sort(result.rows.begin(), result.rows.end(),
                     [](const SummaryRow& a, const SummaryRow& b)
                     { return std::tie(a.file, a.sha256) < std::tie(b.file, b.sha256); });

    // The chain again, over every row: the rules across files work on reports.
    std::vector<Report> reports(result.rows.size());
    for (std::size_t index = 0; index < result.rows.size(); ++index)
    {
        const SummaryRow& row = result.rows[index];
        Report& report = reports[index];
        report.file = row.file;
        report.sha256 = row.sha256;
        report.readable = row.readable;
        report.is_template = row.is_template;
        report.figures.employer_name = row.client;
        report.figures.fiscal_year = row.fiscal_year;
        report.figures.computed = row.computed;
        report.figures.workbook = row.workbook;
        report.facts.neq = row.neq;
        report.facts.carried_in_location = row.carried_in_location;
    }
    check_across_files(reports);
    for (std::size_t index = 0; index < reports.size(); ++index)
    {
        SummaryRow& row = result.rows[index];
        for (const Finding& finding : reports[index].findings)
        {
            if (finding.rule_id != "R-ACT-CARRY-CHAIN")
                continue;
            const bool known = std::any_of(row.across_files.begin(), row.across_files.end(),
                                           [&](const AcrossFilesFinding& other)
                                           { return other.rule_id == finding.rule_id; });
            if (known)
                continue;
            row.across_files.push_back({finding.rule_id, finding.severity, finding.location(),
                                        finding.message_en, finding.message_fr});
            if (finding.severity == Severity::error)
                ++row.errors;
            else if (finding.severity == Severity::warning)
                ++row.warnings;
            else
                ++row.infos;
            ++result.chain_findings_added;
        }
    }
    return result;
}
} // namespace onepercent::validation
