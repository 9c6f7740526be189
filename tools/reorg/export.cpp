#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/base/atomic_file.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/export.hpp"
#include "reorg/io/load.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct ExportOptions {
    std::string format;
    std::string model;
    std::string encoding = "utf-8";
    std::string output;
    io::ExportOptions graph;
};

int run_export(const ExportOptions& options) {
    // CLI11 checked the spelling; this only turns it into the enum.
    const auto format = io::parse_export_format(options.format);
    if (!format) throw InputError(Location("FORMAT"), "unknown export format " + options.format);
    const auto model = load_model(options.model, options.encoding);
    if (options.output == "-") {
        auto& out = raw_stdout();
        io::export_model(out, model, *format, options.graph);  // main() checks it was written
        return EXIT_SUCCESS;
    }
    base::AtomicFile file(options.output);
    io::export_model(file.stream(), model, *format, options.graph);
    file.commit();
    return EXIT_SUCCESS;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand(
        "export", "Write the model as a graph for Gephi, yEd, Cytoscape, NetworkX or Graphviz");
    command
        ->add_option("FORMAT", options->format, "graphml, gexf, json (NetworkX node-link) or dot")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "json", "dot"}, CLI::ignore_case));
    command->add_option("MODEL", options->model, "Folder of CSV files or a .yaml file")->required();
    command->add_option("-o,--output", options->output, "File to write, or - for standard output")
        ->required()
        ->check(writable_file());
    command->add_flag("--units", options->graph.units,
                      "Add every unit as a node, with in_unit and parent edges");
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_export(*options); });
}

}  // namespace reorg::cli
