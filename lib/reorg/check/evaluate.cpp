#include "reorg/check/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <variant>

#include "reorg/analysis/analyze.hpp"
#include "reorg/analysis/structure.hpp"
#include "reorg/base/text.hpp"

namespace reorg::check {
namespace {

using model::CheckArgument;
using model::CheckFunction;
using model::Condition;
using model::Ref;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Per unit: its own value folded with every sub-unit's, children before parents.
template <class Fold>
void roll_up(const model::Model& model, const model::UnitForest& units, std::vector<double>& own,
             Fold fold) {
    const auto order = units.preorder();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (const auto parent = model[*it].parent) {
            auto& above = own[model::index(*parent)];
            above = fold(above, own[model::index(*it)]);
        }
    }
}

double as_hops(std::size_t hops) {
    return hops == analysis::kUnreached ? kInfinity : static_cast<double>(hops);
}

}  // namespace

Resolve ids_in(const model::Model& model) {
    return [&model](std::string_view id, CheckArgument kind) -> std::optional<Ref> {
        if (kind != CheckArgument::Post) {
            if (const auto unit = model.find_unit(id)) return Ref(*unit);
        }
        if (kind == CheckArgument::Post || kind == CheckArgument::PostOrUnit ||
            kind == CheckArgument::Any) {
            if (const auto post = model.find_post(id)) return Ref(*post);
        }
        return std::nullopt;
    };
}

/// Figures per unit (rolled up) and per post, each table built on first use.
struct Facts::Cache {
    const graph::ModelGraphs* graphs;
    analysis::BetweennessOptions options;

    std::optional<analysis::Structure> structure;
    std::vector<std::size_t> structure_row;  // per unit: its row in structure->by_unit
    // Rolled up per unit: managers, max span, min span (+inf for none), deepest layer.
    std::vector<double> managers, max_span, min_span, layers;
    bool spans_ready = false;
    std::optional<analysis::SinglePoints> single_points;
    std::vector<double> cut_off;             // per post
    std::vector<double> single_points_unit;  // rolled up per unit
    std::optional<std::vector<analysis::UnitLoad>> loads;
    std::vector<double> load;  // per unit
    std::optional<std::vector<std::size_t>> to_top;
    std::vector<std::pair<model::UnitId, std::vector<std::size_t>>> to_group;
    std::optional<std::vector<double>> members;  // per unit: distinct member posts
    std::optional<analysis::Betweenness> betweenness;

    const model::Model& model() const { return graphs->model(); }

    const model::ReportingForest& reporting_forest() const { return model().reporting_forest(); }
    const model::UnitForest& unit_forest() const { return model().unit_forest(); }

    const analysis::UnitFigures& rollup(model::UnitId unit) {
        if (!structure) {
            structure = analysis::structure(model());
            structure_row.assign(model().units().size(), 0);
            for (std::size_t row = 0; row < structure->by_unit.size(); ++row) {
                structure_row[model::index(structure->by_unit[row].unit)] = row;
            }
        }
        return structure->by_unit[structure_row[model::index(unit)]].rollup;
    }

    void spans() {
        if (spans_ready) return;
        const auto& m = model();
        const auto& forest = reporting_forest();
        const auto n = m.units().size();
        managers.assign(n, 0);
        max_span.assign(n, 0);
        min_span.assign(n, kInfinity);
        layers.assign(n, 0);
        for (std::size_t p = 0; p < m.posts().size(); ++p) {
            const auto post = model::at<model::PostId>(p);
            const auto u = model::index(m.posts()[p].unit);
            layers[u] = std::max(layers[u], static_cast<double>(forest.depth(post)));
            if (const auto span = static_cast<double>(forest.child_count(post)); span > 0) {
                managers[u] += 1;
                max_span[u] = std::max(max_span[u], span);
                min_span[u] = std::min(min_span[u], span);
            }
        }
        const auto& units = unit_forest();
        roll_up(m, units, managers, std::plus<>());
        roll_up(m, units, max_span, [](double a, double b) { return std::max(a, b); });
        roll_up(m, units, min_span, [](double a, double b) { return std::min(a, b); });
        roll_up(m, units, layers, [](double a, double b) { return std::max(a, b); });
        for (auto& span : min_span) {
            if (span == kInfinity) span = 0;  // no manager
        }
        spans_ready = true;
    }

