// model::id_problem (lib/reorg/model/id_rules.hpp): the one check of what an id may hold, which
// every reader, importer and scenario change asks.
#include "reorg/model/id_rules.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using Catch::Contains;
using reorg::model::id_problem;

namespace {

std::string utf8(std::uint32_t code) {
    std::string out;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return out;
}

// Whether a message holds a byte that a terminal would act on: what it must show escaped.
bool holds_raw_control(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7F) return true;
        if (byte == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("an id may hold any character but the control characters and U+FFFE and U+FFFF",
          "[model][ids]") {
    // Every code point, between two letters; the oracle is the definition of the Cc category
    // (U+0000–U+001F, U+007F–U+009F) and the two non-characters XML cannot carry.
    std::size_t refused = 0;
    for (std::uint32_t code = 0; code <= 0x10FFFF; ++code) {
        if (code >= 0xD800 && code <= 0xDFFF) continue;  // surrogates are not UTF-8
        const bool control = code < 0x20 || (code >= 0x7F && code <= 0x9F);
        const bool non_character = code == 0xFFFE || code == 0xFFFF;
        const auto problem = id_problem("Å" + utf8(code) + "B");
        if (problem.has_value() != (control || non_character)) {
            FAIL_CHECK("U+" << std::hex << code << ": " << problem.value_or("accepted"));
            continue;
        }
        if (!problem) continue;
        ++refused;
        REQUIRE_THAT(*problem, Contains("at character 2; ids may not"));
        REQUIRE_FALSE(holds_raw_control(*problem));
    }
    CHECK(refused == 0x20 + 0x21 + 2);
}

TEST_CASE("an id's problem shows the character escaped and where it is", "[model][ids]") {
    CHECK(id_problem("P\x01X") ==
          "the id holds a control character (\\x01) at character 2; ids may not");
    CHECK(id_problem(std::string("U\0X", 3), "the unit's id") ==
          "the unit's id holds a control character (\\x00) at character 2; ids may not");
    CHECK(id_problem("A\tB") ==
          "the id holds a control character (\\x09) at character 2; ids may not");
    CHECK(id_problem("line\r\n") ==
          "the id holds a control character (\\x0d) at character 5; ids may not");
    CHECK(id_problem("DEL\x7f") ==
          "the id holds a control character (\\x7f) at character 4; ids may not");
    // Characters, not bytes: å and ö are two bytes each. A C1 control by its code point.
    CHECK(id_problem("åö\xC2\x85") ==
          "the id holds a control character (\\x85) at character 3; ids may not");
    CHECK(id_problem("X\xEF\xBF\xBE") ==
          "the id holds a non-character (U+FFFE) at character 2; ids may not");
    CHECK(id_problem("ab\xff") ==
          "the id holds a byte that is not UTF-8 (\\xff) at character 3; ids may not");
    CHECK(id_problem("", "the new post's id") == "the new post's id is empty");
    // The first of several is named.
    CHECK_THAT(*id_problem("a\x02\x01"), Contains("(\\x02) at character 2"));
}

TEST_CASE("ids as people write them have no problem", "[model][ids]") {
    for (const char* id :
         {"P0012345", "KLF.IT", "a b", "x;y", "A&amp;B", "\"quoted\"", "C:\\dir", "Förvaltning",
          "日本", "e\xCC\x81", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xC2\xA0", "\xC2\xA9"}) {
        INFO(id);
        CHECK_FALSE(id_problem(id));
    }
}
