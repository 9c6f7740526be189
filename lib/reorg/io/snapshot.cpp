#include "reorg/io/snapshot.hpp"

#include <capnp/any.h>
#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>
#include <kj/io.h>
#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <vector>

#include "model.capnp.h"
#include "reorg/base/atomic_file.hpp"
#include "reorg/base/text.hpp"
#include "reorg/base/utf8.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/id_rules.hpp"
#include "reorg/model/validate.hpp"

namespace reorg::io {
namespace {

using model::Table;

constexpr std::uint32_t kNoIndex = wire::NO_INDEX;
// From this many links on, the writer fills their columns on a second thread.
constexpr std::size_t kParallelLinks = 100'000;

// ---- writing ---------------------------------------------------------------------------------

// capnp's text setters want NUL-terminated strings; the model's views are not, so copy into a
// text of the right size.
template <class Init>
void set_text(Init&& init, std::string_view text) {
    if (text.empty()) return;  // an absent text reads back as empty
    auto builder = init(static_cast<unsigned>(text.size()));
    std::memcpy(builder.begin(), text.data(), text.size());
}

template <class Id>
std::uint32_t position(const std::optional<Id>& id) {
    return id ? static_cast<std::uint32_t>(model::index(*id)) : kNoIndex;
}

std::uint32_t ref_position(model::Ref ref) {
    return static_cast<std::uint32_t>(std::visit([](auto id) { return model::index(id); }, ref));
}

void set_ref(wire::Ref::Builder builder, model::Ref ref) {
    if (const auto* post = std::get_if<model::PostId>(&ref)) {
        builder.setPost(static_cast<std::uint32_t>(model::index(*post)));
    } else {
        builder.setUnit(static_cast<std::uint32_t>(model::index(std::get<model::UnitId>(ref))));
    }
}

// kj's output interface over the temporary file of an AtomicFile.
class StreamOutput final : public kj::OutputStream {
public:
    explicit StreamOutput(std::ostream& out) : out_(out) {}
    void write(const void* buffer, size_t size) override {
        out_.write(static_cast<const char*>(buffer), static_cast<std::streamsize>(size));
    }

private:
    std::ostream& out_;
};

// Words of a text of `size` bytes: its bytes and NUL, in whole words.
std::size_t text_words(std::string_view text) { return text.empty() ? 0 : text.size() / 8 + 1; }

// At least the words the message of `m` takes (every row's struct, its texts and lists, with a
// margin), and whether the links' notes need a column, in one pass over the links. Sizing the
// first segment by it keeps the message in one segment (which a reader reads straight
// through) without copying it into one; the unused rest is cut off the file (or, in memory
// from calloc, never touched).
struct MessageBound {
    std::size_t words = 1024;
    bool link_notes = false;  // whether any link has a note
};
MessageBound message_bound(const model::Model& m) {
    constexpr std::size_t kRowWords = 16;  // a row's struct (at most 8 words) and list tags
    MessageBound bound;
    auto& words = bound.words;
    for (const auto& unit : m.units()) {
        words += kRowWords + text_words(unit.id) + text_words(unit.name);
    }
    for (const auto& post : m.posts()) {
        words +=
            kRowWords + text_words(post.id) + text_words(post.title) + text_words(post.function);
    }
    for (const auto& person : m.people()) {
        words += kRowWords + text_words(person.id) + text_words(person.name);
    }
    // A link: 18¼ bytes in the columns, a note's pointer and its text.
    for (const auto& link : m.links()) {
        words += 4 + text_words(link.note);
        bound.link_notes = bound.link_notes || !link.note.empty();
    }
    for (const auto& finding : m.findings()) {
        words += kRowWords + text_words(finding.id) + text_words(finding.statement) +
                 text_words(finding.source) + text_words(finding.check) + finding.about.size() +
                 finding.because.size();
    }
    for (std::size_t t = 0; t < 5; ++t) {
        const auto& extra = m.extra(Table(t));
        for (const auto& name : extra.names) words += 1 + text_words(name);
        for (const auto value : extra.values) words += 1 + text_words(value);
    }
    return bound;
}

// Fills the message of `m`. The links' columns are placed first and, for a large model,
// filled on the second core while this one fills the other tables: setting a column's
// elements only writes inside it, and everything that allocates stays on this thread.
void fill(wire::Model::Builder root, const model::Model& m, bool link_notes) {
    root.setFormatVersion(wire::CURRENT_FORMAT_VERSION);

    const auto table = m.links();
    const auto n_links = static_cast<unsigned>(table.size());
    auto links = root.initLinks();
    auto from = links.initFrom(n_links);
    auto to = links.initTo(n_links);
    auto from_is_unit = links.initFromIsUnit(n_links);
    auto to_is_unit = links.initToIsUnit(n_links);
    auto kinds = links.initKind(n_links);
    auto weights = links.initWeight(n_links);
    auto link_columns =
        std::async(n_links >= kParallelLinks ? std::launch::async : std::launch::deferred, [&] {
            for (unsigned i = 0; i < n_links; ++i) {
                const auto link = table[i];
                from.set(i, ref_position(link.from));
                to.set(i, ref_position(link.to));
                from_is_unit.set(i, std::holds_alternative<model::UnitId>(link.from));
                to_is_unit.set(i, std::holds_alternative<model::UnitId>(link.to));
                kinds.set(i, static_cast<wire::LinkKind>(link.kind));
                weights.set(i, link.weight.value_or(std::numeric_limits<double>::quiet_NaN()));
            }
        });

    auto units = root.initUnits(static_cast<unsigned>(m.units().size()));
    for (unsigned i = 0; i < units.size(); ++i) {
        const auto& unit = m.units()[i];
        auto out = units[i];
        set_text([&](unsigned n) { return out.initId(n); }, unit.id);
        set_text([&](unsigned n) { return out.initName(n); }, unit.name);
        out.setKind(static_cast<wire::UnitKind>(unit.kind));
        out.setParent(position(unit.parent));
        out.setHead(position(unit.head));
        if (unit.capacity) out.getCapacity().setValue(*unit.capacity);
    }

    auto posts = root.initPosts(static_cast<unsigned>(m.posts().size()));
    for (unsigned i = 0; i < posts.size(); ++i) {
        const auto& post = m.posts()[i];
        auto out = posts[i];
        set_text([&](unsigned n) { return out.initId(n); }, post.id);
        set_text([&](unsigned n) { return out.initTitle(n); }, post.title);
        set_text([&](unsigned n) { return out.initFunction(n); }, post.function);
        out.setUnit(static_cast<std::uint32_t>(model::index(post.unit)));
        out.setReportsTo(position(post.reports_to));
        out.setFte(post.fte);
        out.setCost(post.cost);
        out.setPerson(position(post.person));
    }

    auto people = root.initPeople(static_cast<unsigned>(m.people().size()));
    for (unsigned i = 0; i < people.size(); ++i) {
        auto out = people[i];
        set_text([&](unsigned n) { return out.initId(n); }, m.people()[i].id);
        set_text([&](unsigned n) { return out.initName(n); }, m.people()[i].name);
    }

    auto note = links.initNote(link_notes ? n_links : 0);
    for (unsigned i = 0; i < note.size(); ++i) {
        set_text([&](unsigned n) { return note.init(i, n); }, table[i].note);
    }
    link_columns.get();

    auto findings = root.initFindings(static_cast<unsigned>(m.findings().size()));
    for (unsigned i = 0; i < findings.size(); ++i) {
        const auto& finding = m.findings()[i];
        auto out = findings[i];
        set_text([&](unsigned n) { return out.initId(n); }, finding.id);
        out.setKind(static_cast<wire::FindingKind>(finding.kind));
        set_text([&](unsigned n) { return out.initStatement(n); }, finding.statement);
        auto about = out.initAbout(static_cast<unsigned>(finding.about.size()));
        for (unsigned k = 0; k < about.size(); ++k) set_ref(about[k], finding.about[k]);
        auto because = out.initBecause(static_cast<unsigned>(finding.because.size()));
        for (unsigned k = 0; k < because.size(); ++k) {
            because.set(k, static_cast<std::uint32_t>(model::index(finding.because[k])));
        }
        out.setSeverity(static_cast<std::uint8_t>(finding.severity));
        out.setCount(static_cast<std::uint32_t>(finding.count));
        set_text([&](unsigned n) { return out.initSource(n); }, finding.source);
        set_text([&](unsigned n) { return out.initCheck(n); }, finding.check);
    }

    unsigned tables = 0;
    for (std::size_t t = 0; t < 5; ++t) tables += m.extra(Table(t)).names.empty() ? 0u : 1u;
    auto extra = root.initExtraColumns(tables);
    unsigned next = 0;
    for (std::size_t t = 0; t < 5; ++t) {
        const auto& columns = m.extra(Table(t));
        if (columns.names.empty()) continue;
        auto out = extra[next++];
        out.setTable(static_cast<wire::Table>(t));
        auto names = out.initNames(static_cast<unsigned>(columns.names.size()));
        for (unsigned k = 0; k < names.size(); ++k) {
            set_text([&](unsigned n) { return names.init(k, n); }, columns.names[k]);
        }
        auto values = out.initValues(static_cast<unsigned>(columns.values.size()));
        for (unsigned k = 0; k < values.size(); ++k) {
            set_text([&](unsigned n) { return values.init(k, n); }, columns.values[k]);
        }
    }
}

// ---- reading ---------------------------------------------------------------------------------

// A snapshot's bytes, kept alive by the models whose strings point into them: the file mapped
// read-only, or, for a stream named on the command line (`<(cat m.reorg)`), read into memory
// in whole words, as Cap'n Proto reads them.
class SnapshotBytes {
public:
    explicit SnapshotBytes(const std::filesystem::path& path) {
        InputFile file(path, PathSource::Named);
        if (file.is_stream()) {
            read_stream(file);
            return;
        }
        size_ = file.size();
        if (size_ > 0) {
            data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, file.descriptor(), 0);
            if (data_ == MAP_FAILED) {
                data_ = nullptr;
                throw InputError({path.string()}, std::string("cannot map the file into memory: ") +
                                                      std::strerror(errno));
            }
            mapped_ = true;
        }
    }
    SnapshotBytes(const SnapshotBytes&) = delete;
    SnapshotBytes& operator=(const SnapshotBytes&) = delete;
    ~SnapshotBytes() {
        if (mapped_) ::munmap(data_, size_);
    }