    const analysis::SinglePoints& points() {
        if (!single_points) {
            const auto& m = model();
            single_points = analysis::single_points(m, graphs->work());
            cut_off.assign(m.posts().size(), 0);
            single_points_unit.assign(m.units().size(), 0);
            for (const auto& point : single_points->articulation_points) {
                cut_off[point.vertex] = static_cast<double>(point.cut_off);
                single_points_unit[model::index(m.posts()[point.vertex].unit)] += 1;
            }
            roll_up(m, unit_forest(), single_points_unit, std::plus<>());
        }
        return *single_points;
    }

    const std::vector<analysis::UnitLoad>& service_loads() {
        if (!loads) {
            loads = analysis::service_load(model());
            load.assign(model().units().size(), 0);
            for (const auto& unit : *loads) load[model::index(unit.unit)] = unit.load;
        }
        return *loads;
    }

    const std::vector<std::size_t>& hops(std::optional<model::UnitId> group) {
        if (!group) {
            if (!to_top) to_top = analysis::hops_to_top(model(), reporting_forest());
            return *to_top;
        }
        for (const auto& [g, hops] : to_group) {
            if (g == *group) return hops;
        }
        to_group.emplace_back(*group, analysis::hops_to_group(model(), reporting_forest(), *group));
        return to_group.back().second;
    }

    double distance(Ref from, std::optional<model::UnitId> group) {
        const auto& m = model();
        // A group merged into a unit of another kind lost its members (apply drops them).
        if (group && m[*group].kind != model::UnitKind::Group) return kInfinity;
        const auto& hops = this->hops(group);
        if (const auto* post = std::get_if<model::PostId>(&from)) {
            return as_hops(hops[model::index(*post)]);
        }
        // A unit: the largest over its posts, rolled up.
        const auto& units = unit_forest();
        const auto unit = std::get<model::UnitId>(from);
        double largest = 0;
        for (std::size_t p = 0; p < m.posts().size(); ++p) {
            if (units.is_ancestor(unit, m.posts()[p].unit)) {
                largest = std::max(largest, as_hops(hops[p]));
            }
        }
        return largest;
    }

    double member_count(model::UnitId group) {
        if (!members) {
            const auto& m = model();
            std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (group, post)
            for (const auto& link : m.links()) {
                if (link.kind != model::LinkKind::MemberOf) continue;
                const auto* post = std::get_if<model::PostId>(&link.from);
                const auto* unit = std::get_if<model::UnitId>(&link.to);
                if (post == nullptr || unit == nullptr) continue;
                pairs.emplace_back(static_cast<std::uint32_t>(model::index(*unit)),
                                   static_cast<std::uint32_t>(model::index(*post)));
            }
            std::sort(pairs.begin(), pairs.end());
            pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
            members.emplace(m.units().size(), 0.0);
            for (const auto& pair : pairs) (*members)[pair.first] += 1;
        }
        return (*members)[model::index(group)];
    }

    double post_betweenness(model::PostId post) {
        if (!betweenness) betweenness = analysis::post_betweenness(*graphs, options);
        return betweenness->value[model::index(post)];
    }
};

Facts::Facts(const graph::ModelGraphs& graphs, analysis::BetweennessOptions betweenness)
    : cache_(std::make_unique<Cache>()) {
    cache_->graphs = &graphs;
    cache_->options = std::move(betweenness);
}
Facts::Facts(Facts&&) noexcept = default;
Facts& Facts::operator=(Facts&&) noexcept = default;
Facts::~Facts() = default;

const model::Model& Facts::model() const noexcept { return cache_->model(); }

const model::ReportingForest& Facts::reporting() const { return cache_->reporting_forest(); }
const analysis::SinglePoints& Facts::single_points() const { return cache_->points(); }
const std::vector<analysis::UnitLoad>& Facts::loads() const { return cache_->service_loads(); }

void Facts::provide(analysis::Betweenness betweenness) {
    cache_->betweenness = std::move(betweenness);
}

