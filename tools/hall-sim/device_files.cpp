#include "device_files.h"

#include "client.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hall::sim {

Status DeviceFiles::check() const {
    for (const auto& file : {certFile(), keyFile(), caFile()}) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            return Error{ErrorCode::NotFound, "device " + name + ": missing " + file};
    }
    return success();
}

Result<std::shared_ptr<boost::asio::ssl::context>> DeviceFiles::tlsContext() const {
    if (const Status present = check(); !present)
        return present.error();
    return makeClientTlsContext(caFile(), certFile(), keyFile());
}

DeviceFiles demoDevice(const std::string& dataDir, const std::string& name) {
    return DeviceFiles{name, (std::filesystem::path(dataDir) / "devices" / name).string()};
}

Result<std::vector<DemoAccount>> readDemoAccounts(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot read " + path};
    std::vector<DemoAccount> accounts;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream fields(line);
        DemoAccount account;
        if (!(fields >> account.username) || account.username.starts_with('#'))
            continue;
        std::string extra;
        if (!(fields >> account.role >> account.password) || (fields >> extra))
            return Error{ErrorCode::InvalidArgument,
                         path + ":" + std::to_string(number) + ": expected 'username role password'"};
        accounts.push_back(std::move(account));
    }
    return accounts;
}

Result<DemoAccount> findAccount(const std::vector<DemoAccount>& accounts, const std::string& role) {
    for (const auto& account : accounts)
        if (account.role == role)
            return account;
    return Error{ErrorCode::NotFound, "no " + role + " account in the accounts file"};
}

} // namespace hall::sim
