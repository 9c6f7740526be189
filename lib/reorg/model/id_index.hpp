#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace reorg::model {

/// A hash index from string ids to positions in a table. It holds views of the keys, not
/// copies: the keys must live in storage that outlives the index (a Model's shared text), and
/// then copies of the index stay valid too.
///
/// Each slot keeps the key's view, its hash and its position, so a lookup touches one slot and,
/// only when the hashes agree, the key's bytes: two cache misses for a hit in a table of
/// millions, which is what loading five million links costs. Open addressing, linear probing,
/// load factor at most 1/2.
class IdIndex {
public:
    /// Position of `key`, if present. O(1) expected.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const noexcept;

    /// Adds `key` at `position` unless it is present; returns the position already holding it.
    std::optional<std::uint32_t> insert(std::string_view key, std::uint32_t position);

    /// insert() for a key whose hash() the caller computed, after prefetch() of that hash a
    /// few keys earlier: how a loader indexing a million ids keeps several cache misses in
    /// flight instead of waiting for each.
    std::optional<std::uint32_t> insert(std::string_view key, std::uint32_t position,
                                        std::uint64_t hash);
    /// Starts loading the slot where a key of this hash would go. Only a hint.
    void prefetch(std::uint64_t hash) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }

    /// Makes room for `count` keys without rehashing.
    void reserve(std::size_t count);

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// FNV-1a over the bytes, finished with a multiply-xorshift so that every bit of the result
    /// depends on every byte (ids like P000123 differ only in a few low bits).
    [[nodiscard]] static std::uint64_t hash(std::string_view key) noexcept;

private:
    struct Slot {
        const char* data = nullptr;
        std::uint32_t size = 0;
        std::uint32_t hash = 0;
        std::uint32_t position = kEmpty;
    };
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

    void rehash(std::size_t capacity);

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace reorg::model