bool Facts::exists(std::string_view id) const {
    const auto& m = model();
    return m.find_unit(id) || m.find_post(id) || m.find_person(id) || m.find_finding(id);
}

double Facts::value(CheckFunction function, std::span<const Ref> arguments) const {
    auto& c = *cache_;
    const auto unit = [&](std::size_t i) { return std::get<model::UnitId>(arguments[i]); };
    const auto post = [&](std::size_t i) { return std::get<model::PostId>(arguments[i]); };
    switch (function) {
        case CheckFunction::Posts:
            return static_cast<double>(c.rollup(unit(0)).posts);
        case CheckFunction::Vacant:
            if (std::holds_alternative<model::PostId>(arguments[0])) {
                return c.model()[post(0)].vacant() ? 1.0 : 0.0;
            }
            return static_cast<double>(c.rollup(unit(0)).vacant);
        case CheckFunction::Fte:
            return c.rollup(unit(0)).fte;
        case CheckFunction::Cost:
            return c.rollup(unit(0)).cost;
        case CheckFunction::Managers:
            c.spans();
            return c.managers[model::index(unit(0))];
        case CheckFunction::Span:
            return static_cast<double>(c.reporting_forest().child_count(post(0)));
        case CheckFunction::MaxSpan:
            c.spans();
            return c.max_span[model::index(unit(0))];
        case CheckFunction::MinSpan:
            c.spans();
            return c.min_span[model::index(unit(0))];
        case CheckFunction::Layers:
            c.spans();
            return c.layers[model::index(unit(0))];
        case CheckFunction::Load:
            c.service_loads();
            return c.load[model::index(unit(0))];
        case CheckFunction::CutOff:
            c.points();
            return c.cut_off[model::index(post(0))];
        case CheckFunction::SinglePoints:
            c.points();
            return c.single_points_unit[model::index(unit(0))];
        case CheckFunction::Distance:
            return c.distance(arguments[0],
                              arguments.size() > 1 ? std::optional(unit(1)) : std::nullopt);
        case CheckFunction::Betweenness:
            return c.post_betweenness(post(0));
        case CheckFunction::Members:
            return c.member_count(unit(0));
        case CheckFunction::Exists:
            break;  // takes an id, not a reference: see exists()
    }
    throw Error("check: exists() takes an id, not a reference");
}

std::string_view to_string(State state) noexcept {
    switch (state) {
        case State::Holds:
            return "holds";
        case State::Fails:
            return "fails";
        case State::Unknown:
            return "unknown";
    }
    return "unknown";
}

bool compare(double left, model::Comparison op, double right) noexcept {
    const bool equal =
        left == right ||
        (std::isfinite(left) && std::isfinite(right) &&
         std::abs(left - right) <= 1e-9 * std::max({1.0, std::abs(left), std::abs(right)}));
    switch (op) {
        case model::Comparison::Less:
            return !equal && left < right;
        case model::Comparison::LessEqual:
            return equal || left < right;
        case model::Comparison::Equal:
            return equal;
        case model::Comparison::NotEqual:
            return !equal;
        case model::Comparison::GreaterEqual:
            return equal || left > right;
        case model::Comparison::Greater:
            return !equal && left > right;
    }
    return false;
}

namespace {

std::string figure_text(double value) {
    if (std::isinf(value)) return value > 0 ? "never" : "-infinity";
    return base::format_number(value, 4);
}

// One evaluation: the ids resolved once each, the figures read kept for the reason.
class Evaluation {
public:
    Evaluation(const Facts& facts, const Resolve& resolve) : facts_(facts), resolve_(resolve) {}

