#pragma once
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "reorg/analysis/findings.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/model/model.hpp"

/// `reorg findings` output, and the `findings` object of `reorg analyze --json` (SPEC §5).
namespace reorg::output {

struct FindingsOutputOptions {
    /// Only this unit and the units below it: their answers, the why-chains of their problems,
    /// and the root causes and loops their problems and causes lead to (weights stay those of
    /// the whole review).
    std::optional<model::UnitId> unit;
    std::size_t width = 100;  ///< text: statements are wrapped to lines of this many characters
    /// The findings' checks evaluated on the model (check::evaluate_findings): a "Checks"
    /// section, and in JSON `checks` and `check_warnings`. None when null.
    const std::vector<check::FindingCheck>* checks = nullptr;
};

/// Plain text for a management group: a net-score table per unit; per unit what works, what
/// does not and why (each statement with severity × count and its source); the root causes,
/// heaviest first, with the problems that lead to them; the why-chain of every problem as an
/// indented tree; the loops; the problems the review gave no cause for; and each check with
/// its state, when options.checks is given.
void write_findings_text(std::ostream& out, const model::Model& model,
                         const analysis::FindingsAnalysis& analysis,
                         const FindingsOutputOptions& options = {});

/// The JSON object, compact: `root_causes` [{`causes`, `weight`, `loop`, `reached_from`}]
/// heaviest first, `loops` [[ids]], `loops_truncated`, `units` [{`unit`, `name`, `net`,
/// `net_rollup`, `works`, `doesnt_work`, `why`}] in tree order, `chains` [{`finding`, `paths`
/// [[ids]], `truncated`}], `unexplained` [ids]; with options.checks also `checks` [{`finding`,
/// `kind`, `check`, `state`, `value`, `limit`, `reason`}] and `check_warnings` [ids of
/// doesnt_work findings whose check already holds]. Findings and units are given by their ids.
[[nodiscard]] std::string findings_json_text(const model::Model& model,
                                             const analysis::FindingsAnalysis& analysis,
                                             const FindingsOutputOptions& options = {});

/// The same object, indented, followed by a newline: the whole of `reorg findings --json`.
void write_findings_json(std::ostream& out, const model::Model& model,
                         const analysis::FindingsAnalysis& analysis,
                         const FindingsOutputOptions& options = {});

}  // namespace reorg::output
