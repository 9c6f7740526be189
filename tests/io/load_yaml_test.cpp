// read_yaml_model (lib/reorg/io/load.hpp): a model as one YAML file of lists of maps, read by the
// same rules as a CSV folder, with errors placed at the entry's line.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/model.hpp"
#include "support/finishes_within.hpp"
#include "support/temp_folder.hpp"

namespace {

using Catch::Contains;
using Catch::Matchers::WithinRel;
using reorg::Diagnostic;
using reorg::Diagnostics;
using reorg::InputError;
using reorg::io::read_yaml_model;
namespace model = reorg::model;

// The same organisation as load_csv_test.cpp's base model:
//
//   units          posts (reporting lines)
//   KLF            KC (Anna)
//   ├── IT         ├── EKO (Bo)
//   └── STYR       └── ITC (Cilla)          head of IT
//                      ├── IT1 (vacant)
//                      └── IT2 (Dan)
//
// KC, a top post, has no reports_to key; numbers are YAML numbers; F1's about is a YAML list
// and C1's a `;`-separated string.
constexpr std::string_view kModel = R"(units:
  - {id: KLF, name: Kommunledningsförvaltningen, kind: administration, head: KC}
  - {id: IT, name: IT-kontoret, kind: office, parent: KLF, head: ITC, capacity: 3000}
  - {id: STYR, name: Styrgrupp IT, kind: group, parent: KLF}
posts:
  - id: KC
    title: Kommunchef
    unit: KLF
    function: ledning
    cost: 1540000
    person: Anna
  - {id: EKO, title: Ekonomichef, unit: KLF, reports_to: KC, function: ekonomi,
     fte: 1, cost: 1210000, person: Bo}
  - {id: ITC, title: IT-chef, unit: IT, reports_to: KC, function: IT,
     fte: 1.0, cost: 1.18e6, person: Cilla}
  - {id: IT1, title: Supporttekniker, unit: IT, reports_to: ITC, function: IT,
     fte: 0.5, cost: 590000, person: ""}
  - {id: IT2, title: Systemförvaltare, unit: IT, reports_to: ITC, function: IT,
     fte: 1, person: Dan}
links:
  - {from: IT, to: KLF, kind: serves, weight: 1200, note: IT-ärenden per år}
  - {from: IT1, to: EKO, kind: dotted_line}
  - {from: KC, to: STYR, kind: member_of, note: ordförande}
  - {from: ITC, to: EKO, kind: collaborates, weight: 3}
  - {from: IT, to: KLF, kind: collaborates}
findings:
  - id: F1
    kind: doesnt_work
    statement: Leveranserna motsvarar inte behoven
    about: [IT, ITC]
    because: [C1]
    severity: 5
    count: 12
    source: Intervju
  - {id: C1, kind: cause, statement: Inget gemensamt forum för IT-behov, about: "KLF;STYR",
     severity: 4, count: 6, source: Workshop}
  - {id: W1, kind: works, statement: Supporten löser enkla ärenden snabbt, about: IT1}
)";

// The same model as a CSV folder.
constexpr std::string_view kUnitsCsv = R"(id,name,kind,parent,head,capacity
KLF,Kommunledningsförvaltningen,administration,,KC,
IT,IT-kontoret,office,KLF,ITC,3000
STYR,Styrgrupp IT,group,KLF,,
)";
constexpr std::string_view kPostsCsv = R"(id,title,unit,reports_to,function,fte,cost,person
KC,Kommunchef,KLF,,ledning,,1540000,Anna
EKO,Ekonomichef,KLF,KC,ekonomi,1,1210000,Bo
ITC,IT-chef,IT,KC,IT,1,1180000,Cilla
IT1,Supporttekniker,IT,ITC,IT,0.5,590000,
IT2,Systemförvaltare,IT,ITC,IT,1,,Dan
)";
constexpr std::string_view kLinksCsv = R"(from,to,kind,weight,note
IT,KLF,serves,1200,IT-ärenden per år
IT1,EKO,dotted_line,,
KC,STYR,member_of,,ordförande
ITC,EKO,collaborates,3,
IT,KLF,collaborates,,
)";
constexpr std::string_view kFindingsCsv =
    R"(id,kind,statement,about,because,severity,count,source
