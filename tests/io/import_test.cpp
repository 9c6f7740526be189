// The importers (lib/reorg/io/import.hpp): the UK organogram pair and a generic HR export. What
// they make of real-looking files, and every kind of bad input, each at its file, line and
// column. Fixtures are in tests/data/organogram and tests/data/hr (see their READMEs).
#include "reorg/io/import.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"
#include "reorg/model/validate.hpp"
#include "support/same_model.hpp"
#include "support/temp_folder.hpp"

namespace {

using Catch::Contains;
using Catch::Matchers::WithinRel;
using reorg::Diagnostic;
using reorg::Diagnostics;
using reorg::InputError;
using reorg::io::Encoding;
using reorg::io::HrCsvColumns;
using reorg::io::import_hr_csv;
using reorg::io::import_organogram;
namespace model = reorg::model;
using Path = std::filesystem::path;

const Path kOrganogram = Path(REORG_TEST_DATA_DIR) / "organogram";
const Path kHr = Path(REORG_TEST_DATA_DIR) / "hr";

std::string listing(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) text += "  " + reorg::to_string(d) + "\n";
    return text;
}

/// The errors `import` must throw as an InputError.
template <class Import>
std::vector<Diagnostic> errors_of(Import import) {
    try {
        Diagnostics diagnostics;
        (void)import(diagnostics);
    } catch (const InputError& error) {
        return error.errors();
    }
    FAIL("the import succeeded, but an InputError was expected");
    return {};
}

