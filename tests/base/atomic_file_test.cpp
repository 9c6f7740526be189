#include "reorg/base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/temp_folder.hpp"

using reorg::base::AtomicFile;

namespace {

std::string contents(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Whether the file system under `folder` allocates blocks on request (ext4, tmpfs, xfs do).
bool allocates_on_request(const std::filesystem::path& folder) {
    const auto probe = folder / "probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    const bool done = ::fallocate(fd, 0, 0, 4096) == 0;
    ::close(fd);
    std::filesystem::remove(probe);
    return done;
}

}  // namespace

TEST_CASE("a file appears whole under its name at commit, and not at all without",
          "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    const auto target = folder.path() / "model.reorg";
    {
        AtomicFile file(target);
        file.stream() << "first";
        CHECK_FALSE(std::filesystem::exists(target));
        file.commit();
    }
    CHECK(contents(target) == "first");
    {
        AtomicFile file(target);
        file.stream() << "second, not committed";
    }
    CHECK(contents(target) == "first");
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("reserve allocates the file's blocks before it is written", "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    const auto target = folder.path() / "model.reorg";
    const std::size_t reserved = 3 << 20;
    AtomicFile file(target);
    file.reserve(reserved);
    file.stream() << "short";
    file.commit();
    CHECK(contents(target) == "short");  // the length is what was written
    struct stat status {};
    REQUIRE(::stat(target.c_str(), &status) == 0);
    if (allocates_on_request(folder.path())) {
        CHECK(static_cast<std::size_t>(status.st_blocks) * 512 >= reserved);
    } else {
        WARN("the file system here cannot allocate blocks on request: reserve is a no-op");
    }
}

TEST_CASE("a mapped file is written in place and cut to what was used", "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    const auto target = folder.path() / "model.reorg";
    if (!allocates_on_request(folder.path())) {
        WARN("the file system here cannot allocate blocks on request: nothing is mapped");
        AtomicFile file(target);
        CHECK(file.map(1 << 20).empty());
        return;
    }
    {
        AtomicFile file(target);
        const auto mapped = file.map(std::size_t{4} << 20);
        REQUIRE(mapped.size() == std::size_t{4} << 20);
        CHECK(std::all_of(mapped.begin(), mapped.end(),
                          [](std::byte b) { return b == std::byte{0}; }));
        const std::string text = "made in place";
        std::memcpy(mapped.data(), text.data(), text.size());
        mapped[(std::size_t{3} << 20) - 1] = std::byte{'!'};
        CHECK_FALSE(std::filesystem::exists(target));
        file.cut(std::size_t{3} << 20);
        file.commit();
    }
    const auto written = contents(target);
    REQUIRE(written.size() == std::size_t{3} << 20);
    CHECK(written.substr(0, 13) == "made in place");
    CHECK(written.back() == '!');
    {
        // Mapped, then not used after all: cut to nothing and written through the stream.
        AtomicFile file(target);
        REQUIRE_FALSE(file.map(1 << 20).empty());
        file.cut(0);
        file.stream() << "streamed";
        file.commit();
    }
    CHECK(contents(target) == "streamed");
    {
        AtomicFile file(target);  // mapped and written, never committed: the target stays
        const auto mapped = file.map(1 << 20);
        REQUIRE_FALSE(mapped.empty());
        mapped[0] = std::byte{'x'};
    }
    CHECK(contents(target) == "streamed");
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("a link is written through and stays a link", "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    std::filesystem::create_directory(folder.path() / "real");
    const auto real = folder.write("real/out.graphml", "old");
    const auto link = folder.path() / "out.graphml";
    std::filesystem::create_symlink("real/out.graphml", link);
    {
        AtomicFile file(link);
        file.stream() << "new";
        file.commit();
    }
    CHECK(std::filesystem::is_symlink(link));
    CHECK(contents(real) == "new");
    // A link to nothing yet makes the file it names; a loop of links is the user's to fix.
    std::filesystem::create_symlink("real/later.graphml", folder.path() / "later.graphml");
    {
        AtomicFile file(folder.path() / "later.graphml");
        file.stream() << "made";
        file.commit();
    }
    CHECK(contents(folder.path() / "real" / "later.graphml") == "made");
    std::filesystem::create_symlink("loop", folder.path() / "loop");
    CHECK_THROWS_WITH(AtomicFile(folder.path() / "loop"),
                      Catch::Contains("Too many levels of symbolic links"));
}

TEST_CASE("a replaced file keeps its permissions and nothing is left beside it",
          "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    const auto target = folder.write("out.csv", "old");
    std::filesystem::permissions(target, std::filesystem::perms::owner_read |
                                             std::filesystem::perms::owner_write |
                                             std::filesystem::perms::group_read);
    {
        AtomicFile file(target);
        file.stream() << "new";
        file.commit();
    }
    CHECK(contents(target) == "new");
    CHECK(std::filesystem::status(target).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
           std::filesystem::perms::group_read));
    {
        AtomicFile file(folder.path() / "never.csv");
        file.stream() << std::string(1 << 20, 'x');  // past the buffer: reaches the file
    }
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("what is not a regular file is written into and never replaced", "[base][atomic_file]") {
    const reorg::test::TempFolder folder;
    const auto fifo = folder.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string read_back;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        read_back.assign(std::istreambuf_iterator<char>(in), {});
    });
    {
        AtomicFile file(fifo);
        CHECK_FALSE(file.replaces());
        CHECK(file.map(1 << 20).empty());
        file.stream() << "through the pipe";
        file.commit();
    }
    reader.join();
    CHECK(read_back == "through the pipe");
    CHECK(std::filesystem::is_fifo(fifo));

    AtomicFile null("/dev/null");
    null.stream() << "gone";
    null.commit();
    CHECK(std::filesystem::is_character_file("/dev/null"));

    // A device that refuses the bytes: the environment's failure, with the system's reason.
    AtomicFile full("/dev/full");
    full.stream() << "no room";
    CHECK_THROWS_WITH(full.commit(), Catch::Contains("cannot write /dev/full") &&
                                         Catch::Contains("No space left on device"));
    CHECK(std::filesystem::is_character_file("/dev/full"));

    CHECK_THROWS_WITH(AtomicFile(folder.path()), Catch::Contains("it is a folder"));
}

TEST_CASE("a folder output writes only its own files", "[base][atomic_file]") {
    using reorg::base::write_folder;
    const reorg::test::TempFolder folder;
    const std::string_view own[] = {"units.csv", "posts.csv", "links.csv", "people.csv"};
    const auto target = folder.path() / "model";
    const auto write = [](std::string text, bool links) {
        return [text, links](const std::filesystem::path& into) {
            std::ofstream(into / "units.csv") << text;
            std::ofstream(into / "posts.csv") << text;
            if (links) std::ofstream(into / "links.csv") << text;
        };
    };
    write_folder(target, own, false, write("first", true));
    CHECK(contents(target / "links.csv") == "first");
    // Its own earlier output is replaced whole: a file this one lacks goes.
    write_folder(target, own, false, write("second", false));
    CHECK(contents(target / "units.csv") == "second");
    CHECK_FALSE(std::filesystem::exists(target / "links.csv"));

    // Anything else in the folder: refused, and with force left alone.
    std::filesystem::create_directory(target / ".git");
    std::ofstream(target / "notes.txt") << "mine";
    std::ofstream(target / "links.csv") << "stale";
    CHECK_THROWS_WITH(write_folder(target, own, false, write("third", true)),
                      Catch::Contains(".git, notes.txt") && Catch::Contains("--force"));
    CHECK(contents(target / "units.csv") == "second");
    write_folder(target, own, true, write("third", false));
    CHECK(contents(target / "units.csv") == "third");
    CHECK(contents(target / "notes.txt") == "mine");
    CHECK(std::filesystem::is_directory(target / ".git"));
    CHECK_FALSE(std::filesystem::exists(target / "links.csv"));
    CHECK(std::distance(std::filesystem::directory_iterator(target),
                        std::filesystem::directory_iterator()) == 4);

    // A link to a folder is written through; a file of the folder's name is refused.
    std::filesystem::create_symlink("model", folder.path() / "link");
    write_folder(folder.path() / "link", own, true, write("fourth", true));
    CHECK(std::filesystem::is_symlink(folder.path() / "link"));
    CHECK(contents(target / "links.csv") == "fourth");
    folder.write("plain", "x");
    CHECK_THROWS_WITH(write_folder(folder.path() / "plain", own, false, write("x", true)),
                      Catch::Contains("it is a file"));
}
