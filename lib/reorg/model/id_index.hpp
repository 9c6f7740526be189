#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace reorg::model {

/// A hash index from string ids to positions in a table, storing only the positions: the keys
/// are read back from the table through `key_of(position)`. That keeps it at 4 bytes a slot
/// and copyable together with the table it indexes (it holds no pointers).
/// Open addressing with linear probing at a load factor of at most 1/2.
class IdIndex {
public:
    /// Position of `key`, if present. O(1) expected.
    template <class KeyOf>
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key, KeyOf&& key_of) const {
        if (slots_.empty()) return std::nullopt;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            const std::uint32_t slot = slots_[i];
            if (slot == kEmpty) return std::nullopt;
            if (key_of(slot - 1) == key) return slot - 1;
        }
    }

    /// Adds `key` at `position` unless it is present; returns the position already holding it.
    template <class KeyOf>
    std::optional<std::uint32_t> insert(std::string_view key, std::uint32_t position,
                                        KeyOf&& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) grow(key_of);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            const std::uint32_t slot = slots_[i];
            if (slot == kEmpty) {
                slots_[i] = position + 1;
                ++size_;
                return std::nullopt;
            }
            if (key_of(slot - 1) == key) return slot - 1;
        }
    }

    /// Makes room for `count` keys without rehashing.
    template <class KeyOf>
    void reserve(std::size_t count, KeyOf&& key_of) {
        if (count * 2 > slots_.size()) rehash(capacity_for(count), key_of);
    }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// FNV-1a over the bytes, finished with a multiply so short ids spread over the table.
    [[nodiscard]] static std::uint64_t hash(std::string_view key) noexcept {
        std::uint64_t h = 14695981039346656037ULL;
        for (const char c : key) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL >> 7;
    }

private:
    static constexpr std::uint32_t kEmpty = 0;  // slots hold position + 1

    static std::size_t capacity_for(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        return capacity;
    }

    template <class KeyOf>
    void grow(KeyOf& key_of) {
        rehash(slots_.empty() ? 16 : slots_.size() * 2, key_of);
    }

    template <class KeyOf>
    void rehash(std::size_t capacity, KeyOf& key_of) {
        std::vector<std::uint32_t> old(capacity, kEmpty);
        old.swap(slots_);
        const std::size_t mask = capacity - 1;
        for (const std::uint32_t slot : old) {
            if (slot == kEmpty) continue;
            std::size_t i = hash(key_of(slot - 1)) & mask;
            while (slots_[i] != kEmpty) i = (i + 1) & mask;
            slots_[i] = slot;
        }
    }

    std::vector<std::uint32_t> slots_;
    std::size_t size_ = 0;
};

}  // namespace reorg::model
