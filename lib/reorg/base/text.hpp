#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// The few string helpers every layer needs: trimming, comparing, spelling numbers, and the
/// text storage of a model.
namespace reorg::base {

/// Removes ASCII blanks (space, tab, CR, LF) from both ends.
[[nodiscard]] std::string_view trim(std::string_view text) noexcept;

/// Compares ignoring ASCII case; other bytes must match exactly.
[[nodiscard]] bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

/// Whether the byte at `text[at]` ends a line: LF, or a CR not followed by LF (CR LF ends at
/// its LF; a lone CR is what Excel for Mac and old Mac editors write). Every reader counts
/// lines by it, so that their messages agree.
[[nodiscard]] constexpr bool ends_line(std::string_view text, std::size_t at) noexcept {
    return text[at] == '\n' ||
           (text[at] == '\r' && (at + 1 == text.size() || text[at + 1] != '\n'));
}

/// The spelling in `known` nearest to `word` (case-insensitive edit distance, ASCII), when it is
/// near enough to be a likely typo: at most one edit for words up to four letters, two up to
/// eight, three beyond. For "did you mean …?" in messages. O(Σ |word| · |known[i]|).
[[nodiscard]] std::optional<std::string_view> closest_spelling(
    std::string_view word, std::span<const std::string_view> known);

/// "`text`", as messages quote what the user wrote.
[[nodiscard]] std::string in_backticks(std::string_view text);

/// " (did you mean `near`?)" when closest_spelling() finds a likely intended spelling of `word`
/// in `known`, else "".
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       std::span<const std::string_view> known);

/// `1234567.5` → `1 234 568`: whole units with a space between thousands, as Swedish and
/// international reports write money.
[[nodiscard]] std::string format_amount(double value);

/// A number with at most `decimals` decimals and no trailing zeros: 2.50 → "2.5", 3.0 → "3".
[[nodiscard]] std::string format_number(double value, int decimals = 2);

/// format_amount and format_number appended to `out`, for output that formats a hundred
/// thousand rows into one reused buffer instead of a string per figure.
void append_amount(std::string& out, double value);
void append_number(std::string& out, double value, int decimals = 2);

/// The shortest text that reads back as exactly `value`, in plain decimals where people write
/// them so (a cost of 700000, not 7e+05) and with an exponent only below 1e-4 or from 1e15 on;
/// `nan`, `inf` and `-inf` for the values that are not finite. Appended to `out`.
void append_exact_number(std::string& out, double value);

/// append_exact_number into a new string.
[[nodiscard]] std::string exact_number(double value);

/// An append-only store of strings whose addresses never move, so the string_views a Model
/// hands out stay valid for as long as the arena lives. Strings are packed into large blocks:
/// a million short titles cost their bytes, not a million allocations. A resource type: moved,
/// never copied; a Model shares it through shared_ptr.
class TextArena {
public:
    TextArena() = default;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;
    TextArena(TextArena&&) noexcept = default;
    TextArena& operator=(TextArena&&) noexcept = default;
    ~TextArena() = default;

    /// Copies `text` into the arena and returns a view of the copy (an empty text costs nothing).
    [[nodiscard]] std::string_view store(std::string_view text);

    /// Bytes held, for memory accounting.
    [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }

private:
    static constexpr std::size_t kBlockSize = std::size_t{1} << 20;

    std::vector<std::unique_ptr<char[]>> blocks_;
    char* free_ = nullptr;
    std::size_t free_size_ = 0;
    std::size_t bytes_ = 0;
};

}  // namespace reorg::base