    [[nodiscard]] const void* data() const noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

private:
    void read_stream(InputFile& file) {
        // Whole words enough for one byte beyond the bound, which is where reading stops.
        constexpr std::size_t kMostWords = kMaxReadBytes / sizeof(std::uint64_t) + 1;
        words_.resize(std::size_t{8} << 10);
        for (;;) {
            const auto capacity = words_.size() * sizeof(std::uint64_t);
            if (size_ == capacity) words_.resize(std::min(words_.size() * 2, kMostWords));
            const std::span<char> all(reinterpret_cast<char*>(words_.data()),
                                      words_.size() * sizeof(std::uint64_t));
            const auto count = file.read_some(all.subspan(size_));
            if (count == 0) break;
            size_ += count;
            file.check_size(size_);
        }
        data_ = words_.data();
    }

    void* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::vector<std::uint64_t> words_;  // a stream's bytes, aligned as capnp::word
};

// What each kind of link joins (SPEC §2).
bool endpoints_fit(model::LinkKind kind, bool from_post, bool to_post) {
    switch (kind) {
        case model::LinkKind::DottedLine:
            return from_post && to_post;
        case model::LinkKind::MemberOf:
            return from_post && !to_post;
        case model::LinkKind::Serves:
            return !from_post && !to_post;
        case model::LinkKind::Collaborates:
            return from_post == to_post;
    }
    return false;
}

bool endpoints_fit(const model::Link& link) {
    return endpoints_fit(link.kind, std::holds_alternative<model::PostId>(link.from),
                         std::holds_alternative<model::PostId>(link.to));
}

// Where in the message a value sits, spelled out only when something is wrong there.
struct Where {
    const char* list;
    std::size_t position;
    const char* field = nullptr;

