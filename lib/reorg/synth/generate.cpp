#include "reorg/synth/generate.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/random.hpp"
#include "reorg/base/text.hpp"

namespace reorg::synth {
namespace {

using model::LinkKind;
using model::UnitKind;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// ---------------------------------------------------------------------------------------------
// Random numbers that are the same on every machine (base/random.hpp), one stream per part of
// the organisation (tree, people, links, ...), so that tuning how one part draws leaves the
// others as they were.
enum class Stream : std::uint64_t { Tree = 1, People, Links, Collaboration, Findings };

class Random {
public:
    Random(std::uint64_t seed, Stream stream) noexcept
        : random_(seed, static_cast<std::uint64_t>(stream)) {}

    /// Uniform in [0, n) for n ≥ 1.
    std::uint32_t below(std::uint32_t n) noexcept { return random_.below(n); }

    /// True with probability per_mille / 1000.
    bool chance(std::uint32_t per_mille) noexcept { return below(1000) < per_mille; }

    /// One element, each as likely.
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) noexcept {
        return items[below(static_cast<std::uint32_t>(N))];
    }

private:
    base::Random random_;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary: the functions, titles and administrations of a Swedish municipality.

enum class Fn : std::uint8_t {
    Ledning,
    Ekonomi,
    HR,
    Kommunikation,
    Administration,
    Utredning,
    IT,
    Lon,
    Fastighet,
    Kost,
    Upphandling,
    Stad,
    Forskola,
    Undervisning,
    Elevhalsa,
    Omsorg,
    Halsa,
    SocialtArbete,
    Bygglov,
    Planering,
    GIS,
    Gata,
    Park,
    Miljotillsyn,
    Bibliotek,
    Fritid,
    Kultur,
    Vuxenutbildning,
    Arbetsmarknad,
    Raddning,
};

struct Function {
    std::string_view name;                   // as posts.csv spells `function`
    std::string_view head_title;             // head of a department of this function, if special
    std::array<std::string_view, 3> titles;  // titles of its staff; empty entries unused
    std::uint32_t cost;                      // yearly cost of a full-time post, SEK
    std::uint32_t service_rate;              // as a service: yearly cases per served post × 10
};

constexpr std::array kFunctions{
    Function{"ledning", "", {"Verksamhetsutvecklare", "Utredare", ""}, 780'000, 0},
    Function{"ekonomi", "Ekonomichef", {"Controller", "Ekonom", "Redovisningsekonom"}, 640'000, 0},
    Function{"HR", "HR-chef", {"HR-partner", "HR-konsult", "HR-specialist"}, 650'000, 0},
    Function{"kommunikation", "", {"Kommunikatör", "Webbredaktör", ""}, 620'000, 0},
    Function{
        "administration", "", {"Administratör", "Registrator", "Nämndsekreterare"}, 520'000, 0},
    Function{"utredning", "", {"Utredare", "Verksamhetsutvecklare", ""}, 680'000, 0},
    Function{
        "IT", "IT-chef", {"Supporttekniker", "Systemförvaltare", "Drifttekniker"}, 640'000, 20},
    Function{"lön", "Lönechef", {"Löneadministratör", "Lönespecialist", ""}, 540'000, 120},
    Function{"fastighet",
             "Fastighetschef",
             {"Fastighetstekniker", "Fastighetsförvaltare", "Fastighetsskötare"},
             560'000,
             6},
    Function{"kost", "Kostchef", {"Kock", "Måltidsbiträde", ""}, 480'000, 40},
    Function{"upphandling", "Upphandlingschef", {"Upphandlare", "Inköpare", ""}, 620'000, 3},
    Function{"städ", "Lokalvårdschef", {"Lokalvårdare", "", ""}, 450'000, 10},
    Function{"förskola", "Förskolechef", {"Förskollärare", "Barnskötare", ""}, 520'000, 0},
    Function{"undervisning", "", {"Lärare", "Gymnasielärare", "Speciallärare"}, 600'000, 0},
    Function{"elevhälsa", "", {"Skolsköterska", "Kurator", "Skolpsykolog"}, 590'000, 0},
    Function{"omsorg", "", {"Undersköterska", "Vårdbiträde", "Personlig assistent"}, 470'000, 0},
    Function{"hälso- och sjukvård",
             "MAS",
             {"Sjuksköterska", "Fysioterapeut", "Arbetsterapeut"},
             620'000,
             0},
    Function{"socialt arbete",
             "",
             {"Socialsekreterare", "Biståndshandläggare", "Behandlingsassistent"},
             590'000,
             0},
    Function{"bygglov", "", {"Bygglovshandläggare", "Byggnadsinspektör", ""}, 610'000, 0},
    Function{"planering", "Planchef", {"Planarkitekt", "Översiktsplanerare", ""}, 640'000, 0},
    Function{"GIS", "", {"GIS-ingenjör", "Mätningsingenjör", ""}, 600'000, 0},
    Function{"gata", "Gatuchef", {"Gatuarbetare", "Trafikingenjör", ""}, 520'000, 0},
    Function{"park", "", {"Parkarbetare", "Trädgårdsmästare", ""}, 480'000, 0},
    Function{"miljötillsyn", "", {"Miljöinspektör", "Livsmedelsinspektör", ""}, 600'000, 0},
    Function{
        "bibliotek", "Bibliotekschef", {"Bibliotekarie", "Biblioteksassistent", ""}, 540'000, 0},
    Function{"fritid", "", {"Fritidsledare", "Badmästare", ""}, 480'000, 0},
    Function{"kultur", "", {"Kulturskolelärare", "Kulturproducent", ""}, 540'000, 0},
    Function{"vuxenutbildning", "", {"Lärare i SFI", "Studie- och yrkesvägledare", ""}, 580'000, 0},
    Function{"arbetsmarknad", "", {"Arbetsmarknadskonsulent", "Jobbcoach", ""}, 560'000, 0},
    Function{"räddning", "Räddningschef", {"Brandman", "Styrkeledare", ""}, 560'000, 0},
};
static_assert(kFunctions.size() == static_cast<std::size_t>(Fn::Raddning) + 1);

const Function& function_of(Fn fn) { return kFunctions[static_cast<std::size_t>(fn)]; }

std::size_t title_count(const Function& function) {
    return static_cast<std::size_t>(
        std::count_if(function.titles.begin(), function.titles.end(),
                      [](std::string_view title) { return !title.empty(); }));
}

// An administration (förvaltning) and the functions of its departments.
struct Domain {
    std::string_view name;
    std::array<Fn, 6> functions;
    std::uint8_t function_count;
    bool service;  // its departments serve the other administrations
};

constexpr std::array kDomains{
    Domain{"Utbildningsförvaltningen", {Fn::Forskola, Fn::Undervisning, Fn::Elevhalsa}, 3, false},
    Domain{"Service- och teknikförvaltningen",
           {Fn::IT, Fn::Lon, Fn::Fastighet, Fn::Kost, Fn::Upphandling, Fn::Stad},
           6,
           true},
    Domain{"Vård- och omsorgsförvaltningen", {Fn::Omsorg, Fn::Halsa}, 2, false},
    Domain{"Socialförvaltningen", {Fn::SocialtArbete, Fn::Omsorg}, 2, false},
    Domain{"Samhällsbyggnadsförvaltningen",
           {Fn::Bygglov, Fn::Planering, Fn::GIS, Fn::Gata, Fn::Park},
           5,
           false},
    Domain{"Kultur- och fritidsförvaltningen", {Fn::Bibliotek, Fn::Fritid, Fn::Kultur}, 3, false},
    Domain{"Vuxenutbildningsförvaltningen", {Fn::Vuxenutbildning, Fn::Arbetsmarknad}, 2, false},
    Domain{"Miljöförvaltningen", {Fn::Miljotillsyn}, 1, false},
    Domain{"Räddningstjänsten", {Fn::Raddning}, 1, false},
};
constexpr std::uint8_t kRootDomain = 0xff;
constexpr std::uint8_t kVacantHeadDomain = 6;  // the adult-education head is being recruited

// Staff posts straight under the chief executive and under a head of administration.
struct Role {
    std::string_view title;
    Fn function;
};
constexpr std::array kDirectors{
    Role{"HR-direktör", Fn::HR},
    Role{"Ekonomidirektör", Fn::Ekonomi},
    Role{"Kommunikationsdirektör", Fn::Kommunikation},
    Role{"Kommunchefens assistent", Fn::Administration},
    Role{"Kommunjurist", Fn::Utredning},
};
constexpr std::array kSupportRoles{
    Role{"Controller", Fn::Ekonomi},
    Role{"HR-partner", Fn::HR},
    Role{"Nämndsekreterare", Fn::Administration},
    Role{"Kommunikatör", Fn::Kommunikation},
    Role{"Verksamhetsutvecklare", Fn::Utredning},
};

// Invented people: first and last names combined freely, as data/kommun does.
constexpr std::array<std::string_view, 40> kFirstNames{
    "Anna",  "Karin", "Eva",   "Maria",  "Lena",   "Sara",   "Emma",    "Johanna",
    "Elin",  "Ida",   "Malin", "Sofia",  "Helena", "Amira",  "Yasmin",  "Fatima",
    "Leyla", "Hanna", "Agnes", "Frida",  "Erik",   "Lars",   "Anders",  "Johan",
    "Per",   "Karl",  "Peter", "Mikael", "Magnus", "Jonas",  "Fredrik", "Daniel",
    "Oskar", "Ali",   "Ahmed", "Hassan", "Dragan", "Tobias", "Emil",    "Gustav"};
constexpr std::array<std::string_view, 40> kLastNames{
    "Ek",       "Lind",     "Berg",      "Holm",      "Sjöberg",  "Lundqvist", "Nyström",
    "Ström",    "Björk",    "Sandberg",  "Wallin",    "Forsberg", "Engström",  "Dahl",
    "Hedlund",  "Åberg",    "Lindholm",  "Blom",      "Falk",     "Sundin",    "Mattsson",
    "Fransson", "Axelsson", "Nordin",    "Lundin",    "Öberg",    "Wikström",  "Söderberg",
    "Nilsson",  "Karlsson", "Andersson", "Johansson", "Eriksson", "Larsson",   "Olsson",
    "Svensson", "Ibrahim",  "Kovač",     "Virtanen",  "Malmberg"};

// Review findings (SPEC §2): statements phrased as a review's respondents would.
constexpr std::array<std::string_view, 12> kCauses{
    "Otydlig ansvarsfördelning mellan enheterna",
    "Personalbrist och hög personalomsättning",
    "Föråldrade IT-system som inte talar med varandra",
    "Budgetprocessen startar för sent",
    "Chefer har för många direkta medarbetare",
    "Beställningar saknar tydliga krav",
    "Ingen gemensam prioritering mellan förvaltningarna",
    "Kompetens saknas inom upphandling",
    "Lokalerna räcker inte till",
    "Rutinerna är inte dokumenterade",
    "Beslut fattas långt från verksamheten",
    "Uppföljningen saknas eller kommer för sent",
};
constexpr std::array<std::string_view, 8> kProblems{
    "Leveranserna motsvarar inte verksamhetens behov",
    "Långa handläggningstider",
    "Budgeten går inte ihop",
    "Ärenden blir liggande utan återkoppling",
    "Hög sjukfrånvaro",
    "Svårt att rekrytera och behålla personal",
    "Beslut dröjer",
    "Dubbelarbete mellan enheter",
};
constexpr std::array<std::string_view, 7> kStrengths{
    "Samarbetet inom gruppen fungerar bra",
    "Tydliga rutiner för ärendehantering",
    "Bra stöd från närmaste chef",
    "Lönerna betalas ut korrekt och i tid",
    "Felanmälan fungerar och ger snabb återkoppling",
    "Nöjda brukare i senaste enkäten",
    "Kort väg till beslut",
};
constexpr std::array<std::string_view, 4> kSources{"Intervju", "Enkät", "Workshop",
                                                   "Medarbetarenkät"};

// ---------------------------------------------------------------------------------------------
// Shape of the reporting tree.

constexpr int kMaxLayers = 9;  // the top post is layer 1; no post lies deeper
constexpr std::size_t kMaxGeneratedPosts = std::size_t{1} << 31;  // ids are 32-bit

// Spans of control as drawn, per mille: mostly 3–12, a few of 2, a tail of wide managers.
std::uint32_t draw_span(Random& random) {
    struct Band {
        std::uint32_t low, high, per_mille;
    };
    static constexpr std::array kBands{
        Band{2, 2, 30},   Band{3, 3, 50},   Band{4, 4, 85},   Band{5, 5, 115},  Band{6, 6, 125},
        Band{7, 7, 120},  Band{8, 8, 110},  Band{9, 9, 90},   Band{10, 10, 70}, Band{11, 11, 50},
        Band{12, 12, 40}, Band{13, 19, 85}, Band{20, 36, 30},
    };
    std::uint32_t draw = random.below(1000);
    for (const Band& band : kBands) {
        if (draw < band.per_mille) return band.low + random.below(band.high - band.low + 1);
        draw -= band.per_mille;
    }
    return 7;
}

// The smallest span s with s^levels ≥ 2 × reports: below it, `reports` posts would not fit in
// `levels` layers without very wide teams at the bottom.
std::uint32_t span_needed(std::uint64_t reports, int levels) {
    for (std::uint32_t span = 2;; ++span) {
        std::uint64_t capacity = 1;
        for (int i = 0; i < levels && capacity < 2 * reports; ++i) capacity *= span;
        if (capacity >= 2 * reports) return span;
    }
}

std::string number_text(std::uint64_t number) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return {buffer, result.ptr};
}

int digits(std::uint64_t number) { return static_cast<int>(number_text(number).size()); }

// ---------------------------------------------------------------------------------------------

class Generator {
public:
    explicit Generator(const GenerateOptions& options)
        : options_(options),
          arena_(std::make_shared<base::TextArena>()),
          tree_random_(options.seed, Stream::Tree),
          id_width_(std::max(4, digits(options.posts))) {}

    model::Model run() {
        const std::size_t total = options_.posts;
        if (total == 0) return {};
        const bool partner = options_.external_partner && total >= 50;
        const auto tree_posts = static_cast<std::uint32_t>(total - (partner ? 3 : 0));
        parts_.posts.reserve(total);
        post_function_.reserve(total);
        build_tree(tree_posts);
        tree_units_ = static_cast<std::uint32_t>(parts_.units.size());
        if (partner) add_partner();
        add_groups();
        staff_posts();
        add_dotted_lines();
        add_service_flows();
        add_collaboration();
        add_findings();
        parts_.storage.push_back(arena_);
        return model::Model(std::move(parts_));
    }

private:
    // A post still to be made: its subtree's size and where it hangs.
    struct Pending {
        std::uint32_t budget = 1;  // posts in its subtree, itself included
        std::uint32_t manager = kNone;
        std::uint32_t unit = kNone;  // the manager's unit: a leaf joins it, a new unit hangs below
        std::string_view title;      // for a leaf
        std::uint32_t order = 0;     // position among the manager's sub-units
        Fn function = Fn::Ledning;
        std::uint8_t domain = kRootDomain;
        std::uint8_t depth = 1;
        bool front_line = false;  // a team leader: every report is a leaf
    };

    struct UnitInfo {
        std::uint8_t depth = 1;
        std::uint8_t domain = kRootDomain;
        Fn function = Fn::Ledning;
        std::uint32_t administration = 0;  // the enclosing administration (itself, or the root)
    };

    std::string_view text(std::string_view literal) {
        // Vocabulary strings are stored once and shared by every row that uses them.
        auto [it, inserted] = interned_.try_emplace(literal);
        if (inserted) it->second = arena_->store(literal);
        return it->second;
    }

    std::string_view make_id(char prefix, std::uint64_t number, int width) {
        char buffer[32];
        buffer[0] = prefix;
        const auto number_digits = number_text(number);
        const auto pad =
            static_cast<std::size_t>(std::max(0, width - static_cast<int>(number_digits.size())));
        std::fill_n(buffer + 1, pad, '0');
        std::copy(number_digits.begin(), number_digits.end(), buffer + 1 + pad);
        return arena_->store({buffer, 1 + pad + number_digits.size()});
    }

    std::uint32_t add_post(std::uint32_t manager, std::uint32_t unit, std::string_view title,
                           Fn function) {
        const auto self = static_cast<std::uint32_t>(parts_.posts.size());
        model::Post post;
        post.id = make_id('P', self + 1ULL, id_width_);
        post.title = text(title);
        post.function = text(function_of(function).name);
        post.unit = model::at<model::UnitId>(unit);
        if (manager != kNone) post.reports_to = model::at<model::PostId>(manager);
        parts_.posts.push_back(post);
        post_function_.push_back(function);
        return self;
    }

    std::uint32_t add_unit(std::uint32_t parent, UnitKind kind, std::string_view name,
                           UnitInfo info) {
        const auto self = static_cast<std::uint32_t>(parts_.units.size());
        model::Unit unit;
        unit.id = make_id('U', self + 1ULL, 0);
        unit.name = name;
        unit.kind = kind;
        if (parent != kNone) unit.parent = model::at<model::UnitId>(parent);
        parts_.units.push_back(unit);
        unit_info_.push_back(info);
        return self;
    }

    [[nodiscard]] bool is_head(std::uint32_t post) const {
        const auto& unit = parts_.units[model::index(parts_.posts[post].unit)];
        return unit.head && model::index(*unit.head) == post;
    }

    // The chief executive's directors (HR, finance, communication) follow the chief executive.
    [[nodiscard]] bool is_director(std::uint32_t post) const {
        return post < 16 && unit_of(post) == 0 && parts_.posts[post].title.ends_with("direktör");
    }

    [[nodiscard]] std::uint32_t unit_of(std::uint32_t post) const {
        return static_cast<std::uint32_t>(model::index(parts_.posts[post].unit));
    }

    [[nodiscard]] std::uint32_t head_of(std::uint32_t unit) const {
        const auto& head = parts_.units[unit].head;
        return head ? static_cast<std::uint32_t>(model::index(*head)) : kNone;
    }

    // --- the reporting tree and the units that follow it -------------------------------------

    // Depth first, so that posts and units come out in org-chart order: a unit's sub-units
    // follow it, and the units of one subtree are contiguous.
    void build_tree(std::uint32_t posts) {
        std::vector<Pending> stack(1);
        stack.front().budget = posts;
        while (!stack.empty()) {
            const Pending next = stack.back();
            stack.pop_back();
            expand(next, stack);
        }
    }

    void expand(const Pending& pending, std::vector<Pending>& stack) {
        if (pending.budget == 1 && pending.depth > 1) {
            add_post(pending.manager, pending.unit, pending.title, pending.function);
            return;
        }
        plan(pending, pending.budget - 1);
        const auto self = static_cast<std::uint32_t>(parts_.posts.size());
        const UnitKind kind = pending.depth <= 2   ? UnitKind::Administration
                              : pending.depth == 3 ? UnitKind::Department
                              : budgets_.empty()   ? UnitKind::Team
                                                   : UnitKind::Office;
        UnitInfo info{pending.depth, pending.domain, pending.function, 0};
        const auto unit = add_unit(pending.unit, kind, unit_name(pending, kind), info);
        unit_info_[unit].administration =
            pending.depth <= 2 ? unit : unit_info_[pending.unit].administration;
        add_post(pending.manager, unit, head_title(pending, kind), pending.function);
        parts_.units[unit].head = model::at<model::PostId>(self);
        if (pending.depth == 2 && pending.domain == kVacantHeadDomain && vacant_head_ == kNone) {
            vacant_head_ = self;
        }
        if (pending.depth == 2) administration_heads_.push_back(self);

        // Children are listed staff first, then the sub-units; the stack pops last-in first,
        // so push them in reverse.
        const auto leaves = leaves_;
        const auto units = static_cast<std::uint32_t>(budgets_.size());
        const std::uint32_t offset =
            pending.depth == 2 ? tree_random_.below(kDomains[pending.domain].function_count) : 0;
        for (std::uint32_t j = units; j-- > 0;) {
            Pending child;
            child.budget = budgets_[j];
            child.manager = self;
            child.unit = unit;
            child.order = j;
            child.function = pending.function;
            child.domain = pending.domain;
            child.depth = static_cast<std::uint8_t>(pending.depth + 1);
            child.front_line = front_line_children_;
            if (pending.depth == 1) {
                child.domain = static_cast<std::uint8_t>(j % kDomains.size());
            } else if (pending.depth == 2) {
                const Domain& domain = kDomains[pending.domain];
                child.function = domain.functions[(j + offset) % domain.function_count];
            }
            stack.push_back(child);
        }
        for (std::uint32_t i = leaves; i-- > 0;) {
            const Role role = leaf_role(pending, i);
            Pending leaf;
            leaf.manager = self;
            leaf.unit = unit;
            leaf.title = role.title;
            leaf.function = role.function;
            leaf.domain = pending.domain;
            leaf.depth = static_cast<std::uint8_t>(pending.depth + 1);
            stack.push_back(leaf);
        }
    }

    // How a manager's `reports` posts below it are arranged: `leaves_` direct reports without
    // reports of their own, and one sub-unit per entry of `budgets_` (its size, head included).
    void plan(const Pending& pending, std::uint32_t reports) {
        budgets_.clear();
        leaves_ = 0;
        front_line_children_ = false;
        const int levels = kMaxLayers - pending.depth;
        if (reports == 0 || pending.front_line || levels <= 1) {
            leaves_ = reports;
            return;
        }
        std::uint32_t span = std::max(draw_span(tree_random_), span_needed(reports, levels));
        // The chief executive has three directors and five to nine heads of administration; a
        // head of administration four or more departments.
        if (pending.depth == 1) span = std::max(span, 8 + tree_random_.below(5));
        if (pending.depth == 2) span = std::max(span, 5 + tree_random_.below(4));
        if (reports <= span + 2) {
            leaves_ = reports;  // a team
            return;
        }
        // Front-line teams under this manager, if `span` of them can hold everyone: the fewest
        // teams that do, each with a drawn size, and direct reports in the remaining places.
        std::uint64_t placed = span;  // with m teams: Σ(1 + size) + (span − m)
        for (std::uint32_t m = 1; m <= span; ++m) {
            const std::uint32_t size = std::max<std::uint32_t>(2, draw_span(tree_random_));
            budgets_.push_back(1 + size);
            placed += size;
            if (placed < reports) continue;
            const auto excess = static_cast<std::uint32_t>(placed - reports);
            if (size >= excess + 2) {
                budgets_.back() -= excess;
            } else {
                // Then the other teams and places held reports − 1 posts: give one more to the
                // previous team instead of keeping a team too small to have a leader.
                budgets_.pop_back();
                budgets_.back() += 1;
            }
            leaves_ = span - static_cast<std::uint32_t>(budgets_.size());
            front_line_children_ = true;
            return;
        }
        // Otherwise the sub-units are themselves managers of managers: a few staff posts at the
        // top, and the rest shared out by weight so that administrations differ in size.
        budgets_.clear();
        std::uint32_t staff = pending.depth == 1   ? 3
                              : pending.depth == 2 ? 1 + tree_random_.below(2)
                              : pending.depth == 3 ? tree_random_.below(2)
                                                   : (tree_random_.chance(250) ? 1 : 0);
        staff = std::min(staff, span - 1);
        std::uint32_t units = span - staff;
        while (units > 1 && reports - staff < 4 * units) --units;
        leaves_ = staff;
        std::vector<std::uint32_t>& weights = weights_;
        weights.clear();
        std::uint64_t weight_sum = 0;
        for (std::uint32_t j = 0; j < units; ++j) {
            weights.push_back(2 + tree_random_.below(7));
            weight_sum += weights.back();
        }
        const std::uint64_t spare = reports - staff - 4ULL * units;
        std::uint64_t cumulative = 0;
        std::uint64_t given = 0;
        for (const auto weight : weights) {
            cumulative += weight;
            const std::uint64_t share = spare * cumulative / weight_sum;
            budgets_.push_back(static_cast<std::uint32_t>(4 + share - given));
            given = share;
        }
    }

    Role leaf_role(const Pending& pending, std::uint32_t i) {
        if (pending.depth == 1) {
            return i < kDirectors.size() ? kDirectors[i] : kSupportRoles[i % kSupportRoles.size()];
        }
        if (pending.depth == 2) {
            if (i < 2) return kSupportRoles[(i + pending.order) % kSupportRoles.size()];
            const Domain& domain = kDomains[pending.domain];
            return staff_role(domain.functions[i % domain.function_count]);
        }
        return staff_role(pending.function);
    }

    Role staff_role(Fn fn) {
        const Function& function = function_of(fn);
        const auto count = static_cast<std::uint32_t>(title_count(function));
        return {function.titles[tree_random_.below(count)], fn};
    }

    std::string_view head_title(const Pending& pending, UnitKind kind) {
        if (pending.depth == 1) return "Kommunchef";
        switch (kind) {
            case UnitKind::Administration:
                return "Förvaltningschef";
            case UnitKind::Department: {
                const auto special = function_of(pending.function).head_title;
                return special.empty() ? "Avdelningschef" : special;
            }
            case UnitKind::Office:
                return "Enhetschef";
            default:
                return "Gruppledare";
        }
    }

    std::string_view unit_name(const Pending& pending, UnitKind kind) {
        if (pending.depth == 1) return text("Kommunledningsförvaltningen");
        if (pending.depth == 2) {
            const auto round = pending.order / kDomains.size();
            std::string name(kDomains[pending.domain].name);
            if (round > 0) name += " " + number_text(round + 1);
            return arena_->store(name);
        }
        const auto number = ++kind_count_[static_cast<std::size_t>(kind)];
        const std::string_view word = kind == UnitKind::Department ? "Avdelning"
                                      : kind == UnitKind::Office   ? "Enhet"
                                                                   : "Arbetslag";
        return arena_->store(std::string(word) + " " + number_text(number) + " " +
                             std::string(function_of(pending.function).name));
    }

    // --- around the tree --------------------------------------------------------------------

    // An external partner company (its own root) that lends the IT office an operations manager.
    void add_partner() {
        const auto unit = add_unit(kNone, UnitKind::External, text("Exempeldrift AB"),
                                   {1, kRootDomain, Fn::IT, 0});
        unit_info_[unit].administration = unit;
        partner_head_ = add_post(kNone, unit, "IT-driftchef", Fn::IT);
        parts_.units[unit].head = model::at<model::PostId>(partner_head_);
        add_post(partner_head_, unit, "Drifttekniker", Fn::IT);
        add_post(partner_head_, unit, "Drifttekniker", Fn::IT);
    }

    void member(std::uint32_t post, std::uint32_t group, std::string_view note = {}) {
        parts_.links.push_back({model::at<model::PostId>(post), model::at<model::UnitId>(group),
                                LinkKind::MemberOf, std::nullopt, note});
    }

    // The management group (every head of administration, the chief executive and the HR
    // director) and, with a partner, the steering group of the IT office run in project form.
    void add_groups() {
        const auto group = add_unit(0, UnitKind::Group, text("Ledningsgruppen"), {});
        member(0, group, text("ordförande"));
        for (const auto head : administration_heads_) member(head, group);
        for (std::uint32_t p = 1; p < parts_.posts.size() && p < 16; ++p) {
            if (is_director(p) && post_function_[p] == Fn::HR) member(p, group);
        }
        if (partner_head_ != kNone) {
            const auto steering = add_unit(0, UnitKind::Group, text("Styrgrupp IT"), {});
            member(0, steering, text("ordförande"));
            if (!administration_heads_.empty()) member(administration_heads_.front(), steering);
            member(partner_head_, steering);
        }
    }

    // Vacancies, people, FTE and cost, from their own random stream.
    void staff_posts() {
        Random random(options_.seed, Stream::People);
        std::vector<std::string_view> names;
        names.reserve(kFirstNames.size() * kLastNames.size());
        for (const auto first : kFirstNames) {
            for (const auto last : kLastNames) {
                names.push_back(arena_->store(std::string(first) + " " + std::string(last)));
            }
        }
        parts_.people.reserve(parts_.posts.size());
        for (std::uint32_t p = 0; p < parts_.posts.size(); ++p) {
            auto& post = parts_.posts[p];
            const bool head = is_head(p);
            // Heads are rarely vacant (a vacant head is worth a warning); other posts about 3 %.
            const bool vacant = p == vacant_head_ || (p != 0 && random.chance(head ? 8 : 31));
            std::uint32_t cost = function_of(post_function_[p]).cost;
            if (head) {
                const auto kind = parts_.units[unit_of(p)].kind;
                cost = p == 0                             ? 1'600'000
                       : kind == UnitKind::Administration ? 1'250'000
                       : kind == UnitKind::Department     ? 1'000'000
                       : kind == UnitKind::Office         ? 880'000
                       : kind == UnitKind::External       ? 1'100'000
                                                          : 760'000;
            } else if (is_director(p)) {
                cost = 1'150'000;
            }
            cost += 50 * random.below(cost / 250);  // up to +20 %, in steps of SEK 50
            if (!head && !is_director(p)) {
                const auto part = random.below(100);
                post.fte = part < 84 ? 1.0 : part < 91 ? 0.75 : part < 96 ? 0.5 : 0.8;
            }
            post.cost = post.fte * cost;
            if (vacant) continue;
            const auto person = static_cast<std::uint32_t>(parts_.people.size());
            parts_.people.push_back(
                {make_id('E', person + 1ULL, id_width_),
                 names[random.below(static_cast<std::uint32_t>(names.size()))]});
            post.person = model::at<model::PersonId>(person);
        }
    }

    void dotted(std::uint32_t from, std::uint32_t to, std::string_view note = {}) {
        parts_.links.push_back({model::at<model::PostId>(from), model::at<model::PostId>(to),
                                LinkKind::DottedLine, std::nullopt, note});
    }

    // Functional reporting: finance, HR and communication staff out in the administrations to
    // their director, the partner's operations manager to the head of IT, and about 2 % of
    // posts to the head of another unit of their administration (matrix work).
    void add_dotted_lines() {
        Random random(options_.seed, Stream::Links);
        std::array<std::uint32_t, kFunctions.size()> director{};
        director.fill(kNone);
        for (std::uint32_t p = 1; p < parts_.posts.size() && p < 16; ++p) {
            if (is_director(p)) {
                director[static_cast<std::size_t>(post_function_[p])] = p;
            }
        }
        if (partner_head_ != kNone) {
            const auto it =
                std::find_if(service_units().begin(), service_units().end(),
                             [this](std::uint32_t u) { return unit_info_[u].function == Fn::IT; });
            dotted(partner_head_, it != service_units().end() ? head_of(*it) : 0,
                   text("driftchef inhyrd från partnerföretaget"));
        }
        const auto posts = static_cast<std::uint32_t>(parts_.posts.size());
        for (std::uint32_t p = 0; p < posts; ++p) {
            const auto to = director[static_cast<std::size_t>(post_function_[p])];
            if (to != kNone && unit_of(p) != 0 && unit_of(p) < tree_units_) dotted(p, to);
        }
        const std::uint32_t matrix = posts / 50;
        for (std::uint32_t i = 0; i < matrix; ++i) {
            const auto p = random.below(posts);
            const auto unit = unit_of(p);
            if (unit >= tree_units_ || is_head(p)) continue;
            const auto administration = unit_info_[unit].administration;
            const auto end = subtree_end()[administration];
            const auto other = administration + random.below(end - administration);
            if (other == unit || other >= tree_units_) continue;
            dotted(p, head_of(other));
        }
    }

    // Units in depth-first order, so a unit's subtree is [u, subtree_end[u]).
    const std::vector<std::uint32_t>& subtree_end() {
        if (subtree_end_.empty()) {
            subtree_end_.resize(tree_units_);
            for (std::uint32_t u = 0; u < tree_units_; ++u) subtree_end_[u] = u + 1;
            for (std::uint32_t u = tree_units_; u-- > 1;) {
                const auto parent = model::index(*parts_.units[u].parent);
                subtree_end_[parent] = std::max(subtree_end_[parent], subtree_end_[u]);
            }
        }
        return subtree_end_;
    }

    // The departments of the service administrations, or those administrations themselves
    // when they are too small to have departments.
    const std::vector<std::uint32_t>& service_units() {
        if (!service_units_computed_) {
            service_units_computed_ = true;
            for (std::uint32_t u = 0; u < tree_units_; ++u) {
                const auto& info = unit_info_[u];
                if (info.domain == kRootDomain || !kDomains[info.domain].service) continue;
                const bool department = info.depth == 3;
                const bool bare_administration = info.depth == 2 && subtree_end()[u] == u + 1;
                if (department || bare_administration) service_units_.push_back(u);
            }
        }
        return service_units_;
    }

    // Each service unit serves every other administration and the executive office: a yearly
    // volume in proportion to the posts served, and a capacity near the total (the IT office's
    // clearly below it: its delivery does not meet the administrations' needs).
    void add_service_flows() {
        Random random(options_.seed, Stream::Links);
        std::vector<std::uint64_t> posts_in(tree_units_, 0);
        std::vector<std::uint64_t> own(tree_units_, 0);
        for (std::uint32_t p = 0; p < parts_.posts.size(); ++p) {
            if (unit_of(p) < tree_units_) ++own[unit_of(p)];
        }
        for (std::uint32_t u = tree_units_; u-- > 0;) {
            posts_in[u] += own[u];
            if (u > 0) posts_in[model::index(*parts_.units[u].parent)] += posts_in[u];
        }
        std::vector<std::uint32_t> served{0};
        for (const auto head : administration_heads_) served.push_back(unit_of(head));
        for (const auto server : service_units()) {
            const Function& function = function_of(unit_info_[server].function);
            const auto rate = std::max<std::uint32_t>(function.service_rate, 5);
            std::uint64_t total = 0;
            for (const auto client : served) {
                if (client == unit_info_[server].administration) continue;
                const auto posts = client == 0 ? own[0] : posts_in[client];
                const std::uint64_t volume =
                    std::max<std::uint64_t>(1, posts * rate * (90 + random.below(21)) / 1000);
                parts_.links.push_back({model::at<model::UnitId>(server),
                                        model::at<model::UnitId>(client),
                                        LinkKind::Serves,
                                        static_cast<double>(volume),
                                        {}});
                total += volume;
            }
            const std::uint32_t percent = unit_info_[server].function == Fn::IT
                                              ? 70 + random.below(15)
                                              : 80 + random.below(51);
            parts_.units[server].capacity =
                static_cast<double>(std::max<std::uint64_t>(1, total * percent / 100));
        }
    }

    // `links_per_post` collaboration links per post: about two thirds inside a unit (a random
    // circulant graph over its members, so no pair twice), the rest to the parent unit, to
    // another unit of the same administration, or anywhere.
    void add_collaboration() {
        const auto posts = static_cast<std::uint32_t>(parts_.posts.size());
        const auto units = static_cast<std::uint32_t>(parts_.units.size());
        // A tiny organisation has fewer pairs than that.
        const auto wanted = std::min<std::uint64_t>(
            static_cast<std::uint64_t>(
                std::llround(static_cast<double>(posts) * options_.links_per_post)),
            std::uint64_t{posts} * (posts - 1) / 2);
        if (wanted == 0 || posts < 2) return;
        Random random(options_.seed, Stream::Collaboration);
        parts_.links.reserve(parts_.links.size() + wanted);

        std::vector<std::uint32_t> offsets(units + 1, 0);
        for (std::uint32_t p = 0; p < posts; ++p) ++offsets[unit_of(p) + 1];
        for (std::uint32_t u = 0; u < units; ++u) offsets[u + 1] += offsets[u];
        std::vector<std::uint32_t> members(posts);
        {
            std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
            for (std::uint32_t p = 0; p < posts; ++p) members[fill[unit_of(p)]++] = p;
        }
        const auto collaborate = [&](std::uint32_t a, std::uint32_t b) {
            parts_.links.push_back({model::at<model::PostId>(a),
                                    model::at<model::PostId>(b),
                                    LinkKind::Collaborates,
                                    static_cast<double>(1 + random.below(5)),
                                    {}});
        };

        // Inside units: each member gets `near` neighbours on a shuffled ring, near ≈ ¾ K.
        const auto near_milli =
            static_cast<std::uint64_t>(std::llround(options_.links_per_post * 1000.0)) * 3 / 4;
        std::uint64_t made = 0;
        for (std::uint32_t u = 0; u < units && made < wanted; ++u) {
            const auto k = offsets[u + 1] - offsets[u];
            if (k < 2) continue;
            auto* ring = members.data() + offsets[u];
            for (std::uint32_t i = k - 1; i > 0; --i) std::swap(ring[i], ring[random.below(i + 1)]);
            const auto near = static_cast<std::uint32_t>(
                near_milli / 1000 + (random.below(1000) < near_milli % 1000 ? 1 : 0));
            if (2 * near + 1 >= k) {
                for (std::uint32_t i = 0; i < k && made < wanted; ++i) {
                    for (std::uint32_t j = i + 1; j < k && made < wanted; ++j, ++made) {
                        collaborate(ring[i], ring[j]);
                    }
                }
            } else {
                for (std::uint32_t d = 1; d <= near && made < wanted; ++d) {
                    for (std::uint32_t i = 0; i < k && made < wanted; ++i, ++made) {
                        collaborate(ring[i], ring[(i + d) % k]);
                    }
                }
            }
        }

        const auto member_of = [&](std::uint32_t unit) {
            const auto k = offsets[unit + 1] - offsets[unit];
            return k == 0 ? kNone : members[offsets[unit] + random.below(k)];
        };
        // Across units, spread evenly over the posts: to the parent unit, to another unit of
        // the same administration, or anywhere; never twice to the same post, never inside
        // the own unit (those pairs are taken above).
        const auto across = wanted - made;
        std::array<std::uint32_t, 16> chosen{};
        for (std::uint32_t from = 0; from < posts; ++from) {
            const auto count = static_cast<std::uint32_t>((from + 1ULL) * across / posts -
                                                          std::uint64_t{from} * across / posts);
            const auto unit = unit_of(from);
            for (std::uint32_t c = 0; c < count; ++c) {
                std::uint32_t to = kNone;
                for (int attempt = 0; attempt < 8 && to == kNone; ++attempt) {
                    const auto where = random.below(10);
                    if (where < 4 && parts_.units[unit].parent) {
                        to = member_of(
                            static_cast<std::uint32_t>(model::index(*parts_.units[unit].parent)));
                    } else if (where < 8 && unit < tree_units_) {
                        const auto administration = unit_info_[unit].administration;
                        const auto end = subtree_end()[administration];
                        to = member_of(administration + random.below(end - administration));
                    } else {
                        to = random.below(posts);
                    }
                    const bool taken = std::find(chosen.begin(), chosen.begin() + std::min(c, 16U),
                                                 to) != chosen.begin() + std::min(c, 16U);
                    if (to != kNone && (unit_of(to) == unit || taken)) to = kNone;
                }
                // Only in tiny organisations is there nowhere else to go.
                while (to == kNone || to == from) to = random.below(posts);
                if (c < chosen.size()) chosen[c] = to;
                collaborate(from, to);
            }
        }
    }

    // Review findings about administrations and departments (mostly) and other units: causes
    // that explain each other in chains, with one reinforcing loop of three; problems explained
    // by one or two causes; things that work.
    void add_findings() {
        Random random(options_.seed, Stream::Findings);
        std::vector<std::uint32_t> upper;
        for (std::uint32_t u = 0; u < tree_units_; ++u) {
            if (unit_info_[u].depth <= 3) upper.push_back(u);
        }
        const std::uint32_t count = std::clamp<std::uint32_t>(tree_units_ / 20, 12, 20'000);
        const std::uint32_t causes = std::max<std::uint32_t>(3, count / 4);
        parts_.findings.reserve(count);
        const auto about = [&](model::Finding& finding) {
            const auto unit = random.chance(600)
                                  ? upper[random.below(static_cast<std::uint32_t>(upper.size()))]
                                  : random.below(tree_units_);
            finding.about.push_back(model::at<model::UnitId>(unit));
            if (random.chance(150))
                finding.about.push_back(model::at<model::PostId>(head_of(unit)));
        };
        for (std::uint32_t f = 0; f < count; ++f) {
            model::Finding finding;
            finding.id = make_id('F', f + 1ULL, 0);
            if (f < causes) {
                finding.kind = model::FindingKind::Cause;
                finding.statement = text(random.pick(kCauses));
                if (f < 3) {
                    // The loop: workload keeps people leaving, which keeps the workload up.
                    finding.because.push_back(model::at<model::FindingId>((f + 1) % 3));
                } else if (random.chance(600)) {
                    finding.because.push_back(model::at<model::FindingId>(random.below(f)));
                }
            } else if (random.chance(550)) {
                finding.kind = model::FindingKind::DoesntWork;
                finding.statement = text(random.pick(kProblems));
                const auto first = random.below(causes);
                finding.because.push_back(model::at<model::FindingId>(first));
                if (random.chance(500)) {
                    const auto second = random.below(causes);
                    if (second != first)
                        finding.because.push_back(model::at<model::FindingId>(second));
                }
            } else {
                finding.kind = model::FindingKind::Works;
                finding.statement = text(random.pick(kStrengths));
            }
            about(finding);
            finding.severity = 1 + static_cast<int>(random.below(5));
            finding.count = 1 + static_cast<int>(random.below(25));
            finding.source = text(random.pick(kSources));
            parts_.findings.push_back(std::move(finding));
        }
    }

    const GenerateOptions options_;
    std::shared_ptr<base::TextArena> arena_;
    std::unordered_map<std::string_view, std::string_view> interned_;
    Random tree_random_;
    int id_width_;
    model::ModelParts parts_;

    std::vector<Fn> post_function_;
    std::vector<UnitInfo> unit_info_;
    std::uint32_t tree_units_ = 0;
    std::vector<std::uint32_t> administration_heads_;
    std::uint32_t vacant_head_ = kNone;
    std::uint32_t partner_head_ = kNone;
    std::array<std::uint32_t, 8> kind_count_{};

    // Scratch of plan(), read by expand() right after.
    std::vector<std::uint32_t> budgets_;
    std::vector<std::uint32_t> weights_;
    std::uint32_t leaves_ = 0;
    bool front_line_children_ = false;

    std::vector<std::uint32_t> subtree_end_;
    std::vector<std::uint32_t> service_units_;
    bool service_units_computed_ = false;
};

}  // namespace

model::Model generate(const GenerateOptions& options) {
    if (options.posts > kMaxGeneratedPosts) {
        throw Error("cannot generate more than " + number_text(kMaxGeneratedPosts) + " posts");
    }
    if (!(options.links_per_post >= 0) ||
        static_cast<double>(options.posts) * options.links_per_post > 4.0e9) {
        throw Error("links per post must be 0 or more, with fewer than 4e9 links in all");
    }
    return Generator(options).run();
}

}  // namespace reorg::synth
