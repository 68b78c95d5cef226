// onepercent-validate: checks client workbooks against the regulation, by the hundred.
// Each file is opened read-only and hidden in a headless office of our own (a throwaway
// profile with the extension installed), with macros never executed and links never
// updated, read in bulk into the workbook model, closed without saving, and validated.
#include "extension_installer.hxx"
#include "office_process.hxx"
#include "sha256.hxx"
#include "validator.hxx"
#include "workbook_reader.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace css = com::sun::star;
namespace fs = std::filesystem;
using namespace onepercent;
using namespace onepercent::batch;
using onepercent::uno_workbook::read_workbook;

namespace
{
constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_unreadable_or_usage = 2;

const char* const accepted_extensions[] = {".ods", ".ots", ".fods", ".xlsx", ".xls"};

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
    "                           [--work FOLDER] [--quiet] [--timings] FILE|FOLDER...\n"
    "Checks OnePercent workbooks (.ods, .ots, .fods, .xlsx, .xls) against the Regulation\n"
    "respecting eligible training expenditures (CQLR c. D-8.3, r. 3). Files are opened\n"
    "read-only; macros are never executed and links never updated.\n"
    "Exit status: 0 no error finding, 1 at least one error finding, 2 a file could not be\n"
    "read or bad usage.\n",
    "usage : onepercent-validate [--format text|json|sarif|html] [--lang fr|en] [--jobs N]\n"
    "                            [--timeout SECONDES] [--output FICHIER] [--extension OXT]\n"
    "                            [--work DOSSIER] [--quiet] [--timings] FICHIER|DOSSIER...\n"
    "Vérifie des classeurs OnePercent (.ods, .ots, .fods, .xlsx, .xls) au regard du Règlement\n"
    "sur les dépenses de formation admissibles (RLRQ c. D-8.3, r. 3). Les fichiers sont\n"
    "ouverts en lecture seule; les macros ne sont jamais exécutées ni les liens mis à jour.\n"
    "Code de sortie : 0 aucune erreur, 1 au moins une erreur, 2 un fichier illisible ou un\n"
    "usage incorrect.\n"};

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
    "  --extension OXT   the OnePercent extension [onepercent.oxt beside this program, else\n"
    "                    ../../onepercent.oxt (a build folder), else\n"
    "                    ../share/onepercent/onepercent.oxt]\n"
    "  --work FOLDER     where the office profiles go [a new folder in $TMPDIR or /tmp,\n"
    "                    removed at the end]\n"
    "  --quiet           no progress line per file on standard error [progress shown]\n"
    "  --timings         seconds to load, read and validate each file, on standard error\n"
    "                    [not shown]\n",
    "\nOptions (valeur par défaut entre crochets) :\n"
    "  --format F        text, json, sarif ou html (la page qu'exporte la boîte de dialogue)\n"
    "                    [text]\n"
    "  --lang L          fr ou en, pour le rapport et les messages [fr quand LC_ALL,\n"
    "                    LC_MESSAGES ou LANG commence par fr, sinon en]\n"
    "  --jobs N          fichiers validés à la fois, une suite bureautique chacun, 1 à 16 [1]\n"
    "  --timeout S       secondes permises par fichier avant de redémarrer sa suite, 1 à 3600\n"
    "                    [120]\n"
    "  --output FICHIER  où écrire le rapport [sortie standard]\n"
    "  --extension OXT   l'extension OnePercent [onepercent.oxt à côté de ce programme, sinon\n"
    "                    ../../onepercent.oxt (un dossier de compilation), sinon\n"
    "                    ../share/onepercent/onepercent.oxt]\n"
    "  --work DOSSIER    où placer les profils de la suite [un nouveau dossier dans $TMPDIR\n"
    "                    ou /tmp, supprimé à la fin]\n"
    "  --quiet           aucune ligne de progression par fichier sur l'erreur standard\n"
    "                    [progression affichée]\n"
    "  --timings         secondes de chargement, de lecture et de validation par fichier, sur\n"
    "                    l'erreur standard [non affichées]\n"};

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
    bool timings = false; // per file on stderr: load, bulk read and validation seconds
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
    std::cerr << "onepercent-validate: " << message << "\n\n" << say(usage_text);
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
        char* end = nullptr;
        const long value = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || *end || value < static_cast<long>(low) ||
            value > static_cast<long>(high))
            usage_error(name + say({": a whole number from ", " : un nombre entier de "}) +
                        std::to_string(low) + say({" to ", " à "}) + std::to_string(high) +
                        say({" is expected", " est attendu"}));
        return static_cast<unsigned>(value);
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
        else
            usage_error(say({"unknown option ", "option inconnue "}) + argument);
    }
    if (options.inputs.empty())
        usage_error(say({"no file to validate", "aucun fichier à valider"}));
    return options;
}