F1,doesnt_work,Leveranserna motsvarar inte behoven,IT;ITC,C1,5,12,Intervju
C1,cause,Inget gemensamt forum för IT-behov,KLF;STYR,,4,6,Workshop
W1,works,Supporten löser enkla ärenden snabbt,IT1,,,,
)";

/// Writes `text` as model.yaml into a fresh folder and reads it.
model::Model load_yaml(std::string_view text, Diagnostics& diagnostics) {
    const reorg::test::TempFolder folder;
    return read_yaml_model(folder.write("model.yaml", text), diagnostics);
}

model::Model load_yaml(std::string_view text) {
    Diagnostics diagnostics;
    return load_yaml(text, diagnostics);
}

/// The errors that reading `text` as a YAML model must report.
std::vector<Diagnostic> yaml_errors(std::string_view text) {
    try {
        Diagnostics diagnostics;
        (void)load_yaml(text, diagnostics);
    } catch (const InputError& error) {
        return error.errors();
    }
    FAIL("the model loaded, but an InputError was expected");
    return {};
}

std::string listing(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) text += "  " + reorg::to_string(d) + "\n";
    return text;
}

/// The diagnostic in model.yaml at `line` and `column`; the test fails, listing what was
/// reported instead, when there is none.
Diagnostic at(const std::vector<Diagnostic>& diagnostics, std::uint32_t line,
              std::string_view column = {}) {
    for (const auto& d : diagnostics) {
        if (std::filesystem::path(d.where.file).filename() == "model.yaml" &&
            d.where.line == line && d.where.column == column) {
            return d;
        }
    }
    FAIL("nothing reported at model.yaml:" << line << " column '" << column << "'; reported:\n"
                                           << listing(diagnostics));
    return {};
}

using Ids = std::vector<std::string_view>;

std::string_view id_of(const model::Model& m, const std::optional<model::PostId>& post) {
    return post ? m[*post].id : std::string_view{};
}
std::string_view id_of(const model::Model& m, const std::optional<model::UnitId>& unit) {
    return unit ? m[*unit].id : std::string_view{};
}
std::string_view person_of(const model::Model& m, const model::Post& post) {
    return post.person ? m[*post.person].id : std::string_view{};
}
Ids ids(const model::Model& m, const std::vector<model::Ref>& refs) {
    Ids result;
    for (const auto ref : refs) result.push_back(m.id_of(ref));
    return result;
}
Ids ids(const model::Model& m, const std::vector<model::FindingId>& findings) {
    Ids result;
    for (const auto f : findings) result.push_back(m[f].id);
    return result;
}

const model::Post& post(const model::Model& m, std::string_view id) {
    const auto found = m.find_post(id);
    INFO("post " << id);
    REQUIRE(found.has_value());
    return m[*found];
}
const model::Finding& finding(const model::Model& m, std::string_view id) {
    const auto found = m.find_finding(id);
    INFO("finding " << id);
    REQUIRE(found.has_value());
    return m[*found];
}

}  // namespace

TEST_CASE("A small YAML model loads with every table and field", "[io][yaml]") {
    Diagnostics diagnostics;
    const auto m = load_yaml(kModel, diagnostics);
    INFO(listing(diagnostics.warnings()));
    CHECK(diagnostics.warnings().empty());
    CHECK(m.units().size() == 3);
    CHECK(m.posts().size() == 5);
    CHECK(m.people().size() == 4);
    CHECK(m.links().size() == 5);
    CHECK(m.findings().size() == 3);

    const auto& it = m[*m.find_unit("IT")];
    CHECK(it.kind == model::UnitKind::Office);
    CHECK(id_of(m, it.parent) == "KLF");
    CHECK(id_of(m, it.head) == "ITC");
    REQUIRE(it.capacity.has_value());
    CHECK_THAT(*it.capacity, WithinRel(3000.0));

    const auto& kc = post(m, "KC");  // no reports_to key: a top post
    CHECK_FALSE(kc.reports_to.has_value());
    CHECK(kc.fte == 1.0);
    CHECK_THAT(kc.cost, WithinRel(1540000.0));
    CHECK(person_of(m, kc) == "Anna");
    CHECK_THAT(post(m, "ITC").cost, WithinRel(1180000.0));  // 1.18e6
    CHECK_THAT(post(m, "IT1").fte, WithinRel(0.5));
    CHECK(post(m, "IT1").vacant());
    CHECK(post(m, "IT2").cost == 0.0);
    CHECK(id_of(m, post(m, "IT2").reports_to) == "ITC");

    CHECK(m.links()[0].kind == model::LinkKind::Serves);
    CHECK_THAT(*m.links()[0].weight, WithinRel(1200.0));
    CHECK(m.links()[2].kind == model::LinkKind::MemberOf);
    CHECK(m.id_of(m.links()[2].to) == "STYR");

    const auto& f1 = finding(m, "F1");
    CHECK(f1.kind == model::FindingKind::DoesntWork);
    CHECK(ids(m, f1.about) == Ids{"IT", "ITC"});  // a YAML list
    CHECK(ids(m, f1.because) == Ids{"C1"});
    CHECK(f1.severity == 5);
    CHECK(f1.count == 12);
    CHECK(ids(m, finding(m, "C1").about) == Ids{"KLF", "STYR"});  // a `;`-separated string
    CHECK(finding(m, "W1").severity == 1);
}

