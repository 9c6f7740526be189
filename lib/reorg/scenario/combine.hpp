#pragma once
#include <string>

#include "reorg/model/model.hpp"

/// Combining two separate organisations into one model (SPEC §7, `reorg combine`): a merger of
/// two municipalities, an acquisition. The result can be the base of scenarios.
namespace reorg::scenario {

struct CombineOptions {
    std::string prefix_a{};  ///< written as `X.` before every id of the first model; empty: none
    std::string prefix_b{};  ///< the same for the second model
    std::string top_id = "TOP";  ///< the common top unit
    std::string top_name{};      ///< its name; empty: the top id
};

/// The two models side by side under a new top unit of kind administration, without a head:
/// the units of `a`, then those of `b`, then the top unit, which becomes the parent of every
/// root unit of either side except external organisations (they stay roots, SPEC §2). Posts,
/// people, links and findings of both sides are kept, every id prefixed as `options` asks
/// (ids inside links, `about` and `because` follow, being references). Unknown columns are
/// carried over: the union of both sides' names, empty where a side lacks one.
///
/// Throws OptionError("prefix" or "top") for a prefix or top id that is not id-like (empty,
/// or holding blanks, control characters or `;`) and OptionError("top") for a top id already
/// used by a unit or post; InputError with one Diagnostic per id that, after prefixing, is in
/// both models (units, posts, people and findings each checked), or if the result is not a
/// valid model (model::check_structure). O(size of a + size of b + length of the new ids).
[[nodiscard]] model::Model combine(const model::Model& a, const model::Model& b,
                                   const CombineOptions& options);

}  // namespace reorg::scenario
