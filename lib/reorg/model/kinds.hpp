#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

/// The closed vocabularies of the model, with their spelling in files (SPEC §3).
namespace reorg::model {

enum class UnitKind : std::uint8_t {
    Administration,
    Department,
    Office,
    Team,
    Committee,
    Group,
    Project,
    External,
};

enum class LinkKind : std::uint8_t { DottedLine, MemberOf, Serves, Collaborates };

enum class FindingKind : std::uint8_t { Works, DoesntWork, Cause };

/// The file spelling: "administration", "dotted_line", "doesnt_work", ...
[[nodiscard]] std::string_view to_string(UnitKind kind) noexcept;
[[nodiscard]] std::string_view to_string(LinkKind kind) noexcept;
[[nodiscard]] std::string_view to_string(FindingKind kind) noexcept;

/// A finding's kind as a reader says it: "works", "doesn't work", "cause".
[[nodiscard]] std::string_view words(FindingKind kind) noexcept;

/// Parses the file spelling, ignoring ASCII case and surrounding blanks; nullopt if unknown.
[[nodiscard]] std::optional<UnitKind> parse_unit_kind(std::string_view text) noexcept;
[[nodiscard]] std::optional<LinkKind> parse_link_kind(std::string_view text) noexcept;
[[nodiscard]] std::optional<FindingKind> parse_finding_kind(std::string_view text) noexcept;

/// Every value of each vocabulary, in declaration order (for messages and tables).
[[nodiscard]] std::span<const UnitKind> all_unit_kinds() noexcept;
[[nodiscard]] std::span<const LinkKind> all_link_kinds() noexcept;
[[nodiscard]] std::span<const FindingKind> all_finding_kinds() noexcept;

}  // namespace reorg::model
