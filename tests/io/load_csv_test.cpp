// read_csv_folder / load_model (lib/reorg/io/load.hpp) on small model folders: what loads, and
// every kind of bad input SPEC §3 lists, each with its file, line, column and message.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/model.hpp"
#include "support/same_model.hpp"
#include "support/temp_folder.hpp"

namespace {

using Catch::Contains;
using Catch::Matchers::WithinRel;
using reorg::Diagnostic;
using reorg::Diagnostics;
using reorg::InputError;
using reorg::io::read_csv_folder;
namespace model = reorg::model;

/// File name → contents of a model folder.
using Files = std::map<std::string, std::string>;

// The small model most tests start from. Every post has a path to its unit's head and every
// manager has two reports, so it loads without warnings.
//
//   units          posts (reporting lines)
//   KLF            KC (Anna)
//   ├── IT         ├── EKO (Bo)
//   └── STYR       └── ITC (Cilla)          head of IT
//                      ├── IT1 (vacant)
//                      └── IT2 (Dan)
constexpr std::string_view kUnits = R"(id,name,kind,parent,head,capacity
KLF,Kommunledningsförvaltningen,administration,,KC,
IT,IT-kontoret,office,KLF,ITC,3000
STYR,Styrgrupp IT,group,KLF,,
)";
constexpr std::string_view kPosts = R"(id,title,unit,reports_to,function,fte,cost,person
KC,Kommunchef,KLF,,ledning,,1540000,Anna
EKO,Ekonomichef,KLF,KC,ekonomi,1,1210000,Bo
ITC,IT-chef,IT,KC,IT,1,1180000,Cilla
IT1,Supporttekniker,IT,ITC,IT,0.5,590000,
IT2,Systemförvaltare,IT,ITC,IT,1,,Dan
)";
constexpr std::string_view kLinks = R"(from,to,kind,weight,note
IT,KLF,serves,1200,IT-ärenden per år
IT1,EKO,dotted_line,,
KC,STYR,member_of,,ordförande
ITC,EKO,collaborates,3,
IT,KLF,collaborates,,
)";
constexpr std::string_view kFindings = R"(id,kind,statement,about,because,severity,count,source
F1,doesnt_work,Leveranserna motsvarar inte behoven,IT;ITC,C1,5,12,Intervju
C1,cause,Inget gemensamt forum för IT-behov,KLF,,4,6,Workshop
W1,works,Supporten löser enkla ärenden snabbt,IT1,,,,
)";

Files base_files() {
    return {{"units.csv", std::string(kUnits)},
            {"posts.csv", std::string(kPosts)},
            {"links.csv", std::string(kLinks)},
            {"findings.csv", std::string(kFindings)}};
}

/// Appends one row (a line break is added) and returns the row's 1-based line.
std::uint32_t append(std::string& file, std::string_view row) {
    const auto line = static_cast<std::uint32_t>(std::count(file.begin(), file.end(), '\n') + 1);
    file.append(row);
    file += '\n';
    return line;
}

/// Replaces the one occurrence of `from` in `text`.
void replace(std::string& text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

/// Writes the files into a fresh folder and loads it.
model::Model load(const Files& files, Diagnostics& diagnostics) {
    const reorg::test::TempFolder folder;
    for (const auto& [name, bytes] : files) folder.write(name, bytes);
    return read_csv_folder(folder.path(), diagnostics);
}

model::Model load(const Files& files) {
    Diagnostics diagnostics;
    return load(files, diagnostics);
}

/// The InputError that loading the files must throw.
InputError load_error(const Files& files) {
    try {
        Diagnostics diagnostics;
        (void)load(files, diagnostics);
    } catch (const InputError& error) {
        return error;
    }
    FAIL("the model loaded, but an InputError was expected");
    return InputError(reorg::Location{}, std::string{});
}

/// The errors that loading the files must report.
std::vector<Diagnostic> errors_of(const Files& files) { return load_error(files).errors(); }

std::string listing(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) text += "  " + reorg::to_string(d) + "\n";
    return text;
}

/// The diagnostic located in file `file` (its name), at `line` and `column`; the test fails,
/// listing what was reported instead, when there is none.
Diagnostic at(const std::vector<Diagnostic>& diagnostics, std::string_view file, std::uint32_t line,
              std::string_view column = {}) {
    for (const auto& d : diagnostics) {
        if (std::filesystem::path(d.where.file).filename() == file && d.where.line == line &&
            d.where.column == column) {
            return d;
        }
    }
    FAIL("nothing reported at " << file << ":" << line << " column '" << column << "'; reported:\n"
                                << listing(diagnostics));
    return {};
}

std::string_view id_of(const model::Model& m, const std::optional<model::PostId>& post) {
    return post ? m[*post].id : std::string_view{};
}
std::string_view id_of(const model::Model& m, const std::optional<model::UnitId>& unit) {
    return unit ? m[*unit].id : std::string_view{};
}
std::string_view person_of(const model::Model& m, const model::Post& post) {
    return post.person ? m[*post.person].id : std::string_view{};
}

const model::Post& post(const model::Model& m, std::string_view id) {
    const auto found = m.find_post(id);
    INFO("post " << id);
    REQUIRE(found.has_value());
    return m[*found];
}
const model::Unit& unit(const model::Model& m, std::string_view id) {
    const auto found = m.find_unit(id);
    INFO("unit " << id);
    REQUIRE(found.has_value());
    return m[*found];
}
const model::Finding& finding(const model::Model& m, std::string_view id) {
    const auto found = m.find_finding(id);
    INFO("finding " << id);
    REQUIRE(found.has_value());
    return m[*found];
}

std::vector<std::string_view> ids(const model::Model& m, const std::vector<model::Ref>& refs) {
    std::vector<std::string_view> result;
    for (const auto ref : refs) result.push_back(m.id_of(ref));
    return result;
}
std::vector<std::string_view> ids(const model::Model& m,
                                  const std::vector<model::FindingId>& findings) {
    std::vector<std::string_view> result;
    for (const auto f : findings) result.push_back(m[f].id);
    return result;
}

using Ids = std::vector<std::string_view>;

