#include "pki/pem_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hall::pki {
namespace {

Error ioError(const std::string& what, const std::string& path, int errorNumber) {
    return Error{ErrorCode::Unavailable, what + " " + path + ": " + std::strerror(errorNumber)};
}

/// Closes a descriptor on every path out of a function.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    /// Closes now so that a failing close (a delayed write error) can be reported.
    int close() {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

} // namespace

Status writeNewFile(const std::string& path, std::string_view contents, mode_t mode) {
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (fd.get() < 0)
        return ioError(errno == EEXIST ? "refusing to replace" : "cannot create", path, errno);
    auto fail = [&](const char* what) {
        const int saved = errno;
        ::unlink(path.c_str());
        return ioError(what, path, saved);
    };
    // The umask may have narrowed the mode at creation; set it exactly.
    if (::fchmod(fd.get(), mode) != 0)
        return fail("cannot set the mode of");
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd.get(), contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0)
        return fail("cannot flush");
    if (fd.close() != 0)
        return fail("cannot close");
    return success();
}

Status writePrivateKeyFile(const std::string& path, std::string_view pem) {
    return writeNewFile(path, pem, kPrivateKeyFileMode);
}

Status writeCertificateFile(const std::string& path, std::string_view pem) {
    return writeNewFile(path, pem, kCertificateFileMode);
}

Result<std::string> readSmallFile(const std::string& path, std::size_t maxBytes) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return ioError("cannot open", path, errno);
    std::string contents;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("cannot read", path, errno);
        }
        if (n == 0)
            break;
        if (contents.size() + static_cast<std::size_t>(n) > maxBytes)
            return Error{ErrorCode::InvalidArgument, "file too large: " + path};
        contents.append(buffer, static_cast<std::size_t>(n));
    }
    return contents;
}

} // namespace hall::pki
