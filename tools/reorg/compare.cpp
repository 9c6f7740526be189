#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "reorg/output/compare_output.hpp"
#include "reorg/scenario/compare.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct CompareOptions {
    std::vector<std::string> inputs;  // MODEL SCENARIO..., or SCENARIO... naming their base
    std::string encoding = "utf-8";
    scenario::CompareOptions comparison;
    output::CompareOutputOptions output;
    std::string rules;  ///< --rules; empty: rules.yaml beside the model, if any
    bool json = false;
    bool csv = false;
};

int run_compare(const CompareOptions& options) {
    const auto named = load_model_and_scenarios(options.inputs, options.encoding);
    const auto& model = named.model;
    const auto rules = load_rules(options.rules, named.model_path, model);
    auto settings = options.comparison;
    settings.rules = rules ? &*rules : nullptr;
    const auto comparison = scenario::compare(model, named.scenarios, settings);
    if (options.json) {
        output::write_compare_json(raw_stdout(), comparison, options.output);
    } else if (options.csv) {
        output::write_compare_csv(raw_stdout(), comparison);
    } else {
        output::write_compare_table(std::cout, comparison, options.output);
    }
    return EXIT_SUCCESS;
}

}  // namespace

void add_compare_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CompareOptions>();
    auto* command = app.add_subcommand(
        "compare", "The base and each scenario side by side, and what each does to the findings");
    command
        ->add_option(
            "FILES", options->inputs,
            "MODEL SCENARIO...: the model (CSV folder, .yaml or snapshot), then the scenarios; "
            "the model may be left out when the first scenario names its base")
        ->required();
    auto* json = command->add_flag("--json", options->json, "Print one JSON document");
    auto* csv = command->add_flag("--csv", options->csv, "Print the figures as CSV");
    json->excludes(csv);
    command->add_option("--rules", options->rules,
                        "Rules every column is held against (default: rules.yaml beside the "
                        "model)");
    command->add_flag("--names", options->output.names,
                      "Show the holders' names in the affected posts");
    auto& thresholds = options->comparison.thresholds;
    command->add_option("--narrow", thresholds.narrow, "Managers with fewer reports are narrow")
        ->capture_default_str();
    command->add_option("--wide", thresholds.wide, "Managers with more reports are wide")
        ->capture_default_str();
    auto& b = options->comparison.betweenness;
    command
        ->add_option("--seed", b.seed, "Seed for sampled betweenness (the same for every column)")
        ->capture_default_str();
    command->add_option("--threads", b.threads, "Threads (0: every core)")->capture_default_str();
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_compare(*options); });
}

}  // namespace reorg::cli
