#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "reorg/analysis/findings.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/hierarchy.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;
using Ids = std::vector<std::string>;

namespace {

model::Model load(std::string_view yaml) {
    test::TempFolder folder;
    return io::load_model(folder.write("model.yaml", yaml));
}

Ids ids(const model::Model& model, const std::vector<model::FindingId>& findings) {
    Ids list;
    for (const auto f : findings) list.emplace_back(model[f].id);
    return list;
}

const analysis::UnitFindings* unit(const model::Model& model,
                                   const analysis::FindingsAnalysis& analysis,
                                   std::string_view id) {
    for (const auto& u : analysis.units) {
        if (model[u.unit].id == id) return &u;
    }
    return nullptr;
}

const analysis::WhyChain& chain(const model::Model& model,
                                const analysis::FindingsAnalysis& analysis, std::string_view id) {
    for (const auto& c : analysis.chains) {
        if (model[c.finding].id == id) return c;
    }
    FAIL("no chain for " << id);
    throw;
}

std::vector<Ids> paths(const model::Model& model, const analysis::WhyChain& chain) {
    std::vector<Ids> list;
    for (const auto& path : chain.paths) list.push_back(ids(model, path));
    return list;
}

/*
 *  units            posts    findings (weight = severity × count)
 *  ORG              PORG     W1 works        about A, PA   2 × 3 = 6   A twice: counted once
 *   ├── A           PA       W2 works        about A1      1 × 4 = 4
 *   │   └── A1      PA1      D1 doesnt_work  about A1, B   3 × 2 = 6   two units below ORG
 *   ├── B           PB       D2 doesnt_work  about PB      5 × 1 = 5   a post of B
 *   └── C           PC       C1 cause        about A       4 × 4       causes do not score
 *
 *  own net:   A +6, A1 4 − 6 = −2, B −6 − 5 = −11, ORG 0, C no findings
 *  rolled up: A 6 + 4 − 6 = +4, ORG 6 + 4 − 6 − 5 = −1 (D1 once, not twice)
 */
constexpr std::string_view kScores = R"(
units:
  - {id: ORG, name: Organisation, kind: administration, head: PORG}
  - {id: A, name: A, parent: ORG, head: PA}
  - {id: A1, name: A one, kind: team, parent: A, head: PA1}
  - {id: B, name: B, parent: ORG, head: PB}
  - {id: C, name: C, parent: ORG, head: PC}
posts:
  - {id: PORG, unit: ORG, person: p1}
  - {id: PA, unit: A, reports_to: PORG, person: p2}
  - {id: PA1, unit: A1, reports_to: PA, person: p3}
  - {id: PB, unit: B, reports_to: PORG, person: p4}
  - {id: PC, unit: C, reports_to: PORG, person: p5}
findings:
  - {id: W1, kind: works, statement: s, about: [A, PA], severity: 2, count: 3}
  - {id: W2, kind: works, statement: s, about: [A1], severity: 1, count: 4}
  - {id: D1, kind: doesnt_work, statement: s, about: [A1, B], severity: 3, count: 2}
  - {id: D2, kind: doesnt_work, statement: s, about: [PB], severity: 5, count: 1}
  - {id: C1, kind: cause, statement: s, about: [A], severity: 4, count: 4}
)";

/*
 *  The why-graph (A ──▶ B: A is explained by B); [weight] of the doesnt_work findings
 *
 *   P1 [10] ──▶ X1 ◀────────┐      X1 ⇄ X2 and X1 → X2 → X3 → X1: two overlapping loops in one
 *               │ ▲          │      component that nothing leaves — one root, weight 10 + 3
 *               ▼ │          │
 *   P2 [3] ───▶ X2 ───▶ X3 ──┘
 *     │
 *     └──────▶ Y1 ⇄ Y2 ───▶ Z      Y1 ⇄ Y2 is a loop that leads on to Z: not a root; Z is
 *
 *   P3 [1]    no because: unexplained, and no root
 *   S ↺       names itself: a root loop of one, weight 0
 *   O         a cause that nothing names: a root of weight 0
 *   W         works, no because, named by nobody: not a root
 *
 *  about: P1 and Z are about unit A; P2 and P3 about unit B.
 */