TEST_CASE("about as a YAML list and as a semicolon-separated string give the same references",
          "[io][yaml]") {
    const std::string head =
        "units:\n"
        "  - {id: U, name: Enhet, head: P}\n"
        "  - {id: V, name: Annan, parent: U}\n"
        "posts:\n"
        "  - {id: P, unit: U}\n"
        "findings:\n";
    const auto as_list =
        load_yaml(head + "  - {id: F, kind: works, statement: S, about: [U, P, V]}\n");
    const auto as_text = load_yaml(head + "  - {id: F, kind: works, statement: S, about: U;P;V}\n");
    const auto as_block = load_yaml(head +
                                    "  - id: F\n    kind: works\n    statement: S\n"
                                    "    about:\n      - U\n      - P\n      - V\n");
    CHECK(ids(as_list, finding(as_list, "F").about) == Ids{"U", "P", "V"});
    CHECK(ids(as_text, finding(as_text, "F").about) == Ids{"U", "P", "V"});
    CHECK(ids(as_block, finding(as_block, "F").about) == Ids{"U", "P", "V"});
}

TEST_CASE("A null or empty reports_to is a top post", "[io][yaml]") {
    const auto m = load_yaml(
        "units: [{id: U, name: Enhet}]\n"
        "posts:\n"
        "  - {id: A, unit: U, reports_to: }\n"
        "  - {id: B, unit: U, reports_to: ~}\n"
        "  - {id: C, unit: U, reports_to: \"\"}\n");
    REQUIRE(m.posts().size() == 3);
    for (const auto& p : m.posts()) CHECK_FALSE(p.reports_to.has_value());
}

TEST_CASE("load_model reads a .yaml file as a YAML model", "[io][yaml]") {
    const reorg::test::TempFolder folder;
    const auto m = reorg::io::load_model(folder.write("org.yml", kModel));
    CHECK(m.posts().size() == 5);
    CHECK(m.findings().size() == 3);
}

TEST_CASE("A key given twice, or a second document, is an error at its line",
          "[io][yaml][errors]") {
    const auto twice = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  - {id: KC, title: A, unit: U, title: B}\n"
        "  - {id: X, unit: U, cost_centre: 1, cost_centre: 2}\n");
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].where.line == 4);
    CHECK(twice[0].where.column == "title");
    CHECK(twice[0].message == "given twice");
    CHECK(twice[1].where.line == 5);
    CHECK(twice[1].where.column == "cost_centre");

    const auto second = yaml_errors("units: []\nposts: []\n---\nunits: []\n");
    REQUIRE(second.size() == 1);
    CHECK(second[0].where.line == 4);
    CHECK(second[0].message == "a second YAML document (after `---`): the file must hold one");
}

// read_yaml_file parses a block map or list at column 0 once, and scans any other stream for a
// second document first: either way a stream of one document reads, and a second one is found.
TEST_CASE("A second document is found wherever it starts, and markers alone do not make one",
          "[io][yaml][errors]") {
    for (const std::string_view one :
         {"---\nunits: []\nposts: []\n", "%YAML 1.2\n---\nunits: []\nposts: []\n",
          "# a model\nunits: []\nposts: []\n...\n", "units: []\nposts: []\n# ---\n",
          "units:\n  - {id: U, name: \"--- x\"}\nposts: []\n"}) {
        CAPTURE(one);
        CHECK(load_yaml(one).posts().empty());
    }
    struct Case {
        std::string_view text;
        std::uint32_t line;
    };
    for (const auto& [text, line] : std::initializer_list<Case>{
             {"units: []\nposts: []\n...\nunits: []\n", 4},
             {"units: []\nposts: []\n--- # more\nunits: []\n", 4},
             {"---\nunits: []\nposts: []\n---\nunits: []\n", 5},
             {"  units: []\nposts: []\n", 2},  // a root map at column 2 ends at column 0
             {"- U\n---\n- V\n", 3}}) {
        CAPTURE(text);
        const auto errors = yaml_errors(text);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].where.line == line);
        CHECK(errors[0].message == "a second YAML document (after `---`): the file must hold one");
    }
}

