#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "commands.hpp"
#include "load.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/save.hpp"
#include "reorg/scenario/combine.hpp"

namespace reorg::cli {
namespace {

struct CombineCommandOptions {
    std::string model_a;
    std::string model_b;
    std::string encoding = "utf-8";
    std::vector<std::string> prefixes;  ///< each `A=X` or `B=X`
    std::string top;                    ///< `ID:NAME`, `ID` or empty
    ModelOutput output;
};

// What a model is called in the default top unit's name: a folder's name, a file's stem, or
// the folder's name for a file called just `model` (data/minimal/model.yaml is "minimal").
std::string model_name(const std::string& argument) {
    auto path = std::filesystem::path(argument).lexically_normal();
    if (!path.has_filename() || path.filename() == "." || path.filename() == "..") {
        path = std::filesystem::absolute(path).lexically_normal();
        if (!path.has_filename()) path = path.parent_path();
    }
    // Only a name is made here: what keeps the path from being read is said when it is loaded.
    if (std::error_code ignored; std::filesystem::is_directory(path, ignored)) {
        return path.filename().string();
    }
    const auto stem = path.stem().string();
    if (stem == "model" && path.has_parent_path()) {
        const auto folder = std::filesystem::absolute(path).parent_path().filename().string();
        if (!folder.empty()) return folder;
    }
    return stem;
}

scenario::CombineOptions library_options(const CombineCommandOptions& options) {
    scenario::CombineOptions combine;
    bool seen_a = false;
    bool seen_b = false;
    for (const auto& prefix : options.prefixes) {
        const bool a = prefix.starts_with("A=");
        if (!a && !prefix.starts_with("B=")) {
            throw OptionError(
                "prefix",
                "takes A=X or B=X (A the first model, B the second), not '" + prefix + "'");
        }
        bool& seen = a ? seen_a : seen_b;
        if (seen) throw OptionError("prefix", std::string("given twice for ") + prefix[0]);
        seen = true;
        auto text = prefix.substr(2);
        if (text.empty()) {
            throw OptionError("prefix", std::string("the prefix for ") + prefix[0] + " is empty");
        }
        (a ? combine.prefix_a : combine.prefix_b) = std::move(text);
    }
    if (!options.top.empty()) {
        const auto colon = options.top.find(':');
        combine.top_id = options.top.substr(0, colon);
        if (colon != std::string::npos) combine.top_name = options.top.substr(colon + 1);
    }
    if (combine.top_name.empty()) {
        combine.top_name = model_name(options.model_a) + " + " + model_name(options.model_b);
    }
    return combine;
}

int run_combine(const CombineCommandOptions& options) {
    const auto combine_options = library_options(options);
    const auto a = load_model(options.model_a, options.encoding);
    const auto b = load_model(options.model_b, options.encoding);
    const auto combined = scenario::combine(a, b, combine_options);
    io::save_model(combined, options.output.path, options.output.options());
    std::cout << options.output.path << ": " << combined.units().size() << " units, "
              << combined.posts().size() << " posts, " << combined.people().size() << " people, "
              << combined.links().size() << " links, " << combined.findings().size()
              << " findings\n";
    return EXIT_SUCCESS;
}

}  // namespace

void add_combine_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CombineCommandOptions>();
    auto* command = app.add_subcommand(
        "combine", "Join two organisations under a common top unit and write the combined model");
    command->add_option("A", options->model_a, "The first model: CSV folder, .yaml or .reorg")
        ->required();
    command->add_option("B", options->model_b, "The second model: CSV folder, .yaml or .reorg")
        ->required();
    command
        ->add_option("--prefix", options->prefixes,
                     "A=X or B=X: write X. before every id of that model (may be given for both)")
        // One value per --prefix, so that `--prefix A=X kommun` leaves kommun a model.
        ->allow_extra_args(false);
    command->add_option("--top", options->top,
                        "ID:NAME of the common top unit (default TOP, named \"A + B\")");
    add_model_output(*command, options->output,
                     "Where to write the result: a folder of CSV files, or FILE.reorg");
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_combine(*options); });
}

}  // namespace reorg::cli