constexpr std::string_view kWhy = R"(
units:
  - {id: A, name: A, kind: administration, head: PA}
  - {id: B, name: B, kind: administration, head: PB}
posts:
  - {id: PA, unit: A, person: p1}
  - {id: PB, unit: B, person: p2}
findings:
  - {id: P1, kind: doesnt_work, statement: s, about: [A], because: [X1], severity: 5, count: 2}
  - {id: P2, kind: doesnt_work, statement: s, about: [B], because: [Y1, X2], severity: 3, count: 1}
  - {id: P3, kind: doesnt_work, statement: s, about: [B], severity: 1, count: 1}
  - {id: X1, kind: cause, statement: s, because: [X2]}
  - {id: X2, kind: cause, statement: s, because: [X3, X1]}
  - {id: X3, kind: cause, statement: s, because: [X1]}
  - {id: Y1, kind: cause, statement: s, because: [Y2]}
  - {id: Y2, kind: cause, statement: s, because: [Y1, Z]}
  - {id: Z, kind: cause, statement: s, about: [A]}
  - {id: S, kind: cause, statement: s, because: [S]}
  - {id: O, kind: cause, statement: s}
  - {id: W, kind: works, statement: s, about: [A]}
)";

/*
 *   Q1 (doesnt_work) ⇄ K (cause)      Q1 lies inside a root loop: its chain is Q1 alone
 *   R1 (doesnt_work) ──▶ R2 (doesnt_work, no because)
 *                                      R2 explains R1, so it is R1's root cause; having no
 *                                      cause itself it is also unexplained
 */
constexpr std::string_view kProblemsAsCauses = R"(
units:
  - {id: A, name: A, kind: administration, head: PA}
posts:
  - {id: PA, unit: A, person: p1}
findings:
  - {id: Q1, kind: doesnt_work, statement: s, about: [A], because: [K], severity: 2, count: 2}
  - {id: K, kind: cause, statement: s, because: [Q1]}
  - {id: R1, kind: doesnt_work, statement: s, about: [A], because: [R2], severity: 3, count: 1}
  - {id: R2, kind: doesnt_work, statement: s, about: [A], severity: 1, count: 5}
)";

}  // namespace

TEST_CASE("findings: net scores count each finding once per unit and once per subtree",
          "[analysis][findings]") {
    const auto model = load(kScores);
    const auto analysis = analysis::analyze_findings(model);

    std::vector<std::string> order;
    for (const auto& u : analysis.units) order.emplace_back(model[u.unit].id);
    CHECK(order == std::vector<std::string>{"ORG", "A", "A1", "B"});  // tree order, C has none

    const auto* org = unit(model, analysis, "ORG");
    const auto* a = unit(model, analysis, "A");
    const auto* a1 = unit(model, analysis, "A1");
    const auto* b = unit(model, analysis, "B");
    REQUIRE((org && a && a1 && b));
    CHECK(a->net == 6);
    CHECK(a->net_rollup == 4);
    CHECK(a1->net == -2);
    CHECK(a1->net_rollup == -2);
    CHECK(b->net == -11);
    CHECK(b->net_rollup == -11);
    CHECK(org->net == 0);
    CHECK(org->net_rollup == -1);

    CHECK(ids(model, a->works) == Ids{"W1"});
    CHECK(ids(model, a1->works) == Ids{"W2"});
    CHECK(ids(model, a1->doesnt_work) == Ids{"D1"});
    CHECK(ids(model, b->doesnt_work) == Ids{"D1", "D2"});
    CHECK(ids(model, a->why) == Ids{"C1"});  // a cause about the unit answers its "why"
    CHECK(org->works.empty());
}

TEST_CASE(
    "findings: why lists the causes behind a unit's problems nearest first, then its own causes",
    "[analysis][findings]") {
    const auto model = load(kWhy);
    const auto analysis = analysis::analyze_findings(model);
    const auto* a = unit(model, analysis, "A");
    const auto* b = unit(model, analysis, "B");
    REQUIRE((a && b));
    CHECK(ids(model, a->doesnt_work) == Ids{"P1"});
    CHECK(ids(model, a->works) == Ids{"W"});
    CHECK(ids(model, a->why) == Ids{"X1", "Z", "X2", "X3"});
    CHECK(ids(model, b->doesnt_work) == Ids{"P2", "P3"});
    CHECK(ids(model, b->why) == Ids{"Y1", "X2", "Y2", "X3", "X1", "Z"});
    CHECK(a->net == 1 - 10);  // W (severity and count default to 1) minus P1
    CHECK(b->net == -4);
}

