// The diff view: the marks taken from an applied scenario, and the chart that draws them,
// parsed back from SVG and its marks counted.
#include "reorg/report/diff_marks.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "reorg/render/graphviz.hpp"
#include "reorg/render/views.hpp"
#include "scenario/scenario_support.hpp"
#include "support/svg.hpp"

using namespace reorg;
using reorg::test::minimal;

namespace {

// IT in project form, and planning merged: every kind of mark the diff view has.
const char* const kScenario = R"(name: Projektform
changes:
  - add_post: {id: IT.DRIFT, title: IT-driftschef, unit: KLF.IT, reports_to: KC}
  - remove_post: {post: IT.CHEF, successor: IT.DRIFT}
  - move_post: {post: STF.001, unit: KLF, reports_to: EKO.CHEF}
  - add_unit: {id: TMP, name: Tillfällig, kind: team, parent: KLF}
  - add_unit: {id: KS, name: Kommunstyrelsen, kind: committee}
  - move_unit: {unit: KLF, parent: KS}
  - rename_unit: {unit: KLF.IT, name: Digitaliseringskontoret}
  - remove_unit: {unit: IT.STYR}
  - split_unit: {unit: STF, into: [{id: STF.FAST, name: Fastighet, head: STF.002, posts: [STF.002]}]}
)";

struct Fixture {
    scenario::Scenario scenario = test::scenario_of(kScenario);
    scenario::Applied applied = scenario::apply(minimal(), scenario);
    render::DiffMarks marks = report::diff_marks(minimal(), scenario, applied);

    [[nodiscard]] const render::PostMark& post(std::string_view id) const {
        return marks.posts[model::index(*applied.model.find_post(id))];
    }
    [[nodiscard]] const render::UnitMark& unit(std::string_view id) const {
        return marks.units[model::index(*applied.model.find_unit(id))];
    }
};

std::string svg_of(const model::Model& model, const render::ViewOptions& options,
                   const render::DiffMarks& marks) {
    render::Figures figures;
    figures.diff = marks;
    render::Graphviz graphviz;
    return graphviz.render(render::make_diagram(model, options, figures), render::Format::Svg);
}

std::size_t count_texts(const test::Svg& svg, std::string_view part) {
    const auto texts = svg.texts();
    return static_cast<std::size_t>(std::count_if(texts.begin(), texts.end(), [&](const auto& t) {
        return t.find(part) != std::string::npos;
    }));
}

}  // namespace

TEST_CASE("diff marks: posts added, moved and given a new manager", "[report][diff]") {
    const Fixture f;
    CHECK(f.post("IT.DRIFT").added);
    CHECK(f.post("STF.001").moved_from == "STF");
    CHECK(f.post("STF.001").old_manager == "STF.CHEF");
    CHECK(f.post("KLF.IT.001").new_manager);
    CHECK(f.post("KLF.IT.001").old_manager == "IT.CHEF");
    CHECK(f.post("STF.002").moved_from == "STF");
    CHECK_FALSE(f.post("KC").new_manager);
    CHECK(f.post("KC").moved_from.empty());
}

TEST_CASE("diff marks: units added, split, moved and renamed; removed ones placed where they went",
          "[report][diff]") {
    const Fixture f;
    CHECK(f.unit("TMP").added);
    CHECK(f.unit("STF.FAST").split_from == "STF");
    CHECK(f.unit("KLF").moved);
    CHECK(f.unit("KLF").moved_from.empty());  // it was a root
    CHECK(f.unit("KLF.IT").old_name == "IT-kontoret");
    REQUIRE(f.marks.removed_posts.size() == 1);
    const auto& chef = f.marks.removed_posts[0];
    CHECK(chef.id == "IT.CHEF");
    CHECK(chef.successor == "IT.DRIFT");
    CHECK(chef.under == f.applied.model.find_post("IT.DRIFT"));
    REQUIRE(f.marks.removed_units.size() == 1);
    CHECK(f.marks.removed_units[0].id == "IT.STYR");
    CHECK(f.marks.removed_units[0].under == f.applied.model.find_unit("KLF"));  // its parent
}

TEST_CASE("diff marks: a merged unit is drawn once, naming its origins", "[report][diff]") {
    const auto s = test::scenario_of(
        "name: M\nchanges:\n  - merge: [KLF.IT, STF]\n    into: {id: SBF, name: S, parent: KLF}\n"
        "    head: STF.CHEF\n");
    const auto applied = scenario::apply(minimal(), s);
    const auto marks = report::diff_marks(minimal(), s, applied);
    const auto& sbf = marks.units[model::index(*applied.model.find_unit("SBF"))];
    CHECK(sbf.merged_from == std::vector<std::string>{"KLF.IT", "STF"});
    CHECK(marks.removed_units.empty());  // merged, not removed
}

TEST_CASE("the diff view marks every change in the SVG, with its legend", "[report][diff]") {
    const Fixture f;
    const test::Svg svg(svg_of(f.applied.model, {.view = render::View::Diff}, f.marks));
    CHECK(count_texts(svg, "Changes: Projektform") == 1);
    CHECK(count_texts(svg, "NEW POST") == 1);
    CHECK(count_texts(svg, "REMOVED") >= 1);   // the box (and the legend's entry)
    CHECK(count_texts(svg, "from STF") == 2);  // STF.001 and STF.002 moved
    CHECK(count_texts(svg, "new manager (was IT.CHEF)") == 3);
    CHECK(count_texts(svg, "successor IT.DRIFT") == 1);
    CHECK(count_texts(svg, "1 post added, 2 moved") == 1);
    CHECK(svg.has_text("Changes"));  // the legend's title
}

TEST_CASE("a large diff collapses to units with the counts of what changed in each",
          "[report][diff]") {
    const Fixture f;
    const test::Svg svg(
        svg_of(f.applied.model, {.view = render::View::Diff, .max_nodes = 8}, f.marks));
    CHECK(count_texts(svg, "posts are more than the limit of 8") == 1);
    CHECK(count_texts(svg, "split from STF") == 1);
    CHECK(count_texts(svg, "NEW UNIT") == 2);  // TMP and KS
    CHECK(count_texts(svg, "renamed from IT-kontoret") == 1);
    CHECK(count_texts(svg, "1 post added") >= 1);  // in KLF.IT's box
    CHECK(count_texts(svg, "REMOVED") >= 1);       // IT.STYR
}

TEST_CASE("the diff view keeps to a focus and refuses overlays", "[report][diff]") {
    const Fixture f;
    const test::Svg svg(
        svg_of(f.applied.model,
               {.view = render::View::Diff, .focus = "KLF.IT", .layout = render::LayoutChoice::Dot},
               f.marks));
    CHECK(count_texts(svg, "NEW POST") == 1);
    CHECK(count_texts(svg, "from STF") == 0);
    render::Figures figures;
    figures.diff = f.marks;
    CHECK_THROWS_AS(render::make_diagram(
                        f.applied.model,
                        {.view = render::View::Diff, .overlay = render::Overlay::Load}, figures),
                    OptionError);
}
