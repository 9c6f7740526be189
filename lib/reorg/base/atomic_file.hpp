#pragma once
#include <filesystem>
#include <fstream>
#include <string>

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

    /// Flushes, checks that every write succeeded, and renames onto the target.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    std::ofstream stream_;
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

}  // namespace reorg::base