    [[nodiscard]] Where operator/(const char* name) const { return {list, position, name}; }
    [[nodiscard]] std::string text() const {
        std::string spelled = std::string(list) + "[" + std::to_string(position) + "]";
        if (field != nullptr) spelled += std::string(".") + field;
        return spelled;
    }
};

// The length of each table of a snapshot.
struct Rows {
    std::size_t units, posts, people, links, findings;
};

// Converts the lists of a snapshot into the model's tables, reporting what is out of range
// with its place in the message.
class SnapshotReader {
public:
    SnapshotReader(std::string file, Diagnostics& diagnostics)
        : file_(std::move(file)), diagnostics_(diagnostics) {}

    void error(const std::string& where, const std::string& what) {
        diagnostics_.error({file_, 0, where}, what);
    }
    void error(const Where& where, const std::string& what) { error(where.text(), what); }

    template <class W>
    std::string_view text(capnp::Text::Reader reader, const W& where) {
        const std::string_view view(reader.begin(), reader.size());
        if (base::find_invalid_utf8(view)) error(where, "invalid UTF-8");
        return view;
    }

    // An id: UTF-8 and otherwise one that an id may be, as a text file's must (an id that is
    // not UTF-8 is said so by id_problem() too, in an id's words).
    std::string_view id(capnp::Text::Reader reader, const Where& where) {
        const std::string_view view(reader.begin(), reader.size());
        if (auto problem = model::id_problem(view)) error(where, *problem);
        return view;
    }

