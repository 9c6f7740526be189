#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>

#include "reorg/scenario/compare.hpp"

/// `reorg compare` output: the side-by-side table with the traceability in words, the JSON
/// document of SPEC §5 and §7, and the table as CSV.
namespace reorg::output {

struct CompareOutputOptions {
    bool names = false;  ///< holders' names in the affected posts (else filled/vacant)
    std::size_t affected_listed = 40;  ///< affected-post lines per scenario in the table (0: all)
};

/// An affected post's old and new value as the output shows them: ids, except for a holder
/// change, where a name shows only with `names` (else "filled" or "vacant").
struct AffectedText {
    std::string from;
    std::string to;
};
[[nodiscard]] AffectedText affected_text(const scenario::Comparison& comparison,
                                         const scenario::ScenarioResult& result,
                                         const scenario::AffectedChange& change, bool names);

/// Figures side by side (base first), then per scenario what it addresses, puts at risk and
/// changes without a known problem, the budget per administration and the affected posts; last
/// the problems no scenario addresses.
void write_compare_table(std::ostream& out, const scenario::Comparison& comparison,
                         const CompareOutputOptions& options = {});

/// `{columns, rows: {key: [value per column]}, scenarios: [{name, addressed, at_risk,
/// declared_not_touched, changes_without_problem, affected, by_administration}], unaddressed}`.
void write_compare_json(std::ostream& out, const scenario::Comparison& comparison,
                        const CompareOutputOptions& options = {});

/// One line per figure: key, label, then one value per column.
void write_compare_csv(std::ostream& out, const scenario::Comparison& comparison);

}  // namespace reorg::output
