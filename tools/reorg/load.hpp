#pragma once
#include <optional>
#include <string>
#include <vector>

#include "reorg/check/rules.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/save.hpp"
#include "reorg/model/model.hpp"
#include "reorg/scenario/scenario.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace reorg::cli {

/// Adds `--encoding utf-8|cp1252` to a command that reads text files (a model, an import),
/// stored in `encoding`.
void add_encoding_option(CLI::App& command, std::string& encoding);

/// How to read text files in `encoding` (as --encoding gives it), with messages that say how
/// to ask for the other one ("read it with --encoding cp1252").
[[nodiscard]] io::TextOptions text_options(const std::string& encoding);

/// Loads a model for any command but `validate`, its text files read in `encoding` (as
/// --encoding gives it), printing the count of warnings on stderr. Throws InputError as
/// io::load_model() does.
[[nodiscard]] model::Model load_model(const std::string& path, const std::string& encoding,
                                      io::LoadOptions options = {});

/// Where a command writes a model: `-o PATH`, a folder of CSV files or FILE.reorg, and
/// `--force` to write a folder beside files reorg did not write.
struct ModelOutput {
    std::string path;
    bool force = false;

    [[nodiscard]] io::SaveOptions options() const { return {.force = force}; }
};

/// Adds `-o,--output` (required, described by `what`) and `--force` to `command`. The folder is
/// checked when the arguments are parsed, before any work: a folder holding other files is
/// refused then without `--force`, not after a minute of loading.
void add_model_output(CLI::App& command, ModelOutput& output, const std::string& what);

/// What `apply` and `compare` name: MODEL SCENARIO..., or SCENARIO... alone when the first
/// scenario names its base model (a MODEL given first overrides it), read.
struct ModelAndScenarios {
    std::string model_path;
    model::Model model;
    std::vector<scenario::Scenario> scenarios;
};

/// Reads the scenarios among `arguments` and loads the model as load_model() does; a model
/// named first loads while a second thread reads the scenarios. Throws InputError when no
/// scenario is named, or the scenarios come alone and the first names no base; an error in a
/// scenario comes before one in the model.
[[nodiscard]] ModelAndScenarios load_model_and_scenarios(const std::vector<std::string>& arguments,
                                                         const std::string& encoding);

/// The rules for `check` and `compare`: `--rules FILE` when given, else rules.yaml beside the
/// model, else none. Throws InputError as check::read_rules() does.
[[nodiscard]] std::optional<check::Rules> load_rules(const std::string& given,
                                                     const std::string& model_path,
                                                     const model::Model& model);

}  // namespace reorg::cli