/// The diagnostic at `line` and `column` of the file named `file`; the test fails, listing
/// what was reported instead, when there is none.
Diagnostic at(const std::vector<Diagnostic>& diagnostics, std::string_view file, std::uint32_t line,
              std::string_view column = {}) {
    for (const auto& d : diagnostics) {
        if (Path(d.where.file).filename() == file && d.where.line == line &&
            d.where.column == column) {
            return d;
        }
    }
    FAIL("nothing reported at " << file << ":" << line << " column '" << column << "'; reported:\n"
                                << listing(diagnostics));
    return {};
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

std::string_view reports_to(const model::Model& m, const model::Post& p) {
    return p.reports_to ? m[*p.reports_to].id : std::string_view{};
}
std::string_view head(const model::Model& m, const model::Unit& u) {
    return u.head ? m[*u.head].id : std::string_view{};
}
std::string_view parent(const model::Model& m, const model::Unit& u) {
    return u.parent ? m[*u.parent].id : std::string_view{};
}
std::optional<std::string_view> holder_name(const model::Model& m, const model::Post& p) {
    if (!p.person) return std::nullopt;
    return m[*p.person].name;
}

/// The value of the unknown column `name` kept for a post.
std::string_view extra(const model::Model& m, std::string_view post_id, std::string_view name) {
    const auto& columns = m.extra(model::Table::Posts);
    for (std::size_t c = 0; c < columns.names.size(); ++c) {
        if (columns.names[c] == name) return columns.row(model::index(*m.find_post(post_id)))[c];
    }
    FAIL("no extra column " << name);
    return {};
}

/// HrCsvColumns with every field defaulted, so that a test names only the columns it uses.
struct Columns {
    std::string id = "id";
    std::string manager = "manager";
    std::string title{};
    std::string unit{};
    std::string name{};
    std::string fte{};
    std::string cost{};

    operator HrCsvColumns() const {  // NOLINT(google-explicit-constructor): test shorthand
        HrCsvColumns columns;
        columns.id = id;
        columns.manager = manager;
        columns.title = title;
        columns.unit = unit;
        columns.name = name;
        columns.fte = fte;
        columns.cost = cost;
        return columns;
    }
};

/// Reading in `encoding`, with the hints the command gives about the other encoding.
reorg::io::TextOptions text_options(Encoding encoding) {
    return {.encoding = encoding,
            .read_as_utf8 = "read it with --encoding utf-8",
            .read_as_windows1252 = "read it with --encoding cp1252"};
}

/// Imports an organogram written into a scratch folder as `senior.csv` and `junior.csv`.
struct Organogram {
    std::string senior;
    std::optional<std::string> junior{};
    Encoding encoding = Encoding::Utf8;

    model::Model operator()(Diagnostics& diagnostics) const {
        const reorg::test::TempFolder folder;
        const auto senior_path = folder.write("senior.csv", senior);
        std::optional<Path> junior_path;
        if (junior) junior_path = folder.write("junior.csv", *junior);
        return import_organogram(senior_path, junior_path, text_options(encoding), diagnostics);
    }
};

/// Imports an HR export written into a scratch folder as `file`.
struct HrExport {
    std::string bytes;
    Columns columns{};
    Encoding encoding = Encoding::Utf8;
    std::string file = "staff.csv";

    model::Model operator()(Diagnostics& diagnostics) const {
        const reorg::test::TempFolder folder;
        return import_hr_csv(folder.write(file, bytes), columns, text_options(encoding),
                             diagnostics);
    }
};

constexpr std::string_view kSeniorHeader =
    "Post Unique Reference,Name,Grade,Job Title,Job/Team Function,Organisation,Unit,"
    "Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£)\n";
constexpr std::string_view kJuniorHeader =
    "Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),"
    "Generic Job Title,Number of Posts in FTE\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Organogram: what imports

TEST_CASE(
    "import organogram: The W3C hefce organogram pair imports with its reporting lines and junior "
    "groups",
    "[io][import]") {
    Diagnostics diagnostics;
    const auto m = import_organogram(kOrganogram / "hefce-senior.csv",
                                     kOrganogram / "hefce-junior.csv", {}, diagnostics);
    CHECK(m.posts().size() == 4);
    CHECK(m.people().size() == 4);
    REQUIRE(m.units().size() == 1);

    // No Organisation or Unit column: one root unit from "Organization Reference".
    const auto& root = unit(m, "hefce-ac-uk");
    CHECK(root.name == "hefce.ac.uk");
    CHECK(root.kind == model::UnitKind::Administration);
    CHECK(head(m, root) == "90334");

    const auto& chief = post(m, "90334");  // reports to `xx`: the top post
    CHECK(chief.title == "Chief Executive");
    CHECK(chief.function == "Policy");  // from "Profession"
    CHECK_FALSE(chief.reports_to.has_value());
    CHECK(holder_name(m, chief) == "Sam Sample");

    const auto& deputy = post(m, "90115");
    CHECK(reports_to(m, deputy) == "90334");
    CHECK(deputy.fte == 1.0);
    CHECK(deputy.cost == 0.0);  // no pay columns
    CHECK(extra(m, "90115", "grade") == "SCS1A");

    // Junior groups: one post each, under their Reporting Senior Post, FTE from
    // "Number of Posts (FTE)", cost FTE × the middle of the pay scale, filled by nameless holders.
    const auto& administrators = post(m, "90115.J1");
    CHECK(reports_to(m, administrators) == "90115");
    CHECK(administrators.title == "Administrator");
    CHECK(administrators.function == "Operational Delivery");
    CHECK_THAT(administrators.fte, WithinRel(8.67));
    CHECK_THAT(administrators.cost, WithinRel(8.67 * (17426 + 20002) / 2.0));
    CHECK(holder_name(m, administrators) == "");
    CHECK(m[administrators.unit].id == "hefce-ac-uk");
    CHECK_THAT(post(m, "90115.J2").fte, WithinRel(0.5));
    CHECK(extra(m, "90115.J2", "grade") == "5");
}

TEST_CASE("import organogram: The senior file alone imports without junior posts", "[io][import]") {
    Diagnostics diagnostics;
    const auto m =
        import_organogram(kOrganogram / "hefce-senior.csv", std::nullopt, {}, diagnostics);
    CHECK(m.posts().size() == 2);
    CHECK_FALSE(m.find_post("90115.J1").has_value());
}

TEST_CASE(
    "import organogram: A full organogram imports with units, vacancies, job shares and skipped "
    "rows",
    "[io][import]") {
    Diagnostics diagnostics;
    const auto m = import_organogram(kOrganogram / "examples-senior.csv",
                                     kOrganogram / "examples-junior.csv", {}, diagnostics);
    INFO(listing(diagnostics.warnings()));

    // 5 senior posts (1004 a job share on two rows; 1005 Eliminated; PUR 0 skipped) and 4
    // junior groups (the one of 0 FTE skipped).
    CHECK(m.posts().size() == 9);
    CHECK_FALSE(m.find_post("1005").has_value());
    CHECK_FALSE(m.find_post("0").has_value());
    CHECK_FALSE(m.find_post("1003.J1").has_value());

    // One root per Organisation, one department per Unit under it, each headed by its most
    // senior post (the one whose manager is outside the unit).
    //
    //   department-for-examples          (administration, no posts of its own, no head)
    //   ├── .private-office   head 1001  (XX: the top post)
    //   ├── .finance          head 1002
    //   └── .operations       head 1003  (vacant)
    REQUIRE(m.units().size() == 4);
    const auto& root = unit(m, "department-for-examples");
    CHECK(root.name == "Department for Examples");
    CHECK(root.kind == model::UnitKind::Administration);
    CHECK_FALSE(root.head.has_value());
    for (const auto& [id, name, head_post] :
         {std::tuple{"department-for-examples.private-office", "Private Office", "1001"},
          std::tuple{"department-for-examples.finance", "Finance", "1002"},
          std::tuple{"department-for-examples.operations", "Operations", "1003"}}) {
        const auto& u = unit(m, id);
        CHECK(u.name == name);
        CHECK(u.kind == model::UnitKind::Department);
        CHECK(parent(m, u) == "department-for-examples");
        CHECK(head(m, u) == head_post);
    }

    const auto& top = post(m, "1001");
    CHECK_FALSE(top.reports_to.has_value());  // `XX`
    CHECK(top.function == "Policy");          // the profession: what --merge compares
    CHECK(extra(m, "1001", "description") == "Leadership");  // Job/Team Function
    CHECK(top.fte == 1.0);                                   // `1.0`
    CHECK(top.cost == (180000 + 184999) / 2.0);
    CHECK(holder_name(m, top) == "Ada Exempel");
    CHECK(extra(m, "1001", "grade") == "SCS4");  // from "Grade (or equivalent)"

    // N/D: filled by a holder whose name is not disclosed.
    CHECK(holder_name(m, post(m, "1002")) == "");
    CHECK(m.find_person("1002.holder").has_value());

    // Vacant, with N/A pay: no holder, no cost.
    const auto& vacant = post(m, "1003");
    CHECK(vacant.vacant());
    CHECK(vacant.cost == 0.0);
    CHECK(reports_to(m, vacant) == "1001");

    // The job share: one post, the rows' FTE summed, both holders recorded.
    const auto& shared = post(m, "1004");
    CHECK(shared.fte == 1.0);
    CHECK(shared.cost == (70000 + 74999) / 2.0);
    CHECK(holder_name(m, shared) == "Bo Prov / Cy Test");
    CHECK(extra(m, "1004", "job_share") == "2");
    CHECK(extra(m, "1001", "job_share") == "");

    // Junior groups sit in their row's Unit.
    const auto& officers = post(m, "1004.J1");
    CHECK(m[officers.unit].id == "department-for-examples.finance");
    CHECK(reports_to(m, officers) == "1004");
    CHECK_THAT(officers.cost, WithinRel(6.6 * 30000));
    CHECK(post(m, "1001.J1").fte == 1.0);

    // Rows that are not posts are skipped with a warning at their line.
    at(diagnostics.warnings(), "examples-senior.csv", 8, "Post Unique Reference");
    at(diagnostics.warnings(), "examples-junior.csv", 5, "Number of Posts in FTE");
    // The builder's warnings come back at the source line: the vacant head's unit was made
    // from the Unit of line 4.
    CHECK_THAT(at(diagnostics.warnings(), "examples-senior.csv", 4, "Unit").message,
               Contains("'1003'") && Contains("vacant"));
}

TEST_CASE(
    "import organogram: Organogram headers match whatever their case, spacing and variant names",
    "[io][import]") {
    // A later template: `Grade (or equivalent)`, `Total Pay (£)`, lower-case and padded names,
    // a pound sign mangled by re-encoding, `xx`, N/D pay, an empty FTE.
    const Organogram organogram{
        " post unique reference ,NAME,Grade (or equivalent),job title,Unit,Organisation,"
        "reports to senior post,FTE,Actual Pay Floor (Â£),Actual Pay Ceiling (Â£),Total Pay (£),"
        "Profession\n"
        "A1,N/D,SCS3,Director General,Strategy,Agency,xx,,120000,124999,122000,Policy\n"
        "A2,Vacant,SCS1,Deputy Director,Strategy,Agency,A1,0.6,N/D,N/D,0,Policy\n"
        "A3,N/D,SCS1,Deputy Director,Delivery,Agency,A1,1,70000,74999,72000,Operational Delivery\n",
        "Organisation,Unit,Reporting Senior Post,Number of Posts (FTE),Profession\n"
        "Agency,Delivery,A3,3.5,Operational Delivery\n"
        ",,A2,2,Policy\n"};
    Diagnostics diagnostics;
    const auto m = organogram(diagnostics);
    CHECK(m.posts().size() == 5);
    CHECK(post(m, "A1").fte == 1.0);
    CHECK(post(m, "A1").cost == 122000);  // Total Pay (£), the file's own figure
    CHECK(post(m, "A2").fte == 0.6);
    CHECK(post(m, "A2").cost == 0.0);
    CHECK(post(m, "A3").function == "Operational Delivery");
    CHECK(extra(m, "A1", "grade") == "SCS3");
    CHECK(m[post(m, "A3.J1").unit].id == "agency.delivery");
    // A junior row without Organisation and Unit sits in its senior post's unit.
    CHECK(m[post(m, "A2.J1").unit].id == "agency.strategy");
    CHECK(head(m, unit(m, "agency.delivery")) == "A3");
}

// Organogram semantics: a junior row is a group of staff, costs come from the file's own
// figures, a unit's head is the post its other posts report up to.
//
//   P1 Chief (Board)                      Salary Cost of Reports: none
//   ├── P2 Director (Finance)             Salary Cost of Reports: 300000
//   │   ├── P2.J1  8.67 FTE officers      pay scale 20000-30000
//   │   └── P2.J2  2 FTE, 3 in post       pay scale 40000-50000
//   └── P3 Director (Digital)             Salary Cost of Reports: N/D
//       └── P3.J1  0.5 FTE analyst        pay scale 30000-34000
constexpr std::string_view kGroupsSenior =
    "Post Unique Reference,Name,Grade,Job Title,Job/Team Function,Unit,Reports to Senior Post,"
    "Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),"
    "Professional/Occupational Group\n"
    "P1,N/D,SCS3,Chief,Leads the agency and chairs its board,Board,XX,N/D,1,120000,124999,Policy\n"
    "P2,N/D,SCS2,Director,Runs finance,Finance,P1,300000,1,90000,94999,Finance\n"
    "P3,N/D,SCS2,Director,Runs digital,Digital,P1,N/D,1,90000,94999,Digital\n";
constexpr std::string_view kGroupsJunior =
    "Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),"
    "Generic Job Title,Number of Posts in FTE,Number of Posts,Professional/Occupational Group\n"
    "Finance,P2,EO,20000,30000,Officer,8.67,,Finance\n"
    "Finance,P2,HEO,40000,50000,Adviser,2,3,Finance\n"
    "Digital,P3,SEO,30000,34000,Analyst,0.5,,Digital\n";

TEST_CASE("import organogram: A junior group's headcount is its FTE rounded up or the file's count",
          "[io][import][organogram]") {
    Diagnostics diagnostics;
    const auto m = Organogram{std::string(kGroupsSenior), std::string(kGroupsJunior)}(diagnostics);
    CHECK(extra(m, "P2.J1", "headcount") == "9");  // 8.67 FTE are nine people, not one
    CHECK(extra(m, "P2.J2", "headcount") == "3");  // the file's own count
    CHECK(extra(m, "P3.J1", "headcount") == "1");
    CHECK(extra(m, "P1", "headcount") == "1");
    CHECK(reorg::io::imported_headcount(m) == 16.0);
}

TEST_CASE("import organogram: Junior groups cost their senior post's Salary Cost of Reports",
          "[io][import][organogram]") {
    Diagnostics diagnostics;
    const auto m = Organogram{std::string(kGroupsSenior), std::string(kGroupsJunior)}(diagnostics);
    // P2's 300000 shared in proportion to FTE × the middle of the scale: 8.67 × 25000 against
    // 2 × 45000.
    const double officers = 8.67 * 25000;
    const double advisers = 2 * 45000;
    CHECK_THAT(post(m, "P2.J1").cost, WithinRel(300000 * officers / (officers + advisers)));
    CHECK_THAT(post(m, "P2.J2").cost, WithinRel(300000 * advisers / (officers + advisers)));
    CHECK(extra(m, "P2.J1", "cost_basis") == "salary_cost_of_reports");
    // P3 gives N/D: the group falls back to FTE × the middle of its scale, and the import says so.
    CHECK_THAT(post(m, "P3.J1").cost, WithinRel(0.5 * 32000));
    CHECK(extra(m, "P3.J1", "cost_basis") == "pay_scale_midpoint");
    CHECK_THAT(at(diagnostics.warnings(), "junior.csv", 4, "Payscale Minimum (£)").message,
               Contains("middle of its pay scale") && Contains("Salary Cost of Reports"));
    // Senior posts: the middle of the pay band, said once for the file.
    CHECK(post(m, "P2").cost == 92499.5);
    CHECK(extra(m, "P2", "cost_basis") == "pay_band_midpoint");
    CHECK_THAT(at(diagnostics.warnings(), "senior.csv", 2, "Actual Pay Floor (£)").message,
               Contains("3 senior posts") && Contains("middle of their pay band"));
}

TEST_CASE("import organogram: A CR-only pair imports as the LF pair, warnings on the same lines",
          "[io][import][organogram]") {
    const auto cr_only = [](std::string_view text) {
        std::string out(text);
        std::replace(out.begin(), out.end(), '\n', '\r');
        return out;
    };
    Diagnostics plain_diagnostics;
    const auto plain =
        Organogram{std::string(kGroupsSenior), std::string(kGroupsJunior)}(plain_diagnostics);
    Diagnostics diagnostics;
    const auto m = Organogram{cr_only(kGroupsSenior), cr_only(kGroupsJunior)}(diagnostics);
    reorg::test::check_same_model(m, plain);
    CHECK_THAT(at(diagnostics.warnings(), "junior.csv", 4, "Payscale Minimum (£)").message,
               Contains("middle of its pay scale"));
    CHECK(diagnostics.warning_count() == plain_diagnostics.warning_count());
}

TEST_CASE("import organogram: Undisclosed senior pay is a warning and N/A pay is not",
          "[io][import][organogram]") {
    Diagnostics diagnostics;
    const auto m = Organogram{std::string(kSeniorHeader) +
                              "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,N/D,N/D\n"
                              "P2,Vacant,SCS2,Director,Lead,Org,Top,P1,1,N/A,N/A\n"
                              "P3,N/D,SCS2,Director,Lead,Org,Top,P1,1,90000,94999\n"}(diagnostics);
    CHECK(post(m, "P1").cost == 0.0);
    CHECK(extra(m, "P1", "cost_basis") == "none");
    CHECK_THAT(at(diagnostics.warnings(), "senior.csv", 2, "Actual Pay Floor (£)").message,
               Contains("pay not disclosed") && Contains("cost is 0"));
    for (const auto& warning : diagnostics.warnings()) {
        CHECK_FALSE((warning.where.line == 3 &&
                     warning.message.find("not disclosed") != std::string::npos));
    }
}

TEST_CASE("import organogram: Job/Team Function is the description and the profession the function",
          "[io][import][organogram]") {
    Diagnostics diagnostics;
    const auto m = Organogram{std::string(kGroupsSenior), std::string(kGroupsJunior)}(diagnostics);
    CHECK(post(m, "P1").function == "Policy");
    CHECK(extra(m, "P1", "description") == "Leads the agency and chairs its board");
    CHECK(post(m, "P2.J1").function == "Finance");
}

TEST_CASE("import organogram: A unit's head is the post its other posts report up to",
          "[io][import][organogram]") {
    // Operations lists its deputy before its director; Finance holds two deputies who both report
    // to the chief outside it, so no post of Finance heads it; Digital holds only a junior group
    // whose senior post is in Finance, and a group of staff heads no unit.
    //
    //   A1 Chief (Board)
    //   ├── O1 Director (Operations) ── O2 Deputy (Operations)
    //   ├── F1 Deputy (Finance) ── F3 Officer (Finance)
    //   └── F2 Deputy (Finance) ── F2.J1 (Digital)
    Diagnostics diagnostics;
    const auto m = Organogram{
        std::string(kSeniorHeader) +
            "O2,N/D,SCS1,Deputy,Lead,Org,Operations,O1,1,70000,74999\n"
            "F1,N/D,SCS1,Deputy,Lead,Org,Finance,A1,1,70000,74999\n"
            "A1,N/D,SCS4,Chief,Lead,Org,Board,XX,1,150000,154999\n"
            "O1,N/D,SCS2,Director,Lead,Org,Operations,A1,1,90000,94999\n"
            "F2,N/D,SCS1,Deputy,Lead,Org,Finance,A1,1,70000,74999\n"
            "F3,N/D,SCS1,Officer,Lead,Org,Finance,F1,1,70000,74999\n",
        std::string(kJuniorHeader) + "Org,Digital,F2,EO,20000,30000,Officer,4\n"}(diagnostics);
    CHECK(head(m, unit(m, "org.operations")) == "O1");
    CHECK(head(m, unit(m, "org.board")) == "A1");
    CHECK(head(m, unit(m, "org.finance")) == "");
    CHECK(head(m, unit(m, "org.digital")) == "");
    // Validating the result finds nothing the import made up: no post without a path to its
    // unit's head.
    for (const auto& issue : reorg::model::check_structure(m)) {
        CHECK_THAT(issue.message, !Contains("no path to the head"));
    }
}

TEST_CASE("import organogram: A Windows-1252 organogram is converted with --encoding cp1252",
          "[io][import]") {
    // The template's pound signs, "Åsa Öberg" and "Förvaltning" in Windows-1252.
    std::string header(kSeniorHeader);
    for (auto at = header.find("\xC2\xA3"); at != std::string::npos; at = header.find("\xC2\xA3")) {
        header.replace(at, 2, "\xA3");
    }
    const Organogram organogram{header +
                                    "P1,\xC5"
                                    "sa \xD6"
                                    "berg,SCS4,Chef,Lead,Kommun,F\xF6"
                                    "rvaltning,XX,1,,\n",
                                std::nullopt, Encoding::Windows1252};
    Diagnostics diagnostics;
    const auto m = organogram(diagnostics);
    CHECK(holder_name(m, post(m, "P1")) == "Åsa Öberg");
    CHECK(unit(m, "kommun.förvaltning").name == "Förvaltning");
    // As UTF-8 the same bytes are refused, with a hint at the option.
    const auto errors = errors_of(Organogram{organogram.senior});
    CHECK_THAT(errors.front().message, Contains("invalid UTF-8") && Contains("cp1252"));
}

TEST_CASE("import organogram: Unit ids are derived from names safely and stay unique",
          "[io][import]") {
    const Organogram organogram{
        std::string(kSeniorHeader) +
        "P1,N/D,SCS4,Chief,Lead,\"Kommun; \"\"Test\"\"\",\"Stab, ledning\",XX,1,,\n"
        "P2,N/D,SCS2,Director,Lead,\"Kommun; \"\"Test\"\"\",Löner & Pension,P1,1,,\n"
        "P3,N/D,SCS2,Director,Lead,\"Kommun; \"\"Test\"\"\",LÖNER / PENSION,P1,1,,\n"
        "P4,N/D,SCS2,Director,Lead,\"Kommun; \"\"Test\"\"\",löner pension,P1,1,,\n"};
    Diagnostics diagnostics;
    const auto m = organogram(diagnostics);
    CHECK(unit(m, "kommun-test").name == "Kommun; \"Test\"");
    CHECK(unit(m, "kommun-test.stab-ledning").name == "Stab, ledning");
    CHECK(unit(m, "kommun-test.löner-pension").name == "Löner & Pension");
    // Non-ASCII letters are kept as written (no case folding), so "LÖNER" is its own id; names
    // that differ only in punctuation get numbered.
    CHECK(unit(m, "kommun-test.lÖner-pension").name == "LÖNER / PENSION");
    CHECK(unit(m, "kommun-test.löner-pension-2").name == "löner pension");
}

// ---------------------------------------------------------------------------------------------
// Organogram: bad input

TEST_CASE("import organogram: A Reports to Senior Post matching no post is an error at its line",
          "[io][import]") {
    const auto errors = errors_of(Organogram{std::string(kSeniorHeader) +
                                             "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                             "P2,N/D,SCS2,Director,Lead,Org,Top,P9,1,,\n"});
    CHECK_THAT(
        at(errors, "senior.csv", 3, "Reports to Senior Post").message,
        Contains("'P9'") && Contains("matches no Post Unique Reference") && Contains("not XX"));
}

TEST_CASE("import organogram: Reporting to an Eliminated post is an error, from either file",
          "[io][import]") {
    const auto errors = errors_of(
        Organogram{std::string(kSeniorHeader) + "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                                "P2,Eliminated,SCS2,Director,Lead,Org,Top,P1,1,,\n"
                                                "P3,N/D,SCS1,Deputy,Lead,Org,Top,P2,1,,\n",
                   std::string(kJuniorHeader) + "Org,Top,P2,EO,1,2,Officer,3\n"
                                                "Org,Top,P8,EO,1,2,Officer,3\n"});
    CHECK_THAT(at(errors, "senior.csv", 4, "Reports to Senior Post").message,
               Contains("'P2' is Eliminated (line 3)"));
    CHECK_THAT(at(errors, "junior.csv", 2, "Reporting Senior Post").message,
               Contains("'P2' is Eliminated (line 3 of") && Contains("senior.csv"));
    CHECK_THAT(at(errors, "junior.csv", 3, "Reporting Senior Post").message,
               Contains("'P8' matches no Post Unique Reference of") && Contains("senior.csv"));
    CHECK(errors.size() == 3);
}

TEST_CASE("import organogram: A Post Unique Reference of XX or with spaces is an error",
          "[io][import]") {
    const auto errors = errors_of(Organogram{std::string(kSeniorHeader) +
                                             "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                             "xx,N/D,SCS2,Director,Lead,Org,Top,P1,1,,\n"
                                             "P 3,N/D,SCS2,Director,Lead,Org,Top,P1,1,,\n"});
    CHECK_THAT(at(errors, "senior.csv", 3, "Post Unique Reference").message,
               Contains("may not be called 'xx'"));
    CHECK_THAT(at(errors, "senior.csv", 4, "Post Unique Reference").message,
               Contains("'P 3' contains spaces"));
}

TEST_CASE("import organogram: Missing required organogram columns are named, in both files",
          "[io][import]") {
    const auto errors =
        errors_of(Organogram{"Post Unique Reference,Name,Grade,Unit\n"
                             "P1,N/D,SCS4,Top\n",
                             "Organisation,Unit,Grade\nOrg,Top,EO\n"});
    at(errors, "senior.csv", 1, "Reports to Senior Post");
    at(errors, "senior.csv", 1, "Job Title");
    at(errors, "junior.csv", 1, "Reporting Senior Post");
    CHECK_THAT(at(errors, "junior.csv", 1, "Number of Posts in FTE").message,
               Contains("missing required column"));
    CHECK(errors.size() == 4);
}

TEST_CASE("import organogram: Invalid UTF-8 in an organogram is an error at its line",
          "[io][import]") {
    const auto errors = errors_of(Organogram{std::string(kSeniorHeader) +
                                             "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                             "P2,N/D,SCS2,Direct\xF6r,Lead,Org,Top,P1,1,,\n"});
    CHECK_THAT(at(errors, "senior.csv", 3).message, Contains("invalid UTF-8"));
}

TEST_CASE("import organogram: A non-numeric FTE or pay is an error, but N/D, N/A and blank are not",
          "[io][import]") {
    const auto errors = errors_of(
        Organogram{std::string(kSeniorHeader) + "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,N/A,,\n"
                                                "P2,N/D,SCS2,Director,Lead,Org,Top,P1,full,,\n"
                                                "P3,N/D,SCS2,Director,Lead,Org,Top,P1,1,lots,9\n",
                   std::string(kJuniorHeader) + "Org,Top,P1,EO,1,2,Officer,some\n"
                                                "Org,Top,P1,EO,1,2,Officer,-2\n"});
    CHECK_THAT(at(errors, "senior.csv", 3, "FTE").message, Contains("invalid number 'full'"));
    CHECK_THAT(at(errors, "senior.csv", 4, "Actual Pay Floor (£)").message,
               Contains("invalid number 'lots'"));
    CHECK_THAT(at(errors, "junior.csv", 2, "Number of Posts in FTE").message,
               Contains("invalid number 'some'"));
    CHECK_THAT(at(errors, "junior.csv", 3, "Number of Posts in FTE").message, Contains("negative"));
    CHECK(errors.size() == 4);
}

TEST_CASE("import organogram: A repeated Post Unique Reference that is no job share is a duplicate",
          "[io][import]") {
    const auto errors = errors_of(Organogram{std::string(kSeniorHeader) +
                                             "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                             "P2,Ann,SCS2,Director,Lead,Org,Top,P1,0.5,,\n"
                                             "P2,Bea,SCS2,Director,Lead,Org,Top,P1,0.5,,\n"
                                             "P2,Cid,SCS2,Head of Audit,Lead,Org,Top,P1,1,,\n"});
    CHECK_THAT(at(errors, "senior.csv", 5, "Post Unique Reference").message,
               Contains("duplicate Post Unique Reference 'P2' (first on line 3)") &&
                   Contains("Job Title"));
    CHECK(errors.size() == 1);
}

TEST_CASE(
    "import organogram: A reporting cycle among senior posts is named at the senior file's line",
    "[io][import]") {
    const auto errors = errors_of(
        Organogram{std::string(kSeniorHeader) + "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                                "P2,N/D,SCS2,Director,Lead,Org,Top,P3,1,,\n"
                                                "P3,N/D,SCS2,Director,Lead,Org,Top,P2,1,,\n",
                   std::string(kJuniorHeader) + "Org,Top,P2,EO,1,2,Officer,3\n"});
    REQUIRE(errors.size() == 1);
    CHECK(Path(errors[0].where.file).filename() == "senior.csv");
    CHECK((errors[0].where.line == 3 || errors[0].where.line == 4));
    CHECK(errors[0].where.column == "Reports to Senior Post");
    CHECK_THAT(errors[0].message,
               Contains("reporting cycle") && Contains("'P2'") && Contains("'P3'"));
}

TEST_CASE("import organogram: Every error of an organogram is listed, not only the first",
          "[io][import]") {
    const auto errors = errors_of(Organogram{std::string(kSeniorHeader) +
                                             "P1,N/D,SCS4,Chief,Lead,Org,Top,XX,1,,\n"
                                             "P2,N/D,SCS2,Director,Lead,Org,Top,Q1,1,,\n"
                                             "P3,N/D,SCS2,Director,Lead,Org,Top,Q2,x,,\n"
                                             "XX,N/D,SCS2,Director,Lead,Org,Top,P1,1,,\n"});
    INFO(listing(errors));
    CHECK(errors.size() == 4);
}

TEST_CASE("import organogram: A missing organogram file is an input error naming it",
          "[io][import]") {
    const auto errors = errors_of([](Diagnostics& diagnostics) {
        return import_organogram(kOrganogram / "no-such-senior.csv", std::nullopt, {}, diagnostics);
    });
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0].where.file, Contains("no-such-senior.csv"));
}

// ---------------------------------------------------------------------------------------------
// HR export: what imports

TEST_CASE("import hr-csv: A UTF-8 HR export imports with units, heads, people, FTE and cost",
          "[io][import]") {
    Diagnostics diagnostics;
    const Columns columns{.id = "Employee ID",
                          .manager = "manager id",  // header names ignore case
                          .title = "Job title",
                          .unit = "Department",
                          .name = "Full name",
                          .fte = "FTE",
                          .cost = "Annual cost"};
    const auto m = import_hr_csv(kHr / "staff.csv", columns, {}, diagnostics);
    INFO(listing(diagnostics.warnings()));
    CHECK(diagnostics.warnings().empty());
    CHECK(m.posts().size() == 7);
    CHECK(m.people().size() == 7);

    //   staff (administration, named after the file)
    //   ├── staff.kommunledningskontoret   head E1
    //   ├── staff.ekonomi                  head E2
    //   └── staff.it                       head E5
    REQUIRE(m.units().size() == 4);
    const auto& root = unit(m, "staff");
    CHECK(root.kind == model::UnitKind::Administration);
    CHECK(root.name == "staff");
    CHECK(head(m, unit(m, "staff.kommunledningskontoret")) == "E1");
    CHECK(head(m, unit(m, "staff.ekonomi")) == "E2");
    CHECK(head(m, unit(m, "staff.it")) == "E5");
    CHECK(parent(m, unit(m, "staff.it")) == "staff");
    CHECK(unit(m, "staff.it").kind == model::UnitKind::Department);

    const auto& chief = post(m, "E1");
    CHECK_FALSE(chief.reports_to.has_value());
    CHECK(chief.title == "Kommunchef");
    CHECK(chief.cost == 1540000);
    const auto& support = post(m, "E6");
    CHECK(reports_to(m, support) == "E5");
    CHECK(support.fte == 0.5);
    CHECK(m[support.unit].id == "staff.it");
    CHECK(holder_name(m, post(m, "E5")) == "Eva Åström");
    CHECK(m[*post(m, "E5").person].id == "E5");
}

TEST_CASE("import hr-csv: A semicolon-separated HR export reads decimal commas and digit groups",
          "[io][import]") {
    Diagnostics diagnostics;
    const Columns columns{.id = "Anst.nr",
                          .manager = "Chef",
                          .title = "Befattning",
                          .unit = "Enhet",
                          .name = "Namn",
                          .fte = "Tjänstgöringsgrad",
                          .cost = "Lönekostnad"};
    const auto m = import_hr_csv(kHr / "personal.csv", columns, {}, diagnostics);
    CHECK(m.posts().size() == 5);
    CHECK(post(m, "100").cost == 1150000);
    CHECK(post(m, "101").fte == 0.5);
    CHECK(post(m, "101").cost == 312500.5);
    CHECK(post(m, "103").fte == 0.75);
    CHECK(reports_to(m, post(m, "104")) == "102");
    CHECK(head(m, unit(m, "personal.drift")) == "102");
    CHECK(post(m, "100").title == "Förvaltningschef");
}

TEST_CASE("import hr-csv: A Windows-1252 HR export is converted to UTF-8", "[io][import]") {
    // "Åsa Öhrn" and "Kärnverksamhet" in Windows-1252, with a euro sign (0x80) and a curly
    // apostrophe (0x92) from the code page's 0x80–0x9F range.
    const HrExport hr{
        "id;manager;name;unit;title\n"
        "1;;\xC5sa \xD6hrn;K\xE4rnverksamhet;Chef \x80\n"
        "2;1;\xE5\xE4\xF6 \x92s;K\xE4rnverksamhet;Handl\xE4ggare\n"
        "3;1;Per;K\xE4rnverksamhet;Handl\xE4ggare\n",
        {.id = "id", .manager = "manager", .title = "title", .unit = "unit", .name = "name"},
        Encoding::Windows1252};
    Diagnostics diagnostics;
    const auto m = hr(diagnostics);
    CHECK(holder_name(m, post(m, "1")) == "\xC3\x85sa \xC3\x96hrn");  // Åsa Öhrn
    CHECK(holder_name(m, post(m, "2")) == "åäö ’s");
    CHECK(post(m, "1").title == "Chef €");
    CHECK(unit(m, "staff.kärnverksamhet").name == "Kärnverksamhet");
}

TEST_CASE("import hr-csv: A byte Windows-1252 leaves undefined is an error at its line",
          "[io][import]") {
    const auto errors =
        errors_of(HrExport{"id,manager\n1,\n2,1\n3\x81,1\n", {}, Encoding::Windows1252});
    CHECK_THAT(at(errors, "staff.csv", 4).message,
               Contains("0x81") && Contains("byte 2 of the line"));
}

TEST_CASE("import hr-csv: In a CR-only export bad bytes are placed on their line", "[io][import]") {
    // A lone CR ends a line for the encoding checks too, not only for the CSV reader.
    const auto undefined =
        errors_of(HrExport{"id,manager\r1,\r2,1\r3\x81,1\r", {}, Encoding::Windows1252});
    CHECK_THAT(at(undefined, "staff.csv", 4).message,
               Contains("0x81") && Contains("byte 2 of the line"));
    const auto invalid = errors_of(HrExport{"id,manager\rA,\r\nB\xE5,A\r"});
    CHECK_THAT(at(invalid, "staff.csv", 3).message,
               Contains("invalid UTF-8") && Contains("byte 2 of the line"));
    const auto unknown = errors_of(HrExport{"id,manager\rA,\rB,A\r\nC,X\nD,A\r"});
    CHECK_THAT(at(unknown, "staff.csv", 4, "manager").message, Contains("'X'"));
}

TEST_CASE(
    "import hr-csv: Without --unit and --name, posts sit in the root unit, filled by their ids",
    "[io][import]") {
    Diagnostics diagnostics;
    const auto m =
        HrExport{"id,manager\nA,\nB,A\nC,A\n", {}, Encoding::Utf8, "kommun.csv"}(diagnostics);
    REQUIRE(m.units().size() == 1);
    CHECK(m.units()[0].id == "kommun");
    CHECK(head(m, m.units()[0]) == "A");
    CHECK(m.people().size() == 3);
    for (const auto& p : m.posts()) {
        REQUIRE(p.person.has_value());
        CHECK(m[*p.person].id == p.id);
        CHECK(m[*p.person].name == "");
        CHECK(p.fte == 1.0);
    }
}

TEST_CASE("import hr-csv: Without a manager column every row is a top post and a warning says so",
          "[io][import]") {
    Diagnostics diagnostics;
    const auto m = HrExport{"id,name\nA,Anna\nB,Bo\nC,Cecilia\n",
                            {.manager = "", .name = "name"}}(diagnostics);
    REQUIRE(m.posts().size() == 3);
    for (const auto& p : m.posts()) CHECK_FALSE(p.reports_to.has_value());
    CHECK(m[*m.posts()[1].person].name == "Bo");
    // No head chosen by a row's place in the file, so no warning that the others lack one.
    REQUIRE(m.units().size() == 1);
    CHECK_FALSE(m.units()[0].head.has_value());
    REQUIRE(diagnostics.warnings().size() == 1);
    const auto& warning = diagnostics.warnings()[0];
    CHECK(warning.where.line == 1);
    CHECK(warning.message == "no manager column: every row is a top post");
}

// ---------------------------------------------------------------------------------------------
// HR export: bad input

TEST_CASE("import hr-csv: An unknown manager id is an error at its line and column",
          "[io][import]") {
    const auto errors =
        errors_of(HrExport{"Id,Boss\nA,\nB,A\nC,Z\n", {.id = "Id", .manager = "Boss"}});
    CHECK_THAT(at(errors, "staff.csv", 4, "Boss").message, Contains("unknown manager 'Z'"));
    CHECK(errors.size() == 1);
}

TEST_CASE("import hr-csv: A column named by a flag but missing from the header is named",
          "[io][import]") {
    const auto errors =
        errors_of(HrExport{"Person,Manager,Title\nA,,Chief\n",
                           {.id = "Employee", .manager = "Manager", .title = "Titel"}});
    CHECK_THAT(at(errors, "staff.csv", 1, "Employee").message, Contains("the id column"));
    CHECK_THAT(at(errors, "staff.csv", 1, "Titel").message, Contains("the title column"));
    CHECK(errors.size() == 2);
}

TEST_CASE("import hr-csv: A reporting cycle in an HR export names its posts", "[io][import]") {
    const auto errors = errors_of(HrExport{"id,manager\nA,\nB,C\nC,D\nD,B\n"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].where.column == "manager");
    CHECK(errors[0].where.line >= 3);
    CHECK_THAT(errors[0].message, Contains("reporting cycle") && Contains("'B'") &&
                                      Contains("'C'") && Contains("'D'"));
}

TEST_CASE("import hr-csv: Duplicate ids, blank ids and invalid numbers in an HR export are errors",
          "[io][import]") {
    const auto errors = errors_of(HrExport{"id;manager;fte\nA;;1\nB;A;0,5\nA;B;1\n;A;1\nC;A;lite\n",
                                           {.id = "id", .manager = "manager", .fte = "fte"}});
    CHECK_THAT(at(errors, "staff.csv", 4, "id").message,
               Contains("duplicate id 'A' (first on line 2)"));
    CHECK(at(errors, "staff.csv", 5, "id").message == "the employee's id is empty");
    CHECK_THAT(at(errors, "staff.csv", 6, "fte").message, Contains("invalid number 'lite'"));
    CHECK(errors.size() == 3);
}

TEST_CASE("import hr-csv: A control character in an employee id is an error showing it escaped",
          "[io][import]") {
    // The ids differ only in a control character; a name may hold one.
    const auto errors =
        errors_of(HrExport{"id,manager,name\nA,,Anna\x01\nB\x01,A,Bo\n"
                           "B\x02,A,Bo\n\"C\tD\",A,Cd\nE\xC2\x9f,A,E\n",
                           {.id = "id", .manager = "manager", .name = "name"}});
    CHECK(at(errors, "staff.csv", 3, "id").message ==
          "the employee's id holds a control character (\\x01) at character 2; ids may not");
    CHECK_THAT(at(errors, "staff.csv", 4, "id").message, Contains("(\\x02) at character 2"));
    CHECK_THAT(at(errors, "staff.csv", 5, "id").message, Contains("(\\x09) at character 2"));
    CHECK_THAT(at(errors, "staff.csv", 6, "id").message, Contains("(\\x9f) at character 2"));
    CHECK(errors.size() == 4);
}

TEST_CASE("import hr-csv: A unit name with a control character makes a unit id without it",
          "[io][import]") {
    // Unit ids are made from the names; a name may hold a C1 control (U+0085, NEXT LINE), an
    // id may not, so the made id leaves it out as it leaves out other punctuation.
    Diagnostics diagnostics;
    const auto m = HrExport{"id,manager,unit\nA,,Eko\xC2\x85nomi\nB,A,IT\x7f\n",
                            {.id = "id", .manager = "manager", .unit = "unit"}}(diagnostics);
    CHECK(unit(m, "staff.eko-nomi").name == "Eko\xC2\x85nomi");
    CHECK(unit(m, "staff.it").name == "IT\x7f");
}

TEST_CASE("import hr-csv: Invalid UTF-8 in an HR export is an error at its line", "[io][import]") {
    const auto errors = errors_of(HrExport{"id,manager\nA,\nB\xE5,A\n"});
    CHECK_THAT(at(errors, "staff.csv", 3).message, Contains("invalid UTF-8") && Contains("cp1252"));
}
