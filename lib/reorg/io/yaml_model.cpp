#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reorg/io/detail/model_builder.hpp"
#include "reorg/io/detail/tables.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/io/yaml_document.hpp"

namespace reorg::io {
namespace {

// A field's text: a scalar as written, a list of scalars joined with `;` (so `about: [A, B]`
// reads like the CSV's `A;B`), null as empty. nullopt for anything else.
std::optional<std::string> field_text(const YAML::Node& node) {
    if (node.IsNull()) return std::string();
    if (node.IsScalar()) return node.Scalar();
    if (node.IsSequence()) {
        std::string joined;
        for (const auto& item : node) {
            if (!item.IsScalar()) return std::nullopt;
            if (!joined.empty()) joined += ';';
            joined += item.Scalar();
        }
        return joined;
    }
    return std::nullopt;
}

template <class Fields>
void read_list(const YAML::Node& root, const std::string& file, std::uint32_t source,
               const detail::TableSpec<Fields>& spec, ModelBuilder& builder,
               Diagnostics& diagnostics) {
    const YAML::Node list = root[std::string(spec.key)];
    if (!list || list.IsNull()) {
        if (spec.required)
            diagnostics.error({file, 0, std::string(spec.key)}, "the list is missing");
        return;
    }
    if (!list.IsSequence()) {
        diagnostics.error({file, line_of(list), std::string(spec.key)}, "must be a list of maps");
        return;
    }

    // Keys that are no column of the table are kept as extra columns, in order of appearance.
    std::vector<std::string> extra_names;
    for (const auto& item : list) {
        if (!item.IsMap()) continue;
        for (const auto& entry : item) {
            const auto key = entry.first.Scalar();
            const bool known =
                std::any_of(spec.columns.begin(), spec.columns.end(),
                            [&](const auto& c) { return detail::same_name(key, c.name); });
            if (!known &&
                std::find(extra_names.begin(), extra_names.end(), key) == extra_names.end()) {
                extra_names.push_back(key);
            }
        }
    }
    builder.set_extra_columns(spec.table, extra_names);

    std::vector<std::string> values(spec.columns.size());
    std::vector<std::string> extra_values(extra_names.size());
    std::vector<std::string_view> extra(extra_names.size());
    for (const auto& item : list) {
        const auto line = line_of(item);
        if (!item.IsMap()) {
            diagnostics.error({file, line, std::string(spec.key)}, "each entry must be a map");
            continue;
        }
        std::fill(values.begin(), values.end(), std::string());
        std::fill(extra_values.begin(), extra_values.end(), std::string());
        std::vector<bool> present(spec.columns.size(), false);
        std::vector<std::string> extra_seen;
        bool ok = true;
        for (const auto& entry : item) {
            const auto key = entry.first.Scalar();
            const auto known =
                std::find_if(spec.columns.begin(), spec.columns.end(),
                             [&](const auto& c) { return detail::same_name(key, c.name); });
            const bool is_column = known != spec.columns.end();
            const auto c = static_cast<std::size_t>(known - spec.columns.begin());
            // yaml-cpp keeps both of `{title: A, title: B}`: one of them would be lost. The row
            // is kept with the first, so that what refers to it does not fail too (a post "in a
            // unit that does not exist" because its unit gave its name twice).
            const bool twice = is_column ? present[c]
                                         : std::find(extra_seen.begin(), extra_seen.end(), key) !=
                                               extra_seen.end();
            if (twice) {
                diagnostics.error({file, line_of(entry.first), key}, "given twice");
                continue;
            }
            if (!is_column) extra_seen.push_back(key);
            if (is_column) present[c] = true;  // wrong or not, it is there: no "missing" error
            auto text = field_text(entry.second);
            if (!text) {
                diagnostics.error({file, line_of(entry.second), key},
                                  "must be a value or a list of values");
                ok = false;
                continue;
            }
            if (is_column) {
                values[c] = std::move(*text);
            } else {
                const auto e = static_cast<std::size_t>(
                    std::find(extra_names.begin(), extra_names.end(), key) - extra_names.begin());
                extra_values[e] = std::move(*text);
            }
        }
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            if (spec.columns[c].required && !present[c] &&
                spec.columns[c].name != "reports_to") {  // a top post may leave it out
                diagnostics.error({file, line, std::string(spec.columns[c].name)},
                                  "missing required field");
                ok = false;
            }
        }
        if (!ok) continue;
        Fields row{};
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            row.*(spec.columns[c].field) = values[c];
        }
        for (std::size_t e = 0; e < extra.size(); ++e) extra[e] = extra_values[e];
        detail::add_row(builder, row, {source, line}, extra);
    }
}

}  // namespace

model::Model read_yaml_model(const std::filesystem::path& path, Diagnostics& diagnostics,
                             const TextOptions& text) {
    const std::string file = path.string();
    const YAML::Node root = read_yaml_file(path, text);
    if (!root.IsMap()) throw InputError({file}, "expected a map with units:, posts:, ... lists");

    ModelBuilder builder(diagnostics);
    const auto people = root["people"];
    builder.set_people_listed(people && people.IsSequence());
    const auto source = builder.add_source(file);
    try {
        read_list(root, file, source, detail::kUnits, builder, diagnostics);
        read_list(root, file, source, detail::kPosts, builder, diagnostics);
        read_list(root, file, source, detail::kPeople, builder, diagnostics);
        read_list(root, file, source, detail::kLinks, builder, diagnostics);
        read_list(root, file, source, detail::kFindings, builder, diagnostics);
    } catch (const YAML::Exception& e) {
        rethrow_yaml_error(file, e);
    }
    return std::move(builder).finish();
}

}  // namespace reorg::io
