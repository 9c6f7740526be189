#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "reorg/model/model.hpp"

/// The two forests of a model — posts by reporting line, units by parent — as compact child
/// lists, built once in O(n) and shared by validation, analyses and rendering.
namespace reorg::model {

/// A forest over dense ids 0..n-1 given each node's parent: children in CSR form, the roots,
/// each node's depth (1 for a root; 0 for nodes on or under a cycle) and a pre-order in which
/// every parent comes before its children.
template <class Id>
class Forest {
public:
    [[nodiscard]] std::span<const Id> children(Id id) const {
        const auto i = index(id);
        return std::span(children_).subspan(offsets_[i], offsets_[i + 1] - offsets_[i]);
    }
    [[nodiscard]] std::size_t child_count(Id id) const {
        return offsets_[index(id) + 1] - offsets_[index(id)];
    }
    [[nodiscard]] std::span<const Id> roots() const noexcept { return roots_; }
    /// 1 for a root, 2 for its children, ...; 0 where a cycle leaves the node without a root.
    [[nodiscard]] std::uint32_t depth(Id id) const { return depth_[index(id)]; }
    /// Parents before children; nodes on or under a cycle are missing.
    [[nodiscard]] std::span<const Id> preorder() const noexcept { return preorder_; }
    /// Whether `ancestor` lies on the path from `node` to its root (a node is its own ancestor).
    [[nodiscard]] bool is_ancestor(Id ancestor, Id node) const {
        const auto a = index(ancestor);
        const auto n = index(node);
        return depth_[n] != 0 && depth_[a] != 0 && enter_[a] <= enter_[n] && leave_[n] <= leave_[a];
    }
    [[nodiscard]] std::size_t size() const noexcept { return depth_.size(); }

    /// `parent_of(i)` gives node i's parent as optional<Id>.
    template <class ParentOf>
    static Forest build(std::size_t size, ParentOf&& parent_of);

private:
    std::vector<std::uint32_t> offsets_;
    std::vector<Id> children_;
    std::vector<Id> roots_;
    std::vector<std::uint32_t> depth_;
    std::vector<Id> preorder_;
    std::vector<std::uint32_t> enter_;
    std::vector<std::uint32_t> leave_;
};

/// Posts by reporting line: children() are a post's direct reports, depth() its layer. Built
/// once per model (Model::reporting_forest()); valid while the model, or a copy, lives.
[[nodiscard]] const ReportingForest& reporting_forest(const Model& model);
const ReportingForest& reporting_forest(const Model&&) = delete;

/// Units by parent: children() are a unit's sub-units. Built once per model, as above.
[[nodiscard]] const UnitForest& unit_forest(const Model& model);
const UnitForest& unit_forest(const Model&&) = delete;

/// The cycles among `parent` pointers (each node has at most one parent, so cycles are
/// disjoint), each listed from its lowest index in parent order. O(n).
template <class Id, class ParentOf>
[[nodiscard]] std::vector<std::vector<Id>> parent_cycles(std::size_t size, ParentOf&& parent_of);

}  // namespace reorg::model

#include "reorg/model/hierarchy_impl.hpp"
