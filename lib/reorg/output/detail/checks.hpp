#pragma once
#include <iosfwd>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "reorg/check/evaluate.hpp"
#include "reorg/check/rules.hpp"

/// The pieces of check and rule output that `check`, `compare` and `findings` share.
namespace reorg::output::detail {

/// A check's figure in JSON: the number, or null when unknown or not finite.
[[nodiscard]] nlohmann::ordered_json figure_json(std::optional<double> value);

/// A check's figure for people: "1.35", "never" for a distance that is never reached, "–"
/// for none.
[[nodiscard]] std::string figure_text(std::optional<double> value);

/// `{rule, subject, value, limit, detail}`.
[[nodiscard]] nlohmann::ordered_json violation_json(const check::Violation& violation);

/// `[{finding, kind, check, state, value, limit, reason}]`, one per finding with a check.
[[nodiscard]] nlohmann::ordered_json finding_checks_json(
    const model::Model& base, std::span<const check::FindingCheck> checks);

/// The violations as a table (rule, subject, value, limit, what), `indent` spaces in.
void write_violations(std::ostream& out, std::span<const check::Violation> violations,
                      std::size_t indent = 2);

}  // namespace reorg::output::detail
