#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace reorg::model {

/// A hash index from string ids to positions in a table. It holds views of the keys longer than
/// eight bytes, not copies: those must live in storage that outlives the index (a Model's
/// shared text), and then copies of the index stay valid too.
///
/// Each slot keeps its position, the key's hash and the key itself when it fits in eight bytes
/// (most ids do: P0012345, 4711, U77), else a view of it. A lookup of a short key touches one
/// slot; a long one, only when the hashes agree, its bytes too: one cache miss, or two, for a
/// hit in a table of millions, which is what loading five million links costs. Open
/// addressing, linear probing, load factor at most 1/2.
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
    static constexpr std::size_t kInline = 8;  // keys up to this long live in the slot
    struct Slot {
        char key[kInline] = {};  // the key's bytes, or the address of a longer key
        std::uint32_t size = 0;
        std::uint32_t hash = 0;
        std::uint32_t position = kEmpty;

        void store(std::string_view key) noexcept;
        [[nodiscard]] std::string_view view() const noexcept;
        [[nodiscard]] bool holds(std::string_view key, std::uint32_t fingerprint) const noexcept;
    };
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

    void rehash(std::size_t capacity);

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace reorg::model
