#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/model/id_index.hpp"
#include "reorg/model/kinds.hpp"
#include "reorg/model/model.hpp"

using namespace reorg::model;
using reorg::base::iequals_ascii;
using reorg::base::TextArena;
using reorg::base::trim;

namespace {
std::string fmt_id(int i) {
    std::string digits = std::to_string(i);
    return "P" + std::string(7 - digits.size(), '0') + digits;
}
}  // namespace

TEST_CASE("the text arena keeps every stored string where it was", "[model][text]") {
    TextArena arena;
    std::vector<std::string_view> views;
    std::vector<std::string> expected;
    // Enough text to need several blocks, with a few strings larger than a quarter block.
    for (int i = 0; i < 200000; ++i) {
        std::string text = "post-" + std::to_string(i);
        if (i % 50000 == 7) text = std::string(400000, static_cast<char>('a' + i % 26));
        expected.push_back(text);
        views.push_back(arena.store(text));
    }
    for (std::size_t i = 0; i < views.size(); ++i) REQUIRE(views[i] == expected[i]);
    CHECK(arena.store("").empty());
}

TEST_CASE("trim and case-insensitive comparison work on ASCII only", "[model][text]") {
    CHECK(trim("  KLF.IT\r\n") == "KLF.IT");
    CHECK(trim("\t \n").empty());
    CHECK(iequals_ascii("Reports_To", "reports_to"));
    CHECK_FALSE(iequals_ascii("reports", "reports_to"));
    CHECK_FALSE(iequals_ascii("Å", "å"));  // not ASCII: compared as bytes
}

TEST_CASE("the id index finds every key and reports duplicates", "[model][ids]") {
    // The index holds views of its keys: the strings must not move, so no reallocation.
    std::vector<std::string> keys;
    keys.reserve(10001);
    for (int i = 0; i < 10000; ++i) keys.push_back("U" + std::to_string(i * 7919 % 100003));
    IdIndex index;
    for (std::uint32_t i = 0; i < keys.size(); ++i) REQUIRE_FALSE(index.insert(keys[i], i));
    CHECK(index.size() == keys.size());
    for (std::uint32_t i = 0; i < keys.size(); ++i) REQUIRE(index.find(keys[i]) == i);
    CHECK_FALSE(index.find("missing"));
    CHECK_FALSE(index.find(""));
    // Inserting an existing key answers with the position holding it and changes nothing.
    keys.push_back(keys[42]);
    CHECK(index.insert(keys.back(), static_cast<std::uint32_t>(keys.size() - 1)) == 42u);
    CHECK(index.size() == keys.size() - 1);
    // A copy answers the same.
    const IdIndex copy = index;
    CHECK(copy.find(keys[9999]) == 9999u);
}

TEST_CASE("the id index keeps short keys in its slots and views of long ones", "[model][ids]") {
    // Keys of 7, 8 and 9 bytes, and longer ones sharing their first eight bytes.
    const std::vector<std::string> keys{"P001234",       "P0012345", "P00123456", "ANSTALLD-0001",
                                        "ANSTALLD-0002", "ANSTALLD", "ANSTALL",   ""};
    std::vector<std::string> copies = keys;  // the index views these
    IdIndex index;
    for (std::uint32_t i = 0; i + 1 < copies.size(); ++i) REQUIRE_FALSE(index.insert(copies[i], i));
    for (std::uint32_t i = 0; i + 1 < keys.size(); ++i) CHECK(index.find(keys[i]) == i);
    CHECK_FALSE(index.find("ANSTALLD-0003"));
    CHECK_FALSE(index.find("P00123"));
    CHECK_FALSE(index.find("P0012346"));
    CHECK(index.insert(std::string("P0012345"), 99) == 1u);
    // Keys of up to eight bytes live in the slots: they are found after their text is gone.
    for (auto& copy : copies) {
        if (copy.size() <= 8) copy.assign(copy.size(), '#');
    }
    CHECK(index.find("P001234") == 0u);
    CHECK(index.find("P0012345") == 1u);
    CHECK(index.find("ANSTALLD") == 5u);
    CHECK_FALSE(index.find("#######"));
    CHECK(index.find("ANSTALLD-0002") == 4u);  // a view of the unchanged long key
}

