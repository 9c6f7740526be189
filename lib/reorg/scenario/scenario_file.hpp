#pragma once
#include <filesystem>
#include <optional>

#include "reorg/scenario/scenario.hpp"

namespace reorg::scenario {

/// Reads a scenario file (SPEC §4): `name`, `description`, `addresses`, `base` and `changes`,
/// each change a map keyed by its kind, its fields either in a map under that key
/// (`- move_unit: {unit: KLF.IT, parent: KS}`) or beside it with the key holding the first one
/// (`- merge: [KLF.PLAN, STF]` then `into:` and `head:`). Ids are checked when the scenario is
/// applied, not here. Throws InputError listing every problem with its line: a misspelt change
/// or field (with the nearest spelling: "did you mean `move_post`?"), a missing required field,
/// a field of the wrong type (a list where one id belongs, a number that is none), an unknown
/// unit or link kind, invalid YAML or UTF-8.
[[nodiscard]] Scenario read_scenario(const std::filesystem::path& path);

/// Whether `path` is a scenario file rather than a model: a YAML file (.yaml, .yml) whose top
/// level is a map with `changes:` and without `units:`. False for anything unreadable, and for
/// a stream (a pipe, a device), which would be used up by looking: it is taken for the model.
[[nodiscard]] bool is_scenario_file(const std::filesystem::path& path);

/// Throws the InputError that reading `path` as YAML gives (file, line, why) when it is a YAML
/// file (.yaml, .yml) that does not parse; does nothing otherwise. For a lone argument that
/// is_scenario_file() refused: it was most likely meant as the scenario.
void throw_if_broken_yaml(const std::filesystem::path& path);

/// The base model a scenario names, resolved against the scenario file's folder; nullopt when
/// it names none.
[[nodiscard]] std::optional<std::filesystem::path> base_model(const Scenario& scenario);

}  // namespace reorg::scenario
