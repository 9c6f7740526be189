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
#include "reorg/base/text.hpp"
#include "reorg/io/import.hpp"
#include "reorg/io/save.hpp"

namespace reorg::cli {
namespace {

struct OrganogramOptions {
    std::string senior;
    std::string junior;
    std::string encoding = "utf-8";
    ModelOutput output;
};

struct HrCsvOptions {
    std::string file;
    io::HrCsvColumns columns;
    std::string encoding = "utf-8";
    ModelOutput output;
};

// What was written, on stdout.
void print_summary(const model::Model& model, const std::string& output) {
    std::cout << output << ": " << model.units().size() << " units, " << model.posts().size()
              << " posts, ";
    // A post of an organogram may stand for a group of staff: its headcount, not its holder,
    // says how many people there are.
    if (const auto headcount = io::imported_headcount(model)) {
        std::cout << "headcount " << base::exact_number(*headcount) << '\n';
    } else {
        std::cout << model.people().size() << " people\n";
    }
}

int run_organogram(const OrganogramOptions& options) {
    Diagnostics diagnostics;
    const auto junior = options.junior.empty()
                            ? std::nullopt
                            : std::optional<std::filesystem::path>(options.junior);
    const auto model =
        io::import_organogram(options.senior, junior, text_options(options.encoding), diagnostics);
    io::save_model(model, options.output.path, options.output.options());
    // The warnings in full, not just their count as other commands print: they are about the
    // source files' lines (rows not imported, say), which `reorg validate OUT` cannot show later.
    print_warnings(std::cerr, diagnostics);
    print_summary(model, options.output.path);
    return EXIT_SUCCESS;
}

int run_hr_csv(const HrCsvOptions& options) {
    Diagnostics diagnostics;
    const auto model = io::import_hr_csv(options.file, options.columns,
                                         text_options(options.encoding), diagnostics);
    io::save_model(model, options.output.path, options.output.options());
    print_warnings(std::cerr, diagnostics);
    print_summary(model, options.output.path);
    return EXIT_SUCCESS;
}

void add_organogram_command(CLI::App& import, int& exit_code) {
    auto options = std::make_shared<OrganogramOptions>();
    auto* command = import.add_subcommand(
        "organogram", "A UK government organogram: the senior staff file, and the junior one");
    command->add_option("SENIOR", options->senior, "The senior staff CSV file")->required();
    command->add_option("JUNIOR", options->junior, "The junior staff CSV file");
    add_encoding_option(*command, options->encoding);
    add_model_output(*command, options->output,
                     "The model to write: a CSV folder, or a .reorg snapshot");
    command->callback([options, &exit_code] { exit_code = run_organogram(*options); });
}

void add_hr_csv_command(CLI::App& import, int& exit_code) {
    auto options = std::make_shared<HrCsvOptions>();
    auto& columns = options->columns;
    auto* command = import.add_subcommand(
        "hr-csv", "An HR export with one row per employee, columns named by the flags");
    command->add_option("FILE", options->file, "The CSV file (, or ; separated)")->required();
    command->add_option("--id", columns.id, "Column of the employee's id")->required();
    command->add_option("--manager", columns.manager,
                        "Column of the manager's id (empty: top; no column: every row a top post)");
    command->add_option("--title", columns.title, "Column of the job title");
    command->add_option("--unit", columns.unit, "Column of the department: one unit per value");
    command->add_option("--name", columns.name, "Column of the employee's name");
    command->add_option("--fte", columns.fte, "Column of the FTE (default 1)");
    command->add_option("--cost", columns.cost, "Column of the yearly cost");
    add_encoding_option(*command, options->encoding);
    add_model_output(*command, options->output,
                     "The model to write: a CSV folder, or a .reorg snapshot");
    command->callback([options, &exit_code] { exit_code = run_hr_csv(*options); });
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
    auto* import =
        app.add_subcommand("import", "Make a model from another format: organogram, hr-csv");
    import->require_subcommand(1);
    add_organogram_command(*import, exit_code);
    add_hr_csv_command(*import, exit_code);
}

}  // namespace reorg::cli