    template <class Id>
    std::optional<Id> optional_index(std::uint32_t value, std::size_t size, const Where& where) {
        if (value == kNoIndex) return std::nullopt;
        return index<Id>(value, size, where);
    }

    template <class Id>
    Id index(std::uint32_t value, std::size_t size, const Where& where) {
        if (value >= size) {
            error(where, "refers to position " + std::to_string(value) + " of a list of " +
                             std::to_string(size));
            return Id{0};
        }
        return model::at<Id>(value);
    }

    template <class Kind>
    Kind kind(std::uint16_t value, std::size_t count, const Where& where) {
        if (value >= count) {
            error(where, "unknown kind number " + std::to_string(value));
            return Kind{};
        }
        return static_cast<Kind>(value);
    }

    model::Ref ref(wire::Ref::Reader reader, std::size_t posts, std::size_t units,
                   const Where& where) {
        if (reader.isUnit()) return index<model::UnitId>(reader.getUnit(), units, where);
        return index<model::PostId>(reader.getPost(), posts, where);
    }

    void check_version(wire::Model::Reader root) {
        if (root.getFormatVersion() > wire::CURRENT_FORMAT_VERSION) {
            error("formatVersion",
                  "written by a newer reorg (format " + std::to_string(root.getFormatVersion()) +
                      "); this one reads up to " + std::to_string(wire::CURRENT_FORMAT_VERSION));
            diagnostics_.throw_if_errors();
        }
    }

    /// The length of every table; the columns of the links must agree.
    Rows rows(wire::Model::Reader root) {
        const auto links = root.getLinks();
        const std::size_t n_links = links.getFrom().size();
        const auto notes = links.getNote().size();
        if (links.getTo().size() != n_links || links.getFromIsUnit().size() != n_links ||
            links.getToIsUnit().size() != n_links || links.getKind().size() != n_links ||
            links.getWeight().size() != n_links || (notes != 0 && notes != n_links)) {
            error("links", "its columns differ in length");
            diagnostics_.throw_if_errors();
        }
        return {root.getUnits().size(), root.getPosts().size(), root.getPeople().size(), n_links,
                root.getFindings().size()};
    }

    std::vector<model::Unit> units(capnp::List<wire::Unit>::Reader units, const Rows& rows) {
        std::vector<model::Unit> out;
        out.reserve(units.size());
        for (unsigned i = 0; i < units.size() && !diagnostics_.full(); ++i) {
            const auto in = units[i];
            const Where where{"units", i};
            model::Unit unit;
            unit.id = id(in.getId(), where / "id");
            unit.name = text(in.getName(), where / "name");
            unit.kind = kind<model::UnitKind>(static_cast<std::uint16_t>(in.getKind()),
                                              model::all_unit_kinds().size(), where / "kind");
            unit.parent =
                optional_index<model::UnitId>(in.getParent(), rows.units, where / "parent");
            unit.head = optional_index<model::PostId>(in.getHead(), rows.posts, where / "head");
            if (in.getCapacity().isValue()) unit.capacity = in.getCapacity().getValue();
            out.push_back(unit);
        }
        return out;
    }

    std::vector<model::Post> posts(capnp::List<wire::Post>::Reader posts, const Rows& rows) {
        std::vector<model::Post> out;
        out.reserve(posts.size());
        for (unsigned i = 0; i < posts.size() && !diagnostics_.full(); ++i) {
            const auto in = posts[i];
            const Where where{"posts", i};
            model::Post post;
            post.id = id(in.getId(), where / "id");
            post.title = text(in.getTitle(), where / "title");
            post.function = text(in.getFunction(), where / "function");
            post.unit = index<model::UnitId>(in.getUnit(), rows.units, where / "unit");
            post.reports_to =
                optional_index<model::PostId>(in.getReportsTo(), rows.posts, where / "reportsTo");
            post.fte = in.getFte();
            post.cost = in.getCost();
            post.person =
                optional_index<model::PersonId>(in.getPerson(), rows.people, where / "person");
            out.push_back(post);
        }
        return out;
    }

