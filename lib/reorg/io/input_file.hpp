#pragma once
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

/// Opening the user's files for reading: the one place where what the system says about a path
/// (a link loop, a permission denied, a FIFO where a file should be) becomes an InputError
/// "PATH: cannot read: WHY" with the system's own reason.
namespace reorg::io {

/// Where the path of an input comes from, which decides what may be read from it.
enum class PathSource {
    /// Named by the person (on the command line, in a scenario's `base:`): a pipe or a device,
    /// such as `/dev/stdin` or `<(cat file)`, is read as the stream it is.
    Named,
    /// Found in a model folder or beside a model: only a regular file is read, and nothing else
    /// is ever opened (opening a FIFO would wait for a writer for ever).
    Found,
};

/// The most bytes reorg reads from one input into memory (a CSV or YAML file, a snapshot from
/// a stream): 4 GiB, some 15 million posts as CSV, which take about 12 GiB once loaded. A
/// larger file is refused before anything is read, a stream once it has passed the bound, so
/// that `/dev/zero` or a runaway pipe ends in an error instead of filling memory. Snapshot files
/// are mapped, not read, and have no such bound.
static_assert(sizeof(std::size_t) >= 8, "reorg reads files of gigabytes: a 64-bit size_t");
inline constexpr std::size_t kMaxReadBytes = std::size_t{4} << 30;

/// A file of the user's input, open for reading. A resource: neither copied nor moved.
class InputFile {
public:
    /// Opens `path`, checking what it is before opening it and again after. Throws InputError
    /// naming `path`, "cannot read: " and why: the system's reason (`Permission denied`, `Too
    /// many levels of symbolic links`, `No such file or directory`), or that it is a folder, a
    /// link to nothing, or, when `source` is Found, not a regular file (a FIFO, a socket, a
    /// device).
    InputFile(const std::filesystem::path& path, PathSource source);
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    /// A pipe, a terminal, a socket or a device: no size to ask for, no mapping.
    [[nodiscard]] bool is_stream() const noexcept { return stream_; }
    /// The size in bytes of a regular file when it was opened; 0 for a stream.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    /// For mapping a regular file; stays owned by this object.
    [[nodiscard]] int descriptor() const noexcept { return descriptor_; }

    /// Reads at most `into.size()` bytes into `into`; 0 at the end of the file. Throws
    /// InputError "cannot read: WHY" if the system cannot read it.
    [[nodiscard]] std::size_t read_some(std::span<char> into);
    /// The rest of the file. O(n). Throws as read_some(), and check_size() for a file or a
    /// stream larger than `limit`.
    [[nodiscard]] std::string read_all(std::size_t limit = kMaxReadBytes);

    /// Throws InputError "cannot read: it holds more than 4 GiB, the most reorg reads from one
    /// file" when `bytes` (its size, or what a stream has given so far) exceed `limit`.
    void check_size(std::size_t bytes, std::size_t limit = kMaxReadBytes) const;

private:
    std::filesystem::path path_;
    int descriptor_ = -1;
    bool stream_ = false;
    std::size_t size_ = 0;
};

/// Whether anything is at `path`, not following it: a link to nothing is there. How an optional
/// file is probed: when it is there, it must then be read (and what keeps it from being read is
/// an error, never a reason to ignore it). Throws InputError "cannot read: WHY" when the system
/// cannot tell (a folder on the way that may not be searched).
[[nodiscard]] bool is_present(const std::filesystem::path& path);

/// What a path names, followed through links: how a reader chooses how to read it, before
/// opening anything.
enum class PathKind {
    Absent,  ///< nothing there, not even a link
    Folder,
    File,    ///< a regular file
    Stream,  ///< a pipe, a terminal, a socket or a device
};

/// What `path` names. Throws InputError "cannot read: WHY" for a link to nothing, a link loop
/// or a folder on the way that may not be searched.
[[nodiscard]] PathKind path_kind(const std::filesystem::path& path);

}  // namespace reorg::io
