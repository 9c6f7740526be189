#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "reorg/io/text_input.hpp"

/// Reading YAML files the way every YAML input of reorg does (models, scenarios, rules):
/// UTF-8 checked, yaml-cpp's failures turned into InputError with the file and line.
namespace reorg::io {

/// The file's one YAML document. Throws InputError naming the file (and the line where it
/// applies) when it cannot be read or is a folder, is not UTF-8, is not valid YAML, nests too
/// deeply or holds a second document. `text` says the encoding, as for read_text().
[[nodiscard]] YAML::Node read_yaml_file(const std::filesystem::path& path,
                                        const TextOptions& text = {});

/// The 1-based line where a node starts; 0 when yaml-cpp does not know it.
[[nodiscard]] std::uint32_t line_of(const YAML::Node& node);

/// InputError at `node`'s line of `file`, for a YAML::Exception thrown while reading it.
[[noreturn]] void rethrow_yaml_error(const std::string& file, const YAML::Exception& error);

}  // namespace reorg::io
