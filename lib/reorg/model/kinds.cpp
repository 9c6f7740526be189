#include "reorg/model/kinds.hpp"

#include <array>
#include <utility>

#include "reorg/base/text.hpp"

namespace reorg::model {
namespace {

template <class Kind, std::size_t N>
struct Vocabulary {
    std::array<Kind, N> values;
    std::array<std::string_view, N> names;

    [[nodiscard]] constexpr std::string_view name(Kind kind) const noexcept {
        return names[static_cast<std::size_t>(kind)];
    }
    [[nodiscard]] std::optional<Kind> parse(std::string_view text) const noexcept {
        text = base::trim(text);
        for (std::size_t i = 0; i < N; ++i) {
            if (base::iequals_ascii(text, names[i])) return values[i];
        }
        return std::nullopt;
    }
};

constexpr Vocabulary<UnitKind, 8> kUnitKinds{
    {UnitKind::Administration, UnitKind::Department, UnitKind::Office, UnitKind::Team,
     UnitKind::Committee, UnitKind::Group, UnitKind::Project, UnitKind::External},
    {"administration", "department", "office", "team", "committee", "group", "project",
     "external"}};

constexpr Vocabulary<LinkKind, 4> kLinkKinds{
    {LinkKind::DottedLine, LinkKind::MemberOf, LinkKind::Serves, LinkKind::Collaborates},
    {"dotted_line", "member_of", "serves", "collaborates"}};

constexpr Vocabulary<FindingKind, 3> kFindingKinds{
    {FindingKind::Works, FindingKind::DoesntWork, FindingKind::Cause},
    {"works", "doesnt_work", "cause"}};

}  // namespace

std::string_view to_string(UnitKind kind) noexcept { return kUnitKinds.name(kind); }
std::string_view to_string(LinkKind kind) noexcept { return kLinkKinds.name(kind); }
std::string_view to_string(FindingKind kind) noexcept { return kFindingKinds.name(kind); }

std::string_view words(FindingKind kind) noexcept {
    switch (kind) {
        case FindingKind::Works:
            return "works";
        case FindingKind::DoesntWork:
            return "doesn't work";
        case FindingKind::Cause:
            return "cause";
    }
    return "";
}

std::optional<UnitKind> parse_unit_kind(std::string_view text) noexcept {
    return kUnitKinds.parse(text);
}
std::optional<LinkKind> parse_link_kind(std::string_view text) noexcept {
    return kLinkKinds.parse(text);
}
std::optional<FindingKind> parse_finding_kind(std::string_view text) noexcept {
    return kFindingKinds.parse(text);
}

std::span<const UnitKind> all_unit_kinds() noexcept { return kUnitKinds.values; }
std::span<const LinkKind> all_link_kinds() noexcept { return kLinkKinds.values; }
std::span<const FindingKind> all_finding_kinds() noexcept { return kFindingKinds.values; }

}  // namespace reorg::model
