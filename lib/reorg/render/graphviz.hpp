#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "reorg/render/diagram.hpp"

struct GVC_s;  // Graphviz's context, kept opaque so that its C headers stay in graphviz.cpp

/// The one adapter over Graphviz (cgraph and gvc): builds a graph from a Diagram, lays it out
/// and renders it. No other code touches Graphviz's C API.
namespace reorg::render {

/// Output formats. Dot is the graph as built, without a layout (positions only where the
/// diagram fixed them).
enum class Format : std::uint8_t { Dot, Svg, Png, Pdf };

/// "dot", "svg", "png" or "pdf", ignoring ASCII case; nullopt otherwise.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name) noexcept;
/// From a file name's extension (".svg" → Svg); nullopt for any other extension.
[[nodiscard]] std::optional<Format> format_of(const std::filesystem::path& path);
[[nodiscard]] std::string_view to_string(Format format) noexcept;

/// A Graphviz context with the plugins reorg links in (the dot and neato layouts, the core
/// renderers, and cairo/pango for PNG and PDF), so that nothing depends on the plugin
/// configuration file of the installed package.
///
/// A resource type: one per process at a time (Graphviz keeps global state, and its error
/// handler is process-wide), created by the code that draws (`reorg render`, the report) and
/// passed down; not thread-safe. Constructing a second one while the first lives throws
/// RenderError. The Graphviz context underneath is
/// made once and kept for the life of the process (see graphviz.cpp for why).
class Graphviz {
public:
    Graphviz();
    Graphviz(const Graphviz&) = delete;
    Graphviz& operator=(const Graphviz&) = delete;
    ~Graphviz();

    /// Lays the diagram out (unless its placement is Fixed, or the format is Dot) and renders
    /// it. The same diagram gives the same bytes (a PDF's dates are cleared; their time-zone
    /// spelling follows the process's TZ, which the reorg command sets to UTC). Throws RenderError
    /// with Graphviz's message when it fails.
    [[nodiscard]] std::string render(const Diagram& diagram, Format format);

    /// render() into a file, written under a temporary name and renamed, so that a failure
    /// leaves nothing half-written. Throws InputError when the file cannot be written.
    void render_to_file(const Diagram& diagram, Format format, const std::filesystem::path& path);

private:
    GVC_s* context_ = nullptr;
    std::string errors_;  ///< what Graphviz reported during the current call
};

}  // namespace reorg::render
