#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/check/evaluate.hpp"
#include "reorg/model/condition.hpp"
#include "reorg/model/model.hpp"

/// The guardrails of SPEC §4.2: what every model and scenario must satisfy, read from
/// rules.yaml, and the violations of one model.
namespace reorg::check {

/// A named condition of the rules file's `checks:`.
struct NamedCheck {
    std::string name;
    std::string text;  ///< as written
    model::Condition condition;
};

/// One rules file. An absent key is no rule.
struct Rules {
    std::string file;                   ///< where they were read from, for messages
    std::optional<double> span_min;     ///< span: {min}: every manager's direct reports
    std::optional<double> span_max;     ///< span: {max}
    std::optional<double> layers_max;   ///< layers: {max}: the deepest post's layer
    bool heads_filled = false;          ///< heads_filled: true: no vacant head post
    std::optional<double> max_cut_off;  ///< single_points: {max_cut_off}
    std::optional<double> load_max;     ///< load: {max}: no overloaded service unit
    std::optional<double> budget_cost;  ///< budget: {cost}: allowed rise above the base
    std::optional<double> budget_fte;   ///< budget: {fte}
    std::vector<NamedCheck> checks;
};

/// Reads a rules file; the ids of its checks must name what their functions need in `base`.
/// Throws InputError listing every mistake with its line: an unknown key (with the nearest
/// spelling), a value of the wrong type or out of range, a check that does not parse (with
/// its column), an unknown id, a check without a name, a name given twice.
[[nodiscard]] Rules read_rules(const std::filesystem::path& path, const model::Model& base);

/// rules.yaml beside a model: inside a model folder, in the folder of a YAML model or a
/// snapshot. Nothing when there is none. Throws InputError "cannot read: WHY" when there is one
/// that is not a readable regular file (a folder, a link to nothing, a FIFO: never opened).
[[nodiscard]] std::optional<std::filesystem::path> rules_beside(const std::filesystem::path& model);

/// One broken rule (SPEC §4.2): the rules.yaml key or the check's name, the id that breaks it
/// (manager post for span, post for layers and single_points, unit for heads_filled and load,
/// the model's name for budget, the first id for a named check), the figure and its limit
/// (nothing where a figure is unknown or not finite), and what else a reader needs ("cost",
/// "fte" for budget; the reason for a check).
struct Violation {
    std::string rule;
    std::string subject;
    std::optional<double> value;
    std::optional<double> limit;
    std::string detail;
};

/// The base model's totals, which a scenario's budget is held against.
struct Budget {
    double cost = 0;
    double fte = 0;
};

/// The base model's totals.
[[nodiscard]] Budget budget_of(const model::Model& model);

/// Every violation of `rules` by the model of `facts`, named `name` ("base" or the scenario's
/// name), rule by rule in the order of SPEC §4.2 and each rule's subjects in model order. The
/// checks' ids are followed by `resolve`. `base` is given for a scenario only: the base never
/// breaks its own budget.
[[nodiscard]] std::vector<Violation> violations(const Rules& rules, const Facts& facts,
                                                const Resolve& resolve, std::string_view name,
                                                std::optional<Budget> base = {});

}  // namespace reorg::check
