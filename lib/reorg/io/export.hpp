#pragma once
#include <iosfwd>
#include <optional>
#include <string_view>

#include "reorg/model/model.hpp"

/// Exporters for graph tools (`reorg export`): Gephi, yEd, Cytoscape, NetworkX, Graphviz.
namespace reorg::io {

enum class ExportFormat { GraphMl, Gexf, Json, Dot };

/// `graphml`, `gexf`, `json` or `dot` (any ASCII case); nullopt otherwise.
[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name) noexcept;

struct ExportOptions {
    bool units = false;  ///< add units as nodes, with `in_unit` edges from posts and `parent` edges
};

/// Writes the model as a directed multigraph, the same graph in every format:
///
/// - Nodes. Node ids carry a prefix, `post:KC` and `unit:KLF`, since posts and units may share
///   an id; the id as the model spells it is the attribute `ref` (not `id`, which node-link
///   JSON, Gephi and Graphviz each reserve for their own use). Every node has `type` (`post` or
///   `unit`), `ref` and `label` (a post's title, a unit's name). Posts also have `title`,
///   `unit` (the unit's id), `function`, `fte`, `cost`, `vacant` (boolean) and `layer` (1 for a
///   top post); units have `name`, `kind`, `capacity` and `head` (the head post's id). Posts
///   come first in model order, then units in model order.
/// - Which units are nodes. With `units`, every unit. Without, exactly the units that a link
///   names (a `member_of` group, both ends of a `serves` flow, a unit in a collaboration), so
///   that every edge has both its ends; they carry the same attributes but no `in_unit` or
///   `parent` edges.
/// - Edges, each with `kind`: reporting lines from a post to its manager (`reports_to`), then
///   every link in model order (`dotted_line`, `member_of`, `serves`, `collaborates`, from → to
///   as the file has them, with `weight` and `note`), then with `units` an `in_unit` edge from
///   every post to its unit and a `parent` edge from every sub-unit to its parent.
/// - Absent values are omitted, never written as empty or zero: a link without a weight, and
///   every reporting, `in_unit` and `parent` edge, has no `weight` (NetworkX and Gephi then
///   count it as 1); an empty function, title or note is left out.
///
/// Formats. GraphML: a `<key>` per attribute with attr.type string, double, int or boolean,
/// `edgedefault="directed"`, edge ids `e0`, `e1`, ... GEXF 1.2: attributes declared per class;
/// the label and an edge's weight are GEXF's own `label` and `weight`, and an edge's `label`
/// is its kind. JSON: NetworkX node-link form (`directed`, `multigraph`, `graph`, `nodes` with
/// `id`, `links` with `source` and `target`), one node or link per line; `networkx.
/// node_link_graph` reads it. DOT: a `digraph` of quoted ids and `key="value"` attributes,
/// posts as boxes, units as folders, links dashed, `in_unit` and `parent` dotted; a unit's
/// name is only its `label`, since Graphviz calls a node's id its `name`.
///
/// Text. Every string is escaped for its format and stays UTF-8. XML: `& < > " '` as entities,
/// tab, LF and CR as character references (so parsers keep them); other control characters,
/// which XML 1.0 does not allow, become U+FFFD. JSON: `"` and `\` escaped, control characters
/// as `\u00XX`. DOT: `"` and `\` escaped, a line break (LF, CR LF, CR) as `\n`, other control
/// characters but tab as U+FFFD. In every format ill-formed UTF-8 and U+FFFE/U+FFFF become
/// U+FFFD. Numbers are the shortest text that reads back exactly (std::to_chars).
///
/// Deterministic: the same model gives the same bytes. O(posts + units + links); memory beyond
/// the model is a reporting forest and a 64 KiB buffer. Throws only what `out` throws; check the
/// stream afterwards.
void export_model(std::ostream& out, const model::Model& model, ExportFormat format,
                  const ExportOptions& options = {});

}  // namespace reorg::io
