#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "progress.hpp"
#include "reorg/analysis/analyze.hpp"
#include "reorg/io/load.hpp"
#include "reorg/output/analysis_output.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct AnalyzeOptions {
    std::string model;
    std::string encoding = "utf-8";
    analysis::AnalyzeOptions analysis;
    output::AnalysisOutputOptions output;
    std::vector<std::string> between;
    std::vector<std::string> merge;
    std::string to;
    std::optional<double> epsilon;
    std::optional<std::size_t> top_k;
    bool weighted = false;
    bool json = false;
    bool csv = false;
};

int run_analyze(AnalyzeOptions& options) {
    const auto model = load_model(options.model, options.encoding);

    auto& analysis = options.analysis;
    analysis.betweenness.epsilon = options.epsilon;
    analysis.betweenness.top_k = options.top_k;
    if (options.between.size() == 2) analysis.between = {{options.between[0], options.between[1]}};
    if (options.merge.size() == 2) analysis.merge = {{options.merge[0], options.merge[1]}};
    if (!options.to.empty()) analysis.to_group = options.to;

    ProgressBar progress("betweenness");
    analysis.betweenness.progress = progress.callback();
    const graph::ModelGraphs graphs(model, {.weighted = options.weighted});
    const auto result = analysis::analyze(graphs, analysis);
    analysis.betweenness.progress = nullptr;

    if (options.json) {
        output::write_analysis_json(raw_stdout(), model, result, options.output);
    } else if (options.csv) {
        output::write_analysis_csv(raw_stdout(), model, result);
    } else {
        output::write_analysis_table(std::cout, model, result, options.output);
    }
    return EXIT_SUCCESS;
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<AnalyzeOptions>();
    auto* command = app.add_subcommand(
        "analyze", "Bottlenecks: betweenness, single points of failure, load, decision distance");
    command->alias("analyse");  // the British spelling, as the README's prose writes it
    command
        ->add_option("MODEL", options->model, "Folder of CSV files, .yaml file or .reorg snapshot")
        ->required();
    auto* json = command->add_flag("--json", options->json, "Print one JSON document");
    auto* csv = command->add_flag("--csv", options->csv, "Print one row per post as CSV");
    json->excludes(csv);
    command
        ->add_option("--top", options->output.top, "Posts and units listed by betweenness (0: all)")
        ->capture_default_str();
    command->add_flag("--weighted", options->weighted, "Use link weights as distances");
    auto& b = options->analysis.betweenness;
    auto* exact = command->add_flag("--exact", b.exact, "Exact betweenness at any size");
    command->add_option("--epsilon", options->epsilon, "Sample with this additive error bound")
        ->check(CLI::Range(1e-9, 1.0))
        ->excludes(exact);
    command->add_option("--delta", b.delta, "Probability that a sampled bound fails")
        ->check(CLI::Range(1e-9, 0.5))
        ->capture_default_str();
    command->add_option("--top-k", options->top_k, "Sample until the top K posts are separated")
        ->check(CLI::PositiveNumber)
        ->excludes(exact);
    command->add_option("--seed", b.seed, "Seed for sampling (same seed, same result)")
        ->capture_default_str();
    command->add_option("--threads", b.threads, "Threads (0: every core)")->capture_default_str();
    command->add_option("--between", options->between, "Minimum cut between two units: A B")
        ->expected(2);
    command->add_option("--merge", options->merge, "Merger overlap of two units: A B")->expected(2);
    command->add_option("--to", options->to, "Decision distance to this group too");
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_analyze(*options); });
}

}  // namespace reorg::cli
