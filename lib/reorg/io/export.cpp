#include "reorg/io/export.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::io {
namespace {

using namespace std::string_view_literals;
using base::append_dot;
using base::append_json;
using base::append_xml;
using model::Model;

// ---------------------------------------------------------------------------------------------
// The graph every format writes: nodes and edges with typed attributes, visited in one fixed
// order so that each writer only decides how to spell them.

enum class Type : std::uint8_t { String, Double, Int, Boolean };

struct Key {
    std::string_view name;
    Type type;
};

// Node attributes, in the order every format writes them.
enum class NodeKey : std::uint8_t {
    Type,
    Ref,
    Label,
    Title,
    Unit,
    Function,
    Fte,
    Cost,
    Vacant,
    Layer,
    Name,
    Kind,
    Capacity,
    Head,
};
constexpr std::array<Key, 14> kNodeKeys{{
    {"type", Type::String},
    {"ref", Type::String},
    {"label", Type::String},
    {"title", Type::String},
    {"unit", Type::String},
    {"function", Type::String},
    {"fte", Type::Double},
    {"cost", Type::Double},
    {"vacant", Type::Boolean},
    {"layer", Type::Int},
    {"name", Type::String},
    {"kind", Type::String},
    {"capacity", Type::Double},
    {"head", Type::String},
}};

enum class EdgeKey : std::uint8_t { Kind, Weight, Note };
constexpr std::array<Key, 3> kEdgeKeys{{
    {"kind", Type::String},
    {"weight", Type::Double},
    {"note", Type::String},
}};

template <class KeyEnum>
[[nodiscard]] constexpr std::size_t key_index(KeyEnum key) noexcept {
    return static_cast<std::size_t>(key);
}

using Value = std::variant<std::string_view, double, std::int64_t, bool>;

template <class KeyEnum>
struct Attribute {
    KeyEnum key;
    Value value;
};

struct Node {
    std::string_view id;  // the graph's node id: "post:KC", "unit:KLF"
    std::span<const Attribute<NodeKey>> attributes;
};

struct Edge {
    std::size_t index;  // 0, 1, ... in the order written
    std::string_view source;
    std::string_view target;
    std::span<const Attribute<EdgeKey>> attributes;
};

constexpr auto kPostPrefix = "post:"sv;
constexpr auto kUnitPrefix = "unit:"sv;

void set_node_id(std::string& out, std::string_view prefix, std::string_view id) {
    out.assign(prefix);
    out.append(id);
}

void set_node_id(std::string& out, const Model& model, model::Ref ref) {
    set_node_id(out, std::holds_alternative<model::PostId>(ref) ? kPostPrefix : kUnitPrefix,
                model.id_of(ref));
}

// Units that some link names: shown as nodes even without ExportOptions::units, so that every
// edge has both its ends.
std::vector<bool> units_to_show(const Model& model, const ExportOptions& options) {
    std::vector<bool> shown(model.units().size(), options.units);
    if (options.units) return shown;
    for (const auto& link : model.links()) {
        for (const auto& end : {link.from, link.to}) {
            if (const auto* unit = std::get_if<model::UnitId>(&end))
                shown[model::index(*unit)] = true;
        }
    }
    return shown;
}

template <class Writer>
void walk(const Model& model, const ExportOptions& options, Writer& writer) {
    const auto forest = model::reporting_forest(model);
    const auto shown = units_to_show(model, options);

    writer.begin();

    std::string id;
    std::vector<Attribute<NodeKey>> node;
    const auto add = [&node](NodeKey key, Value value) {
        if (const auto* text = std::get_if<std::string_view>(&value); text && text->empty()) {
            return;  // empty and absent are the same in the model: omit
        }
        node.push_back({key, value});
    };

    const auto posts = model.posts();
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const auto& post = posts[i];
        node.clear();
        add(NodeKey::Type, "post"sv);
        add(NodeKey::Ref, post.id);
        add(NodeKey::Label, post.title);
        add(NodeKey::Title, post.title);
        add(NodeKey::Unit, model[post.unit].id);
        add(NodeKey::Function, post.function);
        add(NodeKey::Fte, post.fte);
        add(NodeKey::Cost, post.cost);
        add(NodeKey::Vacant, post.vacant());
        // Depth 0 marks a post on a reporting cycle, which a loaded model never has.
        if (const auto layer = forest.depth(model::at<model::PostId>(i)); layer > 0) {
            add(NodeKey::Layer, std::int64_t{layer});
        }
        set_node_id(id, kPostPrefix, post.id);
        writer.node({id, node});
    }

