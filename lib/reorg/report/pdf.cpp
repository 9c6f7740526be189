#include "reorg/report/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/escape.hpp"

extern char** environ;  // POSIX: unistd.h declares it only under _GNU_SOURCE

namespace reorg::report {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kTimeout = 120s;
constexpr std::string_view kInstall = "(Debian: apt-get install chromium)";
constexpr std::size_t kLogLines = 8;
constexpr std::size_t kLogWidth = 300;

/// A regular file (or a link to one) that we may execute.
bool is_executable(const fs::path& file) {
    std::error_code error;
    return fs::is_regular_file(file, error) && ::access(file.c_str(), X_OK) == 0;
}

/// `name` in one of $PATH's folders, as execvp would find it (an empty entry is the current
/// folder).
std::optional<fs::path> on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    std::string_view rest = path;
    while (true) {
        const auto colon = rest.find(':');
        const auto folder = rest.substr(0, colon);
        const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
        if (is_executable(candidate)) return candidate;
        if (colon == std::string_view::npos) return std::nullopt;
        rest.remove_prefix(colon + 1);
    }
}

/// A folder of our own under the system's temporary folder (0700, from mkdtemp), removed with
/// everything in it when it goes out of scope.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "reorg-pdf-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw Error("--pdf: cannot create a temporary folder in " +
                        fs::temp_directory_path().string() + ": " + std::strerror(errno));
        }
        path_ = pattern;
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }

    [[nodiscard]] const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

/// posix_spawn's two attribute objects, destroyed however we leave.
class SpawnSetup {
public:
    SpawnSetup() {
        ::posix_spawn_file_actions_init(&actions_);
        ::posix_spawnattr_init(&attributes_);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
    ~SpawnSetup() {
        ::posix_spawnattr_destroy(&attributes_);
        ::posix_spawn_file_actions_destroy(&actions_);
    }

    posix_spawn_file_actions_t actions_{};
    posix_spawnattr_t attributes_{};
};

/// `file://` and the absolute path, each byte outside RFC 3986's unreserved characters and `/`
/// percent-encoded (so a space, `#`, `?` or `%` in a folder name stays part of the path, and
/// UTF-8 names arrive byte for byte).
std::string file_url(const fs::path& file) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string url = "file://";
    for (const char c : fs::absolute(file).lexically_normal().string()) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                           c == '~' || c == '/';
        if (plain) {
            url += c;
        } else {
            url += '%';
            url += kHex[static_cast<std::size_t>(byte >> 4U)];
            url += kHex[static_cast<std::size_t>(byte & 0xFU)];
        }
    }
    return url;
}

/// The last few non-empty lines of Chromium's log, indented, for a message; control characters
/// escaped since the message reaches a terminal.
std::string log_tail(const fs::path& log) {
    std::ifstream in(log, std::ios::binary);
    std::deque<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        if (line.size() > kLogWidth) {
            auto cut = kLogWidth;  // not inside a UTF-8 sequence
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) --cut;
            line = line.substr(0, cut) + "…";
        }
        lines.push_back(std::move(line));
        if (lines.size() > kLogLines) lines.pop_front();
    }
    if (lines.empty()) return " (it printed nothing)";
    std::string tail = "; its last lines:";
    for (const auto& line : lines) tail += "\n    " + base::terminal_escaped(line);
    return tail;
}

enum class Child : std::uint8_t { Running, Exited, Gone };

/// Looks without reaping: an exited child stays a zombie, so that its pid and process group
/// cannot be reused while we kill what is left of the group. Gone: reaped by someone else.
Child look_at(pid_t pid) {
    while (true) {
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT | WNOHANG) == 0) {
            return info.si_pid == 0 ? Child::Running : Child::Exited;
        }
        if (errno != EINTR) return Child::Gone;
    }
}