TEST_CASE("A key given twice keeps its entry, with the first value, so nothing else fails",
          "[io][yaml][errors]") {
    // The unit whose name is given twice is still there for the post in it: no follow-on
    // "post 'P' is in unit 'U', which does not exist" (nor for the head of V, a reference).
    const std::string text =
        "units:\n"
        "  - {id: U, name: A, name: B}\n"
        "  - {id: V, name: C, parent: U, head: Q}\n"
        "posts:\n"
        "  - {id: P, title: T, unit: U}\n"
        "  - {id: Q, title: T, unit: V, reports_to: P, reports_to: X}\n";
    const auto errors = yaml_errors(text);
    INFO(listing(errors));
    REQUIRE(errors.size() == 2);
    CHECK(at(errors, 2, "name").message == "given twice");
    CHECK(at(errors, 6, "reports_to").message == "given twice");

    // The first value is the one kept: without the second key, it loads so.
    const auto m = load_yaml(
        "units:\n"
        "  - {id: U, name: A}\n"
        "posts:\n"
        "  - {id: P, title: T, unit: U}\n");
    CHECK(m.units()[0].name == "A");
}

TEST_CASE("A control character in a YAML id is an error at its entry's line",
          "[io][yaml][errors]") {
    // YAML's double-quoted escapes make any character, NUL too.
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "  - {id: \"B\\x01\", name: Ett}\n"  // 3
        "  - {id: \"B\\x02\", name: Två}\n"  // 4
        "posts:\n"
        "  - {id: \"P\\x01X\", unit: U}\n"                // 6
        "  - {id: \"U\\0X\", unit: U}\n"                  // 7: NUL
        "  - {id: \"T\\tX\", unit: U}\n"                  // 8
        "  - {id: \"åC\\x85\", unit: U}\n"                // 9: U+0085, a C1 control
        "  - {id: \"Q\\x7fR\", unit: U}\n"                // 10: DEL
        "  - {id: OK, unit: U, title: \"Tit\\x01el\"}\n"  // a title may hold one
        "people:\n"
        "  - {id: \"Pe\\x1br\", name: Per}\n"  // 13
        "findings:\n"
        "  - {id: \"F\\x9f\", kind: works, statement: S}\n");  // 15
    INFO(listing(errors));
    CHECK(at(errors, 3, "id").message ==
          "the unit's id holds a control character (\\x01) at character 2; ids may not");
    CHECK_THAT(at(errors, 4, "id").message, Contains("(\\x02) at character 2"));
    CHECK_THAT(at(errors, 6, "id").message, Contains("post's id") && Contains("(\\x01)"));
    CHECK_THAT(at(errors, 7, "id").message, Contains("(\\x00) at character 2"));
    CHECK_THAT(at(errors, 8, "id").message, Contains("(\\x09) at character 2"));
    CHECK_THAT(at(errors, 9, "id").message, Contains("(\\x85) at character 3"));
    CHECK_THAT(at(errors, 10, "id").message, Contains("(\\x7f) at character 2"));
    CHECK_THAT(at(errors, 13, "id").message, Contains("person's id") && Contains("(\\x1b)"));
    CHECK_THAT(at(errors, 15, "id").message, Contains("finding's id") && Contains("(\\x9f)"));
    CHECK(errors.size() == 9);
}

