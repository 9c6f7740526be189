#include "reorg/base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

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

// `target` followed through symbolic links to what it finally names (which need not exist: a
// dangling link is written through, making the file it names).
std::filesystem::path follow_links(const std::filesystem::path& target) {
    namespace fs = std::filesystem;
    constexpr int kMaxLinks = 40;  // Linux's own limit
    fs::path path = target;
    for (int links = 0; links <= kMaxLinks; ++links) {
        std::error_code error;
        const auto status = fs::symlink_status(path, error);
        if (status.type() != fs::file_type::symlink) {
            if (error && status.type() != fs::file_type::not_found) {
                throw InputError({target.string()}, "cannot write: " + error.message());
            }
            return path;
        }
        const auto next = fs::read_symlink(path, error);
        if (error)
            throw InputError({target.string()}, "cannot follow the link: " + error.message());
        path = next.is_absolute() ? next : path.parent_path() / next;
    }
    throw InputError({target.string()},
                     "cannot follow the link: " + std::string(std::strerror(ELOOP)));
}

// Syncs a folder's entries to disk (what a rename into it changed). A file system that cannot
// (EINVAL) is left as it is.
void sync_folder(const std::filesystem::path& folder, const std::filesystem::path& target) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    const int failed = ::fsync(fd) != 0 && errno != EINVAL ? errno : 0;
    ::close(fd);
    if (failed != 0) throw Error(cannot_write(target.string(), failed));
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), file_(follow_links(target_)), stream_(&buffer_) {
    namespace fs = std::filesystem;
    const auto folder = absolute_parent(file_);
    std::error_code error;
    const auto status = fs::status(file_, error);
    if (error && status.type() != fs::file_type::not_found) {
        throw InputError({target_.string()}, "cannot write: " + error.message());
    }
    if (status.type() == fs::file_type::directory) {
        throw InputError({target_.string()}, "cannot write the file: it is a folder");
    }
    if (!fs::is_directory(folder, error)) {
        throw InputError({target_.string()}, "cannot write here: the folder does not exist");
    }
    direct_ = status.type() != fs::file_type::not_found && status.type() != fs::file_type::regular;
    if (direct_) {
        fd_ = ::open(file_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    } else {
        fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
        if (fd_ < 0 && errno != EACCES && errno != EROFS && errno != ENOSPC) {
            // A file system without unnamed files (EOPNOTSUPP, EISDIR on old kernels).
            temporary_ = temporary_beside(file_);
            fd_ = ::open(temporary_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        }
        struct stat old {};
        if (fd_ >= 0 && status.type() == fs::file_type::regular &&
            ::stat(file_.c_str(), &old) == 0) {
            (void)::fchmod(fd_, old.st_mode & 07777);
        }
    }
    if (fd_ < 0) {
        temporary_.clear();
        throw InputError({target_.string()}, cannot_write("the file", errno));
    }
    buffer_.reset(fd_);
}

AtomicFile::~AtomicFile() {
    unmap();
    if (fd_ >= 0) ::close(fd_);
    if (committed_ || temporary_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::reserve(std::uint64_t bytes) noexcept {
    // Linux's fallocate, not posix_fallocate: where the file system cannot, glibc's fallback
    // would write a byte into every block. The length stays what is written.
    if (!direct_) (void)::fallocate(fd_, FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(bytes));
}

std::span<std::byte> AtomicFile::map(std::uint64_t bytes) {
    unmap();
    if (bytes == 0 || direct_) return {};
    void* data = MAP_FAILED;
    if (::fallocate(fd_, 0, 0, static_cast<off_t>(bytes)) == 0) {
        data = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
    }
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
    if (direct_) return;
    if (::ftruncate(fd_, static_cast<off_t>(bytes)) != 0) {
        throw Error(cannot_write(target_.string(), errno));
    }
}

void AtomicFile::commit() {
    unmap();
    int error = buffer_.flush() ? 0 : buffer_.error();
    if (error == 0 && !direct_ && ::fsync(fd_) != 0 && errno != EINVAL) error = errno;
    if (error != 0) throw Error(cannot_write(target_.string(), error));
    if (!direct_) place();
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) throw Error(cannot_write(target_.string(), errno));
    committed_ = true;
}

void AtomicFile::place() {
    if (temporary_.empty()) {
        // Give the unnamed file its name: straight as the target when there is none yet, else
        // under a temporary name renamed over it.
        const auto self = "/proc/self/fd/" + std::to_string(fd_);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, file_.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            sync_folder(absolute_parent(file_), target_);
            return;
        }
        if (errno != EEXIST) throw Error(cannot_write(target_.string(), errno));
        temporary_ = temporary_beside(file_);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary_.c_str(), AT_SYMLINK_FOLLOW) !=
            0) {
            const int failed = errno;
            temporary_.clear();
            throw Error(cannot_write(target_.string(), failed));
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary_, file_, error);
    if (error) throw Error("cannot write " + target_.string() + ": " + error.message());
    committed_ = true;  // nothing left to remove, whatever follows
    sync_folder(absolute_parent(file_), target_);
}

AtomicFolder::AtomicFolder(std::filesystem::path target)
    : target_(std::move(target)), temporary_(temporary_beside(target_)) {
    std::error_code error;
    if (!std::filesystem::is_directory(absolute_parent(target_), error)) {
        throw InputError({target_.string()}, "cannot write here: the folder does not exist");
    }
    std::filesystem::create_directory(temporary_, error);
    if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
}

AtomicFolder::~AtomicFolder() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove_all(temporary_, ignored);
}

