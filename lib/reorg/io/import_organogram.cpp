#include "reorg/io/import.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reorg/base/text.hpp"
#include "reorg/io/detail/csv_table.hpp"
#include "reorg/io/detail/import_support.hpp"
#include "reorg/io/detail/model_builder.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/id_rules.hpp"

namespace reorg::io {
namespace {

using detail::build_model;
using detail::field;
using detail::first_value;
using detail::iequals;
using detail::kAbsent;
using detail::made_from;
using detail::PostDraft;
using detail::quoted;
using detail::UnitMaker;

// Organogram headers vary in case, spacing, punctuation and how the pound sign survived
// re-encoding ("Actual Pay Floor (£)", "actual pay floor (Â£)"): they are compared by their
// ASCII letters and digits alone.
std::string header_key(std::string_view name) {
    std::string key;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    }
    return key;
}

bool same_header(std::string_view header, std::string_view wanted) {
    const auto key = header_key(header);
    return !key.empty() && key == header_key(wanted);
}

// `N/D` (or blank) in a pay column: withheld, not "not applicable" (`N/A`, an unpaid post).
bool undisclosed(std::string_view text) { return text.empty() || iequals(text, "N/D"); }

// `N/D`, `N/A` and blank stand for a value not given.
bool not_given(std::string_view text) {
    return text.empty() || iequals(text, "N/D") || iequals(text, "N/A");
}

// An organogram number: nullopt when not given; an error (and nullopt) for text that is no
// number, or a negative one.
std::optional<double> organogram_number(std::string_view text, const Location& where,
                                        NumberFormat numbers, Diagnostics& diagnostics) {
    if (not_given(text)) return std::nullopt;
    const auto value = parse_number(text, numbers);
    if (!value) {
        const auto hint = invalid_number_hint(text, numbers);
        diagnostics.error(where, "invalid number " + quoted(text) +
                                     (hint.empty() ? " (expected a number, N/D or N/A)" : hint));
        return std::nullopt;
    }
    if (*value < 0) {
        diagnostics.error(where, "must not be negative, is " + quoted(text));
        return std::nullopt;
    }
    return value;
}

// The middle of a pay band, when both its ends are given.
std::optional<double> mean_pay(std::optional<double> low, std::optional<double> high) {
    if (!low || !high) return std::nullopt;
    return (*low + *high) / 2;
}

enum class Holder { Vacant, Undisclosed, Named, Eliminated };

Holder holder_of(std::string_view name) {
    if (iequals(name, "Vacant")) return Holder::Vacant;
    if (iequals(name, "Eliminated")) return Holder::Eliminated;
    if (not_given(name)) return Holder::Undisclosed;
    return Holder::Named;
}

struct SeniorColumns {
    std::size_t pur, name, grade, title, description, reports_to, unit, fte, floor, ceiling,
        total_pay, cost_of_reports, parent_department;
    std::vector<std::size_t> function, organisation;
};

struct JuniorColumns {
    std::size_t reporting, grade, title, unit, fte, headcount, minimum, maximum, parent_department;
    std::vector<std::size_t> function, organisation;
};

// Where a post's cost comes from, kept in the extra column `cost_basis`.
enum class CostBasis { TotalPay, PayBandMidpoint, SalaryCostOfReports, PayScaleMidpoint, None };

std::string_view to_string(CostBasis basis) {
    switch (basis) {
        case CostBasis::TotalPay:
            return "total_pay";
        case CostBasis::PayBandMidpoint:
            return "pay_band_midpoint";
        case CostBasis::SalaryCostOfReports:
            return "salary_cost_of_reports";
        case CostBasis::PayScaleMidpoint:
            return "pay_scale_midpoint";
        case CostBasis::None:
            break;
    }
    return "none";
}

// A group's headcount from its FTE: 8.67 FTE are 9 people (at least one, for a group at all).
double headcount_of(double fte) { return std::max(1.0, std::ceil(fte - 1e-9)); }

// A senior post as read: the fields of its (first) row and what a job share adds.
struct SeniorPost {
    std::uint32_t line = 0;
    std::vector<std::string_view> fields;
    std::optional<double> fte;     // the rows' FTE summed, when any gives one
    std::optional<double> cost{};  // the Total Pay, else the middle of the pay band
    CostBasis cost_basis = CostBasis::None;
    std::optional<double> cost_of_reports{};  // Salary Cost of Reports, when a number above 0
    bool filled = false;
    int in_post = 0;      // rows not Vacant: the post's headcount
    std::string names{};  // disclosed holders' names, " / " between a job share's
    int holders = 0;      // rows: two or more for a job share
    std::optional<std::uint32_t> manager{};
    std::string_view organisation{};
    std::uint32_t unit = 0;
};

// A junior row: one group of posts under a senior post.
struct JuniorGroup {
    std::uint32_t line = 0;
    std::vector<std::string_view> fields;
    std::uint32_t senior = 0;
    double fte = 1;
    double headcount = 1;       // the file's count, else the FTE rounded up
    std::optional<double> pay;  // middle of the pay scale
    std::optional<double> cost{};
    CostBasis cost_basis = CostBasis::None;
    std::string_view id{};  // of its post; empty when it makes none
};

class OrganogramImport {
public:
    OrganogramImport(const std::filesystem::path& senior,
                     const std::optional<std::filesystem::path>& junior, const TextOptions& text,
                     Diagnostics& diagnostics)
        : diagnostics_(diagnostics),
          senior_path_(senior),
          junior_path_(junior),
          text_options_(text) {}

