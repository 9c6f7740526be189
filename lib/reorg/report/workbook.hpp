#pragma once
#include <filesystem>

#include "reorg/report/report.hpp"

/// The report as a workbook (SPEC §8) for the finance and HR staff who continue in a
/// spreadsheet. The one adapter over libxlsxwriter: no other code touches its C API.
namespace reorg::report {

/// Writes `file` (.xlsx) with the sheets Figures (per unit, rolled up), Comparison (the rows
/// of `compare`, base and each scenario), Affected posts, Findings (with each scenario's
/// verdict) and Rule violations. Numbers are numbers, the header row of every sheet is frozen,
/// and every text is written as text (never as a formula). People's names only with
/// ReportOptions::names. Throws Error with libxlsxwriter's message when it cannot write.
void write_workbook(const Report& report, const std::filesystem::path& file);

}  // namespace reorg::report
