#include "reorg/scenario/combine.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/condition.hpp"
#include "reorg/model/id_index.hpp"
#include "reorg/model/id_rules.hpp"
#include "reorg/model/validate.hpp"

namespace reorg::scenario {
namespace {

using model::FindingId;
using model::PersonId;
using model::PostId;
using model::Ref;
using model::Table;
using model::UnitId;

constexpr std::string_view kTableNames[] = {"unit", "post", "person", "link", "finding"};

std::string_view table_name(Table table) { return kTableNames[static_cast<std::size_t>(table)]; }

// An id in quotes, its control characters shown as \xNN so that a message cannot drive the
// terminal it is printed on.
std::string quoted(std::string_view id) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text = "'";
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            text += "\\x";
            text += kHex[byte >> 4U];
            text += kHex[byte & 0xfU];
        } else {
            text += c;
        }
    }
    return text + "'";
}

// What no id may hold (model::id_problem), and more: the prefix and the top id are typed on a
// command line, where a blank is more likely a slip than meant, and ids are written into
// `;`-separated lists (about, because), so a `;` cannot be part of one.
void check_id_option(std::string_view option, std::string_view text, std::string_view what) {
    if (auto problem = model::id_problem(text, what)) {
        throw OptionError(std::string(option), std::move(*problem));
    }
    if (text.find_first_of(" ;") != std::string_view::npos) {
        throw OptionError(std::string(option), std::string(what) + " " + quoted(text) +
                                                   " is not an id: it must not hold blanks or ';'");
    }
}

template <class Id>
Id shifted(Id id, std::size_t offset) {
    return model::at<Id>(model::index(id) + offset);
}

// Where one side's rows land in the combined tables, and how its ids are spelt there.
class Side {
public:
    Side(const model::Model& model, std::string_view prefix, std::size_t units, std::size_t posts,
         std::size_t people, std::size_t findings, base::TextArena& text)
        : model_(model),
          prefix_(prefix.empty() ? std::string() : std::string(prefix) + "."),
          units_(units),
          posts_(posts),
          people_(people),
          findings_(findings),
          text_(text) {}

    [[nodiscard]] const model::Model& model() const noexcept { return model_; }

    [[nodiscard]] std::string_view spelt(std::string_view id) const {
        if (prefix_.empty()) return id;
        std::string text = prefix_;
        text += id;
        return text_.store(text);
    }

    /// A check with every id it names prefixed (exists() too: its id is one of this side's).
    [[nodiscard]] std::string_view spelt_check(std::string_view check) const {
        if (prefix_.empty() || check.empty()) return check;
        auto condition = model::parse_condition(check);
        model::rename_ids(condition,
                          [this](std::string_view id) { return prefix_ + std::string(id); });
        return text_.store(model::to_string(condition));
    }

    [[nodiscard]] UnitId unit(UnitId u) const { return shifted(u, units_); }
    [[nodiscard]] PostId post(PostId p) const { return shifted(p, posts_); }
    [[nodiscard]] PersonId person(PersonId p) const { return shifted(p, people_); }
    [[nodiscard]] FindingId finding(FindingId f) const { return shifted(f, findings_); }
    [[nodiscard]] Ref ref(Ref r) const {
        if (const auto* p = std::get_if<PostId>(&r)) return post(*p);
        return unit(std::get<UnitId>(r));
    }

private:
    const model::Model& model_;
    std::string prefix_;
    std::size_t units_, posts_, people_, findings_;
    base::TextArena& text_;
};

