#pragma once
#include <filesystem>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

/// Snapshots: the model as one Cap'n Proto message (schemas/model.capnp), written by
/// `reorg pack` and loaded by mapping the file and reading it in place.
namespace reorg::io {

/// Writes `model` to `file` (unpacked, so it can be mapped), through a temporary file and a
/// rename. Throws reorg::Error if it cannot be written.
void write_snapshot(const model::Model& model, const std::filesystem::path& file);

/// Maps `file` and builds the model from it without parsing text: its strings point into the
/// mapping, which the model keeps alive. A stream (a pipe named on the command line) is read
/// into memory instead. A file that cannot be read is an InputError "cannot read: WHY"
/// (InputFile). A truncated, corrupted or hostile file gives an
/// InputError naming what is wrong (never a crash or a hang): every reference is checked against
/// its list, every kind against its vocabulary, ids for uniqueness, and the structure as for
/// any model (cycles, heads outside their unit). Structural warnings go to `diagnostics`.
/// With `index_ids`, the ids are indexed while the links are read (LoadOptions::index_ids).
[[nodiscard]] model::Model read_snapshot(const std::filesystem::path& file,
                                         Diagnostics& diagnostics, bool index_ids = false);

/// Whether `path` names a snapshot (a `.reorg` file).
[[nodiscard]] bool is_snapshot_path(const std::filesystem::path& path);

}  // namespace reorg::io
