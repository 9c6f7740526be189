#include "reorg/report/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/base/utf8.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/model/kinds.hpp"
#include "reorg/output/compare_output.hpp"

namespace reorg::report {
namespace {

namespace fs = std::filesystem;

/// Excel's limits: characters (UTF-16 code units) in one cell, rows in one sheet.
constexpr std::size_t kMaxCellText = 32'767;
constexpr lxw_row_t kMaxRows = LXW_ROW_MAX;

/// 1980-01-01T00:00:00Z, the date libxlsxwriter gives the archive's members.
constexpr std::time_t kCreated = 315'532'800;

/// Column widths, in Excel's units (about one digit each).
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 50;
constexpr double kMaxTextWidth = 80;  // statements, details

[[noreturn]] void fail(const fs::path& file, const std::string& what, lxw_error error) {
    throw Error(file.string() + ": cannot write the workbook (" + what +
                "): " + lxw_strerror(error));
}

void check(lxw_error error, const fs::path& file, const std::string& what) {
    if (error != LXW_NO_ERROR) fail(file, what, error);
}

/// `text` as one cell can hold it: whole, or cut at a code point with "…" so that it stays
/// within Excel's limit. Code points beyond U+FFFF count twice, as Excel counts them.
std::string cell_text(std::string_view text) {
    if (text.size() <= kMaxCellText) return std::string(text);  // bytes >= UTF-16 units
    std::size_t units = 0;
    std::size_t cut = 0;  // bytes of the longest prefix that leaves room for "…"
    for (std::size_t i = 0; i < text.size();) {
        const auto next = base::next_code_point(text, i);
        units += next - i == 4 ? 2 : 1;
        if (units <= kMaxCellText - 1) cut = next;
        i = next;
    }
    if (units <= kMaxCellText) return std::string(text);
    return std::string(text.substr(0, cut)) + "…";
}

/// About how wide a number shows: its digits, thousands separators and two decimals.
double number_width(double value) {
    char digits[64];
    const int n = std::snprintf(digits, sizeof digits, "%.0f", std::abs(value));
    const double whole = n > 0 ? n : 1;
    return whole + std::floor((whole - 1) / 3) + 3 + (value < 0 ? 1 : 0);
}

/// A column of a sheet: its header, the widest it may be set, and how its numbers show
/// (nullptr: General).
struct Column {
    std::string title;
    lxw_format* format = nullptr;
    double max_width = kMaxWidth;
};

/// One worksheet being filled row by row: a frozen bold header row with a filter, cells left
/// to right, the widths fitted to the content when finished. Stops at Excel's last row and
/// says there how many rows it left out. The sheet belongs to its workbook.
class Sheet {
public:
    Sheet(lxw_worksheet* sheet, std::string name, const fs::path& file, std::vector<Column> columns,
          lxw_format* header)
        : sheet_(sheet), name_(std::move(name)), file_(&file), columns_(std::move(columns)) {
        widths_.assign(columns_.size(), kMinWidth);
        for (const auto& column : columns_) text(column.title, header);
        worksheet_freeze_panes(sheet_, 1, 0);
    }

    /// Starts the next row; false when the sheet is full, and the row is then counted as left
    /// out instead (the caller skips its cells).
    bool row() {
        if (row_ + 2 >= kMaxRows) {
            ++left_out_;
            return false;
        }
        ++row_;
        column_ = 0;
        return true;
    }

    /// Texts are always strings, never formulas: "=SUM(A1)" stays those eight characters.
    void text(std::string_view value, lxw_format* format = nullptr) {
        if (!value.empty()) {
            const auto fitted = cell_text(value);
            check(worksheet_write_string(sheet_, row_, column_, fitted.c_str(), format), "text");
            fit(static_cast<double>(base::code_points(fitted)));
        }
        ++column_;
    }

