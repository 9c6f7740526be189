// The organogram importer (io::import_organogram): the senior file, then optionally `----` and
// the junior file. Bad input must end in reorg::Error; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = reorg::fuzz::as_text(data, size);
    const auto text = reorg::fuzz::take_encoding(input);
    const auto parts = reorg::fuzz::split_parts(input, 2);
    const auto senior = reorg::fuzz::write_scratch("senior.csv", parts[0]);
    std::optional<std::filesystem::path> junior;
    if (parts.size() > 1) junior = reorg::fuzz::write_scratch("junior.csv", parts[1]);
    try {
        reorg::Diagnostics diagnostics;
        const auto model = reorg::io::import_organogram(senior, junior, text, diagnostics);
        (void)reorg::io::imported_headcount(model);
    } catch (const reorg::Error&) {
    }
    return 0;
}
