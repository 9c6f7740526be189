// The scenario reader (scenario::read_scenario), and each scenario it reads applied to the
// minimal example model (scenario::apply), where ids are checked. Bad input must end in
// reorg::Error; anything else is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto base = reorg::io::load_model(REORG_FUZZ_BASE_MODEL);
    const auto path = reorg::fuzz::write_scratch("scenario.yaml", reorg::fuzz::as_text(data, size));
    try {
        const auto scenario = reorg::scenario::read_scenario(path);
        const auto applied = reorg::scenario::apply(base, scenario);
        (void)applied;
    } catch (const reorg::Error&) {
    }
    return 0;
}
