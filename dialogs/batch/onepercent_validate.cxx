// onepercent-validate: checks client workbooks against the regulation, by the hundred.
// Each file is opened read-only and hidden in a headless office of our own (a throwaway
// profile with the extension installed), with macros never executed and links never
// updated, read in bulk into the workbook model, closed without saving, and validated.
//
// Client files are untrusted (issue 9): names become URLs by the SDK's conversion, a ZIP
// container is checked before the office sees it, the reader reads bounded blocks and
// refuses a workbook past its cell limit, every failure is that file's own, and nothing of
// the run (offices, profiles, pipes) outlives it, even when it is killed.
#include "direct_reader.hxx"
#include "extension_installer.hxx"
#include "file_url.hxx"
#include "leftover_guard.hxx"
#include "office_process.hxx"
#include "portfolio_summary.hxx"
#include "safe_text.hxx"
#include "sha256.hxx"
#include "validator.hxx"
#include "workbook_reader.hxx"
#include "zip_check.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace css = com::sun::star;
namespace fs = std::filesystem;
using namespace onepercent;
using namespace onepercent::batch;
using onepercent::uno_workbook::read_workbook;
using validation::terminal_safe;

namespace
{
constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_unreadable_or_usage = 2;

const char* const accepted_extensions[] = {".ods", ".ots", ".fods", ".xlsx", ".xlsm", ".xls"};

// The import filters of spreadsheet formats. A file the office can only read with another
// filter (random bytes named .xls are read as CSV text) is not a workbook.
const char* const spreadsheet_filters[] = {"calc8",
                                           "calc8_template",
                                           "OpenDocument Spreadsheet Flat XML",
                                           "calc_StarOffice_XML_Calc",
                                           "calc_StarOffice_XML_Calc_Template",
                                           "Calc MS Excel 2007 XML",
                                           "Calc MS Excel 2007 XML Template",
                                           "Calc MS Excel 2007 VBA XML",
                                           "Calc Office Open XML",
                                           "Calc Office Open XML Template",
                                           "MS Excel 2003 XML",
                                           "MS Excel 97",
                                           "MS Excel 97 Vorlage/Template",
                                           "MS Excel 95",
                                           "MS Excel 95 Vorlage/Template",
                                           "MS Excel 5.0/95",
                                           "MS Excel 5.0/95 Vorlage/Template",
                                           "MS Excel 4.0",
                                           "MS Excel 4.0 Vorlage/Template"};

// ---- messages, in English and French ------------------------------------------------------

struct Text
{
    const char* en;
    const char* fr;
};
Language message_language = Language::en;
std::string say(const Text& text)
{
    return message_language == Language::fr ? text.fr : text.en;
}

const Text usage_text{
    "usage: onepercent-validate [--format text|json|sarif|html] [--lang fr|en] [--jobs N]\n"
    "                           [--timeout SECONDS] [--output FILE] [--extension OXT]\n"
    "                           [--reader direct|office|auto] [--summary FILE]\n"
    "                           [--work FOLDER] [--quiet] [--timings] [--] FILE|FOLDER...\n"
    "       onepercent-validate --merge-summary OUT [--lang fr|en] [--quiet] SUMMARY.json...\n"
    "Checks OnePercent workbooks (.ods, .ots, .fods, .xlsx, .xls) against the Regulation\n"
    "respecting eligible training expenditures (CQLR c. D-8.3, r. 3). Files are opened\n"
    "read-only; macros are never executed and links never updated. After --, every argument\n"
    "is a file or folder, even one whose name starts with '-'. A workbook may hold at most\n"
    "10,000,000 cells (from A1 to each sheet's last cell with content, all sheets together).\n"
    "Exit status: 0 no error finding, 1 at least one error finding, 2 a file could not be\n"
    "read or validated, or bad usage.\n",
    "usage : onepercent-validate [--format text|json|sarif|html] [--lang fr|en] [--jobs N]\n"
    "                            [--timeout SECONDES] [--output FICHIER] [--extension OXT]\n"
    "                            [--reader direct|office|auto] [--summary FICHIER]\n"
    "                            [--work DOSSIER] [--quiet] [--timings] [--] FICHIER|DOSSIER...\n"
    "        onepercent-validate --merge-summary SORTIE [--lang fr|en] [--quiet] SOMMAIRE.json...\n"
    "Vérifie des classeurs OnePercent (.ods, .ots, .fods, .xlsx, .xls) au regard du Règlement\n"
    "sur les dépenses de formation admissibles (RLRQ, c. D-8.3, r. 3). Les fichiers sont\n"
    "ouverts en lecture seule; les macros ne sont jamais exécutées ni les liens mis à jour.\n"
    "Après --, chaque argument est un fichier ou un dossier, même si son nom commence par\n"
    "« - ». Un classeur compte au plus 10 000 000 de cellules (de A1 à la dernière cellule\n"
    "remplie de chaque feuille, toutes feuilles comprises).\n"
    "Code de sortie : 0 aucune erreur, 1 au moins une erreur, 2 un fichier illisible ou non\n"
    "validé, ou un usage incorrect.\n"};

// Each option and its default, for --help (issue 10, item 7).
const Text options_text{
    "\nOptions (default in brackets):\n"
    "  --format F        text, json, sarif, or html (the page the dialog exports) [text]\n"
    "  --lang L          fr or en, for the report and the messages [fr when LC_ALL,\n"
    "                    LC_MESSAGES or LANG starts with fr, else en]\n"
    "  --jobs N          files validated at once, one office each, 1 to 16 [1]\n"
    "  --timeout S       seconds one file may take before its office is restarted,\n"
    "                    1 to 3600 [120]\n"
    "  --output FILE     where the report goes [standard output]\n"
    "  --reader R        auto: .xlsx, .xlsm, .ods, .ots and .fods files are read without an\n"
    "                    office, which starts only for a file that needs it (.xls, encrypted,\n"
    "                    results not stored or that the office recomputes); direct: never\n"
    "                    start an office; office: every file in the office [auto]\n"
    "  --extension OXT   the OnePercent extension [onepercent.oxt beside this program, else\n"
    "                    ../../onepercent.oxt (a build folder), else\n"
    "                    ../share/onepercent/onepercent.oxt]\n"
    "  --work FOLDER     where the office profiles go [a new folder in $TMPDIR or /tmp,\n"
    "                    removed at the end]\n"
    "  --quiet           no progress line per file on standard error [progress shown]\n"
    "  --timings         seconds to load, read and validate each file, on standard error\n"
    "                    [not shown]\n"
    "  --summary FILE    also write the portfolio summary, one row per file: .csv, .html (a\n"
    "                    page that sorts and filters) or .json (for --merge-summary), by the\n"
    "                    name's extension [none]\n"
    "  --merge-summary OUT\n"
    "                    validate nothing: merge the .json summaries given (made on several\n"
    "                    machines) into OUT (.csv, .html or .json), the carry-forward chain\n"
    "                    checked again across them [none]\n",
    "\nOptions (valeur par défaut entre crochets) :\n"
    "  --format F        text, json, sarif ou html (la page qu'exporte la boîte de dialogue)\n"
    "                    [text]\n"
    "  --lang L          fr ou en, pour le rapport et les messages [fr quand LC_ALL,\n"
    "                    LC_MESSAGES ou LANG commence par fr, sinon en]\n"
    "  --jobs N          fichiers validés à la fois, une suite bureautique chacun, 1 à 16 [1]\n"
    "  --timeout S       secondes permises par fichier avant de redémarrer sa suite, 1 à 3600\n"
    "                    [120]\n"
    "  --output FICHIER  où écrire le rapport [sortie standard]\n"
    "  --reader R        auto : les fichiers .xlsx, .xlsm, .ods, .ots et .fods sont lus sans\n"
    "                    suite bureautique, qui ne démarre que pour un fichier qui en a besoin\n"
    "                    (.xls, chiffré, résultats non enregistrés ou que la suite recalcule);\n"
    "                    direct : ne jamais démarrer de suite; office : chaque fichier dans la\n"
    "                    suite [auto]\n"
    "  --extension OXT   l'extension OnePercent [onepercent.oxt à côté de ce programme, sinon\n"
    "                    ../../onepercent.oxt (un dossier de compilation), sinon\n"
    "                    ../share/onepercent/onepercent.oxt]\n"
    "  --work DOSSIER    où placer les profils de la suite [un nouveau dossier dans $TMPDIR\n"
    "                    ou /tmp, supprimé à la fin]\n"
    "  --quiet           aucune ligne de progression par fichier sur l'erreur standard\n"
    "                    [progression affichée]\n"
    "  --timings         secondes de chargement, de lecture et de validation par fichier, sur\n"
    "                    l'erreur standard [non affichées]\n"
    "  --summary FICHIER écrire aussi le sommaire du portefeuille, une ligne par fichier :\n"
    "                    .csv, .html (une page qui trie et filtre) ou .json (pour\n"
    "                    --merge-summary), selon l'extension du nom [aucun]\n"
    "  --merge-summary SORTIE\n"
    "                    ne rien valider : fusionner les sommaires .json donnés (faits sur\n"
    "                    plusieurs machines) dans SORTIE (.csv, .html ou .json), en vérifiant\n"
    "                    de nouveau la chaîne des soldes reportés entre eux [aucun]\n"};

// ---- options ---------------------------------------------------------------------------------

struct Options
{
    validation::ReportFormat format = validation::ReportFormat::text;
    Language language = Language::en;
    unsigned jobs = 1;
    unsigned timeout_seconds = 120;
    std::string output;
    std::string extension;
    std::string work_folder;
    bool quiet = false;
    bool timings = false;        // per file on stderr: load, bulk read and validation seconds
    std::string reader = "auto"; // direct, office or auto (--reader, issue 11)
    std::string summary;         // --summary FILE (issue 12): .csv, .html or .json
    std::string merge_output;    // --merge-summary OUT: merge the inputs, validate nothing
    std::vector<std::string> inputs;
};

Language language_from_environment()
{
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"})
    {
        const char* value = std::getenv(variable);
        if (value && *value)
            return std::string(value).rfind("fr", 0) == 0 ? Language::fr : Language::en;
    }
    return Language::en;
}

[[noreturn]] void usage_error(const std::string& message)
{
    std::cerr << "onepercent-validate: " << terminal_safe(message) << "\n\n" << say(usage_text);
    std::exit(exit_unreadable_or_usage);
}

// The .oxt relative to this program, wherever it is installed or built: beside it, in the
// build folder two levels up (build/dialogs/batch/onepercent-validate), or in an installed
// ../share/onepercent. None found: the first, which the error message then names.
std::vector<fs::path> extension_candidates()
{
    std::error_code error;
    const fs::path folder = fs::canonical("/proc/self/exe", error).parent_path();
    if (error)
        return {};
    return {folder / "onepercent.oxt", folder / ".." / ".." / "onepercent.oxt",
            folder / ".." / "share" / "onepercent" / "onepercent.oxt"};
}

std::string default_extension()
{
    const std::vector<fs::path> candidates = extension_candidates();
    for (const fs::path& candidate : candidates)
    {
        std::error_code error;
        if (fs::is_regular_file(candidate, error))
            return fs::weakly_canonical(candidate, error).string();
    }
    return candidates.empty() ? std::string("onepercent.oxt") : candidates.front().string();
}

Options parse_options(int argc, char** argv)
{
    Options options;
    options.language = language_from_environment();
    message_language = options.language;
    options.extension = default_extension();
    auto value_of = [&](int& index, const std::string& name) -> std::string
    {
        if (index + 1 >= argc)
            usage_error(say({"missing value after ", "valeur manquante après "}) + name);
        return argv[++index];
    };
    auto whole_number =
        [&](const std::string& text, const std::string& name, unsigned low, unsigned high)
    {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            value < low || value > high)
            usage_error(name + say({": a whole number from ", " : un nombre entier de "}) +
                        std::to_string(low) + say({" to ", " à "}) + std::to_string(high) +
                        say({" is expected", " est attendu"}));
        return value;
    };
    bool only_files = false;
    for (int index = 1; index < argc; ++index)
    {
        const std::string argument = argv[index];
        if (only_files || argument.empty() || argument[0] != '-')
            options.inputs.push_back(argument);
        else if (argument == "--")
            only_files = true;
        else if (argument == "--help" || argument == "-h")
        {
            std::cout << say(usage_text) << say(options_text);
            std::exit(exit_clean);
        }
        else if (argument == "--format")
        {
            const std::string format = value_of(index, argument);
            if (format == "text")
                options.format = validation::ReportFormat::text;
            else if (format == "json")
                options.format = validation::ReportFormat::json;
            else if (format == "sarif")
                options.format = validation::ReportFormat::sarif;
            else if (format == "html")
                options.format = validation::ReportFormat::html;
            else
                usage_error(say({"unknown format ", "format inconnu "}) + format);
        }
        else if (argument == "--lang")
        {
            const std::string language = value_of(index, argument);
            if (language != "fr" && language != "en")
                usage_error(say({"unknown language ", "langue inconnue "}) + language);
            options.language = language == "fr" ? Language::fr : Language::en;
            message_language = options.language;
        }
        else if (argument == "--jobs")
            options.jobs = whole_number(value_of(index, argument), argument, 1, 16);
        else if (argument == "--timeout")
            options.timeout_seconds = whole_number(value_of(index, argument), argument, 1, 3600);
        else if (argument == "--output")
            options.output = value_of(index, argument);
        else if (argument == "--extension")
            options.extension = value_of(index, argument);
        else if (argument == "--work")
            options.work_folder = value_of(index, argument);
        else if (argument == "--quiet")
            options.quiet = true;
        else if (argument == "--timings")
            options.timings = true;
        else if (argument == "--reader")
        {
            options.reader = value_of(index, argument);
            if (options.reader != "direct" && options.reader != "office" &&
                options.reader != "auto")
                usage_error(say({"unknown reader ", "lecteur inconnu "}) + options.reader +
                            say({" (direct, office or auto)", " (direct, office ou auto)"}));
        }
        else if (argument == "--summary" || argument == "--merge-summary")
        {
            std::string& target = argument == "--summary" ? options.summary : options.merge_output;
            target = value_of(index, argument);
            if (!validation::summary_format_of(target))
                usage_error(argument + say({": the file's name must end in .csv, .html or .json",
                                            " : le nom du fichier doit finir par .csv, .html ou "
                                            ".json"}));
        }
        else
            usage_error(say({"unknown option ", "option inconnue "}) + argument +
                        say({" (a file whose name starts with '-' goes after --)",
                             " (un fichier dont le nom commence par « - » se donne après --)"}));
    }
    if (!options.merge_output.empty())
    {
        if (!options.summary.empty() || !options.output.empty())
            usage_error(say({"--merge-summary writes only OUT: no --summary or --output with it",
                             "--merge-summary n'écrit que SORTIE : ni --summary ni --output "
                             "avec lui"}));
        if (options.inputs.empty())
            usage_error(say({"no summary to merge", "aucun sommaire à fusionner"}));
    }
    if (!options.summary.empty() && !options.output.empty())
    {
        std::error_code error;
        if (fs::weakly_canonical(fs::absolute(options.summary), error) ==
            fs::weakly_canonical(fs::absolute(options.output), error))
            usage_error(say({"--summary and --output name the same file",
                             "--summary et --output désignent le même fichier"}));
    }
    if (options.inputs.empty())
        usage_error(say({"no file to validate", "aucun fichier à valider"}));
    return options;
}

