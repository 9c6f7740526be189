#pragma once
// What every fuzz target shares. The readers take paths, so each input is written to files in
// a scratch folder of this process's own, made on first use and removed at exit. libFuzzer
// calls LLVMFuzzerTestOneInput with bytes and no state of ours: the folder is the one
// process-wide thing, and a target that forks jobs gets a folder per process.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "reorg/io/text_input.hpp"

namespace reorg::fuzz {

/// The bytes libFuzzer hands over, as text.
[[nodiscard]] inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// This process's scratch folder, made on first use, removed (with what is in it) at exit.
[[nodiscard]] inline const std::filesystem::path& scratch_folder() {
    static const std::filesystem::path folder = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string name = std::string(tmp && *tmp ? tmp : "/tmp") + "/reorg-fuzz-XXXXXX";
        if (!mkdtemp(name.data())) {
            std::perror("reorg fuzz: mkdtemp");
            std::abort();
        }
        return std::filesystem::path(name);
    }();
    static const bool removed_at_exit = [] {
        return std::atexit([] {
                   std::error_code ignored;
                   std::filesystem::remove_all(folder, ignored);
               }) == 0;
    }();
    (void)removed_at_exit;
    return folder;
}

/// Writes `bytes` to `name` in the scratch folder (replacing what was there) and returns its
/// path. Aborts if it cannot: the run would test nothing.
inline std::filesystem::path write_scratch(const std::filesystem::path& name,
                                           std::string_view bytes) {
    const auto path = scratch_folder() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        std::perror("reorg fuzz: writing the input");
        std::abort();
    }
    return path;
}

/// Removes `name` from the scratch folder, if it is there.
inline void remove_scratch(const std::filesystem::path& name) {
    std::error_code ignored;
    std::filesystem::remove(scratch_folder() / name, ignored);
}

/// The input cut at lines that are exactly `----` (the separator line is dropped): how one
/// input holds the files of a model folder or an organogram's senior and junior files. At most
/// `max_parts`; the last part keeps any further separators.
[[nodiscard]] inline std::vector<std::string_view> split_parts(std::string_view input,
                                                               std::size_t max_parts) {
    static constexpr std::string_view kSeparator = "----\n";
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    std::size_t line = 0;
    while (parts.size() + 1 < max_parts && line < input.size()) {
        const auto end = input.find('\n', line);
        if (end == std::string_view::npos) break;
        if (input.substr(line, end + 1 - line) == kSeparator) {
            parts.push_back(input.substr(start, line - start));
            start = end + 1;
        }
        line = end + 1;
    }
    parts.push_back(input.substr(start));
    return parts;
}

/// An input that starts with the line `#cp1252` is read as Windows-1252 (the line dropped),
/// any other as UTF-8: both decoders stay in reach.
[[nodiscard]] inline io::TextOptions take_encoding(std::string_view& input) {
    static constexpr std::string_view kCp1252 = "#cp1252\n";
    if (input.substr(0, kCp1252.size()) != kCp1252) return {};
    input.remove_prefix(kCp1252.size());
    return {.encoding = io::Encoding::Windows1252};
}

}  // namespace reorg::fuzz
