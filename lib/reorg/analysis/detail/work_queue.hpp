#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include "reorg/analysis/centrality.hpp"

// Threads: items (sources, or blocks of samples) in chunks dealt to the threads in a fixed
// order — thread t takes chunks t, t + T, t + 2T, ... — so that what each thread adds up, and
// so the sum of the per-thread totals, never depends on timing: the same input and thread count
// give the same bits. Thread 0 is the caller, which alone reports progress.
namespace reorg::analysis::detail {

/// The threads to use for `items` items: `requested`, or every core for 0, but never more
/// threads than items (and at least one).
inline unsigned thread_count(unsigned requested, std::size_t items) {
    unsigned threads =
        requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
    if (items < threads) threads = static_cast<unsigned>(std::max<std::size_t>(items, 1));
    return threads;
}

/// The items [begin, end) in chunks of `chunk`, dealt to the threads in the fixed order above.
class WorkQueue {
public:
    WorkQueue(std::size_t begin, std::size_t end, std::size_t chunk)
        : begin_(begin), end_(end), chunk_(std::max<std::size_t>(chunk, 1)) {}

    /// Sets the number of threads that will take work; before any take().
    void deal_to(unsigned threads) { next_.assign(threads, Next{}); }

    /// The next chunk of `thread` into [begin, end); false when it has none left or the work
    /// was cancelled.
    bool take(unsigned thread, std::size_t& begin, std::size_t& end) {
        if (cancelled_.load(std::memory_order_relaxed)) return false;
        const std::size_t chunk = next_[thread].chunk++ * next_.size() + thread;
        if (chunk >= (end_ - begin_ + chunk_ - 1) / chunk_) return false;
        begin = begin_ + chunk * chunk_;
        end = std::min(begin + chunk_, end_);
        return true;
    }
    void finished(std::size_t items) { done_.fetch_add(items, std::memory_order_relaxed); }
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    [[nodiscard]] std::size_t done() const { return done_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::size_t size() const { return end_ - begin_; }

private:
    struct alignas(64) Next {  // one cache line per thread
        std::size_t chunk = 0;
    };
    std::vector<Next> next_;
    std::atomic<std::size_t> done_{0};
    std::atomic<bool> cancelled_{false};
    std::size_t begin_;
    std::size_t end_;
    std::size_t chunk_;
};

/// Calls the user's callback at most about every 1 % of the work, from the calling thread.
class ProgressReporter {
public:
    explicit ProgressReporter(const Progress& progress) : progress_(progress) {}

    void report(double fraction) {
        if (!progress_) return;
        fraction = std::clamp(fraction, 0.0, 1.0);
        if (fraction >= last_ + 0.01 || (fraction == 1.0 && last_ < 1.0)) {
            last_ = fraction;
            progress_(fraction);
        }
    }

private:
    const Progress& progress_;
    double last_ = 0;
};

/// Runs work(thread, begin, end) over the queue's chunks on `threads` threads (the caller is
/// thread 0 and reports `fraction(done)` as progress). The first exception stops the others
/// from taking more work and is rethrown here, after every thread has finished.
template <class Work, class Fraction>
void run_parallel(unsigned threads, WorkQueue& queue, ProgressReporter& reporter, Fraction fraction,
                  Work&& work) {
    std::vector<std::exception_ptr> errors(threads);
    queue.deal_to(threads);
    const auto loop = [&](unsigned thread) {
        try {
            std::size_t begin = 0;
            std::size_t end = 0;
            while (queue.take(thread, begin, end)) {
                work(thread, begin, end);
                queue.finished(end - begin);
                if (thread == 0) reporter.report(fraction(queue.done()));
            }
        } catch (...) {
            errors[thread] = std::current_exception();
            queue.cancel();
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads - 1);
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(loop, t);
        loop(0);
    }
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
}

}  // namespace reorg::analysis::detail
