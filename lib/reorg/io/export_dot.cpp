#include "reorg/io/detail/export_graph.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "reorg/base/escape.hpp"

// DOT (Graphviz): every id and value a quoted string; posts as boxes, units as folders, links
// dashed and the unit structure dotted, so that `dot -Tsvg` gives a readable first picture.
namespace reorg::io::detail {
namespace {

using namespace std::string_view_literals;
using base::append_dot;

class DotWriter final : public GraphWriter {
public:
    void begin(std::string& o) override { o += "digraph reorg {\n  node [shape=box];\n"; }

    void node(std::string& o, const Node& node) override {
        o += "  \"";
        append_dot(o, node.id);
        o += "\" [";
        bool first = true;
        for (const auto& attribute : node.attributes) {
            // Graphviz calls a node's id its `name` (gvpr, -Tjson): a unit's name is its label.
            if (attribute.key == NodeKey::Name) continue;
            attribute_value(o, first, name_of(kNodeKeys, attribute.key), attribute.value);
            if (attribute.key == NodeKey::Type &&
                std::get<std::string_view>(attribute.value) == "unit"sv) {
                attribute_value(o, first, "shape", "folder"sv);
            }
        }
        o += "];\n";
    }

    void edge(std::string& o, const Edge& edge) override {
        o += "  \"";
        append_dot(o, edge.source);
        o += "\" -> \"";
        append_dot(o, edge.target);
        o += "\" [";
        bool first = true;
        for (const auto& attribute : edge.attributes) {
            attribute_value(o, first, name_of(kEdgeKeys, attribute.key), attribute.value);
            if (attribute.key != EdgeKey::Kind) continue;
            const auto kind = std::get<std::string_view>(attribute.value);
            if (kind == "in_unit"sv || kind == "parent"sv) {
                attribute_value(o, first, "style", "dotted"sv);
            } else if (kind != "reports_to"sv) {
                attribute_value(o, first, "style", "dashed"sv);
            }
        }
        o += "];\n";
    }

    void end(std::string& o) override { o += "}\n"; }

private:
    static void attribute_value(std::string& o, bool& first, std::string_view name,
                                const Value& value) {
        if (!first) o += ", ";
        first = false;
        o += name;
        o += "=\"";
        if (const auto* text = std::get_if<std::string_view>(&value)) {
            append_dot(o, *text);
        } else if (const auto* number = std::get_if<double>(&value)) {
            append_number(o, *number);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            append_number(o, *integer);
        } else {
            o += std::get<bool>(value) ? "true" : "false";
        }
        o += '"';
    }
};

}  // namespace

void write_dot(std::ostream& out, const model::Model& model, const ExportOptions& options) {
    DotWriter writer;
    walk(out, model, options, writer);
}

}  // namespace reorg::io::detail