TEST_CASE("ids differing only in their last digits spread over the table", "[model][ids]") {
    // With a weak hash, P000000..P999999 would pile into a few runs of slots and each lookup
    // would compare many keys; here they must fill distinct slots mostly.
    std::vector<std::string> keys;
    for (int i = 0; i < 100000; ++i) keys.push_back(fmt_id(i));
    std::vector<std::uint64_t> slots;
    for (const auto& key : keys) slots.push_back(IdIndex::hash(key) & ((1u << 18) - 1));
    std::sort(slots.begin(), slots.end());
    const auto distinct = std::unique(slots.begin(), slots.end()) - slots.begin();
    // 100,000 keys thrown at random into 262,144 slots land in about 82,700 distinct ones.
    CHECK(distinct > 80000);
}

TEST_CASE("kinds read their file spelling in any ASCII case and print it back", "[model][kinds]") {
    for (const auto kind : all_unit_kinds()) CHECK(parse_unit_kind(to_string(kind)) == kind);
    for (const auto kind : all_link_kinds()) CHECK(parse_link_kind(to_string(kind)) == kind);
    for (const auto kind : all_finding_kinds()) CHECK(parse_finding_kind(to_string(kind)) == kind);
    CHECK(parse_unit_kind(" Administration ") == UnitKind::Administration);
    CHECK(parse_link_kind("DOTTED_LINE") == LinkKind::DottedLine);
    CHECK(parse_finding_kind("doesnt_work") == FindingKind::DoesntWork);
    CHECK_FALSE(parse_unit_kind("förvaltning"));
    CHECK_FALSE(parse_link_kind(""));
    CHECK(all_unit_kinds().size() == 8);
}

TEST_CASE("a model looks ids up and shares its text with its copies", "[model][model]") {
    auto arena = std::make_shared<TextArena>();
    ModelParts parts;
    parts.units.push_back({arena->store("KLF"),
                           arena->store("Kommunledningsförvaltningen"),
                           UnitKind::Administration,
                           {},
                           {},
                           {}});
    parts.posts.push_back(
        {arena->store("KC"), arena->store("Kommunchef"), {}, UnitId{0}, {}, 1.0, 1.5e6, {}});
    parts.storage.push_back(arena);
    arena.reset();

    const Model model(std::move(parts));
    CHECK(model.find_unit("KLF") == UnitId{0});
    CHECK(model.find_post("KC") == PostId{0});
    CHECK_FALSE(model.find_post("KLF"));
    CHECK(model.id_of(Ref{PostId{0}}) == "KC");
    CHECK(model.id_of(Ref{UnitId{0}}) == "KLF");

    std::optional<Model> copy{model};
    const Model moved = std::move(*copy);
    copy.reset();
    CHECK(moved[UnitId{0}].name == "Kommunledningsförvaltningen");
    CHECK(moved.find_unit("KLF") == UnitId{0});
}

TEST_CASE("a model refuses a table with an id twice", "[model][model]") {
    ModelParts parts;
    parts.units.push_back({"A", "first", UnitKind::Office, {}, {}, {}});
    parts.units.push_back({"A", "second", UnitKind::Office, {}, {}, {}});
    CHECK_THROWS_AS(Model(std::move(parts)), reorg::Error);
}

TEST_CASE("diagnostics cap the list but count everything", "[model][errors]") {
    reorg::Diagnostics diagnostics(3);
    for (int i = 1; i <= 10; ++i)
        diagnostics.error({"posts.csv", static_cast<std::uint32_t>(i)}, "bad");
    diagnostics.warning({"units.csv", 2, "head"}, "vacant");
    CHECK(diagnostics.errors().size() == 3);
    CHECK(diagnostics.error_count() == 10);
    CHECK(diagnostics.warning_count() == 1);
    try {
        diagnostics.throw_if_errors();
        FAIL("expected an InputError");
    } catch (const reorg::InputError& error) {
        CHECK(error.errors().size() == 3);
        CHECK(error.not_listed() == 7);
        CHECK(std::string(error.what()) == "posts.csv:1: bad (and 9 more errors)");
    }
    CHECK(reorg::to_string(diagnostics.warnings().front()) == "units.csv:2: head: warning: vacant");
}