    std::vector<model::Person> people(capnp::List<wire::Person>::Reader people) {
        std::vector<model::Person> out;
        out.reserve(people.size());
        for (unsigned i = 0; i < people.size() && !diagnostics_.full(); ++i) {
            const Where where{"people", i};
            out.push_back(
                {id(people[i].getId(), where / "id"), text(people[i].getName(), where / "name")});
        }
        return out;
    }

    std::vector<model::Link> links(wire::LinkTable::Reader links, const Rows& rows) {
        const auto from = links.getFrom();
        const auto to = links.getTo();
        const auto from_is_unit = links.getFromIsUnit();
        const auto to_is_unit = links.getToIsUnit();
        const auto kinds = links.getKind();
        const auto weights = links.getWeight();
        const auto notes = links.getNote();
        std::vector<model::Link> out;
        out.reserve(rows.links);
        const auto endpoint = [&](std::uint32_t position, bool unit, const Where& where) {
            return unit ? model::Ref(index<model::UnitId>(position, rows.units, where))
                        : model::Ref(index<model::PostId>(position, rows.posts, where));
        };
        for (unsigned i = 0; i < rows.links && !diagnostics_.full(); ++i) {
            const Where where{"links", i};
            model::Link link;
            link.from = endpoint(from[i], from_is_unit[i], where / "from");
            link.to = endpoint(to[i], to_is_unit[i], where / "to");
            link.kind = kind<model::LinkKind>(static_cast<std::uint16_t>(kinds[i]),
                                              model::all_link_kinds().size(), where / "kind");
            if (!endpoints_fit(link)) {
                error(where,
                      "its ends do not fit a " + std::string(to_string(link.kind)) + " link");
            }
            if (const double weight = weights[i]; !std::isnan(weight)) link.weight = weight;
            if (notes.size() != 0) link.note = text(notes[i], where / "note");
            out.push_back(link);
        }
        return out;
    }

    /// The links as columns of the message, read in place, after checking every entry as
    /// links() does; nullopt when the lists are not laid out as plain arrays of their element
    /// type (the conversion then reads them element by element). The notes of the links that have
    /// one are gathered, by position, into `notes`.
    std::optional<model::LinkColumns> link_columns(wire::LinkTable::Reader links, const Rows& rows,
                                                   std::vector<model::LinkNote>& notes) {
        if constexpr (std::endian::native != std::endian::little) return std::nullopt;
        const auto raw = [](capnp::AnyList::Reader list, capnp::ElementSize size) {
            return list.getElementSize() == size ? list.getRawBytes().begin() : nullptr;
        };
        using capnp::ElementSize;
        model::LinkColumns columns;
        columns.size = rows.links;
        columns.from =
            reinterpret_cast<const std::byte*>(raw(links.getFrom(), ElementSize::FOUR_BYTES));
        columns.to =
            reinterpret_cast<const std::byte*>(raw(links.getTo(), ElementSize::FOUR_BYTES));
        columns.from_is_unit =
            reinterpret_cast<const std::byte*>(raw(links.getFromIsUnit(), ElementSize::BIT));
        columns.to_is_unit =
            reinterpret_cast<const std::byte*>(raw(links.getToIsUnit(), ElementSize::BIT));
        columns.kind =
            reinterpret_cast<const std::byte*>(raw(links.getKind(), ElementSize::TWO_BYTES));
        columns.weight =
            reinterpret_cast<const std::byte*>(raw(links.getWeight(), ElementSize::EIGHT_BYTES));
        if (columns.size == 0 || !columns.from || !columns.to || !columns.from_is_unit ||
            !columns.to_is_unit || !columns.kind || !columns.weight) {
            return std::nullopt;
        }
        const auto n_kinds = model::all_link_kinds().size();
        for (std::size_t i = 0; i < rows.links && !diagnostics_.full(); ++i) {
            const auto from = model::LinkColumns::load<std::uint32_t>(columns.from, i);
            const auto to = model::LinkColumns::load<std::uint32_t>(columns.to, i);
            const bool from_unit = model::LinkColumns::bit(columns.from_is_unit, i);
            const bool to_unit = model::LinkColumns::bit(columns.to_is_unit, i);
            const auto kind = model::LinkColumns::load<std::uint16_t>(columns.kind, i);
            if (from < (from_unit ? rows.units : rows.posts) &&
                to < (to_unit ? rows.units : rows.posts) && kind < n_kinds &&
                endpoints_fit(static_cast<model::LinkKind>(kind), !from_unit, !to_unit)) {
                continue;
            }
            // Something is wrong with this one: say what, as the conversion does.
            const Where where{"links", i};
            const auto endpoint = [&](std::uint32_t position, bool unit, const Where& at) {
                if (unit) {
                    index<model::UnitId>(position, rows.units, at);
                } else {
                    index<model::PostId>(position, rows.posts, at);
                }
            };
            endpoint(from, from_unit, where / "from");
            endpoint(to, to_unit, where / "to");
            const auto known = this->kind<model::LinkKind>(kind, n_kinds, where / "kind");
            if (!endpoints_fit(known, !from_unit, !to_unit)) {
                error(where, "its ends do not fit a " + std::string(to_string(known)) + " link");
            }
        }
        // Most links have no note: kept are those that have one.
        if (const auto in = links.getNote(); in.size() != 0) {
            for (unsigned i = 0; i < rows.links && !diagnostics_.full(); ++i) {
                const auto note = in[i];
                if (note.size() != 0) notes.push_back({i, text(note, Where{"links", i} / "note")});
            }
        }
        return columns;
    }

