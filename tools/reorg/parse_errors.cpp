#include "parse_errors.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/text.hpp"

namespace reorg::cli {
namespace {

// The commands chosen on the command line, the program first: [reorg], [reorg, stats] or
// [reorg, import, hr-csv].
std::vector<const CLI::App*> chosen_commands(const CLI::App& app) {
    std::vector<const CLI::App*> chain{&app};
    for (;;) {
        const auto selected = chain.back()->get_subcommands();
        if (selected.empty()) return chain;
        chain.push_back(selected.front());
    }
}

// "reorg import hr-csv", as the reader types it.
std::string command_line(const std::vector<const CLI::App*>& chain) {
    std::string line = "reorg";
    for (std::size_t i = 1; i < chain.size(); ++i) line += " " + chain[i]->get_name();
    return line;
}

// The subcommands a command takes, in the order --help lists them.
std::vector<std::string> subcommand_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const auto* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        if (!sub->get_name().empty()) names.push_back(sub->get_name());
    }
    return names;
}

// The option names a command takes, with their dashes: --json, -o, --output, --help.
std::vector<std::string> option_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const auto* option : command.get_options()) {
        for (const auto& name : option->get_lnames()) names.push_back("--" + name);
        for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
    return names;
}

std::string_view without_dashes(std::string_view name) {
    while (!name.empty() && name.front() == '-') name.remove_prefix(1);
    return name;
}

// The name in `names` nearest to `word` when it is a likely typo (base::closest_spelling,
// comparing names without their dashes: `--jsn` is one edit from `--json`), else "".
std::string nearest(std::string_view word, const std::vector<std::string>& names) {
    std::vector<std::string_view> bare;
    bare.reserve(names.size());
    for (const auto& name : names) bare.push_back(without_dashes(name));
    const auto near = base::closest_spelling(without_dashes(word), bare);
    if (!near) return {};
    const auto at = std::find_if(bare.begin(), bare.end(),
                                 [&](std::string_view b) { return b.data() == near->data(); });
    return names[static_cast<std::size_t>(at - bare.begin())];
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

// "'word'; did you mean 'near'?" or just "'word'".
std::string quoted_with_nearest(std::string_view word, const std::vector<std::string>& names) {
    std::string text = "'" + std::string(word) + "'";
    if (const auto near = nearest(word, names); !near.empty()) {
        text += "; did you mean '" + near + "'?";
    }
    return text;
}

// What the first argument that `command` could not place was: an unknown option, an unknown
// subcommand, or an argument too many. Empty when it placed them all.
std::string unplaced_argument(const CLI::App& command, bool subcommand_chosen) {
    const auto remaining = command.remaining();
    if (remaining.empty()) return {};
    const std::string& argument = remaining.front();
    if (argument.size() > 1 && argument.front() == '-') {
        // `--jsn=1`: the option is the part before the value.
        const auto name = argument.substr(0, argument.find('='));
        return "unknown option " + quoted_with_nearest(name, option_names(command));
    }
    const auto commands = subcommand_names(command);
    if (!commands.empty() && !subcommand_chosen) {
        auto text = "unknown command " + quoted_with_nearest(argument, commands);
        if (nearest(argument, commands).empty()) text += "; the commands are " + joined(commands);
        return text;
    }
    return "unexpected argument '" + argument + "'";
}

// CLI11's message with its first letter in lower case, as it follows a colon; a positive
// number's failure, which CLI11 words as a range up to the largest double (300 digits), as
// what it means.
std::string lowered(std::string message) {
    const auto value = message.find("Value ");
    const auto range = message.find(" not in range 0.000000 to 1797");
    if (value != std::string::npos && range != std::string::npos && value < range) {
        message = message.substr(0, value) + "'" + message.substr(value + 6, range - value - 6) +
                  "' is not a positive number";
    }
    if (!message.empty() && message.front() >= 'A' && message.front() <= 'Z' &&
        (message.size() == 1 || std::islower(static_cast<unsigned char>(message[1])))) {
        message.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    }
    return message;
}

}  // namespace

int report_parse_error(const CLI::App& app, const CLI::ParseError& error, std::ostream& out,
                       std::ostream& err) {
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        return app.exit(error, out, err);  // --help, --version
    }
    const auto chain = chosen_commands(app);
    const auto& command = *chain.back();
    const auto help = "reorg: see '" + command_line(chain) + " --help'\n";

    // An argument a command could not place explains the rest: `reorg stat MODEL` fails as "a
    // subcommand is required", `reorg stats --jsn` as "MODEL is required".
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const auto what = unplaced_argument(*chain[i], i + 1 < chain.size());
        if (!what.empty()) {
            err << "reorg: " << what << '\n' << help;
            return 2;
        }
    }
    const auto commands = subcommand_names(command);
    if (!commands.empty() && chain.size() == 1) {
        err << "reorg: a command is required: " << joined(commands) << '\n' << help;
    } else if (!commands.empty()) {
        err << "reorg: " << command_line(chain).substr(6)
            << ": a command is required: " << joined(commands) << '\n'
            << help;
    } else {
        err << "reorg: " << command_line(chain).substr(6) << ": " << lowered(error.what()) << '\n'
            << help;
    }
    return 2;
}

}  // namespace reorg::cli
