#include "reorg/report/pdf.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "reorg/base/error.hpp"

namespace fs = std::filesystem;
using reorg::report::find_chromium;
using reorg::report::print_pdf;

namespace {

/// Sets (or, with nullopt, unsets) an environment variable for one test and restores it after.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        if (value) {
            ::setenv(name_.c_str(), value->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }

private:
    std::string name_;
    std::optional<std::string> old_;
};

/// A fresh folder, removed afterwards.
class Scratch {
public:
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "reorg-pdf-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    [[nodiscard]] const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path write_script(const fs::path& file, const std::string& body) {
    write_file(file, "#!/bin/sh\n" + body);
    fs::permissions(file, fs::perms::owner_all);
    return file;
}

std::string message_of(const fs::path& html, const fs::path& pdf) {
    try {
        print_pdf(html, pdf);
    } catch (const reorg::Error& error) {
        return error.what();
    }
    FAIL("print_pdf did not throw");
    return {};
}

constexpr const char* kPage =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page { size: A4; }</style>"
    "</head><body><h1>Hello</h1></body></html>";

}  // namespace

TEST_CASE("find_chromium takes an explicit REORG_CHROMIUM at its word", "[report][pdf]") {
    SECTION("a path that does not exist means there is none, not another browser") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/nonexistent/reorg-test/chromium");
        CHECK_FALSE(find_chromium().has_value());
    }
    SECTION("a folder is not an executable") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/tmp");
        CHECK_FALSE(find_chromium().has_value());
    }
    SECTION("an executable path is used as it is") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/bin/false");
        CHECK(find_chromium() == fs::path("/bin/false"));
    }
    SECTION("a bare name is looked up on PATH") {
        const Scratch scratch;
        const auto fake = write_script(scratch.path() / "my-browser", "exit 0\n");
        const ScopedEnv path("PATH", scratch.path().string() + ":/usr/bin:/bin");
        const ScopedEnv chosen("REORG_CHROMIUM", "my-browser");
        CHECK(find_chromium() == fake);
    }
    SECTION("an empty REORG_CHROMIUM counts as unset") {
        const ScopedEnv unset("REORG_CHROMIUM", std::nullopt);
        const auto without = find_chromium();
        const ScopedEnv empty("REORG_CHROMIUM", "");
        CHECK(find_chromium() == without);
    }
}

TEST_CASE("find_chromium looks for chromium, chromium-browser and google-chrome on PATH",
          "[report][pdf]") {
    const ScopedEnv unset("REORG_CHROMIUM", std::nullopt);
    const Scratch scratch;
    SECTION("none there") {
        const ScopedEnv path("PATH", scratch.path().string());
        CHECK_FALSE(find_chromium().has_value());
    }
    SECTION("google-chrome when it is the only one") {
        const auto chrome = write_script(scratch.path() / "google-chrome", "exit 0\n");
        const ScopedEnv path("PATH", scratch.path().string());
        CHECK(find_chromium() == chrome);
    }
    SECTION("chromium before google-chrome; a file that is not executable does not count") {
        write_script(scratch.path() / "google-chrome", "exit 0\n");
        const fs::path second = scratch.path() / "second";
        fs::create_directory(second);
        write_file(scratch.path() / "chromium", "not executable");
        const auto chromium = write_script(second / "chromium", "exit 0\n");
        const ScopedEnv path("PATH", scratch.path().string() + ":" + second.string());
        CHECK(find_chromium() == chromium);
    }
}

TEST_CASE("print_pdf without Chromium says how to install it", "[report][pdf]") {
    const Scratch scratch;
    const auto html = scratch.path() / "index.html";
    write_file(html, kPage);
    SECTION("nothing on PATH") {
        const ScopedEnv unset("REORG_CHROMIUM", std::nullopt);
        const ScopedEnv path("PATH", scratch.path().string());
        const auto message = message_of(html, scratch.path() / "report.pdf");
        CHECK_THAT(message, Catch::Contains("--pdf needs Chromium"));
        CHECK_THAT(message, Catch::Contains("apt-get install chromium"));
    }
    SECTION("REORG_CHROMIUM names nothing") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/nonexistent/reorg-test/chromium");
        const auto message = message_of(html, scratch.path() / "report.pdf");
        CHECK_THAT(message, Catch::Contains("apt-get install chromium"));
        CHECK_THAT(message,
                   Catch::Contains("REORG_CHROMIUM names /nonexistent/reorg-test/chromium"));
    }
    CHECK_FALSE(fs::exists(scratch.path() / "report.pdf"));
}