bool accepted_file(const fs::path& path)
{
    std::string extension = path.extension().string();
    for (char& character : extension)
        if (character >= 'A' && character <= 'Z')
            character = static_cast<char>(character - 'A' + 'a');
    return std::find(std::begin(accepted_extensions), std::end(accepted_extensions), extension) !=
           std::end(accepted_extensions);
}

// Files as given; a folder gives its workbooks (not recursive), sorted by name. A file given
// twice (or reached twice, through another spelling or a link) is validated once.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs)
{
    std::vector<std::string> files;
    std::set<std::string> seen;
    auto add = [&](const std::string& file)
    {
        std::error_code error;
        const fs::path real = fs::canonical(file, error);
        if (seen.insert(error ? "given:" + file : "real:" + real.string()).second)
            files.push_back(file);
    };
    for (const std::string& input : inputs)
    {
        std::error_code error;
        if (fs::is_directory(input, error))
        {
            std::vector<std::string> found;
            for (const auto& entry : fs::directory_iterator(input, error))
                if (entry.is_regular_file(error) && accepted_file(entry.path()) &&
                    entry.path().filename().string().rfind(".~lock.", 0) != 0)
                    found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            for (const std::string& file : found)
                add(file);
        }
        else
            add(input);
    }
    return files;
}

