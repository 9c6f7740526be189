#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/analysis/findings.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "reorg/output/findings_output.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct FindingsOptions {
    std::string model;
    std::string encoding = "utf-8";
    std::string unit;  ///< empty: every unit
    bool json = false;
    std::uint64_t seed = 1;  ///< for a betweenness check on a model large enough to sample
    unsigned threads = 0;
};

int run_findings(const FindingsOptions& options) {
    const auto model = load_model(options.model, options.encoding);
    output::FindingsOutputOptions output;
    if (!options.unit.empty()) {
        output.unit = model.find_unit(options.unit);
        if (!output.unit) {
            throw InputError(Location(options.model, 0, "--unit"),
                             "unknown unit '" + options.unit + "'");
        }
    }
    const auto findings = analysis::analyze_findings(model);
    const graph::ModelGraphs graphs(model);
    const check::Facts facts(graphs, {.seed = options.seed, .threads = options.threads});
    const auto checks = check::evaluate_findings(model, facts, check::ids_in(model));
    output.checks = &checks;
    if (options.json) {
        output::write_findings_json(raw_stdout(), model, findings, output);
    } else {
        output::write_findings_text(std::cout, model, findings, output);
    }
    return EXIT_SUCCESS;
}

}  // namespace

void add_findings_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<FindingsOptions>();
    auto* command = app.add_subcommand(
        "findings",
        "Review findings per unit (what works, what does not, why), root causes, why-chains, "
        "loops");
    command
        ->add_option("MODEL", options->model, "Folder of CSV files, .yaml file or .reorg snapshot")
        ->required();
    command->add_option("--unit", options->unit, "Only this unit and the units below it");
    command->add_flag("--json", options->json, "Print one JSON document");
    command->add_option("--seed", options->seed, "Seed for a sampled betweenness in a check")
        ->capture_default_str();
    command->add_option("--threads", options->threads, "Threads (0: every core)")
        ->capture_default_str();
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_findings(*options); });
}

}  // namespace reorg::cli