/// The values of one row of a table's unknown columns.
Ids extra_row(const model::ExtraColumns& extra, std::size_t row) {
    const auto values = extra.row(row);
    return Ids(values.begin(), values.end());
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// What loads

TEST_CASE("A small valid model loads with every table and field", "[io][load_csv]") {
    Diagnostics diagnostics;
    const auto m = load(base_files(), diagnostics);
    INFO(listing(diagnostics.warnings()));
    CHECK(diagnostics.warnings().empty());
    CHECK(m.units().size() == 3);
    CHECK(m.posts().size() == 5);
    CHECK(m.people().size() == 4);
    CHECK(m.links().size() == 5);
    CHECK(m.findings().size() == 3);

    SECTION("units") {
        const auto& klf = unit(m, "KLF");
        CHECK(klf.name == "Kommunledningsförvaltningen");
        CHECK(klf.kind == model::UnitKind::Administration);
        CHECK_FALSE(klf.parent.has_value());
        CHECK(id_of(m, klf.head) == "KC");
        CHECK_FALSE(klf.capacity.has_value());
        const auto& it = unit(m, "IT");
        CHECK(it.kind == model::UnitKind::Office);
        CHECK(id_of(m, it.parent) == "KLF");
        CHECK(id_of(m, it.head) == "ITC");
        REQUIRE(it.capacity.has_value());
        CHECK_THAT(*it.capacity, WithinRel(3000.0));
        const auto& styr = unit(m, "STYR");
        CHECK(styr.kind == model::UnitKind::Group);
        CHECK_FALSE(styr.head.has_value());
    }
    SECTION("posts: fte defaults to 1, cost to 0, an empty person is a vacancy") {
        const auto& kc = post(m, "KC");
        CHECK(kc.title == "Kommunchef");
        CHECK(kc.function == "ledning");
        CHECK(m[kc.unit].id == "KLF");
        CHECK_FALSE(kc.reports_to.has_value());
        CHECK(kc.fte == 1.0);
        CHECK_THAT(kc.cost, WithinRel(1540000.0));
        CHECK(person_of(m, kc) == "Anna");
        const auto& it1 = post(m, "IT1");
        CHECK(m[it1.unit].id == "IT");
        CHECK(id_of(m, it1.reports_to) == "ITC");
        CHECK_THAT(it1.fte, WithinRel(0.5));
        CHECK(it1.vacant());
        const auto& it2 = post(m, "IT2");
        CHECK(it2.cost == 0.0);
        CHECK_FALSE(it2.vacant());
        CHECK(person_of(m, it2) == "Dan");
        CHECK(id_of(m, post(m, "ITC").reports_to) == "KC");
    }
    SECTION("links: kinds, endpoints, weights and notes") {
        const auto links = m.links();
        CHECK(links[0].kind == model::LinkKind::Serves);
        CHECK(std::holds_alternative<model::UnitId>(links[0].from));
        CHECK(m.id_of(links[0].from) == "IT");
        CHECK(m.id_of(links[0].to) == "KLF");
        REQUIRE(links[0].weight.has_value());
        CHECK_THAT(*links[0].weight, WithinRel(1200.0));
        CHECK(links[0].note == "IT-ärenden per år");
        CHECK(links[1].kind == model::LinkKind::DottedLine);
        CHECK(std::holds_alternative<model::PostId>(links[1].from));
        CHECK(std::holds_alternative<model::PostId>(links[1].to));
        CHECK(m.id_of(links[1].from) == "IT1");
        CHECK(m.id_of(links[1].to) == "EKO");
        CHECK_FALSE(links[1].weight.has_value());
        CHECK(links[2].kind == model::LinkKind::MemberOf);
        CHECK(std::holds_alternative<model::PostId>(links[2].from));
        CHECK(std::holds_alternative<model::UnitId>(links[2].to));
        CHECK(m.id_of(links[2].to) == "STYR");
        CHECK(links[2].note == "ordförande");
        CHECK(links[3].kind == model::LinkKind::Collaborates);
        CHECK(std::holds_alternative<model::PostId>(links[3].from));
        CHECK(std::holds_alternative<model::PostId>(links[3].to));
        CHECK_THAT(*links[3].weight, WithinRel(3.0));
        CHECK(links[4].kind == model::LinkKind::Collaborates);
        CHECK(std::holds_alternative<model::UnitId>(links[4].from));
        CHECK(std::holds_alternative<model::UnitId>(links[4].to));
    }
    SECTION("findings: about and because resolved, severity and count") {
        const auto& f1 = finding(m, "F1");
        CHECK(f1.kind == model::FindingKind::DoesntWork);
        CHECK(f1.statement == "Leveranserna motsvarar inte behoven");
        CHECK(ids(m, f1.about) == Ids{"IT", "ITC"});
        CHECK(std::holds_alternative<model::UnitId>(f1.about[0]));
        CHECK(std::holds_alternative<model::PostId>(f1.about[1]));
        CHECK(ids(m, f1.because) == Ids{"C1"});
        CHECK(f1.severity == 5);
        CHECK(f1.count == 12);
        CHECK(f1.source == "Intervju");
        const auto& c1 = finding(m, "C1");
        CHECK(c1.kind == model::FindingKind::Cause);
        CHECK(ids(m, c1.about) == Ids{"KLF"});
        CHECK(c1.because.empty());
        CHECK(c1.severity == 4);
        CHECK(c1.count == 6);
        const auto& w1 = finding(m, "W1");
        CHECK(w1.kind == model::FindingKind::Works);
        CHECK(w1.severity == 1);  // absent: 1
        CHECK(w1.count == 1);     // absent: 1
        CHECK(w1.source.empty());
    }
}

TEST_CASE("A finding's check is read from its column and checked against the model",
          "[io][load_csv]") {
    auto files = base_files();
    files["findings.csv"] =
        "id,kind,statement,check\n"
        "F1,doesnt_work,Överbelastat,load(IT) <= 1\n"
        "F2,works,Nära styrgruppen,\"distance(IT1, STYR) <= 2 and not vacant(ITC) == 1\"\n"
        "F3,works,Utan kontroll,\n";
    const auto model = load(files);
    CHECK(model.findings()[0].check == "load(IT) <= 1");
    CHECK(model.findings()[1].check == "distance(IT1, STYR) <= 2 and not vacant(ITC) == 1");
    CHECK(model.findings()[2].check.empty());

    files["findings.csv"] =
        "id,kind,statement,check\n"
        "F1,doesnt_work,x,load(IT <= 1\n"
        "F2,doesnt_work,x,span(IT) > 1\n"
        "F3,doesnt_work,x,posts(ITT) > 1\n";
    const auto errors = errors_of(files);
    REQUIRE(errors.size() == 3);
    CHECK(at(errors, "findings.csv", 2, "check").message == "expected ')' at column 9");
    CHECK(at(errors, "findings.csv", 3, "check").message ==
          "`span` needs a post, and `IT` is a unit at column 6");
    CHECK(at(errors, "findings.csv", 4, "check").message ==
          "unknown id `ITT` (did you mean `IT`?) at column 7");
}

TEST_CASE("Numbers beyond 1e15 are errors at their line, so no total is infinite",
          "[io][load_csv][errors]") {
    auto files = base_files();
    files["posts.csv"] =
        std::string(kPosts) + "X1,a,IT,ITC,IT,2e15,1,\nX2,a,IT,ITC,IT,1,1.7e308,\n";
    files["links.csv"] = "from,to,kind,weight\nIT,KLF,serves,1e300\n";
    files["units.csv"] = std::string(kUnits) + "BIG,Stor,office,KLF,,1e16\n";
    const auto errors = errors_of(files);
    REQUIRE(errors.size() == 4);
    CHECK(at(errors, "posts.csv", 7, "fte").message == "must be from 0 to 1e15, is 2e+15");
    CHECK(at(errors, "posts.csv", 8, "cost").message == "must be from 0 to 1e15, is 1.7e+308");
    CHECK(at(errors, "links.csv", 2, "weight").message == "must be from 0 to 1e15, is 1e+300");
    CHECK(at(errors, "units.csv", 5, "capacity").message ==
          "must be above 0 and at most 1e15, is 1e+16");
    // 1e15 itself is allowed.
    files = base_files();
    files["posts.csv"] = std::string(kPosts) + "X1,a,IT,ITC,IT,1,1e15,\n";
    CHECK(load(files).posts().size() == 6);
}

TEST_CASE("load_model reads a folder as a CSV model", "[io][load_csv]") {
    const reorg::test::TempFolder folder;
    for (const auto& [name, bytes] : base_files()) folder.write(name, bytes);
    const auto m = reorg::io::load_model(folder.path());
    CHECK(m.posts().size() == 5);
    CHECK(m.findings().size() == 3);
}

TEST_CASE("load_model names a path that does not exist", "[io][load_csv]") {
    const reorg::test::TempFolder folder;
    try {
        (void)reorg::io::load_model(folder.path() / "nowhere");
        FAIL("loaded a model from nowhere");
    } catch (const InputError& error) {
        REQUIRE(error.errors().size() == 1);
        CHECK(std::filesystem::path(error.errors()[0].where.file).filename() == "nowhere");
        CHECK_THAT(error.errors()[0].message, Contains("no such file"));
    }
}

TEST_CASE("Only units.csv and posts.csv are needed", "[io][load_csv]") {
    auto files = base_files();
    files.erase("links.csv");
    files.erase("findings.csv");
    const auto m = load(files);
    CHECK(m.units().size() == 3);
    CHECK(m.posts().size() == 5);
    CHECK(m.links().empty());
    CHECK(m.findings().empty());
}

TEST_CASE("Columns may come in any order and any ASCII case, and unknown columns are kept",
          "[io][load_csv]") {
    Files files;
    files["units.csv"] = R"(HEAD,Name,ID,Parent,KIND
KC,Ledning,KLF,,administration
ITC,IT-kontoret,IT,KLF,office
)";
    files["posts.csv"] = R"(Person,Room,Reports_To,FTE,Id,Unit,Title, Phone ,Cost
Anna,A101,,0.8,KC,KLF,Kommunchef,100,900000
,B202,KC,1,ITC,IT,IT-chef,200,
Bo,,ITC,,IT1,IT,Tekniker,,
Cilla,C303,ITC,,IT2,IT,Tekniker,300,
)";
    const auto m = load(files);
    REQUIRE(m.posts().size() == 4);
    const auto& kc = post(m, "KC");
    CHECK(kc.title == "Kommunchef");
    CHECK(m[kc.unit].id == "KLF");
    CHECK_THAT(kc.fte, WithinRel(0.8));
    CHECK_THAT(kc.cost, WithinRel(900000.0));
    CHECK(person_of(m, kc) == "Anna");
    CHECK(id_of(m, post(m, "IT1").reports_to) == "ITC");
    CHECK(post(m, "ITC").vacant());
    CHECK(id_of(m, unit(m, "IT").head) == "ITC");
    CHECK(unit(m, "IT").kind == model::UnitKind::Office);
    CHECK(id_of(m, unit(m, "IT").parent) == "KLF");

    const auto& extra = m.extra(model::Table::Posts);
    REQUIRE(extra.names == std::vector<std::string>{"Room", "Phone"});
    // Rows in file order: KC, ITC, IT1, IT2.
    CHECK(extra_row(extra, 0) == Ids{"A101", "100"});
    CHECK(extra_row(extra, 1) == Ids{"B202", "200"});
    CHECK(extra_row(extra, 2) == Ids{"", ""});
    CHECK(extra_row(extra, 3) == Ids{"C303", "300"});
    CHECK(m.extra(model::Table::Units).names.empty());
}

