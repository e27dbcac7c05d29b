#pragma once

#include "protocol/result.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>
#include <vector>

namespace hall::sim {

/// Where one device's TLS files live: the directory `hallctl device add --out` wrote (device.pem,
/// device.key, ca.pem, connection.ini).
struct DeviceFiles {
    std::string name;
    std::string dir;

    std::string certFile() const { return dir + "/device.pem"; }
    std::string keyFile() const { return dir + "/device.key"; }
    std::string caFile() const { return dir + "/ca.pem"; }

    /// NotFound naming the missing file when the directory is not a complete device directory.
    Status check() const;
    /// A client TLS context for this device (see makeClientTlsContext).
    Result<std::shared_ptr<boost::asio::ssl::context>> tlsContext() const;
};

/// The demo hall's layout: DATA_DIR/devices/<name>/.
DeviceFiles demoDevice(const std::string& dataDir, const std::string& name);

/// One line of DEMO-ACCOUNTS.txt: "username role password".
struct DemoAccount {
    std::string username;
    std::string role;
    std::string password;
};

/// Reads an accounts file of "username role password" lines (blank lines and '#' comments skipped).
Result<std::vector<DemoAccount>> readDemoAccounts(const std::string& path);

/// The first account with `role`, or NotFound.
Result<DemoAccount> findAccount(const std::vector<DemoAccount>& accounts, const std::string& role);

} // namespace hall::sim
