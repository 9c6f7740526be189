#include "reorg/model/model.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "reorg/base/error.hpp"

namespace reorg::model {
namespace {

template <class Row>
IdIndex index_rows(std::span<const Row> rows, std::string_view table) {
    IdIndex index;
    index.reserve(rows.size());
    // Hashes run kAhead rows ahead of the inserts, each prefetching its slot, so that a table
    // of millions waits for memory a fraction of once per id.
    constexpr std::size_t kAhead = 16;
    std::array<std::uint64_t, kAhead> hashes{};
    const auto start = [&](std::size_t i) {
        hashes[i % kAhead] = IdIndex::hash(rows[i].id);
        index.prefetch(hashes[i % kAhead]);
    };
    for (std::size_t i = 0; i < std::min(kAhead, rows.size()); ++i) start(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::uint64_t hash = hashes[i % kAhead];
        if (i + kAhead < rows.size()) start(i + kAhead);
        if (index.insert(rows[i].id, static_cast<std::uint32_t>(i), hash)) {
            throw Error("duplicate " + std::string(table) + " id '" + std::string(rows[i].id) +
                        "'");
        }
    }
    return index;
}

template <class Id>
std::optional<Id> find_in(const IdIndex& index, std::string_view id) {
    const auto found = index.find(id);
    if (!found) return std::nullopt;
    return at<Id>(*found);
}

}  // namespace

IdIndex index_ids(std::span<const Unit> units) { return index_rows(units, "unit"); }
IdIndex index_ids(std::span<const Post> posts) { return index_rows(posts, "post"); }
IdIndex index_ids(std::span<const Person> people) { return index_rows(people, "person"); }
IdIndex index_ids(std::span<const Finding> findings) { return index_rows(findings, "finding"); }

Model::Model(ModelParts parts) : parts_(std::move(parts)) {
    parts_.extra.resize(5);
    index_.units = index_ids(units());
    index_.posts = index_ids(posts());
    index_.people = index_ids(people());
    index_.findings = index_ids(findings());
}

Model::Model(ModelParts parts, IdIndexes indexes)
    : parts_(std::move(parts)), index_(std::move(indexes)) {
    parts_.extra.resize(5);
    if (index_.units.size() != parts_.units.size() || index_.posts.size() != parts_.posts.size() ||
        index_.people.size() != parts_.people.size() ||
        index_.findings.size() != parts_.findings.size()) {
        throw Error("internal: id indexes do not match the tables");
    }
}

std::optional<UnitId> Model::find_unit(std::string_view id) const {
    return find_in<UnitId>(index_.units, id);
}
std::optional<PostId> Model::find_post(std::string_view id) const {
    return find_in<PostId>(index_.posts, id);
}
std::optional<PersonId> Model::find_person(std::string_view id) const {
    return find_in<PersonId>(index_.people, id);
}
std::optional<FindingId> Model::find_finding(std::string_view id) const {
    return find_in<FindingId>(index_.findings, id);
}

std::string_view Model::id_of(Ref ref) const {
    if (const auto* post = std::get_if<PostId>(&ref)) return (*this)[*post].id;
    return (*this)[std::get<UnitId>(ref)].id;
}

}  // namespace reorg::model