    model::Model run() {
        if (auto text = read_text(senior_path_, diagnostics_, text_options_)) {
            senior_.emplace(senior_path_.string(), std::move(*text));
        }
        if (junior_path_) {
            if (auto text = read_text(*junior_path_, diagnostics_, text_options_)) {
                junior_.emplace(junior_path_->string(), std::move(*text));
            }
        }
        // Without the senior posts, junior rows cannot be checked: stop at a broken header.
        const bool senior_ok = senior_ && senior_->read_header(diagnostics_) && senior_columns();
        const bool junior_ok =
            !junior_path_ || (junior_ && junior_->read_header(diagnostics_) && junior_columns());
        if (!senior_ok || !junior_ok) diagnostics_.throw_if_errors();

        read_senior();
        link_senior();
        if (junior_) {
            read_junior();
            name_junior_groups();
            cost_junior_groups();
        }
        report_cost_bases();
        return build();
    }

private:
    bool senior_columns() {
        const auto& t = *senior_;
        auto& c = senior_columns_;
        auto& d = diagnostics_;
        const auto errors = d.error_count();
        c.pur = t.find({"Post Unique Reference"}, same_header, d);
        c.name = t.find({"Name"}, same_header, d);
        c.grade = t.find({"Grade (or equivalent)", "Grade"}, same_header, d);
        c.title = t.find({"Job Title"}, same_header, d);
        c.description = t.find({"Job/Team Function"}, same_header, d);
        c.reports_to = t.find({"Reports to Senior Post"}, same_header, d);
        c.unit = t.find({"Unit"}, same_header, d);
        c.fte = t.find({"FTE"}, same_header, d);
        c.floor = t.find({"Actual Pay Floor (£)"}, same_header, d);
        c.ceiling = t.find({"Actual Pay Ceiling (£)"}, same_header, d);
        c.total_pay = t.find({"Total Pay (£)"}, same_header, d);
        c.cost_of_reports = t.find({"Salary Cost of Reports (£)"}, same_header, d);
        c.parent_department = t.find({"Parent Department"}, same_header, d);
        // The profession is the function `--merge` compares; Job/Team Function is a sentence
        // or two about the job, kept as its description.
        c.function = t.find_each({"Professional/Occupational Group", "Profession"}, same_header, d);
        c.organisation = t.find_each(
            {"Organisation", "Organization", "Organisation Reference", "Organization Reference"},
            same_header, d);
        t.require(c.pur, "Post Unique Reference", d);
        t.require(c.reports_to, "Reports to Senior Post", d);
        t.require(c.title, "Job Title", d);
        // What a job share's rows agree on: everything but the name, FTE, contacts and notes.
        content_columns_ = {c.grade, c.title, c.description, c.reports_to,
                            c.unit,  c.floor, c.ceiling,     c.parent_department};
        content_columns_.insert(content_columns_.end(), c.function.begin(), c.function.end());
        content_columns_.insert(content_columns_.end(), c.organisation.begin(),
                                c.organisation.end());
        std::erase(content_columns_, kAbsent);
        return d.error_count() == errors;
    }

