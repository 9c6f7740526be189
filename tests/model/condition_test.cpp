#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reorg/io/load.hpp"
#include "reorg/model/condition.hpp"

namespace {

using namespace reorg;
using model::CheckFunction;
using model::Comparison;
using model::Condition;
using model::parse_condition;
using Kind = Condition::Kind;

// The message and column of the ConditionError `text` throws.
std::string error_of(std::string_view text) {
    try {
        (void)parse_condition(text);
    } catch (const model::ConditionError& error) {
        return error.message() + " @" + std::to_string(error.column());
    }
    FAIL("no ConditionError for " << text);
    return {};
}

// The canonical text, which must read back as the same condition.
std::string canonical(std::string_view text) {
    const auto condition = parse_condition(text);
    const auto spelt = model::to_string(condition);
    CHECK(parse_condition(spelt) == condition);
    return spelt;
}

const model::Model& minimal() {
    static const model::Model model = io::load_model(REORG_DATA_DIR "/minimal/model.yaml");
    return model;
}

std::vector<std::string> problems_of(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& p : model::check_ids(parse_condition(text), minimal())) {
        out.push_back(p.message + " @" + std::to_string(p.column));
    }
    return out;
}

}  // namespace

TEST_CASE("condition: a comparison of a function and a number", "[model][condition]") {
    const auto c = parse_condition("load(KLF.IT) <= 1.0");
    CHECK(c.kind == Kind::Compare);
    CHECK(c.comparison == Comparison::LessEqual);
    CHECK(c.left.function == CheckFunction::Load);
    REQUIRE(c.left.arguments.size() == 1);
    CHECK(c.left.arguments[0].id == "KLF.IT");
    CHECK(c.left.arguments[0].column == 6);
    CHECK(c.left.column == 1);
    CHECK_FALSE(c.left.number);
    CHECK(c.right.number == 1.0);
    CHECK(c.right.column == 17);
}

TEST_CASE("condition: every comparison and every function", "[model][condition]") {
    const std::vector<std::pair<std::string, Comparison>> comparisons{
        {"<", Comparison::Less},      {"<=", Comparison::LessEqual},    {"==", Comparison::Equal},
        {"!=", Comparison::NotEqual}, {">=", Comparison::GreaterEqual}, {">", Comparison::Greater}};
    for (const auto& [symbol, comparison] : comparisons) {
        CHECK(parse_condition("posts(A) " + symbol + " 2").comparison == comparison);
        CHECK(parse_condition("posts(A)" + symbol + "2").comparison == comparison);
        CHECK(model::symbol_of(comparison) == symbol);
    }
    const std::vector<std::pair<std::string, CheckFunction>> functions{
        {"posts", CheckFunction::Posts},       {"vacant", CheckFunction::Vacant},
        {"fte", CheckFunction::Fte},           {"cost", CheckFunction::Cost},
        {"managers", CheckFunction::Managers}, {"span", CheckFunction::Span},
        {"max_span", CheckFunction::MaxSpan},  {"min_span", CheckFunction::MinSpan},
        {"layers", CheckFunction::Layers},     {"load", CheckFunction::Load},
        {"cut_off", CheckFunction::CutOff},    {"single_points", CheckFunction::SinglePoints},
        {"distance", CheckFunction::Distance}, {"betweenness", CheckFunction::Betweenness},
        {"members", CheckFunction::Members},   {"exists", CheckFunction::Exists}};
    for (const auto& [name, function] : functions) {
        CHECK(parse_condition(name + "(X) > 0").left.function == function);
        CHECK(model::name_of(function) == name);
    }
    const auto distance = parse_condition("distance(KLF.IT.CHEF, IT.STYR) <= 2");
    REQUIRE(distance.left.arguments.size() == 2);
    CHECK(distance.left.arguments[1].id == "IT.STYR");
    CHECK(distance.left.arguments[1].column == 23);
    // Two functions may be compared.
    const auto two = parse_condition("distance(PLAN.CHEF) > distance(STF.CHEF)");
    CHECK(two.right.function == CheckFunction::Distance);
    CHECK(two.right.arguments[0].id == "STF.CHEF");
}

