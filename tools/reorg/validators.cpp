#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "commands.hpp"

namespace reorg::cli {

CLI::Validator writable_file() {
    return CLI::Validator(
        [](const std::string& path) -> std::string {
            if (path == "-") return {};
            const std::filesystem::path file(path);
            std::error_code error;  // a link loop, say: AtomicFile says why when it writes
            if (std::filesystem::is_directory(file, error)) return "'" + path + "' is a folder";
            const auto folder = file.parent_path();
            if (!folder.empty() && !std::filesystem::is_directory(folder, error)) {
                return "folder '" + folder.string() + "' does not exist";
            }
            return {};
        },
        "FILE");
}

}  // namespace reorg::cli
