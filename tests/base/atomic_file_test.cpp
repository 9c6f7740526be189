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
    const std::string bytes(3 << 20, 'x');
    AtomicFile file(target);
    file.reserve(bytes.size());
    struct stat status {};
    REQUIRE(::stat(file.temporary_path().c_str(), &status) == 0);
    if (allocates_on_request(folder.path())) {
        CHECK(static_cast<std::size_t>(status.st_size) == bytes.size());
        CHECK(static_cast<std::size_t>(status.st_blocks) * 512 >= bytes.size());
    } else {
        WARN("the file system here cannot allocate blocks on request: reserve is a no-op");
    }
    file.stream() << bytes;
    file.commit();
    CHECK(contents(target) == bytes);
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