// ---- where the run's folders go ----------------------------------------------------------------

bool writable_folder(const std::string& folder)
{
    struct stat status;
    return !folder.empty() && stat(folder.c_str(), &status) == 0 && S_ISDIR(status.st_mode) &&
           access(folder.c_str(), W_OK | X_OK) == 0;
}

// $TMPDIR when it is a writable folder, else /tmp (saying so); nullopt when neither is.
std::optional<std::string> temporary_parent()
{
    const char* variable = std::getenv("TMPDIR");
    if (variable && *variable)
    {
        if (writable_folder(variable))
            return std::string(variable);
        std::cerr << "onepercent-validate: "
                  << say({"TMPDIR is not a writable folder (", "TMPDIR n'est pas un dossier "
                                                               "accessible en écriture ("})
                  << terminal_safe(variable) << say({"): using /tmp", ") : /tmp est utilisé"})
                  << "\n";
    }
    if (writable_folder("/tmp"))
        return std::string("/tmp");
    return std::nullopt;
}

// One run at a time in a --work folder: a lock on a file in it, held until we exit.
bool lock_work_folder(const std::string& folder)
{
    std::error_code error;
    fs::create_directories(folder, error);
    const std::string lock_path = (fs::path(folder) / ".onepercent-validate.lock").string();
    const int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
    {
        std::cerr << "onepercent-validate: "
                  << say({"cannot use the work folder ", "impossible d'utiliser le dossier de "
                                                         "travail "})
                  << terminal_safe(folder) << ": " << std::strerror(errno) << "\n";
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0)
    {
        std::cerr << "onepercent-validate: " << say({"the work folder ", "le dossier de travail "})
                  << terminal_safe(folder)
                  << say({" is in use by another onepercent-validate run; give each run its own "
                          "--work folder",
                          " est utilisé par une autre exécution d'onepercent-validate; donnez à "
                          "chacune son propre dossier --work"})
                  << "\n";
        close(fd);
        return false;
    }
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) == 0 && write(fd, pid.data(), pid.size()) < 0)
    {
        // the pid is only a hint for people
    }
    return true; // the descriptor stays open (and locked) until we exit
}

// ---- termination signals: a thread of their own, no handler --------------------------------

