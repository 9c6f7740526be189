// End-to-end: command-line mistakes. Each says what is wrong on lines starting `reorg:`, names
// the nearest spelling of an unknown command or option, points to --help, and exits 2.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"

using Catch::Contains;
using Catch::StartsWith;
using reorg::test::kMinimal;
using reorg::test::reorg_cli;

namespace {

// Every line of `err` starts with `reorg: ` and the last one points to a --help.
void check_reorg_lines(const std::string& err) {
    REQUIRE_FALSE(err.empty());
    std::istringstream lines(err);
    std::string line;
    std::string last;
    while (std::getline(lines, line)) {
        CHECK_THAT(line, StartsWith("reorg: "));
        last = line;
    }
    CHECK_THAT(last, Contains("--help"));
}

}  // namespace

TEST_CASE("an unknown command is named with the nearest spelling and exits 2", "[cli][arguments]") {
    const auto run = reorg_cli("stat " + kMinimal);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err ==
          "reorg: unknown command 'stat'; did you mean 'stats'?\nreorg: see 'reorg --help'\n");

    const auto far = reorg_cli("frobnicate " + kMinimal);
    CHECK(far.exit_code == 2);
    CHECK_THAT(far.err, StartsWith("reorg: unknown command 'frobnicate'; the commands are "
                                   "validate, stats, analyze"));
    check_reorg_lines(far.err);

    const auto nested = reorg_cli("import hr_csv staff.csv --id id -o out");
    CHECK(nested.exit_code == 2);
    CHECK_THAT(nested.err, StartsWith("reorg: unknown command 'hr_csv'; did you mean 'hr-csv'?\n"));
    CHECK_THAT(nested.err, Contains("reorg: see 'reorg import --help'"));
}

TEST_CASE("analyse is the same command as analyze", "[cli][arguments]") {
    const auto british = reorg_cli("analyse --json " + kMinimal);
    REQUIRE(british.exit_code == 0);
    const auto american = reorg_cli("analyze --json " + kMinimal);
    REQUIRE(american.exit_code == 0);
    CHECK(british.out == american.out);
}

TEST_CASE("an unknown option is named with the nearest spelling and exits 2", "[cli][arguments]") {
    const auto run = reorg_cli("stats --jsn " + kMinimal);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err ==
          "reorg: unknown option '--jsn'; did you mean '--json'?\n"
          "reorg: see 'reorg stats --help'\n");

    // Before the missing MODEL it would otherwise be reported as; with a value after `=`.
    CHECK_THAT(reorg_cli("analyze --wieghted").err,
               StartsWith("reorg: unknown option '--wieghted'; did you mean '--weighted'?\n"));
    CHECK_THAT(reorg_cli("stats --narow=2 " + kMinimal).err,
               StartsWith("reorg: unknown option '--narow'; did you mean '--narrow'?\n"));
    CHECK_THAT(reorg_cli("import hr-csv staff.csv --id id --manger boss -o out").err,
               StartsWith("reorg: unknown option '--manger'; did you mean '--manager'?\n"));

    const auto far = reorg_cli("stats --colour " + kMinimal);
    CHECK(far.exit_code == 2);
    CHECK(far.err == "reorg: unknown option '--colour'\nreorg: see 'reorg stats --help'\n");
}

TEST_CASE("no command at all lists the commands and exits 2", "[cli][arguments]") {
    const auto run = reorg_cli("");
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err,
               StartsWith("reorg: a command is required: validate, stats, analyze, findings"));
    check_reorg_lines(run.err);

    const auto import = reorg_cli("import");
    CHECK(import.exit_code == 2);
    CHECK_THAT(import.err,
               StartsWith("reorg: import: a command is required: organogram, hr-csv\n"));
    check_reorg_lines(import.err);
}

TEST_CASE("every command-line mistake starts with reorg: and points to the command's --help",
          "[cli][arguments]") {
    struct Case {
        std::string args;
        std::string first_line;
        std::string help;
    };
    const Case cases[] = {
        {"stats", "reorg: stats: MODEL is required", "reorg stats --help"},
        {"stats " + kMinimal + " extra", "reorg: unexpected argument 'extra'",
         "reorg stats --help"},
        {"stats " + kMinimal + " --narrow x", "reorg: stats: --narrow", "reorg stats --help"},
        {"stats " + kMinimal + " --json --csv", "reorg: stats: --json excludes --csv",
         "reorg stats --help"},
        {"analyze " + kMinimal + " --between A", "reorg: analyze: ", "reorg analyze --help"},
        {"import hr-csv staff.csv -o out", "reorg: import hr-csv: --id is required",
         "reorg import hr-csv --help"},
        {"--jsn", "reorg: unknown option '--jsn'", "reorg --help"},
    };
    for (const auto& c : cases) {
        const auto run = reorg_cli(c.args);
        INFO("reorg " << c.args << "\n" << run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK_THAT(run.err, StartsWith(c.first_line));
        CHECK_THAT(run.err, Contains("reorg: see '" + c.help + "'\n"));
        check_reorg_lines(run.err);
    }
}
