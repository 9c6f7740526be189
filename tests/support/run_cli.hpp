#pragma once
// Runs the `reorg` executable for end-to-end tests, capturing its exit code and output.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "support/temp_folder.hpp"

namespace reorg::test {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// `ENV reorg ARGS` through the shell (ENV: assignments such as "TZ=UTC", or empty), with no
/// standard input; ARGS are passed as written.
inline Run reorg_cli_with_env(const std::string& env, const std::string& args) {
    const TempFolder scratch;
    const auto err_path = scratch.path() / "stderr";
    const std::string command = env + (env.empty() ? "" : " ") + std::string(REORG_EXECUTABLE) +
                                " " + args + " 2>" + err_path.string() + " </dev/null";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        run.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path);
    run.err.assign(std::istreambuf_iterator<char>(err), {});
    return run;
}

/// `reorg ARGS` through the shell, with no standard input; ARGS are passed as written.
inline Run reorg_cli(const std::string& args) { return reorg_cli_with_env("", args); }

}  // namespace reorg::test
