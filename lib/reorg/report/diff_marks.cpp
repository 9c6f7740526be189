#include "reorg/report/diff_marks.hpp"

#include <string>
#include <string_view>

namespace reorg::report {
namespace {

using model::PostId;
using model::UnitId;

std::string manager_id(const model::Model& model, const model::Post& post) {
    return post.reports_to ? std::string(model[*post.reports_to].id) : std::string();
}

}  // namespace

render::DiffMarks diff_marks(const model::Model& base, const scenario::Scenario& scenario,
                             const scenario::Applied& applied) {
    const auto& result = applied.model;
    const auto& lineage = applied.lineage;
    render::DiffMarks diff;
    diff.scenario = scenario.name;

    diff.posts.resize(result.posts().size());
    for (std::size_t p = 0; p < result.posts().size(); ++p) {
        const auto& post = result.posts()[p];
        auto& mark = diff.posts[p];
        const auto before = base.find_post(post.id);
        if (!before) {
            mark.added = true;
            continue;
        }
        const auto& old = base[*before];
        if (base[old.unit].id != result[post.unit].id) mark.moved_from = base[old.unit].id;
        const auto old_manager = manager_id(base, old);
        if (old_manager != manager_id(result, post)) {
            mark.new_manager = true;
            mark.old_manager = old_manager;
        }
    }

    diff.units.resize(result.units().size());
    for (std::size_t u = 0; u < result.units().size(); ++u) {
        const auto& unit = result.units()[u];
        auto& mark = diff.units[u];
        const auto origins = lineage.origins(model::at<UnitId>(u));
        const auto before = base.find_unit(unit.id);
        const bool kept = origins.size() == 1 && before && origins[0] == *before;
        if (!kept) {
            if (origins.empty()) {
                mark.added = true;
            } else if (origins.size() == 1 && result.find_unit(base[origins[0]].id)) {
                mark.split_from = base[origins[0]].id;  // the split unit lives on
            } else {
                for (const auto o : origins) mark.merged_from.emplace_back(base[o].id);
            }
            continue;
        }
        const auto& old = base[*before];
        const auto old_parent = old.parent ? std::string(base[*old.parent].id) : std::string();
        const auto parent = unit.parent ? std::string(result[*unit.parent].id) : std::string();
        if (old_parent != parent) {
            mark.moved = true;
            mark.moved_from = old_parent;
        }
        if (old.name != unit.name) mark.old_name = old.name;
    }

    for (std::size_t p = 0; p < base.posts().size(); ++p) {
        const auto& post = base.posts()[p];
        if (result.find_post(post.id)) continue;
        render::RemovedPost removed{std::string(post.id), std::string(post.title),
                                    std::string(base[post.unit].name)};
        if (const auto successor = lineage.post(model::at<PostId>(p))) {
            removed.under = *successor;
            removed.successor = result[*successor].id;
        } else if (post.reports_to) {
            removed.under = lineage.post(*post.reports_to);
        }
        diff.removed_posts.push_back(std::move(removed));
    }
    for (std::size_t u = 0; u < base.units().size(); ++u) {
        const auto id = model::at<UnitId>(u);
        const auto& unit = base.units()[u];
        if (result.find_unit(unit.id) || lineage.fate(id) == scenario::Lineage::Fate::Merged) {
            continue;  // kept, or drawn once as the unit it was merged into
        }
        render::RemovedUnit removed{std::string(unit.id), std::string(unit.name)};
        if (const auto went = lineage.unit(id)) {
            removed.under = *went;
            removed.went_to = result[*went].id;
        } else if (unit.parent) {
            removed.under = lineage.unit(*unit.parent);
        }
        diff.removed_units.push_back(std::move(removed));
    }
    return diff;
}

}  // namespace reorg::report
