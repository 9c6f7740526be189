// parse_number and find_invalid_utf8 (lib/reorg/io/text_input.hpp, lib/reorg/base/utf8.hpp):
// numbers as people type them, and the first byte that is not UTF-8.
#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "reorg/base/utf8.hpp"
#include "reorg/io/text_input.hpp"

namespace {

using Catch::Matchers::WithinRel;
using reorg::base::find_invalid_utf8;
using reorg::io::NumberFormat;
using reorg::io::parse_number;

constexpr NumberFormat kDecimalComma{.decimal_comma = true};

/// parse_number's value; the test stops if it gave none.
double value_of(std::string_view text, NumberFormat format = {}) {
    const auto value = parse_number(text, format);
    INFO("parse_number(\"" << std::string(text) << "\", decimal_comma = " << format.decimal_comma
                           << ")");
    REQUIRE(value.has_value());
    return *value;
}

/// find_invalid_utf8 as a number, -1 for "all valid", so that CHECKs print what went wrong.
long long bad_offset(std::string_view text) {
    const auto offset = find_invalid_utf8(text);
    return offset ? static_cast<long long>(*offset) : -1;
}

}  // namespace

TEST_CASE("Plain, negative, exponent and plus-signed numbers parse", "[io][number]") {
    CHECK_THAT(value_of("12"), WithinRel(12.0));
    CHECK_THAT(value_of("0.75"), WithinRel(0.75));
    CHECK_THAT(value_of("-0.5"), WithinRel(-0.5));
    CHECK_THAT(value_of("1e6"), WithinRel(1e6));
    CHECK_THAT(value_of("1.15E6"), WithinRel(1150000.0));
    CHECK_THAT(value_of("2.5e-3"), WithinRel(0.0025));
    CHECK_THAT(value_of("+3"), WithinRel(3.0));
    CHECK_THAT(value_of("+0.25"), WithinRel(0.25));
    CHECK(value_of("0") == 0.0);
}

TEST_CASE("Blanks around a number are ignored", "[io][number]") {
    CHECK_THAT(value_of("  42  "), WithinRel(42.0));
    CHECK_THAT(value_of("\t-1.5\r\n"), WithinRel(-1.5));
    CHECK_THAT(value_of(" +7 "), WithinRel(7.0));
}

TEST_CASE("Empty text and text that is no number give no number", "[io][number]") {
    CHECK_FALSE(parse_number(""));
    CHECK_FALSE(parse_number("   "));
    CHECK_FALSE(parse_number("abc"));
    CHECK_FALSE(parse_number("12abc"));
    CHECK_FALSE(parse_number("1.2.3"));
    CHECK_FALSE(parse_number("1 2"));
    CHECK_FALSE(parse_number("+"));
    CHECK_FALSE(parse_number("-"));
    CHECK_FALSE(parse_number("++3"));
    CHECK_FALSE(parse_number("0x10"));
    CHECK_FALSE(parse_number("1,5"));  // a comma is not a decimal point without decimal_comma
}

TEST_CASE("A plus sign followed by a minus sign is no number", "[io][number]") {
    CHECK_FALSE(parse_number("+-3"));
    CHECK_FALSE(parse_number("+-3", kDecimalComma));
}

TEST_CASE("nan and infinity are rejected in every spelling", "[io][number]") {
    for (const std::string_view text :
         {"nan", "NaN", "-nan", "+nan", "inf", "-inf", "+inf", "Infinity", "INF", "1e400"}) {
        INFO(std::string(text));
        CHECK_FALSE(parse_number(text));
        CHECK_FALSE(parse_number(text, kDecimalComma));
    }
}

TEST_CASE("With a decimal comma, 0,5 is one half", "[io][number]") {
    CHECK_THAT(value_of("0,5", kDecimalComma), WithinRel(0.5));
    CHECK_THAT(value_of("-0,25", kDecimalComma), WithinRel(-0.25));
    CHECK_THAT(value_of(" 12,75 ", kDecimalComma), WithinRel(12.75));
    CHECK_THAT(value_of("3", kDecimalComma), WithinRel(3.0));
}

TEST_CASE("With a decimal comma, spaces group digits", "[io][number]") {
    CHECK_THAT(value_of("1 150 000", kDecimalComma), WithinRel(1150000.0));
    CHECK_THAT(value_of("1 150 000,50", kDecimalComma), WithinRel(1150000.5));
    CHECK_THAT(value_of("12'500", kDecimalComma), WithinRel(12500.0));
}

TEST_CASE("With a decimal comma, no-break spaces group digits", "[io][number]") {
    // U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE, as Excel writes them.
    CHECK_THAT(value_of("1\u00A0150\u00A0000", kDecimalComma), WithinRel(1150000.0));
    CHECK_THAT(value_of("1\u202F150\u202F000,5", kDecimalComma), WithinRel(1150000.5));
    CHECK_THAT(value_of("2\u00A0000\u202F000", kDecimalComma), WithinRel(2000000.0));
}

