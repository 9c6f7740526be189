// The user's files as the system has them (lib/reorg/io/input_file.hpp and its readers): what
// keeps a file from being read is an InputError naming it with the system's reason, a FIFO
// found in a model folder is never opened, and a pipe named by the person is read as a stream.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/snapshot.hpp"
#include "reorg/io/text_input.hpp"
#include "support/example_data.hpp"
#include "support/fifo.hpp"
#include "support/temp_folder.hpp"

namespace {

using Catch::Contains;
using reorg::InputError;
using reorg::io::PathSource;
namespace fs = std::filesystem;

/// The one error that reading `path` with read_file() gives, as "file: message".
std::string read_error(const fs::path& path, PathSource source = PathSource::Named) {
    try {
        (void)reorg::io::read_file(path, source);
    } catch (const InputError& error) {
        REQUIRE(error.errors().size() == 1);
        return error.errors()[0].where.file + ": " + error.errors()[0].message;
    }
    FAIL("read " << path << " without an error");
    return {};
}

/// A copy of the example municipality's model folder without `file`, for the test to put
/// something else in its place.
fs::path kommun_without(const reorg::test::TempFolder& folder, const std::string& file) {
    const auto model = folder.path() / "m";
    fs::copy(reorg::test::kKommun, model, fs::copy_options::recursive);
    fs::remove(model / file);
    return model;
}

/// The one error that loading `model` gives, as "file: message".
std::string load_error(const fs::path& model) {
    try {
        (void)reorg::io::load_model(model);
    } catch (const InputError& error) {
        REQUIRE(error.errors().size() == 1);
        return error.errors()[0].where.file + ": " + error.errors()[0].message;
    }
    FAIL("loaded " << model << " without an error");
    return {};
}

}  // namespace

TEST_CASE("A link loop is an input error with its path and the system's reason",
          "[io][input_file]") {
    const reorg::test::TempFolder folder;
    const auto loop = folder.path() / "people.csv";
    fs::create_symlink("people.csv", loop);
    CHECK(read_error(loop) == loop.string() + ": cannot read: Too many levels of symbolic links");
    CHECK(read_error(loop, PathSource::Found) ==
          loop.string() + ": cannot read: Too many levels of symbolic links");
}

TEST_CASE("A file that may not be read says Permission denied", "[io][input_file]") {
    // root reads every file whatever its mode: the check is then left to the CLI test, which
    // runs reorg as nobody.
    if (::geteuid() == 0) {
        WARN("running as root: a mode of 000 does not keep root from reading");
        return;
    }
    const reorg::test::TempFolder folder;
    const auto file = folder.write("model.yaml", "units: []\n");
    fs::permissions(file, fs::perms::none);
    CHECK(read_error(file) == file.string() + ": cannot read: Permission denied");
}

TEST_CASE("A folder a link to nothing and a missing file each say why they cannot be read",
          "[io][input_file]") {
    const reorg::test::TempFolder folder;
    fs::create_directory(folder.path() / "model.yaml");
    CHECK(read_error(folder.path() / "model.yaml") ==
          (folder.path() / "model.yaml").string() + ": cannot read: it is a folder");
    fs::create_symlink("nowhere", folder.path() / "dangling.yaml");
    CHECK(read_error(folder.path() / "dangling.yaml") ==
          (folder.path() / "dangling.yaml").string() +
              ": cannot read: it is a link to nothing (nowhere)");
    CHECK(read_error(folder.path() / "absent.yaml") ==
          (folder.path() / "absent.yaml").string() + ": cannot read: No such file or directory");
}

TEST_CASE("A FIFO found where a file should be is refused without being opened",
          "[io][input_file]") {
    // Nothing writes to the FIFO: a reader that opened it would wait for ever.
    const reorg::test::TempFolder folder;
    const auto fifo = folder.path() / "findings.csv";
    reorg::test::make_fifo(fifo);
    CHECK(read_error(fifo, PathSource::Found) ==
          fifo.string() + ": cannot read: it is not a regular file (a FIFO)");
}

TEST_CASE("Pipes named by the person are read as streams: text and snapshots",
          "[io][input_file][snapshot]") {
    const reorg::test::TempFolder folder;
    const std::string text(200000, 'x');  // more than a pipe holds at once
    {
        const reorg::test::FifoWriter fifo(folder.path() / "in.yaml", text);
        CHECK(reorg::io::read_file(fifo.path()) == text);
    }
    // A snapshot has no mapping to give from a pipe: it is read into memory, in whole words.
    const auto model = reorg::io::load_model(reorg::test::kMinimal);
    const auto packed = folder.path() / "packed.reorg";
    reorg::io::write_snapshot(model, packed);
    const reorg::test::FifoWriter fifo(folder.path() / "stream.reorg",
                                       reorg::io::read_file(packed));
    reorg::Diagnostics diagnostics;
    const auto read = reorg::io::read_snapshot(fifo.path(), diagnostics);
    CHECK(read.posts().size() == model.posts().size());
    CHECK(read.units().size() == model.units().size());
    CHECK(read.posts().front().id == model.posts().front().id);
}

