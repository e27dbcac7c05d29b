#include "process_info.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/resource.h>

namespace hall::sim {

namespace {

/// The inode of a socket listening on `port` in one /proc/net/tcp-style table.
std::optional<std::string> listeningInode(const char* table, std::uint16_t port) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
        if (!(fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >>
              timeout >> inode))
            continue;
        const auto colon = local.rfind(':');
        if (colon == std::string::npos || state != "0A") // 0A: LISTEN
            continue;
        unsigned value = 0;
        const std::string hex = local.substr(colon + 1);
        const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
        if (ec == std::errc() && value == port)
            return inode;
    }
    return std::nullopt;
}

double kilobytesLine(const std::string& line) {
    std::istringstream fields(line.substr(line.find(':') + 1));
    double kb = 0;
    fields >> kb;
    return kb / 1024.0;
}

} // namespace

std::optional<int> findListeningPid(std::uint16_t port) {
    auto inode = listeningInode("/proc/net/tcp", port);
    if (!inode)
        inode = listeningInode("/proc/net/tcp6", port);
    if (!inode)
        return std::nullopt;
    const std::string target = "socket:[" + *inode + "]";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        int pid = 0;
        const auto [end, parsed] = std::from_chars(name.data(), name.data() + name.size(), pid);
        if (parsed != std::errc() || end != name.data() + name.size())
            continue;
        std::error_code fdError;
        for (const auto& fd : std::filesystem::directory_iterator(entry.path() / "fd", fdError)) {
            std::error_code linkError;
            if (std::filesystem::read_symlink(fd.path(), linkError).string() == target)
                return pid;
        }
    }
    return std::nullopt;
}

Result<ProcessMemory> readProcessMemory(int pid) {
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    std::ifstream in(path);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot read " + path};
    ProcessMemory memory;
    bool sawRss = false;
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("VmRSS:")) {
            memory.rssMb = kilobytesLine(line);
            sawRss = true;
        } else if (line.starts_with("VmHWM:")) {
            memory.hwmMb = kilobytesLine(line);
        }
    }
    if (!sawRss)
        return Error{ErrorCode::NotFound, path + " has no VmRSS line"};
    return memory;
}

std::uint64_t raiseOpenFilesLimit(std::uint64_t wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    const rlim_t target = limit.rlim_max == RLIM_INFINITY ? static_cast<rlim_t>(wanted) : limit.rlim_max;
    if (limit.rlim_cur < target) {
        limit.rlim_cur = target;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
            ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

} // namespace hall::sim