// The union of both sides' unknown columns of a table, A's names first; a side's rows get
// empty values for the columns it lacks. `extra_rows` empty rows follow (the top unit).
model::ExtraColumns combined_extra(const model::ExtraColumns& a, std::size_t a_rows,
                                   const model::ExtraColumns& b, std::size_t b_rows,
                                   std::size_t extra_rows) {
    model::ExtraColumns out;
    out.names = a.names;
    for (const auto& name : b.names) {
        if (std::find(out.names.begin(), out.names.end(), name) == out.names.end()) {
            out.names.push_back(name);
        }
    }
    if (out.names.empty()) return out;
    out.values.reserve((a_rows + b_rows + extra_rows) * out.names.size());
    const auto add_rows = [&](const model::ExtraColumns& side, std::size_t rows) {
        // Position of each of out's names in the side's columns.
        std::vector<std::optional<std::size_t>> column(out.names.size());
        for (std::size_t i = 0; i < out.names.size(); ++i) {
            const auto it = std::find(side.names.begin(), side.names.end(), out.names[i]);
            if (it != side.names.end()) {
                column[i] = static_cast<std::size_t>(it - side.names.begin());
            }
        }
        for (std::size_t row = 0; row < rows; ++row) {
            const auto values =
                side.names.empty() ? std::span<const std::string_view>() : side.row(row);
            for (const auto& c : column) {
                out.values.push_back(c ? values[*c] : std::string_view());
            }
        }
    };
    add_rows(a, a_rows);
    add_rows(b, b_rows);
    out.values.insert(out.values.end(), extra_rows * out.names.size(), std::string_view());
    return out;
}

class Combiner {
public:
    Combiner(const model::Model& a, const model::Model& b, const CombineOptions& options)
        : options_(options),
          text_(std::make_shared<base::TextArena>()),
          a_(a, options.prefix_a, 0, 0, 0, 0, *text_),
          b_(b, options.prefix_b, a.units().size(), a.posts().size(), a.people().size(),
             a.findings().size(), *text_) {}

    model::Model run() {
        const auto& a = a_.model();
        const auto& b = b_.model();
        model::ModelParts parts;
        parts.storage = a.parts().storage;
        parts.storage.insert(parts.storage.end(), b.parts().storage.begin(),
                             b.parts().storage.end());
        parts.storage.push_back(text_);

        const auto top = model::at<UnitId>(a.units().size() + b.units().size());
        parts.units.reserve(index(top) + 1);
        parts.posts.reserve(a.posts().size() + b.posts().size());
        parts.people.reserve(a.people().size() + b.people().size());
        parts.links.reserve(a.links().size() + b.links().size());
        parts.findings.reserve(a.findings().size() + b.findings().size());
        for (const Side* side : {&a_, &b_}) add_side(*side, top, parts);

        check_collisions(parts);

        const std::string_view top_id = text_->store(options_.top_id);
        if (const auto u = indexes_.units.find(top_id)) {
            throw OptionError("top", "the top unit's id " + quoted(top_id) +
                                         " is already a unit of the " + side_of(*u, a.units()) +
                                         " model");
        }
        if (const auto p = indexes_.posts.find(top_id)) {
            throw OptionError("top", "the top unit's id " + quoted(top_id) +
                                         " is already a post of the " + side_of(*p, a.posts()) +
                                         " model");
        }
        model::Unit unit;
        unit.id = top_id;
        unit.name = text_->store(options_.top_name.empty() ? options_.top_id : options_.top_name);
        unit.kind = model::UnitKind::Administration;
        parts.units.push_back(unit);
        indexes_.units.insert(top_id, static_cast<std::uint32_t>(index(top)));

        for (const auto table :
             {Table::Units, Table::Posts, Table::People, Table::Links, Table::Findings}) {
            parts.extra[static_cast<std::size_t>(table)] =
                combined_extra(a.extra(table), rows(a, table), b.extra(table), rows(b, table),
                               table == Table::Units ? 1 : 0);
        }

        model::Model result(std::move(parts), std::move(indexes_));
        check_result(result);
        return result;
    }

private:
    static std::size_t rows(const model::Model& m, Table table) {
        switch (table) {
            case Table::Units:
                return m.units().size();
            case Table::Posts:
                return m.posts().size();
            case Table::People:
                return m.people().size();
            case Table::Links:
                return m.links().size();
            case Table::Findings:
                return m.findings().size();
        }
        return 0;
    }

