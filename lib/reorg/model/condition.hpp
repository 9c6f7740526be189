#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

/// The check language of SPEC §4.1: conditions on a model that a finding carries to say what
/// "fixed" (or "still works") means. `load(KLF.IT) <= 1.0 and not vacant(IT.CHEF) == 1`.
/// Parsing and the ids' meaning live here; evaluating them needs the analyses (reorg::check).
namespace reorg::model {

/// The functions of the language, each of ids of the model.
enum class CheckFunction : std::uint8_t {
    Posts,
    Vacant,
    Fte,
    Cost,
    Managers,
    Span,
    MaxSpan,
    MinSpan,
    Layers,
    Load,
    CutOff,
    SinglePoints,
    Distance,
    Betweenness,
    Members,
    Exists
};

/// What an argument must name in the model.
enum class CheckArgument : std::uint8_t { Unit, Post, PostOrUnit, Group, Any };

/// The file spelling: "posts", "max_span", "cut_off", ...
[[nodiscard]] std::string_view name_of(CheckFunction function) noexcept;

/// What argument `argument` (0-based) of `function` must name: a unit for the rolled-up
/// figures, a post for span, cut_off and betweenness, a post or a unit for vacant and the first
/// of distance, a group for members and the second of distance, anything for exists.
[[nodiscard]] CheckArgument argument_kind(CheckFunction function, std::size_t argument) noexcept;

enum class Comparison : std::uint8_t { Less, LessEqual, Equal, NotEqual, GreaterEqual, Greater };

/// "<", "<=", "==", "!=", ">=", ">".
[[nodiscard]] std::string_view symbol_of(Comparison comparison) noexcept;

/// An id as the check names it, and the 1-based column where it starts.
struct CheckId {
    std::string id;
    std::size_t column = 0;

    /// The same id; where it was written does not count.
    friend bool operator==(const CheckId& a, const CheckId& b) { return a.id == b.id; }
};

/// A side of a comparison: a number, or a function of ids.
struct CheckValue {
    std::optional<double> number;  ///< set for a number
    CheckFunction function = CheckFunction::Posts;
    std::vector<CheckId> arguments;  ///< for a function
    std::size_t column = 0;          ///< where it starts

    /// The same number, or the same function of the same ids; the column does not count.
    friend bool operator==(const CheckValue& a, const CheckValue& b) {
        if (a.number || b.number) return a.number == b.number;
        return a.function == b.function && a.arguments == b.arguments;
    }
};

/// A parsed condition: a comparison, or `and`/`or` of two or more, or `not` of one.
struct Condition {
    enum class Kind : std::uint8_t { Compare, And, Or, Not };
    Kind kind = Kind::Compare;
    Comparison comparison = Comparison::Equal;  ///< Compare
    CheckValue left, right;                     ///< Compare
    std::vector<Condition> operands;            ///< And, Or: two or more; Not: one

    /// The same structure over equal values (columns do not count).
    friend bool operator==(const Condition&, const Condition&) = default;
};

/// A check that does not parse. what() is "MESSAGE at column N".
class ConditionError : public Error {
public:
    ConditionError(std::string message, std::size_t column);

    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }

private:
    std::string message_;
    std::size_t column_;
};

/// Parses a check: `or` binds loosest, then `and`, then `not`; a comparison of two values
/// (numbers or functions) or a parenthesised condition. Ids are written as they are (anything
/// but blanks, parentheses, commas, comparison signs and quotes) or quoted with ' or ".
/// Throws ConditionError with the column of what is wrong. O(length).
[[nodiscard]] Condition parse_condition(std::string_view text);

/// The condition as parse_condition() reads it back: single spaces, parentheses where needed,
/// ids quoted where they must be.
[[nodiscard]] std::string to_string(const Condition& condition);

/// Calls visit(id, function, argument index) for every id, left to right.
void for_each_id(const Condition& condition,
                 const std::function<void(const CheckId&, CheckFunction, std::size_t)>& visit);

/// Rewrites every id (the prefixes of `reorg combine`).
void rename_ids(Condition& condition, const std::function<std::string(std::string_view)>& rename);

/// Rewrites every id, told which function and argument it stands in (lineage, which follows
/// an id as the kind the function needs and leaves exists() alone).
void rename_ids(Condition& condition,
                const std::function<std::string(std::string_view id, CheckFunction,
                                                std::size_t argument)>& rename);

/// The first id the condition names, left to right; empty when it names none.
[[nodiscard]] std::string first_id(const Condition& condition);

/// An id that does not name what its function needs.
struct ConditionProblem {
    std::string message;
    std::size_t column = 0;
};

/// The ids that `model` lacks ("unknown id `KLF.ITT` (did you mean `KLF.IT`?)") or that name
/// the wrong kind of thing ("span needs a post, and `KLF` is a unit"). exists() takes any id.
[[nodiscard]] std::vector<ConditionProblem> check_ids(const Condition& condition,
                                                      const Model& model);

}  // namespace reorg::model
