#include "reorg/output/validation_output.hpp"

#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <vector>

namespace reorg::output {
namespace {

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

}  // namespace

void write_validation_summary(std::ostream& out, const Validation& validation) {
    const auto& model = *validation.loaded;
    const auto warnings = validation.warnings->warning_count();
    out << validation.model << ": " << (validation.valid ? "valid" : "not valid with --strict")
        << " — " << model.units().size() << " units, " << model.posts().size() << " posts, "
        << model.people().size() << " people, " << model.links().size() << " links, "
        << model.findings().size() << " findings; " << warnings
        << (warnings == 1 ? " warning" : " warnings") << '\n';
}

void write_validation_json(std::ostream& out, const Validation& validation) {
    const auto& warnings = *validation.warnings;
    const auto* failure = validation.failure;
    nlohmann::ordered_json document{
        {"model", validation.model},
        {"valid", validation.valid},
        {"errors", diagnostics_json(failure ? failure->errors() : std::vector<Diagnostic>{})},
        {"errors_not_listed", failure ? failure->not_listed() : 0},
        {"warnings", diagnostics_json(warnings.warnings())},
        {"warning_count", warnings.warning_count()},
    };
    if (const auto* model = validation.loaded) {
        document["counts"] = {{"units", model->units().size()},
                              {"posts", model->posts().size()},
                              {"people", model->people().size()},
                              {"links", model->links().size()},
                              {"findings", model->findings().size()}};
    }
    out << document.dump(2) << '\n';
}

}  // namespace reorg::output
