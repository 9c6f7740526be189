#include "reorg/base/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>

#include "reorg/base/error.hpp"

namespace reorg::base {
namespace {

// A name beside `target` that no other writer in this or another process uses.
std::filesystem::path temporary_beside(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    auto name = target.filename().string();
    if (name.empty()) name = "output";
    return target.parent_path() / ("." + name + ".tmp-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(stamp) + "-" + std::to_string(counter++));
}

std::filesystem::path absolute_parent(const std::filesystem::path& target) {
    auto parent = target.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), temporary_(temporary_beside(target_)) {
    if (!std::filesystem::is_directory(absolute_parent(target_))) {
        throw InputError({target_.string()}, "cannot write here: the folder does not exist");
    }
    stream_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!stream_) throw InputError({target_.string()}, "cannot write the file");
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    stream_.close();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::commit() {
    stream_.flush();
    if (!stream_) throw InputError({target_.string()}, "cannot write the file (disk full?)");
    stream_.close();
    std::error_code error;
    std::filesystem::rename(temporary_, target_, error);
    if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
    committed_ = true;
}

AtomicFolder::AtomicFolder(std::filesystem::path target)
    : target_(std::move(target)), temporary_(temporary_beside(target_)) {
    if (!std::filesystem::is_directory(absolute_parent(target_))) {
        throw InputError({target_.string()}, "cannot write here: the folder does not exist");
    }
    std::error_code error;
    std::filesystem::create_directory(temporary_, error);
    if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
}

AtomicFolder::~AtomicFolder() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove_all(temporary_, ignored);
}

void AtomicFolder::commit() {
    std::error_code error;
    if (std::filesystem::exists(target_)) {
        if (!std::filesystem::is_directory(target_)) {
            throw InputError({target_.string()},
                             "cannot write a folder here: a file of that name exists");
        }
        // Swap: the old folder steps aside, the new one takes its place, then the old goes.
        const auto old = temporary_beside(target_);
        std::filesystem::rename(target_, old, error);
        if (!error) std::filesystem::rename(temporary_, target_, error);
        if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
        std::filesystem::remove_all(old, error);
    } else {
        std::filesystem::rename(temporary_, target_, error);
        if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
    }
    committed_ = true;
}

}  // namespace reorg::base
