#include "reorg/analysis/flows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>
#include <variant>

#include "reorg/analysis/detail/unit_pair.hpp"
#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::analysis {
namespace {

DistanceSummary summarise(model::UnitId unit, std::vector<std::size_t> hops) {
    DistanceSummary s;
    s.unit = unit;
    s.posts = hops.size();
    if (hops.empty()) return s;
    std::sort(hops.begin(), hops.end());
    const std::size_t n = hops.size();
    s.min = hops.front();
    s.max = hops.back();
    s.median = n % 2 == 1 ? static_cast<double>(hops[n / 2])
                          : static_cast<double>(hops[n / 2 - 1] + hops[n / 2]) / 2.0;
    s.mean = static_cast<double>(std::accumulate(hops.begin(), hops.end(), std::size_t{0})) /
             static_cast<double>(n);
    return s;
}

/// Per unit with at least one reached post (hops[p] != kUnreached), in unit order.
std::vector<DistanceSummary> per_unit(const model::Model& model,
                                      const std::vector<std::size_t>& hops) {
    std::vector<std::vector<std::size_t>> by_unit(model.units().size());
    for (std::size_t p = 0; p < hops.size(); ++p) {
        if (hops[p] != kUnreached) by_unit[model::index(model.posts()[p].unit)].push_back(hops[p]);
    }
    std::vector<DistanceSummary> result;
    for (std::size_t u = 0; u < by_unit.size(); ++u) {
        if (!by_unit[u].empty()) {
            result.push_back(summarise(model::at<model::UnitId>(u), std::move(by_unit[u])));
        }
    }
    return result;
}

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Lower-cases ASCII letters and the capitals of UTF-8's Latin-1 block (À–Þ but ×, encoded
/// C3 80–9E): Swedish titles fold Å, Ä and Ö too. Other bytes are left alone.
void fold_case(std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 'A' && byte <= 'Z') {
            text[i] = static_cast<char>(byte - 'A' + 'a');
        } else if (byte == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) {
                text[i + 1] = static_cast<char>(next + 0x20);
            }
            ++i;
        }
    }
}

}  // namespace

std::string normalised_function(std::string_view function) {
    std::string key(base::trim(function));
    fold_case(key);
    return key;
}

std::string normalised_title(std::string_view title) {
    std::string key;
    bool pending_blank = false;
    for (const char c : title) {
        if (is_blank(c)) {
            pending_blank = !key.empty();
            continue;
        }
        if ((c >= '0' && c <= '9') || is_ascii_punctuation(c)) continue;
        if (pending_blank) key.push_back(' ');
        pending_blank = false;
        key.push_back(c);
    }
    fold_case(key);
    return key;
}

std::vector<UnitLoad> service_load(const model::Model& model) {
    std::vector<double> volume(model.units().size(), 0.0);
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::Serves || !link.weight) continue;
        if (const auto* from = std::get_if<model::UnitId>(&link.from)) {
            volume[model::index(*from)] += *link.weight;
        }
    }
    std::vector<UnitLoad> result;
    for (std::size_t u = 0; u < model.units().size(); ++u) {
        const auto capacity = model.units()[u].capacity;
        if (!capacity || *capacity <= 0) continue;
        result.push_back(
            {model::at<model::UnitId>(u), volume[u], *capacity, volume[u] / *capacity});
    }
    // Stable: equal loads keep the order of the units.
    std::stable_sort(result.begin(), result.end(),
                     [](const UnitLoad& x, const UnitLoad& y) { return x.load > y.load; });
    return result;
}

std::vector<std::size_t> hops_to_top(const model::Model& model,
                                     const model::ReportingForest& forest) {
    std::vector<std::size_t> hops(model.posts().size(), kUnreached);
    for (std::size_t p = 0; p < hops.size(); ++p) {
        const auto depth = forest.depth(model::at<model::PostId>(p));
        if (depth != 0) hops[p] = depth - 1;  // depth 0: on or under a reporting cycle
    }
    return hops;
}

