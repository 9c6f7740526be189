#include "commands.hpp"

namespace reorg::cli {
void add_generate_command(CLI::App&, int&) {}
}  // namespace reorg::cli