// SIGTERM, SIGINT, SIGHUP and the like are blocked in every thread and taken by one thread
// with sigwait: nothing runs in signal context, so the clean-up may take locks (issue 9,
// item 10). SIGPIPE is ignored: a write error is reported instead.
sigset_t termination_signals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int signal_number : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                              SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ})
        sigaddset(&set, signal_number);
    return set;
}

void start_signal_thread()
{
    std::thread(
        []
        {
            const sigset_t set = termination_signals();
            int signal_number = 0;
            while (sigwait(&set, &signal_number) != 0)
            {
            }
            const std::string message =
                "onepercent-validate: " +
                say({"interrupted by signal ", "interrompu par le signal "}) +
                std::to_string(signal_number) +
                say({"; ending the offices and removing the temporary files\n",
                     "; fin des suites et suppression des fichiers temporaires\n"});
            if (write(STDERR_FILENO, message.data(), message.size()) < 0)
            {
                // nothing more to say
            }
            guard::shut_down();
            _exit(128 + signal_number);
        })
        .detach();
}

// ---- one office and the files it validates --------------------------------------------------

// A test seam (tests/batch/test_hostile.py): milliseconds to pause after each validation,
// standing in for a long validation, with the office idle. 0 outside tests.
unsigned test_validation_pause_ms()
{
    const char* value = std::getenv("ONEPERCENT_TEST_VALIDATION_PAUSE_MS");
    unsigned pause = 0;
    if (value)
        std::from_chars(value, value + std::strlen(value), pause);
    return std::min(pause, 600000U);
}

// The office program: $ONEPERCENT_SOFFICE (as tests/calc/office.py), else the one built
// against.
std::string soffice_program()
{
    const char* program = std::getenv("ONEPERCENT_SOFFICE");
    return program && *program ? std::string(program) : std::string(ONEPERCENT_SOFFICE);
}

class Worker
{
  public:
    Worker(const Options& options, const std::string& profile_folder, unsigned number)
        : options_(options)
        , office_(soffice_program(),
                  profile_folder,
                  "onepercent_validate_" + std::to_string(getpid()) + "_" + std::to_string(number))
        , links_((fs::path(profile_folder) / "links").string())
        , watchdog_([this] { watch(); })
    {
    }

    ~Worker()
    {
        {
            std::lock_guard<std::mutex> guard(mutex_);
            quit_ = true;
        }
        changed_.notify_all();
        watchdog_.join();
        office_.stop();
    }

    // Starts the office and installs the extension in its profile (once per run).
    void prepare()
    {
        office_.start(std::chrono::seconds(90));
        install_extension(office_.context(), options_.extension, links_);
        office_.stop(); // add-in functions need a new office session
        office_.start(std::chrono::seconds(90));
    }

    // Never throws: whatever goes wrong with this file is this file's error only.
    validation::Report validate(const std::string& file)
    {
        std::string digest;
        validation::Report report;
        try
        {
            report = validate_file(file, digest);
        }
        catch (const std::bad_alloc&)
        {
            report = failure(file, digest,
                             say({"out of memory while reading the file",
                                  "mémoire épuisée pendant la lecture du fichier"}));
        }
        catch (const std::exception& error)
        {
            report = failure(file, digest, error.what());
        }
        catch (const css::uno::Exception& error)
        {
            report = failure(file, digest, to_utf8(error.Message));
        }
        catch (...)
        {
            report = failure(file, digest, say({"unexpected error", "erreur inattendue"}));
        }
        report.file = file;
        if (report.sha256.empty())
            report.sha256 = digest;
        return report;
    }

  private:
    validation::Report validate_file(const std::string& file, std::string& digest)
    {
        std::error_code type_error;
        if (fs::exists(file, type_error) && !fs::is_regular_file(file, type_error))
            return validation::unreadable_report(
                file, "", say({"not a regular file", "pas un fichier ordinaire"}));
        // In blocks: a file of any size is hashed in bounded memory.
        const std::optional<std::string> hash = validation::sha256_of_file(file);
        if (!hash)
            return validation::unreadable_report(
                file, "",
                say({"the file cannot be read (missing or no permission)",
                     "le fichier est illisible (absent ou sans permission)"}));
        digest = *hash;
        std::error_code size_error;
        if (fs::file_size(file, size_error) == 0 && !size_error)
            return validation::unreadable_report(file, digest,
                                                 say({"the file is empty", "le fichier est vide"}));
        if (const auto problem = check_zip(file))
            return validation::unreadable_report(
                file, digest,
                message_language == Language::fr ? problem->french : problem->english);

        validation::Report report;
        try
        {
            if (!office_.running())
                office_.start(std::chrono::seconds(90));
            arm_watchdog();
            const validation::Workbook workbook = read(file);
            // The watchdog guards the office's work only: validating is ours, and bounded.
            if (disarm_watchdog())
                restart_office(); // it fired as the read ended: the office is gone
            const auto validating = std::chrono::steady_clock::now();
            report = validation::validate(workbook);
            if (const unsigned pause = test_validation_pause_ms())
                std::this_thread::sleep_for(std::chrono::milliseconds(pause));
            validate_seconds_ = seconds_since(validating);
            if (options_.timings)
            {
                std::lock_guard<std::mutex> guard(output_mutex());
                std::cerr << "timings\t" << terminal_safe(file) << "\tload " << load_seconds_
                          << "\tread " << read_seconds_ << "\tvalidate " << validate_seconds_
                          << "\n";
            }
        }
        catch (const uno_workbook::ReadRefused& refused)
        {
            report = failure(file, digest,
                             message_language == Language::fr ? refused.french() : refused.what());
        }
        catch (const css::lang::DisposedException&)
        {
            report = failure(
                file, digest,
                say({"the connection to the office broke while it read the file: the office "
                     "crashed, or the file holds text that UNO cannot carry (an unpaired UTF-16 "
                     "surrogate in a sheet name or a document property)",
                     "la connexion à la suite s'est rompue pendant la lecture du fichier : la "
                     "suite a planté, ou le fichier contient du texte qu'UNO ne peut transmettre "
                     "(un demi-codet UTF-16 isolé dans un nom de feuille ou une propriété)"}));
        }
        report.sha256 = digest;
        // We were asked to read the file: prove we did not change it.
        if (validation::sha256_of_file(file) != digest)
        {
            std::lock_guard<std::mutex> guard(output_mutex());
            std::cerr << "onepercent-validate: "
                      << say({"WARNING: the file changed while it was validated: ",
                              "ATTENTION : le fichier a changé pendant la validation : "})
                      << terminal_safe(file) << "\n";
        }
        return report;
    }

