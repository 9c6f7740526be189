#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <string_view>

/// Writing results so that a failure never leaves a half-written file or folder behind: write
/// beside the target under a temporary name, then rename over it.
namespace reorg::base {

/// A file written under a temporary name in the target's folder and renamed to the target by
/// commit(). Destroyed without commit() (an exception on the way), it removes the temporary.
class AtomicFile {
public:
    /// Throws InputError (naming the target) if the file cannot be created: a missing folder
    /// or no permission is the user's to fix, like bad input.
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    [[nodiscard]] std::ofstream& stream() noexcept { return stream_; }
    [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept {
        return temporary_;
    }

    /// Says that the file will be `bytes` long, so that the file system allocates its blocks at
    /// once: replacing a large file is then cheaper (ext4 otherwise writes out a file's delayed
    /// blocks when it is renamed over another, a fifth of a second for 300 MB). Only a hint;
    /// writing fewer bytes leaves the file `bytes` long.
    void reserve(std::uint64_t bytes) noexcept;

    /// The temporary file made `bytes` long, its blocks allocated (as reserve()), and mapped
    /// into memory for writing in place: a large output is then made straight in the page
    /// cache, not in a buffer copied there. Empty when the file system cannot allocate the
    /// blocks at once (writing through a mapping could then fail half-way, which no error
    /// code reports) or the file cannot be mapped; the stream is the way then. The mapping
    /// lives until cut() or commit(); nothing may be written through the stream meanwhile.
    [[nodiscard]] std::span<std::byte> map(std::uint64_t bytes);

    /// Ends a mapping, if there is one, and cuts the file to its first `bytes`.
    void cut(std::uint64_t bytes);

    /// Flushes, checks that every write succeeded, and renames onto the target.
    void commit();

private:
    void unmap() noexcept;

    std::filesystem::path target_;
    std::filesystem::path temporary_;
    std::ofstream stream_;
    std::span<std::byte> mapping_;
    bool committed_ = false;
};

/// The same for a folder of files: fill path() and commit() puts it in place of the target
/// (replacing a folder already there); without commit() the temporary folder is removed.
class AtomicFolder {
public:
    explicit AtomicFolder(std::filesystem::path target);
    AtomicFolder(const AtomicFolder&) = delete;
    AtomicFolder& operator=(const AtomicFolder&) = delete;
    ~AtomicFolder();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return temporary_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

/// How a folder output may be written (SPEC §3, Outputs): never destroying what reorg did not
/// write.
enum class FolderWrite : std::uint8_t {
    Replace,  ///< missing, empty, or holding only reorg's own files: AtomicFolder replaces it
    /// With `force`, a folder that also holds other files: write each own file in place
    /// (AtomicFile), leaving the others alone.
    InPlace,
};

/// Decides how to write the folder output `target` whose files are named `own`: a symlink is
/// followed (the folder it names is written). Throws InputError (naming the target) when it is
/// not a folder, or when it holds anything else than `own` and `force` is off (listing a few of
/// the other names).
[[nodiscard]] FolderWrite folder_write(std::filesystem::path& target,
                                       std::span<const std::string_view> own, bool force);

}  // namespace reorg::base
