#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "reorg/io/load.hpp"
#include "reorg/io/save.hpp"
#include "reorg/io/snapshot.hpp"
#include "support/same_model.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;
using Catch::Contains;

namespace {

// Every kind of field, unknown columns in two tables, optional values both set and absent.
constexpr std::string_view kRich = R"(
units:
  - {id: KS, name: Kommunstyrelsen, kind: committee}
  - {id: KLF, name: "Kommunledningsförvaltningen \"KLF\"", kind: administration, parent: KS, head: KC, cost_centre: "1000"}
  - {id: KLF.IT, name: IT-kontoret, kind: office, parent: KLF, head: IT.CHEF, capacity: 2500.5}
  - {id: LG, name: Ledningsgrupp, kind: group, parent: KS}
posts:
  - {id: KC, title: Kommunchef, unit: KLF, function: ledning, cost: 1540000, person: P1, grade: A}
  - {id: IT.CHEF, title: IT-chef, unit: KLF.IT, reports_to: KC, fte: 0.8, cost: 1180000.25, person: P2}
  - {id: IT.1, title: Tekniker, unit: KLF.IT, reports_to: IT.CHEF, grade: C}
  - {id: IT.2, title: "Tekniker, nätverk", unit: KLF.IT, reports_to: IT.CHEF, person: P3}
people:
  - {id: P1, name: Karin Ek}
  - {id: P2, name: Åsa Öberg}
  - {id: P3, name: ""}
links:
  - {from: KC, to: LG, kind: member_of}
  - {from: IT.1, to: KC, kind: dotted_line, note: "Säkerhetsfrågor"}
  - {from: KLF.IT, to: KLF, kind: serves, weight: 1800}
  - {from: IT.1, to: IT.2, kind: collaborates, weight: 3}
  - {from: KLF, to: KLF.IT, kind: collaborates}
findings:
  - {id: F1, kind: doesnt_work, statement: "Beställningar blir liggande", about: [KLF.IT, IT.CHEF], because: [C1], severity: 5, count: 12, source: Intervju, check: "load(KLF.IT) <= 1 and vacant(IT.CHEF) == 0"}
  - {id: C1, kind: cause, statement: Otydliga krav, because: [C2]}
  - {id: C2, kind: cause, statement: Brandkårsutryckningar, because: [C1], severity: 3}
)";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The diagnostics of a load that must fail; fails the test if it loads.
std::string load_error(const std::filesystem::path& path, bool index_ids = false) {
    Diagnostics diagnostics;
    try {
        (void)io::read_snapshot(path, diagnostics, index_ids);
    } catch (const InputError& error) {
        return error.what();
    }
    return {};
}

// Where in the message each listed error of a load that must fail is, in the order listed.
std::vector<std::string> error_columns(const std::filesystem::path& path) {
    std::vector<std::string> listed;
    try {
        Diagnostics diagnostics;
        (void)io::read_snapshot(path, diagnostics);
    } catch (const InputError& error) {
        for (const auto& diagnostic : error.errors()) listed.push_back(diagnostic.where.column);
    }
    return listed;
}

}  // namespace

TEST_CASE("a snapshot gives back exactly the model that was packed", "[io][snapshot]") {
    test::TempFolder folder;
    const auto original = io::load_model(folder.write("rich.yaml", kRich));
    const auto file = folder.path() / "rich.reorg";
    io::write_snapshot(original, file);
    Diagnostics diagnostics;
    const auto loaded = io::read_snapshot(file, diagnostics);
    test::check_same_model(original, loaded);
    // Indexed while read, or on first lookup: the same answers.
    const auto indexed = io::read_snapshot(file, diagnostics, true);
    test::check_same_model(original, indexed);
    for (const auto& post : original.posts()) {
        CHECK(indexed.find_post(post.id) == loaded.find_post(post.id));
    }
    CHECK(loaded.extra(model::Table::Units).names == std::vector<std::string>{"cost_centre"});
    CHECK(loaded.find_post("IT.2").has_value());
    CHECK(loaded.links()[1].note == "Säkerhetsfrågor");
    CHECK_FALSE(loaded.links()[4].weight.has_value());
    CHECK(loaded.findings()[0].check == "load(KLF.IT) <= 1 and vacant(IT.CHEF) == 0");
}