std::vector<std::size_t> hops_to_group(const model::Model& model,
                                       const model::ReportingForest& forest, model::UnitId group) {
    if (model[group].kind != model::UnitKind::Group) {
        const std::string kind(to_string(model[group].kind));
        const bool vowel = kind.find_first_of("aeiou") == 0;
        throw OptionError("to_group", "'" + std::string(model[group].id) + "' is " +
                                          (vowel ? "an " : "a ") + kind +
                                          ", not a group: decision distance needs a group");
    }
    const auto n = model.posts().size();
    std::vector<bool> member(n, false);
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::MemberOf) continue;
        const auto* post = std::get_if<model::PostId>(&link.from);
        const auto* to = std::get_if<model::UnitId>(&link.to);
        if (post != nullptr && to != nullptr && *to == group) member[model::index(*post)] = true;
    }
    // Parents come before children in pre-order, so each post takes its manager's distance
    // plus one unless it is a member itself.
    std::vector<std::size_t> hops(n, kUnreached);
    for (const auto post : forest.preorder()) {
        const auto p = model::index(post);
        if (member[p]) {
            hops[p] = 0;
        } else if (const auto manager = model.posts()[p].reports_to) {
            const auto above = hops[model::index(*manager)];
            if (above != kUnreached) hops[p] = above + 1;
        }
    }
    return hops;
}

DecisionDistance decision_distance(const model::Model& model, std::optional<model::UnitId> group) {
    const auto& forest = model::reporting_forest(model);
    auto to_group = group ? hops_to_group(model, forest, *group) : std::vector<std::size_t>();
    const auto to_top = hops_to_top(model, forest);

    DecisionDistance result;
    std::size_t counted = 0;
    std::size_t total = 0;
    for (const auto hops : to_top) {
        if (hops == kUnreached) continue;
        ++counted;
        total += hops;
    }
    result.to_top = per_unit(model, to_top);
    result.mean_to_top =
        counted == 0 ? 0.0 : static_cast<double>(total) / static_cast<double>(counted);
    if (group) result.to_group = per_unit(model, to_group);
    return result;
}

std::vector<OverlapGroup> merger_overlap(const model::Model& model, model::UnitId a,
                                         model::UnitId b) {
    const auto& units = model::unit_forest(model);
    detail::require_apart(model, units, a, b, "merge");

    // Keyed by (by_title, key): a function and a title that normalise alike stay apart.
    std::map<std::pair<bool, std::string>, OverlapGroup> groups;
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        const auto& post = model.posts()[p];
        const bool in_a = units.is_ancestor(a, post.unit);
        if (!in_a && !units.is_ancestor(b, post.unit)) continue;
        const bool by_title = base::trim(post.function).empty();
        auto key = by_title ? normalised_title(post.title) : normalised_function(post.function);
        if (key.empty()) continue;  // neither a function nor a title to compare
        auto& group = groups[{by_title, key}];
        if (group.key.empty()) {
            group.key = std::move(key);
            group.by_title = by_title;
        }
        (in_a ? group.in_a : group.in_b).push_back(model::at<model::PostId>(p));
        group.fte += post.fte;
        group.cost += post.cost;
    }

    std::vector<OverlapGroup> result;
    for (auto& [key, group] : groups) {
        if (group.in_a.empty() || group.in_b.empty()) continue;
        // As the first post of A spells it, for display.
        const auto& first = model[group.in_a.front()];
        group.label = std::string(base::trim(group.by_title ? first.title : first.function));
        result.push_back(std::move(group));
    }
    std::stable_sort(
        result.begin(), result.end(), [](const OverlapGroup& x, const OverlapGroup& y) {
            return std::tie(y.cost, x.key, x.by_title) < std::tie(x.cost, y.key, y.by_title);
        });
    return result;
}

}  // namespace reorg::analysis