TEST_CASE("CR-only line ends in YAML load to the same model, with errors at their lines",
          "[io][yaml]") {
    // yaml-cpp 0.7 ends lines at LF and CR LF only: a file with lone CRs would be one line
    // that does not parse ("illegal map value" at line 1). The reader turns them into LFs.
    const auto with_line_ends = [](std::string_view text, std::string_view end) {
        std::string out;
        for (const char c : text) {
            if (c == '\n') {
                out += end;
            } else {
                out += c;
            }
        }
        return out;
    };
    const auto plain = load_yaml(kModel);
    for (const auto* end : {"\r", "\r\n"}) {
        INFO((end == std::string_view("\r") ? "CR" : "CR LF"));
        const auto m = load_yaml(with_line_ends(kModel, end));
        REQUIRE(m.units().size() == plain.units().size());
        REQUIRE(m.posts().size() == plain.posts().size());
        for (std::size_t i = 0; i < m.posts().size(); ++i) {
            CHECK(m.posts()[i].id == plain.posts()[i].id);
            CHECK(m.posts()[i].title == plain.posts()[i].title);
            CHECK(m[m.posts()[i].unit].id == plain[plain.posts()[i].unit].id);
            CHECK(id_of(m, m.posts()[i].reports_to) == id_of(plain, plain.posts()[i].reports_to));
        }
        CHECK(m.links().size() == plain.links().size());
        CHECK(m.findings().size() == plain.findings().size());
    }
    // Mixed line ends, and a line break inside a quoted value folding to a space as YAML says.
    const auto errors = yaml_errors(
        "units:\r"
        "  - {id: U, name: \"Ett\r  två\"}\n"  // 2-3
        "posts:\r\n"                           // 4
        "  - {id: P, unit: U}\r"               // 5
        "  - {id: Q, unit: NONE}\r");          // 6
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 6, "unit").message, Contains("'NONE'"));
    const auto folded = load_yaml("units:\r  - {id: U, name: \"Ett\r  två\"}\rposts: []\r");
    CHECK(folded.units()[0].name == "Ett två");
}

TEST_CASE("Malformed YAML is an error at the line of the parse error", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - id: U\n"
        "    name: Enhet\n"
        "  - id: V\n"
        "    name: a: b\n"  // line 5: a second ': ' in a plain value
        "posts: []\n");
    REQUIRE(errors.size() == 1);
    CHECK(std::filesystem::path(errors[0].where.file).filename() == "model.yaml");
    CHECK(errors[0].where.line == 5);
    CHECK_FALSE(errors[0].message.empty());
}

TEST_CASE("A stray closing brace is an error at its line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - id: U\n"
        "    name: Enhet\n"
        "posts:\n"
        "  - id: P\n"
        "    unit: U\n"
        "    title: }\n");  // line 7: '}' closes nothing
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].where.line == 7);
    CHECK_FALSE(errors[0].message.empty());
}

TEST_CASE("Invalid UTF-8 in a YAML file is an error at the line of the bad byte",
          "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  - {id: P, unit: U, title: Handl\xE4ggare}\n");  // Latin-1 ä
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 4).message, Contains("UTF-8"));
}

TEST_CASE("A table that is not a list is an error at its line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  id: P\n"  // line 4: a map, not a list of maps
        "  unit: U\n");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 4, "posts").message, Contains("list"));
}

TEST_CASE("A missing required table is an error naming it", "[io][yaml][errors]") {
    const auto errors = yaml_errors("units:\n  - {id: U, name: Enhet}\n");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 0, "posts").message, Contains("missing"));
}

TEST_CASE("A YAML document that is not a map is an error", "[io][yaml][errors]") {
    const auto errors = yaml_errors("- just\n- a list\n");
    REQUIRE(errors.size() == 1);
    CHECK(std::filesystem::path(errors[0].where.file).filename() == "model.yaml");
    CHECK_THAT(errors[0].message, Contains("units"));
}

TEST_CASE("An entry that is not a map is an error at its line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  - {id: P, unit: U}\n"
        "  - just a title\n"  // line 5
        "  - {id: Q, unit: U, reports_to: P}\n");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 5, "posts").message, Contains("map"));
}

TEST_CASE("A missing required field is an error at its entry's line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "  - {id: V}\n"  // line 3: no name
        "posts:\n"
        "  - {id: P, unit: U}\n"
        "  - id: Q\n"  // line 6: no unit
        "    title: Handläggare\n"
        "    reports_to: P\n"
        "links:\n"
        "  - {from: P, to: Q}\n"  // line 10: no kind
        "findings:\n"
        "  - {id: F, kind: works}\n");  // line 12: no statement
    CHECK(errors.size() == 4);
    CHECK_THAT(at(errors, 3, "name").message, Contains("missing"));
    CHECK_THAT(at(errors, 6, "unit").message, Contains("missing"));
    CHECK_THAT(at(errors, 10, "kind").message, Contains("missing"));
    CHECK_THAT(at(errors, 12, "statement").message, Contains("missing"));
}