    std::vector<model::Finding> findings(capnp::List<wire::Finding>::Reader findings,
                                         const Rows& rows) {
        std::vector<model::Finding> out;
        out.reserve(findings.size());
        for (unsigned i = 0; i < findings.size() && !diagnostics_.full(); ++i) {
            const auto in = findings[i];
            const Where where{"findings", i};
            model::Finding finding;
            finding.id = id(in.getId(), where / "id");
            finding.kind =
                kind<model::FindingKind>(static_cast<std::uint16_t>(in.getKind()),
                                         model::all_finding_kinds().size(), where / "kind");
            finding.statement = text(in.getStatement(), where / "statement");
            for (const auto about : in.getAbout()) {
                finding.about.push_back(ref(about, rows.posts, rows.units, where / "about"));
            }
            for (const auto cause : in.getBecause()) {
                finding.because.push_back(
                    index<model::FindingId>(cause, rows.findings, where / "because"));
            }
            finding.severity = in.getSeverity();
            if (finding.severity < 1 || finding.severity > 5) {
                error(where / "severity", "must be from 1 to 5");
            }
            finding.count = static_cast<int>(std::min<std::uint32_t>(in.getCount(), INT32_MAX));
            finding.source = text(in.getSource(), where / "source");
            finding.check = text(in.getCheck(), where / "check");
            out.push_back(std::move(finding));
        }
        return out;
    }

    void extra_columns(capnp::List<wire::ExtraColumns>::Reader tables, const Rows& rows,
                       std::vector<model::ExtraColumns>& extra_columns) {
        const std::size_t per_table[] = {rows.units, rows.posts, rows.people, rows.links,
                                         rows.findings};
        for (const auto columns : tables) {
            const auto t = static_cast<std::size_t>(columns.getTable());
            if (t >= 5) {
                error("extraColumns.table", "unknown table");
                continue;
            }
            auto& extra = extra_columns[t];
            for (const auto name : columns.getNames()) {
                extra.names.emplace_back(text(name, "extraColumns.names"));
            }
            const auto values = columns.getValues();
            if (values.size() != extra.names.size() * per_table[t]) {
                error("extraColumns.values", "holds " + std::to_string(values.size()) +
                                                 " values, not one per column and row");
                extra = {};
                continue;
            }
            extra.values.reserve(values.size());
            for (const auto value : values)
                extra.values.push_back(text(value, "extraColumns.values"));
        }
    }

private:
    std::string file_;
    Diagnostics& diagnostics_;
};

InputError not_valid(const std::string& file, const kj::Exception& e) {
    return InputError({file},
                      "not a valid reorg snapshot: " + std::string(e.getDescription().cStr()));
}

// A message builder whose first segment is given (zeroed memory: a mapping of the output file,
// or calloc's) and whose further segments, should the bound fall short, come from the heap.
class FirstSegmentGiven final : public capnp::MessageBuilder {
public:
    explicit FirstSegmentGiven(kj::ArrayPtr<capnp::word> first) : first_(first) {}

