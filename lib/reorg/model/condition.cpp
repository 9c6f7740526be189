#include "reorg/model/condition.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "reorg/base/text.hpp"

namespace reorg::model {
namespace {

using namespace std::string_view_literals;

struct FunctionSpec {
    CheckFunction function;
    std::string_view name;
    std::size_t min_arguments;
    std::size_t max_arguments;
};

constexpr std::array kFunctions{
    FunctionSpec{CheckFunction::Posts, "posts", 1, 1},
    FunctionSpec{CheckFunction::Vacant, "vacant", 1, 1},
    FunctionSpec{CheckFunction::Fte, "fte", 1, 1},
    FunctionSpec{CheckFunction::Cost, "cost", 1, 1},
    FunctionSpec{CheckFunction::Managers, "managers", 1, 1},
    FunctionSpec{CheckFunction::Span, "span", 1, 1},
    FunctionSpec{CheckFunction::MaxSpan, "max_span", 1, 1},
    FunctionSpec{CheckFunction::MinSpan, "min_span", 1, 1},
    FunctionSpec{CheckFunction::Layers, "layers", 1, 1},
    FunctionSpec{CheckFunction::Load, "load", 1, 1},
    FunctionSpec{CheckFunction::CutOff, "cut_off", 1, 1},
    FunctionSpec{CheckFunction::SinglePoints, "single_points", 1, 1},
    FunctionSpec{CheckFunction::Distance, "distance", 1, 2},
    FunctionSpec{CheckFunction::Betweenness, "betweenness", 1, 1},
    FunctionSpec{CheckFunction::Members, "members", 1, 1},
    FunctionSpec{CheckFunction::Exists, "exists", 1, 1},
};

const FunctionSpec& spec_of(CheckFunction function) {
    return kFunctions[static_cast<std::size_t>(function)];
}

/// Deeper than this many parentheses and `not`s is no check a person wrote.
constexpr std::size_t kMaxDepth = 200;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Ends an unquoted id or word.
bool is_delimiter(char c) {
    return is_blank(c) || c == '(' || c == ')' || c == ',' || c == '<' || c == '>' || c == '=' ||
           c == '!' || c == '\'' || c == '"';
}

using base::did_you_mean;
using base::in_backticks;

/// A number when the whole word is one (not inf or nan, which are ids).
std::optional<double> number_of(std::string_view word) {
    if (word.empty()) return std::nullopt;
    const char first = word.front();
    if (!(first == '-' || first == '.' || (first >= '0' && first <= '9'))) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

struct Token {
    enum class Kind : std::uint8_t { Word, Quoted, Open, Close, Comma, Compare, End };
    Kind kind = Kind::End;
    std::string text;  // a word or quoted id; the comparison's symbol
    Comparison comparison = Comparison::Equal;
    std::size_t column = 0;  // 1-based
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const std::size_t column = i + 1;
        if (is_blank(c)) {
            ++i;
            continue;
        }
        Token token;
        token.column = column;
        const auto next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '(' || c == ')' || c == ',') {
            token.kind = c == '('   ? Token::Kind::Open
                         : c == ')' ? Token::Kind::Close
                                    : Token::Kind::Comma;
            token.text = std::string(1, c);
            ++i;
        } else if (c == '<' || c == '>' || c == '=' || c == '!') {
            token.kind = Token::Kind::Compare;
            const bool two = next == '=';
            if (c == '=' && !two) {
                throw ConditionError("`=` is not a comparison (did you mean `==`?)", column);
            }
            if (c == '!' && !two) {
                throw ConditionError("`!` is not a comparison (did you mean `!=`?)", column);
            }
            token.text = std::string(text.substr(i, two ? 2 : 1));
            token.comparison = c == '<'   ? (two ? Comparison::LessEqual : Comparison::Less)
                               : c == '>' ? (two ? Comparison::GreaterEqual : Comparison::Greater)
                               : c == '=' ? Comparison::Equal
                                          : Comparison::NotEqual;
            i += two ? 2 : 1;
        } else if (c == '\'' || c == '"') {
            // A quote doubled inside the quotes stands for itself: 'it''s'.
            token.kind = Token::Kind::Quoted;
            std::size_t at = i + 1;
            for (;;) {
                const auto close = text.find(c, at);
                if (close == std::string_view::npos) {
                    throw ConditionError("unterminated quote", column);
                }
                token.text += text.substr(at, close - at);
                if (close + 1 < text.size() && text[close + 1] == c) {
                    token.text += c;
                    at = close + 2;
                    continue;
                }
                i = close + 1;
                break;
            }
        } else {
            std::size_t end = i;
            while (end < text.size() && !is_delimiter(text[end])) ++end;
            token.kind = Token::Kind::Word;
            token.text = std::string(text.substr(i, end - i));
            i = end;
        }
        tokens.push_back(std::move(token));
    }
    Token end;
    end.column = text.size() + 1;
    tokens.push_back(std::move(end));
    return tokens;
}

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    Condition parse() {
        if (peek().kind == Token::Kind::End) throw ConditionError("empty check", 1);
        auto condition = disjunction();
        if (peek().kind != Token::Kind::End) {
            throw ConditionError(
                "unexpected " + in_backticks(shown(peek())) + " after the end of the check",
                peek().column);
        }
        return condition;
    }

private:
    const Token& peek() const { return tokens_[position_]; }
    const Token& take() { return tokens_[position_++]; }
    bool is_word(std::string_view word) const {
        return peek().kind == Token::Kind::Word && peek().text == word;
    }
    static std::string shown(const Token& token) {
        return token.kind == Token::Kind::Quoted ? "'" + token.text + "'" : token.text;
    }

