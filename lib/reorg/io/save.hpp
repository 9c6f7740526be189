#pragma once
#include <filesystem>

#include "reorg/model/model.hpp"

namespace reorg::io {

/// How a model is written.
struct SaveOptions {
    /// Write a CSV folder beside files reorg did not write (replacing only its own).
    bool force = false;
};

/// Writes the model as a folder of CSV files (SPEC §3.1) that read_csv_folder reads back to an
/// equal model: units.csv and posts.csv always, people.csv, links.csv and findings.csv when the
/// model has any; unknown columns the model kept come after the known ones. Numbers in their
/// shortest exact form. Never destroys what reorg did not write (base::write_folder): the
/// folder appears whole or not at all, replacing reorg's own earlier output; a folder holding
/// other files is refused unless `options.force`. Throws InputError naming the path if it
/// cannot be written, Error if the writing failed (a full disk).
void write_csv_folder(const model::Model& model, const std::filesystem::path& folder,
                      const SaveOptions& options = {});

/// Writes the model in the form `path` asks for: a `.reorg` snapshot, or else a CSV folder.
void save_model(const model::Model& model, const std::filesystem::path& path,
                const SaveOptions& options = {});

/// Throws what save_model() would for a folder it may not write, before the work of making
/// the model: a file of that name, or a folder holding other files without `options.force`.
void check_save_target(std::filesystem::path path, const SaveOptions& options = {});

}  // namespace reorg::io