TEST_CASE("condition: precedence of or, and, not, and parentheses", "[model][condition]") {
    const auto c = parse_condition("posts(A) > 1 or posts(B) > 1 and posts(C) > 1");
    CHECK(c.kind == Kind::Or);
    REQUIRE(c.operands.size() == 2);
    CHECK(c.operands[0].kind == Kind::Compare);
    CHECK(c.operands[1].kind == Kind::And);
    CHECK(c.operands[1].operands.size() == 2);

    const auto n = parse_condition("not posts(A) > 1 and posts(B) > 1");
    CHECK(n.kind == Kind::And);
    CHECK(n.operands[0].kind == Kind::Not);
    CHECK(n.operands[0].operands[0].kind == Kind::Compare);

    const auto p = parse_condition("(posts(A) > 1 or posts(B) > 1) and posts(C) > 1");
    CHECK(p.kind == Kind::And);
    CHECK(p.operands[0].kind == Kind::Or);

    const auto flat = parse_condition("posts(A) > 1 or posts(B) > 1 or posts(C) > 1");
    CHECK(flat.kind == Kind::Or);
    CHECK(flat.operands.size() == 3);

    const auto twice = parse_condition("not not posts(A) > 1");
    CHECK(twice.kind == Kind::Not);
    CHECK(twice.operands[0].kind == Kind::Not);
}

TEST_CASE("condition: numbers and ids", "[model][condition]") {
    CHECK(parse_condition("posts(A) > 0.5").right.number == 0.5);
    CHECK(parse_condition("posts(A) > -2").right.number == -2);
    CHECK(parse_condition("posts(A) > 1e3").right.number == 1000);
    CHECK(parse_condition("posts(A) > .25").right.number == 0.25);
    CHECK(parse_condition("1 < 2").left.number == 1);
    // Dots, digits, dashes, underscores and Swedish letters belong to ids.
    CHECK(parse_condition("posts(Förvaltning.Ö-1_ä) > 0").left.arguments[0].id ==
          "Förvaltning.Ö-1_ä");
    CHECK(parse_condition("span(2024) > 0").left.arguments[0].id == "2024");
    // Quoted ids may hold what an unquoted id cannot.
    CHECK(parse_condition("posts('Kommun styrelsen') > 0").left.arguments[0].id ==
          "Kommun styrelsen");
    CHECK(parse_condition("posts(\"a,b(c)\") > 0").left.arguments[0].id == "a,b(c)");
    CHECK(parse_condition("posts(  A  ) >  0").left.arguments[0].column == 9);
}

TEST_CASE("condition: the canonical text reads back as the same condition", "[model][condition]") {
    CHECK(canonical("load(KLF.IT)<=1.0") == "load(KLF.IT) <= 1");
    CHECK(canonical("cut_off(LON.CHEF) == 0 and vacant(LON.CHEF) == 0") ==
          "cut_off(LON.CHEF) == 0 and vacant(LON.CHEF) == 0");
    CHECK(canonical("(posts(A) > 1 or posts(B) > 1) and posts(C) > 1") ==
          "(posts(A) > 1 or posts(B) > 1) and posts(C) > 1");
    CHECK(canonical("(posts(A) > 1 or posts(B) > 1) or posts(C) > 1") ==
          "(posts(A) > 1 or posts(B) > 1) or posts(C) > 1");
    CHECK(canonical("not (posts(A) > 1 and posts(B) > 1)") ==
          "not (posts(A) > 1 and posts(B) > 1)");
    CHECK(canonical("not posts(A) > 1") == "not posts(A) > 1");
    CHECK(canonical("distance( P ,G )>=0.25") == "distance(P, G) >= 0.25");
    CHECK(canonical("posts('a b') > 1e-7") == "posts(\"a b\") > 1e-07");
    CHECK(canonical("posts(\"it's\") > 1") == "posts(\"it's\") > 1");
    CHECK(canonical("posts('x\"y') > 1") == "posts('x\"y') > 1");
    CHECK(canonical("posts('and') > 1") == "posts(\"and\") > 1");
    CHECK(canonical("posts('it''s') > 1") == "posts(\"it's\") > 1");
    CHECK(parse_condition("posts('it''s') > 1").left.arguments[0].id == "it's");
    // An id with both quotes (a rename can make one) doubles the one it is quoted with.
    auto both = parse_condition("posts(A) > 1");
    model::rename_ids(both, [](std::string_view) { return std::string("a'b\"c"); });
    CHECK(model::to_string(both) == "posts(\"a'b\"\"c\") > 1");
    CHECK(parse_condition(model::to_string(both)) == both);
    CHECK(canonical("2 != 3 or not (1 > 2 or 2 > 1)") == "2 != 3 or not (1 > 2 or 2 > 1)");
}

TEST_CASE("condition: ids are visited, renamed and the first found", "[model][condition]") {
    auto c = parse_condition("distance(P1, G) <= 2 and (posts(U) > 1 or exists(X) == 0)");
    std::vector<std::string> seen;
    model::for_each_id(c, [&](const model::CheckId& id, CheckFunction f, std::size_t i) {
        seen.push_back(id.id + ":" + std::string(model::name_of(f)) + ":" + std::to_string(i));
    });
    CHECK(seen ==
          std::vector<std::string>{"P1:distance:0", "G:distance:1", "U:posts:0", "X:exists:0"});
    CHECK(model::first_id(c) == "P1");
    model::rename_ids(c, [](std::string_view id) { return "Y." + std::string(id); });
    CHECK(model::to_string(c) ==
          "distance(Y.P1, Y.G) <= 2 and (posts(Y.U) > 1 or exists(Y.X) == 0)");
    CHECK(model::first_id(parse_condition("1 < 2")).empty());
}

