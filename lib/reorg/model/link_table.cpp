#include "reorg/model/link_table.hpp"

#include <limits>
#include <vector>

namespace reorg::model {

struct LinkColumnsBuilder::Columns {
    std::vector<std::uint32_t> from, to;
    std::vector<std::uint8_t> from_is_unit, to_is_unit;  // a bit a link
    std::vector<std::uint16_t> kind;
    std::vector<double> weight;
    std::vector<LinkNote> notes;
    std::shared_ptr<const void> notes_owner;
};

namespace {

std::uint32_t position(Ref ref) {
    return static_cast<std::uint32_t>(std::visit([](auto id) { return index(id); }, ref));
}

void push_bit(std::vector<std::uint8_t>& bits, std::size_t i, bool value) {
    if (i % 8 == 0) bits.push_back(0);
    if (value) bits.back() = static_cast<std::uint8_t>(bits.back() | (1U << (i % 8)));
}

// Puts the `count` bits of `later` after the first `offset` bits of `bits`, a byte at a time:
// each byte of `later` fills the free high bits of the last byte and starts the next.
void append_bits(std::vector<std::uint8_t>& bits, std::size_t offset,
                 const std::vector<std::uint8_t>& later, std::size_t count) {
    const auto shift = offset % 8;
    if (shift == 0) {
        bits.insert(bits.end(), later.begin(), later.end());
        return;
    }
    for (const std::uint8_t byte : later) {
        const auto widened = static_cast<unsigned>(byte);
        bits.back() = static_cast<std::uint8_t>(bits.back() | ((widened << shift) & 0xFFU));
        bits.push_back(static_cast<std::uint8_t>(widened >> (8 - shift)));
    }
    bits.resize((offset + count + 7) / 8);  // the last pushed byte may hold no bit
}

}  // namespace

std::shared_ptr<const void> attach_notes(LinkColumns& columns, std::vector<LinkNote> notes) {
    columns.note = nullptr;
    columns.notes = {};
    if (notes.empty()) return nullptr;
    if (notes.size() > columns.size / 8) {  // looked up in place
        auto dense = std::make_shared<std::vector<std::string_view>>(columns.size);
        for (const auto& [link, note] : notes) (*dense)[link] = note;
        columns.note = dense->data();
        return dense;
    }
    auto sparse = std::make_shared<std::vector<LinkNote>>(std::move(notes));
    columns.notes = *sparse;
    return sparse;
}

LinkColumnsBuilder::LinkColumnsBuilder() : columns_(std::make_shared<Columns>()) {}

void LinkColumnsBuilder::reserve(std::size_t links) {
    auto& c = *columns_;
    c.from.reserve(links);
    c.to.reserve(links);
    c.from_is_unit.reserve(links / 8 + 2);  // + 1 for a part appended off a byte boundary
    c.to_is_unit.reserve(links / 8 + 2);
    c.kind.reserve(links);
    c.weight.reserve(links);
}

std::size_t LinkColumnsBuilder::size() const noexcept { return columns_->from.size(); }

void LinkColumnsBuilder::push_back(const Link& link) {
    auto& c = *columns_;
    const std::size_t i = c.from.size();
    c.from.push_back(position(link.from));
    c.to.push_back(position(link.to));
    push_bit(c.from_is_unit, i, std::holds_alternative<UnitId>(link.from));
    push_bit(c.to_is_unit, i, std::holds_alternative<UnitId>(link.to));
    c.kind.push_back(static_cast<std::uint16_t>(link.kind));
    c.weight.push_back(link.weight.value_or(std::numeric_limits<double>::quiet_NaN()));
    if (!link.note.empty()) c.notes.push_back({static_cast<std::uint32_t>(i), link.note});
}

void LinkColumnsBuilder::append(LinkColumnsBuilder&& later) {
    auto& c = *columns_;
    auto& l = *later.columns_;
    const std::size_t offset = c.from.size();
    const auto concatenate = [](auto& to, const auto& from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    concatenate(c.from, l.from);
    concatenate(c.to, l.to);
    concatenate(c.kind, l.kind);
    concatenate(c.weight, l.weight);
    append_bits(c.from_is_unit, offset, l.from_is_unit, l.from.size());
    append_bits(c.to_is_unit, offset, l.to_is_unit, l.from.size());
    for (const auto& [link, note] : l.notes) {
        c.notes.push_back({static_cast<std::uint32_t>(offset + link), note});
    }
    later.columns_ = std::make_shared<Columns>();
}

std::shared_ptr<const void> LinkColumnsBuilder::finish(LinkColumns& columns) && {
    const auto bytes = [](const auto& column) {
        return reinterpret_cast<const std::byte*>(column.data());
    };
    auto& c = *columns_;
    columns = {};
    columns.size = c.from.size();
    columns.from = bytes(c.from);
    columns.to = bytes(c.to);
    columns.from_is_unit = bytes(c.from_is_unit);
    columns.to_is_unit = bytes(c.to_is_unit);
    columns.kind = bytes(c.kind);
    columns.weight = bytes(c.weight);
    c.notes_owner = attach_notes(columns, std::move(c.notes));
    return std::move(columns_);
}

}  // namespace reorg::model