TEST_CASE(
    "findings: root causes are the components nothing leaves, weighed by the problems that reach "
    "them",
    "[analysis][findings]") {
    const auto model = load(kWhy);
    const auto analysis = analysis::analyze_findings(model);
    REQUIRE(analysis.root_causes.size() == 4);

    const auto& loop = analysis.root_causes[0];
    CHECK(ids(model, loop.causes) == Ids{"X1", "X2", "X3"});
    CHECK(loop.loop);
    CHECK(loop.weight == 13);
    CHECK(ids(model, loop.reached_from) == Ids{"P1", "P2"});

    const auto& z = analysis.root_causes[1];  // behind the loop Y1 ⇄ Y2, which is not a root
    CHECK(ids(model, z.causes) == Ids{"Z"});
    CHECK_FALSE(z.loop);
    CHECK(z.weight == 3);
    CHECK(ids(model, z.reached_from) == Ids{"P2"});

    // Weight 0 ties, by position: S before O.
    CHECK(ids(model, analysis.root_causes[2].causes) == Ids{"S"});
    CHECK(analysis.root_causes[2].loop);
    CHECK(analysis.root_causes[2].weight == 0);
    CHECK(ids(model, analysis.root_causes[3].causes) == Ids{"O"});
    CHECK(analysis.root_causes[3].reached_from.empty());

    CHECK(ids(model, analysis.unexplained) == Ids{"P3"});  // not a root: it has no cause
}

TEST_CASE("findings: chains follow every path to a root and stop where they enter one",
          "[analysis][findings]") {
    const auto model = load(kWhy);
    const auto analysis = analysis::analyze_findings(model);
    REQUIRE(analysis.chains.size() == 3);  // one per doesnt_work finding, file order
    CHECK(paths(model, chain(model, analysis, "P1")) == std::vector<Ids>{{"P1", "X1"}});
    CHECK(paths(model, chain(model, analysis, "P2")) ==
          std::vector<Ids>{{"P2", "Y1", "Y2", "Z"}, {"P2", "X2"}});
    CHECK(chain(model, analysis, "P3").paths.empty());
    for (const auto& c : analysis.chains) CHECK_FALSE(c.truncated);

    const auto capped = analysis::analyze_findings(model, {.max_paths = 1});
    CHECK(paths(model, chain(model, capped, "P2")) == std::vector<Ids>{{"P2", "Y1", "Y2", "Z"}});
    CHECK(chain(model, capped, "P2").truncated);
    CHECK_FALSE(chain(model, capped, "P1").truncated);
}

TEST_CASE(
    "findings: every elementary cycle is a loop, listed from its first finding, self-loops too",
    "[analysis][findings]") {
    const auto model = load(kWhy);
    const auto analysis = analysis::analyze_findings(model);
    std::vector<Ids> loops;
    for (const auto& loop : analysis.loops) loops.push_back(ids(model, loop));
    CHECK(loops == std::vector<Ids>{{"X1", "X2"}, {"X1", "X2", "X3"}, {"Y1", "Y2"}, {"S"}});
    CHECK_FALSE(analysis.loops_truncated);

    const auto capped = analysis::analyze_findings(model, {.max_loops = 2});
    CHECK(capped.loops.size() == 2);
    CHECK(capped.loops_truncated);
}

TEST_CASE("findings: a problem inside a loop, and a problem given as another's cause",
          "[analysis][findings]") {
    const auto model = load(kProblemsAsCauses);
    const auto analysis = analysis::analyze_findings(model);
    REQUIRE(analysis.root_causes.size() == 2);
    CHECK(ids(model, analysis.root_causes[0].causes) == Ids{"R2"});
    CHECK(analysis.root_causes[0].weight == 3 + 5);  // R1, and R2 itself
    CHECK(ids(model, analysis.root_causes[1].causes) == Ids{"Q1", "K"});
    CHECK(analysis.root_causes[1].weight == 4);
    CHECK(paths(model, chain(model, analysis, "Q1")) == std::vector<Ids>{{"Q1"}});
    CHECK(paths(model, chain(model, analysis, "R1")) == std::vector<Ids>{{"R1", "R2"}});
    CHECK(ids(model, analysis.unexplained) == Ids{"R2"});
}

