#pragma once
#include <cstddef>
#include <vector>

#include "reorg/graph/views.hpp"
#include "reorg/model/model.hpp"

/// The review's findings as answers: per unit what works, what does not and why; the root
/// causes at the ends of the why-chains; every loop (SPEC §5 "Findings").
///
/// The why-graph has one vertex per finding and an arc from each finding to every finding its
/// `because` names (a finding named twice is one arc). A finding's weight is severity × count.
/// Only `works` and `doesnt_work` findings carry into net scores; causes explain, they do not
/// score.
namespace reorg::analysis {

/// A finding's weight: severity × count, how strongly the review said it.
[[nodiscard]] long long weight(const model::Finding& finding) noexcept;

/// One unit's answers to the review's three questions, and its net score.
///
/// A finding is the unit's when its `about` names the unit or a post of the unit; it counts once
/// for the unit however many of those it names (the unit twice, or the unit and its head post).
struct UnitFindings {
    model::UnitId unit{};
    /// Σ weight of the unit's `works` findings minus Σ weight of its `doesnt_work` ones.
    long long net = 0;
    /// The same over the findings that name the unit or any unit below it (or their posts),
    /// each finding counted once for the subtree even when it names two units inside it: a
    /// problem shared by two teams of one office weighs on the office once.
    long long net_rollup = 0;
    std::vector<model::FindingId> works;        ///< file order
    std::vector<model::FindingId> doesnt_work;  ///< file order
    /// Why: breadth-first over `because`, nearest first, without repeats. Level 1 is what the
    /// unit's doesnt_work findings name in `because`, followed by the causes whose `about`
    /// names the unit (they describe the unit's situation even when they explain another unit's
    /// problem); then what those name in turn, and so on. The unit's own doesnt_work findings
    /// are not repeated here.
    std::vector<model::FindingId> why;
};

/// A root cause: a component of the why-graph with no arc leaving it (SPEC: "a cause with no
/// further `because`, or a loop of causes that explain one another and nothing outside the
/// loop", reported as one root).
///
/// A lone `works` or `doesnt_work` finding with no `because` that no finding names is not a
/// root: it has no cause (FindingsAnalysis::unexplained lists such problems). Named in another
/// finding's `because` it does act as that finding's cause and is a root. A lone cause that
/// nothing names is a root of weight 0: the review gave it but tied no problem to it.
struct RootCause {
    std::vector<model::FindingId> causes;  ///< one, or the members of the loop in file order
    /// Σ weight of the doesnt_work findings from which the root is reachable through `because`
    /// (each counted once however many paths lead there; one inside a root loop reaches it).
    long long weight = 0;
    std::vector<model::FindingId> reached_from;  ///< those doesnt_work findings, file order
    /// The causes explain one another: more than one finding, or one that names itself.
    bool loop = false;
};

/// The why-chain of a doesnt_work finding: every simple path through `because` from it to a
/// root cause, starting with the finding itself. A path ends at the first finding it reaches
/// that belongs to a root (entering a root loop ends the path at the loop); a branch that
/// would repeat a finding already on the path is dropped, since it adds nothing the other
/// paths do not show. Paths come in depth-first order following each `because` list as
/// written, so paths that share a start are adjacent.
struct WhyChain {
    model::FindingId finding{};
    /// Empty when the finding names no cause (it is then in FindingsAnalysis::unexplained).
    /// A finding that is itself part of a root loop has the one path {finding}.
    std::vector<std::vector<model::FindingId>> paths;
    bool truncated = false;  ///< FindingsOptions::max_paths was reached, or the search budget
};

struct FindingsAnalysis {
    std::vector<UnitFindings> units;  ///< units with any finding (own or below), tree pre-order
    /// Heaviest first; equal weights by the smallest position (file order) of a member.
    std::vector<RootCause> root_causes;
    std::vector<WhyChain> chains;  ///< one per doesnt_work finding, in file order
    /// Every elementary cycle of the why-graph (a finding naming itself is a loop of one), each
    /// listed from its member with the smallest position and following `because`; the loops
    /// sorted by those position sequences.
    std::vector<std::vector<model::FindingId>> loops;
    bool loops_truncated = false;  ///< FindingsOptions::max_loops was reached
    /// doesnt_work findings whose `because` is empty: problems the review gave no cause for.
    std::vector<model::FindingId> unexplained;
};

struct FindingsOptions {
    std::size_t max_paths = 1'000;   ///< per doesnt_work finding
    std::size_t max_loops = 10'000;  ///< in all
};

/// Answers the review's questions for every unit and follows the why-graph to its roots.
///
/// Net scores and root causes take O(findings + about · depth of the unit tree + because) plus,
/// for the weights, the size of what each doesnt_work finding reaches; the why-lists take the
/// size of what each unit's findings reach. Loops use Johnson's algorithm,
/// O((findings + because) · (loops + 1)) plus one pass over the rest of its component per
/// finding on a loop, stopping at max_loops; chains stop at max_paths paths per finding (and
/// after a fixed search budget, a million steps, that only a pathological tangle of causes
/// exhausts). A million-post synthetic model (6,816 findings) takes well under a second.
/// Throws nothing of its own.
[[nodiscard]] FindingsAnalysis analyze_findings(const model::Model& model,
                                                const FindingsOptions& options = {});

/// The same on the model's why-graph, already built (graph::ModelGraphs::why()).
[[nodiscard]] FindingsAnalysis analyze_findings(const model::Model& model,
                                                const graph::WhyGraph& why,
                                                const FindingsOptions& options = {});

}  // namespace reorg::analysis
