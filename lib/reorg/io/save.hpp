#pragma once
#include <filesystem>

#include "reorg/model/model.hpp"

namespace reorg::io {

/// Writes the model as a folder of CSV files (SPEC §3.1) that read_csv_folder reads back to an
/// equal model: units.csv and posts.csv always, people.csv, links.csv and findings.csv when the
/// model has any; unknown columns the model kept come after the known ones. Numbers in their
/// shortest exact form. The folder appears whole or not at all (it replaces one already there).
/// Throws InputError naming the path if it cannot be written.
void write_csv_folder(const model::Model& model, const std::filesystem::path& folder);

/// Writes the model in the form `path` asks for: a `.reorg` snapshot, or else a CSV folder.
void save_model(const model::Model& model, const std::filesystem::path& path);

}  // namespace reorg::io
