// End-to-end: names and ids from a hostile file reach the terminal with their control
// characters shown escaped (SPEC §3), while JSON and CSV keep them by their own rules.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using reorg::test::reorg_cli;

namespace {

// A unit whose name retitles an xterm (OSC 0 … BEL), a post whose title clears the screen
// (ESC [ 2 J) and one with a C1 control (U+009B, the one-byte CSI).
constexpr std::string_view kRetitle = "IT\x1b]0;pwned\x07-kontoret";
constexpr std::string_view kClear = "Chef\x1b[2J";
constexpr std::string_view kC1 = "Tekniker\xc2\x9b";

struct HostileModel {
    reorg::test::TempFolder folder;
    std::string dir = (folder.path() / "m").string();

    HostileModel() {
        folder.write("m/units.csv",
                     "id,name,kind,parent,head\nA,Förvaltning,administration,,A1\n"
                     "B," +
                         std::string(kRetitle) + ",office,A,B1\n");
        folder.write("m/posts.csv", "id,title,unit,reports_to,person\nA1," + std::string(kClear) +
                                        ",A,,P1\nB1," + std::string(kC1) + ",B,A1,\n");
    }
};

bool has_control(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("text output and messages show control characters escaped", "[cli][terminal]") {
    const HostileModel m;
    for (const auto* command : {"stats", "validate", "analyze", "findings"}) {
        const auto run = reorg_cli(std::string(command) + " " + m.dir);
        INFO(command << "\n" << run.out << run.err);
        CHECK(run.exit_code == 0);
        CHECK_FALSE(has_control(run.out));
        CHECK_FALSE(has_control(run.err));
    }
    const auto stats = reorg_cli("stats " + m.dir);
    CHECK_THAT(stats.out, Catch::Contains("IT\\x1b]0;pwned\\x07-kontoret"));
    // A message quoting a hostile id: the unknown unit of a post.
    m.folder.write("m/posts.csv", "id,title,unit,reports_to\nA1,Chef,A,\nB1,T,X\x1b[2J,A1\n");
    const auto bad = reorg_cli("validate " + m.dir);
    CHECK(bad.exit_code == 2);
    CHECK_FALSE(has_control(bad.err));
    CHECK_THAT(bad.err, Catch::Contains("X\\x1b[2J"));
}

TEST_CASE("JSON and CSV keep control characters by their own rules", "[cli][terminal]") {
    const HostileModel m;
    const auto json = reorg_cli("stats " + m.dir + " --json");
    REQUIRE(json.exit_code == 0);
    CHECK(json.out.find('\x1b') == std::string::npos);  // JSON escapes C0 itself: \u001b
    const auto doc = nlohmann::json::parse(json.out);
    bool found = false;
    for (const auto& unit : doc["by_unit"]) found |= unit["name"] == kRetitle;
    CHECK(found);  // and the name reads back exactly
    const auto csv = reorg_cli("stats " + m.dir + " --csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.find(kRetitle) != std::string::npos);  // CSV carries them as they are
}
