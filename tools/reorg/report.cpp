#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "reorg/render/graphviz.hpp"
#include "reorg/report/report.hpp"
#include "reorg/report/write.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct ReportCommandOptions {
    std::string model;
    std::string encoding = "utf-8";
    std::vector<std::string> scenarios;
    std::string rules;  ///< --rules; empty: rules.yaml beside the model, if any
    std::string output;
    report::ReportOptions report;
    report::WriteOptions write;
};

int run_report(ReportCommandOptions options) {
    report::check_output(options.output, options.write);
    const auto model = load_model(options.model, options.encoding);
    std::vector<scenario::Scenario> scenarios;
    scenarios.reserve(options.scenarios.size());
    for (const auto& file : options.scenarios) scenarios.push_back(scenario::read_scenario(file));
    const auto rules = load_rules(options.rules, options.model, model);
    options.report.compare.rules = rules ? &*rules : nullptr;
    options.report.source = std::filesystem::path(options.model).lexically_normal().string();
    if (!options.report.source.empty() && options.report.source.back() == '/') {
        options.report.source.pop_back();
    }
    render::Graphviz graphviz;
    const auto made = report::make_report(model, scenarios, options.report, graphviz);
    report::write_report(made, options.output, options.write);
    std::cout << "reorg: wrote " << (std::filesystem::path(options.output) / "index.html").string()
              << " (open it in a browser), report.json, report.xlsx"
              << (options.write.pdf ? ", report.pdf" : "") << '\n';
    return EXIT_SUCCESS;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ReportCommandOptions>();
    auto* command = app.add_subcommand(
        "report", "The merger-review report: one page, its figures as JSON, and a workbook");
    command->add_option("MODEL", options->model, "Folder of CSV files, a .yaml file or a snapshot")
        ->required();
    command->add_option("--scenario", options->scenarios,
                        "A scenario to compare (repeat for several)");
    command->add_option("--rules", options->rules,
                        "Rules every column is held against (default: rules.yaml beside the "
                        "model)");
    command
        ->add_option("-o,--output", options->output,
                     "Folder to write: index.html, report.json, report.xlsx")
        ->required();
    command->add_flag("--names", options->report.names, "Show people's names");
    command->add_option("--focus", options->report.focus,
                        "Draw the overview of this unit's part of the organisation");
    command->add_flag("--pdf", options->write.pdf,
                      "Also print the page to report.pdf (needs Chromium)");
    command->add_flag("--force", options->write.force,
                      "Write into a folder that holds other files (only reorg's are replaced)");
    command
        ->add_option("--table-rows", options->report.table_rows,
                     "Rows of each long table on the page (the JSON and workbook list all)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--max-nodes", options->report.diagram_posts,
                     "Above this many posts the diagrams show units")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    auto& thresholds = options->report.compare.thresholds;
    command->add_option("--narrow", thresholds.narrow, "Managers with fewer reports are narrow")
        ->capture_default_str();
    command->add_option("--wide", thresholds.wide, "Managers with more reports are wide")
        ->capture_default_str();
    auto& b = options->report.compare.betweenness;
    command->add_option("--seed", b.seed, "Seed for sampled betweenness")->capture_default_str();
    command->add_option("--threads", b.threads, "Threads (0: every core)")->capture_default_str();
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_report(*options); });
}

}  // namespace reorg::cli