TEST_CASE("Numbers are spelt for people at any magnitude", "[model][text]") {
    using reorg::base::format_amount;
    using reorg::base::format_number;
    CHECK(format_amount(1234567.5) == "1 234 568");
    CHECK(format_amount(-1234.4) == "-1 234");
    CHECK(format_amount(0) == "0");
    CHECK(format_number(2.50) == "2.5");
    CHECK(format_number(3.0) == "3");
    CHECK(format_number(-0.0001, 2) == "0");
    CHECK(format_number(0.125, 1) == "0.1");
    // Too large for fixed notation or for a long long: still a readable number, never garbage.
    for (const double huge : {1e19, -4e20, 1e61, 1e300}) {
        INFO(huge);
        for (const auto& text : {format_amount(huge), format_number(huge, 1)}) {
            CHECK_FALSE(text.empty());
            CHECK(text.find('\0') == std::string::npos);
            CHECK(std::stod(text) == Approx(huge));
        }
    }
}

namespace {

// Posts P0..P(n-1) in one unit, their ids in `ids` (which must outlive the model).
// "P0", "P1", ... "P<n - 1>".
std::vector<std::string> numbered_ids(int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back("P" + std::to_string(i));
    return ids;
}

reorg::model::ModelParts posts_in_one_unit(const std::vector<std::string>& ids) {
    reorg::model::ModelParts parts;
    parts.units.push_back({"U", "Enheten", reorg::model::UnitKind::Department, {}, {}, {}});
    for (const auto& id : ids) {
        reorg::model::Post post;
        post.id = id;
        post.unit = reorg::model::at<reorg::model::UnitId>(0);
        parts.posts.push_back(post);
    }
    return parts;
}

}  // namespace

