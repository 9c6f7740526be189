#include "reorg/io/detail/export_graph.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "reorg/base/escape.hpp"

// JSON in NetworkX's node-link form, one node or edge per line. The edges are written twice,
// under "links" and under "edges", so that networkx.node_link_graph(data) reads the file without
// arguments in every NetworkX: up to 3.5 it reads "links" (Debian 12's 2.8.8 among them; 3.4 and
// 3.5 with a FutureWarning), and from 3.6 on "edges".
namespace reorg::io::detail {
namespace {

using base::append_json;

// One walk of the graph writes the document up to its "links"; a second walk writes the same
// edges again as "edges" and ends it, so that memory stays a buffer's however many edges.
class JsonWriter final : public GraphWriter {
public:
    enum class Part : std::uint8_t { NodesAndLinks, Edges };
    explicit JsonWriter(Part part) : part_(part) {}

    void begin(std::string& o) override {
        if (part_ == Part::Edges) return;
        o += "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n"
             "  \"nodes\": [";
    }

    void node(std::string& o, const Node& node) override {
        if (part_ == Part::Edges) return;
        o += first_ ? "\n    {\"id\": \"" : ",\n    {\"id\": \"";
        first_ = false;
        append_json(o, node.id);
        o += '"';
        for (const auto& attribute : node.attributes) {
            member(o, name_of(kNodeKeys, attribute.key), attribute.value);
        }
        o += '}';
    }

    void edge(std::string& o, const Edge& edge) override {
        if (edge.index == 0) {
            if (part_ == Part::NodesAndLinks) close_list(o);  // the nodes
            o += part_ == Part::NodesAndLinks ? ",\n  \"links\": [" : ",\n  \"edges\": [";
            first_ = true;
        }
        o += first_ ? "\n    {\"source\": \"" : ",\n    {\"source\": \"";
        first_ = false;
        append_json(o, edge.source);
        o += "\", \"target\": \"";
        append_json(o, edge.target);
        o += '"';
        for (const auto& attribute : edge.attributes) {
            member(o, name_of(kEdgeKeys, attribute.key), attribute.value);
        }
        o += '}';
        edges_ = true;
    }

    void end(std::string& o) override {
        if (!edges_) {
            if (part_ == Part::NodesAndLinks) close_list(o);
            o += part_ == Part::NodesAndLinks ? ",\n  \"links\": []" : ",\n  \"edges\": []";
        } else {
            close_list(o);
        }
        if (part_ == Part::Edges) o += "\n}\n";
    }

private:
    void close_list(std::string& o) const { o += first_ ? "]" : "\n  ]"; }

    static void member(std::string& o, std::string_view name, const Value& value) {
        o += ", \"";
        o += name;
        o += "\": ";
        if (const auto* text = std::get_if<std::string_view>(&value)) {
            o += '"';
            append_json(o, *text);
            o += '"';
        } else if (const auto* number = std::get_if<double>(&value)) {
            if (std::isfinite(*number)) {
                append_number(o, *number);
            } else {
                o += "null";  // JSON has no NaN or infinity
            }
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            append_number(o, *integer);
        } else {
            o += std::get<bool>(value) ? "true" : "false";
        }
    }

    Part part_;
    bool first_ = true;
    bool edges_ = false;
};

}  // namespace

void write_json(std::ostream& out, const model::Model& model, const ExportOptions& options) {
    JsonWriter links(JsonWriter::Part::NodesAndLinks);
    walk(out, model, options, links);
    JsonWriter edges(JsonWriter::Part::Edges);
    walk(out, model, options, edges);
}

}  // namespace reorg::io::detail
