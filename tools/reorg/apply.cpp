#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/io/save.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario_file.hpp"

namespace reorg::cli {
namespace {

struct ApplyOptions {
    std::vector<std::string> inputs;  // MODEL SCENARIO, or SCENARIO naming its base
    std::string encoding = "utf-8";
    ModelOutput output;
};

int run_apply(const ApplyOptions& options) {
    const auto named = load_model_and_scenarios(options.inputs, options.encoding);
    if (named.scenarios.size() != 1) {
        throw InputError(Location("", 0, "SCENARIO"), "apply takes one scenario");
    }
    const auto& scenario = named.scenarios.front();
    const auto& model = named.model;
    const auto applied = scenario::apply(model, scenario);
    io::save_model(applied.model, options.output.path, options.output.options());
    print_warnings(std::cerr, applied.warnings, applied.warnings_not_listed);
    std::cout << options.output.path << ": " << scenario.name << " — " << scenario.changes.size()
              << (scenario.changes.size() == 1 ? " change, " : " changes, ")
              << applied.model.units().size() << " units, " << applied.model.posts().size()
              << " posts; " << scenario::affected_posts(applied.affected) << " posts affected\n";
    return EXIT_SUCCESS;
}

}  // namespace

void add_apply_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ApplyOptions>();
    auto* command =
        app.add_subcommand("apply", "Apply a scenario to a model and write the resulting model");
    command
        ->add_option(
            "FILES", options->inputs,
            "MODEL SCENARIO: the model (CSV folder, .yaml or snapshot) and the scenario; the model "
            "may be left out when the scenario names its base")
        ->required()
        ->expected(1, 2);
    add_model_output(*command, options->output,
                     "Where to write the result: a folder of CSV files, or FILE.reorg");
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_apply(*options); });
}

}  // namespace reorg::cli