    bool junior_columns() {
        const auto& t = *junior_;
        auto& c = junior_columns_;
        auto& d = diagnostics_;
        const auto errors = d.error_count();
        c.reporting = t.find({"Reporting Senior Post"}, same_header, d);
        c.grade = t.find({"Grade"}, same_header, d);
        c.title = t.find({"Generic Job Title"}, same_header, d);
        c.unit = t.find({"Unit"}, same_header, d);
        c.fte = t.find({"Number of Posts in FTE", "Number of Posts (FTE)"}, same_header, d);
        c.headcount = t.find({"Headcount", "Number of Posts", "Number of Staff"}, same_header, d);
        c.minimum = t.find({"Payscale Minimum (£)"}, same_header, d);
        c.maximum = t.find({"Payscale Maximum (£)"}, same_header, d);
        c.parent_department = t.find({"Parent Department"}, same_header, d);
        c.function = t.find_each({"Professional/Occupational Group", "Profession"}, same_header, d);
        c.organisation = t.find_each(
            {"Organisation", "Organization", "Organisation Reference", "Organization Reference"},
            same_header, d);
        t.require(c.reporting, "Reporting Senior Post", d);
        t.require(c.fte, "Number of Posts in FTE", d);
        return d.error_count() == errors;
    }

    void read_senior() {
        const auto& c = senior_columns_;
        const auto& t = *senior_;
        const auto numbers = t.numbers();
        CsvRecord record;
        while (!diagnostics_.full() && senior_->next(record, diagnostics_)) {
            const auto line = record.line;
            const auto& fields = record.fields;
            const auto pur = field(fields, c.pur);
            const auto name = field(fields, c.name);
            const auto holder = holder_of(name);
            if (holder == Holder::Eliminated) {
                if (!pur.empty()) eliminated_.try_emplace(pur, line);
                continue;
            }
            if (pur == "0") {
                diagnostics_.warning(t.at(line, c.pur),
                                     "0 marks someone not in a post: the "
                                     "row is not imported");
                continue;
            }
            if (auto problem = model::id_problem(pur, "the Post Unique Reference")) {
                diagnostics_.error(t.at(line, c.pur), std::move(*problem));
                continue;
            }
            if (iequals(pur, "XX")) {
                diagnostics_.error(t.at(line, c.pur),
                                   "a post may not be called " + quoted(pur) +
                                       " (XX in Reports to Senior Post marks the top post)");
                continue;
            }
            if (pur.find_first_of(" \t\r\n") != std::string_view::npos) {
                diagnostics_.error(t.at(line, c.pur), quoted(pur) + " contains spaces");
                continue;
            }
            if (field(fields, c.reports_to).empty()) {
                diagnostics_.error(t.at(line, c.reports_to),
                                   "missing Reports to Senior Post (the top post has XX)");
            }
            const auto fte =
                organogram_number(field(fields, c.fte), t.at(line, c.fte), numbers, diagnostics_);
            const auto floor = organogram_number(field(fields, c.floor), t.at(line, c.floor),
                                                 numbers, diagnostics_);
            const auto ceiling = organogram_number(field(fields, c.ceiling), t.at(line, c.ceiling),
                                                   numbers, diagnostics_);
            const auto total_pay = organogram_number(
                field(fields, c.total_pay), t.at(line, c.total_pay), numbers, diagnostics_);
            const auto cost_of_reports =
                organogram_number(field(fields, c.cost_of_reports), t.at(line, c.cost_of_reports),
                                  numbers, diagnostics_);

            const auto [it, added] =
                senior_index_.try_emplace(pur, static_cast<std::uint32_t>(seniors_.size()));
            if (added) {
                SeniorPost post{.line = line, .fields = fields, .fte = fte};
                if (cost_of_reports && *cost_of_reports > 0) post.cost_of_reports = cost_of_reports;
                if (total_pay && *total_pay > 0) {
                    post.cost = total_pay;
                    post.cost_basis = CostBasis::TotalPay;
                } else if (const auto middle = mean_pay(floor, ceiling)) {
                    post.cost = middle;
                    post.cost_basis = CostBasis::PayBandMidpoint;
                } else if ((c.floor != kAbsent && undisclosed(field(fields, c.floor))) ||
                           (c.ceiling != kAbsent && undisclosed(field(fields, c.ceiling)))) {
                    diagnostics_.warning(
                        t.at(line, c.floor),
                        "pay not disclosed (" + std::string(field(fields, c.floor)) + " to " +
                            std::string(field(fields, c.ceiling)) + "): the post's cost is 0");
                }
                seniors_.push_back(std::move(post));
            } else if (!same_post(seniors_[it->second], fields, line)) {
                continue;
            } else if (fte) {
                auto& shared = seniors_[it->second].fte;
                shared = shared.value_or(0) + *fte;
            }
            auto& post = seniors_[it->second];
            ++post.holders;
            if (holder != Holder::Vacant) {
                post.filled = true;
                ++post.in_post;
            }
            if (holder == Holder::Named) {
                if (!post.names.empty()) post.names += " / ";
                post.names += name;
            }
        }
    }

