// The check language (model::parse_condition). What parses must read back as itself
// (to_string then parse_condition gives an equal condition), have its ids checked against the
// minimal example model and, when they all name what their functions need, evaluate there.
// A ConditionError (a reorg::Error) is the expected end of bad input; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "reorg/base/error.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/condition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto base = reorg::io::load_model(REORG_FUZZ_BASE_MODEL);
    static const reorg::graph::ModelGraphs graphs(base);
    static const reorg::check::Facts facts(graphs);
    static const auto resolve = reorg::check::ids_in(base);

    const auto text = reorg::fuzz::as_text(data, size);
    reorg::model::Condition condition;
    try {
        condition = reorg::model::parse_condition(text);
    } catch (const reorg::Error&) {
        return 0;
    }
    const auto written = reorg::model::to_string(condition);
    try {
        if (reorg::model::parse_condition(written) != condition) {
            std::fprintf(stderr, "to_string gives another condition: %s\n", written.c_str());
            std::abort();
        }
    } catch (const reorg::Error& error) {
        std::fprintf(stderr, "to_string gives `%s`, which does not parse: %s\n", written.c_str(),
                     error.what());
        std::abort();
    }
    if (!reorg::model::check_ids(condition, base).empty()) return 0;
    try {
        (void)reorg::check::evaluate(condition, facts, resolve);
    } catch (const reorg::Error&) {
    }
    return 0;
}
