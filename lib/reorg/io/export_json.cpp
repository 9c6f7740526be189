#include "reorg/io/detail/export_graph.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "reorg/base/escape.hpp"

// JSON in NetworkX's node-link form (networkx.node_link_graph reads it): one node or link per
// line.
namespace reorg::io::detail {
namespace {

using base::append_json;

class JsonWriter final : public GraphWriter {
public:
    void begin(std::string& o) override {
        o += "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n"
             "  \"nodes\": [";
    }

    void node(std::string& o, const Node& node) override {
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
            close_list(o);
            o += ",\n  \"links\": [";
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
        links_ = true;
    }

    void end(std::string& o) override {
        if (!links_) {
            close_list(o);
            o += ",\n  \"links\": []";
        } else {
            close_list(o);
        }
        o += "\n}\n";
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

    bool first_ = true;
    bool links_ = false;
};

}  // namespace

void write_json(std::ostream& out, const model::Model& model, const ExportOptions& options) {
    JsonWriter writer;
    walk(out, model, options, writer);
}

}  // namespace reorg::io::detail