TEST_CASE("a model refuses an id twice, and looks ids up from any copy and thread",
          "[model][ids]") {
    using namespace reorg::model;
    const auto ids = numbered_ids(20'000);
    auto twice = posts_in_one_unit(ids);
    twice.posts[12'345].id = twice.posts[17].id;
    CHECK_THROWS_WITH(Model(twice), "duplicate post id 'P17'");
    twice.units.push_back(twice.units[0]);
    twice.posts[12'345].id = ids[12'345];
    CHECK_THROWS_WITH(Model(twice), "duplicate unit id 'U'");

    const Model model(posts_in_one_unit(ids));
    const Model copy = model;  // before any lookup: the index built later serves both
    std::vector<std::size_t> found(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < found.size(); ++t) {
        threads.emplace_back([&, t] {
            const Model& m = t % 2 == 0 ? model : copy;
            for (std::size_t i = t; i < ids.size(); i += found.size()) {
                if (m.find_post(ids[i]) == at<PostId>(i)) ++found[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(found[0] + found[1] + found[2] + found[3] == ids.size());
    CHECK(model.find_unit("U") == at<UnitId>(0));
    CHECK_FALSE(copy.find_post("P20000"));
    CHECK_FALSE(Model().find_post("P0"));
}

TEST_CASE("a model builds its forests once and shares them with its copies and threads",
          "[model][hierarchy]") {
    using namespace reorg::model;
    const auto ids = numbered_ids(5'000);
    auto parts = posts_in_one_unit(ids);
    for (std::size_t p = 1; p < parts.posts.size(); ++p) {
        parts.posts[p].reports_to = at<PostId>((p - 1) / 4);  // four reports each
    }
    const Model model(std::move(parts));
    const Model copy = model;
    std::vector<const ReportingForest*> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&, t] { seen[t] = &(t % 2 == 0 ? model : copy).reporting_forest(); });
    }
    for (auto& thread : threads) thread.join();
    for (const auto* forest : seen) CHECK(forest == seen[0]);
    CHECK(&reporting_forest(copy) == seen[0]);
    CHECK(seen[0]->child_count(at<PostId>(0)) == 4);
    CHECK(seen[0]->depth(at<PostId>(4'999)) == 7);
    CHECK(&model.unit_forest() == &unit_forest(copy));
    CHECK(model.unit_forest().roots().size() == 1);
    // A model of its own tables has forests of its own.
    const Model other(posts_in_one_unit(ids));
    CHECK(&other.reporting_forest() != seen[0]);
    CHECK(other.reporting_forest().roots().size() == ids.size());
}

TEST_CASE("links built as columns read back as the rows pushed", "[model][links]") {
    // Every field in every form: post and unit ends, each kind, a weight or none, a note or
    // none; notes on few links (kept by position) and on most (one per link).
    for (const std::size_t every : {1U, 3U, 20U}) {
        std::vector<Link> rows;
        for (std::uint32_t i = 0; i < 1'000; ++i) {
            Link link;
            link.from = i % 5 == 0 ? Ref(UnitId{i}) : Ref(PostId{i});
            link.to = i % 7 == 0 ? Ref(UnitId{i + 1}) : Ref(PostId{i + 2});
            link.kind = all_link_kinds()[i % all_link_kinds().size()];
            if (i % 2 == 0) link.weight = i * 0.5;
            if (i % every == 0) link.note = i % 3 == 0 ? "Säkerhet" : "Var tredje";
            rows.push_back(link);
        }
        LinkColumnsBuilder builder;
        for (const auto& link : rows) builder.push_back(link);
        REQUIRE(builder.size() == rows.size());
        ModelParts parts;
        parts.storage.push_back(std::move(builder).finish(parts.link_columns));
        CHECK((parts.link_columns.note != nullptr) == (every < 8));
        const Model model(std::move(parts));
        const auto links = model.links();
        REQUIRE(links.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CAPTURE(every, i);
            CHECK(links[i].from == rows[i].from);
            CHECK(links[i].to == rows[i].to);
            CHECK(links[i].kind == rows[i].kind);
            CHECK(links[i].weight == rows[i].weight);
            CHECK(links[i].note == rows[i].note);
        }
        // The iterators give the same rows, and outlive the table value they came from.
        auto first = model.links().begin();
        CHECK((*(first + 10)).from == rows[10].from);
        CHECK(std::distance(model.links().begin(), model.links().end()) == 1'000);
    }
}

TEST_CASE("links built as columns in two parts read back as the rows pushed", "[model][links]") {
    // Split anywhere: on a byte of the end-kind bits, or inside one; either part empty.
    std::vector<Link> rows;
    for (std::uint32_t i = 0; i < 100; ++i) {
        Link link;
        link.from = i % 3 == 0 ? Ref(UnitId{i}) : Ref(PostId{i});
        link.to = i % 5 == 0 ? Ref(UnitId{i + 1}) : Ref(PostId{i + 2});
        link.kind = all_link_kinds()[i % all_link_kinds().size()];
        if (i % 2 == 0) link.weight = i * 0.25;
        if (i % 9 == 0) link.note = "Var nionde";
        rows.push_back(link);
    }
    for (const std::size_t split : {0U, 3U, 8U, 13U, 64U, 99U, 100U}) {
        CAPTURE(split);
        LinkColumnsBuilder first, second;
        for (std::size_t i = 0; i < rows.size(); ++i)
            (i < split ? first : second).push_back(rows[i]);
        first.append(std::move(second));
        REQUIRE(first.size() == rows.size());
        CHECK(second.size() == 0);
        ModelParts parts;
        parts.storage.push_back(std::move(first).finish(parts.link_columns));
        const Model model(std::move(parts));
        const auto links = model.links();
        REQUIRE(links.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CAPTURE(i);
            CHECK(links[i].from == rows[i].from);
            CHECK(links[i].to == rows[i].to);
            CHECK(links[i].kind == rows[i].kind);
            CHECK(links[i].weight == rows[i].weight);
            CHECK(links[i].note == rows[i].note);
        }
    }
}