bool accepted_file(const fs::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(std::begin(accepted_extensions), std::end(accepted_extensions), extension) !=
           std::end(accepted_extensions);
}

// Files as given; a folder gives its workbooks (not recursive), sorted by name.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs)
{
    std::vector<std::string> files;
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
            files.insert(files.end(), found.begin(), found.end());
        }
        else
            files.push_back(input);
    }
    return files;
}

// ---- every office we start, for a signal to end them ----------------------------------------

std::mutex offices_mutex;
std::vector<OfficeProcess*> live_offices;

void end_offices_and_exit(int signal_number)
{
    // Not async-signal-safe in theory (a mutex), but the alternative is leaving offices
    // behind: try the lock, kill what is registered, and leave.
    if (offices_mutex.try_lock())
    {
        for (OfficeProcess* office : live_offices)
            office->kill();
        offices_mutex.unlock();
    }
    std::_Exit(128 + signal_number);
}

// ---- one office and the files it validates --------------------------------------------------

class Worker
{
  public:
    Worker(const Options& options, const std::string& profile_folder, unsigned number)
        : options_(options)
        , office_(std::string(ONEPERCENT_SOFFICE),
                  profile_folder,
                  "onepercent_validate_" + std::to_string(getpid()) + "_" + std::to_string(number))
        , watchdog_([this] { watch(); })
    {
        std::lock_guard<std::mutex> guard(offices_mutex);
        live_offices.push_back(&office_);
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
        std::lock_guard<std::mutex> guard(offices_mutex);
        live_offices.erase(std::remove(live_offices.begin(), live_offices.end(), &office_),
                           live_offices.end());
    }

    // Starts the office and installs the extension in its profile (once per run).
    void prepare()
    {
        office_.start(std::chrono::seconds(90));
        install_extension(office_.context(), options_.extension);
        office_.stop(); // add-in functions need a new office session
        office_.start(std::chrono::seconds(90));
    }

    validation::Report validate(const std::string& file)
    {
        std::error_code type_error;
        if (fs::exists(file, type_error) && !fs::is_regular_file(file, type_error))
            return validation::unreadable_report(
                file, "", say({"not a regular file", "pas un fichier ordinaire"}));
        const std::optional<std::string> digest = validation::sha256_of_file(file);
        if (!digest)
            return validation::unreadable_report(
                file, "",
                say({"the file cannot be read (missing or no permission)",
                     "le fichier est illisible (absent ou sans permission)"}));
        std::error_code size_error;
        if (fs::file_size(file, size_error) == 0 && !size_error)
            return validation::unreadable_report(file, *digest,
                                                 say({"the file is empty", "le fichier est vide"}));
        validation::Report report;
        try
        {
            if (!office_.running())
                office_.start(std::chrono::seconds(90));
            arm_watchdog();
            const validation::Workbook workbook = read(file);
            const auto validating = std::chrono::steady_clock::now();
            report = validation::validate(workbook);
            validate_seconds_ = seconds_since(validating);
            disarm_watchdog();
            if (options_.timings)
                std::cerr << "timings\t" << file << "\tload " << load_seconds_ << "\tread "
                          << read_seconds_ << "\tvalidate " << validate_seconds_ << "\n";
        }
        catch (const std::exception& error)
        {
            report = failure(file, *digest, error.what());
        }
        catch (const css::uno::Exception& error)
        {
            report = failure(file, *digest, to_utf8(error.Message));
        }
        report.file = file;
        report.sha256 = *digest;
        // We were asked to read the file: prove we did not change it.
        if (validation::sha256_of_file(file) != digest)
            std::cerr << "onepercent-validate: "
                      << say({"WARNING: the file changed while it was validated: ",
                              "ATTENTION : le fichier a changé pendant la validation : "})
                      << file << "\n";
        return report;
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
        // No interaction handler: a password or a repair question fails the load instead
        // of waiting for an answer nobody gives.
        const std::string url = "file://" + fs::absolute(file).string();
        const auto loading = std::chrono::steady_clock::now();
        const css::uno::Reference<css::lang::XComponent> component =
            desktop->loadComponentFromURL(to_ou(url), "_blank", 0, arguments);
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
        const css::uno::Reference<css::sheet::XSpreadsheetDocument> spreadsheet(
            component, css::uno::UNO_QUERY);
        if (!spreadsheet.is())
            throw std::runtime_error(
                say({"the file is not a spreadsheet", "le fichier n'est pas un classeur"}));
        const auto reading = std::chrono::steady_clock::now();
        validation::Workbook workbook = read_workbook(spreadsheet, file);
        read_seconds_ = seconds_since(reading);
        return workbook;
    }

