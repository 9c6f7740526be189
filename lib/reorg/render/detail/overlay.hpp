#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reorg/model/model.hpp"
#include "reorg/render/style.hpp"
#include "reorg/render/views.hpp"

/// The colour scales of the overlays: the analyses run once over the whole model (figures), and
/// the colours are fitted to what a view draws, so that a chart of one office is not all one
/// pale shade because the organisation's extreme lies elsewhere.
namespace reorg::render::detail {

/// The overlay's figure of every post and unit (nullopt: the overlay says nothing about it).
struct OverlayFigures {
    Overlay overlay = Overlay::None;
    std::vector<std::optional<double>> post;
    std::vector<std::optional<double>> unit;
    std::vector<std::string> notes;  ///< heading lines: how the figures were computed
};

/// Runs the overlay's analysis on the whole model: net scores of findings per unit (posts take
/// their unit's), betweenness on the work graph and on the unit graph, service load per unit
/// (posts take their unit's), articulation points by cut-off (a unit: the largest cut-off among
/// its posts). Empty for Overlay::None.
[[nodiscard]] OverlayFigures overlay_figures(const model::Model& model, const ViewOptions& options);

struct OverlayColours {
    std::vector<std::string> post_fill;   ///< per post; "" keeps the view's own fill
    std::vector<std::string> unit_fill;   ///< per unit; "" keeps the view's own fill
    std::vector<std::string> post_value;  ///< per post: the figure, for the box ("" none)
    std::vector<std::string> unit_value;  ///< per unit: the figure, for the box ("" none)
    std::optional<style::Legend> legend;
    std::vector<std::string> notes;
};

/// Colours for the posts (`on_posts`) or the units a view draws, the scale spanning the figures
/// of those drawn. All empty for Overlay::None.
[[nodiscard]] OverlayColours overlay_colours(const model::Model& model,
                                             const OverlayFigures& figures, bool on_posts,
                                             std::span<const model::PostId> shown_posts,
                                             std::span<const model::UnitId> shown_units);

}  // namespace reorg::render::detail
