#include "load.hpp"

#include <CLI/CLI.hpp>
#include <exception>
#include <future>
#include <iostream>

#include "print.hpp"
#include "reorg/io/load.hpp"
#include "reorg/scenario/scenario_file.hpp"

namespace reorg::cli {

void add_encoding_option(CLI::App& command, std::string& encoding) {
    command.add_option("--encoding", encoding, "Text encoding of the input files")
        ->capture_default_str()
        ->check(CLI::IsMember({"utf-8", "cp1252"}));
}

void add_model_output(CLI::App& command, ModelOutput& output, const std::string& what) {
    command.add_option("-o,--output", output.path, what)->required();
    command.add_flag("--force", output.force,
                     "Write into a folder that holds other files (only reorg's are replaced)");
    // After parsing, so that --force is known whatever the order of the flags.
    command.parse_complete_callback(
        [&output] { io::check_save_target(output.path, output.options()); });
}

io::TextOptions text_options(const std::string& encoding) {
    return {.encoding = encoding == "cp1252" ? io::Encoding::Windows1252 : io::Encoding::Utf8,
            .read_as_utf8 = "read it with --encoding utf-8",
            .read_as_windows1252 = "read it with --encoding cp1252"};
}

model::Model load_model(const std::string& path, const std::string& encoding,
                        io::LoadOptions options) {
    options.text = text_options(encoding);
    Diagnostics diagnostics;
    auto model = io::load_model(path, diagnostics, options);
    print_warning_count(std::cerr, diagnostics);
    return model;
}

ModelAndScenarios load_model_and_scenarios(const std::vector<std::string>& arguments,
                                           const std::string& encoding) {
    ModelAndScenarios result;
    auto first = arguments.begin();
    const bool model_given = first != arguments.end() && !scenario::is_scenario_file(*first);
    if (model_given) result.model_path = *first++;
    if (first == arguments.end()) {
        // A lone YAML file that does not parse was most likely meant as the scenario: why it
        // does not parse says more than that a scenario is missing.
        if (model_given) scenario::throw_if_broken_yaml(result.model_path);
        throw InputError(Location("", 0, "SCENARIO"), "name at least one scenario file");
    }
    const auto read_scenarios = [first, &arguments] {
        std::vector<scenario::Scenario> scenarios;
        for (auto it = first; it != arguments.end(); ++it) {
            scenarios.push_back(scenario::read_scenario(*it));
        }
        return scenarios;
    };
    if (!model_given) {
        result.scenarios = read_scenarios();
        const auto base = scenario::base_model(result.scenarios.front());
        if (!base) {
            throw InputError({result.scenarios.front().file, 0, "base"},
                             "the scenario names no base model: give the model first");
        }
        result.model_path = base->string();
        result.model = load_model(result.model_path, encoding, {.index_ids = true});
        return result;
    }
    // A large model and a scenario of thousands of changes each take a while: read both at once.
    auto scenarios = std::async(std::launch::async, read_scenarios);
    std::exception_ptr model_error;
    try {
        result.model = load_model(result.model_path, encoding, {.index_ids = true});
    } catch (...) {
        model_error = std::current_exception();
    }
    result.scenarios = scenarios.get();  // its error, if any, first
    if (model_error) std::rethrow_exception(model_error);
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
