#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reorg/analysis/analyze.hpp"
#include "reorg/model/model.hpp"

/// The figures an overlay colours a diagram by, taken from analyses the caller has run, so that
/// a diagram and the table beside it never disagree (SPEC §6, `--overlay`).
namespace reorg::render {

/// A colour scale laid over the posts or units, with its legend.
enum class Overlay : std::uint8_t {
    None,
    Findings,     ///< net score of the unit (works minus doesn't work)
    Betweenness,  ///< betweenness of the post (units: of the unit)
    Load,         ///< service load of the unit
    Spof,         ///< single points of failure: articulation points by their cut-off
};

/// The overlay's figure of every post and unit (nullopt: the overlay says nothing about it),
/// and the lines the diagram's heading says about how the figures were computed. A value type.
struct OverlayFigures {
    Overlay overlay = Overlay::None;
    std::vector<std::optional<double>> post{};  ///< per PostId
    std::vector<std::optional<double>> unit{};  ///< per UnitId
    std::vector<std::string> notes_on_posts{};  ///< heading lines when posts are coloured
    std::vector<std::string> notes_on_units{};  ///< heading lines when units are coloured
};

/// Net score of each unit's own findings (posts take their unit's); units without findings
/// have none.
[[nodiscard]] OverlayFigures findings_overlay(const model::Model& model,
                                              const analysis::FindingsAnalysis& findings);

/// Betweenness of the posts (work graph) and the units (unit graph); 0 shows as no figure.
[[nodiscard]] OverlayFigures betweenness_overlay(const analysis::Betweenness& posts,
                                                 const analysis::Betweenness& units);

/// Service load of each unit with a capacity (posts take their unit's).
[[nodiscard]] OverlayFigures load_overlay(const model::Model& model,
                                          std::span<const analysis::UnitLoad> load);

/// Articulation points by their cut-off; a unit takes the largest cut-off among its posts.
[[nodiscard]] OverlayFigures spof_overlay(const model::Model& model,
                                          const analysis::SinglePoints& single_points);

/// The overlay's figures from a full analysis (what `reorg analyze` computed). Empty for
/// Overlay::None.
[[nodiscard]] OverlayFigures overlay_figures(const model::Model& model,
                                             const analysis::Bottlenecks& bottlenecks,
                                             Overlay overlay);

/// The overlay's figures from the analyses it needs alone, run once on the model's graphs with
/// `options` for betweenness (by default what `reorg analyze` uses). Empty for Overlay::None.
[[nodiscard]] OverlayFigures overlay_figures(const graph::ModelGraphs& graphs, Overlay overlay,
                                             const analysis::BetweennessOptions& options = {});

}  // namespace reorg::render
