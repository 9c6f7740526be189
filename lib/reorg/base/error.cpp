#include "reorg/base/error.hpp"

#include <cstddef>
#include <string>
#include <utility>

namespace reorg {

std::string to_string(const Diagnostic& diagnostic) {
    std::string text = diagnostic.where.file;
    if (diagnostic.where.line > 0) text += ':' + std::to_string(diagnostic.where.line);
    if (!text.empty()) text += ": ";
    if (!diagnostic.where.column.empty()) text += diagnostic.where.column + ": ";
    if (diagnostic.severity == Severity::Warning) text += "warning: ";
    text += diagnostic.message;
    return text;
}

namespace {

constexpr std::size_t kMaxMessageBytes = 1000;
constexpr std::size_t kMaxColumnBytes = 200;

bool continues_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// `text` as it is, or, beyond `max` bytes, its start and end around what was left out: an id
// of a gigabyte quoted in a message must not reach the terminal (or memory, fifty times over).
// Cut between UTF-8 characters.
std::string bounded(std::string text, std::size_t max) {
    if (text.size() <= max) return text;
    // The marker " […N bytes…] " takes at most 40 bytes: the result stays within max, so that
    // bounding it again changes nothing.
    const std::size_t kept = (max > 40 ? max - 40 : 0) / 2;
    std::size_t head = kept;
    while (head > 0 && continues_character(text[head])) --head;
    std::size_t tail = text.size() - kept;
    while (tail < text.size() && continues_character(text[tail])) ++tail;
    std::string result = text.substr(0, head);
    result += " […";
    result += std::to_string(tail - head);
    result += " bytes…] ";
    result.append(text, tail);
    return result;
}

Diagnostic bounded(Severity severity, Location where, std::string message) {
    where.column = bounded(std::move(where.column), kMaxColumnBytes);
    return {severity, std::move(where), bounded(std::move(message), kMaxMessageBytes)};
}

// Bounds every error in place (the one place an InputError's list is), then sums them up for
// what().
std::string bound_and_summarise(std::vector<Diagnostic>& errors, std::size_t not_listed) {
    for (auto& error : errors) {
        error = bounded(error.severity, std::move(error.where), std::move(error.message));
    }
    if (errors.empty()) return "invalid input";
    std::string text = to_string(errors.front());
    const std::size_t more = errors.size() - 1 + not_listed;
    if (more > 0) text += " (and " + std::to_string(more) + " more errors)";
    return text;
}

}  // namespace

OptionError::OptionError(std::string option, std::string message)
    : Error(option + ": " + message), option_(std::move(option)), message_(std::move(message)) {}

InputError::InputError(Location where, std::string message)
    : InputError(std::vector{Diagnostic{Severity::Error, std::move(where), std::move(message)}}) {}

// The base is made first, from the parameter, which bound_and_summarise() bounds on the way.
InputError::InputError(std::vector<Diagnostic> errors, std::size_t not_listed)
    : Error(bound_and_summarise(errors, not_listed)),
      errors_(std::move(errors)),
      not_listed_(not_listed) {}

void Diagnostics::error(Location where, std::string message) {
    if (errors_.size() < max_listed_) {
        errors_.push_back(bounded(Severity::Error, std::move(where), std::move(message)));
    }
    ++error_count_;
}

void Diagnostics::warning(Location where, std::string message) {
    if (warnings_.size() < max_listed_) {
        warnings_.push_back(bounded(Severity::Warning, std::move(where), std::move(message)));
    }
    ++warning_count_;
}

void Diagnostics::append(const Diagnostics& later) {
    for (const auto& listed : later.errors_) error(listed.where, listed.message);
    for (const auto& listed : later.warnings_) warning(listed.where, listed.message);
    error_count_ += later.error_count_ - later.errors_.size();
    warning_count_ += later.warning_count_ - later.warnings_.size();
}

void Diagnostics::throw_if_errors() const {
    if (has_errors()) throw InputError(errors_, error_count_ - errors_.size());
}

}  // namespace reorg
