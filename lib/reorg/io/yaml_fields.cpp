#include "reorg/io/yaml_fields.hpp"

#include <utility>

#include "reorg/base/text.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/io/yaml_document.hpp"

namespace reorg::io {
namespace {

std::string trimmed(const std::string& text) { return std::string(base::trim(text)); }

}  // namespace

YamlFields::YamlFields(const std::string& file, std::uint32_t line, std::string what,
                       Diagnostics& diagnostics)
    : file_(file), line_(line), what_(std::move(what)), diagnostics_(diagnostics) {}

void YamlFields::add(std::string key, YAML::Node value, std::uint32_t line) {
    if (fields_.contains(key)) {
        error(line, key, "given twice");
        return;
    }
    fields_.emplace(std::move(key), Field{std::move(value), line, false});
}

bool YamlFields::add_map(const YAML::Node& map) {
    if (!map.IsMap()) {
        error(line_of(map), "", "must be a map of fields");
        return false;
    }
    for (const auto& entry : map) add(entry.first.Scalar(), entry.second, line_of(entry.first));
    return true;
}

bool YamlFields::has(std::string_view key) const { return fields_.contains(key); }

std::string YamlFields::text(std::string_view key, bool required) {
    auto* field = take(key, required);
    if (field == nullptr || field->value.IsNull()) return {};
    if (!field->value.IsScalar()) {
        error(field->line, key, "must be a single value, not a list or map");
        return {};
    }
    return trimmed(field->value.Scalar());
}

std::optional<std::string> YamlFields::optional_text(std::string_view key) {
    if (!has(key)) return std::nullopt;
    return text(key, false);
}

std::optional<double> YamlFields::number(std::string_view key) {
    auto* field = take(key, false);
    if (field == nullptr || field->value.IsNull()) return std::nullopt;
    if (field->value.IsScalar()) {
        if (const auto value = parse_number(field->value.Scalar())) return value;
    }
    error(field->line, key, "must be a number");
    return std::nullopt;
}

std::optional<bool> YamlFields::boolean(std::string_view key) {
    auto* field = take(key, false);
    if (field == nullptr || field->value.IsNull()) return std::nullopt;
    if (field->value.IsScalar()) {
        const auto value = trimmed(field->value.Scalar());
        if (value == "true") return true;
        if (value == "false") return false;
    }
    error(field->line, key, "must be true or false");
    return std::nullopt;
}

std::vector<std::string> YamlFields::texts(std::string_view key, bool required) {
    auto* field = take(key, required);
    std::vector<std::string> values;
    if (field == nullptr || field->value.IsNull()) return values;
    if (field->value.IsScalar()) {
        values.push_back(trimmed(field->value.Scalar()));
    } else if (field->value.IsSequence()) {
        for (const auto& item : field->value) {
            if (!item.IsScalar()) {
                error(line_of(item), key, "must be a list of ids");
                return {};
            }
            values.push_back(trimmed(item.Scalar()));
        }
    } else {
        error(field->line, key, "must be a list of ids");
    }
    if (required && values.empty()) error(field->line, key, "must name at least one id");
    return values;
}

std::optional<YAML::Node> YamlFields::node(std::string_view key, bool required) {
    auto* field = take(key, required);
    if (field == nullptr) return std::nullopt;
    return field->value;
}

std::uint32_t YamlFields::line_of_field(std::string_view key) const {
    const auto it = fields_.find(key);
    return it == fields_.end() ? line_ : it->second.line;
}

void YamlFields::finish(std::span<const std::string_view> known) {
    for (const auto& [key, field] : fields_) {
        if (!field.used) error(field.line, key, "unknown field" + did_you_mean(key, known));
    }
}

void YamlFields::error(std::uint32_t line, std::string_view key, std::string message) {
    diagnostics_.error({file_, line ? line : line_, std::string(key)},
                       what_ + ": " + std::move(message));
}

YamlFields::Field* YamlFields::take(std::string_view key, bool required) {
    const auto it = fields_.find(key);
    if (it == fields_.end()) {
        if (required) error(line_, key, "missing required field");
        return nullptr;
    }
    it->second.used = true;
    return &it->second;
}

}  // namespace reorg::io
