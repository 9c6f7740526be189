#include "reorg/io/load.hpp"

#include "reorg/base/text.hpp"
#include "reorg/io/snapshot.hpp"

namespace reorg::io {

model::Model load_model(const std::filesystem::path& path, Diagnostics& diagnostics,
                        LoadOptions options) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return read_csv_folder(path, diagnostics, options.text);
    if (is_snapshot_path(path)) return read_snapshot(path, diagnostics, options.index_ids);
    const auto extension = path.extension().string();
    if (base::iequals_ascii(extension, ".yaml") || base::iequals_ascii(extension, ".yml")) {
        return read_yaml_model(path, diagnostics, options.text);
    }
    if (!std::filesystem::exists(path, error)) {
        throw InputError({path.string()}, "no such file or folder");
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
