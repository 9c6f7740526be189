// The YAML model (io::read_yaml_model). Bad input must end in reorg::Error; anything else
// escaping (a YAML::Exception), a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = reorg::fuzz::as_text(data, size);
    const auto text = reorg::fuzz::take_encoding(input);
    const auto path = reorg::fuzz::write_scratch("model.yaml", input);
    try {
        reorg::Diagnostics diagnostics;
        const auto model = reorg::io::read_yaml_model(path, diagnostics, text);
        (void)model;
    } catch (const reorg::Error&) {
    }
    return 0;
}
