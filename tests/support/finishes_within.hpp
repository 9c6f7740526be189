#pragma once
// For regression tests of inputs that once made a reader loop for ever: the call runs in a child
// process that is killed when it takes too long, so that the old loop fails the test instead of
// hanging it (or filling the machine's memory).
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <utility>

namespace reorg::test {

/// Whether `call()` returns (or throws) within `limit`, run in a forked child. What it returns
/// is lost: check the result in the test's own process afterwards.
template <class Call>
[[nodiscard]] bool finishes_within(std::chrono::milliseconds limit, Call&& call) {
    const pid_t child = fork();
    if (child == 0) {
        try {
            std::forward<Call>(call)();
        } catch (...) {
        }
        _exit(0);
    }
    if (child < 0) return false;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace reorg::test
