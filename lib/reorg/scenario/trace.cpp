#include "reorg/scenario/trace.hpp"

#include <algorithm>
#include <variant>

#include "reorg/base/error.hpp"

namespace reorg::scenario {
namespace {

using model::FindingId;
using model::FindingKind;

// Which findings name each post and each unit in their `about`.
struct FindingsAbout {
    explicit FindingsAbout(const model::Model& model)
        : post(model.posts().size()), unit(model.units().size()) {
        for (std::size_t f = 0; f < model.findings().size(); ++f) {
            const auto id = model::at<FindingId>(f);
            for (const auto ref : model.findings()[f].about) {
                if (const auto* p = std::get_if<model::PostId>(&ref)) {
                    post[model::index(*p)].push_back(id);
                } else {
                    unit[model::index(std::get<model::UnitId>(ref))].push_back(id);
                }
            }
        }
    }
    std::vector<std::vector<FindingId>> post;
    std::vector<std::vector<FindingId>> unit;
};

void sort_unique(std::vector<FindingId>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

Traceability trace(const model::Model& base, const Scenario& scenario, const Applied& applied) {
    Traceability result;
    const FindingsAbout about(base);
    for (const auto& touched : applied.touched) {
        std::vector<FindingId> findings;
        const auto add = [&](const std::vector<FindingId>& more) {
            findings.insert(findings.end(), more.begin(), more.end());
        };
        for (const auto u : touched.units) add(about.unit[model::index(u)]);
        for (const auto p : touched.posts) {
            add(about.post[model::index(p)]);
            add(about.unit[model::index(base[p].unit)]);  // the unit that held the post
        }
        sort_unique(findings);
        result.touched.insert(result.touched.end(), findings.begin(), findings.end());
        if (findings.empty()) {
            result.changes_without_problem.push_back(result.findings_of_change.size() + 1);
        }
        result.findings_of_change.push_back(std::move(findings));
    }
    sort_unique(result.touched);
    for (const auto f : result.touched) {
        const auto kind = base[f].kind;
        if (kind == FindingKind::DoesntWork) result.addressed.push_back(f);
        if (kind == FindingKind::Works) result.at_risk.push_back(f);
    }
    for (const auto& id : scenario.addresses) {
        const auto finding = base.find_finding(id);
        if (!finding) {
            throw InputError({scenario.file, scenario.addresses_line, "addresses"},
                             "no finding '" + id + "' in the model");
        }
        if (!std::binary_search(result.touched.begin(), result.touched.end(), *finding)) {
            result.declared_not_touched.push_back(id);
        }
    }
    return result;
}

std::vector<FindingId> unaddressed(const model::Model& base,
                                   std::span<const Traceability> scenarios) {
    std::vector<FindingId> result;
    for (std::size_t f = 0; f < base.findings().size(); ++f) {
        const auto id = model::at<FindingId>(f);
        if (base[id].kind != FindingKind::DoesntWork) continue;
        const bool addressed = std::any_of(scenarios.begin(), scenarios.end(), [&](const auto& s) {
            return std::binary_search(s.addressed.begin(), s.addressed.end(), id);
        });
        if (!addressed) result.push_back(id);
    }
    return result;
}

}  // namespace reorg::scenario