    // A failed file: if the office hung or died, restart it for the next file.
    validation::Report
    failure(const std::string& file, const std::string& digest, std::string reason)
    {
        const bool timed_out = disarm_watchdog();
        if (timed_out)
            reason = say({"the office did not finish within ", "la suite n'a pas terminé en "}) +
                     std::to_string(options_.timeout_seconds) + " s";
        if (timed_out || !office_alive())
        {
            office_.stop();
            try
            {
                office_.start(std::chrono::seconds(90));
            }
            catch (const std::exception& error)
            {
                std::cerr << "onepercent-validate: " << error.what() << "\n";
            }
        }
        return validation::unreadable_report(file, digest, reason);
    }

    bool office_alive()
    {
        try
        {
            return office_.context().is() && office_.context()->getServiceManager().is() &&
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
        return timed_out_;
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
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    bool timed_out_ = false;
    bool quit_ = false;
    std::thread watchdog_;
};

} // namespace

int main(int argc, char** argv)
{
    const Options options = parse_options(argc, argv);
    const std::vector<std::string> files = expand_inputs(options.inputs);
    if (files.empty())
        usage_error(say({"no workbook found in the given folders",
                         "aucun classeur trouvé dans les dossiers donnés"}));
    if (!fs::is_regular_file(options.extension))
    {
        std::cerr << "onepercent-validate: "
                  << say({"the OnePercent extension was not found: ",
                          "l'extension OnePercent est introuvable : "})
                  << options.extension
                  << say({" (give it with --extension; it is build/onepercent.oxt after a build)",
                          " (indiquez-la avec --extension; c'est build/onepercent.oxt après une "
                          "compilation)"})
                  << "\n";
        return exit_unreadable_or_usage;
    }
    std::signal(SIGINT, end_offices_and_exit);
    std::signal(SIGTERM, end_offices_and_exit);

    // The profiles: under --work, or a folder of our own that we remove at the end.
    std::string work_folder = options.work_folder;
    bool remove_work_folder = false;
    if (work_folder.empty())
    {
        std::string pattern = (fs::temp_directory_path() / "onepercent-validate-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
        {
            std::cerr << "onepercent-validate: cannot create a temporary folder\n";
            return exit_unreadable_or_usage;
        }
        work_folder = pattern;
        remove_work_folder = true;
    }

    std::vector<validation::Report> reports(files.size());
    std::atomic<std::size_t> next{0};
    std::mutex progress_mutex;
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(options.jobs, files.size()));
    std::vector<std::thread> threads;
    for (unsigned number = 0; number < workers; ++number)
        threads.emplace_back(
            [&, number]
            {
                try
                {
                    Worker worker(options, work_folder + "/office-" + std::to_string(number),
                                  number);
                    worker.prepare();
                    for (std::size_t index = next++; index < files.size(); index = next++)
                    {
                        reports[index] = worker.validate(files[index]);
                        if (!options.quiet)
                        {
                            const validation::Report& report = reports[index];
                            std::lock_guard<std::mutex> guard(progress_mutex);
                            std::cerr
                                << "[" << index + 1 << "/" << files.size() << "] " << files[index]
                                << ": "
                                << (report.readable
                                        ? std::to_string(
                                              report.count(validation::Severity::error)) +
                                              say({" error(s)", " erreur(s)"})
                                        : say({"unreadable: ", "illisible : "}) + report.read_error)
                                << "\n";
                        }
                    }
                }
                catch (const std::exception& error)
                {
                    std::lock_guard<std::mutex> guard(progress_mutex);
                    std::cerr << "onepercent-validate: "
                              << say({"the office could not be used: ",
                                      "la suite est inutilisable : "})
                              << error.what() << "\n";
                }
                catch (const css::uno::Exception& error)
                {
                    std::lock_guard<std::mutex> guard(progress_mutex);
                    std::cerr << "onepercent-validate: "
                              << say({"the office could not be used: ",
                                      "la suite est inutilisable : "})
                              << to_utf8(error.Message) << "\n";
                }
            });
    for (std::thread& thread : threads)
        thread.join();
    if (remove_work_folder)
    {
        std::error_code ignored;
        fs::remove_all(work_folder, ignored);
    }
    for (std::size_t index = 0; index < files.size(); ++index)
        if (reports[index].file.empty()) // its office could not be started
            reports[index] =
                validation::unreadable_report(files[index], "",
                                              say({"not validated: the office could not be used",
                                                   "non validé : la suite est inutilisable"}));

    const std::string output =
        validation::format_reports(reports, options.format, options.language);
    if (options.output.empty())
        std::cout << output;
    else
    {
        std::ofstream file(options.output, std::ios::binary);
        file << output;
        if (!file)
        {
            std::cerr << "onepercent-validate: cannot write " << options.output << "\n";
            return exit_unreadable_or_usage;
        }
    }

    bool unreadable = false, errors = false;
    for (const validation::Report& report : reports)
    {
        unreadable = unreadable || !report.readable;
        errors = errors || report.count(validation::Severity::error) > 0;
    }
    return unreadable ? exit_unreadable_or_usage : errors ? exit_findings : exit_clean;
}
