#include "reorg/io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <limits>
#include <string>
#include <system_error>

#include "reorg/base/error.hpp"

namespace reorg::io {
namespace {

// A size in the largest binary unit it is a whole number of: "4 GiB", "64 KiB", "1000 bytes".
std::string shown_size(std::size_t bytes) {
    constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    std::size_t unit = 0;
    while (unit + 1 < std::size(kUnits) && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return std::to_string(bytes) + " " + (bytes == 1 && unit == 0 ? "byte" : kUnits[unit]);
}

[[noreturn]] void cannot_read(const std::filesystem::path& path, const std::string& why) {
    throw InputError({path.string()}, "cannot read: " + why);
}

// The system's words for `error`, as strerror() has them.
std::string system_reason(int error) { return std::generic_category().message(error); }

// Why stat() failed at `path` with `error`: a link to nothing is told apart from no file at
// all, since "No such file or directory" for a name that `ls` lists would puzzle.
std::string stat_failure(const std::filesystem::path& path, int error) {
    struct stat link {};
    if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        std::error_code ignored;
        return "it is a link to nothing (" + std::filesystem::read_symlink(path, ignored).string() +
               ")";
    }
    return system_reason(error);
}

// What a file that is neither a folder nor a regular file is, in a message.
const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "of an unknown kind";
}

// Throws unless a file of this mode may be read from a path of this source.
void check_mode(const std::filesystem::path& path, mode_t mode, PathSource source) {
    if (S_ISDIR(mode)) cannot_read(path, "it is a folder");
    if (!S_ISREG(mode) && source == PathSource::Found) {
        cannot_read(path, std::string("it is not a regular file (") + kind_of(mode) + ")");
    }
}

}  // namespace

InputFile::InputFile(const std::filesystem::path& path, PathSource source) : path_(path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) cannot_read(path, stat_failure(path, errno));
    check_mode(path, info.st_mode, source);
    // A stream named on the command line is opened as `cat` would, waiting for its writer. A
    // regular file is opened without waiting, in case it became a FIFO since stat(): then
    // fstat() below refuses it, or (for a named one) it is read as the stream it now is.
    const bool regular = S_ISREG(info.st_mode);
    const int flags = O_RDONLY | O_CLOEXEC | (regular ? O_NONBLOCK : 0);
    do {
        descriptor_ = ::open(path.c_str(), flags);
    } while (descriptor_ < 0 && errno == EINTR);
    if (descriptor_ < 0) cannot_read(path, system_reason(errno));
    try {
        if (::fstat(descriptor_, &info) != 0) cannot_read(path, system_reason(errno));
        check_mode(path, info.st_mode, source);
        stream_ = !S_ISREG(info.st_mode);
        if (stream_ && regular) {
            const int status = ::fcntl(descriptor_, F_GETFL);
            if (status < 0 || ::fcntl(descriptor_, F_SETFL, status & ~O_NONBLOCK) != 0) {
                cannot_read(path, system_reason(errno));
            }
        }
    } catch (...) {
        ::close(descriptor_);
        throw;
    }
    size_ = stream_ ? 0 : static_cast<std::size_t>(info.st_size);
}

InputFile::~InputFile() { ::close(descriptor_); }

std::size_t InputFile::read_some(std::span<char> into) {
    for (;;) {
        const auto count = ::read(descriptor_, into.data(), into.size());
        if (count >= 0) return static_cast<std::size_t>(count);
        if (errno != EINTR) cannot_read(path_, system_reason(errno));
    }
}

std::string InputFile::read_all(std::size_t limit) {
    check_size(size_, limit);
    // One byte beyond the size, to see the end in the first pass; a file that grew meanwhile
    // is still read to its end, up to the limit.
    constexpr std::size_t kStreamChunk = std::size_t{64} << 10;
    const std::size_t most = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
    std::string bytes(stream_ ? std::min(kStreamChunk, most) : size_ + 1, '\0');
    std::size_t filled = 0;
    for (;;) {
        if (filled == bytes.size()) bytes.resize(std::min(bytes.size() * 2, most));
        const auto count = read_some(std::span(bytes).subspan(filled));
        if (count == 0) break;
        filled += count;
        check_size(filled, limit);
    }
    bytes.resize(filled);
    return bytes;
}

void InputFile::check_size(std::size_t bytes, std::size_t limit) const {
    if (bytes <= limit) return;
    cannot_read(path_, (stream_ ? "it gives more than " : "it holds more than ") +
                           shown_size(limit) + ", the most reorg reads from one file");
}

bool is_present(const std::filesystem::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) return true;
    // ENOTDIR: a file on the way, so nothing can be at the path.
    if (errno == ENOENT || errno == ENOTDIR) return false;
    cannot_read(path, system_reason(errno));
}

PathKind path_kind(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if ((error == ENOENT || error == ENOTDIR) && !is_present(path)) return PathKind::Absent;
        cannot_read(path, stat_failure(path, error));
    }
    if (S_ISDIR(info.st_mode)) return PathKind::Folder;
    return S_ISREG(info.st_mode) ? PathKind::File : PathKind::Stream;
}

}  // namespace reorg::io
