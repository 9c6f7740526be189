// `reorg`: the command-line face of the library. Parses arguments, runs one subcommand, and maps
// failures to exit codes: 2 for bad input or bad arguments, 1 for anything else.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "parse_errors.hpp"
#include "print.hpp"
#include "reorg/base/error.hpp"
#include "reorg/base/file_buffer.hpp"
#include "reorg/version.hpp"
#include "terminal.hpp"

namespace {

// The flag that sets a library option, for its messages: the option's name with dashes
// (`top_k` is `--top-k`), except where the flag is spelt otherwise.
std::string flag_for(std::string_view option) {
    if (option == "to_group") return "--to";
    std::string flag = "--";
    for (const char c : option) flag += c == '_' ? '-' : c;
    return flag;
}

// Runs the command `argv` names, mapping its failure to an exit code.
int run(CLI::App& app, int argc, char** argv, const int& exit_code) {
    try {
        app.parse(argc, argv);
        return exit_code;
    } catch (const CLI::ParseError& error) {
        return reorg::cli::report_parse_error(app, error, std::cout, std::cerr);
    } catch (const reorg::InputError& error) {
        reorg::cli::print_diagnostics(std::cerr, error.errors());
        if (error.not_listed() > 0) {
            std::cerr << "reorg: ... and " << error.not_listed() << " more errors\n";
        }
        return 2;
    } catch (const reorg::OptionError& error) {
        std::cerr << "reorg: " << flag_for(error.option()) << ": " << error.message() << '\n';
        return 2;
    } catch (const reorg::RenderError& error) {
        std::cerr << "reorg: cannot draw the diagram: " << error.what() << '\n';
        return EXIT_FAILURE;
    } catch (const reorg::Error& error) {
        // The environment failed us (Chromium missing, a write refused): exit 1, said plainly.
        std::cerr << "reorg: " << error.what() << '\n';
        return EXIT_FAILURE;
    } catch (const std::bad_alloc&) {
        // A model beyond the machine's memory (or `ulimit -v`): the environment, not a bug.
        std::cerr << "reorg: out of memory: the input needs more memory than this machine "
                     "(or its limit for this process) allows\n";
        return EXIT_FAILURE;
    } catch (const std::exception& error) {
        std::cerr << "reorg: internal error: " << error.what() << '\n';
        return EXIT_FAILURE;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Outputs never depend on where the command runs: cairo stamps PDFs in local time, and the
    // renderer can clear the time but not the zone's spelling.
    setenv("TZ", "UTC", 1);
    tzset();
    // Names and ids from the user's files reach the terminal with control characters escaped.
    reorg::cli::TerminalText terminal;

    CLI::App app{"reorg — analyse an organisation and compare reorganisation scenarios"};
    app.set_version_flag("--version", std::string(reorg::kVersion));
    app.require_subcommand(1);
    int exit_code = EXIT_SUCCESS;
    reorg::cli::add_validate_command(app, exit_code);
    reorg::cli::add_stats_command(app, exit_code);
    reorg::cli::add_analyze_command(app, exit_code);
    reorg::cli::add_findings_command(app, exit_code);
    reorg::cli::add_pack_command(app, exit_code);
    reorg::cli::add_generate_command(app, exit_code);
    reorg::cli::add_import_command(app, exit_code);
    reorg::cli::add_export_command(app, exit_code);
    reorg::cli::add_render_command(app, exit_code);
    reorg::cli::add_apply_command(app, exit_code);
    reorg::cli::add_compare_command(app, exit_code);
    reorg::cli::add_combine_command(app, exit_code);
    reorg::cli::add_check_command(app, exit_code);
    reorg::cli::add_report_command(app, exit_code);

    const int code = run(app, argc, argv, exit_code);
    // Output lost on the way is a failure, whatever the command thought of its work.
    if (const int error = terminal.finish(); error != 0) {
        std::cerr << "reorg: " << reorg::base::cannot_write("standard output", error) << '\n';
        return code == 2 ? code : EXIT_FAILURE;
    }
    return code;
}