TEST_CASE("read_text reports what keeps a file from being read", "[io][input_file]") {
    const reorg::test::TempFolder folder;
    fs::create_symlink("loop.csv", folder.path() / "loop.csv");
    reorg::Diagnostics diagnostics;
    CHECK_THROWS_WITH((void)reorg::io::read_text(folder.path() / "loop.csv", diagnostics),
                      Contains("loop.csv") && Contains("Too many levels of symbolic links"));
}

TEST_CASE("A link loop in a model folder is an input error naming the file", "[io][input_file]") {
    const reorg::test::TempFolder folder;
    const auto model = kommun_without(folder, "people.csv");
    fs::create_symlink("people.csv", model / "people.csv");
    CHECK(load_error(model) ==
          (model / "people.csv").string() + ": cannot read: Too many levels of symbolic links");
}

TEST_CASE("An optional file that is there but no readable file is an error and not absent",
          "[io][input_file]") {
    const reorg::test::TempFolder folder;
    SECTION("people.csv as a link to nothing") {
        const auto model = kommun_without(folder, "people.csv");
        fs::create_symlink("nowhere", model / "people.csv");
        CHECK(load_error(model) ==
              (model / "people.csv").string() + ": cannot read: it is a link to nothing (nowhere)");
    }
    SECTION("people.csv as a folder") {
        const auto model = kommun_without(folder, "people.csv");
        fs::create_directory(model / "people.csv");
        CHECK(load_error(model) ==
              (model / "people.csv").string() + ": cannot read: it is a folder");
    }
    SECTION("links.csv as a link to nothing") {
        const auto model = kommun_without(folder, "links.csv");
        fs::create_symlink("gone.csv", model / "links.csv");
        CHECK(load_error(model) ==
              (model / "links.csv").string() + ": cannot read: it is a link to nothing (gone.csv)");
    }
}

TEST_CASE("A FIFO in a model folder is an error and is never opened", "[io][input_file]") {
    // Nothing writes to the FIFOs: a reader that opened one would wait for ever, so the test
    // ending at all shows that none was opened.
    const reorg::test::TempFolder folder;
    SECTION("findings.csv: optional") {
        const auto model = kommun_without(folder, "findings.csv");
        reorg::test::make_fifo(model / "findings.csv");
        CHECK(load_error(model) == (model / "findings.csv").string() +
                                       ": cannot read: it is not a regular file (a FIFO)");
    }
    SECTION("posts.csv: required") {
        const auto model = kommun_without(folder, "posts.csv");
        reorg::test::make_fifo(model / "posts.csv");
        CHECK(load_error(model) ==
              (model / "posts.csv").string() + ": cannot read: it is not a regular file (a FIFO)");
    }
}

TEST_CASE("A model named as a link loop says why it cannot be read", "[io][input_file]") {
    // Not "no such file or folder": `ls` lists it.
    const reorg::test::TempFolder folder;
    fs::create_symlink("model", folder.path() / "model");
    CHECK(load_error(folder.path() / "model") ==
          (folder.path() / "model").string() + ": cannot read: Too many levels of symbolic links");
}

TEST_CASE("A FIFO named as the model without an extension is read as YAML", "[io][input_file]") {
    const reorg::test::TempFolder folder;
    const reorg::test::FifoWriter fifo(folder.path() / "model",
                                       reorg::io::read_file(reorg::test::kMinimal));
    const auto model = reorg::io::load_model(fifo.path());
    CHECK(model.posts().size() == reorg::io::load_model(reorg::test::kMinimal).posts().size());
}

TEST_CASE("A file or a stream beyond the read limit is refused with the limit it passed",
          "[io][input_file]") {
    const reorg::test::TempFolder folder;
    const std::string text(5000, 'x');
    const auto file = folder.path() / "big.yaml";
    { std::ofstream(file) << text; }
    SECTION("a file: by its size, before it is read") {
        reorg::io::InputFile input(file, PathSource::Named);
        CHECK(input.read_all(5000) == text);  // the limit itself is allowed
        reorg::io::InputFile again(file, PathSource::Named);
        CHECK_THROWS_WITH(
            (void)again.read_all(4096),
            Contains("big.yaml: cannot read: it holds more than 4 KiB, the most reorg reads"));
    }
    SECTION("a stream: once it has given more") {
        const reorg::test::FifoWriter fifo(folder.path() / "in.yaml", std::string(200000, 'x'));
        reorg::io::InputFile input(fifo.path(), PathSource::Named);
        REQUIRE(input.is_stream());
        CHECK_THROWS_WITH((void)input.read_all(1000),
                          Contains("in.yaml: cannot read: it gives more than 1000 bytes"));
    }
    SECTION("the bound every reader uses") {
        CHECK(reorg::io::kMaxReadBytes == std::size_t{4} << 30);
        reorg::io::InputFile input(file, PathSource::Named);
        CHECK_NOTHROW(input.check_size(reorg::io::kMaxReadBytes));
        CHECK_THROWS_WITH(input.check_size(reorg::io::kMaxReadBytes + 1),
                          Contains("it holds more than 4 GiB, the most reorg reads from one file"));
    }
}