    /// A number in the column's format, or `format`. One that is not finite (a distance to a
    /// post that never reaches the top) cannot be a number in a workbook and is written as
    /// "inf", "-inf" or "nan".
    void number(double value, lxw_format* format = nullptr) {
        if (!std::isfinite(value)) return text(base::exact_number(value));
        if (format == nullptr && column_ < columns_.size()) format = columns_[column_].format;
        check(worksheet_write_number(sheet_, row_, column_, value, format), "number");
        fit(number_width(value));
        ++column_;
    }
    void count(std::size_t value) { number(static_cast<double>(value)); }
    void number(const std::optional<double>& value) {
        if (value) return number(*value);
        skip();
    }
    void skip() { ++column_; }

    /// Sets the widths and a filter over the rows, then writes the note on rows left out.
    void finish() {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const auto width = std::min(widths_[c] + 2, columns_[c].max_width);
            const auto col = static_cast<lxw_col_t>(c);
            check(worksheet_set_column(sheet_, col, col, width, nullptr), "column width");
        }
        if (!columns_.empty()) {
            check(worksheet_autofilter(sheet_, 0, 0, row_,
                                       static_cast<lxw_col_t>(columns_.size() - 1)),
                  "filter");
        }
        if (left_out_ > 0) {
            row_ = kMaxRows - 1;
            column_ = 0;
            text(std::to_string(left_out_) + " more rows left out: a sheet holds " +
                 std::to_string(kMaxRows) + " rows");
        }
    }

private:
    void check(lxw_error error, const char* what) const {
        if (error != LXW_NO_ERROR) {
            fail(*file_, "sheet " + name_ + ", row " + std::to_string(row_ + 1) + ", " + what,
                 error);
        }
    }
    void fit(double width) {
        if (column_ < widths_.size()) widths_[column_] = std::max(widths_[column_], width);
    }

    lxw_worksheet* sheet_;
    std::string name_;
    const fs::path* file_;
    std::vector<Column> columns_;
    std::vector<double> widths_;
    lxw_row_t row_ = 0;  // the row being written; 0 is the header
    lxw_col_t column_ = 0;
    std::size_t left_out_ = 0;
};

/// Frees a workbook without writing it (a failure before close()).
struct FreeWorkbook {
    void operator()(lxw_workbook* book) const noexcept { lxw_workbook_free(book); }
};

/// The workbook being written: owns libxlsxwriter's handle, and writes nothing unless close()
/// is reached.
class Book {
public:
    explicit Book(fs::path file) : file_(std::move(file)) {
        const auto name = file_.string();
        lxw_workbook_options options{};
        book_.reset(workbook_new_opt(name.c_str(), &options));
        if (!book_) fail(file_, "start", LXW_ERROR_MEMORY_MALLOC_FAILED);
        header_ = format();
        format_set_bold(header_);
        format_set_bottom(header_, LXW_BORDER_THIN);
        amount_ = format("#,##0");
        fte_ = format("0.0");
    }

    /// A cell format with number format `num_format` ("#,##0"); nullptr: none.
    lxw_format* format(const char* num_format = nullptr) {
        auto* format = workbook_add_format(book_.get());
        if (format == nullptr) fail(file_, "format", LXW_ERROR_MEMORY_MALLOC_FAILED);
        if (num_format != nullptr) format_set_num_format(format, num_format);
        return format;
    }
    /// Whole amounts with thousands separators; FTE with one decimal.
    lxw_format* amount() const { return amount_; }
    lxw_format* fte() const { return fte_; }

    /// The document's title and creation date.
    void set_properties(std::string title) {
        lxw_doc_properties properties{};
        properties.title = title.data();
        // A fixed date, that of the archive's members, so that the same report gives the same
        // bytes (libxlsxwriter would write the current time).
        properties.created = kCreated;
        check(workbook_set_properties(book_.get(), &properties), file_, "properties");
    }

    Sheet add(const std::string& name, std::vector<Column> columns) {
        auto* sheet = workbook_add_worksheet(book_.get(), name.c_str());
        if (sheet == nullptr) fail(file_, "sheet " + name, LXW_ERROR_PARAMETER_VALIDATION);
        return Sheet(sheet, name, file_, std::move(columns), header_);
    }

