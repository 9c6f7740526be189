#include "reorg/report/write.hpp"

#include <array>
#include <fstream>
#include <string_view>

#include "reorg/base/atomic_file.hpp"
#include "reorg/base/error.hpp"
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
    std::ofstream out(file, std::ios::binary);
    writer(out, report);
    out.close();
    if (!out) throw InputError({file.string()}, "cannot write the file");
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
    if (!fs::is_directory(fs::absolute(folder).parent_path())) {
        throw InputError({folder.string()}, "cannot write here: the folder does not exist");
    }
    (void)base::folder_write(folder, kFiles, options.force);
}

void write_report(const Report& report, fs::path folder, const WriteOptions& options) {
    check_output(folder, options);
    const auto how = base::folder_write(folder, kFiles, options.force);
    if (how == base::FolderWrite::Replace) {
        base::AtomicFolder staged(folder);
        write_files(report, staged.path(), options);
        staged.commit();
        return;
    }
    // Beside files of others: each of ours written in a staging folder, then moved in one by
    // one (each rename atomic), leaving the others alone.
    base::AtomicFolder staged(folder.string() + ".reorg-staging");
    write_files(report, staged.path(), options);
    for (const auto name : kFiles) {
        const auto from = staged.path() / name;
        if (!fs::exists(from)) continue;
        std::error_code error;
        fs::rename(from, folder / name, error);
        if (error) {
            throw InputError({(folder / name).string()}, "cannot write: " + error.message());
        }
    }
}

}  // namespace reorg::report