TEST_CASE("A semicolon-separated file reads a decimal comma and grouped digits", "[io][load_csv]") {
    Files files;
    files["units.csv"] = "id;name;head\nKLF;Ledning;KC\n";
    files["posts.csv"] = R"(id;title;unit;reports_to;fte;cost;person
KC;Kommunchef;KLF;;1;1 540 000;Anna
EKO;Ekonom;KLF;KC;0,5;"1 210 000,50";Bo
HR;HR-chef;KLF;KC;0,75;850000;Cilla
)";
    const auto m = load(files);
    REQUIRE(m.posts().size() == 3);
    CHECK_THAT(post(m, "EKO").fte, WithinRel(0.5));
    CHECK_THAT(post(m, "HR").fte, WithinRel(0.75));
    CHECK_THAT(post(m, "KC").cost, WithinRel(1540000.0));
    CHECK_THAT(post(m, "EKO").cost, WithinRel(1210000.5));
    CHECK(id_of(m, post(m, "HR").reports_to) == "KC");
}

TEST_CASE("A BOM and CRLF line ends load like the plain files", "[io][load_csv]") {
    Files files;
    for (auto [name, bytes] : base_files()) {
        std::string crlf = "\xEF\xBB\xBF";
        for (const char c : bytes) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        files[name] = crlf;
    }
    const auto m = load(files);
    CHECK(m.units().size() == 3);
    CHECK(m.posts().size() == 5);
    CHECK(m.links().size() == 5);
    CHECK(m.findings().size() == 3);
    CHECK(m.find_unit("KLF").has_value());  // the first id, after the BOM
    CHECK(m.find_post("KC").has_value());
    CHECK(person_of(m, post(m, "KC")) == "Anna");  // the last column, before CR LF
    CHECK(m.find_person("Anna").has_value());
    CHECK(finding(m, "F1").source == "Intervju");
    CHECK(m.links()[2].note == "ordförande");
    CHECK(id_of(m, unit(m, "IT").head) == "ITC");
}

// Every line break of `bytes` as `end` (a lone CR: what Excel for Mac's "CSV (Macintosh)" writes).
std::string with_line_ends(std::string_view bytes, std::string_view end) {
    std::string out;
    for (const char c : bytes) {
        if (c == '\n') {
            out += end;
        } else {
            out += c;
        }
    }
    return out;
}

TEST_CASE("CR-only line ends load to the same model as LF", "[io][load_csv]") {
    auto plain = base_files();
    plain["people.csv"] = "id,name\nAnna,Anna Ek\nBo,Bo Ström\nCilla,\"Cilla\rC\"\nDan,Dan\n";
    Files mac;
    for (const auto& [name, bytes] : plain) mac[name] = with_line_ends(bytes, "\r");
    reorg::test::check_same_model(load(mac), load(plain));
    // A CR inside quotes stays part of the value.
    const auto m = load(mac);
    CHECK(m[*m.find_person("Cilla")].name == "Cilla\rC");
}

