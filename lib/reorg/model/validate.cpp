#include "reorg/model/validate.hpp"

#include <future>
#include <iterator>
#include <string>

#include "reorg/base/text.hpp"
#include "reorg/model/condition.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::model {
namespace {

std::string quoted(std::string_view id) { return "'" + std::string(id) + "'"; }

template <class Id, class Rows>
std::string cycle_text(const std::vector<Id>& cycle, Rows rows) {
    std::string text;
    for (const Id id : cycle) text += quoted(rows[index(id)].id) + " -> ";
    return text + quoted(rows[index(cycle.front())].id);
}

std::uint32_t row_of(auto id) { return static_cast<std::uint32_t>(index(id)); }

class Checker {
public:
    Checker(const Model& model, std::size_t listed_warnings)
        : model_(model), listed_warnings_(listed_warnings) {}

    std::vector<StructureIssue> run() {
        // The range checks read every link, the others walk the forests: on a large model
        // they run side by side, each into its own list, listed in this order.
        constexpr std::size_t kParallelRows = 100'000;
        const bool parallel = model_.links().size() + model_.posts().size() >= kParallelRows;
        Checker ranges(model_, 0);
        auto ranges_done = std::async(parallel ? std::launch::async : std::launch::deferred,
                                      [&ranges] { ranges.check_ranges(); });
        check_cycles();
        check_heads();
        check_conditions();
        if (!has_cycles_) check_reporting_lines();
        ranges_done.get();
        ranges.issues_.insert(ranges.issues_.end(), std::make_move_iterator(issues_.begin()),
                              std::make_move_iterator(issues_.end()));
        return std::move(ranges.issues_);
    }

    std::vector<StructureIssue> run_cycles() {
        check_cycles();
        return std::move(issues_);
    }

private:
    void add(Severity severity, Table table, std::uint32_t row, std::string_view column,
             std::string message) {
        issues_.push_back({severity, table, row, column, std::move(message)});
    }
    // A warning, worded by `message()` while fewer than listed_warnings_ have been.
    template <class Message>
    void warn(Table table, std::uint32_t row, std::string_view column, Message&& message) {
        add(Severity::Warning, table, row, column,
            warnings_++ < listed_warnings_ ? message() : std::string());
    }

    void check_cycles() {
        const auto posts = model_.posts();
        for (const auto& cycle : parent_cycles<PostId>(
                 posts.size(), [posts](std::size_t i) { return posts[i].reports_to; })) {
            has_cycles_ = true;
            add(Severity::Error, Table::Posts, row_of(cycle.front()), "reports_to",
                "reporting cycle: " + cycle_text(cycle, posts));
        }
        const auto units = model_.units();
        for (const auto& cycle : parent_cycles<UnitId>(
                 units.size(), [units](std::size_t i) { return units[i].parent; })) {
            has_cycles_ = true;
            add(Severity::Error, Table::Units, row_of(cycle.front()), "parent",
                "unit-parent cycle: " + cycle_text(cycle, units));
        }
    }

    void check_heads() {
        for (std::size_t u = 0; u < model_.units().size(); ++u) {
            const Unit& unit = model_.units()[u];
            if (!unit.head) continue;
            const Post& head = model_[*unit.head];
            const auto row = static_cast<std::uint32_t>(u);
            if (index(head.unit) != u) {
                add(Severity::Error, Table::Units, row, "head",
                    "head post " + quoted(head.id) + " is outside the unit (it belongs to " +
                        quoted(model_[head.unit].id) + ")");
            } else if (head.vacant()) {
                warn(Table::Units, row, "head", [&] {
                    return "head post " + quoted(head.id) + " of " + quoted(unit.id) + " is vacant";
                });
            }
        }
    }

