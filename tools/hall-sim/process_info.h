#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <optional>

namespace hall::sim {

/// The process that listens on a local TCP port: the LISTEN socket's inode from /proc/net/tcp{,6}, then
/// the process holding that socket among /proc/<pid>/fd. Nothing when not found (or not permitted).
std::optional<int> findListeningPid(std::uint16_t port);

struct ProcessMemory {
    double rssMb = 0; ///< VmRSS: resident now
    double hwmMb = 0; ///< VmHWM: the most it was ever resident
};

/// Reads VmRSS and VmHWM from /proc/<pid>/status.
Result<ProcessMemory> readProcessMemory(int pid);

/// Raises this process's open-files soft limit to its hard limit (at least `wanted` if the hard limit
/// allows); returns the new soft limit.
std::uint64_t raiseOpenFilesLimit(std::uint64_t wanted);

} // namespace hall::sim
