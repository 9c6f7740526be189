#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace reorg::scenario::detail {

/// A list of positions per owner (a post's direct reports, a unit's posts), as a draft keeps
/// them while changes apply. The lists of the base are made at once, in one array with an
/// offset per owner (counted, then placed: no allocation per list); a list moves to a vector
/// of its own only when a change edits it. A million lists thus cost three arrays instead of a
/// million vectors to allocate, fill and free. Each list of the base holds its values in
/// ascending order; edits keep the order of push_back and erase on a vector.
class PositionLists {
public:
    PositionLists() = default;

    /// Lists for `owners` owners, made of the values 0 to `values` - 1: value v is in the list
    /// of `owner_of(v)` (a std::optional<std::uint32_t> below `owners`), or in none.
    template <class OwnerOf>
    PositionLists(std::size_t owners, std::size_t values, OwnerOf&& owner_of)
        : offsets_(owners + 1, 0), edited_(owners, kNone) {
        for (std::size_t v = 0; v < values; ++v) {
            if (const std::optional<std::uint32_t> o = owner_of(v)) ++offsets_[*o + 1];
        }
        for (std::size_t o = 0; o < owners; ++o) offsets_[o + 1] += offsets_[o];
        values_.resize(offsets_[owners]);
        std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
        for (std::size_t v = 0; v < values; ++v) {
            if (const std::optional<std::uint32_t> o = owner_of(v)) {
                values_[next[*o]++] = static_cast<std::uint32_t>(v);
            }
        }
    }

    /// The list of `owner`.
    [[nodiscard]] std::span<const std::uint32_t> operator[](std::size_t owner) const noexcept {
        if (edited_[owner] != kNone) return own_[edited_[owner]];
        if (owner + 1 >= offsets_.size()) return {};  // an owner added since, never edited
        return {values_.data() + offsets_[owner], values_.data() + offsets_[owner + 1]};
    }

    /// The number of owners.
    [[nodiscard]] std::size_t size() const noexcept { return edited_.size(); }

    /// Adds an owner with an empty list.
    void add_owner() { edited_.push_back(kNone); }

    /// Appends `value` to the list of `owner`.
    void push_back(std::size_t owner, std::uint32_t value) { edit(owner).push_back(value); }

    /// Removes the first `value` from the list of `owner`, if it holds one.
    void erase(std::size_t owner, std::uint32_t value) {
        const auto list = (*this)[owner];
        if (std::find(list.begin(), list.end(), value) == list.end()) return;
        auto& own = edit(owner);
        own.erase(std::find(own.begin(), own.end(), value));
    }

private:
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};

    std::vector<std::uint32_t>& edit(std::size_t owner) {
        if (edited_[owner] == kNone) {
            const auto list = (*this)[owner];
            edited_[owner] = static_cast<std::uint32_t>(own_.size());
            own_.emplace_back(list.begin(), list.end());
        }
        return own_[edited_[owner]];
    }

    std::vector<std::uint32_t> offsets_;  // per owner of the base, and one past the last
    std::vector<std::uint32_t> values_;   // the base's lists, one after the other
    std::vector<std::uint32_t> edited_;   // per owner: its list in own_, or kNone
    std::vector<std::vector<std::uint32_t>> own_;
};

}  // namespace reorg::scenario::detail
