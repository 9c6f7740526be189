#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "reorg/model/model.hpp"
#include "reorg/render/diagram.hpp"
#include "reorg/render/diff.hpp"
#include "reorg/render/overlay.hpp"

/// The diagrams of SPEC §6, built from a model as Diagrams for the Graphviz adapter.
namespace reorg::render {

enum class View : std::uint8_t {
    Posts,     ///< the org chart: title, holder or VACANT, unit
    Units,     ///< the unit tree with headcount, FTE and cost
    Findings,  ///< the why-graph, clustered by the unit each finding is about
    Flows,     ///< the service-flow network: edge width by volume, units by load
    Diff,      ///< a scenario's result with what it added, removed, moved and merged marked
};

enum class LayoutChoice : std::uint8_t {
    Auto,  ///< trees above ViewOptions::tree_from nodes get the tidy layout, others `dot`
    Dot,   ///< Graphviz's `dot`
    Tree,  ///< the tidy tree layout (posts and units views), drawn with fixed positions
};

/// "posts", "units", ...; nullopt for an unknown name.
[[nodiscard]] std::optional<View> parse_view(std::string_view name) noexcept;
[[nodiscard]] std::optional<Overlay> parse_overlay(std::string_view name) noexcept;
[[nodiscard]] std::optional<LayoutChoice> parse_layout(std::string_view name) noexcept;
[[nodiscard]] std::string_view to_string(View view) noexcept;
[[nodiscard]] std::string_view to_string(Overlay overlay) noexcept;

struct ViewOptions {
    View view = View::Posts;
    Overlay overlay = Overlay::None;
    /// Show only this post's or unit's subtree (findings view: the findings about this unit
    /// or below it, and their causes; flows view: this unit and below, with their partners).
    std::optional<std::string> focus{};
    /// Levels to show, counting the focus (or the top) as 1; findings view: steps down the
    /// why-chains from the findings about the focus. The flows view shows every flow.
    std::optional<std::size_t> depth{};
    /// The most boxes the view draws, and says so when it leaves some out: above it the posts
    /// view collapses to the unit tree, the unit tree keeps its top levels, the findings view
    /// keeps the most severe findings with their causes and the flows view the largest flows.
    /// Unset: box_limit()'s default for the view.
    std::optional<std::size_t> max_nodes{};
    LayoutChoice layout = LayoutChoice::Auto;
    /// Auto: the tidy layout above this many boxes. It draws org charts better than `dot` at
    /// all but the smallest sizes (reports stacked in columns, right-angled connectors).
    std::size_t tree_from = 12;
    bool names = true;  ///< the holders' names in the posts view
    /// Each post's id, small under its title in the posts view, so that a chart of many
    /// "Manager" boxes can be matched to the tables that name posts by id.
    bool ids = true;
    /// Where a unit's, post's or finding's box links to (an SVG `href`, such as "#u12" for a
    /// report's page); no link where unset or where it returns an empty text. The link is the
    /// caller's own text, written as given: it must not be built from user text unescaped.
    std::function<std::string(model::UnitId)> unit_link{};
    std::function<std::string(model::PostId)> post_link{};
    std::function<std::string(model::FindingId)> finding_link{};
};

/// Boxes the tidy tree views draw by default: tens of thousands lay out in seconds.
inline constexpr std::size_t kTreeBoxes = 25'000;
/// Boxes the findings and flows views draw by default: Graphviz's `dot` lays them out, and a
/// why-graph of 200 findings in a loop of causes already takes it seconds, of 300 minutes.
inline constexpr std::size_t kGraphBoxes = 120;

/// The most boxes `options` lets its view draw: its max_nodes, or the view's default.
[[nodiscard]] inline std::size_t box_limit(const ViewOptions& options) noexcept {
    if (options.max_nodes) return *options.max_nodes;
    const bool graph = options.view == View::Findings || options.view == View::Flows;
    return graph ? kGraphBoxes : kTreeBoxes;
}

/// Appends `href` = link(id) to `attributes` when `link` is set and gives a link.
template <typename Id>
void add_link(Attributes& attributes, const std::function<std::string(Id)>& link, Id id) {
    if (!link) return;
    if (auto target = link(id); !target.empty()) {
        attributes.push_back({"href", std::move(target)});
    }
}

/// What a diagram draws besides the model itself: the figures of analyses the caller has run,
/// so that a diagram and the table beside it never disagree. A value type.
struct Figures {
    /// For the findings view: its root causes and loops (analysis::analyze_findings()).
    analysis::FindingsAnalysis findings{};
    /// For ViewOptions::overlay (render/overlay.hpp); its `overlay` must match the option's.
    OverlayFigures overlay{};
    /// For the diff view: what the scenario changed, on the model drawn (its result).
    std::optional<DiffMarks> diff{};
};

/// The figures `options` asks for, from the analyses it needs alone, run once on the model's
/// graphs (betweenness with `betweenness`, by default as `reorg analyze` computes it). For a
/// caller with no analysis at hand, such as `reorg render`.
[[nodiscard]] Figures figures_for(const graph::ModelGraphs& graphs, const ViewOptions& options,
                                  const analysis::BetweennessOptions& betweenness = {});

/// Builds the view from the model and the figures (figures_for(), or the caller's own; for the
/// diff view, the scenario's result and its marks). Throws
/// OptionError (option "focus") when the focus is no post or unit of the model (or no unit, for
/// the findings and flows views), (option "overlay") for an overlay the view has no use for;
/// std::invalid_argument when `figures` holds another overlay's figures, or (diff view) no
/// marks. O(size of the model).
[[nodiscard]] Diagram make_diagram(const model::Model& model, const ViewOptions& options,
                                   const Figures& figures);

}  // namespace reorg::render
