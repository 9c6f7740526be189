#include "reorg/render/detail/tree_chart.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "reorg/base/text.hpp"

namespace reorg::render::detail {
namespace {

constexpr double kPointsPerInch = 72;
constexpr std::size_t kOrthogonalUpTo = 300;
// Reach::NearOnly links span at most this many columns and levels of boxes.
constexpr double kNearColumns = 3;
constexpr double kNearLevels = 4;
// About what the graph label (title and a few lines) takes above the legends.
constexpr double kHeadingHeight = 90;

void append_point(std::string& out, Point point, double height) {
    if (!out.empty()) out.push_back(' ');
    // Graphviz's y axis points up; the tidy layout's down.
    out += base::format_number(point.x, 1);
    out.push_back(',');
    out += base::format_number(height - point.y, 1);
}

// A polyline as the cubic B-spline Graphviz reads in an edge's `pos`: each straight segment
// a→b is the Bézier (a, a, b, b), consecutive segments sharing their end points.
std::string spline_of(const std::vector<Point>& polyline, double height) {
    std::string pos;
    if (polyline.empty()) return pos;
    append_point(pos, polyline.front(), height);
    for (std::size_t i = 1; i < polyline.size(); ++i) {
        append_point(pos, polyline[i - 1], height);
        append_point(pos, polyline[i], height);
        append_point(pos, polyline[i], height);
    }
    return pos;
}

// Where the segment from a box's centre towards `towards` leaves the box.
Point box_exit(Point centre, Point towards, double width, double height) {
    const double dx = towards.x - centre.x;
    const double dy = towards.y - centre.y;
    if (dx == 0 && dy == 0) return centre;
    const double tx = dx != 0 ? (width / 2) / std::fabs(dx) : INFINITY;
    const double ty = dy != 0 ? (height / 2) / std::fabs(dy) : INFINITY;
    const double t = std::min({tx, ty, 1.0});
    return {centre.x + t * dx, centre.y + t * dy};
}

}  // namespace

std::uint32_t TreeChart::add_box(Attributes attributes, std::optional<std::uint32_t> parent) {
    boxes_.push_back({std::move(attributes), parent, false});
    return static_cast<std::uint32_t>(boxes_.size() - 1);
}

std::uint32_t TreeChart::add_loose_box(Attributes attributes) {
    boxes_.push_back({std::move(attributes), std::nullopt, true});
    return static_cast<std::uint32_t>(boxes_.size() - 1);
}

void TreeChart::add_link(std::uint32_t from, std::uint32_t to, Attributes attributes, Reach reach) {
    links_.push_back({from, to, std::move(attributes), reach});
}

void TreeChart::draw(Diagram& diagram, bool tidy, const TidyOptions& options) && {
    if (!tidy) {
        // Legends first: `dot` then puts them at the top left.
        for (auto& legend : legends_) diagram.add_node(std::move(legend.attributes));
        const auto first = static_cast<std::uint32_t>(diagram.nodes.size());
        diagram.placement = Placement::Dot;
        diagram.graph.push_back({"rankdir", "TB"});
        diagram.graph.push_back({"nodesep", "0.25"});
        diagram.graph.push_back({"ranksep", "0.45"});
        diagram.graph.push_back({"outputorder", "edgesfirst"});
        // Right-angled connectors, the org-chart look; Graphviz's router for them is slow (32 s
        // for 5,000 posts), so large charts keep straight lines.
        diagram.graph.push_back({"splines", boxes_.size() <= kOrthogonalUpTo ? "ortho" : "line"});
        for (auto& box : boxes_) diagram.add_node(std::move(box.attributes));
        for (std::uint32_t i = 0; i < boxes_.size(); ++i) {
            if (boxes_[i].parent) {
                diagram.add_edge(first + *boxes_[i].parent, first + i, {{"arrowhead", "none"}});
            }
        }
        for (auto& link : links_) {
            link.attributes.push_back({"constraint", "false"});
            diagram.add_edge(first + link.from, first + link.to, std::move(link.attributes));
        }
        return;
    }

    // The tree boxes as a CSR forest over their own indices.
    std::vector<std::uint32_t> tree_index(boxes_.size(), UINT32_MAX);
    std::vector<std::uint32_t> tree_box;
    for (std::uint32_t i = 0; i < boxes_.size(); ++i) {
        if (!boxes_[i].loose) {
            tree_index[i] = static_cast<std::uint32_t>(tree_box.size());
            tree_box.push_back(i);
        }
    }
    const auto n = tree_box.size();
    std::vector<std::uint32_t> offsets(n + 1, 0);
    std::vector<std::uint32_t> roots;
    for (std::size_t t = 0; t < n; ++t) {
        const auto& parent = boxes_[tree_box[t]].parent;
        if (parent) {
            ++offsets[tree_index[*parent] + 1];
        } else {
            roots.push_back(static_cast<std::uint32_t>(t));
        }
    }
    for (std::size_t t = 0; t < n; ++t) offsets[t + 1] += offsets[t];
    std::vector<std::uint32_t> children(offsets.back());
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::size_t t = 0; t < n; ++t) {
        const auto& parent = boxes_[tree_box[t]].parent;
        if (parent) children[fill[tree_index[*parent]]++] = static_cast<std::uint32_t>(t);
    }
    // The heading and the legends stand above the chart.
    // The heading, the legends and the row of loose boxes stand above the chart.
    double above = kHeadingHeight;
    for (const auto& legend : legends_) above = std::max(above, kHeadingHeight + legend.height);
    if (n < boxes_.size()) above += options.node_height + options.level_gap;
    const auto layout = tidy_layout_for_page(offsets, children, roots, options, {.heading = above});