    // A repeated PUR is a job share when its rows agree on everything but the name, FTE,
    // contacts and notes; anything else is a duplicate, reported here. True for a job share.
    bool same_post(const SeniorPost& first, std::span<const std::string_view> fields,
                   std::uint32_t line) {
        const auto& c = senior_columns_;
        for (const auto column : content_columns_) {
            if (field(first.fields, column) == field(fields, column)) continue;
            diagnostics_.error(senior_->at(line, c.pur),
                               "duplicate Post Unique Reference " + quoted(field(fields, c.pur)) +
                                   " (first on line " + std::to_string(first.line) +
                                   "): not a job share, the rows differ in " +
                                   senior_->column_name(column, ""));
            return false;
        }
        return true;
    }

    // The senior post a reference names; an error at `where` if it names none.
    std::optional<std::uint32_t> senior_post(std::string_view pur, const Location& where,
                                             bool from_junior) {
        if (const auto found = senior_index_.find(pur); found != senior_index_.end()) {
            return found->second;
        }
        const std::string in = from_junior ? " of " + senior_->file() : "";
        if (const auto gone = eliminated_.find(pur); gone != eliminated_.end()) {
            diagnostics_.error(where, "senior post " + quoted(pur) + " is Eliminated (line " +
                                          std::to_string(gone->second) + in +
                                          "): it is no post now");
        } else {
            diagnostics_.error(where, "senior post " + quoted(pur) +
                                          " matches no Post Unique Reference" + in +
                                          (from_junior ? "" : " and is not XX"));
        }
        return std::nullopt;
    }

    void link_senior() {
        const auto& c = senior_columns_;
        for (auto& post : seniors_) {
            const auto to = field(post.fields, c.reports_to);
            if (to.empty() || iequals(to, "XX")) continue;
            post.manager = senior_post(to, senior_->at(post.line, c.reports_to), false);
        }
    }

    void read_junior() {
        const auto& c = junior_columns_;
        const auto& t = *junior_;
        const auto numbers = t.numbers();
        CsvRecord record;
        while (!diagnostics_.full() && junior_->next(record, diagnostics_)) {
            const auto line = record.line;
            const auto& fields = record.fields;
            const auto reporting = field(fields, c.reporting);
            const auto fte =
                organogram_number(field(fields, c.fte), t.at(line, c.fte), numbers, diagnostics_);
            const auto minimum = organogram_number(field(fields, c.minimum), t.at(line, c.minimum),
                                                   numbers, diagnostics_);
            const auto maximum = organogram_number(field(fields, c.maximum), t.at(line, c.maximum),
                                                   numbers, diagnostics_);
            if (reporting.empty()) {
                diagnostics_.error(t.at(line, c.reporting), "missing Reporting Senior Post");
                continue;
            }
            const auto senior = senior_post(reporting, t.at(line, c.reporting), true);
            if (fte && *fte == 0) {
                diagnostics_.warning(t.at(line, c.fte),
                                     "no posts in this group (FTE 0): the row is not imported");
                continue;
            }
            const auto count = organogram_number(field(fields, c.headcount),
                                                 t.at(line, c.headcount), numbers, diagnostics_);
            if (!senior) continue;
            const auto group_fte = fte.value_or(1);
            juniors_.push_back(
                {.line = line,
                 .fields = fields,
                 .senior = *senior,
                 .fte = group_fte,
                 .headcount = count && *count > 0 ? std::ceil(*count) : headcount_of(group_fte),
                 .pay = mean_pay(minimum, maximum)});
        }
    }