  public:
    static std::mutex& output_mutex()
    {
        static std::mutex mutex;
        return mutex;
    }

  private:
    validation::Workbook read(const std::string& file)
    {
        const auto desktop = css::frame::Desktop::create(office_.context());
        css::uno::Sequence<css::beans::PropertyValue> arguments(5);
        css::beans::PropertyValue* argument = arguments.getArray();
        argument[0].Name = "Hidden";
        argument[0].Value <<= true;
        argument[1].Name = "ReadOnly";
        argument[1].Value <<= true;
        argument[2].Name = "MacroExecutionMode";
        argument[2].Value <<= css::document::MacroExecMode::NEVER_EXECUTE;
        argument[3].Name = "UpdateDocMode";
        argument[3].Value <<= css::document::UpdateDocMode::NO_UPDATE;
        argument[4].Name = "RepairPackage";
        argument[4].Value <<= false;
        // The URL by the SDK's conversion: "%63lean.fods" stays itself (file_url.hxx). A name
        // that is not UTF-8 is opened through a link with an ASCII name, removed after.
        std::string link;
        rtl::OUString url;
        {
            guard::Permit permit;
            url = file_url_of(file, links_, link);
        }
        struct RemoveLink
        {
            const std::string& path;
            ~RemoveLink()
            {
                std::error_code ignored;
                if (!path.empty())
                    fs::remove(path, ignored);
            }
        } remove_link{link};
        // No interaction handler: a password or a repair question fails the load instead
        // of waiting for an answer nobody gives.
        const auto loading = std::chrono::steady_clock::now();
        const css::uno::Reference<css::lang::XComponent> component =
            desktop->loadComponentFromURL(url, "_blank", 0, arguments);
        load_seconds_ = seconds_since(loading);
        if (!component.is())
            throw std::runtime_error(
                say({"the office could not open the file (corrupt, password-protected or not a "
                     "spreadsheet)",
                     "la suite n'a pas pu ouvrir le fichier (endommagé, protégé par mot de passe "
                     "ou pas un classeur)"}));
        struct CloseWithoutSaving
        {
            css::uno::Reference<css::lang::XComponent> component;
            ~CloseWithoutSaving()
            {
                try
                {
                    const css::uno::Reference<css::util::XCloseable> closeable(component,
                                                                               css::uno::UNO_QUERY);
                    if (closeable.is())
                        closeable->close(true);
                    else
                        component->dispose();
                }
                catch (...)
                {
                }
            }
        } closer{component};
        check_filter(component);
        const css::uno::Reference<css::sheet::XSpreadsheetDocument> spreadsheet(
            component, css::uno::UNO_QUERY);
        if (!spreadsheet.is())
            throw std::runtime_error(
                say({"the file is not a spreadsheet", "le fichier n'est pas un classeur"}));
        const auto reading = std::chrono::steady_clock::now();
        uno_workbook::ReadOptions read_options;
        read_options.remote_office = office_.context();
        validation::Workbook workbook = read_workbook(spreadsheet, file, read_options);
        read_seconds_ = seconds_since(reading);
        return workbook;
    }

    // The office reads anything: random bytes named .xls open as CSV text. Only a
    // spreadsheet format's filter makes a workbook.
    static void check_filter(const css::uno::Reference<css::lang::XComponent>& component)
    {
        const css::uno::Reference<css::frame::XModel> model(component, css::uno::UNO_QUERY);
        rtl::OUString filter;
        if (model.is())
            for (const css::beans::PropertyValue& argument : model->getArgs())
                if (argument.Name == "FilterName")
                    argument.Value >>= filter;
        const std::string name = to_utf8(filter);
        if (std::find(std::begin(spreadsheet_filters), std::end(spreadsheet_filters), name) ==
            std::end(spreadsheet_filters))
            throw std::runtime_error(
                say({"the file is not a spreadsheet (the office would read it as \"",
                     "le fichier n'est pas un classeur (la suite le lirait comme « "}) +
                name + say({"\")", " »)"}));
    }

    void restart_office()
    {
        office_.stop();
        try
        {
            office_.start(std::chrono::seconds(90));
        }
        catch (const std::exception& error)
        {
            std::lock_guard<std::mutex> guard(output_mutex());
            std::cerr << "onepercent-validate: " << terminal_safe(error.what()) << "\n";
        }
    }

    // A failed file: if the office hung or died, restart it for the next file.
    validation::Report
    failure(const std::string& file, const std::string& digest, std::string reason)
    {
        const bool timed_out = disarm_watchdog();
        if (timed_out)
            reason = say({"the office did not finish within ", "la suite n'a pas terminé en "}) +
                     std::to_string(options_.timeout_seconds) + " s";
        if (!guard::shutting_down() && (timed_out || !office_alive()))
            restart_office();
        return validation::unreadable_report(file, digest, reason);
    }

    bool office_alive()
    {
        try
        {
            return office_.running() && office_.context().is() &&
                   office_.context()->getServiceManager().is() &&
                   css::frame::Desktop::create(office_.context()).is();
        }
        catch (...)
        {
            return false;
        }
    }

    void arm_watchdog()
    {
        std::lock_guard<std::mutex> guard(mutex_);
        deadline_ =
            std::chrono::steady_clock::now() + std::chrono::seconds(options_.timeout_seconds);
        timed_out_ = false;
        changed_.notify_all();
    }

    // Returns whether the watchdog fired since it was armed.
    bool disarm_watchdog()
    {
        std::lock_guard<std::mutex> guard(mutex_);
        deadline_.reset();
        const bool fired = timed_out_;
        timed_out_ = false;
        return fired;
    }

    void watch()
    {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!quit_)
        {
            if (deadline_ && std::chrono::steady_clock::now() >= *deadline_)
            {
                timed_out_ = true;
                deadline_.reset();
                office_.kill(); // the blocked call returns with an exception
                continue;
            }
            if (deadline_)
                changed_.wait_until(lock, *deadline_);
            else
                changed_.wait(lock);
        }
    }

    static double seconds_since(std::chrono::steady_clock::time_point start)
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    const Options& options_;
    double load_seconds_ = 0.0, read_seconds_ = 0.0, validate_seconds_ = 0.0;
    OfficeProcess office_;
    std::string links_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    bool timed_out_ = false;
    bool quit_ = false;
    std::thread watchdog_;
};

// ---- reading without an office (--reader, issue 11) ------------------------------------------

