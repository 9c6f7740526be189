#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reorg/model/model.hpp"
#include "reorg/render/overlay.hpp"
#include "reorg/render/style.hpp"
#include "reorg/render/views.hpp"

/// The colour scales of the overlays: the figures come from the whole model (render/overlay.hpp),
/// and the colours are fitted to what a view draws, so that a chart of one office is not all
/// one pale shade because the organisation's extreme lies elsewhere.
namespace reorg::render::detail {

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