    std::string_view number(std::optional<double> value) {
        return value ? text_.store(base::exact_number(*value)) : std::string_view{};
    }

    // Names each junior group's post `<senior PUR>.J<n>`, n counting the groups under that
    // senior post in file order. A name that is already a Post Unique Reference is an error; the
    // group then gets none and makes no post.
    void name_junior_groups() {
        std::vector<int> groups(seniors_.size(), 0);
        for (auto& group : juniors_) {
            const auto pur = field(seniors_[group.senior].fields, senior_columns_.pur);
            const auto id =
                text_.store(std::string(pur) + ".J" + std::to_string(++groups[group.senior]));
            if (senior_index_.contains(id)) {
                diagnostics_.error(
                    junior_->at(group.line, junior_columns_.reporting),
                    "this group's post id " + quoted(id) + " is already a Post Unique Reference");
                continue;
            }
            group.id = id;
        }
    }

    // Each junior group's cost: its senior post's Salary Cost of Reports, shared among the
    // groups under that post in proportion to FTE × the middle of their pay scale (or to FTE
    // alone when a scale is missing); without that figure, FTE × the middle of the scale.
    void cost_junior_groups() {
        std::vector<std::vector<std::uint32_t>> under(seniors_.size());
        for (std::uint32_t g = 0; g < juniors_.size(); ++g) {
            if (!juniors_[g].id.empty()) under[juniors_[g].senior].push_back(g);
        }
        for (std::size_t s = 0; s < seniors_.size(); ++s) {
            const auto& groups = under[s];
            if (groups.empty()) continue;
            if (const auto total = seniors_[s].cost_of_reports) {
                const bool scaled = std::all_of(groups.begin(), groups.end(), [&](auto g) {
                    return juniors_[g].pay.has_value();
                });
                const auto weight = [&](std::uint32_t g) {
                    return juniors_[g].fte * (scaled ? *juniors_[g].pay : 1.0);
                };
                double sum = 0;
                for (const auto g : groups) sum += weight(g);
                for (const auto g : groups) {
                    juniors_[g].cost = sum > 0 ? *total * weight(g) / sum : 0.0;
                    juniors_[g].cost_basis = CostBasis::SalaryCostOfReports;
                }
                continue;
            }
            for (const auto g : groups) {
                auto& group = juniors_[g];
                if (group.pay) {
                    group.cost = *group.pay * group.fte;
                    group.cost_basis = CostBasis::PayScaleMidpoint;
                } else {
                    diagnostics_.warning(
                        junior_->at(group.line, junior_columns_.minimum),
                        "pay not disclosed (no pay scale, and no Salary Cost of Reports for " +
                            quoted(field(seniors_[s].fields, senior_columns_.pur)) +
                            "): the group's cost is 0");
                }
            }
        }
    }

