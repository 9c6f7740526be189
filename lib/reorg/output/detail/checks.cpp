#include "reorg/output/detail/checks.hpp"

#include <cmath>
#include <ostream>

#include "reorg/output/text_table.hpp"

namespace reorg::output::detail {

nlohmann::ordered_json figure_json(std::optional<double> value) {
    if (!value || !std::isfinite(*value)) return nullptr;
    return *value;
}

std::string figure_text(std::optional<double> value) {
    if (!value) return "–";
    if (std::isinf(*value)) return *value > 0 ? "never" : "-infinity";
    return format_number(*value, 4);
}

nlohmann::ordered_json violation_json(const check::Violation& violation) {
    return {{"rule", violation.rule},
            {"subject", violation.subject},
            {"value", figure_json(violation.value)},
            {"limit", figure_json(violation.limit)},
            {"detail", violation.detail}};
}

nlohmann::ordered_json finding_checks_json(const model::Model& base,
                                           std::span<const check::FindingCheck> checks) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& c : checks) {
        const auto& finding = base[c.finding];
        list.push_back({{"finding", std::string(finding.id)},
                        {"kind", std::string(model::to_string(finding.kind))},
                        {"check", std::string(finding.check)},
                        {"state", std::string(check::to_string(c.outcome.state))},
                        {"value", figure_json(c.outcome.value)},
                        {"limit", figure_json(c.outcome.limit)},
                        {"reason", c.outcome.reason}});
    }
    return list;
}

void write_violations(std::ostream& out, std::span<const check::Violation> violations,
                      std::size_t indent) {
    TextTable table({"rule", "subject", "value", "limit", "what"},
                    {Align::Left, Align::Left, Align::Right, Align::Right, Align::Left});
    for (const auto& v : violations) {
        table.add_row({v.rule, v.subject, figure_text(v.value), figure_text(v.limit),
                       shorten(one_line_text(v.detail), 60)});
    }
    table.write(out, indent);
}

}  // namespace reorg::output::detail
