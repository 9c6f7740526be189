#pragma once
#include <filesystem>

#include "reorg/report/report.hpp"

/// Writing the report's folder: the page, report.json and report.xlsx (and report.pdf when
/// asked), all or nothing.
namespace reorg::report {

struct WriteOptions {
    bool pdf = false;    ///< print the page to report.pdf through headless Chromium
    bool force = false;  ///< write into a folder that holds other files (only ours replaced)
};

/// Writes `folder`/index.html, report.json, report.xlsx (and report.pdf) under a temporary
/// folder beside it and renames it into place, so that a failure leaves the old report (or
/// nothing) behind. A folder holding files reorg did not write is refused (InputError) unless
/// `force`, which writes each file in place and leaves the others alone. A symlink is followed.
/// Throws Error when Chromium is needed and missing or fails.
/// Throws as write_report() would for `folder` before anything is computed: it is a file, or
/// holds files of others without `force`, or `pdf` is asked and Chromium is missing.
void check_output(std::filesystem::path folder, const WriteOptions& options = {});

void write_report(const Report& report, std::filesystem::path folder,
                  const WriteOptions& options = {});

}  // namespace reorg::report
