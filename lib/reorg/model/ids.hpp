#pragma once
#include <cstdint>
#include <type_traits>
#include <variant>

/// Dense, strongly typed indices into a Model's tables. A UnitId is the position of a unit in
/// Model::units(), and so on; they are only meaningful together with the model they came from.
namespace reorg::model {

enum class UnitId : std::uint32_t {};
enum class PostId : std::uint32_t {};
enum class PersonId : std::uint32_t {};
enum class LinkId : std::uint32_t {};
enum class FindingId : std::uint32_t {};

/// The position an id stands for, for indexing plain arrays.
template <class Id>
requires std::is_enum_v<Id>
[[nodiscard]] constexpr std::size_t index(Id id) noexcept {
    return static_cast<std::size_t>(static_cast<std::underlying_type_t<Id>>(id));
}

/// The id at a position (the inverse of index()).
template <class Id>
requires std::is_enum_v<Id>
[[nodiscard]] constexpr Id at(std::size_t position) noexcept {
    return static_cast<Id>(static_cast<std::underlying_type_t<Id>>(position));
}

/// Something a link or a finding can name: a post or a unit.
using Ref = std::variant<PostId, UnitId>;

}  // namespace reorg::model