TEST_CASE("An error in a CR-only or mixed file names its line", "[io][load_csv][errors]") {
    SECTION("CR only") {
        auto files = base_files();
        replace(files["posts.csv"], "ekonomi,1,", "ekonomi,ett,");     // line 3
        append(files["posts.csv"], "IT3,Tekniker,IT,NOBODY,IT,1,0,");  // line 7
        for (auto& [name, bytes] : files) bytes = with_line_ends(bytes, "\r");
        const auto errors = errors_of(files);
        CHECK(errors.size() == 2);
        CHECK_THAT(at(errors, "posts.csv", 3, "fte").message, Contains("'ett'"));
        CHECK_THAT(at(errors, "posts.csv", 7, "reports_to").message, Contains("'NOBODY'"));
    }
    SECTION("CR, LF and CRLF in one file, and a CR in quotes ending no record") {
        Files files = base_files();
        files["posts.csv"] =
            "id,title,unit,reports_to,function,fte,cost,person\r"    // 1
            "KC,Kommunchef,KLF,,ledning,,1540000,Anna\n"             // 2
            "EKO,\"Ekonomi\rchef\",KLF,KC,ekonomi,1,1210000,Bo\r\n"  // 3-4
            "\r"                                                     // 5, blank
            "ITC,IT-chef,IT,KC,IT,1,1180000,Cilla\n"                 // 6
            "IT1,Supporttekniker,IT,ITC,IT,noll,590000,\r"           // 7
            "IT2,Systemförvaltare,IT,ITC,IT,1,,Dan\r\n";             // 8
        const auto errors = errors_of(files);
        CHECK(errors.size() == 1);
        CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("'noll'"));
    }
    SECTION("invalid UTF-8 in a CR-only file") {
        auto files = base_files();
        append(files["links.csv"], "IT1,EKO,dotted_line,,caf\xE9");  // line 7, byte 25
        for (auto& [name, bytes] : files) bytes = with_line_ends(bytes, "\r");
        const auto errors = errors_of(files);
        CHECK(errors.size() == 1);
        CHECK_THAT(at(errors, "links.csv", 7).message, Contains("UTF-8") && Contains("byte 25"));
    }
}

TEST_CASE("Without people.csv every distinct person value becomes a person", "[io][load_csv]") {
    auto files = base_files();
    append(files["posts.csv"], "IT3,Tekniker,IT,ITC,IT,1,0,Anna");  // Anna holds two posts
    const auto m = load(files);
    REQUIRE(m.people().size() == 4);
    for (const auto id : {"Anna", "Bo", "Cilla", "Dan"}) {
        INFO(id);
        REQUIRE(m.find_person(id).has_value());
        CHECK(m[*m.find_person(id)].name.empty());
    }
    CHECK(post(m, "IT3").person == post(m, "KC").person);
}

TEST_CASE("With people.csv, posts name the people it lists", "[io][load_csv]") {
    auto files = base_files();
    files["people.csv"] = "id,name\nAnna,Anna Ek\nBo,Bo Lind\nCilla,Cilla Holm\nDan,Dan Berg\n";
    const auto m = load(files);
    REQUIRE(m.people().size() == 4);
    CHECK(m[*post(m, "EKO").person].name == "Bo Lind");
}

// ---------------------------------------------------------------------------------------------
// Bad input: every error names the file, the line, the column where it applies, and what is wrong

TEST_CASE("A person missing from people.csv is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    files["people.csv"] = "id,name\nAnna,Anna Ek\nBo,Bo Lind\nCilla,Cilla Holm\n";
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 6, "person").message, Contains("unknown person 'Dan'"));
}

TEST_CASE("An unknown reports_to is an error at its row", "[io][load_csv][errors]") {
    auto files = base_files();
    const auto line = append(files["posts.csv"], "IT3,Tekniker,IT,NOPE,IT,1,0,");
    REQUIRE(line == 7);
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7, "reports_to").message, Contains("unknown post 'NOPE'"));
}

TEST_CASE("An unknown parent or head of a unit is an error at its row", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["units.csv"], "X,Extra,team,NOPE,,");
    append(files["units.csv"], "Y,Other,team,KLF,NOHEAD,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 2);
    CHECK_THAT(at(errors, "units.csv", 5, "parent").message, Contains("unknown unit 'NOPE'"));
    CHECK_THAT(at(errors, "units.csv", 6, "head").message, Contains("unknown post 'NOHEAD'"));
}

TEST_CASE("Unknown link endpoints are errors at their row", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["links.csv"], "NOPE,EKO,dotted_line,,");  // line 7
    append(files["links.csv"], "IT1,NOWHERE,dotted_line,,");
    append(files["links.csv"], "IT,NOUNIT,serves,10,");
    append(files["links.csv"], "KC,EKO,member_of,,");  // a member_of link ends at a unit
    const auto errors = errors_of(files);
    CHECK(errors.size() == 4);
    CHECK_THAT(at(errors, "links.csv", 7, "from").message, Contains("unknown post 'NOPE'"));
    CHECK_THAT(at(errors, "links.csv", 8, "to").message, Contains("unknown post 'NOWHERE'"));
    CHECK_THAT(at(errors, "links.csv", 9, "to").message, Contains("unknown unit 'NOUNIT'"));
    CHECK_THAT(at(errors, "links.csv", 10, "to").message, Contains("unknown unit 'EKO'"));
}

TEST_CASE("Unknown ids in a finding's about and because are errors at its row",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["findings.csv"], "F2,doesnt_work,Text,IT;NOPE,,3,1,");  // line 5
    append(files["findings.csv"], "F3,doesnt_work,Text,IT,C1;NOCAUSE,3,1,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 2);
    CHECK_THAT(at(errors, "findings.csv", 5, "about").message,
               Contains("unknown unit or post 'NOPE'"));
    CHECK_THAT(at(errors, "findings.csv", 6, "because").message,
               Contains("unknown finding 'NOCAUSE'"));
}

TEST_CASE("A duplicate id is an error naming the line of the first", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "IT1,Dubblett,IT,ITC,IT,1,0,");     // line 7; IT1 is on line 5
    append(files["units.csv"], "IT,IT igen,office,KLF,,");         // line 5; IT is on line 3
    append(files["findings.csv"], "C1,cause,Samma id igen,,,,,");  // line 5; C1 is on line 3
    const auto errors = errors_of(files);
    CHECK(errors.size() == 3);
    const auto post_error = at(errors, "posts.csv", 7, "id").message;
    CHECK_THAT(post_error, Contains("duplicate") && Contains("'IT1'") && Contains("line 5"));
    const auto unit_error = at(errors, "units.csv", 5, "id").message;
    CHECK_THAT(unit_error, Contains("duplicate") && Contains("'IT'") && Contains("line 3"));
    const auto finding_error = at(errors, "findings.csv", 5, "id").message;
    CHECK_THAT(finding_error, Contains("duplicate") && Contains("'C1'") && Contains("line 3"));
}

