#pragma once
#include <optional>
#include <string>
#include <vector>

#include "reorg/model/model.hpp"
#include "reorg/render/style.hpp"
#include "reorg/render/views.hpp"

/// The colour scales of `--overlay`, computed once per view from the analyses.
namespace reorg::render::detail {

struct OverlayColours {
    std::vector<std::string> post_fill;   ///< per post; "" keeps the view's own fill
    std::vector<std::string> unit_fill;   ///< per unit; "" keeps the view's own fill
    std::vector<std::string> post_value;  ///< per post: the figure, for the box ("" none)
    std::vector<std::string> unit_value;  ///< per unit: the figure, for the box ("" none)
    std::optional<style::Legend> legend;
    std::vector<std::string> notes;  ///< heading lines: how the figures were computed
};

/// Empty vectors and no legend for Overlay::None. O(the overlay's analysis).
[[nodiscard]] OverlayColours overlay_colours(const model::Model& model, const ViewOptions& options);

}  // namespace reorg::render::detail