// The file read by the direct reader (dialogs/direct_reader: a child process with memory,
// time and size limits) and validated. nullopt when the office reads it: --reader office, or
// auto and a file the direct reader cannot judge (.xls, encrypted, results not stored) or
// whose stored results the office would show otherwise (direct_reader.hxx).
std::optional<validation::Report> direct_report(const Options& options, const std::string& file)
{
    if (options.reader == "office")
        return std::nullopt;
    auto unreadable = [&](const std::string& digest, const std::string& reason)
    {
        validation::Report report = validation::unreadable_report(file, digest, reason);
        report.reader = "direct";
        return report;
    };
    std::error_code type_error;
    if (fs::exists(file, type_error) && !fs::is_regular_file(file, type_error))
        return unreadable("", say({"not a regular file", "pas un fichier ordinaire"}));
    const std::optional<std::string> digest = validation::sha256_of_file(file);
    if (!digest)
        return unreadable("", say({"the file cannot be read (missing or no permission)",
                                   "le fichier est illisible (absent ou sans permission)"}));
    std::error_code size_error;
    if (fs::file_size(file, size_error) == 0 && !size_error)
        return unreadable(*digest, say({"the file is empty", "le fichier est vide"}));
    direct_reader::Limits limits;
    limits.seconds = options.timeout_seconds;
    const direct_reader::Result result = direct_reader::read_isolated(file, limits);
    if (options.reader == "auto" &&
        (result.status == direct_reader::Status::needs_office ||
         (result.status == direct_reader::Status::read && result.office_advice)))
    {
        if (!options.quiet)
        {
            const direct_reader::Message& why =
                result.office_advice ? *result.office_advice : result.reason;
            std::lock_guard<std::mutex> guard(Worker::output_mutex());
            std::cerr << "onepercent-validate: " << terminal_safe(file)
                      << say({": read in the office: ", " : lu dans la suite : "})
                      << terminal_safe(why.in(message_language)) << "\n";
        }
        return std::nullopt;
    }
    validation::Report report;
    if (result.status == direct_reader::Status::read)
    {
        const auto validating = std::chrono::steady_clock::now();
        report = validation::validate(result.workbook);
        const double validate_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - validating).count();
        if (options.timings)
        {
            std::lock_guard<std::mutex> guard(Worker::output_mutex());
            std::cerr << "timings\t" << terminal_safe(file) << "\tload 0\tread " << result.seconds
                      << "\tvalidate " << validate_seconds << "\n";
        }
    }
    else
        report = validation::unreadable_report(
            file, *digest,
            result.reason.in(message_language) +
                (result.status == direct_reader::Status::needs_office
                     ? say({" (the direct reader cannot judge it: use --reader auto or office)",
                            " (le lecteur direct ne peut pas en juger : utilisez --reader auto "
                            "ou office)"})
                     : std::string()));
    report.file = file;
    report.sha256 = *digest;
    report.reader = "direct";
    if (validation::sha256_of_file(file) != digest)
    {
        std::lock_guard<std::mutex> guard(Worker::output_mutex());
        std::cerr << "onepercent-validate: "
                  << say({"WARNING: the file changed while it was validated: ",
                          "ATTENTION : le fichier a changé pendant la validation : "})
                  << terminal_safe(file) << "\n";
    }
    return report;
}

// Writes all of `text` to `fd`; false on an error (EPIPE included: SIGPIPE is ignored).
bool write_all(int fd, const std::string& text)
{
    std::size_t written = 0;
    while (written < text.size())
    {
        const ssize_t result = write(fd, text.data() + written, text.size() - written);
        if (result < 0 && errno == EINTR)
            continue;
        if (result <= 0)
            return false;
        written += static_cast<std::size_t>(result);
    }
    return true;
}

// `text` as the whole content of the file open on `fd` (truncated first when it is a regular
// file: a summary may go to /dev/stdout or a pipe), then closed; false on an error.
bool replace_contents(int fd, const std::string& text)
{
    struct stat status;
    const bool regular = fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    const bool written = (!regular || ftruncate(fd, 0) == 0) && write_all(fd, text);
    return close(fd) == 0 && written;
}

// ---- --merge-summary (issue 12): summaries made on several machines, merged into one ---------

// A summary's bytes, at most 128 MiB (what the JSON reader takes); nullopt and a message else.
std::optional<std::string> read_summary_file(const std::string& path)
{
    constexpr std::size_t most_bytes = std::size_t(128) << 20;
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat status;
    if (fd < 0 || fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))
    {
        const int error = fd < 0 ? errno : EISDIR;
        std::cerr << "onepercent-validate: " << say({"cannot read ", "impossible de lire "})
                  << terminal_safe(path) << ": " << std::strerror(error) << "\n";
        if (fd >= 0)
            close(fd);
        return std::nullopt;
    }
    std::string text;
    char buffer[1 << 16];
    while (true)
    {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 ||
            text.size() + static_cast<std::size_t>(std::max<ssize_t>(got, 0)) > most_bytes)
        {
            std::cerr << "onepercent-validate: " << terminal_safe(path) << ": "
                      << (got < 0 ? std::string(std::strerror(errno))
                                  : say({"larger than 128 MiB: not a summary",
                                         "plus de 128 Mio : pas un sommaire"}))
                      << "\n";
            close(fd);
            return std::nullopt;
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    close(fd);
    return text;
}

