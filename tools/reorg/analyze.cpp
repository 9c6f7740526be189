#include "commands.hpp"

namespace reorg::cli {
void add_analyze_command(CLI::App&, int&) {}
}  // namespace reorg::cli
