#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "reorg/output/check_output.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "reorg/scenario/verify.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

/// The exit code when a rule is broken: a CI job fails on it, and it is neither success (0),
/// an internal failure (1) nor bad input (2).
constexpr int kRuleBroken = 3;

struct CheckOptions {
    std::string model;
    std::string encoding = "utf-8";
    std::vector<std::string> scenarios;
    std::string rules;  ///< empty: rules.yaml beside the model
    bool json = false;
    analysis::BetweennessOptions betweenness;
};

int run_check(const CheckOptions& options) {
    const auto model = load_model(options.model, options.encoding);
    const auto rules = load_rules(options.rules, options.model, model);
    if (!rules) {
        throw InputError(Location(options.model, 0, "--rules"),
                         "no rules to check: write rules.yaml beside the model or give --rules");
    }
    std::vector<scenario::Scenario> scenarios;
    for (const auto& file : options.scenarios) scenarios.push_back(scenario::read_scenario(file));
    const auto models = scenario::check_rules(model, scenarios, *rules, options.betweenness);
    if (options.json) {
        output::write_check_json(raw_stdout(), rules->file, models);
    } else {
        output::write_check_table(std::cout, rules->file, models);
    }
    return output::models_broken(models) == 0 ? EXIT_SUCCESS : kRuleBroken;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CheckOptions>();
    auto* command = app.add_subcommand(
        "check",
        "Hold the model and each scenario against the rules (rules.yaml); exit 3 when one is "
        "broken");
    command
        ->add_option("MODEL", options->model, "Folder of CSV files, .yaml file or .reorg snapshot")
        ->required();
    command->add_option("--scenario", options->scenarios, "A scenario to check too (repeatable)");
    command->add_option("--rules", options->rules,
                        "The rules file (default: rules.yaml beside the model)");
    command->add_flag("--json", options->json, "Print one JSON document");
    auto& b = options->betweenness;
    command->add_option("--seed", b.seed, "Seed for a sampled betweenness in a check")
        ->capture_default_str();
    command->add_option("--threads", b.threads, "Threads (0: every core)")->capture_default_str();
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace reorg::cli
