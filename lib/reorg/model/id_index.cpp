#include "reorg/model/id_index.hpp"

#include <cstring>

namespace reorg::model {

std::uint64_t IdIndex::hash(std::string_view key) noexcept {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : key) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 32;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

void IdIndex::Slot::store(std::string_view wanted) noexcept {
    size = static_cast<std::uint32_t>(wanted.size());
    if (size <= kInline) {
        std::memcpy(key, wanted.data(), size);
    } else {
        const char* data = wanted.data();
        std::memcpy(key, &data, sizeof data);
    }
}

std::string_view IdIndex::Slot::view() const noexcept {
    if (size <= kInline) return {key, size};
    const char* data = nullptr;
    std::memcpy(&data, key, sizeof data);
    return {data, size};
}

bool IdIndex::Slot::holds(std::string_view wanted, std::uint32_t fingerprint) const noexcept {
    if (hash != fingerprint || size != wanted.size()) return false;
    if (size <= kInline) return std::memcmp(key, wanted.data(), size) == 0;
    return std::memcmp(view().data(), wanted.data(), size) == 0;
}

std::optional<std::uint32_t> IdIndex::find(std::string_view key) const noexcept {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t h = hash(key);
    const auto fingerprint = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.position == kEmpty) return std::nullopt;
        if (slot.holds(key, fingerprint)) return slot.position;
    }
}

std::optional<std::uint32_t> IdIndex::insert(std::string_view key, std::uint32_t position) {
    return insert(key, position, hash(key));
}

std::optional<std::uint32_t> IdIndex::insert(std::string_view key, std::uint32_t position,
                                             std::uint64_t h) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const auto fingerprint = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.position == kEmpty) {
            slot.store(key);
            slot.hash = fingerprint;
            slot.position = position;
            ++size_;
            return std::nullopt;
        }
        if (slot.holds(key, fingerprint)) return slot.position;
    }
}

void IdIndex::reserve(std::size_t count) {
    std::size_t capacity = slots_.empty() ? 16 : slots_.size();
    while (capacity < count * 2) capacity *= 2;
    if (capacity != slots_.size()) rehash(capacity);
}

void IdIndex::rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    const std::size_t mask = capacity - 1;
    for (const Slot& slot : old) {
        if (slot.position == kEmpty) continue;
        // The fingerprint is the hash's upper half; the slot comes from the lower half, so it
        // has to be computed again.
        std::size_t i = hash(slot.view()) & mask;
        while (slots_[i].position != kEmpty) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

}  // namespace reorg::model
