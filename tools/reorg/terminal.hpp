#pragma once
#include <iosfwd>
#include <memory>

namespace reorg::cli {

/// For as long as it lives, everything written to std::cout and std::cerr has its control
/// characters shown escaped (base::append_terminal): names and ids from a hostile file reach
/// the reader's terminal as text (SPEC §3). JSON and CSV escape by their own rules and, like
/// what must pass byte for byte (a PNG on standard output), go to raw_stdout().
/// Standard output is written to file descriptor 1 through a buffer that keeps the first
/// failed write's reason, for finish(). One per program, made by main(). A resource type:
/// neither copied nor moved.
class TerminalText {
public:
    TerminalText();
    TerminalText(const TerminalText&) = delete;
    TerminalText& operator=(const TerminalText&) = delete;
    ~TerminalText();

    /// Writes out all that standard output holds: the errno of the first write that failed
    /// (the disk is full, the pipe's reader is gone), or 0 when all of it was written.
    [[nodiscard]] int finish();

private:
    struct Filters;
    std::unique_ptr<Filters> filters_;
};

/// Standard output as it is, for bytes that must pass unchanged: a diagram or an export
/// written to `-`, JSON (which escapes control characters itself) and CSV (which carries
/// them).
[[nodiscard]] std::ostream& raw_stdout();

}  // namespace reorg::cli
