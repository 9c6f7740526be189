#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

/// A tidy layout for org charts of any size: Walker's algorithm in the linear-time form of
/// Buchheim, Jünger and Leipert, with the leaf reports of wide managers stacked in compact
/// columns, and orthogonal connectors. Graphviz then only draws (neato -n2); its own `dot`
/// layout takes minutes on tens of thousands of posts.
namespace reorg::render {

/// A point in points (1/72 inch); y grows downwards, from the top of the chart.
struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct TidyOptions {
    double node_width = 150;  ///< every box is this wide...
    double node_height = 56;  ///< ...and this high
    double sibling_gap = 16;  ///< horizontal space between neighbouring boxes of siblings
    double subtree_gap = 32;  ///< horizontal space between all other neighbouring boxes
    double level_gap = 40;    ///< vertical space between a manager's box and its reports' boxes
    /// A node with at least this many leaf children (children without children) stacks those
    /// leaves in columns under it instead of one long row; its other children keep the normal
    /// layout beside the stack. 0 acts as 1; `SIZE_MAX` turns stacking off.
    std::size_t compact_from = 6;
    /// Most columns a stack of leaves gets (0 acts as 1). A stack of L leaves gets the fewest
    /// columns c with rows_per_column·c² >= L, at most this many, so it is about
    /// rows_per_column rows per column: taller than wide.
    std::size_t max_columns = 4;
    std::size_t rows_per_column = 3;  ///< 0 acts as 1
    double column_indent = 14;        ///< a stacked box sits this far right of its column's spine
    double stack_gap = 10;            ///< vertical space between stacked boxes
    /// A node whose children, side by side, would be wider than this (as estimated from their
    /// subtrees' widths) puts them in several rows instead, each under the subtrees of the row
    /// before, joined to the node by a line down between the children of each row; the roots
    /// likewise. Rows are filled in order and evened out. Infinite: one row, as Walker draws.
    double wrap_width = std::numeric_limits<double>::infinity();
};

/// Where every node goes. Node indices are those of the input forest.
struct TidyLayout {
    /// Centre of each node's box.
    std::vector<Point> centre;
    /// For each node, its connector from the parent: an orthogonal polyline (every segment
    /// horizontal or vertical) from the middle of the parent's bottom edge to the middle of the
    /// child's top edge (a normal child) or of its left edge (a stacked leaf). Empty for roots.
    std::vector<std::vector<Point>> connector;
    /// Whether the node was stacked in a column under its parent.
    std::vector<bool> stacked;
    double width = 0;  ///< of the whole drawing: every box lies within [0, width] × [0, height]
    double height = 0;
};

/// A page to fit a drawing on, in points (A3 landscape by default), and the height the drawing
/// needs above the tree (a heading and legends).
struct PageFit {
    double width = 1191;
    double height = 842;
    double heading = 0;
};

/// tidy_layout() with the `wrap_width` that lets the drawing be printed largest on `page`:
/// widths are tried on the estimated size of the whole drawing, the two most promising are
/// laid out, and one is kept only where its drawing prints a fifth larger than without rows
/// (never smaller, then). Widths whose rails would need more layout nodes than the forest has
/// are not tried. `options.wrap_width` is ignored. O(nodes) for each width tried, about
/// 2·log₂ of the unwrapped drawing's width in boxes.
[[nodiscard]] TidyLayout tidy_layout_for_page(std::span<const std::uint32_t> offsets,
                                              std::span<const std::uint32_t> children,
                                              std::span<const std::uint32_t> roots,
                                              const TidyOptions& options, const PageFit& page = {});

/// Lays out a forest given as child lists in CSR form: node i's children are
/// `children[offsets[i] .. offsets[i + 1])`, left to right; `roots` are laid out left to right
/// (as if children of an invisible root), `subtree_gap` apart. Every node must be reachable
/// from exactly one root and appear once. Level d's boxes span y from d·(node_height +
/// level_gap) to that plus node_height; the leftmost box edge (or column spine) is at x = 0.
///
/// Walker's rules, as made linear by Buchheim, Jünger and Leipert (2002): no two boxes
/// overlap; neighbouring siblings are at least `sibling_gap` apart (more only where wider
/// subtrees are spread out between them), other neighbours on a level at least `subtree_gap`;
/// a parent is centred over its children; identical subtrees are drawn identically wherever
/// they are.
///
/// Stacks: the leaf children of a node with at least `compact_from` of them form one block,
/// which takes part in the layout as one child as wide as the block, placed in the middle of
/// the node's other children (after the first k/2 of k; so with two or more other children the
/// parent is centred over its normal children). The block reaches down into as many levels as
/// its height needs, and the subtrees beside it are kept out of those levels too. Inside the
/// block the leaves keep their order, column after column (column-major: top to bottom, then
/// the next column); each column has its spine (a vertical connector) at its left edge and its
/// boxes `column_indent` to the right of it.
///
/// Rows (TidyOptions::wrap_width): a wrapped node's children are split into rows in their
/// order; the first row hangs from the node as usual; each later row starts on the level below
/// the deepest box (or stack) of the row before, and its connectors run from the node down a
/// vertical line placed among the middle children of each row before it (an invisible child,
/// so that the boxes keep clear of it), then along the row's bus as usual. A rail takes one
/// layout node for each level of the row beside it, which with deep subtrees in early rows of
/// nested wraps can add up to more than the forest's nodes.
///
/// O(nodes), iterative (no recursion, so a chain of a million posts is fine). (Strictly, a
/// stack costs one step per level it reaches down: linear as long as stack_gap is not far
/// larger than node_height + level_gap.)
/// Throws std::invalid_argument when the arrays do not describe such a forest (offsets empty,
/// not starting at 0, decreasing or not ending at children.size(); an index out of range; a
/// node twice; a node unreachable from the roots) or when a size or gap is negative or not
/// finite, or a box size is 0.
[[nodiscard]] TidyLayout tidy_layout(std::span<const std::uint32_t> offsets,
                                     std::span<const std::uint32_t> children,
                                     std::span<const std::uint32_t> roots,
                                     const TidyOptions& options = {});

}  // namespace reorg::render
