#include "reorg/io/detail/export_graph.hpp"

#include <cmath>
#include <ostream>
#include <vector>

#include "reorg/base/escape.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::io::detail {

using namespace std::string_view_literals;
using model::Model;

namespace {

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

// A key as an XML format refers to it (XmlAttributeSyntax::ref_prefix).
void append_ref(std::string& out, std::span<const Key> keys, std::size_t key,
                const XmlAttributeSyntax& syntax) {
    if (syntax.ref_prefix.empty()) {
        append_number(out, static_cast<std::int64_t>(key));
    } else {
        out += syntax.ref_prefix;
        out += keys[key].name;
    }
}

}  // namespace

void walk(std::ostream& out, const Model& model, const ExportOptions& options,
          GraphWriter& writer) {
    const auto& forest = model::reporting_forest(model);
    const auto shown = units_to_show(model, options);

    Sink sink(out);
    auto& buffer = sink.text();
    writer.begin(buffer);

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
        writer.node(buffer, {id, node});
        sink.maybe_flush();
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
        writer.node(buffer, {id, node});
        sink.maybe_flush();
    }

    std::string source;
    std::string target;
    std::vector<Attribute<EdgeKey>> edge;
    std::size_t edge_index = 0;
    const auto write_edge = [&] {
        writer.edge(buffer, {edge_index++, source, target, edge});
        sink.maybe_flush();
    };

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

    writer.end(buffer);
    sink.flush();
}

// XML Schema's xs:double spells the non-finite values NaN, INF and -INF.
void append_xml_value(std::string& out, const Value& value) {
    if (const auto* text = std::get_if<std::string_view>(&value)) {
        base::append_xml(out, *text);
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

void append_xml_root(std::string& out, std::string_view root, std::string_view name_space,
                     std::string_view schema) {
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += root;
    out +=
        "\n    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"";
    out += name_space;
    out += ' ';
    out += schema;
    out += "\">\n";
}

void append_xml_attribute(std::string& out, std::string_view name, const Value& value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_xml_value(out, value);
    out += '"';
}

void append_xml_ends(std::string& out, const Edge& edge) {
    append_xml_attribute(out, "source", edge.source);
    append_xml_attribute(out, "target", edge.target);
}

void declare_xml_attributes(std::string& out, std::span<const Key> keys,
                            const XmlAttributeSyntax& syntax, std::size_t native) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i == native) continue;
        syntax.declaration.append(out, [&](XmlLine::Hole hole) {
            switch (hole) {
                case XmlLine::Hole::Ref:
                    append_ref(out, keys, i, syntax);
                    break;
                case XmlLine::Hole::Name:
                    out += keys[i].name;
                    break;
                case XmlLine::Hole::TypeName:
                    out += syntax.type_names[static_cast<std::size_t>(keys[i].type)];
                    break;
                case XmlLine::Hole::ValueText:
                    break;  // a declaration has none
            }
        });
    }
}

void append_xml_attribute_value(std::string& out, std::span<const Key> keys, std::size_t key,
                                const Value& value, const XmlAttributeSyntax& syntax) {
    syntax.value.append(out, [&](XmlLine::Hole hole) {
        if (hole == XmlLine::Hole::Ref) append_ref(out, keys, key, syntax);
        if (hole == XmlLine::Hole::ValueText) append_xml_value(out, value);
    });
}

}  // namespace reorg::io::detail