TEST_CASE("A reporting cycle is an error naming every post in it", "[io][load_csv][errors]") {
    // A → B → C → A ("reports to"), beside the valid tree of the base model.
    auto files = base_files();
    append(files["posts.csv"], "A,Ett,IT,B,,,,");  // line 7
    append(files["posts.csv"], "B,Två,IT,C,,,,");
    append(files["posts.csv"], "C,Tre,IT,A,,,,");
    const auto errors = errors_of(files);
    REQUIRE(errors.size() == 1);
    const auto message = at(errors, "posts.csv", 7, "reports_to").message;
    CHECK_THAT(message, Contains("cycle") && Contains("'A'") && Contains("'B'") && Contains("'C'"));
    CHECK_THAT(message, !Contains("'KC'") && !Contains("'ITC'"));
}

TEST_CASE("A post reporting to itself is a reporting cycle", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "SELF,Ensam,IT,SELF,,,,");
    const auto errors = errors_of(files);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7, "reports_to").message,
               Contains("cycle") && Contains("'SELF'"));
}

TEST_CASE("A unit-parent cycle is an error naming every unit in it", "[io][load_csv][errors]") {
    // X → Z → Y → X ("parent").
    auto files = base_files();
    append(files["units.csv"], "X,Ex,team,Z,,");  // line 5
    append(files["units.csv"], "Y,Wy,team,X,,");
    append(files["units.csv"], "Z,Zed,team,Y,,");
    const auto errors = errors_of(files);
    REQUIRE(errors.size() == 1);
    const auto message = at(errors, "units.csv", 5, "parent").message;
    CHECK_THAT(message, Contains("cycle") && Contains("'X'") && Contains("'Y'") && Contains("'Z'"));
    CHECK_THAT(message, !Contains("'KLF'"));
}

TEST_CASE("A post whose unit does not exist is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P9,Handläggare,NOPE,KC,,,,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7, "unit").message,
               Contains("'P9'") && Contains("'NOPE'") && Contains("does not exist"));
}

TEST_CASE("A post without a unit is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P9,Handläggare,,KC,,,,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7, "unit").message, Contains("'P9'") && Contains("no unit"));
}

TEST_CASE("A head post outside its unit is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    replace(files["units.csv"], "IT,IT-kontoret,office,KLF,ITC,", "IT,IT-kontoret,office,KLF,EKO,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "units.csv", 3, "head").message,
               Contains("'EKO'") && Contains("outside") && Contains("'KLF'"));
}

TEST_CASE("An invalid number is an error at its row and column", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P1,T,IT,ITC,,abc,,");       // line 7
    append(files["posts.csv"], "P2,T,IT,ITC,,1,\"1,5\",");  // a decimal comma in a ,-file
    append(files["posts.csv"], "P3,T,IT,ITC,,1.2.3,,");
    append(files["units.csv"], "X,Ex,team,KLF,,lots");   // line 5
    append(files["links.csv"], "IT,KLF,serves,heavy,");  // line 7
    const auto errors = errors_of(files);
    CHECK(errors.size() == 5);
    CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("invalid number 'abc'"));
    CHECK_THAT(at(errors, "posts.csv", 8, "cost").message, Contains("invalid number '1,5'"));
    CHECK_THAT(at(errors, "posts.csv", 9, "fte").message, Contains("invalid number '1.2.3'"));
    CHECK_THAT(at(errors, "units.csv", 5, "capacity").message, Contains("invalid number 'lots'"));
    CHECK_THAT(at(errors, "links.csv", 7, "weight").message, Contains("invalid number 'heavy'"));
}

TEST_CASE("Negative numbers are errors", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P1,T,IT,ITC,,-1,,");  // line 7
    append(files["posts.csv"], "P2,T,IT,ITC,,1,-500,");
    append(files["units.csv"], "X,Ex,team,KLF,,-5");  // line 5
    append(files["links.csv"], "ITC,EKO,collaborates,-2,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 4);
    CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("negative") && Contains("'-1'"));
    CHECK_THAT(at(errors, "posts.csv", 8, "cost").message,
               Contains("negative") && Contains("'-500'"));
    CHECK_THAT(at(errors, "units.csv", 5, "capacity").message, Contains("negative"));
    CHECK_THAT(at(errors, "links.csv", 7, "weight").message, Contains("negative"));
}

TEST_CASE("A severity outside 1 to 5 and a negative count are errors", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["findings.csv"], "S0,works,Text,IT,,0,1,");  // line 5
    append(files["findings.csv"], "S6,works,Text,IT,,6,1,");
    append(files["findings.csv"], "S25,works,Text,IT,,2.5,1,");
    append(files["findings.csv"], "SX,works,Text,IT,,high,1,");
    append(files["findings.csv"], "CN,works,Text,IT,,3,-1,");
    append(files["findings.csv"], "OK1,works,Text,IT,,1,0,");  // the bounds themselves are fine
    append(files["findings.csv"], "OK5,works,Text,IT,,5,0,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 5);
    CHECK_THAT(at(errors, "findings.csv", 5, "severity").message,
               Contains("1 to 5") && Contains("'0'"));
    CHECK_THAT(at(errors, "findings.csv", 6, "severity").message,
               Contains("1 to 5") && Contains("'6'"));
    CHECK_THAT(at(errors, "findings.csv", 7, "severity").message, Contains("'2.5'"));
    CHECK_THAT(at(errors, "findings.csv", 8, "severity").message, Contains("'high'"));
    CHECK_THAT(at(errors, "findings.csv", 9, "count").message, Contains("'-1'"));
}

TEST_CASE("Invalid UTF-8 is an error at the line of the bad byte", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["links.csv"], "IT1,EKO,dotted_line,,caf\xE9");  // Latin-1 é, line 7, byte 25
    append(files["links.csv"], "IT2,EKO,dotted_line,,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "links.csv", 7).message, Contains("UTF-8") && Contains("byte 25"));
}

TEST_CASE("Invalid UTF-8 after a multi-line quoted field is placed on its physical line",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["findings.csv"], "F2,works,\"Rad ett\nrad två\",IT,,,,");  // lines 5-6
    append(files["findings.csv"], "F3,works,Trasig \xC3(,IT,,,,");          // line 7
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "findings.csv", 7).message, Contains("UTF-8"));
}

TEST_CASE("A wrong kind is an error listing the kinds allowed", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["units.csv"], "X,Ex,division,KLF,,");                     // line 5
    append(files["links.csv"], "IT1,EKO,reports,,");                       // line 7
    append(files["findings.csv"], "F9,problem,Det fungerar inte,IT,,,,");  // line 5
    const auto errors = errors_of(files);
    CHECK(errors.size() == 3);
    CHECK_THAT(at(errors, "units.csv", 5, "kind").message,
               Contains("'division'") && Contains("administration") && Contains("external"));
    CHECK_THAT(at(errors, "links.csv", 7, "kind").message,
               Contains("'reports'") && Contains("dotted_line") && Contains("collaborates"));
    CHECK_THAT(at(errors, "findings.csv", 5, "kind").message,
               Contains("'problem'") && Contains("doesnt_work"));
}

