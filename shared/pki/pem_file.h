#pragma once

#include "protocol/result.h"

#include <cstddef>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace hall::pki {

inline constexpr mode_t kPrivateKeyFileMode = 0600;
inline constexpr mode_t kCertificateFileMode = 0644;

/// Creates `path` with exactly `mode` (whatever the umask) and writes `contents`, flushed to disk.
/// Refuses to replace an existing file or follow a symlink; on any failure the new file is removed.
Status writeNewFile(const std::string& path, std::string_view contents, mode_t mode);

/// writeNewFile with mode 0600: private keys are readable by their owner only.
Status writePrivateKeyFile(const std::string& path, std::string_view pem);
/// writeNewFile with mode 0644.
Status writeCertificateFile(const std::string& path, std::string_view pem);

/// The whole file, refusing anything larger than `maxBytes`.
Result<std::string> readSmallFile(const std::string& path, std::size_t maxBytes = 1 << 20);

} // namespace hall::pki