    // Loose boxes go in a row above the top level, starting right of the first root.
    std::vector<Point> centre(boxes_.size());
    for (std::size_t t = 0; t < n; ++t) centre[tree_box[t]] = layout.centre[t];
    double loose_x =
        roots.empty() ? options.node_width / 2
                      : layout.centre[roots.front()].x + options.node_width + options.subtree_gap;
    const double loose_y = -(options.node_height + options.level_gap) + options.node_height / 2;
    const double first_loose_x = loose_x;
    for (std::uint32_t i = 0; i < boxes_.size(); ++i) {
        if (boxes_[i].loose) {
            centre[i] = {loose_x, loose_y};
            loose_x += options.node_width + options.sibling_gap;
        }
    }
    const double height = layout.height;
    const auto width_inches = base::format_number(options.node_width / kPointsPerInch, 4);
    const auto height_inches = base::format_number(options.node_height / kPointsPerInch, 4);

    diagram.placement = Placement::Fixed;
    const auto first = static_cast<std::uint32_t>(diagram.nodes.size());
    diagram.graph.push_back({"outputorder", "edgesfirst"});
    for (std::uint32_t i = 0; i < boxes_.size(); ++i) {
        auto& attributes = boxes_[i].attributes;
        std::string pos;
        append_point(pos, centre[i], height);
        attributes.push_back({"pos", std::move(pos)});
        attributes.push_back({"width", width_inches});
        attributes.push_back({"height", height_inches});
        attributes.push_back({"fixedsize", "true"});
        diagram.add_node(std::move(attributes));
    }
    for (std::size_t t = 0; t < n; ++t) {
        const auto box = tree_box[t];
        if (!boxes_[box].parent) continue;
        diagram.add_edge(first + *boxes_[box].parent, first + box,
                         {{"arrowhead", "none"}, {"pos", spline_of(layout.connector[t], height)}});
    }
    const double near = kNearColumns * (options.node_width + options.subtree_gap);
    // Rows of a wrapped chart lie one under another: a link down past them crosses them too.
    const double near_levels = kNearLevels * (options.node_height + options.level_gap);
    for (auto& link : links_) {
        const auto from = centre[link.from];
        const auto to = centre[link.to];
        if (link.reach == Reach::NearOnly &&
            (std::fabs(from.x - to.x) > near || std::fabs(from.y - to.y) > near_levels)) {
            continue;
        }
        const std::vector<Point> line = {
            box_exit(from, to, options.node_width, options.node_height),
            box_exit(to, from, options.node_width, options.node_height)};
        link.attributes.push_back({"pos", spline_of(line, height)});
        diagram.add_edge(first + link.from, first + link.to, std::move(link.attributes));
    }
    // Legends in a row at the top left: beside the loose boxes when there is room left of
    // them, otherwise above them.
    double legend_x = 0;
    double legends_width = 0;
    for (const auto& legend : legends_) legends_width += legend.width + options.subtree_gap;
    const bool any_loose =
        std::any_of(boxes_.begin(), boxes_.end(), [](const Box& box) { return box.loose; });
    const bool above_loose = any_loose && legends_width > first_loose_x - options.node_width / 2;
    const double legend_bottom =
        (above_loose ? loose_y - options.node_height / 2 : 0.0) - options.level_gap / 2;
    double legend_height = 0;
    for (const auto& legend : legends_) legend_height = std::max(legend_height, legend.height);
    const double legend_top = legend_bottom - legend_height;  // legends hang from one line
    for (auto& legend : legends_) {
        std::string pos;
        append_point(pos, {legend_x + legend.width / 2, legend_top + legend.height / 2}, height);
        legend.attributes.push_back({"pos", std::move(pos)});
        diagram.add_node(std::move(legend.attributes));
        legend_x += legend.width + options.subtree_gap;
    }
}

}  // namespace reorg::render::detail