TEST_CASE("findings: an empty findings table gives an empty analysis", "[analysis][findings]") {
    const auto model = load(R"(
units:
  - {id: A, name: A, kind: administration, head: PA}
posts:
  - {id: PA, unit: A, person: p1}
)");
    const auto analysis = analysis::analyze_findings(model);
    CHECK(analysis.units.empty());
    CHECK(analysis.root_causes.empty());
    CHECK(analysis.chains.empty());
    CHECK(analysis.loops.empty());
    CHECK(analysis.unexplained.empty());
}

namespace {

/// A brute-force reading of the why-graph of a model, to check the analysis against.
struct Oracle {
    explicit Oracle(const model::Model& model) : model_(model), n(model.findings().size()) {
        arcs.resize(n);
        reach.assign(n, std::vector<char>(n, 0));
        for (std::size_t v = 0; v < n; ++v) {
            reach[v][v] = 1;
            for (const auto w : model.findings()[v].because) {
                const auto wi = model::index(w);
                if (std::find(arcs[v].begin(), arcs[v].end(), wi) == arcs[v].end()) {
                    arcs[v].push_back(wi);
                }
                reach[v][wi] = 1;
            }
        }
        for (std::size_t k = 0; k < n; ++k) {
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t j = 0; j < n; ++j) {
                    if (reach[i][k] && reach[k][j]) reach[i][j] = 1;
                }
            }
        }
    }

    /// Every cycle as positions: from each start s, every simple path over larger positions
    /// back to s.
    [[nodiscard]] std::vector<std::vector<std::size_t>> cycles() const {
        std::vector<std::vector<std::size_t>> found;
        std::vector<std::size_t> path;
        std::function<void(std::size_t, std::size_t)> extend = [&](std::size_t s, std::size_t v) {
            for (const auto w : arcs[v]) {
                if (w == s) found.push_back(path);
                if (w <= s || std::find(path.begin(), path.end(), w) != path.end()) continue;
                path.push_back(w);
                extend(s, w);
                path.pop_back();
            }
        };
        for (std::size_t s = 0; s < n; ++s) {
            path.assign(1, s);
            extend(s, s);
        }
        std::sort(found.begin(), found.end());
        return found;
    }

    /// Roots as (members, weight): mutual-reachability classes with no arc leaving them, less
    /// lone statements without because that nobody names.
    [[nodiscard]] std::set<std::pair<std::vector<std::size_t>, long long>> roots() const {
        std::set<std::pair<std::vector<std::size_t>, long long>> found;
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::size_t> members;
            for (std::size_t j = 0; j < n; ++j) {
                if (reach[i][j] && reach[j][i]) members.push_back(j);
            }
            if (members.front() != i) continue;  // each class once
            bool sink = true;
            for (const auto m : members) {
                for (const auto w : arcs[m]) {
                    if (!(reach[w][i] && reach[i][w])) sink = false;
                }
            }
            if (!sink) continue;
            bool named = false;
            for (std::size_t v = 0; v < n; ++v) {
                if (v != i && std::find(arcs[v].begin(), arcs[v].end(), i) != arcs[v].end()) {
                    named = true;
                }
            }
            if (members.size() == 1 && arcs[i].empty() && !named &&
                model_.findings()[i].kind != model::FindingKind::Cause) {
                continue;
            }
            long long weight = 0;
            for (std::size_t d = 0; d < n; ++d) {
                const auto& f = model_.findings()[d];
                if (f.kind == model::FindingKind::DoesntWork && reach[d][i]) {
                    weight += static_cast<long long>(f.severity) * f.count;
                }
            }
            found.emplace(members, weight);
        }
        return found;
    }

    /// Every simple path from `start` whose last finding, and no other, lies in a root.
    [[nodiscard]] std::set<std::vector<std::size_t>> chain(std::size_t start) const {
        std::set<std::size_t> in_root;
        for (const auto& [members, weight] : roots())
            in_root.insert(members.begin(), members.end());
        std::set<std::vector<std::size_t>> found;
        if (arcs[start].empty()) return found;
        if (in_root.count(start)) return {{start}};
        std::vector<std::size_t> path{start};
        std::function<void()> extend = [&] {
            for (const auto w : arcs[path.back()]) {
                if (std::find(path.begin(), path.end(), w) != path.end()) continue;
                path.push_back(w);
                if (in_root.count(w)) {
                    found.insert(path);
                } else {
                    extend();
                }
                path.pop_back();
            }
        };
        extend();
        return found;
    }

    const model::Model& model_;
    std::size_t n;
    std::vector<std::vector<std::size_t>> arcs;
    std::vector<std::vector<char>> reach;
};

