#include "reorg/io/detail/export_graph.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

// GraphML (http://graphml.graphdrawing.org/): a <key> per attribute, then nodes and edges.
namespace reorg::io::detail {
namespace {

constexpr std::array<std::string_view, 4> kGraphMlTypes{"string", "double", "int", "boolean"};

constexpr XmlAttributeSyntax kNodeSyntax{
    .declaration = R"(  <key id="{ref}" for="node" attr.name="{name}" attr.type="{type}"/>)",
    .value = R"(      <data key="{ref}">{value}</data>)",
    .type_names = kGraphMlTypes,
    .ref_prefix = "n_"};
constexpr XmlAttributeSyntax kEdgeSyntax{
    .declaration = R"(  <key id="{ref}" for="edge" attr.name="{name}" attr.type="{type}"/>)",
    .value = R"(      <data key="{ref}">{value}</data>)",
    .type_names = kGraphMlTypes,
    .ref_prefix = "e_"};

class GraphMlWriter final : public GraphWriter {
public:
    void begin(std::string& o) override {
        append_xml_root(o, R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns")",
                        "http://graphml.graphdrawing.org/xmlns",
                        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        declare_xml_attributes(o, kNodeKeys, kNodeSyntax);
        declare_xml_attributes(o, kEdgeKeys, kEdgeSyntax);
        o += "  <graph id=\"reorg\" edgedefault=\"directed\">\n";
    }

    void node(std::string& o, const Node& node) override {
        o += "    <node";
        append_xml_attribute(o, "id", node.id);
        o += ">\n";
        append_xml_attribute_values(o, kNodeKeys, node.attributes, kNodeSyntax);
        o += "    </node>\n";
    }

    void edge(std::string& o, const Edge& edge) override {
        o += "    <edge id=\"e";
        append_number(o, static_cast<std::int64_t>(edge.index));
        o += '"';
        append_xml_ends(o, edge);
        o += ">\n";
        append_xml_attribute_values(o, kEdgeKeys, edge.attributes, kEdgeSyntax);
        o += "    </edge>\n";
    }

    void end(std::string& o) override { o += "  </graph>\n</graphml>\n"; }
};

}  // namespace

void write_graphml(std::ostream& out, const model::Model& model, const ExportOptions& options) {
    GraphMlWriter writer;
    walk(out, model, options, writer);
}

}  // namespace reorg::io::detail
