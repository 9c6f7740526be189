#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/base/error.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "reorg/render/graphviz.hpp"
#include "reorg/render/views.hpp"
#include "reorg/report/diff_marks.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct RenderOptions {
    std::string model;
    std::string encoding = "utf-8";
    std::string output;
    std::string view = "posts";
    std::string overlay = "none";
    std::string layout = "auto";
    std::string format;
    std::optional<std::string> focus;
    std::optional<std::size_t> depth;
    std::string scenario;
    std::optional<std::size_t> max_nodes;
    bool no_names = false;
    bool no_ids = false;
};

render::Format output_format(const RenderOptions& options) {
    if (!options.format.empty()) {
        if (const auto format = render::parse_format(options.format)) return *format;
    } else if (options.output == "-") {
        throw InputError(Location("", 0, "--format"),
                         "writing to standard output needs --format dot, svg, png or pdf");
    } else if (const auto format = render::format_of(options.output)) {
        return *format;
    }
    throw InputError(Location(options.output, 0, "--output"),
                     "cannot tell the format from the file name: use .dot, .svg, .png or .pdf, "
                     "or --format");
}

int run_render(const RenderOptions& options) {
    const auto format = output_format(options);
    render::ViewOptions view{
        .view = *render::parse_view(options.view),
        .overlay = *render::parse_overlay(options.overlay),
        .focus = options.focus,
        .depth = options.depth,
        .max_nodes = options.max_nodes,
        .layout = *render::parse_layout(options.layout),
        .names = !options.no_names,
        .ids = !options.no_ids,
    };
    const bool diff = view.view == render::View::Diff;
    if (diff != !options.scenario.empty()) {
        throw InputError(Location("", 0, "--scenario"),
                         diff ? "the diff view needs the scenario: --scenario FILE"
                              : "--scenario goes with --view diff");
    }
    const auto model = load_model(options.model, options.encoding);
    render::Diagram diagram;
    if (diff) {
        const auto scenario = scenario::read_scenario(options.scenario);
        const auto applied = scenario::apply(model, scenario);
        render::Figures figures;
        figures.diff = report::diff_marks(model, scenario, applied);
        diagram = render::make_diagram(applied.model, view, figures);
    } else {
        const graph::ModelGraphs graphs(model);
        diagram = render::make_diagram(model, view, render::figures_for(graphs, view));
    }
    render::Graphviz graphviz;
    if (options.output == "-") {
        const auto bytes = graphviz.render(diagram, format);
        auto& out = raw_stdout();
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));  // main() checks it
        return EXIT_SUCCESS;
    }
    graphviz.render_to_file(diagram, format, options.output);
    return EXIT_SUCCESS;
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<RenderOptions>();
    auto* command = app.add_subcommand(
        "render", "Draw the organisation: org chart, unit tree, why-graph or service flows");
    command->add_option("MODEL", options->model, "Folder of CSV files, a .yaml file or a snapshot")
        ->required();
    command
        ->add_option("-o,--output", options->output,
                     "File to write (.dot, .svg, .png or .pdf), or - for standard output")
        ->required()
        ->check(writable_file());
    command->add_option("--view", options->view, "posts, units, findings, flows or diff")
        ->capture_default_str()
        ->check(CLI::IsMember({"posts", "units", "findings", "flows", "diff"}, CLI::ignore_case));
    command->add_option("--scenario", options->scenario,
                        "With --view diff: the scenario whose changes to draw");
    command
        ->add_option("--overlay", options->overlay,
                     "Colour by findings, betweenness, load or spof (single points of failure)")
        ->capture_default_str()
        ->check(
            CLI::IsMember({"none", "findings", "betweenness", "load", "spof"}, CLI::ignore_case));
    command->add_option("--focus", options->focus,
                        "Show only this post's or unit's part of the organisation");
    command->add_option("--depth", options->depth, "Levels to show, the focus being level 1")
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--max-nodes", options->max_nodes,
                     "Most boxes to draw, leaving out the rest and saying so: above it posts "
                     "are drawn as their units (default " +
                         std::to_string(render::kTreeBoxes) +
                         "); findings and flows keep the most severe findings and the largest "
                         "flows (default " +
                         std::to_string(render::kGraphBoxes) + ")")
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--layout", options->layout,
                     "auto, dot (Graphviz) or tree (fast tidy layout for large charts)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "dot", "tree"}, CLI::ignore_case));
    command->add_option("--format", options->format, "dot, svg, png or pdf (needed with -o -)")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}, CLI::ignore_case));
    command->add_flag("--no-names", options->no_names,
                      "Leave the holders' names out of the org chart");
    command->add_flag("--no-ids", options->no_ids, "Leave the post ids out of the org chart");
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_render(*options); });
}

}  // namespace reorg::cli
