#include "reorg/io/detail/export_graph.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// GEXF 1.2 (https://gexf.net/): attributes declared per class with numeric ids; node label and
// edge weight are GEXF's own XML attributes, so Gephi sizes and labels by them.
namespace reorg::io::detail {
namespace {

constexpr XmlAttributeSyntax kSyntax{
    .declaration = R"(      <attribute id="{ref}" title="{name}" type="{type}"/>)",
    .value = R"(          <attvalue for="{ref}" value="{value}"/>)",
    .type_names = {"string", "double", "integer", "boolean"},
    .ref_prefix = {}};

class GexfWriter final : public GraphWriter {
public:
    void begin(std::string& o) override {
        // No lastmodifieddate: the same model must give the same bytes.
        append_xml_root(o, R"(<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2")",
                        "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/gexf.xsd");
        o += "  <meta>\n"
             "    <creator>reorg</creator>\n"
             "  </meta>\n"
             "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
        declare_attributes(o, kNodeKeys, "node", key_index(NodeKey::Label));
        declare_attributes(o, kEdgeKeys, "edge", key_index(EdgeKey::Weight));
        o += "    <nodes>\n";
    }

    void node(std::string& o, const Node& node) override {
        o += "      <node";
        append_xml_attribute(o, "id", node.id);
        for (const auto& attribute : node.attributes) {
            if (attribute.key == NodeKey::Label) append_xml_attribute(o, "label", attribute.value);
        }
        o += ">\n        <attvalues>\n";
        append_xml_attribute_values(o, kNodeKeys, node.attributes, kSyntax, NodeKey::Label);
        o += "        </attvalues>\n      </node>\n";
    }

    void edge(std::string& o, const Edge& edge) override {
        if (edge.index == 0) o += "    </nodes>\n    <edges>\n";
        o += "      <edge id=\"";
        append_number(o, static_cast<std::int64_t>(edge.index));
        o += '"';
        append_xml_ends(o, edge);
        for (const auto& attribute : edge.attributes) {
            if (attribute.key == EdgeKey::Kind) {
                append_xml_attribute(o, "label", attribute.value);
            } else if (attribute.key == EdgeKey::Weight) {
                append_xml_attribute(o, "weight", attribute.value);
            }
        }
        o += ">\n        <attvalues>\n";
        append_xml_attribute_values(o, kEdgeKeys, edge.attributes, kSyntax, EdgeKey::Weight);
        o += "        </attvalues>\n      </edge>\n";
        edges_ = true;
    }

    void end(std::string& o) override {
        o += edges_ ? "    </edges>\n" : "    </nodes>\n";
        o += "  </graph>\n</gexf>\n";
    }

private:
    static void declare_attributes(std::string& o, std::span<const Key> keys,
                                   std::string_view domain, std::size_t native) {
        o += "    <attributes class=\"";
        o += domain;
        o += "\" mode=\"static\">\n";
        declare_xml_attributes(o, keys, kSyntax, native);
        o += "    </attributes>\n";
    }

    bool edges_ = false;
};

}  // namespace

void write_gexf(std::ostream& out, const model::Model& model, const ExportOptions& options) {
    GexfWriter writer;
    walk(out, model, options, writer);
}

}  // namespace reorg::io::detail