TEST_CASE("A missing required column is an error on the header line", "[io][load_csv][errors]") {
    auto files = base_files();
    SECTION("units without name") {
        files["units.csv"] = "id,kind,parent,head\nKLF,administration,,KC\nIT,office,KLF,ITC\n";
        CHECK_THAT(at(errors_of(files), "units.csv", 1, "name").message,
                   Contains("missing required column"));
    }
    SECTION("units without id") {
        files["units.csv"] = "name,kind\nLedning,administration\n";
        CHECK_THAT(at(errors_of(files), "units.csv", 1, "id").message,
                   Contains("missing required column"));
    }
    SECTION("posts without reports_to") {
        files["posts.csv"] = "id,title,unit\nKC,Kommunchef,KLF\nITC,IT-chef,IT\n";
        CHECK_THAT(at(errors_of(files), "posts.csv", 1, "reports_to").message,
                   Contains("missing required column"));
    }
    SECTION("posts without unit") {
        files["posts.csv"] = "id,title,reports_to\nKC,Kommunchef,\nITC,IT-chef,KC\n";
        CHECK_THAT(at(errors_of(files), "posts.csv", 1, "unit").message,
                   Contains("missing required column"));
    }
    SECTION("links without kind") {
        files["links.csv"] = "from,to,weight\nIT1,EKO,1\n";
        const auto errors = errors_of(files);
        CHECK(errors.size() == 1);
        CHECK_THAT(at(errors, "links.csv", 1, "kind").message, Contains("missing required column"));
    }
    SECTION("findings without statement") {
        files["findings.csv"] = "id,kind,about\nF1,works,IT\n";
        const auto errors = errors_of(files);
        CHECK(errors.size() == 1);
        CHECK_THAT(at(errors, "findings.csv", 1, "statement").message,
                   Contains("missing required column"));
    }
}

// One error, not four hundred: a file that cannot be read is said once, and what the other
// files say about its rows is not.

TEST_CASE("A misnamed required column is one error naming the columns and the nearest match",
          "[io][load_csv][errors]") {
    // `manager` for `reports_to`: units' heads, links and findings all name the posts that then
    // go unread, and none of them may add an "unknown post" error.
    auto files = base_files();
    replace(files["posts.csv"], "id,title,unit,reports_to,", "id,title,unit,manager,");
    const auto errors = errors_of(files);
    INFO(listing(errors));
    REQUIRE(errors.size() == 1);
    const auto message = at(errors, "posts.csv", 1, "reports_to").message;
    CHECK_THAT(message, Contains("missing required column"));
    CHECK_THAT(message, Contains("id, title, unit, manager, function, fte, cost, person"));
    CHECK_THAT(message, Contains("'manager' meant to be 'reports_to'"));
}

TEST_CASE("A required column spelt differently is suggested and one found as another is not",
          "[io][load_csv][errors]") {
    auto files = base_files();
    files["units.csv"] =
        "id,Unit Name,kind,parent,head\nKLF,Ledning,administration,,KC\n"
        "IT,IT,office,KLF,ITC\nSTYR,Styr,group,KLF,\n";
    const auto message = at(errors_of(files), "units.csv", 1, "name").message;
    CHECK_THAT(message, Contains("'Unit Name' meant to be 'name'"));
    CHECK_THAT(message, !Contains("'id' meant"));
}

TEST_CASE("A units file that is not UTF-8 is one error and its units are not unknown",
          "[io][load_csv][errors]") {
    auto files = base_files();
    replace(files["units.csv"], "Kommunledningsförvaltningen", "Kommunledningsf\xF6rvaltningen");
    const reorg::test::TempFolder folder;
    for (const auto& [name, bytes] : files) folder.write(name, bytes);
    Diagnostics diagnostics;
    try {
        (void)reorg::io::load_model(
            folder.path(), diagnostics,
            {.text = {.read_as_windows1252 = "read it with --encoding cp1252"}});
        FAIL("the model loaded");
    } catch (const InputError& error) {
        INFO(listing(error.errors()));
        REQUIRE(error.errors().size() == 1);
        CHECK_THAT(at(error.errors(), "units.csv", 2).message,
                   Contains("not UTF-8") && Contains("--encoding cp1252"));
    }
}

TEST_CASE("A Windows-1252 model folder loads with the cp1252 encoding", "[io][load_csv]") {
    const reorg::test::TempFolder folder;
    folder.write("units.csv", "id,name\nKLF,Kommunledningsf\xF6rvaltningen\n");
    folder.write("posts.csv", "id,title,unit,reports_to\nKC,Kommunchef \x96 tf,KLF,\n");
    Diagnostics diagnostics;
    const auto m = reorg::io::load_model(folder.path(), diagnostics,
                                         {.text = {.encoding = reorg::io::Encoding::Windows1252}});
    CHECK(unit(m, "KLF").name == "Kommunledningsförvaltningen");
    CHECK(post(m, "KC").title == "Kommunchef – tf");
}

TEST_CASE("A reporting cycle is reported in the same run as an invalid number",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "A,Ett,IT,B,,many,,");  // line 7
    append(files["posts.csv"], "B,Två,IT,A,,,,");
    const auto errors = errors_of(files);
    INFO(listing(errors));
    CHECK(errors.size() == 2);
    CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("invalid number 'many'"));
    CHECK_THAT(at(errors, "posts.csv", 7, "reports_to").message,
               Contains("reporting cycle") && Contains("'A'") && Contains("'B'"));
}

TEST_CASE("A decimal comma in a comma-separated file says it needs the semicolon separator",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P1,T,IT,ITC,,\"0,5\",,");  // line 7
    append(files["posts.csv"], "P2,T,IT,ITC,,\"1,2,3\",,");
    const auto errors = errors_of(files);
    CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("invalid number '0,5'") &&
                                                              Contains("decimal comma needs ';'") &&
                                                              Contains("write 0.5"));
    CHECK_THAT(at(errors, "posts.csv", 8, "fte").message, !Contains("decimal comma"));
}

TEST_CASE("A column that appears twice is an error on the header line", "[io][load_csv][errors]") {
    auto files = base_files();
    files["links.csv"] = "from,to,kind,Kind\nIT1,EKO,dotted_line,serves\n";
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "links.csv", 1, "Kind").message, Contains("twice"));
}

TEST_CASE("A row without an id is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], ",Handläggare,IT,ITC,IT,1,0,");  // line 7
    append(files["findings.csv"], " ,works,Text,IT,,,,");       // line 5: blank is no id
    const auto errors = errors_of(files);
    CHECK(errors.size() == 2);
    CHECK(at(errors, "posts.csv", 7, "id").message == "the post's id is empty");
    CHECK(at(errors, "findings.csv", 5, "id").message == "the finding's id is empty");
}

