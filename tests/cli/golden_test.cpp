// The documented outputs of `reorg` on the example municipality, compared byte for byte with
// the approved files in tests/golden/ (decimal numbers within a tolerance where a case says
// `approx`). The cases are listed once, in tests/golden/cases.txt, which
// scripts/approve-golden.sh reads too.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_cli.hpp"

namespace {

const std::string kGoldenDir = REORG_GOLDEN_DIR;
const std::string kHint = "re-approve with: bash scripts/approve-golden.sh";

struct GoldenCase {
    std::string file;  ///< the approved output, in kGoldenDir
    int exit_code = 0;
    bool with_stderr = false;  ///< the file holds stdout, then stderr; otherwise stdout only
    bool approx = false;       ///< decimal numbers match within kRelativeTolerance
    std::string args;          ///< after `reorg`, as typed in a shell at the repository root
};

// analyze's betweenness differs in the last of its 17 digits with the number of threads.
constexpr double kRelativeTolerance = 1e-12;

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

/// The cases of cases.txt: FILE<TAB>EXIT<TAB>FLAGS<TAB>ARGS; `#` starts a comment line.
std::vector<GoldenCase> read_cases() {
    const auto path = kGoldenDir + "/cases.txt";
    const auto text = read_file(path);
    INFO(path);
    REQUIRE(text.has_value());
    std::vector<GoldenCase> cases;
    int number = 0;
    for (const auto& line : split(*text, '\n')) {
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto fields = split(line, '\t');
        INFO("cases.txt:" << number << ": " << line);
        REQUIRE(fields.size() == 4);
        GoldenCase golden{.file = fields[0], .exit_code = std::stoi(fields[1]), .args = fields[3]};
        for (const auto& flag : split(fields[2], ',')) {
            REQUIRE((flag == "-" || flag == "stderr" || flag == "approx"));
            golden.with_stderr = golden.with_stderr || flag == "stderr";
            golden.approx = golden.approx || flag == "approx";
        }
        cases.push_back(golden);
    }
    return cases;
}

/// Whether two lines are the same but for decimal numbers within kRelativeTolerance.
bool same_but_rounding(const std::string& approved, const std::string& actual) {
    static const std::regex number("-?[0-9]+(?:\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)");
    if (std::regex_replace(approved, number, "#") != std::regex_replace(actual, number, "#")) {
        return false;
    }
    std::sregex_iterator a(approved.begin(), approved.end(), number);
    std::sregex_iterator b(actual.begin(), actual.end(), number);
    for (; a != std::sregex_iterator() && b != std::sregex_iterator(); ++a, ++b) {
        const double x = std::stod(a->str());
        const double y = std::stod(b->str());
        if (std::abs(x - y) > kRelativeTolerance * std::max(std::abs(x), std::abs(y))) return false;
    }
    return true;
}

std::string_view line_at(const std::vector<std::string>& lines, std::size_t index) {
    return index < lines.size() ? std::string_view(lines[index]) : "<end of output>";
}

/// Where ACTUAL first differs from APPROVED, by line, showing both lines; empty if nowhere.
std::string first_difference(const std::string& approved, const std::string& actual, bool approx) {
    if (approved == actual) return "";
    const auto approved_lines = split(approved, '\n');
    const auto actual_lines = split(actual, '\n');
    std::size_t index = 0;
    while (index < approved_lines.size() && index < actual_lines.size() &&
           (approved_lines[index] == actual_lines[index] ||
            (approx && same_but_rounding(approved_lines[index], actual_lines[index])))) {
        ++index;
    }
    std::ostringstream out;
    if (index == approved_lines.size() && index == actual_lines.size()) {
        // split() cannot see a final newline; the approx comparison of the lines may pass.
        const auto ends_in_newline = [](const std::string& text) {
            return !text.empty() && text.back() == '\n';
        };
        if (ends_in_newline(approved) == ends_in_newline(actual)) return "";
        out << "the lines are the same; only the final newline differs";
    } else {
        out << "first difference on line " << index + 1 << ":\n"
            << "  approved: " << line_at(approved_lines, index) << "\n"
            << "  actual:   " << line_at(actual_lines, index);
    }
    return out.str();
}

}  // namespace

TEST_CASE("reorg's documented outputs on the example municipality match the approved files",
          "[cli][golden]") {
    const auto cases = read_cases();
    REQUIRE(!cases.empty());
    for (const auto& golden : cases) {
        DYNAMIC_SECTION(golden.file << ": reorg " << golden.args) {
            // From the repository root, so that messages name the model as data/kommun/...
            const auto run =
                reorg::test::run_command("cd '" REORG_SOURCE_DIR "' && '" +
                                         std::string(REORG_EXECUTABLE) + "' " + golden.args);
            INFO("reorg " << golden.args << "\nstderr: " << run.err);
            CHECK(run.exit_code == golden.exit_code);

            const auto actual = golden.with_stderr ? run.out + run.err : run.out;
            const auto approved = read_file(kGoldenDir + "/" + golden.file);
            const std::string difference =
                approved ? first_difference(*approved, actual, golden.approx)
                         : "no approved file " + kGoldenDir + "/" + golden.file;
            INFO(golden.file << ": " << difference << "\n" << kHint);
            const bool output_matches_the_approved_file = difference.empty();
            CHECK(output_matches_the_approved_file);
        }
    }
}