    /// Writes the file. libxlsxwriter frees the workbook whether or not that succeeds.
    void close() { check(workbook_close(book_.release()), file_, "write"); }

private:
    fs::path file_;
    std::unique_ptr<lxw_workbook, FreeWorkbook> book_;
    lxw_format* header_ = nullptr;
    lxw_format* amount_ = nullptr;
    lxw_format* fte_ = nullptr;
};

std::string join_ids(const model::Model& model, const std::vector<model::Ref>& refs) {
    std::string text;
    for (const auto& ref : refs) {
        if (!text.empty()) text += ", ";
        text += model.id_of(ref);
    }
    return text;
}

std::string join_ids(const model::Model& model, const std::vector<model::FindingId>& findings) {
    std::string text;
    for (const auto f : findings) {
        if (!text.empty()) text += ", ";
        text += model[f].id;
    }
    return text;
}

void write_figures(Book& book, const Report& report) {
    const auto& model = *report.model;
    auto sheet = book.add("Figures", {{"Unit"},
                                      {"Name"},
                                      {"Kind"},
                                      {"Parent"},
                                      {"Posts"},
                                      {"Vacant"},
                                      {"Headcount"},
                                      {"FTE", book.fte()},
                                      {"Cost", book.amount()},
                                      {"Posts, rolled up"},
                                      {"Headcount, rolled up"},
                                      {"FTE, rolled up", book.fte()},
                                      {"Cost, rolled up", book.amount()},
                                      {"Managers"},
                                      {"Deepest layer"}});
    for (const auto& figures : report.comparison.base_figures.structure.by_unit) {
        if (!sheet.row()) continue;
        const auto& unit = model[figures.unit];
        sheet.text(unit.id);
        sheet.text(unit.name);
        sheet.text(model::to_string(unit.kind));
        sheet.text(unit.parent ? model[*unit.parent].id : std::string_view());
        sheet.count(figures.own.posts);
        sheet.count(figures.own.vacant);
        sheet.count(figures.own.headcount);
        sheet.number(figures.own.fte);
        sheet.number(figures.own.cost);
        sheet.count(figures.rollup.posts);
        sheet.count(figures.rollup.headcount);
        sheet.number(figures.rollup.fte);
        sheet.number(figures.rollup.cost);
        sheet.count(figures.managers);
        sheet.count(figures.layers_max);
    }
    sheet.finish();
}

void write_comparison(Book& book, const Report& report) {
    std::vector<Column> columns{{"Key"}, {"Figure"}, {"Base"}};
    for (const auto& s : report.comparison.scenarios) columns.push_back({s.scenario->name});
    auto sheet = book.add("Comparison", std::move(columns));
    // One number format per number of decimals the rows ask for: whole numbers with thousands
    // separators (cost), others with their decimals (FTE, spans, loads).
    std::vector<lxw_format*> by_decimals;
    const auto format_for = [&](int decimals) {
        const auto d = static_cast<std::size_t>(std::clamp(decimals, 0, 6));
        if (by_decimals.size() <= d) by_decimals.resize(d + 1, nullptr);
        if (by_decimals[d] == nullptr) {
            by_decimals[d] =
                d == 0 ? book.amount() : book.format(("0." + std::string(d, '0')).c_str());
        }
        return by_decimals[d];
    };
    for (const auto& row : scenario::comparison_rows(report.comparison)) {
        if (!sheet.row()) continue;
        sheet.text(row.key);
        sheet.text(row.label);
        for (const auto& cell : row.cells) {
            if (const auto* value = std::get_if<double>(&cell)) {
                sheet.number(*value, format_for(row.decimals));
            } else if (const auto* text = std::get_if<std::string>(&cell)) {
                sheet.text(*text);
            } else {
                sheet.skip();
            }
        }
    }
    sheet.finish();
}

void write_affected(Book& book, const Report& report) {
    auto sheet = book.add("Affected posts",
                          {{"Scenario"}, {"Post"}, {"Change"}, {"From"}, {"To"}, {"Change no."}});
    for (const auto& result : report.comparison.scenarios) {
        for (const auto& change : result.applied.affected) {
            if (!sheet.row()) continue;
            const auto shown =
                output::affected_text(report.comparison, result, change, report.options.names);
            sheet.text(result.scenario->name);
            sheet.text(change.post);
            sheet.text(scenario::to_string(change.change));
            sheet.text(shown.from);
            sheet.text(shown.to);
            sheet.count(change.change_index);
        }
    }
    sheet.finish();
}

void write_findings(Book& book, const Report& report) {
    const auto& model = *report.model;
    std::vector<Column> columns{{"Finding"},
                                {"Kind"},
                                {"About"},
                                {"Because"},
                                {"Statement", nullptr, kMaxTextWidth},
                                {"Severity"},
                                {"Count"},
                                {"Weight"},
                                {"Check", nullptr, kMaxTextWidth},
                                {"On the base"},
                                {"Base figures", nullptr, kMaxTextWidth}};
    for (const auto& s : report.comparison.scenarios) columns.push_back({s.scenario->name});
    auto sheet = book.add("Findings", std::move(columns));

    std::vector<const check::Outcome*> on_base(model.findings().size(), nullptr);
    for (const auto& c : report.comparison.base_checks) {
        on_base[model::index(c.finding)] = &c.outcome;
    }
    for (std::size_t i = 0; i < model.findings().size(); ++i) {
        if (!sheet.row()) continue;
        const auto id = model::at<model::FindingId>(i);
        const auto& finding = model[id];
        sheet.text(finding.id);
        sheet.text(model::to_string(finding.kind));
        sheet.text(join_ids(model, finding.about));
        sheet.text(join_ids(model, finding.because));
        sheet.text(finding.statement);
        sheet.number(static_cast<double>(finding.severity));
        sheet.number(static_cast<double>(finding.count));
        sheet.number(static_cast<double>(analysis::weight(finding)));
        sheet.text(finding.check);
        if (const auto* outcome = on_base[i]) {
            sheet.text(check::to_string(outcome->state));
            sheet.text(outcome->reason);
        } else {
            sheet.skip();
            sheet.skip();
        }
        for (const auto& result : report.comparison.scenarios) {
            sheet.text(verdict_text(result, id));
        }
    }
    sheet.finish();
}

void write_violations(Book& book, const Report& report) {
    auto sheet = book.add("Rule violations", {{"Model"},
                                              {"Rule"},
                                              {"Subject"},
                                              {"Value"},
                                              {"Limit"},
                                              {"Detail", nullptr, kMaxTextWidth}});
    const auto& comparison = report.comparison;
    if (comparison.rules == nullptr) {
        if (sheet.row()) sheet.text("no rules given");
        return sheet.finish();
    }
    std::size_t listed = 0;
    const auto list = [&](std::string_view name, const std::vector<check::Violation>& violations) {
        for (const auto& v : violations) {
            ++listed;
            if (!sheet.row()) continue;
            sheet.text(name);
            sheet.text(v.rule);
            sheet.text(v.subject);
            sheet.number(v.value);
            sheet.number(v.limit);
            sheet.text(v.detail);
        }
    };
    list("base", comparison.base_violations);
    for (const auto& result : comparison.scenarios) list(result.scenario->name, result.violations);
    if (listed == 0 && sheet.row()) sheet.text("no rule is broken");
    sheet.finish();
}

}  // namespace

void write_workbook(const Report& report, const std::filesystem::path& file) {
    // libxlsxwriter prints its own message on stderr when it cannot create the file: the usual
    // cause, a missing folder, is found here first.
    const auto folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        fail(file, "no folder " + folder.string(), LXW_ERROR_CREATING_XLSX_FILE);
    }
    Book book(file);
    book.set_properties(report.options.source.empty() ? "Merger review"
                                                      : "Merger review: " + report.options.source);
    write_figures(book, report);
    write_comparison(book, report);
    write_affected(book, report);
    write_findings(book, report);
    write_violations(book, report);
    book.close();
}

}  // namespace reorg::report