TEST_CASE("A control character in an id is an error at its row showing it escaped",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P\x01X,Handläggare,IT,ITC,IT,1,0,");                 // line 7
    append(files["posts.csv"], std::string("Q\0Y,Handläggare,IT,ITC,IT,1,0,", 31));  // line 8
    append(files["posts.csv"], "\"T\tAB\",Handläggare,IT,ITC,IT,1,0,");   // line 9: a tab inside
    append(files["posts.csv"], "R\x7f,Handläggare,IT,ITC,IT,1,0,");       // line 10: DEL
    append(files["posts.csv"], "åC\xC2\x85,Handläggare,IT,ITC,IT,1,0,");  // line 11: U+0085
    append(files["units.csv"], "B\x01,Enhet,team,KLF,,");                 // line 5
    append(files["units.csv"], "B\x02,Enhet,team,KLF,,");                 // line 6
    append(files["findings.csv"], "\"F\r\n9\",works,Text,IT,,,,");        // line 5, over two lines
    append(files["posts.csv"], "IT3,Tekniker,IT,ITC,IT,1,0,Pe\x1br");     // line 12: a person
    const auto errors = errors_of(files);
    const auto message = [&](std::string_view file, std::uint32_t line, std::string_view column) {
        const auto text = at(errors, file, line, column).message;
        CHECK(std::none_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == '\x7f';
        }));
        return text;
    };
    CHECK(message("posts.csv", 7, "id") ==
          "the post's id holds a control character (\\x01) at character 2; ids may not");
    CHECK_THAT(message("posts.csv", 8, "id"), Contains("(\\x00) at character 2"));
    CHECK_THAT(message("posts.csv", 9, "id"), Contains("(\\x09) at character 2"));
    CHECK_THAT(message("posts.csv", 10, "id"), Contains("(\\x7f) at character 2"));
    CHECK_THAT(message("posts.csv", 11, "id"), Contains("(\\x85) at character 3"));
    CHECK_THAT(message("units.csv", 5, "id"), Contains("unit's id") && Contains("(\\x01)"));
    CHECK_THAT(message("units.csv", 6, "id"), Contains("(\\x02)"));
    CHECK_THAT(message("findings.csv", 5, "id"), Contains("(\\x0d) at character 2"));
    CHECK_THAT(message("posts.csv", 12, "person"),
               Contains("person's id") && Contains("(\\x1b) at character 3"));
    CHECK(errors.size() == 9);
}

TEST_CASE("A name or title may hold control characters", "[io][load_csv]") {
    auto files = base_files();
    append(files["posts.csv"], "IT3,\"Tek\tni\x01ker\",IT,ITC,IT,1,0,");
    append(files["units.csv"], "NY,Ny\x7f enhet,team,KLF,,");
    const auto m = load(files);
    CHECK(post(m, "IT3").title == "Tek\tni\x01ker");
    CHECK(unit(m, "NY").name == "Ny\x7f enhet");
}

TEST_CASE("A required file that is missing is an error naming it", "[io][load_csv][errors]") {
    SECTION("units.csv") {
        auto files = base_files();
        files.erase("units.csv");
        const auto errors = errors_of(files);
        REQUIRE(errors.size() == 1);
        CHECK_THAT(at(errors, "units.csv", 0).message, Contains("missing"));
    }
    SECTION("posts.csv") {
        auto files = base_files();
        files.erase("posts.csv");
        const auto errors = errors_of(files);
        REQUIRE(errors.size() == 1);
        CHECK_THAT(at(errors, "posts.csv", 0).message, Contains("missing"));
    }
    SECTION("both") {
        const auto errors = errors_of({{"links.csv", std::string(kLinks)}});
        CHECK(errors.size() == 2);
        CHECK_THAT(at(errors, "units.csv", 0).message, Contains("missing"));
        CHECK_THAT(at(errors, "posts.csv", 0).message, Contains("missing"));
    }
}

TEST_CASE("An empty required file is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    files["units.csv"] = "";
    const auto errors = errors_of(files);
    CHECK_THAT(at(errors, "units.csv", 1).message, Contains("empty"));
}

TEST_CASE("A collaborates link between a post and a unit is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["links.csv"], "ITC,KLF,collaborates,,");  // line 7
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "links.csv", 7, "to").message,
               Contains("collaborates") && Contains("'ITC'") && Contains("'KLF'"));
}

TEST_CASE("A row with more fields than the header is an error", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P9,Handläggare,IT,ITC,IT,1,0,,extra");  // 9 fields, header 8
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7).message, Contains("9 fields") && Contains("8"));
}

TEST_CASE("An unterminated quote is an error at the line it opens on", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P9,\"Handläggare,IT,ITC,IT,1,0,");  // line 7, never closed
    append(files["posts.csv"], "P10,Handläggare,IT,ITC,IT,1,0,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 7).message, Contains("never closed"));
}

TEST_CASE("An unterminated quote in a header line is an error, also in an optional file",
          "[io][load_csv][errors]") {
    SECTION("links.csv, optional") {
        auto files = base_files();
        files["links.csv"] = "from,to,\"kind,weight\nIT1,EKO,dotted_line,1\n";
        const auto errors = errors_of(files);
        CHECK(errors.size() == 1);
        CHECK_THAT(at(errors, "links.csv", 1).message, Contains("never closed"));
    }
    SECTION("posts.csv, required") {
        auto files = base_files();
        files["posts.csv"] = "id,\"title,unit,reports_to\nKC,Kommunchef,KLF,\n";
        const auto errors = errors_of(files);
        CHECK_THAT(at(errors, "posts.csv", 1).message, Contains("never closed"));
    }
}

TEST_CASE("Lines of rows after a multi-line quoted field count its line breaks",
          "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P8,\"Handläggare\nmed två rader\",IT,ITC,IT,1,0,");  // lines 7-8
    append(files["posts.csv"], "P9,Handläggare,IT,NOPE,IT,1,0,");                    // line 9
    const auto errors = errors_of(files);
    CHECK(errors.size() == 1);
    CHECK_THAT(at(errors, "posts.csv", 9, "reports_to").message, Contains("'NOPE'"));
}

TEST_CASE("Every error of a file is listed, not only the first", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["posts.csv"], "P1,T,IT,ITC,,abc,,");  // line 7: invalid number
    append(files["posts.csv"], "P2,T,NOPE,ITC,,1,,");  // line 8: unknown unit
    append(files["posts.csv"], "P3,T,IT,ITC,,1,-9,");  // line 9: negative cost
    const auto error = load_error(files);
    const auto& errors = error.errors();
    REQUIRE(errors.size() == 3);
    CHECK(error.not_listed() == 0);
    CHECK_THAT(at(errors, "posts.csv", 7, "fte").message, Contains("invalid number"));
    CHECK_THAT(at(errors, "posts.csv", 8, "unit").message, Contains("does not exist"));
    CHECK_THAT(at(errors, "posts.csv", 9, "cost").message, Contains("negative"));
    CHECK_THAT(std::string(error.what()), Contains("2 more"));
}