    const auto units = model.units();
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (!shown[i]) continue;
        const auto& unit = units[i];
        node.clear();
        add(NodeKey::Type, "unit"sv);
        add(NodeKey::Ref, unit.id);
        add(NodeKey::Label, unit.name);
        add(NodeKey::Name, unit.name);
        add(NodeKey::Kind, model::to_string(unit.kind));
        if (unit.capacity) add(NodeKey::Capacity, *unit.capacity);
        if (unit.head) add(NodeKey::Head, model[*unit.head].id);
        set_node_id(id, kUnitPrefix, unit.id);
        writer.node({id, node});
    }

    std::string source;
    std::string target;
    std::vector<Attribute<EdgeKey>> edge;
    std::size_t edge_index = 0;
    const auto write_edge = [&] { writer.edge({edge_index++, source, target, edge}); };

    for (const auto& post : posts) {
        if (!post.reports_to) continue;
        set_node_id(source, kPostPrefix, post.id);
        set_node_id(target, kPostPrefix, model[*post.reports_to].id);
        edge.assign({{EdgeKey::Kind, "reports_to"sv}});
        write_edge();
    }
    for (const auto& link : model.links()) {
        set_node_id(source, model, link.from);
        set_node_id(target, model, link.to);
        edge.assign({{EdgeKey::Kind, model::to_string(link.kind)}});
        if (link.weight) edge.push_back({EdgeKey::Weight, *link.weight});
        if (!link.note.empty()) edge.push_back({EdgeKey::Note, link.note});
        write_edge();
    }
    if (options.units) {
        for (const auto& post : posts) {
            set_node_id(source, kPostPrefix, post.id);
            set_node_id(target, kUnitPrefix, model[post.unit].id);
            edge.assign({{EdgeKey::Kind, "in_unit"sv}});
            write_edge();
        }
        for (const auto& unit : units) {
            if (!unit.parent) continue;
            set_node_id(source, kUnitPrefix, unit.id);
            set_node_id(target, kUnitPrefix, model[*unit.parent].id);
            edge.assign({{EdgeKey::Kind, "parent"sv}});
            write_edge();
        }
    }

    writer.end();
}

// ---------------------------------------------------------------------------------------------
// Text: a buffer flushed to the stream in large pieces, UTF-8 checked, escaped per format.

class Sink {
public:
    explicit Sink(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + kFlushAt / 4); }

    [[nodiscard]] std::string& text() noexcept { return text_; }

    // Called between elements, so that one element never straddles two writes for nothing.
    void maybe_flush() {
        if (text_.size() >= kFlushAt) flush();
    }
    void flush() {
        out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
        text_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = std::size_t{1} << 16;
    std::ostream& out_;
    std::string text_;
};

void append_number(std::string& out, double value) { base::append_exact_number(out, value); }

void append_number(std::string& out, std::int64_t value) {
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr);
}

// A value in XML Schema's lexical form (GraphML and GEXF): xs:double spells the non-finite
// values NaN, INF and -INF.
void append_xml_value(std::string& out, const Value& value) {
    if (const auto* text = std::get_if<std::string_view>(&value)) {
        append_xml(out, *text);
    } else if (const auto* number = std::get_if<double>(&value)) {
        if (std::isnan(*number)) {
            out += "NaN";
        } else if (std::isinf(*number)) {
            out += *number > 0 ? "INF" : "-INF";
        } else {
            append_number(out, *number);
        }
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        append_number(out, *integer);
    } else {
        out += std::get<bool>(value) ? "true" : "false";
    }
}

template <class KeyEnum, std::size_t N>
[[nodiscard]] std::string_view name_of(const std::array<Key, N>& keys, KeyEnum key) {
    return keys[key_index(key)].name;
}

// ---------------------------------------------------------------------------------------------
// GraphML (http://graphml.graphdrawing.org/): a <key> per attribute, then nodes and edges.

class GraphMlWriter {
public:
    explicit GraphMlWriter(std::ostream& out) : sink_(out) {}

    void begin() {
        auto& o = sink_.text();
        o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
        declare_keys(o, kNodeKeys, "node", "n_");
        declare_keys(o, kEdgeKeys, "edge", "e_");
        o += "  <graph id=\"reorg\" edgedefault=\"directed\">\n";
    }

