#include "reorg/analysis/structure.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <system_error>

#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::analysis {
namespace {

template <class T>
Summary summarise(std::vector<T> values) {
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    const double median =
        n % 2 == 1
            ? static_cast<double>(values[n / 2])
            : (static_cast<double>(values[n / 2 - 1]) + static_cast<double>(values[n / 2])) / 2.0;
    return {static_cast<double>(values.front()), median, sum / static_cast<double>(n),
            static_cast<double>(values.back())};
}

// How many people a filled post stands for: its `headcount` column where the model has one
// and it holds a whole number of at least 1, else one.
class Headcounts {
public:
    explicit Headcounts(const model::Model& model)
        : extra_(model.extra(model::Table::Posts)),
          column_(static_cast<std::size_t>(
              std::find(extra_.names.begin(), extra_.names.end(), "headcount") -
              extra_.names.begin())) {}

    [[nodiscard]] std::size_t of(std::size_t post) const {
        if (column_ >= extra_.names.size()) return 1;
        const auto text = base::trim(extra_.row(post)[column_]);
        std::size_t count = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
        return error == std::errc() && end == text.data() + text.size() && count > 0 ? count : 1;
    }

private:
    const model::ExtraColumns& extra_;
    std::size_t column_;
};

void add_post(UnitFigures& figures, const model::Post& post, std::size_t people) {
    ++figures.posts;
    if (post.vacant()) {
        ++figures.vacant;
    } else {
        figures.headcount += people;
    }
    figures.fte += post.fte;
    figures.cost += post.cost;
}

void add_figures(UnitFigures& into, const UnitFigures& from) {
    into.posts += from.posts;
    into.vacant += from.vacant;
    into.headcount += from.headcount;
    into.fte += from.fte;
    into.cost += from.cost;
}

}  // namespace

Structure structure(const model::Model& model, const SpanThresholds& thresholds) {
    Structure result;
    result.thresholds = thresholds;
    const auto posts = model.posts();
    const auto& reporting = model::reporting_forest(model);

    result.posts = posts.size();
    std::vector<bool> holds_post(model.people().size(), false);
    std::vector<std::size_t> spans;
    std::size_t layer_sum = 0;
    for (std::size_t p = 0; p < posts.size(); ++p) {
        const auto& post = posts[p];
        const auto id = model::at<model::PostId>(p);
        if (post.vacant()) {
            ++result.vacant;
        } else {
            holds_post[model::index(*post.person)] = true;
        }
        result.fte += post.fte;
        result.cost += post.cost;
        const std::size_t layer = reporting.depth(id);
        result.layers_max = std::max(result.layers_max, layer);
        layer_sum += layer;
        if (const std::size_t span = reporting.child_count(id); span > 0) {
            spans.push_back(span);
            ++result.span_histogram[span];
            if (span < thresholds.narrow) result.narrow.push_back({id, span});
            if (span > thresholds.wide) result.wide.push_back({id, span});
        }
    }
    result.filled = result.posts - result.vacant;
    result.people =
        static_cast<std::size_t>(std::count(holds_post.begin(), holds_post.end(), true));
    result.managers = spans.size();
    result.span = summarise(std::move(spans));
    result.layers_mean =
        posts.empty() ? 0.0 : static_cast<double>(layer_sum) / static_cast<double>(posts.size());
    if (result.managers > 0) {
        result.staff_per_manager = static_cast<double>(result.posts - result.managers) /
                                   static_cast<double>(result.managers);
    }
    std::stable_sort(result.narrow.begin(), result.narrow.end(),
                     [](const auto& a, const auto& b) { return a.span < b.span; });
    std::stable_sort(result.wide.begin(), result.wide.end(),
                     [](const auto& a, const auto& b) { return a.span > b.span; });

    // Per unit: own figures from its posts, then roll up children into parents, deepest first.
    const auto units = model.units();
    result.units = units.size();
    for (const auto& unit : units) ++result.units_by_kind[unit.kind];
    std::vector<UnitStructure> by_unit(units.size());
    std::vector<std::size_t> layer_sums(units.size(), 0);
    for (std::size_t u = 0; u < units.size(); ++u) by_unit[u].unit = model::at<model::UnitId>(u);
    const Headcounts headcounts(model);
    for (std::size_t p = 0; p < posts.size(); ++p) {
        const auto id = model::at<model::PostId>(p);
        auto& unit = by_unit[model::index(posts[p].unit)];
        add_post(unit.own, posts[p], headcounts.of(p));
        if (reporting.child_count(id) > 0) ++unit.managers;
        unit.layers_max = std::max<std::size_t>(unit.layers_max, reporting.depth(id));
        layer_sums[model::index(posts[p].unit)] += reporting.depth(id);
    }
    for (auto& unit : by_unit) {
        unit.rollup = unit.own;
        if (unit.own.posts > 0) {
            unit.layers_mean = static_cast<double>(layer_sums[model::index(unit.unit)]) /
                               static_cast<double>(unit.own.posts);
        }
    }
    const auto& tree = model::unit_forest(model);
    const auto order = tree.preorder();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (const auto parent = model[*it].parent) {
            add_figures(by_unit[model::index(*parent)].rollup, by_unit[model::index(*it)].rollup);
        }
    }
    result.by_unit.reserve(units.size());
    for (const auto unit : order) result.by_unit.push_back(by_unit[model::index(unit)]);
    return result;
}

}  // namespace reorg::analysis
