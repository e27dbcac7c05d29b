#include "load_setup.h"

#include "command_table.h"

#include <openssl/rand.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include <sys/stat.h>

namespace hall::sim {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsername = "sim.supervisor";

std::string deviceName(const char* prefix, std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "%s-%03zu", prefix, index + 1);
    return name;
}

/// Runs one hallctl command in-process; its complaint becomes the error.
Status hallctl(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = hallctl::runHallctl(args, out, err);
    if (code == 0)
        return success();
    std::string message = err.str();
    while (!message.empty() && message.back() == '\n')
        message.pop_back();
    return Error{ErrorCode::Unavailable, "hallctl " + args[0] + " " + args[1] + " failed: " + message};
}

Result<std::vector<DeviceFiles>> ensureDevices(const std::string& dataDir, const fs::path& root,
                                               const char* prefix, const char* role, std::size_t count,
                                               std::ostream& log) {
    std::vector<DeviceFiles> devices;
    std::size_t created = 0;
    for (std::size_t i = 0; i < count; ++i) {
        DeviceFiles files{deviceName(prefix, i), (root / deviceName(prefix, i)).string()};
        if (!files.check()) {
            std::vector<std::string> args{"device", "add",    "--data-dir", dataDir, "--role",
                                          role,     "--name", files.name,   "--out", files.dir};
            if (std::string_view(role) == "display")
                args.insert(args.end(), {"--floor", "2"});
            if (const Status added = hallctl(args); !added)
                return added.error();
            ++created;
        }
        devices.push_back(std::move(files));
    }
    if (created > 0)
        log << "hall-sim: registered " << created << " " << role << " devices (" << prefix << "-NNN)\n";
    return devices;
}

std::string randomPassword() {
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return {};
    std::string password;
    for (unsigned char byte : bytes)
        password.push_back(kAlphabet[byte % (sizeof kAlphabet - 1)]);
    return password;
}

Result<std::string> ensureAccount(const std::string& dataDir, const fs::path& simDir, std::ostream& log) {
    const fs::path passwordFile = simDir / "supervisor.password";
    std::error_code ec;
    if (fs::exists(passwordFile, ec)) {
        std::ifstream in(passwordFile);
        std::string password;
        if (!std::getline(in, password) || password.empty())
            return Error{ErrorCode::InvalidArgument, passwordFile.string() + " holds no password"};
        return password;
    }
    const std::string password = randomPassword();
    if (password.empty())
        return Error{ErrorCode::Internal, "OpenSSL could not make a random password"};
    {
        const mode_t previous = ::umask(077);
        std::ofstream out(passwordFile);
        out << password << "\n";
        ::umask(previous);
        if (!out)
            return Error{ErrorCode::Unavailable, "cannot write " + passwordFile.string()};
    }
    const Status added =
        hallctl({"account", "add", "--data-dir", dataDir, "--username", kUsername, "--display-name",
                 "负载模拟督查员", "--role", "supervisor", "--password-file", passwordFile.string()});
    if (!added) {
        fs::remove(passwordFile, ec);
        return added.error();
    }
    log << "hall-sim: created the supervisor account " << kUsername << " (password in "
        << passwordFile.string() << ")\n";
    return password;
}

} // namespace

Result<LoadFixture> prepareLoadFixture(const std::string& dataDir, std::size_t desks, std::size_t displays,
                                       std::ostream& log) {
    std::error_code ec;
    if (!fs::exists(fs::path(dataDir) / "hall.db", ec))
        return Error{ErrorCode::NotFound,
                     "no hall in " + dataDir + " (run hallctl init or make-demo-hall.sh first)"};
    const fs::path simDir = fs::path(dataDir) / "sim";
    const fs::path deviceRoot = simDir / "devices";
    fs::create_directories(deviceRoot, ec);
    if (ec)
        return Error{ErrorCode::Unavailable, "cannot create " + deviceRoot.string() + ": " + ec.message()};
    fs::permissions(simDir, fs::perms::owner_all, ec);

    LoadFixture fixture;
    auto password = ensureAccount(dataDir, simDir, log);
    if (!password)
        return password.error();
    fixture.username = kUsername;
    fixture.password = std::move(password).value();
    auto deskFiles = ensureDevices(dataDir, deviceRoot, "sim-desk", "admin", desks, log);
    if (!deskFiles)
        return deskFiles.error();
    fixture.desks = std::move(deskFiles).value();
    auto displayFiles = ensureDevices(dataDir, deviceRoot, "sim-led", "display", displays, log);
    if (!displayFiles)
        return displayFiles.error();
    fixture.displays = std::move(displayFiles).value();
    return fixture;
}

} // namespace hall::sim