std::vector<std::size_t> positions(const std::vector<model::FindingId>& findings) {
    std::vector<std::size_t> list;
    for (const auto f : findings) list.push_back(model::index(f));
    return list;
}

void check_against_oracle(const model::Model& model) {
    const Oracle oracle(model);
    const auto analysis = analysis::analyze_findings(model);

    std::vector<std::vector<std::size_t>> loops;
    for (const auto& loop : analysis.loops) loops.push_back(positions(loop));
    CHECK(loops == oracle.cycles());

    std::set<std::pair<std::vector<std::size_t>, long long>> roots;
    for (const auto& root : analysis.root_causes)
        roots.emplace(positions(root.causes), root.weight);
    CHECK(roots == oracle.roots());
    for (std::size_t r = 1; r < analysis.root_causes.size(); ++r) {
        const auto& before = analysis.root_causes[r - 1];
        const auto& after = analysis.root_causes[r];
        CHECK(before.weight >= after.weight);
        if (before.weight == after.weight) CHECK(before.causes.front() < after.causes.front());
    }

    for (const auto& c : analysis.chains) {
        std::set<std::vector<std::size_t>> found;
        for (const auto& path : c.paths) found.insert(positions(path));
        CHECK(found.size() == c.paths.size());  // no path twice
        CHECK(found == oracle.chain(model::index(c.finding)));
    }
}

/// A model of `n` findings of random kinds and random `because` lists (self-loops and repeats
/// included), all about one unit.
std::string random_model(std::mt19937& random, std::size_t n) {
    std::string yaml =
        "units:\n  - {id: U, name: U, kind: administration, head: P}\n"
        "posts:\n  - {id: P, unit: U, person: p}\nfindings:\n";
    const char* kinds[] = {"works", "doesnt_work", "cause", "cause"};
    std::uniform_int_distribution<std::size_t> kind(0, 3);
    std::uniform_int_distribution<std::size_t> target(0, n - 1);
    std::uniform_int_distribution<int> arcs(0, 3);
    std::uniform_int_distribution<int> figure(1, 5);
    for (std::size_t f = 0; f < n; ++f) {
        yaml += "  - {id: F" + std::to_string(f) + ", kind: " + kinds[kind(random)] +
                ", statement: s, about: [U], severity: " + std::to_string(figure(random)) +
                ", count: " + std::to_string(figure(random)) + ", because: [";
        const int k = arcs(random);
        for (int a = 0; a < k; ++a) {
            yaml += (a > 0 ? ", F" : "F") + std::to_string(target(random));
        }
        yaml += "]}\n";
    }
    return yaml;
}

}  // namespace

TEST_CASE("findings: loops, roots, weights and chains agree with brute force on random why-graphs",
          "[analysis][findings]") {
    std::mt19937 random(20240229);
    for (int round = 0; round < 150; ++round) {
        const auto n = 1 + static_cast<std::size_t>(round % 8);
        const auto yaml = random_model(random, n);
        INFO(yaml);
        check_against_oracle(load(yaml));
    }
}

