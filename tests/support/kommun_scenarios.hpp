#pragma once
// The scenarios of the example municipality, read in file-name order.
#include <algorithm>
#include <filesystem>
#include <vector>

#include "reorg/scenario/scenario_file.hpp"
#include "support/example_data.hpp"

namespace reorg::test {

inline std::vector<scenario::Scenario> kommun_scenarios() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(kKommun + "/scenarios")) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<scenario::Scenario> scenarios;
    for (const auto& file : files) scenarios.push_back(scenario::read_scenario(file));
    return scenarios;
}

}  // namespace reorg::test