    // a or b or c: one Or of three; a parenthesised Or stays its own operand.
    Condition joined(Condition::Kind kind, std::string_view keyword, Condition (Parser::*part)()) {
        auto first = (this->*part)();
        if (!is_word(keyword)) return first;
        Condition joined;
        joined.kind = kind;
        joined.operands.push_back(std::move(first));
        while (is_word(keyword)) {
            take();
            joined.operands.push_back((this->*part)());
        }
        return joined;
    }
    Condition disjunction() { return joined(Condition::Kind::Or, "or", &Parser::conjunction); }
    Condition conjunction() { return joined(Condition::Kind::And, "and", &Parser::negation); }

    Condition negation() {
        if (!is_word("not")) return primary();
        const auto column = take().column;
        Deeper deeper(*this, column);
        Condition negated;
        negated.kind = Condition::Kind::Not;
        negated.operands.push_back(negation());
        return negated;
    }

    Condition primary() {
        if (peek().kind == Token::Kind::Open) {
            const auto column = take().column;
            Deeper deeper(*this, column);
            auto inner = disjunction();
            if (peek().kind != Token::Kind::Close)
                throw ConditionError("expected ')'", peek().column);
            take();
            return inner;
        }
        Condition comparison;
        comparison.left = value();
        if (peek().kind != Token::Kind::Compare) {
            throw ConditionError("expected a comparison (<, <=, ==, !=, >=, >)", peek().column);
        }
        comparison.comparison = take().comparison;
        comparison.right = value();
        return comparison;
    }

    CheckValue value() {
        const Token& token = peek();
        CheckValue v;
        v.column = token.column;
        if (token.kind != Token::Kind::Word) {
            throw ConditionError("expected a number or a function", token.column);
        }
        if (const auto number = number_of(token.text)) {
            take();
            v.number = number;
            return v;
        }
        const bool call = tokens_[position_ + 1].kind == Token::Kind::Open;
        const auto* spec = function_named(token.text);
        if (!call) {
            if (spec != nullptr) {
                throw ConditionError("expected '(' after " + in_backticks(token.text),
                                     tokens_[position_ + 1].column);
            }
            throw ConditionError("expected a number or a function", token.column);
        }
        if (spec == nullptr) {
            std::vector<std::string_view> names;
            for (const auto& f : kFunctions) names.push_back(f.name);
            throw ConditionError(
                "unknown function " + in_backticks(token.text) + did_you_mean(token.text, names),
                token.column);
        }
        take();
        take();  // (
        v.function = spec->function;
        for (;;) {
            const Token& argument = peek();
            if (argument.kind != Token::Kind::Word && argument.kind != Token::Kind::Quoted) {
                throw ConditionError("expected an id", argument.column);
            }
            v.arguments.push_back({argument.text, argument.column});
            take();
            if (peek().kind == Token::Kind::Comma) {
                take();
                continue;
            }
            if (peek().kind != Token::Kind::Close)
                throw ConditionError("expected ')'", peek().column);
            take();
            break;
        }
        const auto n = v.arguments.size();
        if (n < spec->min_arguments || n > spec->max_arguments) {
            const auto counted = [](std::size_t k) {
                return std::to_string(k) + (k == 1 ? " argument" : " arguments");
            };
            const std::string takes =
                spec->min_arguments == spec->max_arguments
                    ? counted(spec->min_arguments)
                    : std::to_string(spec->min_arguments) + " or " + counted(spec->max_arguments);
            throw ConditionError(
                in_backticks(spec->name) + " takes " + takes + ", not " + std::to_string(n),
                v.column);
        }
        return v;
    }

