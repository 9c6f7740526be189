#pragma once
// The subcommands of `reorg`. Each file adds one: its options struct, its CLI11 flags, and a
// run function that calls the library once and prints. main() maps exceptions to exit codes.

namespace CLI {
class App;
class Validator;
}  // namespace CLI

namespace reorg::cli {

/// Registers a subcommand on `app`; when it runs, its exit code is stored in `exit_code`.
void add_validate_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);
void add_analyze_command(CLI::App& app, int& exit_code);
void add_findings_command(CLI::App& app, int& exit_code);
void add_pack_command(CLI::App& app, int& exit_code);
void add_generate_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_render_command(CLI::App& app, int& exit_code);
void add_apply_command(CLI::App& app, int& exit_code);
void add_compare_command(CLI::App& app, int& exit_code);
void add_combine_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);

/// Refuses an output path that cannot be written before the model is loaded: its folder must
/// exist, and it must not be a folder itself. "-" (standard output) passes.
CLI::Validator writable_file();

}  // namespace reorg::cli
