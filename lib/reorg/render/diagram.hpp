#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// A diagram as plain data: nodes, edges and clusters with Graphviz attributes. The views build
/// one; the Graphviz adapter (graphviz.hpp) is the only code that turns it into cgraph calls.
/// Keeping the description separate lets the views be tested without Graphviz and keeps its C
/// API out of every file but one.
namespace reorg::render {

/// How the adapter must treat an attribute's value.
enum class ValueKind : std::uint8_t {
    Plain,  ///< written as given: our own constants (colours, shapes, numbers, positions)
    /// The user's text, shown literally: the adapter replaces control characters and
    /// ill-formed UTF-8 with U+FFFD and escapes what Graphviz would expand (`\N`, `\G`, ...;
    /// tooltips are expanded twice).
    Text,
    Html,  ///< an HTML-like label built with style.hpp, whose text parts are already escaped
};

struct Attribute {
    std::string name;
    std::string value;
    ValueKind kind = ValueKind::Plain;
};
using Attributes = std::vector<Attribute>;

/// A node; Graphviz names it "n<index>" so that no user text is ever a DOT identifier.
struct DiagramNode {
    Attributes attributes;
};

struct DiagramEdge {
    std::uint32_t tail = 0;  ///< node index
    std::uint32_t head = 0;  ///< node index
    Attributes attributes;
};

/// A Graphviz cluster: a box drawn around its nodes (and its sub-clusters) by `dot`.
struct Cluster {
    Attributes attributes;
    std::vector<std::uint32_t> nodes;
    std::vector<Cluster> clusters;
};

/// Who places the nodes.
enum class Placement : std::uint8_t {
    Dot,    ///< Graphviz's `dot` lays the graph out
    Fixed,  ///< every node has `pos` and every edge its `pos` spline, in points; Graphviz only
            ///< draws (neato -n2)
};

struct Diagram {
    bool directed = true;
    Placement placement = Placement::Dot;
    Attributes graph;          ///< graph attributes (label, rankdir, ...)
    Attributes node_defaults;  ///< `node [...]`
    Attributes edge_defaults;  ///< `edge [...]`
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
    std::vector<Cluster> clusters;

    /// Appends a node and returns its index.
    std::uint32_t add_node(Attributes attributes) {
        nodes.push_back({std::move(attributes)});
        return static_cast<std::uint32_t>(nodes.size() - 1);
    }
    void add_edge(std::uint32_t tail, std::uint32_t head, Attributes attributes = {}) {
        edges.push_back({tail, head, std::move(attributes)});
    }
};

/// The value of attribute `name` in `attributes`, or an empty view (for tests and views).
[[nodiscard]] inline std::string_view find_attribute(const Attributes& attributes,
                                                     std::string_view name) {
    for (const auto& attribute : attributes) {
        if (attribute.name == name) return attribute.value;
    }
    return {};
}

}  // namespace reorg::render
