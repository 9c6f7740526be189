#pragma once
#include <iosfwd>

#include "reorg/analysis/structure.hpp"
#include "reorg/model/model.hpp"

/// `reorg stats` output: a readable summary, the JSON document of SPEC §5, and a per-unit CSV.
namespace reorg::output {

/// Summary figures, spans, layers, flagged managers, then one line per unit (indented by depth).
void write_structure_table(std::ostream& out, const model::Model& model,
                           const analysis::Structure& structure);

/// The JSON keys of SPEC §5 (`posts`, `vacant`, `span` {...}, `by_unit` [...], ...).
void write_structure_json(std::ostream& out, const model::Model& model,
                          const analysis::Structure& structure);

/// One row per unit, own and rolled-up figures, for a spreadsheet.
void write_structure_csv(std::ostream& out, const model::Model& model,
                         const analysis::Structure& structure);

}  // namespace reorg::output
