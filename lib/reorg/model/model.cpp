#include "reorg/model/model.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::model {
namespace {

// Calls visit(i, hash) for each row in order, the row's id hashed kAhead rows earlier and
// prefetch(hash) called then: a table of millions waits for memory a fraction of once per id.
template <class Row, class Prefetch, class Visit>
void each_hashed(std::span<const Row> rows, Prefetch&& prefetch, Visit&& visit) {
    constexpr std::size_t kAhead = 16;
    std::array<std::uint64_t, kAhead> hashes{};
    const auto start = [&](std::size_t i) {
        hashes[i % kAhead] = IdIndex::hash(rows[i].id);
        prefetch(hashes[i % kAhead]);
    };
    for (std::size_t i = 0; i < std::min(kAhead, rows.size()); ++i) start(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::uint64_t hash = hashes[i % kAhead];
        if (i + kAhead < rows.size()) start(i + kAhead);
        visit(i, hash);
    }
}

Error duplicate_id(std::string_view table, std::string_view id) {
    return Error("duplicate " + std::string(table) + " id '" + std::string(id) + "'");
}

template <class Row>
IdIndex index_rows(std::span<const Row> rows, std::string_view table) {
    IdIndex index;
    index.reserve(rows.size());
    each_hashed(
        rows, [&](std::uint64_t hash) { index.prefetch(hash); },
        [&](std::size_t i, std::uint64_t hash) {
            if (index.insert(rows[i].id, static_cast<std::uint32_t>(i), hash)) {
                throw duplicate_id(table, rows[i].id);
            }
        });
    return index;
}

// A table of (fingerprint, position + 1) pairs, eight bytes a slot where an index takes 24: a
// row's id is compared with another's only when their fingerprints agree.
template <class Row>
void check_unique(std::span<const Row> rows, std::string_view table) {
    std::size_t capacity = 16;
    while (capacity < rows.size() * 2) capacity *= 2;
    std::vector<std::uint64_t> slots(capacity, 0);
    const std::size_t mask = capacity - 1;
    each_hashed(
        rows, [&](std::uint64_t hash) { __builtin_prefetch(&slots[hash & mask]); },
        [&](std::size_t i, std::uint64_t hash) {
            const std::uint64_t fingerprint = hash >> 32;
            for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
                const std::uint64_t slot = slots[s];
                if (slot == 0) {
                    slots[s] = fingerprint << 32 | (i + 1);
                    return;
                }
                if (slot >> 32 == fingerprint && rows[(slot & 0xffffffffU) - 1].id == rows[i].id) {
                    throw duplicate_id(table, rows[i].id);
                }
            }
        });
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

void check_unique_ids(std::span<const Unit> units) { check_unique(units, "unit"); }
void check_unique_ids(std::span<const Post> posts) { check_unique(posts, "post"); }
void check_unique_ids(std::span<const Person> people) { check_unique(people, "person"); }
void check_unique_ids(std::span<const Finding> findings) { check_unique(findings, "finding"); }

namespace {
enum TableIndex : std::size_t { kUnits, kPosts, kPeople, kFindings, kTables };
constexpr std::array<std::string_view, kTables> kTableNames{"unit", "post", "person", "finding"};
}  // namespace

namespace {
// A value made on first need, once, by whichever thread asks first.
template <class T>
class Lazy {
public:
    template <class Make>
    const T& get(Make&& make) {
        std::call_once(made_, [&] { value_ = make(); });
        return value_;
    }

private:
    std::once_flag made_;
    T value_{};
};
}  // namespace

struct Model::Derived {
    std::array<Lazy<IdIndex>, kTables> index;
    Lazy<ReportingForest> reporting;
    Lazy<UnitForest> units;
};

Model::Model() : derived_(std::make_shared<Derived>()) {}

Model::Model(ModelParts parts, IdCheck check)
    : parts_(std::move(parts)), derived_(std::make_shared<Derived>()) {
    parts_.extra.resize(5);
    if (check == IdCheck::Check) {
        check_unique_ids(units());
        check_unique_ids(posts());
        check_unique_ids(people());
        check_unique_ids(findings());
    }
}

Model::Model(ModelParts parts, IdIndexes indexes)
    : parts_(std::move(parts)), derived_(std::make_shared<Derived>()) {
    parts_.extra.resize(5);
    if (indexes.units.size() != parts_.units.size() ||
        indexes.posts.size() != parts_.posts.size() ||
        indexes.people.size() != parts_.people.size() ||
        indexes.findings.size() != parts_.findings.size()) {
        throw Error("internal: id indexes do not match the tables");
    }
    IdIndex* given[] = {&indexes.units, &indexes.posts, &indexes.people, &indexes.findings};
    for (std::size_t t = 0; t < kTables; ++t) {
        (void)derived_->index[t].get([&] { return std::move(*given[t]); });
    }
}

template <class Row>
const IdIndex& Model::index_of(std::size_t table, std::span<const Row> rows) const {
    static const IdIndex none;
    if (!derived_) return none;  // a model moved from
    return derived_->index[table].get([&] { return index_rows(rows, kTableNames[table]); });
}

std::optional<UnitId> Model::find_unit(std::string_view id) const {
    return find_in<UnitId>(index_of(kUnits, units()), id);
}
std::optional<PostId> Model::find_post(std::string_view id) const {
    return find_in<PostId>(index_of(kPosts, posts()), id);
}
std::optional<PersonId> Model::find_person(std::string_view id) const {
    return find_in<PersonId>(index_of(kPeople, people()), id);
}
std::optional<FindingId> Model::find_finding(std::string_view id) const {
    return find_in<FindingId>(index_of(kFindings, findings()), id);
}

const ReportingForest& Model::reporting_forest() const {
    static const ReportingForest none;
    if (!derived_) return none;  // a model moved from
    return derived_->reporting.get([rows = posts()] {
        return ReportingForest::build(rows.size(),
                                      [rows](std::size_t i) { return rows[i].reports_to; });
    });
}

const UnitForest& Model::unit_forest() const {
    static const UnitForest none;
    if (!derived_) return none;
    return derived_->units.get([rows = units()] {
        return UnitForest::build(rows.size(), [rows](std::size_t i) { return rows[i].parent; });
    });
}

std::string_view Model::id_of(Ref ref) const {
    if (const auto* post = std::get_if<PostId>(&ref)) return (*this)[*post].id;
    return (*this)[std::get<UnitId>(ref)].id;
}

}  // namespace reorg::model
