#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/condition.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/model/model.hpp"

/// Evaluating the check language of SPEC §4.1 on a model: every function computed by the
/// analyses `stats` and `analyze` use, each on first need.
namespace reorg::check {

/// What an id of a check names in the model it is evaluated on, or nothing when the element
/// left that model without lineage. `kind` is what the function needs (model::argument_kind).
using Resolve =
    std::function<std::optional<model::Ref>(std::string_view id, model::CheckArgument kind)>;

/// Ids looked up in `model` itself (for the base model): a unit before a post of the same id
/// where either will do. `model` must outlive the result.
[[nodiscard]] Resolve ids_in(const model::Model& model);

/// The figures of one model that checks and rules read, each computed once on first need
/// (betweenness only when a check asks for it). Holds references to `graphs` and its model,
/// which must outlive it. Not safe to share between threads.
class Facts {
public:
    explicit Facts(const graph::ModelGraphs& graphs, analysis::BetweennessOptions betweenness = {});
    Facts(Facts&&) noexcept;
    Facts& operator=(Facts&&) noexcept;
    Facts(const Facts&) = delete;
    Facts& operator=(const Facts&) = delete;
    ~Facts();

    [[nodiscard]] const model::Model& model() const noexcept;

    /// The value of `function` (not exists) for arguments resolved in model(), each of the
    /// kind model::argument_kind says. distance is +infinity for a post that never reaches the
    /// top or the group.
    [[nodiscard]] double value(model::CheckFunction function,
                               std::span<const model::Ref> arguments) const;

    /// exists(ID): whether `id` is a unit, post, person or finding of model().
    [[nodiscard]] bool exists(std::string_view id) const;

    /// The parts the rules read.
    [[nodiscard]] const model::ReportingForest& reporting() const;
    [[nodiscard]] const analysis::SinglePoints& single_points() const;
    [[nodiscard]] const std::vector<analysis::UnitLoad>& loads() const;

    /// Uses `betweenness` instead of computing it (analyze's own result, when the caller has
    /// one for this model).
    void provide(analysis::Betweenness betweenness);

private:
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

/// holds, fails, or unknown: an id the check names left the model without lineage.
enum class State : std::uint8_t { Holds, Fails, Unknown };

/// "holds", "fails", "unknown".
[[nodiscard]] std::string_view to_string(State state) noexcept;

/// A check's state on one model, with what it rests on.
struct Outcome {
    State state = State::Unknown;
    /// unknown: which id is gone; otherwise the figures the check read, "load(KLF.IT) = 1.35".
    std::string reason;
    /// The two sides of the condition's first comparison (a violation's value and limit);
    /// nothing when unknown.
    std::optional<double> value;
    std::optional<double> limit;
};

/// `left op right`, equal within 1e-9 relative (fte of 0.1 + 0.2 is 0.3); infinities compare
/// as numbers.
[[nodiscard]] bool compare(double left, model::Comparison op, double right) noexcept;

/// The condition on the model of `facts`, its ids resolved by `resolve`.
[[nodiscard]] Outcome evaluate(const model::Condition& condition, const Facts& facts,
                               const Resolve& resolve);

/// A finding's check and its outcome.
struct FindingCheck {
    model::FindingId finding{};
    Outcome outcome;
};

/// Every finding of `base` with a check, evaluated on the model of `facts` with its ids
/// followed by `resolve` (for the base itself: ids_in(base)). In finding order.
[[nodiscard]] std::vector<FindingCheck> evaluate_findings(const model::Model& base,
                                                          const Facts& facts,
                                                          const Resolve& resolve);

/// The outcome of `finding`'s check among `checks` (in finding order, as evaluate_findings()
/// gives them), or null when the finding has no check there. O(log checks).
[[nodiscard]] const Outcome* outcome_of(std::span<const FindingCheck> checks,
                                        model::FindingId finding) noexcept;

/// The doesnt_work findings whose check already holds on the base: the check does not describe
/// the problem (SPEC §4.1). From evaluate_findings() on the base.
[[nodiscard]] std::vector<model::FindingId> holding_before(const model::Model& base,
                                                           std::span<const FindingCheck> checks);

}  // namespace reorg::check