TEST_CASE("print_pdf reports a Chromium that fails", "[report][pdf]") {
    const Scratch scratch;
    const auto html = scratch.path() / "index.html";
    const auto pdf = scratch.path() / "report.pdf";
    write_file(html, kPage);
    SECTION("one that exits non-zero") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/bin/false");
        const auto message = message_of(html, pdf);
        CHECK_THAT(message, Catch::Contains("Chromium (/bin/false) failed with exit status 1"));
    }
    SECTION("with the last lines of its output") {
        const auto fake = write_script(scratch.path() / "chromium",
                                       "echo 'noise on stdout'\n"
                                       "echo 'first line' >&2\n"
                                       "echo 'ERROR: cannot print' >&2\n"
                                       "exit 3\n");
        const ScopedEnv chosen("REORG_CHROMIUM", fake.string());
        const auto message = message_of(html, pdf);
        CHECK_THAT(message, Catch::Contains("failed with exit status 3"));
        CHECK_THAT(message, Catch::Contains("noise on stdout"));
        CHECK_THAT(message, Catch::Contains("ERROR: cannot print"));
    }
    SECTION("one that is killed by a signal") {
        const auto fake = write_script(scratch.path() / "chromium", "kill -KILL $$\n");
        const ScopedEnv chosen("REORG_CHROMIUM", fake.string());
        CHECK_THAT(message_of(html, pdf), Catch::Contains("killed by signal 9"));
    }
    SECTION("one that exits 0 without writing a PDF") {
        const ScopedEnv chosen("REORG_CHROMIUM", "/bin/true");
        CHECK_THAT(message_of(html, pdf), Catch::Contains("without writing a PDF"));
    }
    SECTION("one that writes an empty PDF") {
        const auto fake = write_script(scratch.path() / "chromium",
                                       "for a; do case $a in --print-to-pdf=*) : > "
                                       "\"${a#--print-to-pdf=}\";; esac; done\n");
        const ScopedEnv chosen("REORG_CHROMIUM", fake.string());
        CHECK_THAT(message_of(html, pdf), Catch::Contains("without writing a PDF"));
    }
    CHECK_FALSE(fs::exists(pdf));
}

TEST_CASE("print_pdf refuses a page that does not exist", "[report][pdf]") {
    const Scratch scratch;
    const ScopedEnv chosen("REORG_CHROMIUM", "/bin/true");
    CHECK_THAT(message_of(scratch.path() / "missing.html", scratch.path() / "report.pdf"),
               Catch::Contains("no page to print"));
}

TEST_CASE("print_pdf calls Chromium headless, in a fresh profile, on a percent-encoded URL",
          "[report][pdf]") {
    // The fake Chromium writes one argument per line into args.txt and a PDF where asked.
    const Scratch scratch;
    const auto folder = scratch.path() / "a folder #1 ?x=%20 ä";
    fs::create_directory(folder);
    const auto html = folder / "index.html";
    write_file(html, kPage);
    const auto args = scratch.path() / "args.txt";
    const auto fake =
        write_script(scratch.path() / "chromium",
                     "for a; do printf '%s\\n' \"$a\" >> '" + args.string() +
                         "'; case $a in --print-to-pdf=*) printf '%%PDF-1.4 fake' "
                         "> \"${a#--print-to-pdf=}\";; --user-data-dir=*) test -d "
                         "\"${a#--user-data-dir=}\" || mkdir \"${a#--user-data-dir=}\" "
                         "|| exit 9;; esac; done\n");
    const ScopedEnv chosen("REORG_CHROMIUM", fake.string());
    const auto pdf = folder / "report.pdf";
    print_pdf(html, pdf);

    CHECK(read_file(pdf) == "%PDF-1.4 fake");
    const auto called = read_file(args);
    for (const char* flag :
         {"--headless\n", "--no-sandbox\n", "--disable-gpu\n", "--disable-background-networking\n",
          "--disable-component-update\n", "--no-first-run\n", "--no-default-browser-check\n",
          "--no-pdf-header-footer\n"}) {
        CHECK_THAT(called, Catch::Contains(flag));
    }
    const auto url = "file://" + scratch.path().string() +
                     "/a%20folder%20%231%20%3Fx%3D%2520%20%C3%A4/index.html\n";
    CHECK_THAT(called, Catch::EndsWith(url));

    // The profile was a fresh folder, removed afterwards.
    const auto at = called.find("--user-data-dir=");
    REQUIRE(at != std::string::npos);
    const auto start = at + std::string("--user-data-dir=").size();
    const fs::path profile = called.substr(start, called.find('\n', start) - start);
    CHECK(profile.is_absolute());
    CHECK_FALSE(fs::exists(profile));
}

TEST_CASE("print_pdf with the installed Chromium writes a PDF", "[report][pdf][chromium]") {
    const ScopedEnv unset("REORG_CHROMIUM", std::nullopt);
    if (!find_chromium()) {
        WARN("Chromium is not installed: not printing for real");
        return;
    }
    const Scratch scratch;
    const auto html = scratch.path() / "index.html";
    const auto pdf = scratch.path() / "report.pdf";
    write_file(html, kPage);
    print_pdf(html, pdf);
    const auto written = read_file(pdf);
    CHECK(written.substr(0, 4) == "%PDF");
    CHECK(written.size() > 500);
}
