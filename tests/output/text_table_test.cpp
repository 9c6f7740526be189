// Text tables: held rows and rows made while the table is written line up alike.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reorg/output/text_table.hpp"

using reorg::output::Align;
using reorg::output::TextTable;

namespace {

const std::vector<std::vector<std::string>> kRows = {
    {"Förvaltning", "12", "1 200"},
    {"  IT-kontoret", "3", "45"},
    {"  Ekonomi och lön", "105", "2 345 678"},
};

TextTable table() {
    return TextTable({"unit", "posts", "cost"}, {Align::Left, Align::Right, Align::Right});
}

}  // namespace

TEST_CASE("rows made on demand print as the same rows held", "[output][text_table]") {
    auto held = table();
    for (const auto& row : kRows) held.add_row(row);
    std::ostringstream expected;
    held.write(expected, 2);
    CHECK(expected.str() ==
          "  unit               posts       cost\n"
          "  -----------------  -----  ---------\n"
          "  Förvaltning           12      1 200\n"
          "    IT-kontoret          3         45\n"
          "    Ekonomi och lön    105  2 345 678\n");

    std::vector<std::size_t> made;
    std::ostringstream streamed;
    table().write(
        streamed, kRows.size(),
        [&](std::size_t i, TextTable::Cells cells) {
            for (const auto& cell : cells) CHECK(cell.empty());
            made.push_back(i);
            for (std::size_t c = 0; c < cells.size(); ++c) cells[c] += kRows[i][c];
        },
        2);
    CHECK(streamed.str() == expected.str());
    // Made once each, in order: the text of the cells is kept until the widths are known.
    CHECK(made == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("a made row widens its column and follows the held rows", "[output][text_table]") {
    auto t = table();
    t.add_row({"A", "1", "2"});
    std::ostringstream out;
    t.write(out, 1, [](std::size_t, TextTable::Cells cells) {
        cells[0] += "Å-enheten";
        cells[1] += "1000";
    });
    CHECK(out.str() ==
          "unit       posts  cost\n"
          "---------  -----  ----\n"
          "A              1     2\n"
          "Å-enheten   1000      \n");
}

TEST_CASE("a table longer than one block is written whole", "[output][text_table]") {
    constexpr std::size_t kRowsMade = 20000;  // about 300 kB, several blocks
    std::ostringstream out;
    TextTable({"n", "square"}, {Align::Right, Align::Right})
        .write(out, kRowsMade, [](std::size_t i, TextTable::Cells cells) {
            cells[0] += std::to_string(i);
            cells[1] += std::to_string(i * i);
        });
    const auto text = out.str();
    std::size_t lines = 0;
    for (const char c : text) lines += c == '\n' ? 1 : 0;
    CHECK(lines == kRowsMade + 2);
    CHECK(text.substr(text.size() - 18) == "\n19999  399960001\n");
}