    static const FunctionSpec* function_named(std::string_view name) {
        for (const auto& f : kFunctions) {
            if (f.name == name) return &f;
        }
        return nullptr;
    }

    // One level of nesting for as long as it lives.
    class Deeper {
    public:
        Deeper(Parser& parser, std::size_t column) : parser_(parser) {
            if (++parser_.depth_ > kMaxDepth) throw ConditionError("nested too deeply", column);
        }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
        ~Deeper() { --parser_.depth_; }

    private:
        Parser& parser_;
    };

    std::vector<Token> tokens_;
    std::size_t position_ = 0;
    std::size_t depth_ = 0;
};

bool needs_quotes(std::string_view id) {
    if (id.empty() || id == "and" || id == "or" || id == "not") return true;
    for (const char c : id) {
        if (is_delimiter(c)) return true;
    }
    return false;
}

void append_value(std::string& out, const CheckValue& v) {
    if (v.number) {
        base::append_exact_number(out, *v.number);
        return;
    }
    out += name_of(v.function);
    out += '(';
    for (std::size_t i = 0; i < v.arguments.size(); ++i) {
        if (i > 0) out += ", ";
        const auto& id = v.arguments[i].id;
        if (!needs_quotes(id)) {
            out += id;
        } else {
            // Double quotes unless the id holds some and no single one; a quote inside is
            // doubled.
            const bool single =
                id.find('"') != std::string::npos && id.find('\'') == std::string::npos;
            const char quote = single ? '\'' : '"';
            out += quote;
            for (const char c : id) {
                if (c == quote) out += quote;
                out += c;
            }
            out += quote;
        }
    }
    out += ')';
}

void append_condition(std::string& out, const Condition& c) {
    switch (c.kind) {
        case Condition::Kind::Compare:
            append_value(out, c.left);
            out += ' ';
            out += symbol_of(c.comparison);
            out += ' ';
            append_value(out, c.right);
            return;
        case Condition::Kind::Not: {
            out += "not ";
            const auto& inner = c.operands.front();
            const bool group =
                inner.kind == Condition::Kind::And || inner.kind == Condition::Kind::Or;
            if (group) out += '(';
            append_condition(out, inner);
            if (group) out += ')';
            return;
        }
        case Condition::Kind::And:
        case Condition::Kind::Or: {
            const bool is_and = c.kind == Condition::Kind::And;
            for (std::size_t i = 0; i < c.operands.size(); ++i) {
                if (i > 0) out += is_and ? " and " : " or ";
                const auto& operand = c.operands[i];
                // An Or inside an And needs parentheses; so does an operand of the same kind, which
                // came from parentheses (unparenthesised, it would read back as one flat list).
                const bool group =
                    operand.kind == c.kind || (is_and && operand.kind == Condition::Kind::Or);
                if (group) out += '(';
                append_condition(out, operand);
                if (group) out += ')';
            }
            return;
        }
    }
}

template <class C, class Visit>
void each_value(C& condition, Visit&& visit) {
    if (condition.kind == Condition::Kind::Compare) {
        visit(condition.left);
        visit(condition.right);
        return;
    }
    for (auto& operand : condition.operands) each_value(operand, visit);
}

std::string_view kind_article(std::string_view kind) {
    return kind.find_first_of("aeiou") == 0 ? "an" : "a";
}

}  // namespace

std::string_view name_of(CheckFunction function) noexcept { return spec_of(function).name; }

