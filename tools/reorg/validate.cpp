#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "print.hpp"
#include "reorg/io/load.hpp"

namespace reorg::cli {
namespace {

struct ValidateOptions {
    std::string model;
    bool strict = false;
    bool json = false;
};

nlohmann::ordered_json diagnostics_json(std::span<const Diagnostic> diagnostics) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
        list.push_back({{"file", d.where.file},
                        {"line", d.where.line},
                        {"column", d.where.column},
                        {"message", d.message}});
    }
    return list;
}

int run_validate(const ValidateOptions& options) {
    Diagnostics diagnostics;
    std::optional<model::Model> model;
    std::optional<InputError> failure;
    try {
        model = io::load_model(options.model, diagnostics);
    } catch (const InputError& error) {
        failure = error;
    }
    const bool valid = !failure && !(options.strict && diagnostics.warning_count() > 0);

    if (options.json) {
        nlohmann::ordered_json document{
            {"model", options.model},
            {"valid", valid},
            {"errors", diagnostics_json(failure ? failure->errors() : std::vector<Diagnostic>{})},
            {"errors_not_listed", failure ? failure->not_listed() : 0},
            {"warnings", diagnostics_json(diagnostics.warnings())},
            {"warning_count", diagnostics.warning_count()},
        };
        if (model) {
            document["counts"] = {{"units", model->units().size()},
                                  {"posts", model->posts().size()},
                                  {"people", model->people().size()},
                                  {"links", model->links().size()},
                                  {"findings", model->findings().size()}};
        }
        std::cout << document.dump(2) << '\n';
        return valid ? EXIT_SUCCESS : 2;
    }

    print_diagnostics(std::cerr, diagnostics.warnings());
    if (diagnostics.warning_count() > diagnostics.warnings().size()) {
        std::cerr << "reorg: ... and "
                  << diagnostics.warning_count() - diagnostics.warnings().size()
                  << " more warnings\n";
    }
    if (failure) throw *failure;
    std::cout << options.model << ": " << (valid ? "valid" : "not valid with --strict") << " — "
              << model->units().size() << " units, " << model->posts().size() << " posts, "
              << model->people().size() << " people, " << model->links().size() << " links, "
              << model->findings().size() << " findings; " << diagnostics.warning_count()
              << (diagnostics.warning_count() == 1 ? " warning" : " warnings") << '\n';
    return valid ? EXIT_SUCCESS : 2;
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ValidateOptions>();
    auto* command = app.add_subcommand(
        "validate", "Check a model: every error with its file and line, then the warnings");
    command
        ->add_option("MODEL", options->model, "Folder of CSV files, .yaml file or .reorg snapshot")
        ->required();
    command->add_flag("--strict", options->strict, "Treat warnings as errors (exit code 2)");
    command->add_flag("--json", options->json, "Print one JSON document");
    command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace reorg::cli
