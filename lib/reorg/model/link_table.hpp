#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "reorg/model/ids.hpp"
#include "reorg/model/kinds.hpp"

namespace reorg::model {

/// Any relation other than the reporting line: dotted line post→post, membership post→group,
/// service flow unit→unit (weight: yearly volume), collaboration post↔post or unit↔unit.
struct Link {
    Ref from;
    Ref to;
    LinkKind kind = LinkKind::Collaborates;
    std::optional<double> weight;
    std::string_view note;
};

/// The two ends of a link: what a pass over millions of links often needs alone.
struct LinkEnds {
    Ref from;
    Ref to;
};

/// The note of one link, for the links of a LinkColumns that have one.
struct LinkNote {
    std::uint32_t link;
    std::string_view note;

    friend bool operator<(const LinkNote& a, std::size_t b) noexcept { return a.link < b; }
};

/// Links held field by field, in memory the table does not own: a snapshot's columns read in
/// place from its mapping (schemas/model.capnp, LinkTable), so that loading millions of links
/// copies none. Entry i of every array describes link i; the loader checked every entry (ends
/// in range and fitting the kind, kind known) before making a model of them.
struct LinkColumns {
    std::size_t size = 0;
    const std::byte* from = nullptr;  ///< size little-endian uint32: a post's or unit's position
    const std::byte* to = nullptr;
    const std::byte* from_is_unit = nullptr;  ///< bit i % 8 of byte i / 8: `from` is a unit
    const std::byte* to_is_unit = nullptr;
    const std::byte* kind = nullptr;    ///< size little-endian uint16, a LinkKind each
    const std::byte* weight = nullptr;  ///< size doubles, NaN where there is none
    /// The notes: one per link (`note`, when many links have one), or those of the links
    /// that have one, by position (`notes`).
    const std::string_view* note = nullptr;
    std::span<const LinkNote> notes;

    [[nodiscard]] Link link(std::size_t i) const noexcept {
        Link out;
        out.from = ref(load<std::uint32_t>(from, i), bit(from_is_unit, i));
        out.to = ref(load<std::uint32_t>(to, i), bit(to_is_unit, i));
        out.kind = static_cast<LinkKind>(load<std::uint16_t>(kind, i));
        if (const auto w = load<double>(weight, i); !std::isnan(w)) out.weight = w;
        if (note != nullptr) {
            out.note = note[i];
        } else if (!notes.empty()) {
            const auto* it = std::lower_bound(notes.data(), notes.data() + notes.size(), i);
            if (it != notes.data() + notes.size() && it->link == i) out.note = it->note;
        }
        return out;
    }

    [[nodiscard]] LinkEnds ends(std::size_t i) const noexcept {
        return {ref(load<std::uint32_t>(from, i), bit(from_is_unit, i)),
                ref(load<std::uint32_t>(to, i), bit(to_is_unit, i))};
    }

    template <class T>
    [[nodiscard]] static T load(const std::byte* column, std::size_t i) noexcept {
        T value;
        std::memcpy(&value, column + i * sizeof(T), sizeof(T));
        return value;
    }
    [[nodiscard]] static bool bit(const std::byte* column, std::size_t i) noexcept {
        return ((std::to_integer<unsigned>(column[i / 8]) >> (i % 8)) & 1U) != 0;
    }
    [[nodiscard]] static Ref ref(std::uint32_t position, bool unit) noexcept {
        return unit ? Ref(at<UnitId>(position)) : Ref(at<PostId>(position));
    }
};

/// Gives `columns` the notes of the links that have one (by position, ascending): kept so when
/// few links have one, spread to one per link when many do. Returns the owner of their
/// memory, for ModelParts::storage (null when there are none).
[[nodiscard]] std::shared_ptr<const void> attach_notes(LinkColumns& columns,
                                                       std::vector<LinkNote> notes);

/// Builds links as LinkColumns over memory of its own, for the builders of large models: 18
/// bytes a link where a Link row takes 56, and notes kept only where there are some.
class LinkColumnsBuilder {
public:
    LinkColumnsBuilder();
    void reserve(std::size_t links);
    void push_back(const Link& link);
    /// Adds the links of `later` after these, as if pushed one by one, and leaves `later`
    /// empty: so that two threads can each build part of a table.
    void append(LinkColumnsBuilder&& later);
    [[nodiscard]] std::size_t size() const noexcept;

