#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/analysis/structure.hpp"
#include "reorg/io/load.hpp"
#include "reorg/output/structure_output.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct StatsOptions {
    std::string model;
    std::string encoding = "utf-8";
    analysis::SpanThresholds thresholds;
    bool json = false;
    bool csv = false;
};

int run_stats(const StatsOptions& options) {
    const auto model = load_model(options.model, options.encoding);
    const auto structure = analysis::structure(model, options.thresholds);
    if (options.json) {
        output::write_structure_json(raw_stdout(), model, structure);
    } else if (options.csv) {
        output::write_structure_csv(raw_stdout(), model, structure);
    } else {
        output::write_structure_table(std::cout, model, structure);
    }
    return EXIT_SUCCESS;
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand(
        "stats", "Structure figures: posts, FTE, cost, spans of control, layers, per unit");
    command
        ->add_option("MODEL", options->model, "Folder of CSV files, .yaml file or .reorg snapshot")
        ->required();
    auto* json = command->add_flag("--json", options->json, "Print one JSON document");
    auto* csv = command->add_flag("--csv", options->csv, "Print the per-unit table as CSV");
    json->excludes(csv);
    command
        ->add_option("--narrow", options->thresholds.narrow,
                     "Managers with fewer direct reports are narrow")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--wide", options->thresholds.wide,
                     "Managers with more direct reports are wide")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_stats(*options); });
}

}  // namespace reorg::cli
