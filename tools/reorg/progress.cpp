#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace reorg::cli {

ProgressBar::ProgressBar(const char* what)
    : what_(what),
      enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
}

std::function<void(double)> ProgressBar::callback() {
    if (!enabled_) return {};
    return [this](double fraction) { show(fraction); };
}

void ProgressBar::show(double fraction) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int percent = static_cast<int>(fraction * 100);
    if (percent == last_percent_) return;
    last_percent_ = percent;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    // Wait for a little progress before guessing how long the rest takes.
    const std::string left =
        fraction > 0.02 && elapsed > 1.0
            ? std::to_string(static_cast<long>(elapsed / fraction - elapsed)) + " s left"
            : "";
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\r%s [%s%s] %3d%% %s\033[K", what_,
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(), percent,
                 left.c_str());
    std::fflush(stderr);
    shown_ = true;
}

}  // namespace reorg::cli
