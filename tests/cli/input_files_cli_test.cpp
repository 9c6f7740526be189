// End-to-end: what keeps a model's files from being read is bad input (exit 2, the file named
// with the system's reason), never an internal error or a silently missing table; nothing waits
// on a FIFO in a folder; a pipe or /dev/stdin named on the command line is read as a stream.
// Every run goes through `timeout`, so that a reader that waits fails its test (exit 124).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
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

namespace {

/// A model folder whose posts form one reporting chain of `posts` posts, P0 at the top.
fs::path chain_model(const reorg::test::TempFolder& folder, int posts) {
    const auto model = folder.path() / "chain";
    fs::create_directory(model);
    std::ofstream(model / "units.csv")
        << "id,name,kind,parent,head,capacity\nU,Enhet,office,,P0,\n";
    std::ofstream out(model / "posts.csv");
    out << "id,title,unit,reports_to,function,fte,cost,person\nP0,Chef,U,,ledning,1.0,1,\n";
    for (int i = 1; i < posts; ++i) out << 'P' << i << ",Handläggare,U,P" << i - 1 << ",x,1.0,1,\n";
    return model;
}

/// A file of `bytes` zero bytes that takes no disk (a hole).
void sparse_file(const fs::path& path, std::uintmax_t bytes) {
    std::ofstream{path};
    fs::resize_file(path, bytes);
}

}  // namespace

TEST_CASE("a file beyond 4 GiB exits 2 before it is read", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "posts.csv");
    // Five gigabytes that take no disk and, read, would take five of memory.
    sparse_file(model / "posts.csv", std::uintmax_t{5} << 30);
    const auto run = run_command(kReorg + " validate " + model.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("posts.csv: cannot read: it holds more than 4 GiB, the most "
                                 "reorg reads from one file"));
}

TEST_CASE("an id of two megabytes reaches the terminal as one short line", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = folder.path() / "long.yaml";
    const std::string id(2'000'000, 'Q');
    std::ofstream(model) << "units:\n  - {id: U, name: U}\nposts:\n"
                         << "  - {id: A, title: T, unit: U, reports_to: " << id << "}\n"
                         << "  - {id: B, title: T, unit: " << id << "}\n";
    const auto run = run_command(kReorg + " validate " + model.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("long.yaml:4: reports_to: "));
    CHECK_THAT(run.err, Contains("bytes…] QQQ"));
    CHECK(run.err.size() < 3000);  // two messages, each at most about a thousand bytes
}

#if !REORG_TEST_UNDER_ASAN  // ASan reserves terabytes of address space: no ulimit -v
TEST_CASE("a model beyond the memory allowed exits 1 with out of memory", "[cli][input]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "posts.csv");
    // 150 MB of address space: the program starts and the example municipality loads, but a
    // posts.csv of 200 MB (sparse: no disk) cannot even be read into memory.
    sparse_file(model / "posts.csv", std::uintmax_t{200} << 20);
    const std::string limited = "ulimit -v 150000 && " + kReorg;
    CHECK(run_command(limited + " validate " + kKommun).exit_code == 0);
    const auto run = run_command(limited + " validate " + model.string());
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("reorg: out of memory: the input needs more memory than this "
                                 "machine (or its limit for this process) allows"));
    CHECK_THAT(run.err, !Contains("internal error"));
}
#endif

TEST_CASE("a reporting chain above the exact threshold is analysed exactly",
          "[cli][input][analyze]") {
    // 30,000 posts: above the 20,000 up to which Brandes is the default, so without the forest
    // rule this samples paths 10,000 posts long. (The library's test times a longer chain; here
    // ASan's unwinding on every allocation would make a long one slow.)
    const reorg::test::TempFolder folder;
    const auto model = chain_model(folder, 30'000);
    const auto run =
        run_command("timeout 120 " REORG_EXECUTABLE " analyze --json " + model.string());
    REQUIRE(run.exit_code == 0);
    const auto betweenness = nlohmann::json::parse(run.out).at("betweenness");
    CHECK(betweenness.at("method") == "exact");
    CHECK(betweenness.at("samples") == 0);
    // The middle posts lie between the half above them and the half below: the top values.
    const auto top = betweenness.at("posts").at(0);
    CHECK((top.at("id") == "P15000" || top.at("id") == "P14999"));
    CHECK_THAT(top.at("value").get<double>(), Catch::WithinRel(0.5, 1e-3));
}