TEST_CASE("Errors in several files are all listed", "[io][load_csv][errors]") {
    auto files = base_files();
    append(files["units.csv"], "X,Ex,division,KLF,,");
    append(files["links.csv"], "IT1,EKO,reports,,");
    append(files["findings.csv"], "F9,works,Text,NOPE,,,,");
    const auto errors = errors_of(files);
    CHECK(errors.size() == 3);
    CHECK_THAT(at(errors, "units.csv", 5, "kind").message, Contains("'division'"));
    CHECK_THAT(at(errors, "links.csv", 7, "kind").message, Contains("'reports'"));
    CHECK_THAT(at(errors, "findings.csv", 5, "about").message, Contains("'NOPE'"));
}

TEST_CASE("A file with ten thousand bad rows gives a capped list, quickly",
          "[io][load_csv][errors]") {
    auto files = base_files();
    auto& posts = files["posts.csv"];
    for (int i = 0; i < 10'000; ++i) posts += "B" + std::to_string(i) + ",T,IT,ITC,,abc,,\n";
    const auto start = std::chrono::steady_clock::now();
    const auto error = load_error(files);
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(error.errors().size() == Diagnostics::kDefaultMaxListed);
    CHECK(error.not_listed() > 0);
    CHECK(error.errors().front().where.line == 7);
    CHECK(error.errors().front().where.column == "fte");
    CHECK(error.errors().back().where.line == 7 + Diagnostics::kDefaultMaxListed - 1);
    // Not a benchmark: a generous bound that only a pathological (quadratic) reader misses.
    CHECK(seconds < 5.0);
}

// ---------------------------------------------------------------------------------------------
// Warnings

TEST_CASE("Structural warnings are reported as warnings and the model still loads",
          "[io][load_csv][warnings]") {
    //   KC (Anna)                 head of KLF
    //   ├── ITC (vacant)          head of IT, a single report
    //   │   └── IT1 (Bo)
    //   └── IT2 (Cilla)           in IT, but no path to ITC
    Files files;
    files["units.csv"] =
        "id,name,kind,parent,head\n"
        "KLF,Ledning,administration,,KC\n"
        "IT,IT-kontoret,office,KLF,ITC\n";
    files["posts.csv"] =
        "id,title,unit,reports_to,person\n"
        "KC,Kommunchef,KLF,,Anna\n"
        "ITC,IT-chef,IT,KC,\n"
        "IT1,Tekniker,IT,ITC,Bo\n"
        "IT2,Tekniker,IT,KC,Cilla\n";
    Diagnostics diagnostics;
    const auto m = load(files, diagnostics);
    CHECK(m.posts().size() == 4);
    CHECK_FALSE(diagnostics.has_errors());
    const auto& warnings = diagnostics.warnings();
    INFO(listing(warnings));
    CHECK(warnings.size() == 3);
    CHECK(diagnostics.warning_count() == 3);
    for (const auto& w : warnings) CHECK(w.severity == reorg::Severity::Warning);
    CHECK_THAT(at(warnings, "units.csv", 3, "head").message,
               Contains("'ITC'") && Contains("vacant"));
    CHECK_THAT(at(warnings, "posts.csv", 3).message,
               Contains("'ITC'") && Contains("single") && Contains("'IT1'"));
    CHECK_THAT(at(warnings, "posts.csv", 5, "reports_to").message,
               Contains("'IT2'") && Contains("'ITC'"));
}

TEST_CASE("A vacant head post is one warning, at its unit's row", "[io][load_csv][warnings]") {
    auto files = base_files();
    replace(files["posts.csv"], "ITC,IT-chef,IT,KC,IT,1,1180000,Cilla",
            "ITC,IT-chef,IT,KC,IT,1,1180000,");
    Diagnostics diagnostics;
    (void)load(files, diagnostics);
    REQUIRE(diagnostics.warnings().size() == 1);
    CHECK(std::filesystem::path(diagnostics.warnings()[0].where.file).filename() == "units.csv");
    CHECK(diagnostics.warnings()[0].where.line == 3);
}

// ---------------------------------------------------------------------------------------------
// Robustness

TEST_CASE("Random bytes as posts.csv either load or throw InputError", "[io][load_csv][fuzz]") {
    std::mt19937 random(20240611);
    // Raw engine output, so that the files are the same with every standard library.
    const auto pick = [&random](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const std::vector<std::string> tokens = {
        ",",    ",",      ";",   "\t",  "\"", "\"\"",  "\n",  "\n",           "\r",         "\r\n",
        " ",    "U",      "U",   "A",   "B",  "C",     "id",  "unit",         "reports_to", "fte",
        "cost", "person", "0,5", "1.5", "-1", "1e999", "abc", "\xEF\xBB\xBF", "å",          "\xFF",
        "\xC3", ""};
    const std::vector<std::string> values = {"A", "B", "C", "D", "U", "", "", "X", "1", "0,5"};
    const Files units = {{"units.csv", "id,name\nU,Enhet\n"}};

    std::size_t loaded = 0;
    std::size_t rejected = 0;
    for (int file = 0; file < 200; ++file) {
        std::string bytes;
        switch (pick(3)) {
            case 0:  // raw bytes
                for (std::size_t i = pick(200); i > 0; --i)
                    bytes += static_cast<char>(random() & 0xFF);
                break;
            case 1:  // CSV-like tokens
                for (std::size_t i = pick(120); i > 0; --i) bytes += tokens[pick(tokens.size())];
                break;
            default:  // a good header, then rows of plausible values with a few tokens mixed in
                bytes = "id,unit,reports_to,fte\n";
                for (std::size_t row = pick(8); row > 0; --row) {
                    for (int f = 0; f < 4; ++f) {
                        if (f > 0) bytes += ',';
                        bytes += pick(10) == 0 ? tokens[pick(tokens.size())]
                                               : values[pick(values.size())];
                    }
                    bytes += '\n';
                }
                break;
        }
        Files files = units;
        files["posts.csv"] = bytes;
        INFO("file " << file);
        try {
            Diagnostics diagnostics;
            const auto m = load(files, diagnostics);
            ++loaded;
            for (const auto& p : m.posts()) {
                CHECK(m[p.unit].id == "U");
                if (p.reports_to) CHECK(m.find_post(m[*p.reports_to].id) == p.reports_to);
            }
        } catch (const InputError& error) {
            ++rejected;
            CHECK_FALSE(error.errors().empty());
        }
    }
    CHECK(loaded + rejected == 200);
    CHECK(loaded > 0);
    CHECK(rejected > 0);
}
