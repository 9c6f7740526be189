#include "load.hpp"

#include <iostream>

#include "print.hpp"
#include "reorg/io/load.hpp"
#include "reorg/scenario/scenario_file.hpp"

namespace reorg::cli {

model::Model load_model(const std::string& path) {
    Diagnostics diagnostics;
    auto model = io::load_model(path, diagnostics);
    print_warning_count(std::cerr, diagnostics);
    return model;
}

ModelAndScenarios model_and_scenarios(const std::vector<std::string>& arguments) {
    ModelAndScenarios result;
    auto first = arguments.begin();
    const bool model_given = first != arguments.end() && !scenario::is_scenario_file(*first);
    if (model_given) result.model = *first++;
    for (auto it = first; it != arguments.end(); ++it) {
        result.scenarios.push_back(scenario::read_scenario(*it));
    }
    if (result.scenarios.empty()) {
        throw InputError(Location("", 0, "SCENARIO"), "name at least one scenario file");
    }
    if (!model_given) {
        const auto base = scenario::base_model(result.scenarios.front());
        if (!base) {
            throw InputError({result.scenarios.front().file, 0, "base"},
                             "the scenario names no base model: give the model first");
        }
        result.model = base->string();
    }
    return result;
}

std::optional<check::Rules> load_rules(const std::string& given, const std::string& model_path,
                                       const model::Model& model) {
    if (!given.empty()) return check::read_rules(given, model);
    if (const auto beside = check::rules_beside(model_path)) {
        return check::read_rules(*beside, model);
    }
    return std::nullopt;
}

}  // namespace reorg::cli