CheckArgument argument_kind(CheckFunction function, std::size_t argument) noexcept {
    switch (function) {
        case CheckFunction::Span:
        case CheckFunction::CutOff:
        case CheckFunction::Betweenness:
            return CheckArgument::Post;
        case CheckFunction::Vacant:
            return CheckArgument::PostOrUnit;
        case CheckFunction::Distance:
            return argument == 0 ? CheckArgument::PostOrUnit : CheckArgument::Group;
        case CheckFunction::Members:
            return CheckArgument::Group;
        case CheckFunction::Exists:
            return CheckArgument::Any;
        default:
            return CheckArgument::Unit;
    }
}

std::string_view symbol_of(Comparison comparison) noexcept {
    switch (comparison) {
        case Comparison::Less:
            return "<";
        case Comparison::LessEqual:
            return "<=";
        case Comparison::Equal:
            return "==";
        case Comparison::NotEqual:
            return "!=";
        case Comparison::GreaterEqual:
            return ">=";
        case Comparison::Greater:
            return ">";
    }
    return "==";
}

ConditionError::ConditionError(std::string message, std::size_t column)
    : Error(message + " at column " + std::to_string(column)),
      message_(std::move(message)),
      column_(column) {}

Condition parse_condition(std::string_view text) { return Parser(tokenize(text)).parse(); }

std::string to_string(const Condition& condition) {
    std::string out;
    append_condition(out, condition);
    return out;
}

void for_each_id(const Condition& condition,
                 const std::function<void(const CheckId&, CheckFunction, std::size_t)>& visit) {
    each_value(condition, [&](const CheckValue& v) {
        if (v.number) return;
        for (std::size_t i = 0; i < v.arguments.size(); ++i) visit(v.arguments[i], v.function, i);
    });
}

void rename_ids(Condition& condition,
                const std::function<std::string(std::string_view id, CheckFunction,
                                                std::size_t argument)>& rename) {
    each_value(condition, [&](CheckValue& v) {
        for (std::size_t i = 0; i < v.arguments.size(); ++i) {
            v.arguments[i].id = rename(v.arguments[i].id, v.function, i);
        }
    });
}

void rename_ids(Condition& condition, const std::function<std::string(std::string_view)>& rename) {
    rename_ids(condition,
               [&](std::string_view id, CheckFunction, std::size_t) { return rename(id); });
}

std::string first_id(const Condition& condition) {
    std::string first;
    for_each_id(condition, [&](const CheckId& id, CheckFunction, std::size_t) {
        if (first.empty()) first = id.id;
    });
    return first;
}

std::vector<ConditionProblem> check_ids(const Condition& condition, const Model& model) {
    std::vector<ConditionProblem> problems;
    for_each_id(condition, [&](const CheckId& id, CheckFunction function, std::size_t argument) {
        const auto kind = argument_kind(function, argument);
        if (kind == CheckArgument::Any) return;
        const auto unit = model.find_unit(id.id);
        const auto post = model.find_post(id.id);
        const std::string needs = in_backticks(name_of(function)) + " needs ";
        const std::string is = ", and " + in_backticks(id.id) + " is ";
        switch (kind) {
            case CheckArgument::Unit:
                if (unit) return;
                if (post) problems.push_back({needs + "a unit" + is + "a post", id.column});
                break;
            case CheckArgument::Post:
                if (post) return;
                if (unit) problems.push_back({needs + "a post" + is + "a unit", id.column});
                break;
            case CheckArgument::PostOrUnit:
                if (unit || post) return;
                break;
            case CheckArgument::Group:
                if (unit) {
                    const auto unit_kind = model[*unit].kind;
                    if (unit_kind == UnitKind::Group) return;
                    const auto spelt = to_string(unit_kind);
                    problems.push_back({needs + "a group" + is + std::string(kind_article(spelt)) +
                                            " " + std::string(spelt),
                                        id.column});
                } else if (post) {
                    problems.push_back({needs + "a group" + is + "a post", id.column});
                }
                break;
            case CheckArgument::Any:
                return;
        }
        if (unit || post) return;
        // Unknown: suggest the nearest id of what the function needs.
        std::vector<std::string_view> known;
        if (kind != CheckArgument::Post) {
            for (const auto& u : model.units()) known.push_back(u.id);
        }
        if (kind == CheckArgument::Post || kind == CheckArgument::PostOrUnit) {
            for (const auto& p : model.posts()) known.push_back(p.id);
        }
        problems.push_back(
            {"unknown id " + in_backticks(id.id) + did_you_mean(id.id, known), id.column});
    });
    return problems;
}

}  // namespace reorg::model
