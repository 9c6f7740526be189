#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"
#include "reorg/scenario/scenario.hpp"

/// Applying a scenario to a base model (SPEC §4): the resulting model, where every base unit and
/// post went (lineage), what each change touched, and the posts whose situation changed.
namespace reorg::scenario {

/// Where the base model's units and posts went. A kept element maps to itself (by id, in the
/// result); a merged unit to the unit it was merged into; a removed unit to its `posts_to`; a
/// removed post to its successor; followed through later changes (a successor removed in turn
/// maps to its own successor). Nothing, when an element was removed with no successor.
class Lineage {
public:
    /// How a base element left the model, if it did.
    enum class Fate : std::uint8_t { Kept, Merged, Removed };

    Lineage() = default;
    Lineage(std::vector<std::optional<model::UnitId>> units, std::vector<Fate> unit_fates,
            std::vector<std::optional<model::PostId>> posts, std::vector<Fate> post_fates,
            std::vector<std::vector<model::UnitId>> origins);

    /// The result's unit for base unit `base`.
    [[nodiscard]] std::optional<model::UnitId> unit(model::UnitId base) const {
        return units_[model::index(base)];
    }
    /// The result's post for base post `base`.
    [[nodiscard]] std::optional<model::PostId> post(model::PostId base) const {
        return posts_[model::index(base)];
    }
    /// A base reference followed to the result.
    [[nodiscard]] std::optional<model::Ref> follow(model::Ref base) const;

    [[nodiscard]] Fate fate(model::UnitId base) const { return unit_fates_[model::index(base)]; }
    [[nodiscard]] Fate fate(model::PostId base) const { return post_fates_[model::index(base)]; }

    /// The base units a result unit came from: itself when kept, the merged units of a merge,
    /// the split unit for a part of a split; empty for a unit the scenario added. Ascending.
    [[nodiscard]] std::span<const model::UnitId> origins(model::UnitId result) const {
        return origins_[model::index(result)];
    }

private:
    std::vector<std::optional<model::UnitId>> units_;
    std::vector<Fate> unit_fates_;
    std::vector<std::optional<model::PostId>> posts_;
    std::vector<Fate> post_fates_;
    std::vector<std::vector<model::UnitId>> origins_;  // per result unit
};

/// What one change touched of the base model (SPEC §4, "What a scenario touches"): the units,
/// posts and links it created, removed, moved, merged, renamed, re-parented, gave a new
/// reporting line or rerouted. Elements the scenario itself added are not listed: no finding
/// can name them. Each list ascending, without repeats.
struct Touched {
    std::vector<model::UnitId> units;
    std::vector<model::PostId> posts;
    std::vector<model::LinkId> links;
};

/// How a post's situation changed (SPEC §4, "Affected posts").
enum class PostChange : std::uint8_t { Added, Removed, Unit, Manager, Title, Holder };

/// "added", "removed", "unit", "manager", "title", "holder".
[[nodiscard]] std::string_view to_string(PostChange change) noexcept;

/// One change to one post: what changed, from what to what (ids: of units, of managers, of
/// people for holders; empty for none), and the 1-based index of the scenario change.
struct AffectedChange {
    std::string post;
    PostChange change = PostChange::Unit;
    std::string from;
    std::string to;
    std::size_t change_index = 0;
};

struct Applied {
    model::Model model;  ///< the result: a valid model
    Lineage lineage;
    std::vector<Touched> touched;  ///< per change, in order
    /// Every change to a post, in the order of the scenario's changes; a post may appear more
    /// than once (affected_posts() counts it once).
    std::vector<AffectedChange> affected;
    /// The result's structure warnings (vacant heads, ...), the first
    /// Diagnostics::kDefaultMaxListed of them, and the count of those beyond.
    std::vector<Diagnostic> warnings;
    std::size_t warnings_not_listed = 0;
};

/// Applies the changes in order to a copy of `base`, all or nothing. Throws InputError at the
/// scenario file's line of the first invalid change, "change N (kind): reason": an id that is
/// not in the model at that point, a new id already in use, a reporting or unit-parent cycle, a
/// removed post with reports and no successor, a removed unit with posts or sub-units and no
/// `posts_to`, a head outside its unit, a member_of to a unit that is no group. The result is
/// checked as any model is; an error there names the last change that touched the element.
/// O(base + Σ size of each change's effect); links at an element are found through an index
/// built on first need.
[[nodiscard]] Applied apply(const model::Model& base, const Scenario& scenario);

/// The number of distinct posts in `affected`.
[[nodiscard]] std::size_t affected_posts(std::span<const AffectedChange> affected);

}  // namespace reorg::scenario