TEST_CASE("With a decimal comma, a decimal point alone still reads as a point", "[io][number]") {
    CHECK_THAT(value_of("1.5", kDecimalComma), WithinRel(1.5));
    CHECK_THAT(value_of("-0.75", kDecimalComma), WithinRel(-0.75));
}

TEST_CASE("With a decimal comma, ambiguous numbers are rejected", "[io][number]") {
    CHECK_FALSE(parse_number("1,2,3", kDecimalComma));
    CHECK_FALSE(parse_number("1.000,5", kDecimalComma));
    CHECK_FALSE(parse_number("1,000.5", kDecimalComma));
    CHECK_FALSE(parse_number(",", kDecimalComma));
    CHECK_FALSE(parse_number("abc", kDecimalComma));
    CHECK_FALSE(parse_number("", kDecimalComma));
    CHECK_FALSE(parse_number("0,5 kr", kDecimalComma));
}

TEST_CASE("Valid UTF-8 has no invalid byte", "[io][utf8]") {
    CHECK(bad_offset("") == -1);
    CHECK(bad_offset("plain ASCII, longer than one eight-byte block") == -1);
    CHECK(bad_offset("åäö ÅÄÖ") == -1);
    CHECK(bad_offset("Kommunledningsförvaltningen – IT-kontoret") == -1);
    CHECK(bad_offset("emoji \xF0\x9F\x98\x80 and \xE2\x82\xAC") == -1);  // 😀 and €
    CHECK(bad_offset("\xF4\x8F\xBF\xBF") == -1);                         // U+10FFFF, the last
    CHECK(bad_offset("\xEE\x80\x80") == -1);                             // U+E000, after surrogates
    // A two-byte character straddling the first eight-byte block.
    CHECK(bad_offset("abcdefgå then plenty of ASCII") == -1);
}

TEST_CASE("A lone continuation byte is invalid", "[io][utf8]") {
    CHECK(bad_offset("\x80") == 0);
    CHECK(bad_offset("ab\xBF") == 2);
    CHECK(bad_offset("å\xA5") == 2);
}

TEST_CASE("A sequence cut short is invalid at its lead byte", "[io][utf8]") {
    CHECK(bad_offset("ab\xC3") == 2);
    CHECK(bad_offset("\xE2\x82") == 0);
    CHECK(bad_offset("x\xF0\x9F\x98") == 1);
    // Cut short by an ASCII byte rather than the end.
    CHECK(bad_offset("\xC3"
                     "A") == 0);
    CHECK(bad_offset("\xE2\x82"
                     "A") == 0);
    CHECK(bad_offset("\xF0\x9F\x98"
                     "A") == 0);
}

TEST_CASE("Overlong encodings are invalid", "[io][utf8]") {
    CHECK(bad_offset("\xC0\xAF") == 0);
    CHECK(bad_offset("\xC1\xBF") == 0);
    CHECK(bad_offset("\xE0\x80\xAF") == 0);
    CHECK(bad_offset("ok\xF0\x80\x80\xAF") == 2);
}

TEST_CASE("Surrogates and code points above U+10FFFF are invalid", "[io][utf8]") {
    CHECK(bad_offset("\xED\xA0\x80") == 0);
    CHECK(bad_offset("a\xED\xBF\xBF") == 1);
    CHECK(bad_offset("\xF4\x90\x80\x80") == 0);
    CHECK(bad_offset("\xF5\x80\x80\x80") == 0);
}

TEST_CASE("Bytes that never occur in UTF-8 are invalid", "[io][utf8]") {
    CHECK(bad_offset("\xFF") == 0);
    CHECK(bad_offset("\xFE") == 0);
    CHECK(bad_offset("caf\xE9") == 3);  // Latin-1 é
}

TEST_CASE("The offset is that of the first bad byte, also past the first eight-byte block",
          "[io][utf8]") {
    CHECK(bad_offset("abcdefghij\xFF") == 10);
    CHECK(bad_offset("abcdefgh\x80") == 8);
    CHECK(bad_offset("0123456789abcdef0123\xC0\xAF tail \xFF") == 20);
    // Valid multi-byte text before the bad byte: å, ä and ö are two bytes each.
    const std::string text =
        "abcdefgh"
        "åäö"
        "ijklmnopqrstuvw"
        "\xED\xA0\x80"
        "xyz";
    CHECK(bad_offset(text) == 8 + 6 + 15);
    // Only the first of several bad bytes is reported.
    CHECK(bad_offset("0123456789\xFF\xFE\x80") == 10);
}
