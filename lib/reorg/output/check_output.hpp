#pragma once
#include <iosfwd>
#include <span>
#include <string>

#include "reorg/scenario/verify.hpp"

/// `reorg check` output (SPEC §4.2): every rule violation of the base and of each scenario.
namespace reorg::output {

/// Per model (the base first) its violations as a table, or that it keeps every rule; last a
/// line saying how many models break a rule.
void write_check_table(std::ostream& out, const std::string& rules_file,
                       std::span<const scenario::ModelViolations> models);

/// `{rules, models: [{name, violations: [{rule, subject, value, limit, detail}]}], broken}`,
/// `broken` the number of models with a violation.
void write_check_json(std::ostream& out, const std::string& rules_file,
                      std::span<const scenario::ModelViolations> models);

/// The number of models with at least one violation.
[[nodiscard]] std::size_t models_broken(std::span<const scenario::ModelViolations> models);

}  // namespace reorg::output
