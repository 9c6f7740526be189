#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "reorg/base/file_buffer.hpp"

/// Writing results so that a failure never leaves a half-written file or folder behind, and
/// never destroys what reorg did not write (SPEC §3, Outputs): write out of sight, then put the
/// whole in place with one rename.
namespace reorg::base {

/// A file written out of sight and put in place of the target by commit(); destroyed without
/// commit() (an exception on the way), it leaves the target as it was and nothing beside it.
///
/// The target is first followed through symbolic links: the file a link names is the one
/// replaced, in its own folder, and the link stays (as `sed -i --follow-symlinks` does). A
/// target that is no regular file (a FIFO, a character device such as /dev/stdout) is written
/// into directly, never renamed over. A regular file is replaced: the new one is made as an
/// unnamed file in the target's folder (O_TMPFILE, so a killed process leaves no litter) or,
/// where the file system cannot, under a hidden temporary name; commit() syncs it to disk, puts
/// it in place and syncs the folder. A replaced file keeps its permissions.
class AtomicFile {
public:
    /// Throws InputError (naming the target) if the file cannot be created: a missing folder,
    /// a folder of the target's name, a link loop or no permission is the user's to fix, like
    /// bad input.
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    [[nodiscard]] std::ostream& stream() noexcept { return stream_; }
    /// Whether commit() replaces a file (false: the target is written into as it goes).
    [[nodiscard]] bool replaces() const noexcept { return !direct_; }

    /// Says that the file will be about `bytes` long, so that the file system allocates its
    /// blocks at once: replacing a large file is then cheaper (ext4 otherwise writes out a
    /// file's delayed blocks when it is renamed over another, a fifth of a second for 300 MB).
    /// Only a hint: the file is as long as what was written.
    void reserve(std::uint64_t bytes) noexcept;

    /// The new file made `bytes` long, its blocks allocated (as reserve()), and mapped into
    /// memory for writing in place: a large output is then made straight in the page cache,
    /// not in a buffer copied there. Empty when the target is written directly, when the file
    /// system cannot allocate the blocks at once (writing through a mapping could then fail
    /// half-way, which no error code reports) or the file cannot be mapped; the stream is the
    /// way then. The mapping lives until cut() or commit(); nothing may be written through the
    /// stream meanwhile.
    [[nodiscard]] std::span<std::byte> map(std::uint64_t bytes);

    /// Ends a mapping, if there is one, and cuts the file to its first `bytes`.
    void cut(std::uint64_t bytes);

    /// Writes out what the stream holds and puts the file in place. Throws Error with the
    /// system's reason ("cannot write out.graphml: No space left on device") if any write
    /// failed: the environment's failure, not the input's.
    void commit();

private:
    void unmap() noexcept;
    void place();

    std::filesystem::path target_;     // as the caller named it, for messages
    std::filesystem::path file_;       // the target with its links followed
    std::filesystem::path temporary_;  // the new file's name until commit; empty if unnamed
    int fd_ = -1;
    bool direct_ = false;  // written into the target itself (a FIFO, a device)
    FdBuffer buffer_;
    std::ostream stream_;
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
/// the other names). For checking a target before the work of making the output.
[[nodiscard]] FolderWrite folder_write(std::filesystem::path& target,
                                       std::span<const std::string_view> own, bool force);

/// Writes the folder output `target` as folder_write() decides: `write` makes the files, each
/// named in `own`, in the folder it is given (a fresh one, out of sight). Replace puts that
/// folder in place of the target whole; InPlace moves each file in (each move atomic), removes
/// those of `own` that this output does not have (so that what the folder holds is one
/// output, not two), and leaves every other file alone.
void write_folder(std::filesystem::path target, std::span<const std::string_view> own, bool force,
                  const std::function<void(const std::filesystem::path&)>& write);

}  // namespace reorg::base
