#pragma once
// Small helpers for tests that build a model from inline YAML and look things up in it.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/io/load.hpp"
#include "support/temp_folder.hpp"

namespace reorg::test {

/// The model an inline YAML text describes (throws InputError as load_model does).
inline model::Model load_yaml(std::string_view yaml) {
    TempFolder folder;
    return io::load_model(folder.write("model.yaml", yaml));
}

/// The unit with `id`; fails the test if there is none.
inline model::UnitId require_unit(const model::Model& m, std::string_view id) {
    const auto u = m.find_unit(id);
    INFO("unit " << id);
    REQUIRE(u);
    return *u;
}

/// The ids of `posts`, in order.
inline std::vector<std::string> ids(const model::Model& m,
                                    const std::vector<model::PostId>& posts) {
    std::vector<std::string> result;
    for (const auto p : posts) result.emplace_back(m[p].id);
    return result;
}

}  // namespace reorg::test
