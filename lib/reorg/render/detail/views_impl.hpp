#pragma once
#include <string>
#include <vector>

#include "reorg/model/model.hpp"
#include "reorg/render/detail/overlay.hpp"
#include "reorg/render/diagram.hpp"
#include "reorg/render/views.hpp"

/// The views' builders, one file each; views.cpp chooses among them.
namespace reorg::render::detail {

/// The heading of a diagram: title, lines, the view's own legend and the overlay's.
struct Heading {
    std::string title;
    std::vector<std::string> lines;
    std::vector<style::Legend> legends;
};
/// Sets the graph label with the legends beside the title (for views that `dot` lays out).
void set_heading_with_legends(Diagram& diagram, Heading heading, const OverlayColours& overlay);

/// Sets the graph label and returns the legends, as nodes for the caller to place.
[[nodiscard]] std::vector<style::LegendNode> set_heading(Diagram& diagram, Heading heading,
                                                         const OverlayColours& overlay);

/// `note` is said in the heading (why the chart shows units when posts were asked for).
[[nodiscard]] Diagram units_view(const model::Model& model, const ViewOptions& options,
                                 const OverlayFigures& figures, const std::string& note = {});
/// With `diff`, the diff view: the chart of a scenario's result with its changes marked.
[[nodiscard]] Diagram posts_view(const model::Model& model, const ViewOptions& options,
                                 const OverlayFigures& figures, const DiffMarks* diff = nullptr);
[[nodiscard]] Diagram findings_view(const model::Model& model, const ViewOptions& options,
                                    const analysis::FindingsAnalysis& findings);
[[nodiscard]] Diagram flows_view(const model::Model& model, const ViewOptions& options,
                                 const OverlayFigures& figures);

/// The focus as an OptionError: what was not found.
[[noreturn]] void unknown_focus(const std::string& focus, const char* what);

}  // namespace reorg::render::detail