    // Says, once per file, which costs are estimates from the middle of a pay band or scale
    // rather than the file's own figures, and how many.
    void report_cost_bases() {
        const auto first_of = [](const auto& rows, CostBasis basis) {
            std::size_t count = 0;
            std::uint32_t line = 0;
            for (const auto& row : rows) {
                if (row.cost_basis != basis) continue;
                if (count++ == 0) line = row.line;
            }
            return std::pair{count, line};
        };
        const auto& sc = senior_columns_;
        if (const auto [count, line] = first_of(seniors_, CostBasis::PayBandMidpoint); count) {
            diagnostics_.warning(senior_->at(line, sc.floor),
                                 count == 1 ? std::string("this senior post's cost is the middle "
                                                          "of its pay band: the file gives no "
                                                          "Total Pay (£) for it")
                                            : "the cost of " + std::to_string(count) +
                                                  " senior posts (this one first) is the middle "
                                                  "of their pay band: the file gives no Total "
                                                  "Pay (£) for them");
        }
        if (sc.floor == kAbsent && sc.ceiling == kAbsent && sc.total_pay == kAbsent &&
            !seniors_.empty()) {
            diagnostics_.warning({senior_->file(), senior_->header().line},
                                 "no Actual Pay Floor (£), Actual Pay Ceiling (£) or Total Pay (£) "
                                 "column: the senior posts cost 0");
        }
        if (!junior_) return;
        if (const auto [count, line] = first_of(juniors_, CostBasis::PayScaleMidpoint); count) {
            diagnostics_.warning(
                junior_->at(line, junior_columns_.minimum),
                count == 1 ? std::string("this junior group's cost is its FTE × the middle of its "
                                         "pay scale: the senior file gives no Salary Cost of "
                                         "Reports (£) for its senior post")
                           : "the cost of " + std::to_string(count) +
                                 " junior groups (this one first) is their FTE × the middle of "
                                 "their pay scale: the senior file gives no Salary Cost of "
                                 "Reports (£) for their senior posts");
        }
    }

    // Made once everything is read and checked, so that errors so far do not keep the builder
    // from checking the structure too.
    model::Model build() {
        ModelBuilder builder(diagnostics_);
        const auto& sc = senior_columns_;
        const auto& st = *senior_;
        const auto unit_column = st.column_name(sc.unit, "");
        const auto posts_source =
            builder.add_source(st.file(), {},
                               {{"id", st.column_name(sc.pur, "")},
                                {"title", st.column_name(sc.title, "")},
                                {"unit", unit_column},
                                {"reports_to", st.column_name(sc.reports_to, "")},
                                {"function", first_name(st, sc.function)},
                                {"fte", st.column_name(sc.fte, "")},
                                {"cost", st.column_name(sc.floor, "")},
                                {"person", st.column_name(sc.name, "")}});
        const auto organisations_source =
            builder.add_source(st.file(), {}, made_from(first_name(st, sc.organisation)));
        const auto units_source = builder.add_source(st.file(), {}, made_from(unit_column));
        const auto people_source =
            builder.add_source(st.file(), {}, made_from(st.column_name(sc.name, "")));

        // Posts without an organisation belong to one named after the senior file.
        const std::string default_organisation = senior_path_.stem().string();
        UnitMaker units;
        std::vector<PostDraft> posts;
        posts.reserve(seniors_.size() + juniors_.size());
        for (auto& senior : seniors_) {
            const auto organisation = first_value(senior.fields, sc.organisation);
            senior.organisation =
                organisation.empty() ? std::string_view(default_organisation) : organisation;
            senior.unit = units.root(senior.organisation, {organisations_source, senior.line});
            if (const auto unit = field(senior.fields, sc.unit); !unit.empty()) {
                senior.unit = units.department(senior.unit, unit, {units_source, senior.line});
            }
            const auto id = field(senior.fields, sc.pur);
            PostDraft post{
                .id = id,
                .title = field(senior.fields, sc.title),
                .function = first_value(senior.fields, sc.function),
                .unit = senior.unit,
                .manager = senior.manager,
                .fte = number(senior.fte),
                .cost = number(senior.cost),
                .extra = {field(senior.fields, sc.grade),
                          senior.holders > 1 ? text_.store(std::to_string(senior.holders))
                                             : std::string_view{},
                          field(senior.fields, sc.description),
                          text_.store(std::to_string(senior.in_post)),
                          to_string(senior.cost_basis)},
                .origin = {posts_source, senior.line},
            };
            if (senior.filled) {
                post.person = text_.store(std::string(id) + ".holder");
                post.person_name = text_.store(senior.names);
                post.person_origin = {people_source, senior.line};
            }
            posts.push_back(post);
        }

        if (junior_) add_junior_posts(builder, units, posts);
        return build_model(builder, units.units(), posts,
                           {"grade", "job_share", "description", "headcount", "cost_basis"});
    }

