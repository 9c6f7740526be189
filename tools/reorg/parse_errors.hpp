#pragma once
// Command-line mistakes in the reader's words: CLI11 says what went wrong, this says it as
// reorg's messages do (README: every error starts with `reorg:`, exit 2).
#include <iosfwd>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace reorg::cli {

/// Prints `error`, which `app.parse()` threw, and returns the exit code. --help and --version
/// print as CLI11 prints them, on `out`, and return 0. Every mistake goes to `err` on lines
/// starting `reorg:`, followed by where to read more (`reorg: see 'reorg stats --help'`), and
/// returns 2: an unknown command or option with its nearest spelling ("unknown command 'stat';
/// did you mean 'stats'?"), an argument no command takes, a command missing, and CLI11's own
/// message for a missing argument or a bad value, prefixed with the command it is about.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error, std::ostream& out,
                       std::ostream& err);

}  // namespace reorg::cli
