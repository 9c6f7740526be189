#pragma once
#include <filesystem>
#include <optional>

/// Printing the report's page to PDF through headless Chromium, where it is installed.
namespace reorg::report {

/// The Chromium executable: $REORG_CHROMIUM when set, else `chromium`, `chromium-browser` or
/// `google-chrome` on PATH; nullopt when there is none.
[[nodiscard]] std::optional<std::filesystem::path> find_chromium();

/// Prints `html` (a file) to `pdf` with headless Chromium (A4, as the page's @page asks), in a
/// fresh profile that is removed afterwards, with no network access. Throws Error (an
/// environment failure, exit 1) when Chromium is not installed ("--pdf needs Chromium: apt-get
/// install chromium"), fails, or writes no PDF.
void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace reorg::report
