#pragma once
// Helpers for scenario tests: scenarios written inline as YAML, applied to data/minimal.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "reorg/io/load.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "support/temp_folder.hpp"

namespace reorg::test {

/*
 * data/minimal: KC heads KLF; IT.CHEF heads KLF.IT with three reports (KLF.IT.003 vacant);
 * STF.CHEF heads STF with three. IT.STYR is a group of KC and STF.CHEF. KLF.IT serves STF and
 * KLF. F01 (works) is about KLF.IT.001, F02 (doesn't work) about KLF.IT and IT.CHEF.
 *
 *                    KC (KLF)
 *        /           |            \
 *   EKO.CHEF     IT.CHEF (KLF.IT)   STF.CHEF (STF)
 *               /    |    \        /    |    \
 *           .001   .002  .003   .001  .002  .003
 */
inline const model::Model& minimal() {
    static const model::Model model = io::load_model(REORG_DATA_DIR "/minimal/model.yaml");
    return model;
}

/// The scenario an inline YAML text states, read from a file named `scenario.yaml`.
inline scenario::Scenario scenario_of(std::string_view yaml) {
    const TempFolder folder;
    return scenario::read_scenario(folder.write("scenario.yaml", yaml));
}

/// A scenario named "test" with the given `changes:` list (YAML lines, each starting "  - ").
inline scenario::Scenario changes(std::string_view list) {
    return scenario_of("name: test\nchanges:\n" + std::string(list));
}

/// `changes` applied to data/minimal.
inline scenario::Applied apply_to_minimal(std::string_view list) {
    return scenario::apply(minimal(), changes(list));
}

/// The message of the InputError that `call` throws (fails the test if it throws none).
template <class Call>
std::string input_error(Call&& call) {
    try {
        call();
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError");
    return {};
}

/// The id of the post `post` reports to in `m` ("" for a top post).
inline std::string manager_of(const model::Model& m, std::string_view post) {
    const auto p = m.find_post(post);
    REQUIRE(p);
    const auto& manager = m[*p].reports_to;
    return manager ? std::string(m[*manager].id) : std::string();
}

/// The id of the unit post `post` is in.
inline std::string unit_of(const model::Model& m, std::string_view post) {
    const auto p = m.find_post(post);
    REQUIRE(p);
    return std::string(m[m[*p].unit].id);
}

/// The id of unit `unit`'s parent ("" for a root).
inline std::string parent_of(const model::Model& m, std::string_view unit) {
    const auto u = m.find_unit(unit);
    REQUIRE(u);
    const auto& parent = m[*u].parent;
    return parent ? std::string(m[*parent].id) : std::string();
}

/// The id of unit `unit`'s head ("" for none).
inline std::string head_of(const model::Model& m, std::string_view unit) {
    const auto u = m.find_unit(unit);
    REQUIRE(u);
    const auto& head = m[*u].head;
    return head ? std::string(m[*head].id) : std::string();
}

}  // namespace reorg::test
