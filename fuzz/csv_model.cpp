// The CSV model folder (io::read_csv_folder): the input is the folder's files in order, cut at
// `----` lines, so that references between the tables are in reach. Bad input must end in
// reorg::Error; anything else escaping, a crash or a sanitizer report is a bug.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"

namespace {
constexpr std::array<std::string_view, 5> kFiles = {"units.csv", "posts.csv", "people.csv",
                                                    "links.csv", "findings.csv"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = reorg::fuzz::as_text(data, size);
    const auto text = reorg::fuzz::take_encoding(input);
    const auto parts = reorg::fuzz::split_parts(input, kFiles.size());
    for (std::size_t f = 0; f < kFiles.size(); ++f) {
        const auto name = std::filesystem::path("model") / kFiles[f];
        if (f < parts.size()) {
            reorg::fuzz::write_scratch(name, parts[f]);
        } else {
            reorg::fuzz::remove_scratch(name);
        }
    }
    try {
        reorg::Diagnostics diagnostics;
        const auto model =
            reorg::io::read_csv_folder(reorg::fuzz::scratch_folder() / "model", diagnostics, text);
        (void)model;
    } catch (const reorg::Error&) {
    }
    return 0;
}