    template <class Row>
    static std::string side_of(std::uint32_t row, std::span<const Row> a_rows) {
        return row < a_rows.size() ? "first" : "second";
    }

    static void add_side(const Side& side, UnitId top, model::ModelParts& parts) {
        const auto& m = side.model();
        for (const auto& original : m.units()) {
            auto unit = original;
            unit.id = side.spelt(unit.id);
            if (unit.parent) {
                unit.parent = side.unit(*unit.parent);
            } else if (unit.kind != model::UnitKind::External) {
                unit.parent = top;
            }
            if (unit.head) unit.head = side.post(*unit.head);
            parts.units.push_back(unit);
        }
        for (const auto& original : m.posts()) {
            auto post = original;
            post.id = side.spelt(post.id);
            post.unit = side.unit(post.unit);
            if (post.reports_to) post.reports_to = side.post(*post.reports_to);
            if (post.person) post.person = side.person(*post.person);
            parts.posts.push_back(post);
        }
        for (const auto& original : m.people()) {
            auto person = original;
            person.id = side.spelt(person.id);
            parts.people.push_back(person);
        }
        for (const auto& original : m.links()) {
            auto link = original;
            link.from = side.ref(link.from);
            link.to = side.ref(link.to);
            parts.links.push_back(link);
        }
        for (const auto& original : m.findings()) {
            auto finding = original;
            finding.id = side.spelt(finding.id);
            for (auto& ref : finding.about) ref = side.ref(ref);
            for (auto& cause : finding.because) cause = side.finding(cause);
            finding.check = side.spelt_check(finding.check);
            parts.findings.push_back(std::move(finding));
        }
    }

    // Indexes the ids of each table; an id of the second side already held by the first is
    // listed, every one of them, before anything is built from the tables.
    void check_collisions(const model::ModelParts& parts) {
        std::vector<Diagnostic> errors;
        const auto index_table = [&](Table table, model::IdIndex& ids, const auto& rows) {
            ids.reserve(rows.size() + 1);
            for (std::size_t row = 0; row < rows.size(); ++row) {
                if (ids.insert(rows[row].id, static_cast<std::uint32_t>(row))) {
                    errors.push_back({Severity::Error,
                                      {},
                                      std::string(table_name(table)) + " " + quoted(rows[row].id) +
                                          " is in both models"});
                }
            }
        };
        index_table(Table::Units, indexes_.units, parts.units);
        index_table(Table::Posts, indexes_.posts, parts.posts);
        index_table(Table::People, indexes_.people, parts.people);
        index_table(Table::Findings, indexes_.findings, parts.findings);
        if (!errors.empty()) throw InputError(std::move(errors));
    }

    // Each side was valid, so an error here means a side was not (a model built in code).
    static void check_result(const model::Model& result) {
        std::vector<Diagnostic> errors;
        for (const auto& issue : model::check_structure(result)) {
            if (issue.severity != Severity::Error) continue;
            const auto id = issue.table == Table::Units ? result.units()[issue.row].id
                                                        : result.posts()[issue.row].id;
            errors.push_back({Severity::Error,
                              {{}, 0, std::string(issue.column)},
                              "combined model: " + std::string(table_name(issue.table)) + " " +
                                  quoted(id) + ": " + issue.message});
        }
        if (!errors.empty()) throw InputError(std::move(errors));
    }

    const CombineOptions& options_;
    std::shared_ptr<base::TextArena> text_;
    Side a_;
    Side b_;
    model::IdIndexes indexes_;
};

}  // namespace

model::Model combine(const model::Model& a, const model::Model& b, const CombineOptions& options) {
    if (!options.prefix_a.empty()) check_id_option("prefix", options.prefix_a, "the prefix");
    if (!options.prefix_b.empty()) check_id_option("prefix", options.prefix_b, "the prefix");
    check_id_option("top", options.top_id, "the top unit's id");
    return Combiner(a, b, options).run();
}

}  // namespace reorg::scenario