    void node(const Node& node) {
        auto& o = sink_.text();
        o += "    <node id=\"";
        append_xml(o, node.id);
        o += "\">\n";
        for (const auto& attribute : node.attributes) {
            data(o, "n_", name_of(kNodeKeys, attribute.key), attribute.value);
        }
        o += "    </node>\n";
        sink_.maybe_flush();
    }

    void edge(const Edge& edge) {
        auto& o = sink_.text();
        o += "    <edge id=\"e";
        append_number(o, static_cast<std::int64_t>(edge.index));
        o += "\" source=\"";
        append_xml(o, edge.source);
        o += "\" target=\"";
        append_xml(o, edge.target);
        o += "\">\n";
        for (const auto& attribute : edge.attributes) {
            data(o, "e_", name_of(kEdgeKeys, attribute.key), attribute.value);
        }
        o += "    </edge>\n";
        sink_.maybe_flush();
    }

    void end() {
        sink_.text() += "  </graph>\n</graphml>\n";
        sink_.flush();
    }

private:
    template <std::size_t N>
    static void declare_keys(std::string& o, const std::array<Key, N>& keys,
                             std::string_view domain, std::string_view prefix) {
        for (const auto& key : keys) {
            o += "  <key id=\"";
            o += prefix;
            o += key.name;
            o += "\" for=\"";
            o += domain;
            o += "\" attr.name=\"";
            o += key.name;
            o += "\" attr.type=\"";
            o += graphml_type(key.type);
            o += "\"/>\n";
        }
    }

    static std::string_view graphml_type(Type type) {
        switch (type) {
            case Type::String:
                return "string";
            case Type::Double:
                return "double";
            case Type::Int:
                return "int";
            case Type::Boolean:
                return "boolean";
        }
        return "string";
    }

    static void data(std::string& o, std::string_view prefix, std::string_view name,
                     const Value& value) {
        o += "      <data key=\"";
        o += prefix;
        o += name;
        o += "\">";
        append_xml_value(o, value);
        o += "</data>\n";
    }

    Sink sink_;
};

// ---------------------------------------------------------------------------------------------
// GEXF 1.2 (https://gexf.net/): attributes declared per class with numeric ids; node label and
// edge weight are GEXF's own XML attributes, so Gephi sizes and labels by them.

class GexfWriter {
public:
    explicit GexfWriter(std::ostream& out) : sink_(out) {}

    void begin() {
        auto& o = sink_.text();
        // No lastmodifieddate: the same model must give the same bytes.
        o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\"\n"
             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
             "http://www.gexf.net/1.2draft/gexf.xsd\">\n"
             "  <meta>\n"
             "    <creator>reorg</creator>\n"
             "  </meta>\n"
             "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
        declare_attributes(o, kNodeKeys, "node", NodeKey::Label);
        declare_attributes(o, kEdgeKeys, "edge", EdgeKey::Weight);
        o += "    <nodes>\n";
    }

    void node(const Node& node) {
        auto& o = sink_.text();
        o += "      <node id=\"";
        append_xml(o, node.id);
        o += '"';
        for (const auto& attribute : node.attributes) {
            if (attribute.key != NodeKey::Label) continue;
            o += " label=\"";
            append_xml_value(o, attribute.value);
            o += '"';
        }
        o += ">\n        <attvalues>\n";
        for (const auto& attribute : node.attributes) {
            if (attribute.key == NodeKey::Label) continue;
            attvalue(o, key_index(attribute.key), attribute.value);
        }
        o += "        </attvalues>\n      </node>\n";
        sink_.maybe_flush();
    }

    void edge(const Edge& edge) {
        auto& o = sink_.text();
        if (edge.index == 0) o += "    </nodes>\n    <edges>\n";
        o += "      <edge id=\"";
        append_number(o, static_cast<std::int64_t>(edge.index));
        o += "\" source=\"";
        append_xml(o, edge.source);
        o += "\" target=\"";
        append_xml(o, edge.target);
        o += '"';
        for (const auto& attribute : edge.attributes) {
            if (attribute.key == EdgeKey::Kind) {
                o += " label=\"";
                append_xml_value(o, attribute.value);
                o += '"';
            } else if (attribute.key == EdgeKey::Weight) {
                o += " weight=\"";
                append_xml_value(o, attribute.value);
                o += '"';
            }
        }
        o += ">\n        <attvalues>\n";
        for (const auto& attribute : edge.attributes) {
            if (attribute.key == EdgeKey::Weight) continue;
            attvalue(o, key_index(attribute.key), attribute.value);
        }
        o += "        </attvalues>\n      </edge>\n";
        edges_ = true;
        sink_.maybe_flush();
    }

