#pragma once
// What the importers (import_organogram.cpp, import_hr_csv.cpp) share: field access, and units
// and posts drafted from the rows, then handed to the ModelBuilder. Internal to reorg_io.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reorg/base/text.hpp"
#include "reorg/io/detail/model_builder.hpp"
#include "reorg/model/model.hpp"

namespace reorg::io::detail {

/// `text` in single quotes, for messages.
inline std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

/// Whether `a` and `b` are equal ignoring ASCII case.
inline bool iequals(std::string_view a, std::string_view b) { return base::iequals_ascii(a, b); }

/// A field's trimmed value; empty for a column the file lacks or a short row.
inline std::string_view field(std::span<const std::string_view> fields, std::size_t index) {
    return index < fields.size() ? base::trim(fields[index]) : std::string_view{};
}

/// The first non-empty value among the fields at `indices`.
inline std::string_view first_value(std::span<const std::string_view> fields,
                                    const std::vector<std::size_t>& indices) {
    for (const auto index : indices) {
        if (const auto value = field(fields, index); !value.empty()) return value;
    }
    return {};
}

/// Names for a source of units or people made from the values of one column (units from
/// `Unit`, holders from `Name`): whatever the builder says about such a row, it says at that
/// column, or at none when `header` is empty.
[[nodiscard]] ColumnNames made_from(std::string_view header);

/// A unit an importer makes.
struct UnitDraft {
    std::string id;
    std::string_view name;
    model::UnitKind kind = model::UnitKind::Department;
    std::optional<std::uint32_t> parent;
    std::optional<std::uint32_t> head;  ///< index of the post heading it
    Origin origin{};
    bool headless = false;  ///< no head is chosen for it: nobody in it has a known manager
};

/// A post an importer makes, with the person holding it. The strings live in the source files'
/// buffers or in the importer's arena.
struct PostDraft {
    std::string_view id{};
    std::string_view title{};
    std::string_view function{};
    std::uint32_t unit = 0;
    std::optional<std::uint32_t> manager{};  ///< index of the post it reports to
    std::string_view fte{};                  ///< as text; the builder checks it
    std::string_view cost{};
    std::string_view person{};  ///< the holder's id; empty for a vacancy
    std::string_view person_name{};
    std::array<std::string_view, 5> extra{};  ///< values of the extra columns
    bool may_head = true;  ///< false for a post that cannot head a unit (a group of staff)
    Origin origin{};
    Origin person_origin{};
};

/// Units made from names: one root (kind administration) per organisation, one department per
/// distinct unit name under it. Ids come from the names, made unique in the order the units
/// appear, so the same file always gives the same ids.
class UnitMaker {
public:
    /// The root unit named `name`, made from `origin` if it is new.
    std::uint32_t root(std::string_view name, Origin origin);

    /// The department named `name` under the root unit `root`, made from `origin` if it is new.
    std::uint32_t department(std::uint32_t root, std::string_view name, Origin origin);

    [[nodiscard]] std::vector<UnitDraft>& units() noexcept { return units_; }

private:
    std::uint32_t add(std::string id, std::string_view name, model::UnitKind kind,
                      std::optional<std::uint32_t> parent, Origin origin);

    std::vector<UnitDraft> units_;
    // Node-based maps: the names in their keys are what the drafts' names view.
    std::map<std::string, std::uint32_t, std::less<>> roots_;
    std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> departments_;
    std::unordered_set<std::string> ids_;
};

/// Hands the units and posts to `builder`, whose sources their origins name, and finishes it, so
/// that an imported model is checked like a loaded one; each unit is headed by the post that
/// all its other posts report up to, if there is one and it may head a unit, and the posts carry
/// `extra_columns` (at most five). Throws InputError if anything, here
/// or before, was wrong.
[[nodiscard]] model::Model build_model(ModelBuilder& builder, std::vector<UnitDraft>& units,
                                       std::span<const PostDraft> posts,
                                       std::vector<std::string> extra_columns);

}  // namespace reorg::io::detail
