#pragma once
#include <filesystem>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/model.hpp"

namespace reorg::io {

/// Reads a model folder of CSV files (SPEC §3.1): units.csv and posts.csv, optionally
/// people.csv, links.csv and findings.csv. Throws InputError listing every error found (file,
/// line, column); warnings are added to `diagnostics`. The files are read as `text` says
/// (read_text()): a file that is not in that encoding, or lacks a required column, is one error,
/// and the references of other files to its rows are not reported as unknown. An optional file
/// may be absent; one that is there must be a readable regular file (InputFile, PathSource::Found):
/// a folder, a link to nothing or a FIFO in its place is an InputError, and is never opened.
[[nodiscard]] model::Model read_csv_folder(const std::filesystem::path& folder,
                                           Diagnostics& diagnostics, const TextOptions& text = {});

/// Reads a model from one YAML file holding the same tables as lists of maps (SPEC §3.2), in
/// the encoding `text` says.
[[nodiscard]] model::Model read_yaml_model(const std::filesystem::path& file,
                                           Diagnostics& diagnostics, const TextOptions& text = {});

/// How a model is read.
struct LoadOptions {
    /// Index the ids while reading, on a core that would otherwise wait, for a caller that
    /// will look ids up (applying a scenario looks up every id it names). Without it a model
    /// read from a snapshot indexes a table on its first lookup.
    bool index_ids = false;
    /// How to read text files (CSV, YAML): their encoding, and what the messages suggest.
    TextOptions text{};
};

/// Reads a model in whichever form `path` is: a folder of CSV files, a `.yaml`/`.yml` file or a
/// `.reorg` snapshot. A pipe or a device (`/dev/stdin`, `<(cat model.yaml)`) is read as the
/// stream it is, in the form its extension says, and as YAML when it has none. Throws
/// InputError "no such file or folder", or "cannot read: WHY" (InputFile) naming `path`.
[[nodiscard]] model::Model load_model(const std::filesystem::path& path, Diagnostics& diagnostics,
                                      LoadOptions options = {});

/// The same, for callers that do not want the warnings.
[[nodiscard]] model::Model load_model(const std::filesystem::path& path);

}  // namespace reorg::io
