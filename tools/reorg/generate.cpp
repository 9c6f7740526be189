#include "reorg/synth/generate.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/save.hpp"

namespace reorg::cli {
namespace {

struct GenerateCommandOptions {
    synth::GenerateOptions organisation;
    ModelOutput output;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_generate(const GenerateCommandOptions& options) {
    const auto& organisation = options.organisation;
    if (static_cast<double>(organisation.posts) * organisation.links_per_post >= 4.0e9) {
        throw InputError(Location("--links-per-post"),
                         "too many links: keep posts × links per "
                         "post below 4,000,000,000");
    }
    const auto start = std::chrono::steady_clock::now();
    const auto model = synth::generate(options.organisation);
    const double generated = seconds_since(start);
    io::save_model(model, options.output.path, options.output.options());
    std::cerr << std::fixed << std::setprecision(2) << "reorg: generated " << model.posts().size()
              << " posts, " << model.units().size() << " units, " << model.people().size()
              << " people, " << model.links().size() << " links, " << model.findings().size()
              << " findings in " << generated << " s; wrote " << options.output.path << " in "
              << seconds_since(start) - generated << " s\n";
    return EXIT_SUCCESS;
}

}  // namespace

void add_generate_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<GenerateCommandOptions>();
    auto* command = app.add_subcommand(
        "generate", "Write a deterministic synthetic organisation (for benchmarks and demos)");
    command->add_option("--posts", options->organisation.posts, "Number of posts")
        ->required()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 31));
    command->add_option("--seed", options->organisation.seed, "Same seed, same organisation")
        ->capture_default_str();
    command
        ->add_option("--links-per-post", options->organisation.links_per_post,
                     "Collaboration links per post, on average")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1000.0));
    add_model_output(*command, options->output,
                     "Folder of CSV files to write, or a .reorg snapshot");
    command->callback([options, &exit_code] { exit_code = run_generate(*options); });
}

}  // namespace reorg::cli