/// Reaps the child and returns its wait status (-1 if it was reaped elsewhere).
int reap(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

/// Runs `argv` with stdin from /dev/null and stdout and stderr into `log`, in a process group
/// of its own; returns its wait status, or throws after kTimeout, having killed the group.
int run(const std::vector<std::string>& argv, const fs::path& log) {
    SpawnSetup setup;
    ::posix_spawn_file_actions_addopen(&setup.actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(&setup.actions_, STDOUT_FILENO, log.c_str(),
                                       O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(&setup.actions_, STDOUT_FILENO, STDERR_FILENO);
    // A group of its own, so that a timeout stops Chromium's helper processes too; signals
    // reset, since a caller may block or ignore some that Chromium relies on.
    ::posix_spawnattr_setpgroup(&setup.attributes_, 0);
    sigset_t none;
    sigemptyset(&none);
    ::posix_spawnattr_setsigmask(&setup.attributes_, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int number : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD}) {
        sigaddset(&defaults, number);
    }
    ::posix_spawnattr_setsigdefault(&setup.attributes_, &defaults);
    ::posix_spawnattr_setflags(
        &setup.attributes_, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<char*> pointers;
    pointers.reserve(argv.size() + 1);
    for (const auto& arg : argv) pointers.push_back(const_cast<char*>(arg.c_str()));
    pointers.push_back(nullptr);

    pid_t pid = 0;
    const int failed = ::posix_spawn(&pid, argv.front().c_str(), &setup.actions_,
                                     &setup.attributes_, pointers.data(), environ);
    if (failed != 0) {
        throw Error("--pdf: cannot start Chromium (" + base::terminal_escaped(argv.front()) +
                    "): " + std::strerror(failed));
    }

    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    auto pause = 10ms;
    Child child = Child::Running;
    while ((child = look_at(pid)) == Child::Running) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            reap(pid);
            throw Error("--pdf: Chromium did not finish printing within " +
                        std::to_string(kTimeout.count()) + " s and was stopped" + log_tail(log));
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(100));
    }
    if (child == Child::Gone) return -1;
    // Helpers that outlived the browser would keep writing into the profile we remove next.
    ::kill(-pid, SIGKILL);
    return reap(pid);
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "failed with exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "failed, killed by signal " + std::to_string(WTERMSIG(status));
    return "failed";
}

/// Moves the finished PDF onto `target`: a rename where both lie on one file system, else a copy.
void move_into_place(const fs::path& from, const fs::path& target) {
    std::error_code error;
    fs::rename(from, target, error);
    if (!error) return;
    fs::copy_file(from, target, fs::copy_options::overwrite_existing, error);
    if (error) {
        throw InputError({target.string()}, "cannot write the PDF: " + error.message());
    }
}

}  // namespace

// An explicit REORG_CHROMIUM is taken at its word: a path (with a `/`) must be an executable
// file, a bare name is looked up on PATH, and when that finds nothing the answer is "none" —
// never a silent fallback to another browser than the one asked for. An empty REORG_CHROMIUM
// counts as unset.
std::optional<fs::path> find_chromium() {
    if (const char* chosen = std::getenv("REORG_CHROMIUM"); chosen != nullptr && *chosen != '\0') {
        const std::string_view name = chosen;
        if (name.find('/') == std::string_view::npos) return on_path(name);
        if (is_executable(name)) return fs::path(name);
        return std::nullopt;
    }
    for (const std::string_view name : {"chromium", "chromium-browser", "google-chrome"}) {
        if (auto found = on_path(name)) return found;
    }
    return std::nullopt;
}

void print_pdf(const fs::path& html, const fs::path& pdf) {
    const auto chromium = find_chromium();
    if (!chromium) {
        const char* chosen = std::getenv("REORG_CHROMIUM");
        if (chosen != nullptr && *chosen != '\0') {
            throw Error("--pdf needs Chromium, and REORG_CHROMIUM names " +
                        base::terminal_escaped(chosen) + ", which is not an executable " +
                        std::string(kInstall));
        }
        throw Error("--pdf needs Chromium " + std::string(kInstall));
    }

    if (std::error_code error; !fs::is_regular_file(html, error)) {
        // Chromium would print its own error page instead.
        throw Error("--pdf: there is no page to print at " + base::terminal_escaped(html.string()));
    }

    const TemporaryFolder scratch;
    const auto profile = scratch.path() / "profile";
    const auto log = scratch.path() / "chromium.log";
    const auto printed = scratch.path() / "report.pdf";
    const std::vector<std::string> argv = {
        chromium->string(),
        "--headless",
        "--no-sandbox",  // reorg may run as root (containers, CI), where the sandbox refuses
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--no-default-browser-check",
        "--user-data-dir=" + profile.string(),
        "--no-pdf-header-footer",
        "--print-to-pdf=" + printed.string(),
        file_url(html),
    };
    const int status = run(argv, log);
    // The messages leave out the page's path: the report is written in a staging folder whose
    // name would only puzzle the reader.
    const std::string who = "Chromium (" + base::terminal_escaped(chromium->string()) + ")";
    // -1: the status is lost (a caller that ignores SIGCHLD has its children reaped for it);
    // the PDF alone tells then.
    if (status != -1 && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
        throw Error("--pdf: " + who + " " + describe(status) + log_tail(log));
    }
    std::error_code error;
    const auto size = fs::file_size(printed, error);
    if (error || size == 0) {
        throw Error("--pdf: " + who + " exited without writing a PDF" + log_tail(log));
    }
    move_into_place(printed, pdf);
}

}  // namespace reorg::report
