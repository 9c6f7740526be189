#include "reorg/report/write.hpp"

#include <array>
#include <ostream>
#include <string_view>

#include "reorg/base/atomic_file.hpp"
#include "reorg/base/error.hpp"
#include "reorg/base/file_buffer.hpp"
#include "reorg/report/html.hpp"
#include "reorg/report/pdf.hpp"
#include "reorg/report/report_json.hpp"
#include "reorg/report/workbook.hpp"

namespace reorg::report {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 4> kFiles = {"index.html", "report.json", "report.xlsx",
                                                    "report.pdf"};

void write_text(const fs::path& file, const Report& report,
                void (*writer)(std::ostream&, const Report&)) {
    base::OutputFile out(file);
    writer(out.stream(), report);
    out.close();
}

/// Writes every file into `folder` (a fresh temporary one).
void write_files(const Report& report, const fs::path& folder, const WriteOptions& options) {
    write_text(folder / "index.html", report, write_html);
    write_text(folder / "report.json", report, write_report_json);
    write_workbook(report, folder / "report.xlsx");
    if (options.pdf) print_pdf(folder / "index.html", folder / "report.pdf");
}

}  // namespace

void check_output(fs::path folder, const WriteOptions& options) {
    if (options.pdf && !find_chromium()) {
        throw Error(
            "--pdf needs Chromium, and none was found (Debian: apt-get install "
            "chromium; or set REORG_CHROMIUM)");
    }
    std::error_code error;
    if (!fs::is_directory(fs::absolute(folder).parent_path(), error)) {
        throw InputError({folder.string()}, "cannot write here: the folder does not exist");
    }
    (void)base::folder_write(folder, kFiles, options.force);
}

void write_report(const Report& report, fs::path folder, const WriteOptions& options) {
    check_output(folder, options);
    base::write_folder(folder, kFiles, options.force,
                       [&](const fs::path& into) { write_files(report, into, options); });
}

}  // namespace reorg::report
