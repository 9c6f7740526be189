#include "reorg/io/export.hpp"

#include <array>
#include <optional>
#include <string_view>

#include "reorg/base/text.hpp"
#include "reorg/io/detail/export_graph.hpp"

namespace reorg::io {
namespace {

struct Format {
    std::string_view spelling;
    ExportFormat format;
    void (*write)(std::ostream&, const model::Model&, const ExportOptions&);
};
constexpr std::array<Format, 4> kFormats{{
    {"graphml", ExportFormat::GraphMl, detail::write_graphml},
    {"gexf", ExportFormat::Gexf, detail::write_gexf},
    {"json", ExportFormat::Json, detail::write_json},
    {"dot", ExportFormat::Dot, detail::write_dot},
}};

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) noexcept {
    for (const auto& format : kFormats) {
        if (base::iequals_ascii(name, format.spelling)) return format.format;
    }
    return std::nullopt;
}

void export_model(std::ostream& out, const model::Model& model, ExportFormat format,
                  const ExportOptions& options) {
    for (const auto& known : kFormats) {
        if (known.format == format) known.write(out, model, options);
    }
}

}  // namespace reorg::io
