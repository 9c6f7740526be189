// Spelling numbers into a reused buffer, and escaping text for a terminal in bulk.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"

using namespace reorg::base;

TEST_CASE("append_amount and append_number add to what the buffer holds", "[base][text]") {
    std::string cell = "cost ";
    append_amount(cell, 1234567.5);
    CHECK(cell == "cost 1 234 568");
    cell.clear();
    append_amount(cell, -999.6);
    CHECK(cell == "-1 000");
    cell.clear();
    append_number(cell, 2.50);
    cell += '|';
    append_number(cell, -0.001);
    cell += '|';
    append_number(cell, 7.125, 1);
    CHECK(cell == "2.5|0|7.1");
}

TEST_CASE("amounts and numbers are spelt alike at every magnitude", "[base][text]") {
    struct Spelling {
        double value;
        const char* amount;
        const char* number;  // three decimals at most
    };
    const Spelling spellings[] = {
        {0, "0", "0"},
        {-0.0, "0", "0"},
        {0.5, "1", "0.5"},
        {-1234.4, "-1 234", "-1234.4"},
        {999.5, "1 000", "999.5"},
        {123456789012.75, "123 456 789 013", "123456789012.75"},
        {-8.9e18, "-8 900 000 000 000 000 000", "-8900000000000000000"},
        {9.5e18, "9500000000000000000", "9500000000000000000"},  // past a long long
        {1e70, "1e+70", "1e+70"},                                // too long in fixed notation
        {std::numeric_limits<double>::quiet_NaN(), "nan", "nan"},
        {-std::numeric_limits<double>::infinity(), "-inf", "-inf"},
    };
    for (const auto& [value, amount, number] : spellings) {
        INFO(value);
        CHECK(format_amount(value) == amount);
        CHECK(format_number(value, 3) == number);
        std::string cell = "|";
        append_amount(cell, value);
        append_number(cell, value, 3);
        CHECK(cell == "|" + std::string(amount) + number);
    }
}

TEST_CASE("terminal escaping keeps line breaks and tabs and escapes every control in a block",
          "[base][escape]") {
    // Several lines at once, as a table writes them: every control character after the first
    // line break is escaped as well as those before it.
    const std::string block =
        "unit\tA\n"
        "IT\x1b]0;x\x07-kontoret\n"
        "Chef\x1b[2J\n"
        "Tekniker\xc2\x9b\n"
        "Förvaltning \xc2\xa0 § ok\n"
        "\x7f";
    CHECK(terminal_escaped(block) ==
          "unit\tA\n"
          "IT\\x1b]0;x\\x07-kontoret\n"
          "Chef\\x1b[2J\n"
          "Tekniker\\x9b\n"
          "Förvaltning \xc2\xa0 § ok\n"
          "\\x7f");
    std::string out = "kept ";
    append_terminal(out, "a\rb\xc2");  // a lone lead byte at the end stays as it is
    CHECK(out == "kept a\\x0db\xc2");
}
