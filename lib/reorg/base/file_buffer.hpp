#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

/// Writing bytes to a file descriptor so that a failure is never lost: std::ofstream knows that
/// a write failed but not why, and std::cout at exit does not say at all.
namespace reorg::base {

/// A stream buffer over a file descriptor it does not own. Keeps the first error of its writes
/// (an errno value): once one failed, the rest are dropped and the stream using it goes bad.
class FdBuffer final : public std::streambuf {
public:
    /// `line_buffered`: write out at every line end (a terminal, read as it comes).
    explicit FdBuffer(int fd = -1, bool line_buffered = false);
    FdBuffer(const FdBuffer&) = delete;
    FdBuffer& operator=(const FdBuffer&) = delete;
    /// Writes out what it holds, ignoring a failure (flush() first to see it).
    ~FdBuffer() override;

    /// Writes to `fd` from now on (what is held stays, for it).
    void reset(int fd) noexcept { fd_ = fd; }
    /// Writes out what is held; false when this or any earlier write failed.
    bool flush();
    /// The errno of the first failed write, or 0.
    [[nodiscard]] int error() const noexcept { return error_; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize n) override;
    int sync() override;

private:
    bool write_out(const char* data, std::size_t size);

    int fd_;
    bool line_buffered_;
    int error_ = 0;
    std::unique_ptr<char[]> buffer_;
};

/// The words of a message about a failed write: "cannot write FILE: REASON".
[[nodiscard]] std::string cannot_write(const std::string& what, int error);

/// A new file (created, or truncated if it exists) written through an FdBuffer, for the files
/// of a folder being put together out of sight (AtomicFolder). close() flushes, syncs the file
/// to disk and closes it, throwing Error with the system's reason if any of it failed;
/// destroyed without close(), it just closes.
class OutputFile {
public:
    /// Throws InputError naming `path` if it cannot be created.
    explicit OutputFile(const std::filesystem::path& path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();

    [[nodiscard]] std::ostream& stream() noexcept { return stream_; }
    void close();

private:
    std::filesystem::path path_;
    int fd_;
    FdBuffer buffer_;
    std::ostream stream_;
};

}  // namespace reorg::base
