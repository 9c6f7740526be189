#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/snapshot.hpp"

namespace reorg::cli {
namespace {

struct PackOptions {
    std::string model;
    std::string encoding = "utf-8";
    std::string output;
};

int run_pack(const PackOptions& options) {
    const auto model = load_model(options.model, options.encoding);
    io::write_snapshot(model, options.output);
    return EXIT_SUCCESS;
}

}  // namespace

void add_pack_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<PackOptions>();
    auto* command = app.add_subcommand(
        "pack", "Write a model as a snapshot (.reorg) that every command loads without parsing");
    command->add_option("MODEL", options->model, "Folder of CSV files, .yaml or .reorg file")
        ->required();
    command->add_option("-o,--output", options->output, "The snapshot to write (FILE.reorg)")
        ->required()
        ->check([](const std::string& path) {
            return io::is_snapshot_path(path)
                       ? std::string()
                       : std::string("the snapshot's name must end in .reorg");
        });
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_pack(*options); });
}

}  // namespace reorg::cli
