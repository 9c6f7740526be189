#include "reorg/base/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace reorg::base {
namespace {

constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

constexpr char lower_ascii(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower_ascii(x) == lower_ascii(y);
           });
}

std::optional<std::string_view> closest_spelling(std::string_view word,
                                                 std::span<const std::string_view> known) {
    const std::size_t allowed = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
    std::optional<std::string_view> best;
    std::size_t best_distance = allowed + 1;
    // Edit distance with adjacent transpositions (optimal string alignment): `unti` is one edit
    // from `unit`. Three rows: the one before the previous is needed for transpositions.
    std::vector<std::size_t> before, previous, current;
    for (const auto candidate : known) {
        const auto n = candidate.size();
        before.assign(n + 1, 0);
        previous.resize(n + 1);
        current.resize(n + 1);
        for (std::size_t j = 0; j <= n; ++j) previous[j] = j;
        for (std::size_t i = 1; i <= word.size(); ++i) {
            current[0] = i;
            for (std::size_t j = 1; j <= n; ++j) {
                const bool same = lower_ascii(word[i - 1]) == lower_ascii(candidate[j - 1]);
                current[j] = std::min(
                    {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0U : 1U)});
                if (i > 1 && j > 1 && lower_ascii(word[i - 1]) == lower_ascii(candidate[j - 2]) &&
                    lower_ascii(word[i - 2]) == lower_ascii(candidate[j - 1])) {
                    current[j] = std::min(current[j], before[j - 2] + 1);
                }
            }
            std::swap(before, previous);
            std::swap(previous, current);
        }
        if (previous[n] < best_distance) {
            best_distance = previous[n];
            best = candidate;
        }
    }
    return best;
}

std::string_view TextArena::store(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > free_size_) {
        // A string larger than a quarter block gets a block of its own, so that one long note
        // does not waste the rest of the current block.
        const std::size_t size = text.size() > kBlockSize / 4 ? text.size() : kBlockSize;
        auto& block = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size));
        if (size != kBlockSize) {
            std::memcpy(block.get(), text.data(), text.size());
            bytes_ += text.size();
            return {block.get(), text.size()};
        }
        free_ = block.get();
        free_size_ = size;
    }
    std::memcpy(free_, text.data(), text.size());
    const std::string_view stored{free_, text.size()};
    free_ += text.size();
    free_size_ -= text.size();
    bytes_ += text.size();
    return stored;
}

void append_amount(std::string& out, double value) {
    // Beyond what a long long holds (and for NaN and infinities) there is no whole-unit form
    // worth grouping: spell the number as format_number does.
    if (!(std::fabs(value) < 9e18)) {
        append_number(out, value, 0);
        return;
    }
    const auto whole = std::llround(value);
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(),
                                   whole < 0 ? -static_cast<unsigned long long>(whole)
                                             : static_cast<unsigned long long>(whole))
                         .ptr;
    const auto length = static_cast<std::size_t>(end - digits.data());
    if (whole < 0) out += '-';
    for (std::size_t i = 0; i < length; ++i) {
        if (i > 0 && (length - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
}

std::string format_amount(double value) {
    std::string text;
    append_amount(text, value);
    return text;
}

void append_exact_number(std::string& out, double value) {
    std::array<char, 64> buffer{};
    const auto magnitude = std::fabs(value);
    const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
    const auto result = plain ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                              std::chars_format::fixed)
                              : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr);
}

std::string exact_number(double value) {
    std::string text;
    append_exact_number(text, value);
    return text;
}

void append_number(std::string& out, double value, int decimals) {
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    if (result.ec != std::errc{}) {
        // Too long in fixed notation (beyond about 1e60): the shortest exact form instead.
        append_exact_number(out, value);
        return;
    }
    std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    if (text.find('.') != std::string_view::npos && text.find('e') == std::string_view::npos) {
        while (text.back() == '0') text.remove_suffix(1);
        if (text.back() == '.') text.remove_suffix(1);
    }
    out += text == "-0" ? std::string_view("0") : text;
}

std::string format_number(double value, int decimals) {
    std::string text;
    append_number(text, value, decimals);
    return text;
}

std::string in_backticks(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string did_you_mean(std::string_view word, std::span<const std::string_view> known) {
    if (const auto near = closest_spelling(word, known)) {
        return " (did you mean " + in_backticks(*near) + "?)";
    }
    return {};
}

}  // namespace reorg::base
