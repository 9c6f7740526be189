#include "reorg/output/check_output.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "reorg/output/detail/checks.hpp"

namespace reorg::output {

std::size_t models_broken(std::span<const scenario::ModelViolations> models) {
    return static_cast<std::size_t>(std::count_if(
        models.begin(), models.end(), [](const auto& m) { return !m.violations.empty(); }));
}

void write_check_table(std::ostream& out, const std::string& rules_file,
                       std::span<const scenario::ModelViolations> models) {
    out << "Rules: " << rules_file << '\n';
    for (const auto& model : models) {
        out << '\n' << model.name << ": ";
        if (model.violations.empty()) {
            out << "keeps every rule\n";
            continue;
        }
        out << model.violations.size()
            << (model.violations.size() == 1 ? " violation\n" : " violations\n");
        detail::write_violations(out, model.violations);
    }
    const auto broken = models_broken(models);
    out << '\n'
        << broken << " of " << models.size() << (models.size() == 1 ? " model" : " models")
        << " break" << (broken == 1 ? "s" : "") << " a rule\n";
}

void write_check_json(std::ostream& out, const std::string& rules_file,
                      std::span<const scenario::ModelViolations> models) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& model : models) {
        auto violations = nlohmann::ordered_json::array();
        for (const auto& v : model.violations) violations.push_back(detail::violation_json(v));
        list.push_back({{"name", model.name}, {"violations", std::move(violations)}});
    }
    const nlohmann::ordered_json document{
        {"rules", rules_file}, {"models", std::move(list)}, {"broken", models_broken(models)}};
    out << document.dump(2) << '\n';
}

}  // namespace reorg::output