TEST_CASE("past 100 000 links the columns are written on a second thread, to the same model",
          "[io][snapshot]") {
    test::TempFolder folder;
    const auto rich = io::load_model(folder.write("rich.yaml", kRich));
    auto parts = rich.parts();
    const auto links = parts.editable_links();
    for (std::size_t i = 0; parts.links.size() < 100'000; ++i) {
        auto link = links[i % links.size()];
        if (link.weight) link.weight = static_cast<double>(i % 977) / 4;
        link.note = i % 1000 == 0 ? "Var tusende" : "";
        parts.links.push_back(link);
    }
    const model::Model original(std::move(parts));
    const auto file = folder.path() / "large.reorg";
    io::write_snapshot(original, file);
    Diagnostics diagnostics;
    const auto loaded = io::read_snapshot(file, diagnostics);
    test::check_same_model(original, loaded);
    // Read in place: the links are the file's columns, not a copy of them.
    CHECK(loaded.parts().links.empty());
    CHECK(loaded.parts().link_columns.size == original.links().size());
}

TEST_CASE("100 000 posts read back as packed, their errors listed in the posts' order",
          "[io][snapshot]") {
    test::TempFolder folder;
    const auto rich = io::load_model(folder.write("rich.yaml", kRich));
    auto parts = rich.parts();
    std::vector<std::string> ids;
    for (std::size_t i = 0; parts.posts.size() + ids.size() < 100'001; ++i) {
        ids.push_back("T." + std::to_string(i));
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto post = parts.posts[2];  // a technician in the IT office
        post.id = ids[i];
        post.cost = static_cast<double>(i);
        post.person.reset();
        parts.posts.push_back(post);
    }
    auto& extra = parts.extra[static_cast<std::size_t>(model::Table::Posts)];
    extra.values.resize(parts.posts.size() * extra.names.size());  // the new rows' are empty
    const auto file = folder.path() / "large.reorg";
    const model::Model original(parts);
    io::write_snapshot(original, file);
    for (const bool index_ids : {false, true}) {
        Diagnostics diagnostics;
        const auto loaded = io::read_snapshot(file, diagnostics, index_ids);
        test::check_same_model(original, loaded);
        CHECK(loaded.find_post("T.99990").has_value());
    }

    // Errors far apart are listed in the posts' order, and an id given twice far apart is
    // found.
    auto broken = parts;
    broken.posts[10].unit = model::UnitId{40};
    broken.posts[99'990].unit = model::UnitId{41};
    io::write_snapshot(model::Model(std::move(broken), model::IdCheck::Done), file);
    const auto listed = error_columns(file);
    CHECK(listed == std::vector<std::string>{"posts[10].unit", "posts[99990].unit"});
    auto twice = parts;
    twice.posts[99'000].id = twice.posts[1].id;
    io::write_snapshot(model::Model(std::move(twice), model::IdCheck::Done), file);
    CHECK_THAT(load_error(file), Contains("duplicate post id 'IT.CHEF'"));
    CHECK_THAT(load_error(file, true), Contains("duplicate post id 'IT.CHEF'"));
}

TEST_CASE("links read in place keep their notes whether few or most links have one",
          "[io][snapshot]") {
    test::TempFolder folder;
    const auto rich = io::load_model(folder.write("rich.yaml", kRich));
    for (const std::size_t every : {1U, 2U, 7U, 50U}) {
        auto parts = rich.parts();
        const auto links = parts.editable_links();
        parts.links.clear();
        for (std::size_t i = 0; i < 2'000; ++i) {
            auto link = links[i % links.size()];
            link.note = i % every == 0 ? (i % 3 == 0 ? "Säkerhetsfrågor" : "Var sjunde") : "";
            parts.links.push_back(link);
        }
        const model::Model original(std::move(parts));
        const auto file = folder.path() / "notes.reorg";
        io::write_snapshot(original, file);
        Diagnostics diagnostics;
        const auto loaded = io::read_snapshot(file, diagnostics);
        CAPTURE(every);
        test::check_same_model(original, loaded);
        REQUIRE(loaded.parts().link_columns.size == 2'000);
        // Looked up in place when many links have one, by position when few do.
        CHECK((loaded.parts().link_columns.note != nullptr) == (every < 8));
        std::size_t with_note = 0;
        for (const auto& link : loaded.links()) with_note += link.note.empty() ? 0U : 1U;
        CHECK(with_note == (2'000 + every - 1) / every);
    }
}

TEST_CASE("the example municipality survives CSV → snapshot → CSV", "[io][snapshot]") {
    test::TempFolder folder;
    const auto original = io::load_model(REORG_DATA_DIR "/kommun");
    io::save_model(original, folder.path() / "kommun.reorg");
    const auto packed = io::load_model(folder.path() / "kommun.reorg");
    test::check_same_model(original, packed);
    io::save_model(packed, folder.path() / "again");
    test::check_same_model(original, io::load_model(folder.path() / "again"));
}

TEST_CASE("a snapshot's strings outlive the mapping's other users", "[io][snapshot]") {
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    io::write_snapshot(io::load_model(folder.write("rich.yaml", kRich)), file);
    model::Model copy;
    {
        Diagnostics diagnostics;
        const auto loaded = io::read_snapshot(file, diagnostics);
        copy = loaded;
    }
    std::filesystem::remove(file);  // the mapping stays valid after the name is gone
    CHECK(copy[model::UnitId{1}].name == "Kommunledningsförvaltningen \"KLF\"");
}

TEST_CASE("the stock capnp tool decodes a snapshot with the schema", "[io][snapshot]") {
    test::TempFolder folder;
    const auto file = folder.path() / "rich.reorg";
    io::write_snapshot(io::load_model(folder.write("rich.yaml", kRich)), file);
    const auto out = folder.path() / "decoded.txt";
    const std::string command = "capnp decode " REORG_SCHEMA_DIR "/model.capnp Model < " +
                                file.string() + " > " + out.string();
    REQUIRE(std::system(command.c_str()) == 0);
    const auto text = read_bytes(out);
    CHECK_THAT(text, Contains("formatVersion = 1"));
    CHECK_THAT(text, Contains("id = \"IT.CHEF\""));
    CHECK_THAT(text, Contains("title = \"Tekniker, nätverk\""));
    CHECK_THAT(text, Contains("kind = doesntWork"));
}

TEST_CASE("a truncated snapshot is bad input at every length", "[io][snapshot]") {
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    io::write_snapshot(io::load_model(folder.write("rich.yaml", kRich)), file);
    const auto bytes = read_bytes(file);
    const auto cut = folder.path() / "cut.reorg";
    for (std::size_t length = 0; length < bytes.size(); length += 8) {
        folder.write("cut.reorg", std::string_view(bytes).substr(0, length));
        INFO("length " << length);
        CHECK_FALSE(load_error(cut).empty());
    }
    folder.write("cut.reorg", std::string_view(bytes).substr(0, bytes.size() - 3));
    CHECK_THAT(load_error(cut), Contains("not a reorg snapshot"));
}

TEST_CASE("corrupted snapshots never crash: they load or are bad input", "[io][snapshot]") {
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    io::write_snapshot(io::load_model(folder.write("rich.yaml", kRich)), file);
    const auto bytes = read_bytes(file);
    std::mt19937 random(2026);
    std::size_t rejected = 0;
    const auto bad = folder.path() / "bad.reorg";
    for (int round = 0; round < 400; ++round) {
        std::string damaged = bytes;
        const int flips = 1 + static_cast<int>(random() % 8);
        for (int f = 0; f < flips; ++f) {
            damaged[random() % damaged.size()] = static_cast<char>(random() % 256);
        }
        folder.write("bad.reorg", damaged);
        Diagnostics diagnostics;
        try {
            const auto model = io::read_snapshot(bad, diagnostics);
            // Whatever loaded is a consistent model: every reference points inside it.
            for (const auto& post : model.posts())
                REQUIRE(model::index(post.unit) < model.units().size());
        } catch (const InputError&) {
            ++rejected;
        }
    }
    CHECK(rejected > 100);
}

TEST_CASE("a well-formed message holding an invalid organisation is rejected", "[io][snapshot]") {
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    folder.write("rich.yaml", kRich);
    // A well-formed message whose content is not a valid organisation: the writer does not
    // check, the reader must.
    auto parts = io::load_model(folder.path() / "rich.yaml").parts();
    parts.posts[0].reports_to = model::PostId{2};  // KC -> IT.1 -> IT.CHEF -> KC
    const model::Model cyclic(std::move(parts));
    io::write_snapshot(cyclic, file);
    CHECK_THAT(load_error(file), Contains("reporting cycle") && Contains("'KC'"));

    // Numbers are held to the same range as in a text file: a negative capacity, an infinite
    // cost.
    auto negative = io::load_model(folder.path() / "rich.yaml").parts();
    negative.units[1].capacity = -5;
    io::write_snapshot(model::Model(std::move(negative)), file);
    CHECK_THAT(load_error(file), Contains("units[1].capacity") && Contains("above 0"));
    auto infinite = io::load_model(folder.path() / "rich.yaml").parts();
    infinite.posts[0].cost = INFINITY;
    io::write_snapshot(model::Model(std::move(infinite)), file);
    CHECK_THAT(load_error(file), Contains("posts[0].cost") && Contains("from 0 to 1e15"));

    // A finding's check is validated as in a text file.
    auto checked = io::load_model(folder.path() / "rich.yaml").parts();
    REQUIRE_FALSE(checked.findings.empty());
    checked.findings[0].check = "load(KLF.IT <= 1";
    io::write_snapshot(model::Model(std::move(checked)), file);
    CHECK_THAT(load_error(file), Contains("findings[0].check") && Contains("expected ')'"));

    folder.write("text.reorg", "this is not a snapshot at all, just text....");
    CHECK_THAT(load_error(folder.path() / "text.reorg"), Contains("snapshot"));
    CHECK_THAT(load_error(folder.path() / "missing.reorg"),
               Contains("cannot read: No such file or directory"));
}

TEST_CASE("a snapshot holding an empty id or one with a control character is rejected",
          "[io][snapshot]") {
    // What a CSV or YAML file may not hold, a snapshot may not either: the writer does not
    // check, the reader must, with the place in the message as for its other errors.
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    folder.write("rich.yaml", kRich);
    const auto rich = io::load_model(folder.path() / "rich.yaml");
    for (const bool index_ids : {false, true}) {
        INFO((index_ids ? "indexed" : "checked"));
        auto empty = rich.parts();
        empty.units[3].id = "";
        io::write_snapshot(model::Model(std::move(empty)), file);
        CHECK(load_error(file, index_ids) == file.string() + ": units[3].id: the id is empty");

        auto control = rich.parts();
        control.posts[1].id =
            "IT\x01"
            "CHEF";
        control.people[0].id = std::string_view("P\0", 2);
        control.findings[2].id =
            "C\xC2\x85"
            "2";  // U+0085
        io::write_snapshot(model::Model(std::move(control)), file);
        std::vector<std::string> listed;
        try {
            Diagnostics diagnostics;
            (void)io::read_snapshot(file, diagnostics, index_ids);
        } catch (const InputError& error) {
            for (const auto& diagnostic : error.errors()) listed.push_back(to_string(diagnostic));
        }
        const auto at = file.string() + ": ";
        CHECK(listed == std::vector<std::string>{
                            at + "posts[1].id: the id holds a control character (\\x01) at "
                                 "character 3; ids may not",
                            at + "people[0].id: the id holds a control character (\\x00) at "
                                 "character 2; ids may not",
                            at + "findings[2].id: the id holds a control character (\\x85) at "
                                 "character 2; ids may not"});
    }
    // Two ids differing only in a control character are not one id twice, but two errors.
    auto two = rich.parts();
    two.units[0].id = "B\x01";
    two.units[1].id = "B\x02";
    io::write_snapshot(model::Model(std::move(two)), file);
    CHECK_THAT(load_error(file),
               Contains("units[0].id") && Contains("(\\x01)") && Contains("and 1 more error"));
}

TEST_CASE("a snapshot's errors are listed in the order of its tables", "[io][snapshot]") {
    // The units and links are read on a second thread; what it finds is still listed table by
    // table, as one reader going through the file would.
    test::TempFolder folder;
    const auto file = folder.path() / "m.reorg";
    folder.write("rich.yaml", kRich);
    auto parts = io::load_model(folder.path() / "rich.yaml").parts();
    parts.units[2].parent = model::UnitId{30};
    parts.posts[3].unit = model::UnitId{40};
    parts.editable_links()[1].to = model::PostId{50};
    parts.findings[1].because = {model::FindingId{60}};
    io::write_snapshot(model::Model(std::move(parts)), file);
    const auto listed = error_columns(file);
    CHECK(listed == std::vector<std::string>{"units[2].parent", "posts[3].unit", "links[1].to",
                                             "findings[1].because"});

    // An id twice in a table is bad input too, found while the links are being read.
    auto twice = io::load_model(folder.path() / "rich.yaml").parts();
    twice.people[2].id = twice.people[0].id;
    // The model a buggy writer might hold: one that says its ids were checked.
    auto twice_and_more = twice;
    io::write_snapshot(model::Model(std::move(twice), model::IdCheck::Done), file);
    CHECK_THAT(load_error(file), Contains("duplicate person id 'P1'"));
    CHECK_THAT(load_error(file, true), Contains("duplicate person id 'P1'"));

    // Listed errors come first, as when the model was built after them.
    twice_and_more.editable_links()[0].to = model::UnitId{70};
    io::write_snapshot(model::Model(std::move(twice_and_more), model::IdCheck::Done), file);
    CHECK_THAT(load_error(file), Contains("links[0].to") && !Contains("duplicate"));
}
