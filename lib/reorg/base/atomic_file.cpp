#include "reorg/base/atomic_file.hpp"

#include <algorithm>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
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
    unmap();
    if (committed_) return;
    stream_.close();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::reserve(std::uint64_t bytes) noexcept {
    // Linux's fallocate, not posix_fallocate: where the file system cannot, glibc's fallback
    // would write a byte into every block.
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fallocate(fd, 0, 0, static_cast<off_t>(bytes));
    ::close(fd);
}

std::span<std::byte> AtomicFile::map(std::uint64_t bytes) {
    unmap();
    if (bytes == 0) return {};
    const int fd = ::open(temporary_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return {};
    void* data = MAP_FAILED;
    if (::fallocate(fd, 0, 0, static_cast<off_t>(bytes)) == 0) {
        data = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }
    ::close(fd);  // the mapping keeps the file open
    if (data == MAP_FAILED) return {};
    mapping_ = {static_cast<std::byte*>(data), static_cast<std::size_t>(bytes)};
    return mapping_;
}

void AtomicFile::unmap() noexcept {
    if (mapping_.empty()) return;
    ::munmap(mapping_.data(), mapping_.size());
    mapping_ = {};
}

void AtomicFile::cut(std::uint64_t bytes) {
    unmap();
    std::error_code error;
    std::filesystem::resize_file(temporary_, bytes, error);
    if (error) throw InputError({target_.string()}, "cannot write the file: " + error.message());
}

void AtomicFile::commit() {
    unmap();
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

FolderWrite folder_write(std::filesystem::path& target, std::span<const std::string_view> own,
                         bool force) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::is_symlink(target, error)) {
        const auto resolved = fs::canonical(target, error);
        if (error)
            throw InputError({target.string()}, "cannot follow the link: " + error.message());
        target = resolved;
    }
    const auto status = fs::status(target, error);
    if (status.type() == fs::file_type::not_found) return FolderWrite::Replace;
    if (error) throw InputError({target.string()}, "cannot write: " + error.message());
    if (status.type() != fs::file_type::directory) {
        throw InputError({target.string()}, "cannot write a folder here: it is a file");
    }
    std::vector<std::string> others;
    for (fs::directory_iterator it(target, error), end; !error && it != end; it.increment(error)) {
        const auto name = it->path().filename().string();
        const bool ours =
            std::find(own.begin(), own.end(), name) != own.end() && it->is_regular_file();
        if (!ours) others.push_back(name);
    }
    if (error) throw InputError({target.string()}, "cannot read the folder: " + error.message());
    if (others.empty()) return FolderWrite::Replace;
    if (force) return FolderWrite::InPlace;
    std::sort(others.begin(), others.end());
    std::string listed;
    for (std::size_t i = 0; i < std::min<std::size_t>(others.size(), 3); ++i) {
        listed += (i == 0 ? "" : ", ") + others[i];
    }
    if (others.size() > 3) listed += ", ...";
    throw InputError({target.string()},
                     "the folder holds files reorg did not write (" + listed +
                         "): choose another folder, or --force to write reorg's files beside "
                         "them");
}

}  // namespace reorg::base
