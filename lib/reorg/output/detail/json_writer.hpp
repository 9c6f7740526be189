#pragma once
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace reorg::output::detail {

/// A JSON document written as it is made, laid out as nlohmann's `dump(2)` lays out the same
/// document: members and elements one per line, indented by two spaces a level, `[]` and `{}`
/// when empty. Nothing of the document is held but a buffer of its next bytes, so a list of
/// every unit of a million-post organisation costs its bytes on the stream, not a tree.
///
/// Strings are escaped by base::append_json (ill-formed UTF-8 as U+FFFD); numbers that are not
/// whole are written in the shortest form that reads back exactly, whole doubles with ".0";
/// a NaN or infinity, which JSON cannot carry, as null. The writer does not check that calls
/// nest: a key belongs in an object, every begin has its end. Flushed when destroyed.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out);
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter();

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();

    /// The next member's name, in an object; its value follows.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(double number);
    void value(bool truth);
    template <std::integral Integer>
    requires(!std::same_as<Integer, bool>) void value(Integer number) {
        if constexpr (std::is_signed_v<Integer>) {
            signed_value(number);
        } else {
            unsigned_value(number);
        }
    }
    void null();

    /// key(name), then value(v).
    template <typename Value>
    void member(std::string_view name, const Value& v) {
        key(name);
        value(v);
    }

    /// Hands the buffered bytes to the stream.
    void flush();

private:
    /// A member or element of the open container begins: after a comma if not the first.
    void next_item();
    void before_value();
    void open(char bracket);
    void close(char bracket);
    void new_line();
    void signed_value(std::int64_t number);
    void unsigned_value(std::uint64_t number);

    std::ostream& out_;
    std::string buffer_;
    std::vector<std::size_t> counts_;  // members or elements so far, one per open container
    bool after_key_ = false;
};

}  // namespace reorg::output::detail