void AtomicFolder::commit() {
    namespace fs = std::filesystem;
    std::error_code error;
    const auto status = fs::symlink_status(target_, error);
    if (status.type() == fs::file_type::directory) {
        // Swap in one step (RENAME_EXCHANGE): the new folder takes the old one's place, which
        // then goes. Where the file system cannot, the old steps aside first.
        if (::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
            0) {
            const auto old = temporary_beside(target_);
            fs::rename(target_, old, error);
            if (!error) fs::rename(temporary_, target_, error);
            if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
            temporary_ = old;
        }
        committed_ = true;
        fs::remove_all(temporary_, error);
    } else if (status.type() != fs::file_type::not_found) {
        throw InputError({target_.string()},
                         "cannot write a folder here: a file of that name exists");
    } else {
        fs::rename(temporary_, target_, error);
        if (error) throw InputError({target_.string()}, "cannot write: " + error.message());
        committed_ = true;
    }
    sync_folder(absolute_parent(target_), target_);
}

FolderWrite folder_write(std::filesystem::path& target, std::span<const std::string_view> own,
                         bool force) {
    namespace fs = std::filesystem;
    std::error_code error;
    target = follow_links(target);
    const auto status = fs::status(target, error);
    if (status.type() == fs::file_type::not_found) return FolderWrite::Replace;
    if (error) throw InputError({target.string()}, "cannot write: " + error.message());
    if (status.type() != fs::file_type::directory) {
        throw InputError({target.string()},
                         status.type() == fs::file_type::regular
                             ? "cannot write a folder here: it is a file"
                             : "cannot write a folder here: it is not a folder (a FIFO or a "
                               "device); a .reorg snapshot is one file");
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

void write_folder(std::filesystem::path target, std::span<const std::string_view> own, bool force,
                  const std::function<void(const std::filesystem::path&)>& write) {
    namespace fs = std::filesystem;
    if (folder_write(target, own, force) == FolderWrite::Replace) {
        AtomicFolder staged(target);
        write(staged.path());
        staged.commit();
        return;
    }
    // Beside files of others: made in a hidden folder inside the target (the same file
    // system, so each move is a rename), then moved in one by one.
    AtomicFolder staged(target / ".reorg-staging");
    write(staged.path());
    for (const auto name : own) {
        const auto from = staged.path() / name;
        const auto to = target / name;
        std::error_code error, absent;
        if (fs::exists(from, absent)) {
            fs::rename(from, to, error);
        } else if (fs::is_regular_file(fs::symlink_status(to, absent))) {
            fs::remove(to, error);
        }
        if (error) throw InputError({to.string()}, "cannot write: " + error.message());
    }
    sync_folder(target, target);
}

}  // namespace reorg::base
