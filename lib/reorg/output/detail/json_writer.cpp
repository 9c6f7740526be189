#include "reorg/output/detail/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <ostream>

#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"

namespace reorg::output::detail {
namespace {

// Bytes gathered before they go to the stream: large enough that a write costs little, small
// enough to stay in cache.
constexpr std::size_t kFlushAt = std::size_t{1} << 16;

template <typename Integer>
void append_integer(std::string& out, Integer number) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
    out.append(digits, end);
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

void JsonWriter::new_line() {
    buffer_ += '\n';
    buffer_.append(2 * counts_.size(), ' ');
}

void JsonWriter::next_item() {
    if (counts_.back()++ > 0) buffer_ += ',';
    new_line();
    if (buffer_.size() >= kFlushAt) flush();
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!counts_.empty()) next_item();  // else the document itself
}

void JsonWriter::key(std::string_view name) {
    next_item();
    buffer_ += '"';
    base::append_json(buffer_, name);
    buffer_ += "\": ";
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    before_value();
    buffer_ += bracket;
    counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
    const auto count = counts_.back();
    counts_.pop_back();
    if (count > 0) new_line();
    buffer_ += bracket;
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::value(std::string_view text) {
    before_value();
    buffer_ += '"';
    base::append_json(buffer_, text);
    buffer_ += '"';
}

void JsonWriter::value(double number) {
    before_value();
    if (!std::isfinite(number)) {
        buffer_ += "null";
        return;
    }
    const auto start = buffer_.size();
    base::append_exact_number(buffer_, number);
    // A whole double keeps a decimal point, as nlohmann writes it, so that it reads as a number
    // with a fraction in languages that tell the two apart.
    if (buffer_.find_first_of(".e", start) == std::string::npos) buffer_ += ".0";
}

void JsonWriter::value(bool truth) {
    before_value();
    buffer_ += truth ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    buffer_ += "null";
}

void JsonWriter::signed_value(std::int64_t number) {
    before_value();
    append_integer(buffer_, number);
}

void JsonWriter::unsigned_value(std::uint64_t number) {
    before_value();
    append_integer(buffer_, number);
}

}  // namespace reorg::output::detail
