#include "terminal.hpp"

#include <unistd.h>

#include <iostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "reorg/base/escape.hpp"
#include "reorg/base/file_buffer.hpp"

namespace reorg::cli {
namespace {

// Escapes what passes through on its way to `target`, a line at a time (a C1 control is two
// bytes, so a trailing 0xC2 waits for the byte after it).
class EscapingBuffer : public std::streambuf {
public:
    explicit EscapingBuffer(std::streambuf* target) : target_(target) {}
    EscapingBuffer(const EscapingBuffer&) = delete;
    EscapingBuffer& operator=(const EscapingBuffer&) = delete;
    ~EscapingBuffer() override { flush_all(); }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        pending_ += traits_type::to_char_type(c);
        if (c == '\n' || pending_.size() >= kChunk) flush_complete();
        return c;
    }

    std::streamsize xsputn(const char* text, std::streamsize n) override {
        const std::string_view more(text, static_cast<std::size_t>(n));
        const bool complete = more.size() >= kChunk || more.find('\n') != more.npos;
        if (pending_.empty() && complete) {
            write_complete(more);  // whole lines, as a table writes them: escaped where they are
        } else {
            pending_ += more;
            if (complete || pending_.size() >= kChunk) flush_complete();
        }
        return n;
    }

    int sync() override {
        flush_all();
        return target_->pubsync();
    }

private:
    static constexpr std::size_t kChunk = 1 << 14;

    // Writes all of `text` but a trailing 0xC2, whose meaning depends on the next byte: that
    // one is what stays pending.
    void write_complete(std::string_view text) {
        const bool split = !text.empty() && static_cast<unsigned char>(text.back()) == 0xC2;
        write(text.substr(0, text.size() - (split ? 1 : 0)));
        pending_.clear();
        if (split) pending_ += '\xC2';
    }

    void flush_complete() { write_complete(pending_); }

    void flush_all() {
        write(pending_);
        pending_.clear();
    }

    void write(std::string_view text) {
        escaped_.clear();
        base::append_terminal(escaped_, text);
        target_->sputn(escaped_.data(), static_cast<std::streamsize>(escaped_.size()));
    }

    std::streambuf* target_;
    std::string pending_;
    std::string escaped_;
};

std::streambuf* original_stdout = nullptr;

}  // namespace

struct TerminalText::Filters {
    std::streambuf* out;
    std::streambuf* err;
    // Line by line to a terminal, so that it interleaves with standard error as it comes.
    base::FdBuffer stdout_file{STDOUT_FILENO, ::isatty(STDOUT_FILENO) == 1};
    EscapingBuffer escaped_out;
    EscapingBuffer escaped_err;

    Filters()
        : out(std::cout.rdbuf()),
          err(std::cerr.rdbuf()),
          escaped_out(&stdout_file),
          escaped_err(err) {}
};

TerminalText::TerminalText() : filters_(std::make_unique<Filters>()) {
    original_stdout = &filters_->stdout_file;
    std::cout.rdbuf(&filters_->escaped_out);
    std::cerr.rdbuf(&filters_->escaped_err);
}

int TerminalText::finish() {
    std::cout.flush();
    return filters_->stdout_file.flush() ? 0 : filters_->stdout_file.error();
}

TerminalText::~TerminalText() {
    std::cout.flush();
    std::cerr.flush();
    std::cout.rdbuf(filters_->out);
    std::cerr.rdbuf(filters_->err);
    original_stdout = nullptr;
}

std::ostream& raw_stdout() {
    // Written in step with std::cout: flush what the filter holds before raw bytes follow.
    std::cout.flush();
    static std::ostream raw(nullptr);
    raw.rdbuf(original_stdout != nullptr ? original_stdout : std::cout.rdbuf());
    raw.clear();
    return raw;
}

}  // namespace reorg::cli
