// End-to-end: every command that writes keeps SPEC §3's output rules. `-o` never destroys what
// reorg did not write: a folder holding other files is refused (and with --force keeps them), a
// link is written through and stays a link, a FIFO or a device is written into and stays what
// it was; a failed write, to a file or to standard output, is exit 1 with the system's reason.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using reorg::test::reorg_cli;

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// Every command that writes a folder, without its `-o`, and a file it writes there.
struct FolderCommand {
    std::string args;
    std::string writes;
};
std::vector<FolderCommand> folder_commands() {
    const std::string data = REORG_TEST_DATA_DIR;
    return {
        {"generate --posts 30", "posts.csv"},
        {"import organogram " + data + "/organogram/examples-senior.csv " + data +
             "/organogram/examples-junior.csv",
         "posts.csv"},
        {"import hr-csv " + data +
             "/hr/staff.csv --id 'Employee ID' --manager 'Manager ID' --title 'Job title' "
             "--unit Department",
         "posts.csv"},
        {"apply " + reorg::test::kKommun + " " + reorg::test::kKommun +
             "/scenarios/samhallsbyggnad.yaml",
         "posts.csv"},
        {"combine " + reorg::test::kMinimal + " " + reorg::test::kMinimal +
             " --prefix A=A --prefix B=B",
         "posts.csv"},
        {"report " + reorg::test::kMinimal, "index.html"},
    };
}

// Every command that writes one file, without its `-o`.
std::vector<std::string> file_commands() {
    return {
        "pack " + reorg::test::kMinimal,
        "export graphml " + reorg::test::kMinimal,
        "render " + reorg::test::kMinimal + " --format svg",
        "generate --posts 30",
        "apply " + reorg::test::kKommun + " " + reorg::test::kKommun +
            "/scenarios/samhallsbyggnad.yaml",
    };
}

// The bytes a command writes into the FIFO `fifo`, read on a second thread; the reader is
// released if the command never opens it.
struct FifoRun {
    reorg::test::Run run;
    std::string bytes;
};
FifoRun run_into_fifo(const std::string& args, const fs::path& fifo) {
    FifoRun result;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        result.bytes.assign(std::istreambuf_iterator<char>(in), {});
    });
    result.run = reorg_cli(args);
    const int release = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (release >= 0) ::close(release);
    reader.join();
    return result;
}

}  // namespace

TEST_CASE("a model output never replaces a folder holding files reorg did not write",
          "[cli][output]") {
    for (const auto& [command, writes] : folder_commands()) {
        INFO(command);
        reorg::test::TempFolder folder;
        const auto out = folder.path() / "project";
        fs::create_directories(out / ".git");
        std::ofstream(out / "notes.txt") << "mine";

        const auto refused = reorg_cli(command + " -o " + quoted(out));
        CHECK(refused.exit_code == 2);
        CHECK_THAT(refused.err, Contains(".git, notes.txt") && Contains("--force"));
        CHECK_FALSE(fs::exists(out / writes));

        const auto forced = reorg_cli(command + " --force -o " + quoted(out));
        INFO(forced.err);
        CHECK(forced.exit_code == 0);
        CHECK(fs::exists(out / writes));
        CHECK(read(out / "notes.txt") == "mine");
        CHECK(fs::is_directory(out / ".git"));

        // Its own earlier output it replaces without --force, and a link to a folder is
        // written through.
        const auto own = folder.path() / "own";
        REQUIRE(reorg_cli(command + " -o " + quoted(own)).exit_code == 0);
        CHECK(reorg_cli(command + " -o " + quoted(own)).exit_code == 0);
        fs::create_symlink("own", folder.path() / "link");
        CHECK(reorg_cli(command + " -o " + quoted(folder.path() / "link")).exit_code == 0);
        CHECK(fs::is_symlink(folder.path() / "link"));
        CHECK(fs::exists(own / writes));

        // A FIFO or a device is no folder.
        const auto fifo = folder.path() / "pipe";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        const auto piped = reorg_cli(command + " -o " + quoted(fifo));
        CHECK(piped.exit_code == 2);
        CHECK_THAT(piped.err, Contains("not a folder"));
        CHECK(fs::is_fifo(fifo));
        CHECK(reorg_cli(command + " -o /dev/null").exit_code == 2);
        CHECK(fs::is_character_file("/dev/null"));
    }
}

TEST_CASE("a file output writes through a link and into a FIFO or a device", "[cli][output]") {
    for (const auto& command : file_commands()) {
        INFO(command);
        reorg::test::TempFolder folder;
        const bool model = command.starts_with("pack") || command.starts_with("generate") ||
                           command.starts_with("apply");
        const std::string name = model ? "out.reorg" : "out.file";

        fs::create_directory(folder.path() / "real");
        const auto real = folder.write("real/" + name, "old");
        const auto link = folder.path() / name;
        fs::create_symlink("real/" + name, link);
        const auto linked = reorg_cli(command + " -o " + quoted(link));
        INFO(linked.err);
        CHECK(linked.exit_code == 0);
        CHECK(fs::is_symlink(link));
        CHECK(fs::file_size(real) > 100);

        const auto fifo = folder.path() / ("pipe-" + name);
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        const auto piped = run_into_fifo(command + " -o " + quoted(fifo), fifo);
        CHECK(piped.run.exit_code == 0);
        CHECK(fs::is_fifo(fifo));
        CHECK(piped.bytes == read(real));

        fs::create_directory(folder.path() / ("folder-" + name));
        const auto into_folder =
            reorg_cli(command + " -o " + quoted(folder.path() / ("folder-" + name)));
        CHECK(into_folder.exit_code == 2);
        CHECK_THAT(into_folder.err, Contains("folder"));
        const auto loop_link = folder.path() / ("loop-" + name);
        fs::create_symlink("loop-" + name, loop_link);
        const auto loop = reorg_cli(command + " -o " + quoted(loop_link));
        CHECK(loop.exit_code == 2);
        CHECK_THAT(loop.err, Contains("Too many levels of symbolic links"));

        if (model) {
            // A name without .reorg asks for a CSV folder, which a device is not (pack asks for
            // the name).
            const auto device = reorg_cli(command + " -o /dev/null");
            CHECK(device.exit_code == 2);
            CHECK_THAT(device.err, Contains(".reorg") || Contains("not a folder"));
            continue;
        }
        CHECK(reorg_cli(command + " -o /dev/null").exit_code == 0);
        CHECK(fs::is_character_file("/dev/null"));
        const auto full = reorg_cli(command + " -o /dev/full");
        CHECK(full.exit_code == 1);
        CHECK_THAT(full.err, Contains("cannot write /dev/full: No space left on device"));
        CHECK(fs::is_character_file("/dev/full"));
    }
}

TEST_CASE("output lost on standard output is exit 1 with the reason", "[cli][output]") {
    for (const std::string& command :
         {"stats " + reorg::test::kKommun, "stats --json " + reorg::test::kKommun,
          "export graphml " + reorg::test::kMinimal + " -o -",
          "render " + reorg::test::kMinimal + " --format svg -o -"}) {
        INFO(command);
        const auto full = reorg::test::run_command(std::string(REORG_EXECUTABLE) + " " + command +
                                                   " > /dev/full");
        CHECK(full.exit_code == 1);
        CHECK_THAT(full.err, Contains("cannot write standard output: No space left on device"));
        const auto closed =
            reorg::test::run_command(std::string(REORG_EXECUTABLE) + " " + command + " >&-");
        CHECK(closed.exit_code == 1);
        CHECK_THAT(closed.err, Contains("cannot write standard output"));
    }
}