    kj::ArrayPtr<capnp::word> allocateSegment(unsigned minimum) override {
        if (!first_used_ && first_.size() >= minimum) {
            first_used_ = true;
            return first_;
        }
        auto& segment = more_.emplace_back(
            kj::heapArray<capnp::word>(std::max<std::size_t>(minimum, std::size_t{1} << 16)));
        std::memset(segment.begin(), 0, segment.size() * sizeof(capnp::word));
        return segment;
    }

private:
    kj::ArrayPtr<capnp::word> first_;
    bool first_used_ = false;
    std::vector<kj::Array<capnp::word>> more_;
};

}  // namespace

bool is_snapshot_path(const std::filesystem::path& path) {
    return base::iequals_ascii(path.extension().string(), ".reorg");
}

void write_snapshot(const model::Model& model, const std::filesystem::path& file) {
    constexpr std::size_t kMaxSegmentWords = std::numeric_limits<std::uint32_t>::max() / 2;
    // A one-segment message is a word of segment table (count - 1, then size) and the segment.
    constexpr std::size_t kTableBytes = sizeof(capnp::word);
    const auto bound = message_bound(model);
    const std::size_t words = std::min(bound.words, kMaxSegmentWords);
    base::AtomicFile output(file);

    // The message is made where it will lie in the file, when the file can be mapped: no
    // buffer of its size, no copy of it. Otherwise in memory that calloc maps untouched.
    const auto mapped = output.map(kTableBytes + words * sizeof(capnp::word));
    std::unique_ptr<void, decltype(&std::free)> heap(nullptr, &std::free);
    capnp::word* first = nullptr;
    if (!mapped.empty()) {
        first = reinterpret_cast<capnp::word*>(mapped.data() + kTableBytes);
    } else {
        heap.reset(std::calloc(words, sizeof(capnp::word)));
        if (!heap) throw std::bad_alloc();
        first = static_cast<capnp::word*>(heap.get());
    }
    FirstSegmentGiven message(kj::arrayPtr(first, words));
    fill(message.initRoot<wire::Model>(), model, bound.link_notes);

    const auto segments = message.getSegmentsForOutput();
    if (!mapped.empty() && segments.size() == 1) {
        const std::uint32_t table[2] = {0, static_cast<std::uint32_t>(segments[0].size())};
        std::memcpy(mapped.data(), table, sizeof(table));
        output.cut(kTableBytes + segments[0].size() * sizeof(capnp::word));
        output.commit();
        return;
    }
    if (!mapped.empty()) output.cut(0);
    StreamOutput stream(output.stream());
    if (segments.size() == 1) {
        output.reserve(capnp::computeSerializedSizeInWords(message) * sizeof(capnp::word));
        capnp::writeMessage(stream, message);
    } else {
        // A reader looks up every segment but the first under a lock: copy a large model into
        // one segment so that loading it reads straight through the mapping.
        std::size_t total = 0;
        for (const auto segment : segments) total += segment.size();
        capnp::MallocMessageBuilder single(
            static_cast<unsigned>(std::min(total + 1024, kMaxSegmentWords)));
        single.setRoot(message.getRoot<wire::Model>().asReader());
        output.reserve(capnp::computeSerializedSizeInWords(single) * sizeof(capnp::word));
        capnp::writeMessage(stream, single);
    }
    output.commit();
}