TEST_CASE("An unknown reference is an error at its entry's line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet, head: P}\n"
        "posts:\n"
        "  - {id: P, unit: U}\n"
        "  - id: Q\n"  // line 5
        "    unit: U\n"
        "    reports_to: NOPE\n"
        "findings:\n"
        "  - id: F\n"  // line 9
        "    kind: works\n"
        "    statement: S\n"
        "    about: [U, MISSING]\n");
    CHECK(errors.size() == 2);
    CHECK_THAT(at(errors, 5, "reports_to").message, Contains("unknown post 'NOPE'"));
    CHECK_THAT(at(errors, 9, "about").message, Contains("'MISSING'"));
}

TEST_CASE("Invalid values in YAML are errors at their entry's line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet, kind: division}\n"
        "posts:\n"
        "  - {id: P, unit: U, fte: abc}\n"
        "  - {id: Q, unit: U, reports_to: P, cost: -10}\n"
        "findings:\n"
        "  - {id: F, kind: works, statement: S, severity: 9}\n");
    CHECK(errors.size() == 4);
    CHECK_THAT(at(errors, 2, "kind").message, Contains("'division'"));
    CHECK_THAT(at(errors, 4, "fte").message, Contains("invalid number 'abc'"));
    CHECK_THAT(at(errors, 5, "cost").message, Contains("negative"));
    CHECK_THAT(at(errors, 7, "severity").message, Contains("1 to 5"));
}

// Found by fuzz/yaml_model.cpp: yaml-cpp's LoadAll never returned, filling memory, on a document
// that starts with a token no value starts with (yaml-cpp issue 1040). The scenario and rules
// readers read their YAML the same way (io::read_yaml_file).
TEST_CASE("A document that starts with a stray comma is invalid YAML at its line",
          "[io][yaml][errors]") {
    for (const std::string_view text :
         {",", "# a model\n,unit,reports_to\nKC,Kommunchef\n", "]\n", "units: []\n,\n"}) {
        CAPTURE(text);
        REQUIRE(reorg::test::finishes_within(std::chrono::seconds(20), [&] {
            Diagnostics diagnostics;
            (void)load_yaml(text, diagnostics);
        }));
        CHECK(yaml_errors(text).size() == 1);
    }
    const auto first = yaml_errors(",");
    REQUIRE(first.size() == 1);
    CHECK(first[0].where.line == 1);
    CHECK(first[0].message == "invalid YAML: unexpected `,`");
    const auto later = yaml_errors("# a model\n,unit,reports_to\nKC,Kommunchef\n");
    REQUIRE(later.size() == 1);
    CHECK(later[0].where.line == 2);
    CHECK(later[0].message == "invalid YAML: unexpected `,`");
}

TEST_CASE("A nested map as a field value is an error at its line", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  - id: P\n"
        "    unit: {id: U}\n");  // line 5
    CHECK_THAT(at(errors, 5, "unit").message, Contains("value"));
}

TEST_CASE("A field with a nested map is not also reported as missing", "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units:\n"
        "  - {id: U, name: Enhet}\n"
        "posts:\n"
        "  - id: P\n"
        "    unit: {id: U}\n");  // line 5
    INFO(listing(errors));
    CHECK(errors.size() == 1);
}

TEST_CASE("A reporting cycle in YAML is an error at the line of its first post",
          "[io][yaml][errors]") {
    const auto errors = yaml_errors(
        "units: [{id: U, name: Enhet}]\n"
        "posts:\n"
        "  - {id: TOP, unit: U}\n"
        "  - {id: A, unit: U, reports_to: C}\n"  // line 4
        "  - {id: B, unit: U, reports_to: A}\n"
        "  - {id: C, unit: U, reports_to: B}\n");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, 4, "reports_to").message,
               Contains("cycle") && Contains("'A'") && Contains("'B'") && Contains("'C'"));
}

