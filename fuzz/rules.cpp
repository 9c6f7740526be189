// The rules reader (check::read_rules) against the minimal example model, and the rules it
// reads held against that model (scenario::check_rules; cheap on ten posts). Bad input must
// end in reorg::Error; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/io/load.hpp"
#include "reorg/scenario/verify.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto base = reorg::io::load_model(REORG_FUZZ_BASE_MODEL);
    const auto path = reorg::fuzz::write_scratch("rules.yaml", reorg::fuzz::as_text(data, size));
    try {
        const auto rules = reorg::check::read_rules(path, base);
        const auto broken = reorg::scenario::check_rules(base, {}, rules);
        (void)broken;
    } catch (const reorg::Error&) {
    }
    return 0;
}