// Exit status as a run's: 2 when a summary cannot be read or written or a row's file was not
// validated, 1 when a row has an error finding, 0 otherwise.
int merge_main(const Options& options)
{
    // OUT first, not truncated yet: a path that cannot be written is known before the work,
    // and OUT may be one of the inputs.
    const std::string out_path = fs::absolute(options.merge_output).string();
    struct stat status;
    const bool existed = stat(out_path.c_str(), &status) == 0;
    const int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (out_fd < 0)
    {
        std::cerr << "onepercent-validate: " << say({"cannot write ", "impossible d'écrire "})
                  << terminal_safe(options.merge_output) << ": " << std::strerror(errno) << "\n";
        return exit_unreadable_or_usage;
    }
    auto give_up = [&]
    {
        close(out_fd);
        if (!existed)
            unlink(out_path.c_str());
        return exit_unreadable_or_usage;
    };
    std::vector<std::vector<validation::SummaryRow>> summaries;
    for (const std::string& input : options.inputs)
    {
        const std::optional<std::string> text = read_summary_file(input);
        if (!text)
            return give_up();
        try
        {
            summaries.push_back(validation::read_summary_json(*text));
        }
        catch (const validation::SummaryError& error)
        {
            std::cerr << "onepercent-validate: " << terminal_safe(input) << ": "
                      << terminal_safe(error.message(message_language)) << "\n";
            return give_up();
        }
        catch (const std::bad_alloc&)
        {
            std::cerr << "onepercent-validate: " << terminal_safe(input) << ": "
                      << say({"out of memory", "mémoire épuisée"}) << "\n";
            return give_up();
        }
    }
    const validation::MergeResult merged = validation::merge_summaries(std::move(summaries));
    const std::string output = validation::format_summary(
        merged.rows, *validation::summary_format_of(out_path), options.language);
    if (!replace_contents(out_fd, output))
    {
        std::cerr << "onepercent-validate: " << say({"cannot write ", "impossible d'écrire "})
                  << terminal_safe(out_path) << ": " << std::strerror(errno) << "\n";
        return exit_unreadable_or_usage;
    }
    if (!options.quiet)
        std::cerr << "onepercent-validate: "
                  << (message_language == Language::fr
                          ? std::to_string(merged.rows.size()) + " lignes de " +
                                std::to_string(options.inputs.size()) + " sommaires, " +
                                std::to_string(merged.duplicates) + " en double retirées, " +
                                std::to_string(merged.chain_findings_added) +
                                " rupture(s) de la chaîne des soldes reportés trouvée(s) entre "
                                "sommaires : "
                          : std::to_string(merged.rows.size()) + " rows from " +
                                std::to_string(options.inputs.size()) + " summaries, " +
                                std::to_string(merged.duplicates) + " duplicates dropped, " +
                                std::to_string(merged.chain_findings_added) +
                                " carry-forward chain break(s) found across summaries: ")
                  << terminal_safe(out_path) << "\n";
    bool unreadable = false, errors = false;
    for (const validation::SummaryRow& row : merged.rows)
    {
        unreadable = unreadable || !row.readable;
        errors = errors || row.errors > 0;
    }
    return unreadable ? exit_unreadable_or_usage : errors ? exit_findings : exit_clean;
}

} // namespace

