#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "load.hpp"
#include "print.hpp"
#include "reorg/io/load.hpp"
#include "reorg/output/validation_output.hpp"
#include "terminal.hpp"

namespace reorg::cli {
namespace {

struct ValidateOptions {
    std::string model;
    std::string encoding = "utf-8";
    bool strict = false;
    bool json = false;
};

int run_validate(const ValidateOptions& options) {
    Diagnostics diagnostics;
    std::optional<model::Model> model;
    std::optional<InputError> failure;
    try {
        model =
            io::load_model(options.model, diagnostics, {.text = text_options(options.encoding)});
    } catch (const InputError& error) {
        failure = error;
    }
    const bool valid = !failure && !(options.strict && diagnostics.warning_count() > 0);

    const output::Validation validation{.model = options.model,
                                        .valid = valid,
                                        .loaded = model ? &*model : nullptr,
                                        .failure = failure ? &*failure : nullptr,
                                        .warnings = &diagnostics};
    if (options.json) {
        output::write_validation_json(raw_stdout(), validation);
        return valid ? EXIT_SUCCESS : 2;
    }

    print_warnings(std::cerr, diagnostics);
    if (failure) throw *failure;
    output::write_validation_summary(std::cout, validation);
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
    add_encoding_option(*command, options->encoding);
    command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace reorg::cli
