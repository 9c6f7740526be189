#pragma once
#include <cstddef>
#include <cstdint>

#include "reorg/model/model.hpp"

/// Synthetic organisations for benchmarks, tests and demonstrations (`reorg generate`).
namespace reorg::synth {

struct GenerateOptions {
    std::size_t posts = 1000;
    std::uint64_t seed = 1;
    double links_per_post = 5.0;  ///< collaboration links per post, on average
    /// Add an external partner company (its own root, 3 posts taken from `posts`) that lends an
    /// IT operations manager to the IT office; only for organisations of 50 posts or more.
    bool external_partner = true;
};

/// A deterministic organisation that looks real: a reporting tree with spans mostly 3–12 and a
/// few very narrow and very wide managers, 5–9 layers for large sizes, units following subtrees
/// (administration → department → office/team) with a head each, functions and titles, about
/// 3 % vacancies, collaboration links mostly inside units and some across, dotted lines, a
/// management group with member_of links, service units with capacities and `serves` links, and
/// findings with because-chains (one loop among the causes). The same options give the same
/// model on every machine. O(posts + links); a million posts in seconds. Throws reorg::Error for
/// more than 2^31 posts, a negative `links_per_post`, or 4e9 links or more.
[[nodiscard]] model::Model generate(const GenerateOptions& options);

}  // namespace reorg::synth
