#pragma once
// FIFOs for tests of how readers treat a pipe: one nobody writes to (a reader that opens it
// would wait), and one fed from a thread (a pipe named on the command line).
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>

namespace reorg::test {

/// Makes a FIFO at `path` that nothing writes to.
inline void make_fifo(const std::filesystem::path& path) {
    REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
}

/// A FIFO at `path` into which a thread writes `bytes` once a reader has opened it. The writer
/// gives up after ten seconds without a reader, so that a reader that never comes fails its
/// test instead of hanging it.
class FifoWriter {
public:
    FifoWriter(std::filesystem::path path, std::string bytes) : path_(std::move(path)) {
        make_fifo(path_);
        thread_ = std::thread([this, text = std::move(bytes)] { feed(text); });
    }
    FifoWriter(const FifoWriter&) = delete;
    FifoWriter& operator=(const FifoWriter&) = delete;
    ~FifoWriter() { thread_.join(); }

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    void feed(const std::string& bytes) const {
        // A reader that stops early must not kill the test with SIGPIPE: write() says EPIPE.
        sigset_t pipe_signal;
        sigemptyset(&pipe_signal);
        sigaddset(&pipe_signal, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
        // Opening without waiting fails (ENXIO) until a reader has the FIFO open.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int fd = -1;
        while ((fd = ::open(path_.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
            if (errno != ENXIO || std::chrono::steady_clock::now() > deadline) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        std::size_t written = 0;
        while (written < bytes.size()) {
            const auto count = ::write(fd, bytes.data() + written, bytes.size() - written);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) break;
            written += static_cast<std::size_t>(count);
        }
        ::close(fd);
    }

    std::filesystem::path path_;
    std::thread thread_;
};

}  // namespace reorg::test