    void add_junior_posts(ModelBuilder& builder, UnitMaker& units, std::vector<PostDraft>& posts) {
        const auto& jc = junior_columns_;
        const auto& jt = *junior_;
        const auto unit_column = jt.column_name(jc.unit, "");
        const auto posts_source =
            builder.add_source(jt.file(), {},
                               {{"id", jt.column_name(jc.reporting, "")},
                                {"title", jt.column_name(jc.title, "")},
                                {"unit", unit_column},
                                {"reports_to", jt.column_name(jc.reporting, "")},
                                {"function", first_name(jt, jc.function)},
                                {"fte", jt.column_name(jc.fte, "")},
                                {"cost", jt.column_name(jc.minimum, "")}});
        const auto organisations_source =
            builder.add_source(jt.file(), {}, made_from(first_name(jt, jc.organisation)));
        const auto units_source = builder.add_source(jt.file(), {}, made_from(unit_column));
        const auto people_source = builder.add_source(jt.file(), {}, made_from(""));
        for (const auto& group : juniors_) {
            const auto& senior = seniors_[group.senior];
            // A group sits in its own Unit, or else in its senior post's.
            auto unit = senior.unit;
            if (const auto name = field(group.fields, jc.unit); !name.empty()) {
                auto organisation = first_value(group.fields, jc.organisation);
                if (organisation.empty()) organisation = senior.organisation;
                const auto root = units.root(organisation, {organisations_source, group.line});
                unit = units.department(root, name, {units_source, group.line});
            }
            if (group.id.empty()) continue;  // see name_junior_groups()
            posts.push_back({
                .id = group.id,
                .title = field(group.fields, jc.title),
                .function = first_value(group.fields, jc.function),
                .unit = unit,
                .manager = group.senior,
                .fte = number(group.fte),
                .cost = number(group.cost),
                // Junior posts are filled (they are staff in post) by holders the file does
                // not name.
                .person = text_.store(std::string(group.id) + ".holder"),
                .extra = {field(group.fields, jc.grade),
                          {},
                          {},
                          number(group.headcount),
                          to_string(group.cost_basis)},
                // A group of staff reports to a senior post; it heads no unit.
                .may_head = false,
                .origin = {posts_source, group.line},
                .person_origin = {people_source, group.line},
            });
        }
    }

    // The header's name for the first of `columns`, the one a value is taken from first.
    static std::string first_name(const detail::CsvTable& table,
                                  const std::vector<std::size_t>& columns) {
        return columns.empty() ? std::string() : table.column_name(columns.front(), "");
    }

    Diagnostics& diagnostics_;
    std::filesystem::path senior_path_;
    std::optional<std::filesystem::path> junior_path_;
    TextOptions text_options_;
    std::optional<detail::CsvTable> senior_;
    std::optional<detail::CsvTable> junior_;
    SeniorColumns senior_columns_{};
    JuniorColumns junior_columns_{};
    std::vector<std::size_t> content_columns_;
    std::vector<SeniorPost> seniors_;
    std::vector<JuniorGroup> juniors_;
    std::unordered_map<std::string_view, std::uint32_t> senior_index_;
    std::unordered_map<std::string_view, std::uint32_t> eliminated_;
    base::TextArena text_;  // ids and numbers made here
};

}  // namespace

std::optional<double> imported_headcount(const model::Model& model) {
    const auto& columns = model.extra(model::Table::Posts);
    const auto column = std::find(columns.names.begin(), columns.names.end(), "headcount");
    if (column == columns.names.end()) return std::nullopt;
    const auto c = static_cast<std::size_t>(column - columns.names.begin());
    double total = 0;
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        total += parse_number(columns.row(p)[c]).value_or(0);
    }
    return total;
}

model::Model import_organogram(const std::filesystem::path& senior,
                               const std::optional<std::filesystem::path>& junior,
                               const TextOptions& text, Diagnostics& diagnostics) {
    return OrganogramImport(senior, junior, text, diagnostics).run();
}

}  // namespace reorg::io
