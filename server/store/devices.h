#pragma once

#include "protocol/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hall::store {

class Database;

/// A device the hall CA issued a certificate to. The server admits a TLS peer only when its
/// certificate's SHA-256 fingerprint is registered here and not revoked.
struct DeviceRecord {
    DeviceIdentity identity;
    std::string fingerprint; ///< lower-case hex SHA-256 of the DER certificate
    std::string serial;      ///< certificate serial number, hex
    std::int64_t issuedAtMs = 0;
    std::int64_t revokedAtMs = 0; ///< 0 while valid
};

class DeviceRegistry {
public:
    explicit DeviceRegistry(Database& db);
    /// Throws StoreError (a constraint error for a duplicate name or fingerprint).
    void add(const DeviceRecord& record);
    std::optional<DeviceRecord> findByFingerprint(const std::string& fingerprint);
    std::optional<DeviceRecord> findByName(const std::string& name);
    /// False when no such device.
    bool revoke(const std::string& name, std::int64_t nowMs);
    std::vector<DeviceRecord> list();

private:
    Database& m_db;
};

} // namespace hall::store