    void end() {
        sink_.text() += edges_ ? "    </edges>\n" : "    </nodes>\n";
        sink_.text() += "  </graph>\n</gexf>\n";
        sink_.flush();
    }

private:
    template <std::size_t N, class KeyEnum>
    static void declare_attributes(std::string& o, const std::array<Key, N>& keys,
                                   std::string_view domain, KeyEnum native) {
        o += "    <attributes class=\"";
        o += domain;
        o += "\" mode=\"static\">\n";
        for (std::size_t i = 0; i < N; ++i) {
            if (i == key_index(native)) continue;
            o += "      <attribute id=\"";
            append_number(o, static_cast<std::int64_t>(i));
            o += "\" title=\"";
            o += keys[i].name;
            o += "\" type=\"";
            o += gexf_type(keys[i].type);
            o += "\"/>\n";
        }
        o += "    </attributes>\n";
    }

    static std::string_view gexf_type(Type type) {
        switch (type) {
            case Type::String:
                return "string";
            case Type::Double:
                return "double";
            case Type::Int:
                return "integer";
            case Type::Boolean:
                return "boolean";
        }
        return "string";
    }

    static void attvalue(std::string& o, std::size_t key, const Value& value) {
        o += "          <attvalue for=\"";
        append_number(o, static_cast<std::int64_t>(key));
        o += "\" value=\"";
        append_xml_value(o, value);
        o += "\"/>\n";
    }

    Sink sink_;
    bool edges_ = false;
};

// ---------------------------------------------------------------------------------------------
// JSON in NetworkX's node-link form (networkx.node_link_graph reads it): one node or link per
// line.

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : sink_(out) {}

    void begin() {
        sink_.text() +=
            "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n"
            "  \"nodes\": [";
    }

    void node(const Node& node) {
        auto& o = sink_.text();
        o += first_ ? "\n    {\"id\": \"" : ",\n    {\"id\": \"";
        first_ = false;
        append_json(o, node.id);
        o += '"';
        for (const auto& attribute : node.attributes) {
            member(o, name_of(kNodeKeys, attribute.key), attribute.value);
        }
        o += '}';
        sink_.maybe_flush();
    }

    void edge(const Edge& edge) {
        auto& o = sink_.text();
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
        sink_.maybe_flush();
    }

    void end() {
        auto& o = sink_.text();
        if (!links_) {
            close_list(o);
            o += ",\n  \"links\": []";
        } else {
            close_list(o);
        }
        o += "\n}\n";
        sink_.flush();
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

    Sink sink_;
    bool first_ = true;
    bool links_ = false;
};

// ---------------------------------------------------------------------------------------------
// DOT (Graphviz): every id and value a quoted string; posts as boxes, units as folders, links
// dashed and the unit structure dotted, so that `dot -Tsvg` gives a readable first picture.

class DotWriter {
public:
    explicit DotWriter(std::ostream& out) : sink_(out) {}

    void begin() { sink_.text() += "digraph reorg {\n  node [shape=box];\n"; }

    void node(const Node& node) {
        auto& o = sink_.text();
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
        sink_.maybe_flush();
    }

    void edge(const Edge& edge) {
        auto& o = sink_.text();
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
        sink_.maybe_flush();
    }

    void end() {
        sink_.text() += "}\n";
        sink_.flush();
    }

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

    Sink sink_;
};

template <class Writer>
void write_with(std::ostream& out, const Model& model, const ExportOptions& options) {
    Writer writer(out);
    walk(model, options, writer);
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) noexcept {
    constexpr std::array<std::pair<std::string_view, ExportFormat>, 4> kFormats{{
        {"graphml", ExportFormat::GraphMl},
        {"gexf", ExportFormat::Gexf},
        {"json", ExportFormat::Json},
        {"dot", ExportFormat::Dot},
    }};
    for (const auto& [spelling, format] : kFormats) {
        if (base::iequals_ascii(name, spelling)) return format;
    }
    return std::nullopt;
}

void export_model(std::ostream& out, const model::Model& model, ExportFormat format,
                  const ExportOptions& options) {
    switch (format) {
        case ExportFormat::GraphMl:
            write_with<GraphMlWriter>(out, model, options);
            break;
        case ExportFormat::Gexf:
            write_with<GexfWriter>(out, model, options);
            break;
        case ExportFormat::Json:
            write_with<JsonWriter>(out, model, options);
            break;
        case ExportFormat::Dot:
            write_with<DotWriter>(out, model, options);
            break;
    }
}

}  // namespace reorg::io
