#pragma once
// The graph every export format writes (see export_model in reorg/io/export.hpp): nodes and
// edges with typed attributes, visited in one fixed order so that each writer only decides how
// to spell them; and the spellings of numbers and XML that the writers share. One writer per
// format in io/export_<format>.cpp. Internal to reorg_io.
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "reorg/base/text.hpp"
#include "reorg/io/export.hpp"
#include "reorg/model/model.hpp"

namespace reorg::io::detail {

/// An attribute's type, as the formats that declare types (GraphML, GEXF) name it.
enum class Type : std::uint8_t { String, Double, Int, Boolean };

/// An attribute: its name in every format and its type.
struct Key {
    std::string_view name;
    Type type;
};

/// Node attributes, in the order every format writes them.
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
inline constexpr std::array<Key, 14> kNodeKeys{{
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

/// Edge attributes, in the order every format writes them.
enum class EdgeKey : std::uint8_t { Kind, Weight, Note };
inline constexpr std::array<Key, 3> kEdgeKeys{{
    {"kind", Type::String},
    {"weight", Type::Double},
    {"note", Type::String},
}};

/// The position of `key` in kNodeKeys or kEdgeKeys.
template <class KeyEnum>
[[nodiscard]] constexpr std::size_t key_index(KeyEnum key) noexcept {
    return static_cast<std::size_t>(key);
}

/// The name of `key` in `keys` (kNodeKeys or kEdgeKeys).
template <class KeyEnum, std::size_t N>
[[nodiscard]] std::string_view name_of(const std::array<Key, N>& keys, KeyEnum key) {
    return keys[key_index(key)].name;
}

using Value = std::variant<std::string_view, double, std::int64_t, bool>;

template <class KeyEnum>
struct Attribute {
    KeyEnum key;
    Value value;
};

/// A node as walk() hands it to a writer; the views last for the call only.
struct Node {
    std::string_view id;  ///< the graph's node id: "post:KC", "unit:KLF"
    std::span<const Attribute<NodeKey>> attributes;
};

/// An edge as walk() hands it to a writer; the views last for the call only.
struct Edge {
    std::size_t index;  ///< 0, 1, ... in the order written
    std::string_view source;
    std::string_view target;
    std::span<const Attribute<EdgeKey>> attributes;
};

/// What walk() drives, one per format: each call appends the text of its part of the graph to
/// `out`, which walk() writes to the stream in large pieces between elements.
class GraphWriter {
public:
    GraphWriter() = default;
    GraphWriter(const GraphWriter&) = delete;
    GraphWriter& operator=(const GraphWriter&) = delete;
    virtual ~GraphWriter() = default;

    virtual void begin(std::string& out) = 0;
    virtual void node(std::string& out, const Node& node) = 0;  ///< all before the first edge
    virtual void edge(std::string& out, const Edge& edge) = 0;
    virtual void end(std::string& out) = 0;
};

/// Writes the graph of `model` (export.hpp says which nodes, edges and attributes) to `out` as
/// `writer` spells it: begin(), the nodes, the edges, end(). O(posts + units + links); memory
/// beyond the model is a reporting forest and a 64 KiB buffer.
void walk(std::ostream& out, const model::Model& model, const ExportOptions& options,
          GraphWriter& writer);

/// The writers, one per format (io/export_<format>.cpp): each walks `model` into `out`.
void write_graphml(std::ostream& out, const model::Model& model, const ExportOptions& options);
void write_gexf(std::ostream& out, const model::Model& model, const ExportOptions& options);
void write_json(std::ostream& out, const model::Model& model, const ExportOptions& options);
void write_dot(std::ostream& out, const model::Model& model, const ExportOptions& options);

/// The shortest text that reads back exactly.
inline void append_number(std::string& out, double value) { base::append_exact_number(out, value); }

inline void append_number(std::string& out, std::int64_t value) {
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr);
}

/// A value in XML Schema's lexical form (GraphML and GEXF), text escaped for XML.
void append_xml_value(std::string& out, const Value& value);

/// ` name="value"`, the value as append_xml_value writes it.
void append_xml_attribute(std::string& out, std::string_view name, const Value& value);

/// The XML declaration and the root element's start tag: `root` (the tag up to its attributes:
/// `<graphml xmlns="…"`), then the XML Schema instance namespace and a schema location that
/// pairs `name_space` with `schema`, each on a line of its own.
void append_xml_root(std::string& out, std::string_view root, std::string_view name_space,
                     std::string_view schema);

/// ` source="…" target="…"`: an edge's ends, as GraphML and GEXF both write them.
void append_xml_ends(std::string& out, const Edge& edge);

/// One line that GraphML or GEXF writes per attribute, with holes: `{ref}` (how the format
/// refers to the key), `{name}` and `{type}` in a declaration, `{value}` in a value. Split at
/// compile time; a pattern with an unknown or unclosed hole, or more than three, does not
/// compile.
class XmlLine {
public:
    enum class Hole : std::uint8_t { Ref, Name, TypeName, ValueText };

    consteval XmlLine(const char* pattern) {  // NOLINT(google-explicit-constructor): a literal
        std::string_view rest(pattern);
        for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
            const auto close = rest.find('}', open);
            pieces_.at(holes_count_) = rest.substr(0, open);
            holes_.at(holes_count_++) = hole(rest.substr(open + 1, close - open - 1));
            rest.remove_prefix(close + 1);
        }
        pieces_.at(holes_count_) = rest;
    }

    /// Appends the line and a line break, `fill(hole)` writing each hole.
    template <class Fill>
    void append(std::string& out, Fill&& fill) const {
        for (std::size_t i = 0; i < holes_count_; ++i) {
            out += pieces_[i];
            fill(holes_[i]);
        }
        out += pieces_[holes_count_];
        out += '\n';
    }

private:
    static consteval Hole hole(std::string_view name) {
        if (name == "ref") return Hole::Ref;
        if (name == "name") return Hole::Name;
        if (name == "type") return Hole::TypeName;
        if (name == "value") return Hole::ValueText;
        throw "unknown hole in an XmlLine";
    }

    std::array<std::string_view, 4> pieces_{};
    std::array<Hole, 3> holes_{};
    std::size_t holes_count_ = 0;
};

/// How an XML format declares the attributes of nodes or edges and writes their values:
/// GraphML and GEXF do both alike and differ only in spelling.
struct XmlAttributeSyntax {
    XmlLine declaration;                         ///< `{ref}`, `{name}`, `{type}`
    XmlLine value;                               ///< `{ref}`, `{value}`
    std::array<std::string_view, 4> type_names;  ///< by Type: `string`, `double`, `int`, …
    /// `{ref}` is this prefix and the key's name (GraphML's `n_type`) or, without a prefix, the
    /// key's position in its list (GEXF's `0`).
    std::string_view ref_prefix;
};

/// A key position no key has: declare or write every attribute.
inline constexpr std::size_t kEveryKey = ~std::size_t{0};

/// Declares each of `keys` but the one at `native` (which the format writes as an XML attribute
/// of its own, such as GEXF's node label).
void declare_xml_attributes(std::string& out, std::span<const Key> keys,
                            const XmlAttributeSyntax& syntax, std::size_t native = kEveryKey);

/// Writes the value of the attribute at position `key` of `keys`.
void append_xml_attribute_value(std::string& out, std::span<const Key> keys, std::size_t key,
                                const Value& value, const XmlAttributeSyntax& syntax);

/// Writes the value of each of `attributes` but those of key `native`.
template <class KeyEnum>
void append_xml_attribute_values(std::string& out, std::span<const Key> keys,
                                 std::span<const Attribute<KeyEnum>> attributes,
                                 const XmlAttributeSyntax& syntax,
                                 std::type_identity_t<std::optional<KeyEnum>> native = {}) {
    for (const auto& attribute : attributes) {
        if (attribute.key == native) continue;
        append_xml_attribute_value(out, keys, key_index(attribute.key), attribute.value, syntax);
    }
}

}  // namespace reorg::io::detail