    // nullopt when an id is gone (missing_ says which).
    std::optional<bool> holds(const Condition& condition) {
        switch (condition.kind) {
            case Condition::Kind::Compare: {
                const auto left = value(condition.left);
                const auto right = value(condition.right);
                if (!left || !right) return std::nullopt;
                if (!first_) first_ = std::pair(*left, *right);
                return compare(*left, condition.comparison, *right);
            }
            case Condition::Kind::Not: {
                const auto inner = holds(condition.operands.front());
                if (!inner) return std::nullopt;
                return !*inner;
            }
            case Condition::Kind::And:
            case Condition::Kind::Or: {
                // Every operand is evaluated (no short cut), so that an id gone anywhere makes the
                // check unknown rather than depending on the order of its parts.
                const bool is_and = condition.kind == Condition::Kind::And;
                bool result = is_and;
                bool known = true;
                for (const auto& operand : condition.operands) {
                    const auto part = holds(operand);
                    if (!part) {
                        known = false;
                        continue;
                    }
                    result = is_and ? result && *part : result || *part;
                }
                if (!known) return std::nullopt;
                return result;
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] const std::string& missing() const { return missing_; }
    [[nodiscard]] const std::string& figures() const { return figures_; }
    [[nodiscard]] std::optional<std::pair<double, double>> first() const { return first_; }

private:
    std::optional<double> value(const model::CheckValue& v) {
        if (v.number) return *v.number;
        std::string call = std::string(model::name_of(v.function)) + "(";
        for (std::size_t i = 0; i < v.arguments.size(); ++i) {
            call += (i ? ", " : "") + v.arguments[i].id;
        }
        call += ")";
        double result = 0;
        if (v.function == CheckFunction::Exists) {
            result = facts_.exists(v.arguments.front().id) ? 1.0 : 0.0;
        } else {
            std::vector<Ref> refs;
            for (std::size_t i = 0; i < v.arguments.size(); ++i) {
                const auto& id = v.arguments[i].id;
                auto ref = resolve_(id, model::argument_kind(v.function, i));
                if (!ref) {
                    if (missing_.empty()) {
                        missing_ =
                            base::in_backticks(id) + " left the model with nothing in its place";
                    }
                    return std::nullopt;
                }
                refs.push_back(*ref);
            }
            result = facts_.value(v.function, refs);
        }
        figures_ += (figures_.empty() ? "" : "; ") + call + " = " + figure_text(result);
        return result;
    }

    const Facts& facts_;
    const Resolve& resolve_;
    std::string missing_;
    std::string figures_;
    std::optional<std::pair<double, double>> first_;
};

}  // namespace

Outcome evaluate(const Condition& condition, const Facts& facts, const Resolve& resolve) {
    Evaluation evaluation(facts, resolve);
    const auto holds = evaluation.holds(condition);
    Outcome outcome;
    if (!holds) {
        outcome.state = State::Unknown;
        outcome.reason = evaluation.missing();
        return outcome;
    }
    outcome.state = *holds ? State::Holds : State::Fails;
    outcome.reason = evaluation.figures();
    if (const auto first = evaluation.first()) {
        outcome.value = first->first;
        outcome.limit = first->second;
    }
    return outcome;
}

const Outcome* outcome_of(std::span<const FindingCheck> checks, model::FindingId finding) noexcept {
    const auto at = std::lower_bound(
        checks.begin(), checks.end(), finding,
        [](const FindingCheck& check, model::FindingId f) { return check.finding < f; });
    return at != checks.end() && at->finding == finding ? &at->outcome : nullptr;
}

std::vector<FindingCheck> evaluate_findings(const model::Model& base, const Facts& facts,
                                            const Resolve& resolve) {
    std::vector<FindingCheck> result;
    for (std::size_t f = 0; f < base.findings().size(); ++f) {
        const auto& finding = base.findings()[f];
        if (finding.check.empty()) continue;
        FindingCheck entry{model::at<model::FindingId>(f), {}};
        try {
            entry.outcome = evaluate(model::parse_condition(finding.check), facts, resolve);
        } catch (const model::ConditionError& error) {
            // Loading rejects such a check; a model built in code may still carry one.
            entry.outcome.reason = std::string("check: ") + error.what();
        }
        result.push_back(std::move(entry));
    }
    return result;
}

std::vector<model::FindingId> holding_before(const model::Model& base,
                                             std::span<const FindingCheck> checks) {
    std::vector<model::FindingId> result;
    for (const auto& check : checks) {
        if (base[check.finding].kind == model::FindingKind::DoesntWork &&
            check.outcome.state == State::Holds) {
            result.push_back(check.finding);
        }
    }
    return result;
}

}  // namespace reorg::check
