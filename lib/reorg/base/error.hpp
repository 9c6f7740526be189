#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace reorg {

/// Where in the user's input something is: a file, a 1-based line (0: the file as a whole) and
/// optionally the column (CSV header name or YAML key) or a scenario change.
struct Location {
    Location(std::string file_ = {}, std::uint32_t line_ = 0, std::string column_ = {})
        : file(std::move(file_)), line(line_), column(std::move(column_)) {}

    std::string file;
    std::uint32_t line = 0;
    std::string column;
};

enum class Severity : std::uint8_t { Error, Warning };

/// One problem found in the input, phrased for the person who wrote the file. Diagnostics and
/// InputError keep a message to 1,000 bytes and a column to 200: beyond, the start and the end
/// around " […N bytes…] " (within the bound), so that a gigabyte id quoted in a message stays a
/// readable line.
struct Diagnostic {
    Severity severity = Severity::Error;
    Location where;
    std::string message;
};

/// "file:line: column: message", the form editors and CI logs link to.
[[nodiscard]] std::string to_string(const Diagnostic& diagnostic);

/// Base of every failure reorg reports.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An option the caller passed cannot be used: out of range, or naming nothing in the model.
/// option() is the field of the library's options struct (`epsilon`, `focus`, `to_group`), so
/// that each front end can name it in its own terms (a command-line flag, a report setting);
/// message() says what is wrong without naming the option.
class OptionError : public Error {
public:
    OptionError(std::string option, std::string message);

    [[nodiscard]] const std::string& option() const noexcept { return option_; }
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    std::string option_;
    std::string message_;
};

/// Graphviz could not lay out or draw a diagram; what() carries its own message.
class RenderError : public Error {
public:
    using Error::Error;
};

/// The user's input is wrong. Carries every error found (up to a cap), each with its location;
/// what() is the first of them and a count of the rest.
class InputError : public Error {
public:
    InputError(Location where, std::string message);
    explicit InputError(std::vector<Diagnostic> errors, std::size_t not_listed = 0);

    [[nodiscard]] const std::vector<Diagnostic>& errors() const noexcept { return errors_; }
    /// Errors found beyond the cap and so not listed.
    [[nodiscard]] std::size_t not_listed() const noexcept { return not_listed_; }

private:
    std::vector<Diagnostic> errors_;
    std::size_t not_listed_ = 0;
};

/// Collects the errors and warnings of one input, keeping at most `max_listed` of each so that
/// a badly broken million-row file still gives a readable answer.
class Diagnostics {
public:
    static constexpr std::size_t kDefaultMaxListed = 50;

    explicit Diagnostics(std::size_t max_listed = kDefaultMaxListed) : max_listed_(max_listed) {}

    void error(Location where, std::string message);
    void warning(Location where, std::string message);
    /// Counts a warning beyond the listing cap that its checker did not word.
    void count_warning() noexcept { ++warning_count_; }

    /// Adds what `later` collected, as if it had been reported here after everything so far:
    /// how a reader that splits its work over threads, each with its own Diagnostics, keeps
    /// the order of its files.
    void append(const Diagnostics& later);

    [[nodiscard]] std::size_t max_listed() const noexcept { return max_listed_; }

    [[nodiscard]] bool has_errors() const noexcept { return error_count_ > 0; }
    [[nodiscard]] std::size_t error_count() const noexcept { return error_count_; }
    [[nodiscard]] std::size_t warning_count() const noexcept { return warning_count_; }
    [[nodiscard]] const std::vector<Diagnostic>& errors() const noexcept { return errors_; }
    [[nodiscard]] const std::vector<Diagnostic>& warnings() const noexcept { return warnings_; }
    /// True once the error list is full: readers may stop early.
    [[nodiscard]] bool full() const noexcept { return error_count_ >= max_listed_ * 20; }

    /// Throws InputError with every listed error, if there is one.
    void throw_if_errors() const;

private:
    std::size_t max_listed_;
    std::vector<Diagnostic> errors_;
    std::vector<Diagnostic> warnings_;
    std::size_t error_count_ = 0;
    std::size_t warning_count_ = 0;
};

}  // namespace reorg
