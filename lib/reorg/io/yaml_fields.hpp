#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/kinds.hpp"

/// Reading the fields of a YAML map the way every hand-written YAML input of reorg does
/// (scenario changes, rules): each field read at most once, every mistake reported at its line
/// with the nearest spelling, and what is left unread reported as an unknown field.
namespace reorg::io {

using base::did_you_mean;
using base::in_backticks;

/// The fields of one map (a scenario change, a rule), for reading each once. Errors go to the
/// diagnostics at the field's line of `file`, prefixed with `what` ("change 3 (merge)", "span").
/// Holds references to `file` and `diagnostics`, which must outlive it.
class YamlFields {
public:
    YamlFields(const std::string& file, std::uint32_t line, std::string what,
               Diagnostics& diagnostics);

    void add(std::string key, YAML::Node value, std::uint32_t line);

    /// Adds every entry of a map node; false (after reporting) when it is no map.
    bool add_map(const YAML::Node& map);

    [[nodiscard]] bool has(std::string_view key) const;

    /// A scalar as written (a number too), trimmed; null is empty. Reports a missing required
    /// field and a list or map.
    std::string text(std::string_view key, bool required = true);

    /// nullopt when absent; otherwise as text().
    std::optional<std::string> optional_text(std::string_view key);

    /// nullopt when absent or null; reports anything but a number.
    std::optional<double> number(std::string_view key);

    /// nullopt when absent or null; reports anything but true or false.
    std::optional<bool> boolean(std::string_view key);

    /// A list of values, or one value as a list of one.
    std::vector<std::string> texts(std::string_view key, bool required = true);

    /// The raw node (for nested maps and lists), or nullopt (reported when required).
    std::optional<YAML::Node> node(std::string_view key, bool required = true);

    [[nodiscard]] std::uint32_t line_of_field(std::string_view key) const;

    /// A kind of the model (unit kind, link kind) by its file spelling.
    template <class Kind>
    std::optional<Kind> kind(std::string_view key, std::optional<Kind> (*parse)(std::string_view),
                             std::span<const Kind> all, bool required = true) {
        const auto spelling = text(key, required);
        if (spelling.empty()) return std::nullopt;
        if (const auto kind = parse(spelling)) return kind;
        std::vector<std::string_view> names;
        std::string list;
        for (const auto k : all) {
            names.push_back(model::to_string(k));
            list += (list.empty() ? "" : ", ") + std::string(model::to_string(k));
        }
        error(line_of_field(key), key,
              "unknown kind " + in_backticks(spelling) + did_you_mean(spelling, names) +
                  "; one of " + list);
        return std::nullopt;
    }

    /// Reports each field not read, with the nearest of `known`.
    void finish(std::span<const std::string_view> known);

    /// Reports "WHAT: message" at `line` (0: the map's own line), under column `key`.
    void error(std::uint32_t line, std::string_view key, std::string message);

private:
    struct Field {
        YAML::Node value;
        std::uint32_t line = 0;
        bool used = false;
    };

    Field* take(std::string_view key, bool required);

    const std::string& file_;
    std::uint32_t line_;
    std::string what_;
    Diagnostics& diagnostics_;
    std::map<std::string, Field, std::less<>> fields_;
};

}  // namespace reorg::io
