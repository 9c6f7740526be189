#include "reorg/io/detail/model_builder.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

#include "reorg/model/id_rules.hpp"
#include "reorg/model/validate.hpp"

namespace reorg::io {

using model::Table;

namespace {

constexpr std::string_view kTableNames[] = {"unit", "post", "person", "link", "finding"};

std::string_view table_name(Table table) { return kTableNames[static_cast<std::size_t>(table)]; }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

template <class Kind>
std::string expected_kinds(std::span<const Kind> kinds) {
    std::string text;
    for (const Kind kind : kinds) {
        if (!text.empty()) text += ", ";
        text += to_string(kind);
    }
    return text;
}

// `a;b; c` → {"a", "b", "c"}; empty parts are dropped.
std::vector<std::string_view> split_ids(std::string_view text) {
    std::vector<std::string_view> ids;
    while (!text.empty()) {
        const auto end = text.find(';');
        const auto id = base::trim(text.substr(0, end));
        if (!id.empty()) ids.push_back(id);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return ids;
}

}  // namespace

ModelBuilder::ModelBuilder(Diagnostics& diagnostics)
    : diagnostics_(diagnostics),
      errors_before_(diagnostics.error_count()),
      text_(std::make_shared<base::TextArena>()) {}

std::uint32_t ModelBuilder::add_source(std::string file, NumberFormat numbers,
                                       ColumnNames columns) {
    sources_.push_back({std::move(file), numbers, std::move(columns)});
    return static_cast<std::uint32_t>(sources_.size() - 1);
}

void ModelBuilder::set_extra_columns(Table table, std::vector<std::string> names) {
    auto& extra = parts_.extra[static_cast<std::size_t>(table)];
    const auto row_count = rows(table).lines.size();
    if (extra.names.empty() && !names.empty() && row_count != 0) {
        // Rows read before the columns appeared get empty values.
        extra.values.assign(row_count * names.size(), {});
    }
    extra.names = std::move(names);
}

Location ModelBuilder::at(Origin origin, std::string_view column) const {
    const auto& source = sources_[origin.source];
    const auto renamed = std::find_if(source.columns.begin(), source.columns.end(),
                                      [&](const auto& names) { return names.first == column; });
    return {source.file, origin.line,
            renamed == source.columns.end() ? std::string(column) : renamed->second};
}

Origin ModelBuilder::origin(Table table, std::uint32_t row) const {
    const auto& [lines, runs] = rows(table);
    // The last run starting at or before the row.
    const auto after =
        std::upper_bound(runs.begin(), runs.end(), row,
                         [](std::uint32_t r, const auto& run) { return r < run.first; });
    return {std::prev(after)->second, lines[row]};
}

Location ModelBuilder::locate(Table table, std::uint32_t row, std::string_view column) const {
    if (row >= rows(table).lines.size()) return {{}, 0, std::string(column)};
    return at(origin(table, row), column);
}

void ModelBuilder::error(Origin origin, std::string_view column, std::string message) {
    diagnostics_.error(at(origin, column), std::move(message));
}

void ModelBuilder::reserve(Table table, std::size_t count) {
    const auto grow = [count](auto& vector) { vector.reserve(vector.size() + count); };
    grow(rows(table).lines);
    switch (table) {
        case Table::Units:
            grow(parts_.units);
            grow(pending_units_);
            ids_.units.reserve(parts_.units.size() + count);
            break;
        case Table::Posts:
            grow(parts_.posts);
            grow(pending_posts_);
            ids_.posts.reserve(parts_.posts.size() + count);
            break;
        case Table::People:
            grow(parts_.people);
            ids_.people.reserve(parts_.people.size() + count);
            break;
        case Table::Links:
            links_.reserve(links_.size() + count);
            break;
        case Table::Findings:
            grow(parts_.findings);
            grow(pending_because_);
            ids_.findings.reserve(parts_.findings.size() + count);
            break;
    }
}

void ModelBuilder::begin_row(Table table, Origin origin) {
    auto& [lines, runs] = rows(table);
    if (runs.empty() || runs.back().second != origin.source) {
        runs.emplace_back(static_cast<std::uint32_t>(lines.size()), origin.source);
    }
    lines.push_back(origin.line);
}

void ModelBuilder::keep_extra(Table table, std::span<const std::string_view> extra) {
    auto& columns = parts_.extra[static_cast<std::size_t>(table)];
    for (std::size_t i = 0; i < columns.names.size(); ++i) {
        columns.values.push_back(i < extra.size() ? text_->store(extra[i]) : std::string_view{});
    }
}

bool ModelBuilder::check_id(Table table, std::string_view id, Origin origin) {
    if (auto problem = model::id_problem(id, "the " + std::string(table_name(table)) + "'s id")) {
        error(origin, "id", std::move(*problem));
        return false;
    }
    return true;
}

void ModelBuilder::duplicate(Table table, std::string_view id, std::uint32_t first, Origin origin) {
    // The first's file is named only when it is another than this row's.
    const auto first_origin = this->origin(table, first);
    const auto& first_file = sources_[first_origin.source].file;
    const auto in =
        first_file == sources_[origin.source].file ? std::string() : " of " + first_file;
    error(origin, "id",
          "duplicate " + std::string(table_name(table)) + " id " + quoted(id) + " (first on line " +
              std::to_string(first_origin.line) + in + ")");
}

std::optional<double> ModelBuilder::number(Origin origin, std::string_view column,
                                           std::string_view text) {
    if (base::trim(text).empty()) return std::nullopt;
    auto value = parse_number(text, sources_[origin.source].numbers);
    if (!value) {
        error(origin, column,
              "invalid number " + quoted(text) +
                  invalid_number_hint(text, sources_[origin.source].numbers));
    } else if (*value < 0) {
        error(origin, column, "must not be negative, is " + quoted(text));
        value.reset();
    }
    return value;
}

std::optional<int> ModelBuilder::whole_number(Origin origin, std::string_view column,
                                              std::string_view text, int low, int high,
                                              int absent) {
    if (base::trim(text).empty()) return absent;
    const auto value = parse_number(text, sources_[origin.source].numbers);
    if (!value || *value != std::floor(*value) || *value < low || *value > high) {
        error(
            origin, column,
            "must be a whole number from " + std::to_string(low) +
                (high == std::numeric_limits<int>::max() ? " up" : " to " + std::to_string(high)) +
                ", is " + quoted(text) +
                (value ? std::string()
                       : invalid_number_hint(text, sources_[origin.source].numbers)));
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

void ModelBuilder::add_unit(const UnitFields& row, Origin origin,
                            std::span<const std::string_view> extra) {
    const auto id = base::trim(row.id);
    if (!check_id(Table::Units, id, origin)) return;
    model::Unit unit;
    unit.id = text_->store(id);
    const auto position = static_cast<std::uint32_t>(parts_.units.size());
    if (const auto first = ids_.units.insert(unit.id, position)) {
        duplicate(Table::Units, id, *first, origin);
        return;
    }
    unit.name = text_->store(base::trim(row.name));
    if (!base::trim(row.kind).empty()) {
        if (const auto kind = model::parse_unit_kind(row.kind)) {
            unit.kind = *kind;
        } else {
            error(origin, "kind",
                  "wrong kind " + quoted(row.kind) + " (expected one of " +
                      expected_kinds(model::all_unit_kinds()) + ")");
        }
    }
    unit.capacity = number(origin, "capacity", row.capacity);
    if (unit.capacity && *unit.capacity == 0) {
        error(origin, "capacity", "capacity must be above zero");
    }
    begin_row(Table::Units, origin);
    parts_.units.push_back(unit);
    pending_units_.push_back(
        {pending_text_.store(base::trim(row.parent)), pending_text_.store(base::trim(row.head))});
    keep_extra(Table::Units, extra);
}

void ModelBuilder::add_post(const PostFields& row, Origin origin,
                            std::span<const std::string_view> extra) {
    const auto id = base::trim(row.id);
    if (!check_id(Table::Posts, id, origin)) return;
    model::Post post;
    post.id = text_->store(id);
    const auto position = static_cast<std::uint32_t>(parts_.posts.size());
    if (const auto first = ids_.posts.insert(post.id, position)) {
        duplicate(Table::Posts, id, *first, origin);
        return;
    }
    post.title = text_->store(base::trim(row.title));
    post.function = text_->store(base::trim(row.function));
    post.fte = number(origin, "fte", row.fte).value_or(1.0);
    post.cost = number(origin, "cost", row.cost).value_or(0.0);
    begin_row(Table::Posts, origin);
    parts_.posts.push_back(post);
    pending_posts_.push_back({pending_text_.store(base::trim(row.unit)),
                              pending_text_.store(base::trim(row.reports_to)),
                              pending_text_.store(base::trim(row.person))});
    keep_extra(Table::Posts, extra);
}

void ModelBuilder::add_person(const PersonFields& row, Origin origin,
                              std::span<const std::string_view> extra) {
    const auto id = base::trim(row.id);
    if (!check_id(Table::People, id, origin)) return;
    const model::Person person{text_->store(id), text_->store(base::trim(row.name))};
    const auto position = static_cast<std::uint32_t>(parts_.people.size());
    if (const auto first = ids_.people.insert(person.id, position)) {
        duplicate(Table::People, id, *first, origin);
        return;
    }
    begin_row(Table::People, origin);
    parts_.people.push_back(person);
    keep_extra(Table::People, extra);
}

namespace {
void prefetch_id(const model::IdIndex& index, std::string_view id) noexcept {
    index.prefetch(model::IdIndex::hash(base::trim(id)));
}
}  // namespace

void ModelBuilder::prefetch(const UnitFields& row) const noexcept {
    prefetch_id(ids_.units, row.id);
}
void ModelBuilder::prefetch(const PostFields& row) const noexcept {
    prefetch_id(ids_.posts, row.id);
}
void ModelBuilder::prefetch(const PersonFields& row) const noexcept {
    prefetch_id(ids_.people, row.id);
}
void ModelBuilder::prefetch(const LinkFields& row) const noexcept {
    // Posts: what most links join, and what resolve_ref() tries first.
    prefetch_id(ids_.posts, row.from);
    prefetch_id(ids_.posts, row.to);
}
void ModelBuilder::prefetch(const FindingFields&) const noexcept {}

std::optional<model::Ref> ModelBuilder::resolve_ref(std::string_view id, bool post,
                                                    bool unit) const {
    // Posts first: they are what most links join.
    if (post) {
        if (const auto found = ids_.posts.find(id)) return model::at<model::PostId>(*found);
    }
    if (unit) {
        if (const auto found = ids_.units.find(id)) return model::at<model::UnitId>(*found);
    }
    return std::nullopt;
}

void ModelBuilder::add_link(const LinkFields& row, Origin origin,
                            std::span<const std::string_view> extra) {
    using model::LinkKind;
    const auto kind = model::parse_link_kind(row.kind);
    if (!kind) {
        error(origin, "kind",
              (base::trim(row.kind).empty() ? std::string("missing kind")
                                            : "wrong kind " + quoted(row.kind)) +
                  " (expected one of " + expected_kinds(model::all_link_kinds()) + ")");
        return;
    }
    const auto from_id = base::trim(row.from);
    const auto to_id = base::trim(row.to);
    // What each kind connects (SPEC §2): posts, units, or either as long as both ends agree.
    const bool posts = *kind != LinkKind::Serves;
    const bool units = *kind == LinkKind::Serves || *kind == LinkKind::Collaborates;
    const bool to_unit = *kind == LinkKind::MemberOf || units;
    const bool to_post = *kind != LinkKind::MemberOf && posts;
    auto from = resolve_ref(from_id, posts, units);
    auto to = resolve_ref(to_id, to_post, to_unit);
    if (*kind == LinkKind::Collaborates && from && to && from->index() != to->index()) {
        // An id that names both a post and a unit: take the reading where both ends agree.
        const bool from_post = std::holds_alternative<model::PostId>(*from);
        if (auto other = resolve_ref(to_id, from_post, !from_post)) {
            to = other;
        } else if (auto other_from = resolve_ref(from_id, !from_post, from_post)) {
            from = other_from;
        }
    }
    const auto what = [](bool post, bool unit) {
        return std::string(post && unit ? "post or unit" : post ? "post" : "unit");
    };
    bool ok = true;
    // An end in a table that could not be read is unknown for a reason already reported.
    const bool ends_unread = (posts && unread(Table::Posts)) || (units && unread(Table::Units));
    if (!from_id.empty() && !from && ends_unread) return;
    if (!to_id.empty() && !to &&
        ((to_post && unread(Table::Posts)) || (to_unit && unread(Table::Units)))) {
        return;
    }
    if (from_id.empty() || !from) {
        error(origin, "from",
              from_id.empty() ? "missing 'from'"
                              : "unknown " + what(posts, units) + " " + quoted(from_id) +
                                    " for a " + std::string(to_string(*kind)) + " link");
        ok = false;
    }
    if (to_id.empty() || !to) {
        error(origin, "to",
              to_id.empty() ? "missing 'to'"
                            : "unknown " + what(to_post, to_unit) + " " + quoted(to_id) +
                                  " for a " + std::string(to_string(*kind)) + " link");
        ok = false;
    }
    if (ok && *kind == LinkKind::Collaborates && from->index() != to->index()) {
        error(origin, "to",
              "a collaborates link joins two posts or two units, not " + quoted(from_id) + " and " +
                  quoted(to_id));
        ok = false;
    }
    const auto weight = number(origin, "weight", row.weight);
    if (!ok) return;
    if (*kind == LinkKind::MemberOf) {
        const auto& group = parts_.units[model::index(std::get<model::UnitId>(*to))];
        if (group.kind != model::UnitKind::Group) {
            diagnostics_.warning(at(origin, "to"), "member_of link to " + quoted(group.id) +
                                                       ", a " + std::string(to_string(group.kind)) +
                                                       ", not a group");
        }
    }
    begin_row(Table::Links, origin);
    links_.push_back({*from, *to, *kind, weight, text_->store(base::trim(row.note))});
    keep_extra(Table::Links, extra);
}

void ModelBuilder::add_finding(const FindingFields& row, Origin origin,
                               std::span<const std::string_view> extra) {
    const auto id = base::trim(row.id);
    if (!check_id(Table::Findings, id, origin)) return;
    model::Finding finding;
    finding.id = text_->store(id);
    const auto position = static_cast<std::uint32_t>(parts_.findings.size());
    if (const auto first = ids_.findings.insert(finding.id, position)) {
        duplicate(Table::Findings, id, *first, origin);
        return;
    }
    if (const auto kind = model::parse_finding_kind(row.kind)) {
        finding.kind = *kind;
    } else {
        error(origin, "kind",
              (base::trim(row.kind).empty() ? std::string("missing kind")
                                            : "wrong kind " + quoted(row.kind)) +
                  " (expected one of " + expected_kinds(model::all_finding_kinds()) + ")");
    }
    finding.statement = text_->store(base::trim(row.statement));
    finding.source = text_->store(base::trim(row.source));
    finding.check = text_->store(base::trim(row.check));
    for (const auto subject : split_ids(row.about)) {
        // Findings are mostly about units: an id naming both a unit and a post is the unit.
        auto ref = resolve_ref(subject, false, true);
        if (!ref) ref = resolve_ref(subject, true, false);
        if (ref) {
            finding.about.push_back(*ref);
        } else if (!unread(Table::Units) && !unread(Table::Posts)) {
            error(origin, "about", "unknown unit or post " + quoted(subject));
        }
    }
    finding.severity = whole_number(origin, "severity", row.severity, 1, 5, 1).value_or(1);
    finding.count =
        whole_number(origin, "count", row.count, 0, std::numeric_limits<int>::max(), 1).value_or(1);
    std::vector<std::string_view> because;
    for (const auto cause : split_ids(row.because)) because.push_back(pending_text_.store(cause));
    begin_row(Table::Findings, origin);
    parts_.findings.push_back(std::move(finding));
    pending_because_.push_back(std::move(because));
    keep_extra(Table::Findings, extra);
}

void ModelBuilder::resolve_units_posts_people() {
    // Each row's lookups start a few rows ahead (prefetch()).
    constexpr std::size_t kAhead = 16;
    for (std::size_t u = 0; u < parts_.units.size(); ++u) {
        if (u + kAhead < pending_units_.size()) {
            const auto& [parent, head] = pending_units_[u + kAhead];
            prefetch_id(ids_.units, parent);
            prefetch_id(ids_.posts, head);
        }
        auto& unit = parts_.units[u];
        const auto& [parent, head] = pending_units_[u];
        const auto row_origin = origin(Table::Units, static_cast<std::uint32_t>(u));
        if (!parent.empty()) {
            if (const auto found = ids_.units.find(parent)) {
                unit.parent = model::at<model::UnitId>(*found);
            } else if (!unread(Table::Units)) {
                error(row_origin, "parent", "unknown unit " + quoted(parent));
            }
        }
        if (!head.empty()) {
            if (const auto found = ids_.posts.find(head)) {
                unit.head = model::at<model::PostId>(*found);
            } else if (!unread(Table::Posts)) {
                error(row_origin, "head", "unknown post " + quoted(head));
            }
        }
    }
    for (std::size_t p = 0; p < parts_.posts.size(); ++p) {
        if (p + kAhead < pending_posts_.size()) {
            const auto& [unit, reports_to, person] = pending_posts_[p + kAhead];
            prefetch_id(ids_.units, unit);
            prefetch_id(ids_.posts, reports_to);
            prefetch_id(ids_.people, person);
        }
        auto& post = parts_.posts[p];
        const auto& [unit, reports_to, person] = pending_posts_[p];
        const auto row_origin = origin(Table::Posts, static_cast<std::uint32_t>(p));
        if (unit.empty()) {
            error(row_origin, "unit", "post " + quoted(post.id) + " has no unit");
        } else if (const auto found = ids_.units.find(unit)) {
            post.unit = model::at<model::UnitId>(*found);
        } else if (!unread(Table::Units)) {
            error(row_origin, "unit",
                  "post " + quoted(post.id) + " is in unit " + quoted(unit) +
                      ", which does not exist");
        }
        if (!reports_to.empty()) {
            if (const auto found = ids_.posts.find(reports_to)) {
                post.reports_to = model::at<model::PostId>(*found);
            } else if (!unread(Table::Posts)) {
                error(row_origin, "reports_to", "unknown post " + quoted(reports_to));
            }
        }
        if (!person.empty()) {
            auto found = ids_.people.find(person);
            if (!found && !people_listed_) {
                // Without a people table, the posts' person values are the people: their ids.
                if (auto problem = model::id_problem(person, "the person's id")) {
                    error(row_origin, "person", std::move(*problem));
                    continue;  // the post stays vacant
                }
                found = static_cast<std::uint32_t>(parts_.people.size());
                parts_.people.push_back({text_->store(person), {}});
                ids_.people.insert(parts_.people.back().id, *found);
            }
            if (found) {
                post.person = model::at<model::PersonId>(*found);
            } else if (!unread(Table::People)) {
                error(row_origin, "person", "unknown person " + quoted(person));
            }
        }
    }
}

void ModelBuilder::resolve_because() {
    for (std::size_t f = 0; f < parts_.findings.size(); ++f) {
        const auto row_origin = origin(Table::Findings, static_cast<std::uint32_t>(f));
        for (const auto cause : pending_because_[f]) {
            const auto found = ids_.findings.find(cause);
            if (!found) {
                error(row_origin, "because", "unknown finding " + quoted(cause));
                continue;
            }
            parts_.findings[f].because.push_back(model::at<model::FindingId>(*found));
            if (parts_.findings[*found].kind != model::FindingKind::Cause) {
                diagnostics_.warning(at(row_origin, "because"),
                                     quoted(cause) + " is not a cause but a " +
                                         std::string(to_string(parts_.findings[*found].kind)));
            }
        }
    }
}

void ModelBuilder::report_cycles() {
    // A cycle among the references that resolved is one whatever else is wrong: reported now,
    // it does not wait for a second run after the other errors are fixed. The model is made of
    // the parts only to be checked, and thrown away.
    const model::Model partial(std::move(parts_), model::IdCheck::Done);
    for (const auto& issue : model::check_cycles(partial)) {
        diagnostics_.error(locate(issue.table, issue.row, issue.column), issue.message);
    }
}

model::Model ModelBuilder::finish() && {
    resolve_units_posts_people();
    resolve_because();
    // The structure of a model whose rows were not all sound is not worth checking (and a
    // reference left unresolved would mislead it). Errors the caller had reported before it
    // made this builder are about other things: they are thrown at the end, with the rest.
    if (diagnostics_.error_count() != errors_before_) {
        report_cycles();
        diagnostics_.throw_if_errors();
    }

    parts_.storage.push_back(text_);
    parts_.storage.push_back(std::move(links_).finish(parts_.link_columns));
    model::Model model(std::move(parts_), std::move(ids_));
    for (const auto& issue : model::check_structure(model, diagnostics_.max_listed())) {
        if (issue.message.empty()) {  // a warning beyond the listing cap
            diagnostics_.count_warning();
            continue;
        }
        auto where = locate(issue.table, issue.row, issue.column);
        if (issue.severity == Severity::Error) {
            diagnostics_.error(std::move(where), issue.message);
        } else {
            diagnostics_.warning(std::move(where), issue.message);
        }
    }
    diagnostics_.throw_if_errors();
    return model;
}

}  // namespace reorg::io