    /// Sets `columns` to the links pushed and returns the owner of their memory, for
    /// ModelParts::storage.
    [[nodiscard]] std::shared_ptr<const void> finish(LinkColumns& columns) &&;

private:
    struct Columns;
    std::shared_ptr<Columns> columns_;
};

/// The links of a model: an array of Link rows (models built in memory) or LinkColumns (a
/// snapshot's, read in place). Random access by value; cheap to copy. The table and its
/// iterators are valid as long as the model they came from.
class LinkTable {
    // Where the links are; copied into every iterator, so that an iterator outlives the table
    // value it came from.
    struct Source {
        std::span<const Link> rows;
        LinkColumns columns;
        [[nodiscard]] Link operator[](std::size_t i) const noexcept {
            return columns.size == 0 ? rows[i] : columns.link(i);
        }
    };

public:
    class iterator {
    public:
        using iterator_concept = std::random_access_iterator_tag;
        using iterator_category = std::input_iterator_tag;  // yields values, not references
        using value_type = Link;
        using difference_type = std::ptrdiff_t;
        using reference = Link;

        iterator() = default;
        iterator(const Source& source, std::size_t i) noexcept : source_(source), i_(i) {}

        Link operator*() const noexcept { return source_[i_]; }
        Link operator[](difference_type n) const noexcept {
            return source_[i_ + static_cast<std::size_t>(n)];
        }
        iterator& operator++() noexcept { return ++i_, *this; }
        iterator operator++(int) noexcept { return {source_, i_++}; }
        iterator& operator--() noexcept { return --i_, *this; }
        iterator operator--(int) noexcept { return {source_, i_--}; }
        iterator& operator+=(difference_type n) noexcept {
            i_ += static_cast<std::size_t>(n);
            return *this;
        }
        iterator& operator-=(difference_type n) noexcept {
            i_ -= static_cast<std::size_t>(n);
            return *this;
        }
        friend iterator operator+(iterator it, difference_type n) noexcept { return it += n; }
        friend iterator operator+(difference_type n, iterator it) noexcept { return it += n; }
        friend iterator operator-(iterator it, difference_type n) noexcept { return it -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b) noexcept {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        friend bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.i_ == b.i_;
        }
        friend auto operator<=>(const iterator& a, const iterator& b) noexcept {
            return a.i_ <=> b.i_;
        }

    private:
        Source source_;
        std::size_t i_ = 0;
    };

    LinkTable() = default;
    explicit LinkTable(std::span<const Link> rows) noexcept : source_{rows, {}} {}
    explicit LinkTable(const LinkColumns& columns) noexcept : source_{{}, columns} {}

    [[nodiscard]] std::size_t size() const noexcept {
        return source_.columns.size == 0 ? source_.rows.size() : source_.columns.size;
    }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    [[nodiscard]] Link operator[](std::size_t i) const noexcept { return source_[i]; }
    /// The ends of link i alone: cheaper than the whole link from columns.
    [[nodiscard]] LinkEnds ends(std::size_t i) const noexcept {
        if (source_.columns.size == 0) return {source_.rows[i].from, source_.rows[i].to};
        return source_.columns.ends(i);
    }
    [[nodiscard]] iterator begin() const noexcept { return {source_, 0}; }
    [[nodiscard]] iterator end() const noexcept { return {source_, size()}; }

private:
    Source source_;
};

}  // namespace reorg::model
