#pragma once
// Field-by-field comparison of two models, for round-trip tests (CSV ↔ YAML ↔ snapshot).
#include <catch2/catch.hpp>

#include "reorg/model/model.hpp"

namespace reorg::test {

inline std::string ref_text(const model::Model& m, model::Ref ref) {
    return (std::holds_alternative<model::PostId>(ref) ? "post " : "unit ") +
           std::string(m.id_of(ref));
}

template <class Id>
std::string id_text(const model::Model& m, const std::optional<Id>& id) {
    return id ? std::string(m[*id].id) : std::string("(none)");
}

/// Checks that `a` and `b` hold the same tables, row by row and field by field, references
/// compared by the ids they name.
inline void check_same_model(const model::Model& a, const model::Model& b) {
    REQUIRE(a.units().size() == b.units().size());
    REQUIRE(a.posts().size() == b.posts().size());
    REQUIRE(a.people().size() == b.people().size());
    REQUIRE(a.links().size() == b.links().size());
    REQUIRE(a.findings().size() == b.findings().size());
    for (std::size_t i = 0; i < a.units().size(); ++i) {
        const auto &x = a.units()[i], &y = b.units()[i];
        INFO("unit " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.kind == y.kind);
        CHECK(id_text(a, x.parent) == id_text(b, y.parent));
        CHECK(id_text(a, x.head) == id_text(b, y.head));
        CHECK(x.capacity == y.capacity);
    }
    for (std::size_t i = 0; i < a.posts().size(); ++i) {
        const auto &x = a.posts()[i], &y = b.posts()[i];
        INFO("post " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.function == y.function);
        CHECK(a[x.unit].id == b[y.unit].id);
        CHECK(id_text(a, x.reports_to) == id_text(b, y.reports_to));
        CHECK(x.fte == y.fte);
        CHECK(x.cost == y.cost);
        CHECK(id_text(a, x.person) == id_text(b, y.person));
    }
    for (std::size_t i = 0; i < a.people().size(); ++i) {
        CHECK(a.people()[i].id == b.people()[i].id);
        CHECK(a.people()[i].name == b.people()[i].name);
    }
    for (std::size_t i = 0; i < a.links().size(); ++i) {
        const auto &x = a.links()[i], &y = b.links()[i];
        INFO("link " << i);
        CHECK(ref_text(a, x.from) == ref_text(b, y.from));
        CHECK(ref_text(a, x.to) == ref_text(b, y.to));
        CHECK(x.kind == y.kind);
        CHECK(x.weight == y.weight);
        CHECK(x.note == y.note);
    }
    for (std::size_t i = 0; i < a.findings().size(); ++i) {
        const auto &x = a.findings()[i], &y = b.findings()[i];
        INFO("finding " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.kind == y.kind);
        CHECK(x.statement == y.statement);
        REQUIRE(x.about.size() == y.about.size());
        for (std::size_t k = 0; k < x.about.size(); ++k) {
            CHECK(ref_text(a, x.about[k]) == ref_text(b, y.about[k]));
        }
        REQUIRE(x.because.size() == y.because.size());
        for (std::size_t k = 0; k < x.because.size(); ++k) {
            CHECK(a[x.because[k]].id == b[y.because[k]].id);
        }
        CHECK(x.severity == y.severity);
        CHECK(x.count == y.count);
        CHECK(x.source == y.source);
        CHECK(x.check == y.check);
    }
    for (std::size_t t = 0; t < 5; ++t) {
        const auto table = static_cast<model::Table>(t);
        CHECK(a.extra(table).names == b.extra(table).names);
        CHECK(a.extra(table).values == b.extra(table).values);
    }
}

}  // namespace reorg::test
