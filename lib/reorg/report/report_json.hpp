#pragma once
#include <iosfwd>

#include "reorg/report/report.hpp"

/// report.json: every number of the report, for tools that read it.
namespace reorg::report {

void write_report_json(std::ostream& out, const Report& report);

}  // namespace reorg::report
