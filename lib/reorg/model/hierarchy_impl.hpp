#pragma once
// Template definitions for hierarchy.hpp; include that header, not this one.
#include <algorithm>
#include <utility>

namespace reorg::model {

template <class Id>
template <class ParentOf>
Forest<Id> Forest<Id>::build(std::size_t size, ParentOf&& parent_of) {
    Forest forest;
    forest.offsets_.assign(size + 1, 0);
    std::vector<std::uint32_t> parents(size);
    constexpr std::uint32_t kNone = ~std::uint32_t{0};
    for (std::size_t i = 0; i < size; ++i) {
        const auto parent = parent_of(i);
        parents[i] = parent ? static_cast<std::uint32_t>(index(*parent)) : kNone;
        if (parent) {
            ++forest.offsets_[index(*parent) + 1];
        } else {
            forest.roots_.push_back(at<Id>(i));
        }
    }
    for (std::size_t i = 0; i < size; ++i) forest.offsets_[i + 1] += forest.offsets_[i];
    forest.children_.resize(forest.offsets_[size]);
    {
        std::vector<std::uint32_t> fill(forest.offsets_.begin(), forest.offsets_.end() - 1);
        for (std::size_t i = 0; i < size; ++i) {
            if (parents[i] != kNone) forest.children_[fill[parents[i]]++] = at<Id>(i);
        }
    }

    // Iterative depth-first walk from the roots: depth, pre-order and enter/leave times for
    // ancestor queries. Nodes on a cycle are never reached and keep depth 0.
    forest.depth_.assign(size, 0);
    forest.enter_.assign(size, 0);
    forest.leave_.assign(size, 0);
    forest.preorder_.reserve(size);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // node, next child offset
    std::uint32_t clock = 0;
    for (const Id root : forest.roots_) {
        const auto r = static_cast<std::uint32_t>(index(root));
        forest.depth_[r] = 1;
        forest.enter_[r] = clock++;
        forest.preorder_.push_back(root);
        stack.emplace_back(r, forest.offsets_[r]);
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next == forest.offsets_[node + 1]) {
                forest.leave_[node] = clock++;
                stack.pop_back();
                continue;
            }
            const auto child = static_cast<std::uint32_t>(index(forest.children_[next++]));
            forest.depth_[child] = forest.depth_[node] + 1;
            forest.enter_[child] = clock++;
            forest.preorder_.push_back(at<Id>(child));
            stack.emplace_back(child, forest.offsets_[child]);
        }
    }
    return forest;
}

template <class Id, class ParentOf>
std::vector<std::vector<Id>> parent_cycles(std::size_t size, ParentOf&& parent_of) {
    // Walk up from every node, stamping the nodes with the walk's number; meeting a node stamped
    // by the same walk closes a cycle.
    constexpr std::uint32_t kUnvisited = 0;
    std::vector<std::uint32_t> walk_of(size, kUnvisited);
    std::vector<std::vector<Id>> cycles;
    std::uint32_t walk = 0;
    for (std::size_t start = 0; start < size; ++start) {
        if (walk_of[start] != kUnvisited) continue;
        ++walk;
        std::size_t node = start;
        for (;;) {
            walk_of[node] = walk;
            const auto parent = parent_of(node);
            if (!parent) break;
            const std::size_t next = index(*parent);
            if (walk_of[next] == walk) {
                std::vector<Id> cycle{at<Id>(next)};
                for (std::size_t n = index(*parent_of(next)); n != next; n = index(*parent_of(n))) {
                    cycle.push_back(at<Id>(n));
                }
                std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()),
                            cycle.end());
                cycles.push_back(std::move(cycle));
                break;
            }
            if (walk_of[next] != kUnvisited) break;
            node = next;
        }
    }
    return cycles;
}

}  // namespace reorg::model
