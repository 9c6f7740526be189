#pragma once
// Runs commands for end-to-end tests — the `reorg` executable, and the peers that read its
// output (NetworkX, Graphviz) — capturing exit code and output.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "support/temp_folder.hpp"

// Whether this test (and so the reorg it runs, built alike) runs under AddressSanitizer: GCC
// says so by __SANITIZE_ADDRESS__, clang by __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define REORG_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REORG_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef REORG_TEST_UNDER_ASAN
#define REORG_TEST_UNDER_ASAN 0
#endif

namespace reorg::test {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// A shell command with no standard input; its stdout and stderr captured.
inline Run run_command(const std::string& command) {
    const TempFolder scratch;
    const auto err_path = scratch.path() / "stderr";
    const auto full = command + " 2>'" + err_path.string() + "' </dev/null";
    Run run;
    FILE* pipe = popen(full.c_str(), "r");
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

#ifdef REORG_EXECUTABLE
/// `ENV reorg ARGS` through the shell (ENV: assignments such as "TZ=UTC", or empty), with no
/// standard input; ARGS are passed as written.
inline Run reorg_cli_with_env(const std::string& env, const std::string& args) {
    return run_command(env + (env.empty() ? "" : " ") + std::string(REORG_EXECUTABLE) + " " + args);
}

/// `reorg ARGS` through the shell, with no standard input; ARGS are passed as written.
inline Run reorg_cli(const std::string& args) { return reorg_cli_with_env("", args); }
#endif

}  // namespace reorg::test
