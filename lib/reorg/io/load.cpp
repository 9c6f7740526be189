#include "reorg/io/load.hpp"

#include <string>

#include "reorg/base/text.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/snapshot.hpp"

namespace reorg::io {
namespace {

// A name without extension that can only be a stream of text: a pipe or a device
// (`<(cat model.yaml)` is /dev/fd/63), or /dev/stdin and its kin even when they lead to a
// regular file (`reorg validate /dev/stdin < model.yaml`). YAML is the one text form a model
// takes in one file.
bool is_yaml_stream(const std::filesystem::path& path, PathKind kind) {
    if (!path.extension().empty()) return false;
    const auto name = path.string();
    return kind == PathKind::Stream || name.starts_with("/dev/") || name.starts_with("/proc/");
}

}  // namespace

model::Model load_model(const std::filesystem::path& path, Diagnostics& diagnostics,
                        LoadOptions options) {
    const auto kind = path_kind(path);
    if (kind == PathKind::Absent) throw InputError({path.string()}, "no such file or folder");
    if (kind == PathKind::Folder) return read_csv_folder(path, diagnostics, options.text);
    if (is_snapshot_path(path)) return read_snapshot(path, diagnostics, options.index_ids);
    const auto extension = path.extension().string();
    if (base::iequals_ascii(extension, ".yaml") || base::iequals_ascii(extension, ".yml") ||
        is_yaml_stream(path, kind)) {
        return read_yaml_model(path, diagnostics, options.text);
    }
    throw InputError(
        {path.string()},
        "not a model: expected a folder of CSV files, a .yaml file or a .reorg snapshot");
}

model::Model load_model(const std::filesystem::path& path) {
    Diagnostics diagnostics;
    return load_model(path, diagnostics);
}

}  // namespace reorg::io
