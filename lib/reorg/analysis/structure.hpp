#pragma once
#include <cstddef>
#include <map>
#include <string_view>
#include <vector>

#include "reorg/model/model.hpp"

namespace reorg::analysis {

/// Limits for spans of control that deserve a look (SPEC §5 "Structure").
struct SpanThresholds {
    std::size_t narrow = 3;  ///< managers with fewer direct reports than this are narrow
    std::size_t wide = 12;   ///< managers with more direct reports than this are wide
};

/// Min, median, mean and max of a set of numbers (all zero when the set is empty).
struct Summary {
    double min = 0;
    double median = 0;
    double mean = 0;
    double max = 0;
};

/// A manager and their number of direct reports.
struct ManagerSpan {
    model::PostId post{};
    std::size_t span = 0;
};

/// Figures of one unit, alone and rolled up over its sub-units.
struct UnitFigures {
    std::size_t posts = 0;
    std::size_t vacant = 0;
    /// People in post: one per filled post, or a filled post's `headcount` column where the
    /// model has one (a post standing for a group of staff, as an organogram's junior grades).
    std::size_t headcount = 0;
    double fte = 0;
    double cost = 0;
};

struct UnitStructure {
    model::UnitId unit{};
    UnitFigures own;     ///< posts of this unit alone
    UnitFigures rollup;  ///< this unit and every unit below it
    std::size_t managers = 0;
    std::size_t layers_max = 0;  ///< deepest layer of its own posts (0 without posts)
    double layers_mean = 0;      ///< mean layer of its own posts
};

/// The shape of an organisation (SPEC §5 "Structure").
struct Structure {
    std::size_t posts = 0;
    std::size_t filled = 0;
    std::size_t vacant = 0;
    std::size_t people = 0;  ///< distinct people holding a post
    double fte = 0;
    double cost = 0;
    std::size_t units = 0;
    std::map<model::UnitKind, std::size_t> units_by_kind;
    std::size_t managers = 0;                           ///< posts with at least one direct report
    Summary span;                                       ///< direct reports per manager
    std::map<std::size_t, std::size_t> span_histogram;  ///< span → number of managers
    SpanThresholds thresholds;
    std::vector<ManagerSpan> narrow;     ///< span below thresholds.narrow, narrowest first
    std::vector<ManagerSpan> wide;       ///< span above thresholds.wide, widest first
    std::size_t layers_max = 0;          ///< a top post is layer 1
    double layers_mean = 0;              ///< mean layer over all posts
    double staff_per_manager = 0;        ///< non-managers per manager (0 without managers)
    std::vector<UnitStructure> by_unit;  ///< in unit-tree pre-order (parents first)
};

/// Computes every structure figure. O(posts + units + managers log managers).
[[nodiscard]] Structure structure(const model::Model& model, const SpanThresholds& thresholds = {});

}  // namespace reorg::analysis
