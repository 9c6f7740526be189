#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "reorg/render/diagram.hpp"
#include "reorg/render/style.hpp"
#include "reorg/render/tidy_layout.hpp"

/// A tree of boxes (posts or units) with extra links, drawn either by Graphviz's `dot` or with
/// the tidy layout and orthogonal connectors at fixed positions. Shared by the posts and units
/// views.
namespace reorg::render::detail {

class TreeChart {
public:
    /// Adds a box under `parent` (a box added earlier), or a root. Children keep the order in
    /// which they are added.
    std::uint32_t add_box(Attributes attributes, std::optional<std::uint32_t> parent);
    /// Adds a box outside the tree (a group): `dot` places it freely, the tidy layout puts
    /// such boxes in a row above the top of the chart.
    std::uint32_t add_loose_box(Attributes attributes);
    /// How far a link may reach in the tidy layout.
    enum class Reach : std::uint8_t {
        Always,
        /// Drawn only between boxes a few columns and levels apart: across a wide or wrapped
        /// chart a straight line crosses everything on its way, so the boxes say it in words
        /// instead.
        NearOnly,
    };
    /// A link that is not a reporting line (dotted line, membership): never moves the layout.
    void add_link(std::uint32_t from, std::uint32_t to, Attributes attributes,
                  Reach reach = Reach::Always);

    /// A legend: `dot` places it freely; the tidy layout puts legends in a row at the top left.
    void add_legend(style::LegendNode legend) { legends_.push_back(std::move(legend)); }

    [[nodiscard]] std::size_t size() const noexcept { return boxes_.size(); }

    /// Moves the boxes and links into `diagram`: with `tidy`, positions every box and writes
    /// every line as a fixed spline (Placement::Fixed); otherwise leaves placement to `dot`.
    void draw(Diagram& diagram, bool tidy, const TidyOptions& options = {}) &&;

private:
    struct Box {
        Attributes attributes;
        std::optional<std::uint32_t> parent;
        bool loose = false;
    };
    struct Link {
        std::uint32_t from;
        std::uint32_t to;
        Attributes attributes;
        Reach reach;
    };
    std::vector<Box> boxes_;
    std::vector<Link> links_;
    std::vector<style::LegendNode> legends_;
};

}  // namespace reorg::render::detail
