#include "reorg/base/file_buffer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "reorg/base/error.hpp"

namespace reorg::base {
namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

}  // namespace

FdBuffer::FdBuffer(int fd, bool line_buffered)
    : fd_(fd), line_buffered_(line_buffered), buffer_(new char[kBufferBytes]) {
    setp(buffer_.get(), buffer_.get() + kBufferBytes);
}

FdBuffer::~FdBuffer() { (void)flush(); }

bool FdBuffer::write_out(const char* data, std::size_t size) {
    while (size > 0 && error_ == 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
        } else if (n == 0) {
            error_ = EIO;
        } else {
            data += n;
            size -= static_cast<std::size_t>(n);
        }
    }
    return error_ == 0;
}

bool FdBuffer::flush() {
    const auto held = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.get(), buffer_.get() + kBufferBytes);
    return write_out(buffer_.get(), held) && error_ == 0;
}

FdBuffer::int_type FdBuffer::overflow(int_type c) {
    if (!flush()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    if (line_buffered_ && c == '\n' && !flush()) return traits_type::eof();
    return c;
}

std::streamsize FdBuffer::xsputn(const char* text, std::streamsize n) {
    if (error_ != 0) return 0;
    const auto size = static_cast<std::size_t>(n);
    const auto room = static_cast<std::size_t>(epptr() - pptr());
    if (size <= room) {
        std::memcpy(pptr(), text, size);
        pbump(static_cast<int>(size));
    } else {
        if (!flush()) return 0;
        if (size < kBufferBytes) {
            std::memcpy(pptr(), text, size);
            pbump(static_cast<int>(size));
        } else if (!write_out(text, size)) {
            return 0;
        }
    }
    if (line_buffered_ && std::string_view(text, size).find('\n') != std::string_view::npos &&
        !flush()) {
        return 0;
    }
    return n;
}

int FdBuffer::sync() { return flush() ? 0 : -1; }

std::string cannot_write(const std::string& what, int error) {
    return "cannot write " + what + ": " + std::strerror(error);
}

OutputFile::OutputFile(const std::filesystem::path& path)
    : path_(path),
      fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)),
      buffer_(fd_),
      stream_(&buffer_) {
    if (fd_ < 0) throw InputError({path.string()}, cannot_write("the file", errno));
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
}

void OutputFile::close() {
    int error = buffer_.flush() ? 0 : buffer_.error();
    if (error == 0 && ::fsync(fd_) != 0 && errno != EINVAL) error = errno;
    if (::close(fd_) != 0 && error == 0) error = errno;
    fd_ = -1;
    if (error != 0) throw Error(cannot_write(path_.string(), error));
}

}  // namespace reorg::base
