#include "reorg/model/model.hpp"

#include <string>
#include <utility>

#include "reorg/model/error.hpp"

namespace reorg::model {
namespace {

template <class Row>
IdIndex index_ids(std::span<const Row> rows, std::string_view table) {
    IdIndex index;
    index.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (index.insert(rows[i].id, static_cast<std::uint32_t>(i))) {
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

Model::Model(ModelParts parts) : parts_(std::move(parts)) {
    parts_.extra.resize(5);
    unit_index_ = index_ids(units(), "unit");
    post_index_ = index_ids(posts(), "post");
    person_index_ = index_ids(people(), "person");
    finding_index_ = index_ids(findings(), "finding");
}

std::optional<UnitId> Model::find_unit(std::string_view id) const {
    return find_in<UnitId>(unit_index_, id);
}
std::optional<PostId> Model::find_post(std::string_view id) const {
    return find_in<PostId>(post_index_, id);
}
std::optional<PersonId> Model::find_person(std::string_view id) const {
    return find_in<PersonId>(person_index_, id);
}
std::optional<FindingId> Model::find_finding(std::string_view id) const {
    return find_in<FindingId>(finding_index_, id);
}

std::string_view Model::id_of(Ref ref) const {
    if (const auto* post = std::get_if<PostId>(&ref)) return (*this)[*post].id;
    return (*this)[std::get<UnitId>(ref)].id;
}

}  // namespace reorg::model