TEST_CASE("condition: every syntax error names its column", "[model][condition]") {
    CHECK(error_of("") == "empty check @1");
    CHECK(error_of("   ") == "empty check @1");
    CHECK(error_of("load(KLF.IT <= 1") == "expected ')' @13");
    CHECK(error_of("(load(KLF.IT) <= 1") == "expected ')' @19");
    CHECK(error_of("load(KLF.IT) 1") == "expected a comparison (<, <=, ==, !=, >=, >) @14");
    CHECK(error_of("load(KLF.IT)") == "expected a comparison (<, <=, ==, !=, >=, >) @13");
    CHECK(error_of("load(KLF.IT) <=") == "expected a number or a function @16");
    CHECK(error_of("KLF.IT <= 1") == "expected a number or a function @1");
    CHECK(error_of("<= 1") == "expected a number or a function @1");
    CHECK(error_of("lod(KLF.IT) <= 1") == "unknown function `lod` (did you mean `load`?) @1");
    CHECK(error_of("weather(X) <= 1") == "unknown function `weather` @1");
    CHECK(error_of("load <= 1") == "expected '(' after `load` @6");
    CHECK(error_of("span(A, B) > 1") == "`span` takes 1 argument, not 2 @1");
    CHECK(error_of("distance(A, B, C) > 1") == "`distance` takes 1 or 2 arguments, not 3 @1");
    CHECK(error_of("posts() > 1") == "expected an id @7");
    CHECK(error_of("posts(A,) > 1") == "expected an id @9");
    CHECK(error_of("posts('A) > 1") == "unterminated quote @7");
    CHECK(error_of("posts(A) > 1 posts(B) > 1") ==
          "unexpected `posts` after the end of the check @14");
    CHECK(error_of("posts(A) > 1)") == "unexpected `)` after the end of the check @13");
    CHECK(error_of("posts(A) = 1") == "`=` is not a comparison (did you mean `==`?) @10");
    CHECK(error_of("posts(A) ! 1") == "`!` is not a comparison (did you mean `!=`?) @10");
    CHECK(error_of("posts(A) > 1 and") == "expected a number or a function @17");
    CHECK(error_of("not") == "expected a number or a function @4");
    CHECK(error_of("posts(A) > inf") == "expected a number or a function @12");
    const model::ConditionError error("expected ')'", 17);
    CHECK(std::string(error.what()) == "expected ')' at column 17");
}

TEST_CASE("condition: nesting is limited so no input can exhaust the stack", "[model][condition]") {
    std::string deep(150, '(');
    deep += "posts(A) > 1" + std::string(150, ')');
    CHECK(parse_condition(deep).kind == Kind::Compare);
    std::string deeper(5000, '(');
    deeper += "posts(A) > 1" + std::string(5000, ')');
    CHECK(error_of(deeper) == "nested too deeply @201");
    std::string nots;
    for (int i = 0; i < 300; ++i) nots += "not ";
    CHECK(error_of(nots + "posts(A) > 1") == "nested too deeply @801");
}

TEST_CASE("condition: ids must name what their function needs", "[model][condition]") {
    CHECK(problems_of("load(KLF.IT) <= 1 and span(IT.CHEF) > 1 and vacant(KC) == 0").empty());
    CHECK(problems_of("distance(KLF.IT, IT.STYR) < 3 and members(IT.STYR) > 1").empty());
    CHECK(problems_of("exists(ANYTHING) == 0").empty());
    CHECK(problems_of("load(KLF.ITT) <= 1") ==
          std::vector<std::string>{"unknown id `KLF.ITT` (did you mean `KLF.IT`?) @6"});
    CHECK(problems_of("posts(NOWHERE) > 1") == std::vector<std::string>{"unknown id `NOWHERE` @7"});
    CHECK(problems_of("span(KLF) > 1") ==
          std::vector<std::string>{"`span` needs a post, and `KLF` is a unit @6"});
    CHECK(problems_of("posts(KC) > 1") ==
          std::vector<std::string>{"`posts` needs a unit, and `KC` is a post @7"});
    CHECK(problems_of("members(KLF.IT) > 1") ==
          std::vector<std::string>{"`members` needs a group, and `KLF.IT` is an office @9"});
    CHECK(problems_of("distance(KC, STF) <= 1") ==
          std::vector<std::string>{"`distance` needs a group, and `STF` is an administration @14"});
    CHECK(problems_of("posts(A1) > 1 or span(B1) > 1").size() == 2);
}
