#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reorg/output/detail/json_writer.hpp"

using nlohmann::ordered_json;
using reorg::output::detail::JsonWriter;

namespace {

// The tree written through the writer, call by call, as a document that was never a tree
// would be.
void write(JsonWriter& json, const ordered_json& value) {
    switch (value.type()) {
        case ordered_json::value_t::object:
            json.begin_object();
            for (const auto& [key, member] : value.items()) {
                json.key(key);
                write(json, member);
            }
            json.end_object();
            break;
        case ordered_json::value_t::array:
            json.begin_array();
            for (const auto& element : value) write(json, element);
            json.end_array();
            break;
        case ordered_json::value_t::string:
            json.value(value.get<std::string>());
            break;
        case ordered_json::value_t::boolean:
            json.value(value.get<bool>());
            break;
        case ordered_json::value_t::number_unsigned:
            json.value(value.get<std::uint64_t>());
            break;
        case ordered_json::value_t::number_integer:
            json.value(value.get<std::int64_t>());
            break;
        case ordered_json::value_t::number_float:
            json.value(value.get<double>());
            break;
        default:
            json.null();
    }
}

std::string written(const ordered_json& value) {
    std::ostringstream out;
    {
        JsonWriter json(out);
        write(json, value);
    }
    return out.str();
}

}  // namespace

TEST_CASE("the JSON writer lays a document out as nlohmann's dump(2) does", "[output][json]") {
    const ordered_json document = {
        {"posts", 4},
        {"change", -3},
        {"fte", 3.25},
        {"whole", 12.0},
        {"cost", 700000.5},
        {"small", 0.00001},
        {"tiny", 2.5e-300},
        {"large", 3e20},
        {"negative", -0.125},
        {"open", true},
        {"closed", false},
        {"parent", nullptr},
        {"span", {{"min", 1}, {"histogram", {{"2", 1}, {"17", 3}}}}},
        {"names", {"Kommunchef", "Åsa \"IT\" \\ chef", "Ekonomi/Lön"}},
        {"empty_list", ordered_json::array()},
        {"empty_object", ordered_json::object()},
        {"nested", {{1, 2, {{"deep", {ordered_json::array(), {{"x", nullptr}}}}}}, {}}}};
    CHECK(written(document) == document.dump(2));
    CHECK(written(ordered_json::array()) == "[]");
    CHECK(written(42) == "42");
    CHECK(written("bare") == "\"bare\"");
}

TEST_CASE("the JSON writer escapes what JSON cannot carry as it is", "[output][json]") {
    std::ostringstream out;
    {
        JsonWriter json(out);
        json.begin_object();
        json.member("line\nbreak", "tab\there \x01 \"quoted\" back\\slash");
        json.member("nan", std::numeric_limits<double>::quiet_NaN());
        json.member("inf", -std::numeric_limits<double>::infinity());
        json.member("broken", std::string_view("a\xff"
                                               "b"));
        json.end_object();
    }
    const auto read = ordered_json::parse(out.str());
    CHECK(read.begin().key() == "line\nbreak");
    CHECK(read["line\nbreak"] == "tab\there \x01 \"quoted\" back\\slash");
    CHECK(read["nan"].is_null());
    CHECK(read["inf"].is_null());
    CHECK(read["broken"] ==
          "a\xef\xbf\xbd"
          "b");  // U+FFFD: the output is always UTF-8
}

TEST_CASE("the JSON writer keeps every byte of a document larger than its buffer",
          "[output][json]") {
    // Far beyond the 64 KiB the writer gathers before it writes: the flushes must neither
    // drop nor repeat a byte, whatever falls on the boundary.
    ordered_json units = ordered_json::array();
    for (int i = 0; i < 20000; ++i) {
        units.push_back({{"unit", "E" + std::to_string(i)},
                         {"fte", i / 8.0},
                         {"rollup", {{"posts", i}, {"names", {"Enhet \"" + std::to_string(i)}}}}});
    }
    const ordered_json document = {{"units", units.size()}, {"by_unit", units}};
    const auto text = written(document);
    CHECK(text.size() > 1'000'000);
    CHECK(text == document.dump(2));
}

TEST_CASE("values written one after another read back in order", "[output][json]") {
    std::ostringstream out;
    {
        JsonWriter json(out);
        json.begin_array();
        json.value(std::size_t{18'446'744'073'709'551'615U});
        json.value(std::int64_t{-9'223'372'036'854'775'807});
        json.value(0.1 + 0.2);
        json.value(-0.0);
        json.end_array();
    }
    const auto read = ordered_json::parse(out.str());
    REQUIRE(read.size() == 4);
    CHECK(read[0].get<std::uint64_t>() == 18'446'744'073'709'551'615U);
    CHECK(read[1].get<std::int64_t>() == -9'223'372'036'854'775'807);
    CHECK(read[2].get<double>() == 0.1 + 0.2);  // exactly: the shortest form that reads back
    CHECK(std::signbit(read[3].get<double>()));
}