TEST_CASE(
    "findings: in the example municipality the IT loop is a root and the property loop is not",
    "[analysis][findings]") {
    const auto model = io::load_model(REORG_DATA_DIR "/kommun");
    const auto analysis = analysis::analyze_findings(model);
    check_against_oracle(model);

    const auto root_with = [&](std::string_view id) -> const analysis::RootCause* {
        for (const auto& root : analysis.root_causes) {
            for (const auto f : root.causes) {
                if (model[f].id == id) return &root;
            }
        }
        return nullptr;
    };
    // C01 → C03 → C02 → C01 explains nothing outside itself: one root.
    const auto* it_loop = root_with("C01");
    REQUIRE(it_loop != nullptr);
    CHECK(ids(model, it_loop->causes) == Ids{"C01", "C02", "C03"});
    CHECK(it_loop->loop);
    CHECK(ids(model, it_loop->reached_from) == Ids{"F03", "F15", "F20"});
    CHECK(it_loop->weight == 90 + 48 + 16);
    // C12 ⇄ C13 is also explained by C15: not a root, C15 is.
    CHECK(root_with("C12") == nullptr);
    CHECK(root_with("C13") == nullptr);
    REQUIRE(root_with("C15") != nullptr);
    CHECK(ids(model, root_with("C15")->reached_from) == Ids{"F08"});

    std::vector<Ids> loops;
    for (const auto& loop : analysis.loops) loops.push_back(ids(model, loop));
    CHECK(loops == std::vector<Ids>{{"C01", "C03", "C02"}, {"C12", "C13"}});

    // The heaviest problems, F03 and F07, lead to the heaviest roots.
    CHECK(ids(model, analysis.root_causes.front().causes) == Ids{"C04"});
    CHECK(analysis.root_causes.front().weight == 90 + 48 + 42);
    CHECK(ids(model, root_with("C09")->reached_from) == Ids{"F07", "F19", "F23"});

    // Every problem has a chain ending at a root, or is listed as unexplained.
    std::set<std::string_view> unexplained;
    for (const auto f : analysis.unexplained) unexplained.insert(model[f].id);
    std::size_t problems = 0;
    for (const auto& finding : model.findings()) {
        problems += finding.kind == model::FindingKind::DoesntWork ? 1 : 0;
    }
    CHECK(analysis.chains.size() == problems);
    for (const auto& c : analysis.chains) {
        INFO(model[c.finding].id);
        CHECK((!c.paths.empty() || unexplained.count(model[c.finding].id) == 1));
        for (const auto& path : c.paths) {
            CHECK(path.front() == c.finding);
            CHECK(root_with(model[path.back()].id) != nullptr);
        }
    }
    CHECK(paths(model, chain(model, analysis, "F08")) ==
          std::vector<Ids>{
              {"F08", "C10", "C16"}, {"F08", "C11", "C17", "C14"}, {"F08", "C12", "C13", "C15"}});
}

TEST_CASE("findings: rolled-up net scores agree with a brute-force sum over each subtree",
          "[analysis][findings]") {
    const auto model = io::load_model(REORG_DATA_DIR "/kommun");
    const auto analysis = analysis::analyze_findings(model);
    const auto& tree = model::unit_forest(model);
    REQUIRE_FALSE(analysis.units.empty());
    for (const auto& u : analysis.units) {
        long long own = 0;
        long long rollup = 0;
        for (const auto& finding : model.findings()) {
            if (finding.kind == model::FindingKind::Cause) continue;
            bool here = false;
            bool below = false;
            for (const auto& ref : finding.about) {
                const auto named = std::holds_alternative<model::UnitId>(ref)
                                       ? std::get<model::UnitId>(ref)
                                       : model[std::get<model::PostId>(ref)].unit;
                here = here || named == u.unit;
                below = below || tree.is_ancestor(u.unit, named);
            }
            const long long score = (finding.kind == model::FindingKind::Works ? 1 : -1) *
                                    static_cast<long long>(finding.severity) * finding.count;
            own += here ? score : 0;
            rollup += below ? score : 0;
        }
        INFO(model[u.unit].id);
        CHECK(u.net == own);
        CHECK(u.net_rollup == rollup);
    }
    // Every unit with a finding at or below it is listed, in tree order.
    std::size_t expected = 0;
    for (const auto id : tree.preorder()) {
        bool any = false;
        for (const auto& finding : model.findings()) {
            for (const auto& ref : finding.about) {
                const auto named = std::holds_alternative<model::UnitId>(ref)
                                       ? std::get<model::UnitId>(ref)
                                       : model[std::get<model::PostId>(ref)].unit;
                any = any || tree.is_ancestor(id, named);
            }
        }
        if (!any) continue;
        REQUIRE(expected < analysis.units.size());
        CHECK(analysis.units[expected++].unit == id);
    }
    CHECK(expected == analysis.units.size());
}
