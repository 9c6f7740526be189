#pragma once
#include <filesystem>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

namespace reorg::io {

/// Reads a model folder of CSV files (SPEC §3.1): units.csv and posts.csv, optionally
/// people.csv, links.csv and findings.csv. Throws InputError listing every error found (file,
/// line, column); warnings are added to `diagnostics`.
[[nodiscard]] model::Model read_csv_folder(const std::filesystem::path& folder,
                                           Diagnostics& diagnostics);

/// Reads a model from one YAML file holding the same tables as lists of maps (SPEC §3.2).
[[nodiscard]] model::Model read_yaml_model(const std::filesystem::path& file,
                                           Diagnostics& diagnostics);

/// How a model is read.
struct LoadOptions {
    /// Index the ids while reading, on a core that would otherwise wait, for a caller that
    /// will look ids up (applying a scenario looks up every id it names). Without it a model
    /// read from a snapshot indexes a table on its first lookup.
    bool index_ids = false;
};

/// Reads a model in whichever form `path` is: a folder of CSV files, a `.yaml`/`.yml` file or a
/// `.reorg` snapshot.
[[nodiscard]] model::Model load_model(const std::filesystem::path& path, Diagnostics& diagnostics,
                                      LoadOptions options = {});

/// The same, for callers that do not want the warnings.
[[nodiscard]] model::Model load_model(const std::filesystem::path& path);

}  // namespace reorg::io