    // Every number within kMaxFigure, so that no sum over a model is infinite; from every
    // reader alike (a snapshot is as hostile as a CSV file).
    void check_ranges() {
        const auto out_of_range = [](double value, bool zero_allowed) {
            return !(value <= kMaxFigure && (zero_allowed ? value >= 0 : value > 0));
        };
        const auto spelt = [](double value) { return base::exact_number(value); };
        for (std::size_t p = 0; p < model_.posts().size(); ++p) {
            const auto& post = model_.posts()[p];
            const auto row = static_cast<std::uint32_t>(p);
            if (out_of_range(post.fte, true)) {
                add(Severity::Error, Table::Posts, row, "fte",
                    "must be from 0 to 1e15, is " + spelt(post.fte));
            }
            if (out_of_range(post.cost, true)) {
                add(Severity::Error, Table::Posts, row, "cost",
                    "must be from 0 to 1e15, is " + spelt(post.cost));
            }
        }
        for (std::size_t u = 0; u < model_.units().size(); ++u) {
            const auto& capacity = model_.units()[u].capacity;
            if (capacity && out_of_range(*capacity, false)) {
                add(Severity::Error, Table::Units, static_cast<std::uint32_t>(u), "capacity",
                    "must be above 0 and at most 1e15, is " + spelt(*capacity));
            }
        }
        for (std::size_t l = 0; l < model_.links().size(); ++l) {
            const auto& weight = model_.links()[l].weight;
            if (weight && out_of_range(*weight, true)) {
                add(Severity::Error, Table::Links, static_cast<std::uint32_t>(l), "weight",
                    "must be from 0 to 1e15, is " + spelt(*weight));
            }
        }
    }

    // Each finding's check must parse and name what its functions need (SPEC §4.1).
    void check_conditions() {
        for (std::size_t f = 0; f < model_.findings().size(); ++f) {
            const auto& text = model_.findings()[f].check;
            if (text.empty()) continue;
            const auto row = static_cast<std::uint32_t>(f);
            try {
                for (const auto& problem : check_ids(parse_condition(text), model_)) {
                    add(Severity::Error, Table::Findings, row, "check",
                        problem.message + " at column " + std::to_string(problem.column));
                }
            } catch (const ConditionError& error) {
                add(Severity::Error, Table::Findings, row, "check", error.what());
            }
        }
    }

    // The nearest unit, from `unit` up the parent chain, that names a head; its head.
    std::optional<PostId> nearest_head(std::optional<UnitId> unit) const {
        for (; unit; unit = model_[*unit].parent) {
            if (const auto head = model_[*unit].head) return head;
        }
        return std::nullopt;
    }

    void check_reporting_lines() {
        const auto& forest = reporting_forest(model_);
        const auto posts = model_.posts();
        for (std::size_t p = 0; p < posts.size(); ++p) {
            const auto post = at<PostId>(p);
            const auto row = static_cast<std::uint32_t>(p);
            // (A single report that stands for a group of staff, FTE above 1, is a team.)
            if (forest.child_count(post) == 1 && model_[forest.children(post).front()].fte <= 1) {
                warn(Table::Posts, row, "", [&] {
                    return "manager " + quoted(posts[p].id) + " has a single direct report (" +
                           quoted(posts[index(forest.children(post).front())].id) + ")";
                });
            }
            // A unit's head answers to the head of an enclosing unit; anyone else to the head of
            // their own unit (or of the nearest enclosing unit that names one).
            const Unit& unit = model_[posts[p].unit];
            const auto head =
                unit.head == post ? nearest_head(unit.parent) : nearest_head(posts[p].unit);
            if (head && *head != post && !forest.is_ancestor(*head, post)) {
                warn(Table::Posts, row, "reports_to", [&] {
                    return "post " + quoted(posts[p].id) +
                           " has no path to the head of its unit (" +
                           quoted(posts[index(*head)].id) + ") through its reporting line";
                });
            }
        }
    }

    const Model& model_;
    std::size_t listed_warnings_;
    std::size_t warnings_ = 0;
    std::vector<StructureIssue> issues_;
    bool has_cycles_ = false;
};

}  // namespace

std::vector<StructureIssue> check_structure(const Model& model, std::size_t listed_warnings) {
    return Checker(model, listed_warnings).run();
}

std::vector<StructureIssue> check_cycles(const Model& model) {
    return Checker(model, 0).run_cycles();
}

}  // namespace reorg::model
