#include "reorg/check/rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/yaml_document.hpp"
#include "reorg/io/yaml_fields.hpp"

namespace reorg::check {
namespace {

using namespace std::string_view_literals;
using io::YamlFields;

constexpr std::array kRuleKeys{"span"sv, "layers"sv, "heads_filled"sv, "single_points"sv,
                               "load"sv, "budget"sv, "checks"sv};

// A rule written as a map of bounds (`span: {min: 2, max: 15}`): reads each bound, which must
// be a number of at least `least`.
class Bounds {
public:
    Bounds(const std::string& file, std::string_view rule, const YAML::Node& node,
           Diagnostics& diagnostics)
        : fields_(file, io::line_of(node), std::string(rule), diagnostics),
          ok_(fields_.add_map(node)) {}

    std::optional<double> bound(std::string_view key, double least) {
        if (!ok_) return std::nullopt;
        const auto value = fields_.number(key);
        if (value && (!std::isfinite(*value) || *value < least)) {
            fields_.error(fields_.line_of_field(key), key,
                          std::isfinite(least)
                              ? "must be a number of at least " + base::format_number(least)
                              : std::string("must be a finite number"));
            return std::nullopt;
        }
        return value;
    }

    void finish(std::span<const std::string_view> known) {
        if (ok_) fields_.finish(known);
    }
    YamlFields& fields() { return fields_; }

private:
    YamlFields fields_;
    bool ok_;
};

void read_checks(const std::string& file, const YAML::Node& node, const model::Model& base,
                 Rules& rules, Diagnostics& diagnostics) {
    if (!node.IsSequence()) {
        diagnostics.error({file, io::line_of(node), "checks"},
                          "checks: must be a list of {name, check}");
        return;
    }
    std::set<std::string, std::less<>> names;
    std::size_t number = 0;
    for (const auto& item : node) {
        ++number;
        const auto line = io::line_of(item);
        YamlFields fields(file, line, "checks: check " + std::to_string(number), diagnostics);
        if (!fields.add_map(item)) continue;
        auto name = fields.text("name");
        auto text = fields.text("check");
        fields.finish(std::array{"name"sv, "check"sv});
        if (name.empty() || text.empty()) continue;
        if (!names.insert(name).second) {
            fields.error(fields.line_of_field("name"), "name",
                         io::in_backticks(name) + " is the name of an earlier check");
            continue;
        }
        try {
            auto condition = model::parse_condition(text);
            const auto problems = model::check_ids(condition, base);
            for (const auto& problem : problems) {
                fields.error(fields.line_of_field("check"), "check",
                             problem.message + " at column " + std::to_string(problem.column));
            }
            if (problems.empty()) {
                rules.checks.push_back({std::move(name), std::move(text), std::move(condition)});
            }
        } catch (const model::ConditionError& error) {
            fields.error(fields.line_of_field("check"), "check", error.what());
        }
    }
}

}  // namespace

Rules read_rules(const std::filesystem::path& path, const model::Model& base) {
    Rules rules;
    rules.file = path.string();
    const auto document = io::read_yaml_file(path);
    if (document.IsNull()) return rules;  // an empty file: no rules
    Diagnostics diagnostics;
    YamlFields top(rules.file, io::line_of(document), "rules", diagnostics);
    if (!top.add_map(document)) diagnostics.throw_if_errors();

    if (const auto node = top.node("span", false)) {
        Bounds span(rules.file, "span", *node, diagnostics);
        rules.span_min = span.bound("min", 0);
        rules.span_max = span.bound("max", 0);
        span.finish(std::array{"min"sv, "max"sv});
        if (rules.span_min && rules.span_max && *rules.span_min > *rules.span_max) {
            span.fields().error(span.fields().line_of_field("max"), "max",
                                "max must not be below min");
        }
    }
    if (const auto node = top.node("layers", false)) {
        Bounds layers(rules.file, "layers", *node, diagnostics);
        rules.layers_max = layers.bound("max", 1);
        layers.finish(std::array{"max"sv});
    }
    if (top.has("heads_filled")) rules.heads_filled = top.boolean("heads_filled").value_or(false);
    if (const auto node = top.node("single_points", false)) {
        Bounds points(rules.file, "single_points", *node, diagnostics);
        rules.max_cut_off = points.bound("max_cut_off", 0);
        points.finish(std::array{"max_cut_off"sv});
    }
    if (const auto node = top.node("load", false)) {
        Bounds load(rules.file, "load", *node, diagnostics);
        rules.load_max = load.bound("max", 0);
        load.finish(std::array{"max"sv});
    }
    if (const auto node = top.node("budget", false)) {
        // A negative allowance asks for a saving.
        Bounds budget(rules.file, "budget", *node, diagnostics);
        rules.budget_cost = budget.bound("cost", -std::numeric_limits<double>::infinity());
        rules.budget_fte = budget.bound("fte", -std::numeric_limits<double>::infinity());
        budget.finish(std::array{"cost"sv, "fte"sv});
    }
    if (const auto node = top.node("checks", false); node && !node->IsNull()) {
        read_checks(rules.file, *node, base, rules, diagnostics);
    }
    top.finish(kRuleKeys);
    diagnostics.throw_if_errors();
    return rules;
}

std::optional<std::filesystem::path> rules_beside(const std::filesystem::path& model) {
    std::error_code error;
    const auto folder = std::filesystem::is_directory(model, error) ? model : model.parent_path();
    auto rules = (folder.empty() ? std::filesystem::path(".") : folder) / "rules.yaml";
    if (!io::is_present(rules)) return std::nullopt;
    // Opened (and closed) here, as a found file: read_rules() takes it as named, and would wait
    // for ever on a FIFO.
    const io::InputFile readable(rules, io::PathSource::Found);
    return rules;
}

Budget budget_of(const model::Model& model) {
    Budget budget;
    for (const auto& post : model.posts()) {
        budget.cost += post.cost;
        budget.fte += post.fte;
    }
    return budget;
}

std::vector<Violation> violations(const Rules& rules, const Facts& facts, const Resolve& resolve,
                                  std::string_view name, std::optional<Budget> base) {
    const auto& m = facts.model();
    std::vector<Violation> result;
    const auto broken = [](double value, model::Comparison op, double limit) {
        return !compare(value, op, limit);
    };

    if (rules.span_min || rules.span_max) {
        const auto& forest = facts.reporting();
        for (std::size_t p = 0; p < m.posts().size(); ++p) {
            const auto span = static_cast<double>(forest.child_count(model::at<model::PostId>(p)));
            if (span == 0) continue;  // not a manager
            if (rules.span_min && broken(span, model::Comparison::GreaterEqual, *rules.span_min)) {
                result.push_back(
                    {"span", std::string(m.posts()[p].id), span, *rules.span_min, "min"});
            } else if (rules.span_max &&
                       broken(span, model::Comparison::LessEqual, *rules.span_max)) {
                result.push_back(
                    {"span", std::string(m.posts()[p].id), span, *rules.span_max, "max"});
            }
        }
    }
    if (rules.layers_max) {
        const auto& forest = facts.reporting();
        for (std::size_t p = 0; p < m.posts().size(); ++p) {
            const auto layer = static_cast<double>(forest.depth(model::at<model::PostId>(p)));
            if (broken(layer, model::Comparison::LessEqual, *rules.layers_max)) {
                result.push_back(
                    {"layers", std::string(m.posts()[p].id), layer, *rules.layers_max, {}});
            }
        }
    }
    if (rules.heads_filled) {
        for (const auto& unit : m.units()) {
            if (unit.head && m[*unit.head].vacant()) {
                result.push_back({"heads_filled", std::string(unit.id), 1.0, 0.0,
                                  std::string(m[*unit.head].id)});
            }
        }
    }
    if (rules.max_cut_off) {
        // articulation_points are largest cut-off first: put them in model order.
        std::vector<analysis::CutPoint> points = facts.single_points().articulation_points;
        std::sort(points.begin(), points.end(),
                  [](const auto& a, const auto& b) { return a.vertex < b.vertex; });
        for (const auto& point : points) {
            const auto cut_off = static_cast<double>(point.cut_off);
            if (broken(cut_off, model::Comparison::LessEqual, *rules.max_cut_off)) {
                result.push_back({"single_points",
                                  std::string(m.posts()[point.vertex].id),
                                  cut_off,
                                  *rules.max_cut_off,
                                  {}});
            }
        }
    }
    if (rules.load_max) {
        std::vector<analysis::UnitLoad> loads = facts.loads();
        std::sort(loads.begin(), loads.end(),
                  [](const auto& a, const auto& b) { return a.unit < b.unit; });
        for (const auto& load : loads) {
            if (broken(load.load, model::Comparison::LessEqual, *rules.load_max)) {
                result.push_back(
                    {"load", std::string(m[load.unit].id), load.load, *rules.load_max, {}});
            }
        }
    }
    if (base && (rules.budget_cost || rules.budget_fte)) {
        const auto totals = budget_of(m);
        if (rules.budget_cost) {
            const double limit = base->cost + *rules.budget_cost;
            if (broken(totals.cost, model::Comparison::LessEqual, limit)) {
                result.push_back({"budget", std::string(name), totals.cost, limit, "cost"});
            }
        }
        if (rules.budget_fte) {
            const double limit = base->fte + *rules.budget_fte;
            if (broken(totals.fte, model::Comparison::LessEqual, limit)) {
                result.push_back({"budget", std::string(name), totals.fte, limit, "fte"});
            }
        }
    }
    for (const auto& check : rules.checks) {
        const auto outcome = evaluate(check.condition, facts, resolve);
        if (outcome.state == State::Holds) continue;
        const auto finite = [](std::optional<double> v) {
            return v && std::isfinite(*v) ? v : std::nullopt;
        };
        result.push_back({check.name, model::first_id(check.condition), finite(outcome.value),
                          finite(outcome.limit),
                          outcome.state == State::Unknown ? outcome.reason
                                                          : check.text + ": " + outcome.reason});
    }
    return result;
}

}  // namespace reorg::check
