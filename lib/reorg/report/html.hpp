#pragma once
#include <iosfwd>

#include "reorg/report/report.hpp"

/// The report's page: one self-contained HTML document (inline CSS, SVG and a small script),
/// readable with scripts off, printable on A4.
namespace reorg::report {

/// Writes the page. Every name and id from the model is HTML-escaped.
void write_html(std::ostream& out, const Report& report);

}  // namespace reorg::report
