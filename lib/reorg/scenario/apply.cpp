#include "reorg/scenario/apply.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>

#include "reorg/base/text.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/model/condition.hpp"
#include "reorg/model/id_rules.hpp"
#include "reorg/model/validate.hpp"
#include "reorg/scenario/detail/position_lists.hpp"

namespace reorg::scenario {
namespace {

using detail::PositionLists;
using model::Link;
using model::LinkKind;
using model::Person;
using model::Post;
using model::PostId;
using model::Ref;
using model::Table;
using model::Unit;
using model::UnitId;
using model::UnitKind;

constexpr std::uint32_t kNone = ~std::uint32_t{0};

std::string id_text(std::string_view id) { return "'" + std::string(id) + "'"; }

std::uint32_t pos(auto id) { return static_cast<std::uint32_t>(model::index(id)); }
PostId post_at(std::uint32_t p) { return model::at<PostId>(p); }
UnitId unit_at(std::uint32_t u) { return model::at<UnitId>(u); }

void erase_value(std::vector<std::uint32_t>& list, std::uint32_t value) {
    const auto it = std::find(list.begin(), list.end(), value);
    if (it != list.end()) list.erase(it);
}

// A list of the draft's indexes as a vector of its own: to walk while the changes edit the list.
std::vector<std::uint32_t> copy(std::span<const std::uint32_t> list) {
    return {list.begin(), list.end()};
}

template <class Id>
void sort_unique(std::vector<Id>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

/// Links from which on a second thread is worth its start.
constexpr std::size_t kParallelLinks = 100'000;

// The model while the changes apply: the base's tables copied, elements removed by a flag and
// added at the end, so that a base element keeps its position (its base index) throughout.
// Indexes of what the changes ask about (reports, posts of a unit, sub-units, links at an
// element) are kept up to date as they change.
class Draft {
public:
    Draft(const model::Model& base, const Scenario& scenario)
        : base_(base), scenario_(scenario), text_(std::make_shared<base::TextArena>()) {
        // First, so that the second core gathers the named ends' links while this one copies.
        named_future_ = std::async(
            base.links().size() >= kParallelLinks ? std::launch::async : std::launch::deferred,
            [links = base.links()](NamedEnds named) {
                gather_links(named, links);
                return named;
            },
            named_ends(base, scenario));
        // Room for what the changes add, first: adding a post to a million must not copy them.
        std::size_t new_units = 0, new_posts = 0;
        for (const auto& change : scenario.changes) {
            if (std::holds_alternative<AddPost>(change.what)) ++new_posts;
            if (std::holds_alternative<AddUnit>(change.what)) ++new_units;
            if (const auto* split = std::get_if<SplitUnit>(&change.what)) {
                new_units += split->into.size();
            }
        }
        const auto units = base.units().size() + new_units;
        const auto posts = base.posts().size() + new_posts;
        for (auto* per_unit : {&unit_successor_, &unit_last_change_}) per_unit->reserve(units);
        for (auto* per_post : {&post_successor_, &post_last_change_}) per_post->reserve(posts);
        units_.reserve(units);
        unit_gone_.reserve(units);
        origins_.reserve(units);
        posts_.reserve(posts);
        post_gone_.reserve(posts);

        const auto& parts = base.parts();
        units_ = parts.units;
        posts_ = parts.posts;
        people_ = parts.people;
        unit_gone_.assign(units_.size(), 0);
        post_gone_.assign(posts_.size(), 0);
        link_state_.assign(base.links().size(), LinkState::Live);
        const auto of = [](const auto& id) -> std::optional<std::uint32_t> {
            if (id) return pos(*id);
            return std::nullopt;
        };
        reports_ = PositionLists(posts_.size(), posts_.size(),
                                 [&](std::size_t p) { return of(posts_[p].reports_to); });
        unit_posts_ = PositionLists(units_.size(), posts_.size(), [&](std::size_t p) {
            return std::optional(pos(posts_[p].unit));
        });
        sub_units_ = PositionLists(units_.size(), units_.size(),
                                   [&](std::size_t u) { return of(units_[u].parent); });
        headed_ = PositionLists(posts_.size(), units_.size(),
                                [&](std::size_t u) { return of(units_[u].head); });
        unit_successor_.assign(units_.size(), kNone);
        post_successor_.assign(posts_.size(), kNone);
        unit_fate_.assign(units_.size(), Lineage::Fate::Kept);
        post_fate_.assign(posts_.size(), Lineage::Fate::Kept);
        origins_.resize(units_.size());
        for (std::uint32_t u = 0; u < units_.size(); ++u) origins_[u] = {u};
        unit_last_change_.assign(units_.size(), 0);
        post_last_change_.assign(posts_.size(), 0);
        touched_.resize(scenario.changes.size());
    }

    void apply(const Change& change, std::size_t number) {
        number_ = number;
        line_ = change.line;
        kind_ = kind_name(change.what);
        std::visit([this](const auto& c) { run(c); }, change.what);
    }

    Applied finish() &&;

private:
    // ---- Failing ---------------------------------------------------------------------------

    [[noreturn]] void fail(const std::string& reason) const {
        throw InputError({scenario_.file, line_}, "change " + std::to_string(number_) + " (" +
                                                      std::string(kind_) + "): " + reason);
    }

    // ---- Looking ids up --------------------------------------------------------------------

    std::optional<std::uint32_t> find_unit(std::string_view id) const {
        if (const auto it = new_units_.find(id); it != new_units_.end()) return it->second;
        if (const auto u = base_.find_unit(id); u && !unit_gone_[pos(*u)]) return pos(*u);
        return std::nullopt;
    }
    std::optional<std::uint32_t> find_post(std::string_view id) const {
        if (const auto it = new_posts_.find(id); it != new_posts_.end()) return it->second;
        if (const auto p = base_.find_post(id); p && !post_gone_[pos(*p)]) return pos(*p);
        return std::nullopt;
    }

    std::uint32_t unit(std::string_view id, std::string_view field) const {
        if (id.empty()) fail(std::string(field) + " names no unit");
        if (const auto u = find_unit(id)) return *u;
        fail("no unit " + id_text(id) + " in the model (" + std::string(field) + ")");
    }
    std::uint32_t post(std::string_view id, std::string_view field) const {
        if (id.empty()) fail(std::string(field) + " names no post");
        if (const auto p = find_post(id)) return *p;
        fail("no post " + id_text(id) + " in the model (" + std::string(field) + ")");
    }
    std::optional<std::uint32_t> optional_unit(std::string_view id, std::string_view field) const {
        if (id.empty()) return std::nullopt;
        return unit(id, field);
    }
    std::optional<std::uint32_t> optional_post(std::string_view id, std::string_view field) const {
        if (id.empty()) return std::nullopt;
        return post(id, field);
    }
    std::uint32_t group(std::string_view id) const {
        const auto g = unit(id, "group");
        if (units_[g].kind != UnitKind::Group) {
            const std::string kind(model::to_string(units_[g].kind));
            const bool vowel = kind.find_first_of("aeiou") == 0;
            fail(id_text(id) + " is " + (vowel ? "an " : "a ") + kind + ", not a group");
        }
        return g;
    }

    void require_new_unit_id(std::string_view id) const {
        if (auto problem = model::id_problem(id, "the new unit's id")) fail(*problem);
        if (find_unit(id)) fail("a unit with id " + id_text(id) + " exists already");
    }
    void require_new_post_id(std::string_view id) const {
        if (auto problem = model::id_problem(id, "the new post's id")) fail(*problem);
        if (find_post(id)) fail("a post with id " + id_text(id) + " exists already");
    }

    std::string_view store(std::string_view text) { return text_->store(text); }

    // ---- Reading the draft -----------------------------------------------------------------

    std::string_view unit_id(std::optional<UnitId> u) const {
        return u ? units_[pos(*u)].id : std::string_view{};
    }
    std::string_view post_id(std::optional<PostId> p) const {
        return p ? posts_[pos(*p)].id : std::string_view{};
    }
    std::string_view person_id(std::optional<model::PersonId> p) const {
        return p ? people_[model::index(*p)].id : std::string_view{};
    }

    /// Whether unit `inner` is `outer` or lies below it.
    bool unit_within(std::uint32_t inner, std::uint32_t outer) const {
        for (std::optional<std::uint32_t> u = inner; u; u = parent_of(*u)) {
            if (*u == outer) return true;
        }
        return false;
    }
    std::optional<std::uint32_t> parent_of(std::uint32_t u) const {
        if (units_[u].parent) return pos(*units_[u].parent);
        return std::nullopt;
    }
    /// Whether post `lower` is `upper` or reports to it, directly or not.
    bool reports_within(std::uint32_t lower, std::uint32_t upper) const {
        for (std::optional<std::uint32_t> p = lower; p;) {
            if (*p == upper) return true;
            const auto& manager = posts_[*p].reports_to;
            p = manager ? std::optional(pos(*manager)) : std::nullopt;
        }
        return false;
    }

    // ---- Recording what a change does --------------------------------------------------------

    Touched& touched() { return touched_[number_ - 1]; }
    void touch_unit(std::uint32_t u) {
        if (u < base_.units().size()) touched().units.push_back(unit_at(u));
        if (u < unit_last_change_.size())
            unit_last_change_[u] = static_cast<std::uint32_t>(number_);
    }
    void touch_post(std::uint32_t p) {
        if (p < base_.posts().size()) touched().posts.push_back(post_at(p));
        if (p < post_last_change_.size())
            post_last_change_[p] = static_cast<std::uint32_t>(number_);
    }
    void touch_link(std::uint32_t l) {
        if (l < base_.links().size()) touched().links.push_back(model::at<model::LinkId>(l));
    }
    void affect(std::uint32_t p, PostChange change, std::string_view from, std::string_view to) {
        affected_.push_back(
            {std::string(posts_[p].id), change, std::string(from), std::string(to), number_});
    }

    // ---- Changing the draft, keeping its indexes ---------------------------------------------

    std::uint32_t add_unit_row(Unit unit) {
        const auto u = static_cast<std::uint32_t>(units_.size());
        units_.push_back(unit);
        unit_gone_.push_back(0);
        unit_posts_.add_owner();
        sub_units_.add_owner();
        unit_successor_.push_back(kNone);
        origins_.emplace_back();
        unit_last_change_.push_back(static_cast<std::uint32_t>(number_));
        new_units_[unit.id] = u;
        if (unit.parent) sub_units_.push_back(pos(*unit.parent), u);
        if (unit.head) headed_.push_back(pos(*unit.head), u);
        return u;
    }

    std::uint32_t add_post_row(Post post) {
        const auto p = static_cast<std::uint32_t>(posts_.size());
        posts_.push_back(post);
        post_gone_.push_back(0);
        reports_.add_owner();
        headed_.add_owner();
        post_successor_.push_back(kNone);
        post_last_change_.push_back(static_cast<std::uint32_t>(number_));
        new_posts_[post.id] = p;
        unit_posts_.push_back(pos(post.unit), p);
        if (post.reports_to) reports_.push_back(pos(*post.reports_to), p);
        return p;
    }

    std::optional<model::PersonId> person(std::string_view id) {
        if (id.empty()) return std::nullopt;
        if (const auto it = new_people_.find(id); it != new_people_.end()) {
            return model::at<model::PersonId>(it->second);
        }
        if (const auto p = base_.find_person(id)) return *p;
        // Someone the model does not list yet: a recruit, known by id.
        if (auto problem = model::id_problem(id, "the new person's id")) fail(*problem);
        const auto p = static_cast<std::uint32_t>(people_.size());
        people_.push_back({store(id), {}});
        new_people_[people_.back().id] = p;
        return model::at<model::PersonId>(p);
    }

    void set_unit(std::uint32_t p, std::uint32_t u) {
        const auto old = pos(posts_[p].unit);
        if (old == u) return;
        unit_posts_.erase(old, p);
        unit_posts_.push_back(u, p);
        affect(p, PostChange::Unit, units_[old].id, units_[u].id);
        posts_[p].unit = unit_at(u);
        touch_post(p);
    }

    void set_manager(std::uint32_t p, std::optional<std::uint32_t> manager) {
        const auto old = posts_[p].reports_to;
        if (old && manager && pos(*old) == *manager) return;
        if (!old && !manager) return;
        if (manager && reports_within(*manager, p)) {
            fail("reporting cycle: " + id_text(posts_[*manager].id) +
                 (*manager == p ? " would report to itself"
                                : " reports to " + id_text(posts_[p].id) + ", directly or not"));
        }
        if (old) reports_.erase(pos(*old), p);
        if (manager) reports_.push_back(*manager, p);
        affect(p, PostChange::Manager, post_id(old),
               manager ? posts_[*manager].id : std::string_view{});
        posts_[p].reports_to = manager ? std::optional(post_at(*manager)) : std::nullopt;
        touch_post(p);
    }

    void set_parent(std::uint32_t u, std::optional<std::uint32_t> parent) {
        const auto old = units_[u].parent;
        if (parent && unit_within(*parent, u)) {
            fail("unit-parent cycle: " + id_text(units_[*parent].id) +
                 (*parent == u ? " would be its own parent"
                               : " lies inside " + id_text(units_[u].id)));
        }
        if (old) sub_units_.erase(pos(*old), u);
        if (parent) sub_units_.push_back(*parent, u);
        units_[u].parent = parent ? std::optional(unit_at(*parent)) : std::nullopt;
        touch_unit(u);
    }

    void set_head(std::uint32_t u, std::optional<std::uint32_t> head) {
        if (const auto old = units_[u].head) headed_.erase(pos(*old), u);
        if (head) headed_.push_back(*head, u);
        units_[u].head = head ? std::optional(post_at(*head)) : std::nullopt;
        if (u < unit_last_change_.size())
            unit_last_change_[u] = static_cast<std::uint32_t>(number_);
    }

    void remove_unit_row(std::uint32_t u, std::optional<std::uint32_t> successor,
                         Lineage::Fate fate) {
        if (const auto parent = units_[u].parent) sub_units_.erase(pos(*parent), u);
        set_head(u, std::nullopt);
        unit_gone_[u] = 1;
        unit_successor_[u] = successor.value_or(kNone);
        if (u < unit_fate_.size()) unit_fate_[u] = fate;
        new_units_.erase(units_[u].id);
        touch_unit(u);
    }

    // ---- Links, read in place ----------------------------------------------------------------

    // The base's links are not copied: a link a change moves is copied into `moved_links_`
    // first, and links the scenario adds follow the base's in `added_links_`.
    enum class LinkState : char { Live, Gone, Moved };

    /// Link `l` as the changes left it.
    Link link(std::uint32_t l) const {
        const auto base_links = base_.links();
        if (l >= base_links.size()) return added_links_[l - base_links.size()];
        if (link_state_[l] == LinkState::Moved) return moved_links_.at(l);
        return base_links[l];
    }
    Link& edit_link(std::uint32_t l) {
        const auto base_links = base_.links();
        if (l >= base_links.size()) return added_links_[l - base_links.size()];
        if (link_state_[l] == LinkState::Live) link_state_[l] = LinkState::Moved;
        return moved_links_.try_emplace(l, base_links[l]).first->second;
    }
    /// Calls visit(l, link) for every link not removed among the links [first, last) (the
    /// base's, then the added ones), in order.
    template <class Visit>
    void each_live_link(std::size_t first, std::size_t last, Visit&& visit) const {
        const auto base_links = base_.links();
        for (auto l = static_cast<std::uint32_t>(first); l < std::min(last, base_links.size());
             ++l) {
            switch (link_state_[l]) {
                case LinkState::Live:
                    visit(l, base_links[l]);
                    break;
                case LinkState::Moved:
                    visit(l, moved_links_.at(l));
                    break;
                case LinkState::Gone:
                    break;
            }
        }
        for (auto l = static_cast<std::uint32_t>(std::max(first, base_links.size())); l < last;
             ++l) {
            if (link_state_[l] != LinkState::Gone) visit(l, added_links_[l - base_links.size()]);
        }
    }

    // ---- Links by end ------------------------------------------------------------------------

    // Only the ends the changes name are ever asked about (the posts removed, the units
    // merged or removed, the ends of rerouted, removed and member links: a change finds an end
    // by its id). Their base links are gathered in one pass over the links, on the second core
    // while the first changes apply (on first need, for a small model); an end the scenario did
    // not name would be looked for among all the base's links. A link added or moved since goes
    // into `later_at_*`.
    struct NamedEnds {
        std::vector<char> post, unit;  // per base post and unit: named by a change
        std::vector<std::pair<std::uint32_t, std::uint32_t>> at_post, at_unit;  // (end, link)
    };
    static NamedEnds named_ends(const model::Model& base, const Scenario& scenario) {
        NamedEnds named;
        named.post.assign(base.posts().size(), 0);
        named.unit.assign(base.units().size(), 0);
        const auto name = [&](const std::string& id) {
            if (const auto p = base.find_post(id)) named.post[model::index(*p)] = 1;
            if (const auto u = base.find_unit(id)) named.unit[model::index(*u)] = 1;
        };
        for (const auto& change : scenario.changes) {
            std::visit(
                [&](const auto& c) {
                    using C = std::decay_t<decltype(c)>;
                    if constexpr (std::is_same_v<C, Merge>) {
                        for (const auto& id : c.units) name(id);
                    } else if constexpr (std::is_same_v<C, RemoveUnit>) {
                        name(c.unit);
                    } else if constexpr (std::is_same_v<C, RemovePost> ||
                                         std::is_same_v<C, AddMember> ||
                                         std::is_same_v<C, RemoveMember>) {
                        name(c.post);
                    } else if constexpr (std::is_same_v<C, Reroute> ||
                                         std::is_same_v<C, RemoveLink>) {
                        name(c.from);
                    }
                },
                change.what);
        }
        return named;
    }
    static void gather_links(NamedEnds& named, const model::LinkTable& links) {
        for (std::uint32_t l = 0; l < links.size(); ++l) {
            const auto link = links.ends(l);
            for (const auto& end : {link.from, link.to}) {
                if (const auto* p = std::get_if<PostId>(&end)) {
                    if (named.post[pos(*p)]) named.at_post.emplace_back(pos(*p), l);
                } else if (named.unit[pos(std::get<UnitId>(end))]) {
                    named.at_unit.emplace_back(pos(std::get<UnitId>(end)), l);
                }
            }
        }
        std::sort(named.at_post.begin(), named.at_post.end());
        std::sort(named.at_unit.begin(), named.at_unit.end());
    }
    // Calls visit(l) for each base link that may end at `end` (a position among the draft's
    // posts, or its units); the caller checks the link's ends as the changes left them.
    template <class Visit>
    void each_base_link(bool post, std::uint32_t end, Visit&& visit) {
        if (!named_) named_ = named_future_.get();
        const auto& marked = post ? named_->post : named_->unit;
        if (end >= marked.size()) return;  // added by the scenario: no base links
        if (marked[end]) {
            const auto& arcs = post ? named_->at_post : named_->at_unit;
            const auto first = std::lower_bound(arcs.begin(), arcs.end(), std::pair(end, 0U));
            for (auto arc = first; arc != arcs.end() && arc->first == end; ++arc) {
                visit(arc->second);
            }
            return;
        }
        // Not named: every base link is a candidate (visit's caller keeps those ending here).
        for (std::uint32_t l = 0; l < base_.links().size(); ++l) visit(l);
    }
    void index_link(std::uint32_t l) {
        const auto ends = link(l);
        for (const auto& end : {ends.from, ends.to}) {
            if (const auto* p = std::get_if<PostId>(&end)) {
                later_at_post_[pos(*p)].push_back(l);
            } else {
                later_at_unit_[pos(std::get<UnitId>(end))].push_back(l);
            }
        }
    }
    /// The live links with an end at `end` (each once).
    std::vector<std::uint32_t> links_at(Ref end) {
        const auto* p = std::get_if<PostId>(&end);
        const auto at = p ? pos(*p) : pos(std::get<UnitId>(end));
        std::vector<std::uint32_t> found;
        const auto keep = [&](std::uint32_t l) {
            // Entries outlive reroutes: keep only links that still end here.
            if (link_state_[l] != LinkState::Gone && (link(l).from == end || link(l).to == end)) {
                found.push_back(l);
            }
        };
        each_base_link(p != nullptr, at, keep);
        const auto& later = p ? later_at_post_ : later_at_unit_;
        if (const auto it = later.find(at); it != later.end()) {
            for (const auto l : it->second) keep(l);
        }
        sort_unique(found);
        return found;
    }
    std::uint32_t add_link_row(Link added) {
        const auto l = static_cast<std::uint32_t>(link_state_.size());
        added_links_.push_back(added);
        link_state_.push_back(LinkState::Live);
        index_link(l);
        return l;
    }
    void remove_link_row(std::uint32_t l) {
        link_state_[l] = LinkState::Gone;
        touch_link(l);
    }
    /// Moves every end of `l` at `from` to `to`; a link whose ends meet is removed, and so is
    /// a membership that would end at a unit that is no group (a group merged or removed into
    /// an ordinary unit: its members are not members of that unit).
    void move_link_end(std::uint32_t l, Ref from, Ref to) {
        if (link(l).kind == LinkKind::MemberOf && link(l).to == from) {
            if (const auto* unit = std::get_if<UnitId>(&to);
                unit && units_[pos(*unit)].kind != UnitKind::Group) {
                remove_link_row(l);
                return;
            }
        }
        auto& moved = edit_link(l);
        if (moved.from == from) moved.from = to;
        if (moved.to == from) moved.to = to;
        touch_link(l);
        if (moved.from == moved.to) {
            link_state_[l] = LinkState::Gone;
            return;
        }
        index_link(l);
    }

    /// A link end: a post or a unit, as the kind allows (a post first where both may be).
    Ref link_end(std::string_view id, LinkKind kind, std::string_view field) const {
        const bool posts = kind != LinkKind::Serves;
        const bool units = kind == LinkKind::Serves || kind == LinkKind::Collaborates ||
                           (kind == LinkKind::MemberOf && field == "to");
        const bool post_end = posts && !(kind == LinkKind::MemberOf && field == "to");
        if (post_end) {
            if (const auto p = find_post(id)) return post_at(*p);
        }
        if (units) {
            if (const auto u = find_unit(id)) return unit_at(*u);
        }
        fail("no " +
             std::string(post_end && units ? "post or unit"
                         : post_end        ? "post"
                                           : "unit") +
             " " + id_text(id) + " in the model for a " + std::string(model::to_string(kind)) +
             " link (" + std::string(field) + ")");
    }
    Link checked_link(std::string_view from_id, std::string_view to_id, LinkKind kind,
                      std::optional<double> weight) {
        const auto from = link_end(from_id, kind, "from");
        const auto to = link_end(to_id, kind, "to");
        if (kind == LinkKind::Collaborates && from.index() != to.index()) {
            fail("a collaborates link joins two posts or two units, not a post and a unit");
        }
        if (kind == LinkKind::MemberOf) (void)group(to_id);
        if (from == to) fail("a link from " + id_text(from_id) + " to itself");
        if (weight && !(std::isfinite(*weight) && *weight >= 0)) {
            fail("the weight must be a number of at least 0");
        }
        return {from, to, kind, weight, {}};
    }
    std::vector<std::uint32_t> matching_links(const Link& wanted, bool weight_matters) {
        std::vector<std::uint32_t> found;
        for (const auto l : links_at(wanted.from)) {
            const auto& link = this->link(l);
            if (link.kind == wanted.kind && link.from == wanted.from && link.to == wanted.to &&
                (!weight_matters || link.weight == wanted.weight)) {
                found.push_back(l);
            }
        }
        return found;
    }

    // ---- The changes -----------------------------------------------------------------------

    void run(const Merge& c) {
        std::vector<std::uint32_t> merged;
        for (const auto& id : c.units) {
            const auto u = unit(id, "merge");
            if (std::find(merged.begin(), merged.end(), u) != merged.end()) {
                fail("unit " + id_text(id) + " is named twice");
            }
            merged.push_back(u);
        }
        if (merged.size() < 2) fail("a merge needs two or more units");
        require_new_unit_id(c.into.id);
        const auto parent = optional_unit(c.into.parent, "into.parent");
        if (parent) {
            for (const auto u : merged) {
                if (unit_within(*parent, u)) {
                    fail("the new parent " + id_text(c.into.parent) +
                         " is one of the merged units "
                         "or lies inside one");
                }
            }
        }
        const auto head = post(c.head, "head");
        if (std::find(merged.begin(), merged.end(), pos(posts_[head].unit)) == merged.end()) {
            fail("the head " + id_text(c.head) + " is not a post of the merged units");
        }

        std::optional<double> capacity;
        for (const auto u : merged) {
            if (units_[u].capacity) capacity = capacity.value_or(0) + *units_[u].capacity;
        }
        const auto n = add_unit_row({store(c.into.id), store(c.into.name),
                                     c.into.kind.value_or(units_[merged.front()].kind),
                                     parent ? std::optional(unit_at(*parent)) : std::nullopt,
                                     post_at(head), capacity});
        for (const auto u : merged) {
            for (const auto o : origins_[u]) origins_[n].push_back(o);
        }
        sort_unique(origins_[n]);

        for (const auto u : merged) {
            for (const auto p : copy(unit_posts_[u])) set_unit(p, n);
            for (const auto child : copy(sub_units_[u])) set_parent(child, n);
            for (const auto l : links_at(unit_at(u))) move_link_end(l, unit_at(u), unit_at(n));
        }
        for (const auto u : merged) {
            const auto old_head = units_[u].head;
            if (old_head && pos(*old_head) != head) set_manager(pos(*old_head), head);
        }
        for (const auto u : merged) remove_unit_row(u, n, Lineage::Fate::Merged);
    }

    void run(const SplitUnit& c) {
        const auto u = unit(c.unit, "unit");
        if (c.into.empty()) fail("the split names no new unit");
        std::set<std::string_view> new_ids;
        std::set<std::uint32_t> listed;
        for (const auto& part : c.into) {
            require_new_unit_id(part.id);
            if (!new_ids.insert(part.id).second)
                fail("the new unit " + id_text(part.id) + " is named twice");
            for (const auto& id : part.posts) {
                const auto p = post(id, "posts");
                if (pos(posts_[p].unit) != u) {
                    fail("post " + id_text(id) + " is not in " + id_text(c.unit) + " (it is in " +
                         id_text(units_[pos(posts_[p].unit)].id) + ")");
                }
                if (!listed.insert(p).second) fail("post " + id_text(id) + " is listed twice");
            }
            if (!part.head.empty() &&
                std::find(part.posts.begin(), part.posts.end(), part.head) == part.posts.end()) {
                fail("the head " + id_text(part.head) + " of " + id_text(part.id) +
                     " is not one of its posts");
            }
        }
        const auto head_of_split = units_[u].head;
        for (const auto& part : c.into) {
            const auto head = optional_post(part.head, "head");
            auto parent = units_[u].parent;
            if (part.parent) {
                const auto p = optional_unit(*part.parent, "parent");
                parent = p ? std::optional(unit_at(*p)) : std::nullopt;
            }
            const auto n = add_unit_row(
                {store(part.id), store(part.name), part.kind.value_or(units_[u].kind), parent,
                 head ? std::optional(post_at(*head)) : std::nullopt, std::nullopt});
            origins_[n] = origins_[u];
            for (const auto& id : part.posts) set_unit(post(id, "posts"), n);
        }
        if (head_of_split && listed.contains(pos(*head_of_split))) set_head(u, std::nullopt);
    }

    void run(const AddUnit& c) {
        require_new_unit_id(c.id);
        const auto parent = optional_unit(c.parent, "parent");
        const auto head = optional_post(c.head, "head");
        if (c.capacity && !(std::isfinite(*c.capacity) && *c.capacity >= 0)) {
            fail("the capacity must be a number of at least 0");
        }
        (void)add_unit_row({store(c.id), store(c.name), c.kind,
                            parent ? std::optional(unit_at(*parent)) : std::nullopt,
                            head ? std::optional(post_at(*head)) : std::nullopt, c.capacity});
    }

    void run(const RemoveUnit& c) {
        const auto u = unit(c.unit, "unit");
        const auto target = optional_unit(c.posts_to, "posts_to");
        if (!target && (!unit_posts_[u].empty() || !sub_units_[u].empty())) {
            fail("unit " + id_text(c.unit) + " has " + std::to_string(unit_posts_[u].size()) +
                 " posts and " + std::to_string(sub_units_[u].size()) +
                 " sub-units: name the unit that receives them (posts_to)");
        }
        if (target && unit_within(*target, u)) {
            fail("posts_to " + id_text(c.posts_to) + " is the removed unit or lies inside it");
        }
        if (target) {
            for (const auto p : copy(unit_posts_[u])) set_unit(p, *target);
            for (const auto child : copy(sub_units_[u])) set_parent(child, *target);
        }
        for (const auto l : links_at(unit_at(u))) {
            if (target) {
                move_link_end(l, unit_at(u), unit_at(*target));
            } else {
                remove_link_row(l);
            }
        }
        remove_unit_row(u, target, Lineage::Fate::Removed);
    }

    void run(const RenameUnit& c) {
        const auto u = unit(c.unit, "unit");
        if (c.name.empty()) fail("the new name is empty");
        units_[u].name = store(c.name);
        touch_unit(u);
    }

    void run(const MoveUnit& c) {
        const auto u = unit(c.unit, "unit");
        set_parent(u, optional_unit(c.parent, "parent"));
    }

    void run(const AddPost& c) {
        require_new_post_id(c.id);
        const auto u = unit(c.unit, "unit");
        const auto manager = optional_post(c.reports_to, "reports_to");
        if (!(std::isfinite(c.fte) && c.fte >= 0)) fail("fte must be a number of at least 0");
        if (!(std::isfinite(c.cost) && c.cost >= 0)) fail("cost must be a number of at least 0");
        Post post;
        post.id = store(c.id);
        post.title = store(c.title);
        post.function = store(c.function);
        post.unit = unit_at(u);
        post.reports_to = manager ? std::optional(post_at(*manager)) : std::nullopt;
        post.fte = c.fte;
        post.cost = c.cost;
        post.person = person(c.person);
        const auto p = add_post_row(post);
        affect(p, PostChange::Added, {}, units_[u].id);
    }

    void run(const RemovePost& c) {
        const auto p = post(c.post, "post");
        const auto successor = optional_post(c.successor, "successor");
        if (successor && *successor == p) fail("a post cannot be its own successor");
        auto reports = copy(reports_[p]);
        if (!successor && !reports.empty()) {
            fail("post " + id_text(c.post) + " has " + std::to_string(reports.size()) +
                 " direct reports: name the successor who takes them over");
        }
        const auto headed = copy(headed_[p]);
        for (const auto u : headed) {
            if (successor && pos(posts_[*successor].unit) != u) {
                fail("post " + id_text(c.post) + " heads " + id_text(units_[u].id) +
                     ", so its successor must be in that unit (" + id_text(c.successor) +
                     " is in " + id_text(units_[pos(posts_[*successor].unit)].id) + ")");
            }
        }
        if (successor) {
            // A successor who reported to the removed post takes over its place above too.
            if (posts_[*successor].reports_to && pos(*posts_[*successor].reports_to) == p) {
                const auto& above = posts_[p].reports_to;
                set_manager(*successor, above ? std::optional(pos(*above)) : std::nullopt);
                erase_value(reports, *successor);
            }
            for (const auto r : reports) set_manager(r, *successor);
        }
        for (const auto u : headed) set_head(u, successor);
        for (const auto l : links_at(post_at(p))) remove_link_row(l);

        affect(p, PostChange::Removed, units_[pos(posts_[p].unit)].id,
               successor ? posts_[*successor].id : std::string_view{});
        if (const auto manager = posts_[p].reports_to) reports_.erase(pos(*manager), p);
        unit_posts_.erase(pos(posts_[p].unit), p);
        post_gone_[p] = 1;
        post_successor_[p] = successor.value_or(kNone);
        if (p < post_fate_.size()) post_fate_[p] = Lineage::Fate::Removed;
        new_posts_.erase(posts_[p].id);
        touch_post(p);
    }

    void run(const MovePost& c) {
        const auto p = post(c.post, "post");
        const auto u = unit(c.unit, "unit");
        set_unit(p, u);
        if (c.reports_to) set_manager(p, optional_post(*c.reports_to, "reports_to"));
    }

    void run(const SetReportsTo& c) {
        const auto p = post(c.post, "post");
        set_manager(p, optional_post(c.reports_to, "reports_to"));
    }

    void run(const VacatePost& c) {
        const auto p = post(c.post, "post");
        if (!posts_[p].person) fail("post " + id_text(c.post) + " is vacant already");
        affect(p, PostChange::Holder, person_id(posts_[p].person), {});
        posts_[p].person.reset();
    }

    void run(const FillPost& c) {
        const auto p = post(c.post, "post");
        if (c.person.empty()) fail("name the person who fills the post");
        const auto holder = person(c.person);
        if (posts_[p].person == holder)
            fail("post " + id_text(c.post) + " is held by them already");
        affect(p, PostChange::Holder, person_id(posts_[p].person), person_id(holder));
        posts_[p].person = holder;
    }

    void run(const AddLink& c) { (void)add_link_row(checked_link(c.from, c.to, c.kind, c.weight)); }

    void run(const RemoveLink& c) {
        const auto wanted = checked_link(c.from, c.to, c.kind, c.weight);
        const auto found = matching_links(wanted, c.weight.has_value());
        if (found.empty()) {
            fail("no " + std::string(model::to_string(c.kind)) + " link from " + id_text(c.from) +
                 " to " + id_text(c.to));
        }
        for (const auto l : found) remove_link_row(l);
    }

    void run(const Reroute& c) {
        const bool posts = c.kind != LinkKind::Serves;
        const bool units = c.kind == LinkKind::Serves || c.kind == LinkKind::Collaborates ||
                           c.kind == LinkKind::MemberOf;
        const auto end = [&](std::string_view id, std::string_view field) -> Ref {
            if (posts) {
                if (const auto p = find_post(id)) return post_at(*p);
            }
            if (units) {
                if (const auto u = find_unit(id)) return unit_at(*u);
            }
            fail("no post or unit " + id_text(id) + " in the model (" + std::string(field) + ")");
        };
        const auto from = end(c.from, "from");
        const auto to = end(c.to, "to");
        if (from.index() != to.index()) fail("reroute from a post to a post, or a unit to a unit");
        if (c.kind == LinkKind::MemberOf && std::holds_alternative<UnitId>(to)) (void)group(c.to);
        std::size_t moved = 0;
        for (const auto l : links_at(from)) {
            const auto& link = this->link(l);
            if (link.kind != c.kind) continue;
            const auto other = link.from == from ? link.to : link.from;
            if (other == to) {
                // Moved, the link would run from `to` to itself: say so rather than lose it.
                fail("the " + std::string(model::to_string(c.kind)) + " link between " +
                     id_text(c.from) + " and " + id_text(c.to) + " would join " + id_text(c.to) +
                     " to itself; remove it first");
            }
            move_link_end(l, from, to);
            ++moved;
        }
        if (moved == 0) {
            fail("no " + std::string(model::to_string(c.kind)) + " link at " + id_text(c.from));
        }
    }

    void run(const AddMember& c) {
        const auto p = post(c.post, "post");
        const auto g = group(c.group);
        const Link member{post_at(p), unit_at(g), LinkKind::MemberOf, std::nullopt, {}};
        if (!matching_links(member, false).empty()) {
            fail(id_text(c.post) + " is a member of " + id_text(c.group) + " already");
        }
        (void)add_link_row(member);
    }

    void run(const RemoveMember& c) {
        const auto p = post(c.post, "post");
        const auto g = group(c.group);
        const auto found =
            matching_links({post_at(p), unit_at(g), LinkKind::MemberOf, std::nullopt, {}}, false);
        if (found.empty()) fail(id_text(c.post) + " is no member of " + id_text(c.group));
        for (const auto l : found) remove_link_row(l);
    }

    // ---- State -----------------------------------------------------------------------------

    const model::Model& base_;
    const Scenario& scenario_;
    // A finding's check with its ids followed through lineage into the result (exists() keeps
    // its id: it asks about the id itself). Empty, with a warning, when an id it names left the
    // model with nothing in its place.
    template <class ResultRef>
    std::string_view follow_check(const model::Finding& finding, const ResultRef& result_ref,
                                  const model::ModelParts& parts) {
        auto condition = model::parse_condition(finding.check);
        const auto in_base = check::ids_in(base_);
        std::string gone;
        model::rename_ids(condition, [&](std::string_view id, model::CheckFunction function,
                                         std::size_t argument) {
            if (function == model::CheckFunction::Exists) return std::string(id);
            const auto ref = in_base(id, model::argument_kind(function, argument));
            const auto to = ref ? result_ref(*ref) : std::nullopt;
            if (!to) {
                if (gone.empty()) gone = id;
                return std::string(id);
            }
            if (const auto* u = std::get_if<UnitId>(&*to)) {
                return std::string(parts.units[model::index(*u)].id);
            }
            return std::string(parts.posts[model::index(std::get<PostId>(*to))].id);
        });
        if (!gone.empty()) {
            dropped_checks_.push_back("finding " + id_text(finding.id) + ": its check no longer " +
                                      "applies: " + id_text(gone) +
                                      " left the model with nothing in its place");
            return {};
        }
        return store(model::to_string(condition));
    }

    std::vector<std::string> dropped_checks_;
    std::shared_ptr<base::TextArena> text_;

    std::vector<Unit> units_;
    std::vector<Post> posts_;
    std::vector<Person> people_;
    std::vector<Link> added_links_;
    std::unordered_map<std::uint32_t, Link> moved_links_;
    std::vector<LinkState> link_state_;  // per link, the base's and then the added ones
    std::vector<char> unit_gone_, post_gone_;
    // Ids the scenario added (base ids are found through the base model's index).
    std::unordered_map<std::string_view, std::uint32_t> new_units_, new_posts_, new_people_;

    PositionLists reports_;     // per post: its direct reports
    PositionLists unit_posts_;  // per unit: its own posts
    PositionLists sub_units_;   // per unit: its children
    PositionLists headed_;      // per post: the units it heads
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> later_at_post_, later_at_unit_;
    std::optional<NamedEnds> named_;

    std::vector<std::uint32_t> unit_successor_, post_successor_;  // where a removed one went
    std::vector<Lineage::Fate> unit_fate_, post_fate_;            // base elements only
    std::vector<std::vector<std::uint32_t>> origins_;             // per unit: base units

    std::vector<std::uint32_t> unit_last_change_, post_last_change_;
    std::vector<Touched> touched_;
    std::vector<AffectedChange> affected_;

    std::size_t number_ = 0;  // 1-based number of the change being applied
    std::uint32_t line_ = 0;
    std::string_view kind_;
    // Last: it reads the base's links and is waited for before anything else is destroyed.
    std::future<NamedEnds> named_future_;
};

Applied Draft::finish() && {
    // Positions in the result: the live elements in draft order.
    const auto renumber = [](const std::vector<char>& gone) {
        std::vector<std::uint32_t> at(gone.size(), kNone);
        std::uint32_t next = 0;
        for (std::size_t i = 0; i < gone.size(); ++i) {
            if (!gone[i]) at[i] = next++;
        }
        return at;
    };
    const auto unit_at_result = renumber(unit_gone_);
    const auto post_at_result = renumber(post_gone_);
    // Where each draft element is in the result: its own position, or for a removed one its
    // successor's (followed through successors removed in turn); kNone when none is left.
    const auto place = [](const std::vector<char>& gone,
                          const std::vector<std::uint32_t>& successor,
                          const std::vector<std::uint32_t>& at_result) {
        std::vector<std::uint32_t> at(gone.size());
        for (std::uint32_t i = 0; i < gone.size(); ++i) {
            auto live = i;
            for (std::size_t steps = 0; live != kNone && gone[live] && steps <= gone.size();
                 ++steps) {
                live = successor[live];
            }
            at[i] = live != kNone && !gone[live] ? at_result[live] : kNone;
        }
        return at;
    };
    const auto unit_place = place(unit_gone_, unit_successor_, unit_at_result);
    const auto post_place = place(post_gone_, post_successor_, post_at_result);
    const auto result_unit = [&](UnitId u) { return unit_at(unit_at_result[pos(u)]); };
    const auto result_post = [&](PostId p) { return post_at(post_at_result[pos(p)]); };
    const auto result_ref = [&](Ref ref) -> std::optional<Ref> {
        if (const auto* p = std::get_if<PostId>(&ref)) {
            const auto at = post_place[pos(*p)];
            if (at == kNone) return std::nullopt;
            return post_at(at);
        }
        const auto at = unit_place[pos(std::get<UnitId>(ref))];
        if (at == kNone) return std::nullopt;
        return unit_at(at);
    };

    // The links are most of a large model: the second core carries the first half of them
    // over while this one carries the other tables and then the second half. (A live link ends
    // at live elements: removing an element removed or moved its links.) They are made as
    // columns: a third of the memory of rows, and of the time to fill it.
    struct CarriedLinks {
        model::LinkColumnsBuilder links;
        std::vector<std::uint32_t> rows;  // base row of each kept link, kNone for new ones
    };
    // `room`: the links the part will hold, with what is appended to it.
    const auto carry_links = [&](std::size_t first, std::size_t last, std::size_t room) {
        CarriedLinks carried;
        carried.links.reserve(room);
        carried.rows.reserve(room);
        const auto base_links = base_.links().size();
        each_live_link(first, last, [&](std::uint32_t l, Link link) {
            link.from = *result_ref(link.from);
            link.to = *result_ref(link.to);
            carried.links.push_back(link);
            carried.rows.push_back(l < base_links ? l : kNone);
        });
        return carried;
    };
    const auto half = link_state_.size() >= kParallelLinks ? link_state_.size() / 2 : 0;
    // The first half has room for the second, appended to it: no copy of a grown column.
    auto first_half = std::async(half > 0 ? std::launch::async : std::launch::deferred, carry_links,
                                 0, half, link_state_.size());
    model::ModelParts parts;
    parts.storage = base_.parts().storage;
    parts.storage.push_back(text_);
    parts.units.reserve(units_.size());
    for (std::uint32_t u = 0; u < units_.size(); ++u) {
        if (unit_gone_[u]) continue;
        auto unit = units_[u];
        if (unit.parent) unit.parent = result_unit(*unit.parent);
        if (unit.head) unit.head = result_post(*unit.head);
        parts.units.push_back(unit);
    }
    // Nothing reads the draft's posts and people from here on: compact them in place.
    std::size_t live_posts = 0;
    for (std::uint32_t p = 0; p < posts_.size(); ++p) {
        if (post_gone_[p]) continue;
        auto& post = posts_[live_posts++];
        post = posts_[p];
        post.unit = result_unit(post.unit);
        if (post.reports_to) post.reports_to = result_post(*post.reports_to);
    }
    posts_.resize(live_posts);
    parts.posts = std::move(posts_);
    const auto people = people_.size();
    parts.people = std::move(people_);
    // Findings keep naming what they are about, through lineage; what left without a
    // successor drops out of `about`.
    for (const auto& finding : base_.findings()) {
        auto kept = finding;
        kept.about.clear();
        for (const auto ref : finding.about) {
            if (const auto to = result_ref(ref)) {
                if (std::find(kept.about.begin(), kept.about.end(), *to) == kept.about.end()) {
                    kept.about.push_back(*to);
                }
            }
        }
        if (!finding.check.empty()) kept.check = follow_check(finding, result_ref, parts);
        parts.findings.push_back(std::move(kept));
    }
    // Unknown columns of the base files stay with their rows; new rows have them empty.
    const auto carry_extra = [&](Table table, const std::vector<char>& gone, std::size_t base_rows,
                                 const std::vector<std::uint32_t>* rows) {
        const auto& extra = base_.extra(table);
        auto& out = parts.extra[static_cast<std::size_t>(table)];
        out.names = extra.names;
        if (extra.names.empty()) return;
        const auto add = [&](std::size_t row) {
            if (row < base_rows) {
                const auto values = extra.row(row);
                out.values.insert(out.values.end(), values.begin(), values.end());
            } else {
                out.values.insert(out.values.end(), extra.names.size(), std::string_view{});
            }
        };
        if (rows != nullptr) {
            for (const auto row : *rows) add(row == kNone ? base_rows : row);
        } else {
            for (std::size_t i = 0; i < gone.size(); ++i) {
                if (!gone[i]) add(i);
            }
        }
    };
    carry_extra(Table::Units, unit_gone_, base_.units().size(), nullptr);
    carry_extra(Table::Posts, post_gone_, base_.posts().size(), nullptr);
    for (const auto table : {Table::People, Table::Findings}) {
        const auto& extra = base_.extra(table);
        auto& out = parts.extra[static_cast<std::size_t>(table)];
        out = extra;
        if (!extra.names.empty() && table == Table::People) {
            out.values.resize(people * extra.names.size());
        }
    }
    auto second_half = carry_links(half, link_state_.size(), link_state_.size() - half);
    auto carried = first_half.get();
    carried.links.append(std::move(second_half.links));
    carried.rows.insert(carried.rows.end(), second_half.rows.begin(), second_half.rows.end());
    parts.storage.push_back(std::move(carried.links).finish(parts.link_columns));
    carry_extra(Table::Links, {}, base_.links().size(), &carried.rows);

    Applied applied;
    // Unique ids by construction: a new id was refused when in use, a recruit added once.
    applied.model = model::Model(std::move(parts), model::IdCheck::Done);

    for (auto& dropped : dropped_checks_) {
        applied.warnings.push_back(
            {Severity::Warning, {scenario_.file}, "after the changes: " + std::move(dropped)});
    }
    // The result must be a valid model: an error names the last change that touched the row.
    // A check whose ids now name the wrong kind (a group merged into an office) no longer
    // applies: it is dropped with a warning, as one whose id left the model.
    std::vector<std::uint32_t> stale_checks;
    for (const auto& issue :
         model::check_structure(applied.model, Diagnostics::kDefaultMaxListed)) {
        const auto& result = applied.model;
        if (issue.severity == Severity::Warning) {
            if (issue.message.empty()) {
                ++applied.warnings_not_listed;
            } else {
                applied.warnings.push_back(
                    {Severity::Warning, {scenario_.file}, "after the changes: " + issue.message});
            }
            continue;
        }
        if (issue.table == Table::Findings) {
            if (issue.severity == Severity::Error) {
                stale_checks.push_back(issue.row);
                applied.warnings.push_back({Severity::Warning,
                                            {scenario_.file},
                                            "after the changes: finding " +
                                                id_text(result.findings()[issue.row].id) +
                                                ": its check no longer applies: " + issue.message});
            }
            continue;
        }
        std::string_view id;
        std::uint32_t change = 0;
        if (issue.table == Table::Units) {
            id = result.units()[issue.row].id;
            if (const auto u = find_unit(id)) {
                change = unit_last_change_[*u];
                // A head outside its unit: the change that moved the head away counts too.
                if (const auto head = units_[*u].head) {
                    change = std::max(change, post_last_change_[pos(*head)]);
                }
            }
        } else if (issue.table == Table::Posts) {
            id = result.posts()[issue.row].id;
            if (const auto p = find_post(id)) change = post_last_change_[*p];
        }
        const std::string what = issue.table == Table::Links
                                     ? "a link: " + issue.message
                                     : (issue.table == Table::Units ? "unit " : "post ") +
                                           id_text(id) + ": " + issue.message;
        if (change == 0) {
            throw InputError({scenario_.file}, "after the changes: " + what);
        }
        const auto& at = scenario_.changes[change - 1];
        throw InputError({scenario_.file, at.line}, "change " + std::to_string(change) + " (" +
                                                        std::string(kind_name(at.what)) +
                                                        "): " + what);
    }

    if (!stale_checks.empty()) {
        auto cleared = applied.model.parts();
        for (const auto row : stale_checks) cleared.findings[row].check = {};
        applied.model = model::Model(std::move(cleared));
    }

    // Lineage, in the result's ids.
    std::vector<std::optional<UnitId>> units(base_.units().size());
    for (std::uint32_t u = 0; u < units.size(); ++u) {
        if (unit_place[u] != kNone) units[u] = unit_at(unit_place[u]);
    }
    std::vector<std::optional<PostId>> posts(base_.posts().size());
    for (std::uint32_t p = 0; p < posts.size(); ++p) {
        if (post_place[p] != kNone) posts[p] = post_at(post_place[p]);
    }
    std::vector<std::vector<UnitId>> origins(applied.model.units().size());
    for (std::uint32_t u = 0; u < units_.size(); ++u) {
        if (unit_gone_[u]) continue;
        for (const auto o : origins_[u]) origins[unit_at_result[u]].push_back(unit_at(o));
    }
    applied.lineage = Lineage(std::move(units), std::move(unit_fate_), std::move(posts),
                              std::move(post_fate_), std::move(origins));

    for (auto& touched : touched_) {
        sort_unique(touched.units);
        sort_unique(touched.posts);
        sort_unique(touched.links);
    }
    applied.touched = std::move(touched_);
    applied.affected = std::move(affected_);
    return applied;
}

}  // namespace

Lineage::Lineage(std::vector<std::optional<model::UnitId>> units, std::vector<Fate> unit_fates,
                 std::vector<std::optional<model::PostId>> posts, std::vector<Fate> post_fates,
                 std::vector<std::vector<model::UnitId>> origins)
    : units_(std::move(units)),
      unit_fates_(std::move(unit_fates)),
      posts_(std::move(posts)),
      post_fates_(std::move(post_fates)),
      origins_(std::move(origins)) {}

std::optional<model::Ref> Lineage::follow(model::Ref base) const {
    if (const auto* p = std::get_if<model::PostId>(&base)) {
        if (const auto to = post(*p)) return *to;
        return std::nullopt;
    }
    if (const auto to = unit(std::get<model::UnitId>(base))) return *to;
    return std::nullopt;
}

std::string_view to_string(PostChange change) noexcept {
    switch (change) {
        case PostChange::Added:
            return "added";
        case PostChange::Removed:
            return "removed";
        case PostChange::Unit:
            return "unit";
        case PostChange::Manager:
            return "manager";
        case PostChange::Title:
            return "title";
        case PostChange::Holder:
            return "holder";
    }
    return {};
}

Applied apply(const model::Model& base, const Scenario& scenario) {
    Draft draft(base, scenario);
    for (std::size_t i = 0; i < scenario.changes.size(); ++i) {
        draft.apply(scenario.changes[i], i + 1);
    }
    return std::move(draft).finish();
}

std::size_t affected_posts(std::span<const AffectedChange> affected) {
    std::set<std::string_view> posts;
    for (const auto& change : affected) posts.insert(change.post);
    return posts.size();
}

}  // namespace reorg::scenario