TEST_CASE("The minimal example model loads", "[io][yaml]") {
    Diagnostics diagnostics;
    const auto m =
        read_yaml_model(std::filesystem::path(REORG_DATA_DIR "/minimal/model.yaml"), diagnostics);
    CHECK(m.units().size() == 4);
    CHECK(m.posts().size() == 10);
    CHECK(m.people().size() == 9);
    CHECK(m.links().size() == 6);
    CHECK(m.findings().size() == 4);
    CHECK_FALSE(diagnostics.has_errors());
    CHECK_THAT(post(m, "STF.003").fte, WithinRel(0.75));
    CHECK(id_of(m, post(m, "KLF.IT.001").reports_to) == "IT.CHEF");
    CHECK(post(m, "KLF.IT.003").vacant());
    CHECK(m[*post(m, "KC").person].name == "Karin Ek");
    CHECK(ids(m, finding(m, "F02").about) == Ids{"KLF.IT", "IT.CHEF"});
    CHECK(ids(m, finding(m, "F02").because) == Ids{"C01"});
    CHECK(finding(m, "F02").severity == 5);
    CHECK(finding(m, "F02").count == 12);
}

TEST_CASE("The same model as a CSV folder and as YAML gives equal tables", "[io][yaml][csv]") {
    const reorg::test::TempFolder folder;
    folder.write("csv/units.csv", kUnitsCsv);
    folder.write("csv/posts.csv", kPostsCsv);
    folder.write("csv/links.csv", kLinksCsv);
    folder.write("csv/findings.csv", kFindingsCsv);
    Diagnostics csv_diagnostics;
    const auto csv = reorg::io::read_csv_folder(folder.path() / "csv", csv_diagnostics);
    Diagnostics yaml_diagnostics;
    const auto yaml = read_yaml_model(folder.write("model.yaml", kModel), yaml_diagnostics);
    CHECK(csv_diagnostics.warning_count() == yaml_diagnostics.warning_count());

    REQUIRE(csv.units().size() == yaml.units().size());
    for (std::size_t i = 0; i < csv.units().size(); ++i) {
        const auto& a = csv.units()[i];
        const auto& b = yaml.units()[i];
        INFO("unit " << a.id);
        CHECK(a.id == b.id);
        CHECK(a.name == b.name);
        CHECK(a.kind == b.kind);
        CHECK(id_of(csv, a.parent) == id_of(yaml, b.parent));
        CHECK(id_of(csv, a.head) == id_of(yaml, b.head));
        CHECK(a.capacity == b.capacity);
    }
    REQUIRE(csv.posts().size() == yaml.posts().size());
    for (std::size_t i = 0; i < csv.posts().size(); ++i) {
        const auto& a = csv.posts()[i];
        const auto& b = yaml.posts()[i];
        INFO("post " << a.id);
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        CHECK(a.function == b.function);
        CHECK(csv[a.unit].id == yaml[b.unit].id);
        CHECK(id_of(csv, a.reports_to) == id_of(yaml, b.reports_to));
        CHECK_THAT(a.fte, WithinRel(b.fte));
        CHECK_THAT(a.cost, WithinRel(b.cost));
        CHECK(person_of(csv, a) == person_of(yaml, b));
    }
    REQUIRE(csv.people().size() == yaml.people().size());
    for (std::size_t i = 0; i < csv.people().size(); ++i) {
        CHECK(csv.people()[i].id == yaml.people()[i].id);
    }
    REQUIRE(csv.links().size() == yaml.links().size());
    for (std::size_t i = 0; i < csv.links().size(); ++i) {
        const auto& a = csv.links()[i];
        const auto& b = yaml.links()[i];
        INFO("link " << i);
        CHECK(a.kind == b.kind);
        CHECK(a.from.index() == b.from.index());
        CHECK(a.to.index() == b.to.index());
        CHECK(csv.id_of(a.from) == yaml.id_of(b.from));
        CHECK(csv.id_of(a.to) == yaml.id_of(b.to));
        CHECK(a.weight == b.weight);
        CHECK(a.note == b.note);
    }
    REQUIRE(csv.findings().size() == yaml.findings().size());
    for (std::size_t i = 0; i < csv.findings().size(); ++i) {
        const auto& a = csv.findings()[i];
        const auto& b = yaml.findings()[i];
        INFO("finding " << a.id);
        CHECK(a.id == b.id);
        CHECK(a.kind == b.kind);
        CHECK(a.statement == b.statement);
        CHECK(ids(csv, a.about) == ids(yaml, b.about));
        CHECK(ids(csv, a.because) == ids(yaml, b.because));
        CHECK(a.severity == b.severity);
        CHECK(a.count == b.count);
        CHECK(a.source == b.source);
    }
}
