#pragma once
#include <chrono>
#include <functional>

namespace reorg::cli {

/// A progress bar with an estimate of the time left, on stderr when stderr is a terminal and
/// silent otherwise (CI logs, pipes). callback() is what the library's long computations take.
class ProgressBar {
public:
    explicit ProgressBar(const char* what);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar();  ///< clears the line

    /// A callback for BetweennessOptions::progress and the like; empty when silent.
    [[nodiscard]] std::function<void(double)> callback();

private:
    void show(double fraction);

    const char* what_;
    bool enabled_;
    bool shown_ = false;
    int last_percent_ = -1;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace reorg::cli
