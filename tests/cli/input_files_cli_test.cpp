// End-to-end: what keeps a model's files from being read is bad input (exit 2, the file named
// with the system's reason), never an internal error or a silently missing table; nothing waits
// on a FIFO in a folder; a pipe or /dev/stdin named on the command line is read as a stream.
// Every run goes through `timeout`, so that a reader that waits fails its test (exit 124).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "reorg/io/text_input.hpp"
#include "support/example_data.hpp"
#include "support/fifo.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;

namespace {

namespace fs = std::filesystem;
using reorg::test::kKommun;
using reorg::test::kMinimal;
using reorg::test::run_command;

const std::string kReorg = "timeout 20 " REORG_EXECUTABLE;

/// A copy of the example municipality's model folder without `file`, for the test to put
/// something else in its place; the folders may be searched by anyone (for the run as nobody).
fs::path kommun_without(const reorg::test::TempFolder& folder, const std::string& file) {
    const auto model = folder.path() / "m";
    fs::copy(kKommun, model, fs::copy_options::recursive);
    fs::remove(model / file);
    for (const auto& searched : {folder.path(), model}) {
        fs::permissions(searched, fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
    }
    return model;
}

}  // namespace

TEST_CASE("a link loop in a model folder exits 2 with the path and the system's reason",
          "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "people.csv");
    fs::create_symlink("people.csv", model / "people.csv");
    const auto run = run_command(kReorg + " validate " + model.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("reorg: " + (model / "people.csv").string() +
                                 ": cannot read: Too many levels of symbolic links"));
    CHECK_THAT(run.err, !Contains("internal error"));
}

TEST_CASE("an optional file that is a link to nothing or a folder or a FIFO exits 2 naming it",
          "[cli][input]") {
    const reorg::test::TempFolder folder;
    SECTION("people.csv as a link to nothing") {
        const auto model = kommun_without(folder, "people.csv");
        fs::create_symlink("nowhere", model / "people.csv");
        const auto run = run_command(kReorg + " stats " + model.string());
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("reorg: " + (model / "people.csv").string() +
                                     ": cannot read: it is a link to nothing (nowhere)"));
    }
    SECTION("people.csv as a folder") {
        const auto model = kommun_without(folder, "people.csv");
        fs::create_directory(model / "people.csv");
        const auto run = run_command(kReorg + " validate " + model.string());
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("reorg: " + (model / "people.csv").string() +
                                     ": cannot read: it is a folder"));
    }
    SECTION("findings.csv as a FIFO nothing writes to") {
        const auto model = kommun_without(folder, "findings.csv");
        reorg::test::make_fifo(model / "findings.csv");
        const auto run = run_command(kReorg + " validate " + model.string());
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("reorg: " + (model / "findings.csv").string() +
                                     ": cannot read: it is not a regular file (a FIFO)"));
    }
    SECTION("rules.yaml beside the model as a FIFO nothing writes to") {
        const auto model = kommun_without(folder, "rules.yaml");
        reorg::test::make_fifo(model / "rules.yaml");
        const auto run = run_command(kReorg + " check " + model.string());
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("reorg: " + (model / "rules.yaml").string() +
                                     ": cannot read: it is not a regular file (a FIFO)"));
    }
}

TEST_CASE("a FIFO as posts.csv exits 2 without waiting for a writer", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "posts.csv");
    reorg::test::make_fifo(model / "posts.csv");
    const auto run = run_command(kReorg + " validate " + model.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("reorg: " + (model / "posts.csv").string() +
                                 ": cannot read: it is not a regular file (a FIFO)"));
}

TEST_CASE("a file that may not be read exits 2 with Permission denied", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "rules.yaml");
    fs::permissions(model / "people.csv", fs::perms::none);
    std::string command = kReorg + " validate " + model.string();
    // root reads every file whatever its mode: run reorg as nobody then, when su lets us.
    if (::geteuid() == 0) {
        command = "su nobody -s /bin/sh -c '" + command + "'";
        if (run_command("su nobody -s /bin/sh -c '" REORG_EXECUTABLE " --version'").exit_code !=
            0) {
            WARN("running as root without a way to run reorg as nobody: not checked");
            return;
        }
    }
    const auto run = run_command(command);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("reorg: " + (model / "people.csv").string() +
                                 ": cannot read: Permission denied"));
}

TEST_CASE("/dev/stdin as the model is read as YAML from a file or from a pipe", "[cli][input]") {
    // Braces: run_command gives the whole command /dev/null as its input, and the redirection
    // inside comes after it.
    const auto from_file =
        run_command("{ " + kReorg + " validate /dev/stdin < " + kMinimal + "; }");
    CHECK(from_file.exit_code == 0);
    CHECK_THAT(from_file.out, Contains("/dev/stdin: valid") && Contains("10 posts"));
    const auto from_pipe =
        run_command("{ cat " + kMinimal + " | " + kReorg + " validate /dev/stdin; }");
    CHECK(from_pipe.exit_code == 0);
    CHECK_THAT(from_pipe.out, Contains("/dev/stdin: valid") && Contains("10 posts"));
}

TEST_CASE("a FIFO named as the model and a scenario given as a process substitution are streams",
          "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto scenario =
        folder.write("vacate.yaml", "name: v\nchanges:\n  - vacate_post: {post: IT.CHEF}\n");
    SECTION("a FIFO without an extension is a YAML model") {
        const reorg::test::FifoWriter fifo(folder.path() / "model", reorg::io::read_file(kMinimal));
        const auto run = run_command("bash -c '" + kReorg + " compare " + fifo.path().string() +
                                     " <(cat " + scenario.string() + ")'");
        CHECK(run.exit_code == 0);
        CHECK_THAT(run.out, Contains("Posts"));
    }
    SECTION("a FIFO named model.yaml given first is read once") {
        // Were it looked into to see whether it is a scenario, the model would then wait for a
        // second writer.
        const reorg::test::FifoWriter fifo(folder.path() / "model.yaml",
                                           reorg::io::read_file(kMinimal));
        const auto run =
            run_command(kReorg + " compare " + fifo.path().string() + " " + scenario.string());
        CHECK(run.exit_code == 0);
        CHECK_THAT(run.out, Contains("Posts"));
    }
}

TEST_CASE("combine with a model that is a link loop exits 2 naming it", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto loop = folder.path() / "loop";
    fs::create_symlink("loop", loop);
    const auto run = run_command(kReorg + " combine " + loop.string() + " " + kMinimal + " -o " +
                                 (folder.path() / "out").string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("reorg: " + loop.string() +
                                 ": cannot read: Too many levels of symbolic links"));
}