int main(int argc, char** argv)
{
    // Before any thread: the termination signals are blocked everywhere (the signal thread
    // takes them), and a write to a closed pipe is an error, not a death.
    const sigset_t signals = termination_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const Options options = parse_options(argc, argv);
    if (!options.merge_output.empty())
    {
        // No office and no folder of ours: the termination signals end it as they would.
        pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
        return merge_main(options);
    }
    const std::vector<std::string> files = expand_inputs(options.inputs);
    if (files.empty())
        usage_error(say({"no workbook found in the given folders",
                         "aucun classeur trouvé dans les dossiers donnés"}));
    // Without it, --reader auto still validates what it reads without an office.
    if (options.reader == "office" && !fs::is_regular_file(options.extension))
    {
        std::cerr << "onepercent-validate: "
                  << say({"the OnePercent extension was not found: ",
                          "l'extension OnePercent est introuvable : "})
                  << terminal_safe(options.extension)
                  << say({" (give it with --extension; it is build/onepercent.oxt after a build)",
                          " (indiquez-la avec --extension; c'est build/onepercent.oxt après une "
                          "compilation)"})
                  << "\n";
        return exit_unreadable_or_usage;
    }

    // The profiles: under --work (locked for this run), or a folder of our own.
    std::string work_folder;
    bool own_work_folder = false;
    if (!options.work_folder.empty())
    {
        if (!is_utf8(fs::absolute(options.work_folder).string()))
            usage_error(say({"--work: the folder's path must be UTF-8",
                             "--work : le chemin du dossier doit être en UTF-8"}));
        work_folder = fs::absolute(options.work_folder).string();
        if (!lock_work_folder(work_folder))
            return exit_unreadable_or_usage;
    }
    else
    {
        const std::optional<std::string> parent = temporary_parent();
        if (!parent || !is_utf8(fs::absolute(*parent).string()))
        {
            std::cerr << "onepercent-validate: "
                      << say({"no writable temporary folder (set TMPDIR or use --work)",
                              "aucun dossier temporaire accessible en écriture (définissez "
                              "TMPDIR ou utilisez --work)"})
                      << "\n";
            return exit_unreadable_or_usage;
        }
        work_folder = (fs::absolute(*parent) / "onepercent-validate-XXXXXX").string();
    }

    // The guardian (while we have one thread), then the signal thread.
    guard::start();
    start_signal_thread();
    if (!own_work_folder && options.work_folder.empty())
    {
        guard::Permit permit;
        if (!mkdtemp(work_folder.data()))
        {
            std::cerr << "onepercent-validate: "
                      << say({"cannot create a temporary folder: ",
                              "impossible de créer un dossier temporaire : "})
                      << std::strerror(errno) << "\n";
            guard::finish();
            return exit_unreadable_or_usage;
        }
        own_work_folder = true;
        guard::remove_if_we_die(work_folder);
    }
    std::vector<std::string> office_folders;
    for (unsigned number = 0; number < options.jobs && number < files.size(); ++number)
    {
        office_folders.push_back(work_folder + "/office-" + std::to_string(number));
        if (!own_work_folder)
            guard::remove_if_we_die(office_folders.back());
    }
    // Under the gate: an interruption's clean-up (guard::shut_down) never runs meanwhile.
    auto remove_run_folders = [&]
    {
        try
        {
            guard::Permit permit;
            if (own_work_folder)
            {
                guard::remove_tree(work_folder);
                guard::forget(work_folder);
            }
            else
                for (const std::string& folder : office_folders)
                {
                    guard::remove_tree(folder);
                    guard::forget(folder);
                }
        }
        catch (const std::runtime_error&)
        {
            // interrupted: the signal thread removes them
        }
    };

    // --output is opened first: a report that cannot be written is known before the work.
    int output_fd = STDOUT_FILENO;
    std::string output_path;
    if (!options.output.empty())
    {
        output_path = fs::absolute(options.output).string();
        struct stat status;
        const bool existed = stat(output_path.c_str(), &status) == 0;
        {
            guard::Permit permit;
            output_fd = open(output_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        }
        if (output_fd < 0)
        {
            std::cerr << "onepercent-validate: " << say({"cannot write ", "impossible d'écrire "})
                      << terminal_safe(options.output) << ": " << std::strerror(errno) << "\n";
            remove_run_folders();
            guard::finish();
            return exit_unreadable_or_usage;
        }
        if (!existed)
            guard::remove_if_we_die(output_path);
    }
    // --summary too (issue 12): opened before the work, written after it.
    int summary_fd = -1;
    std::string summary_path;
    if (!options.summary.empty())
    {
        summary_path = fs::absolute(options.summary).string();
        struct stat status;
        const bool existed = stat(summary_path.c_str(), &status) == 0;
        {
            guard::Permit permit;
            summary_fd = open(summary_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        }
        if (summary_fd < 0)
        {
            std::cerr << "onepercent-validate: " << say({"cannot write ", "impossible d'écrire "})
                      << terminal_safe(options.summary) << ": " << std::strerror(errno) << "\n";
            remove_run_folders();
            guard::finish();
            return exit_unreadable_or_usage;
        }
        if (!existed)
            guard::remove_if_we_die(summary_path);
    }

    std::vector<validation::Report> reports(files.size());
    std::atomic<std::size_t> next{0};
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(options.jobs, files.size()));
    std::vector<std::thread> threads;
    for (unsigned number = 0; number < workers; ++number)
        threads.emplace_back(
            [&, number]
            {
                auto complain = [&](const std::string& reason)
                {
                    std::lock_guard<std::mutex> guard(Worker::output_mutex());
                    std::cerr << "onepercent-validate: "
                              << say({"the office could not be used: ",
                                      "la suite est inutilisable : "})
                              << terminal_safe(reason) << "\n";
                };
                try
                {
                    // The office starts when a file needs it (--reader): a run of .xlsx and
                    // .ods files with stored results starts none.
                    std::optional<Worker> worker;
                    std::string office_problem;
                    for (std::size_t index = next++; index < files.size(); index = next++)
                    {
                        // A failure of the direct reader's side is this file's own (item 3).
                        std::optional<validation::Report> direct;
                        try
                        {
                            direct = direct_report(options, files[index]);
                        }
                        catch (const std::bad_alloc&)
                        {
                            direct = validation::unreadable_report(
                                files[index], "",
                                say({"out of memory while reading the file",
                                     "mémoire épuisée pendant la lecture du fichier"}));
                        }
                        catch (const std::exception& error)
                        {
                            direct = validation::unreadable_report(files[index], "", error.what());
                        }
                        if (direct && direct->reader.empty())
                            direct->reader = "direct";
                        if (direct)
                            reports[index] = std::move(*direct);
                        else
                        {
                            if (!worker && office_problem.empty())
                            {
                                try
                                {
                                    if (!fs::is_regular_file(options.extension))
                                        throw std::runtime_error(
                                            say({"the OnePercent extension was not found: ",
                                                 "l'extension OnePercent est introuvable : "}) +
                                            options.extension);
                                    worker.emplace(options, office_folders[number], number);
                                    worker->prepare();
                                }
                                catch (const std::exception& error)
                                {
                                    worker.reset();
                                    office_problem = error.what();
                                }
                                catch (const css::uno::Exception& error)
                                {
                                    worker.reset();
                                    office_problem = to_utf8(error.Message);
                                }
                                if (!office_problem.empty())
                                    complain(office_problem);
                            }
                            reports[index] =
                                worker ? worker->validate(files[index])
                                       : validation::unreadable_report(
                                             files[index], "",
                                             say({"not validated: the office could not be used: ",
                                                  "non validé : la suite est inutilisable : "}) +
                                                 office_problem);
                            reports[index].reader = "office";
                        }
                        if (!options.quiet)
                        {
                            const validation::Report& report = reports[index];
                            std::lock_guard<std::mutex> guard(Worker::output_mutex());
                            std::cerr
                                << "[" << index + 1 << "/" << files.size() << "] "
                                << terminal_safe(files[index]) << ": "
                                << (report.readable ? std::to_string(report.count(
                                                          validation::Severity::error)) +
                                                          say({" error(s)", " erreur(s)"})
                                                    : say({"unreadable: ", "illisible : "}) +
                                                          terminal_safe(validation::capped(
                                                              report.read_error, message_language,
                                                              validation::max_message_characters)))
                                << "\n";
                        }
                    }
                }
                catch (const std::exception& error)
                {
                    complain(error.what());
                }
                catch (const css::uno::Exception& error)
                {
                    complain(to_utf8(error.Message));
                }
            });
    for (std::thread& thread : threads)
        thread.join();
    remove_run_folders();
    for (std::size_t index = 0; index < files.size(); ++index)
        if (reports[index].file.empty()) // its office could not be started
            reports[index] =
                validation::unreadable_report(files[index], "",
                                              say({"not validated: the office could not be used",
                                                   "non validé : la suite est inutilisable"}));
    // The rules across files (issue 12): a client's consecutive years, before any report.
    validation::check_across_files(reports);

    const std::string output =
        validation::format_reports(reports, options.format, options.language);
    bool written = true;
    if (output_fd != STDOUT_FILENO)
        written =
            ftruncate(output_fd, 0) == 0 && write_all(output_fd, output) && close(output_fd) == 0;
    else
        written = write_all(STDOUT_FILENO, output);
    const int write_error = errno;
    bool summary_written = true;
    if (summary_fd >= 0)
    {
        const std::string summary = validation::format_summary(
            validation::summary_rows(reports), *validation::summary_format_of(summary_path),
            options.language);
        summary_written = replace_contents(summary_fd, summary);
        if (!summary_written)
            std::cerr << "onepercent-validate: "
                      << say({"cannot write the summary to ",
                              "impossible d'écrire le sommaire dans "})
                      << terminal_safe(summary_path) << ": " << std::strerror(errno) << "\n";
    }
    if (!output_path.empty())
        guard::forget(output_path);
    if (!summary_path.empty())
        guard::forget(summary_path);
    guard::finish();
    if (!written)
    {
        std::cerr << "onepercent-validate: "
                  << say({"cannot write the report to ", "impossible d'écrire le rapport dans "})
                  << (output_path.empty() ? say({"the standard output", "la sortie standard"})
                                          : terminal_safe(output_path))
                  << ": " << std::strerror(write_error) << "\n";
        return exit_unreadable_or_usage;
    }
    if (!summary_written)
        return exit_unreadable_or_usage;

    bool unreadable = false, errors = false;
    for (const validation::Report& report : reports)
    {
        unreadable = unreadable || !report.readable;
        errors = errors || report.count(validation::Severity::error) > 0;
    }
    return unreadable ? exit_unreadable_or_usage : errors ? exit_findings : exit_clean;
}