model::Model read_snapshot(const std::filesystem::path& path, Diagnostics& diagnostics,
                           bool index_ids) {
    const std::string file = path.string();
    auto mapping = std::make_shared<const SnapshotBytes>(path);
    if (mapping->size() == 0 || mapping->size() % sizeof(capnp::word) != 0) {
        throw InputError({file}, "not a reorg snapshot (truncated, or not written by reorg pack)");
    }
    const kj::ArrayPtr<const capnp::word> words(static_cast<const capnp::word*>(mapping->data()),
                                                mapping->size() / sizeof(capnp::word));
    capnp::ReaderOptions options;
    // Every word may be visited a few times (lists are read, then their elements); a hostile
    // file with overlapping pointers is stopped by this limit instead of looping for ever.
    options.traversalLimitInWords = words.size() * 4 + 1024;

    model::ModelParts parts;
    model::IdIndexes indexes;
    std::optional<std::string> duplicate;
    try {
        capnp::FlatArrayMessageReader message(words, options);
        const auto root = message.getRoot<wire::Model>();
        SnapshotReader reader(file, diagnostics);
        reader.check_version(root);
        const Rows rows = reader.rows(root);

        // Each table's ids checked, or indexed (which checks them) when asked; the first
        // duplicate is kept. An id twice in a table is reported only when nothing else is (as
        // Model(parts) does after the listed errors): the checks run alongside, and what they
        // found is dropped if any table has errors. The indexes are otherwise the model's to
        // build, on first need.
        std::optional<std::string> duplicates[4];  // by Table: units, posts, people, findings
        const auto check = [&](auto& index, const auto& table, std::optional<std::string>& out,
                               const Diagnostics& table_diagnostics) {
            if (table_diagnostics.has_errors()) return;
            try {
                if (index_ids) {
                    index = model::index_ids(std::span(table));
                } else {
                    model::check_unique_ids(std::span(table));
                }
            } catch (const Error& e) {
                out = e.what();
            }
        };

        // The posts are most of the work of a large snapshot: this core converts them while
        // the second one checks the links in place and converts the units and people, through
        // a message reader of its own (a reader counts what it traverses, unsynchronised). The
        // diagnostics are then listed table by table, as a reader going straight through would
        // list them.
        Diagnostics unit_diagnostics(diagnostics.max_listed());
        Diagnostics people_diagnostics(diagnostics.max_listed());
        Diagnostics link_diagnostics(diagnostics.max_listed());
        std::vector<model::LinkNote> notes;
        auto others = std::async(std::launch::async, [&] {
            // kj's exceptions must die on the thread that made them: pass on a reorg one.
            try {
                capnp::FlatArrayMessageReader own(words, options);
                const auto other_root = own.getRoot<wire::Model>();
                SnapshotReader link_reader(file, link_diagnostics);
                const auto table = other_root.getLinks();
                if (auto columns = link_reader.link_columns(table, rows, notes)) {
                    parts.link_columns = *columns;
                } else {
                    parts.links = link_reader.links(table, rows);
                }
                parts.units =
                    SnapshotReader(file, unit_diagnostics).units(other_root.getUnits(), rows);
                check(indexes.units, parts.units, duplicates[0], unit_diagnostics);
                parts.people =
                    SnapshotReader(file, people_diagnostics).people(other_root.getPeople());
                check(indexes.people, parts.people, duplicates[2], people_diagnostics);
            } catch (const kj::Exception& e) {
                throw not_valid(file, e);
            }
        });
        Diagnostics post_diagnostics(diagnostics.max_listed());
        parts.posts = SnapshotReader(file, post_diagnostics).posts(root.getPosts(), rows);
        check(indexes.posts, parts.posts, duplicates[1], post_diagnostics);
        others.get();
        for (const auto* table :
             {&unit_diagnostics, &post_diagnostics, &people_diagnostics, &link_diagnostics}) {
            diagnostics.append(*table);
        }
        if (auto owner = model::attach_notes(parts.link_columns, std::move(notes))) {
            parts.storage.push_back(std::move(owner));
        }
        parts.findings = reader.findings(root.getFindings(), rows);
        reader.extra_columns(root.getExtraColumns(), rows, parts.extra);
        check(indexes.findings, parts.findings, duplicates[3], diagnostics);
        for (auto& found : duplicates) {
            if (found && !duplicate) duplicate = std::move(found);
        }
    } catch (const kj::Exception& e) {
        throw not_valid(file, e);
    }
    diagnostics.throw_if_errors();
    if (duplicate) throw InputError({file}, *duplicate);
    parts.storage.push_back(mapping);

    std::optional<model::Model> model;
    try {
        if (index_ids) {
            model.emplace(std::move(parts), std::move(indexes));
        } else {
            model.emplace(std::move(parts), model::IdCheck::Done);
        }
    } catch (const Error& e) {
        throw InputError({file}, e.what());
    }
    for (const auto& issue : model::check_structure(*model, diagnostics.max_listed())) {
        if (issue.message.empty()) {  // a warning beyond the listing cap
            diagnostics.count_warning();
            continue;
        }
        const char* table = issue.table == Table::Units      ? "units["
                            : issue.table == Table::Findings ? "findings["
                            : issue.table == Table::Links    ? "links["
                                                             : "posts[";
        Location where{file, 0, table + std::to_string(issue.row) + "]"};
        if (!issue.column.empty()) where.column += "." + std::string(issue.column);
        if (issue.severity == Severity::Error) {
            diagnostics.error(where, issue.message);
        } else {
            diagnostics.warning(where, issue.message);
        }
    }
    diagnostics.throw_if_errors();
    return std::move(*model);
}

}  // namespace reorg::io
