#include "store/devices.h"

#include "store/database.h"

namespace hall::store {
namespace {
constexpr const char* kColumns =
    "name, role, window, floor, fingerprint, serial, issued_at_ms, revoked_at_ms";

DeviceRecord readDevice(const Statement& st) {
    DeviceRecord d;
    d.identity.name = st.text(0);
    d.identity.role = deviceRoleFromId(static_cast<std::uint8_t>(st.int64(1))).value_or(DeviceRole::Kiosk);
    d.identity.window = st.text(2);
    d.identity.floor = static_cast<std::uint8_t>(st.int64(3));
    d.fingerprint = st.text(4);
    d.serial = st.text(5);
    d.issuedAtMs = st.int64(6);
    d.revokedAtMs = st.int64(7);
    return d;
}

std::optional<DeviceRecord> findOne(Database& db, const char* column, const std::string& value) {
    Statement st(db, std::string("SELECT ") + kColumns + " FROM devices WHERE " + column + " = :value");
    st.bind(":value", value);
    if (!st.step())
        return std::nullopt;
    return readDevice(st);
}
} // namespace

DeviceRegistry::DeviceRegistry(Database& db) : m_db(db) {}

void DeviceRegistry::add(const DeviceRecord& d) {
    Statement st(m_db,
                 "INSERT INTO devices(name, role, window, floor, fingerprint, serial, issued_at_ms, "
                 "revoked_at_ms) VALUES(:name, :role, :window, :floor, :fingerprint, :serial, :issued, 0)");
    st.bind(":name", d.identity.name)
        .bind(":role", static_cast<std::int64_t>(d.identity.role))
        .bind(":window", d.identity.window)
        .bind(":floor", static_cast<std::int64_t>(d.identity.floor))
        .bind(":fingerprint", d.fingerprint)
        .bind(":serial", d.serial)
        .bind(":issued", d.issuedAtMs)
        .run();
}

std::optional<DeviceRecord> DeviceRegistry::findByFingerprint(const std::string& fingerprint) {
    return findOne(m_db, "fingerprint", fingerprint);
}

std::optional<DeviceRecord> DeviceRegistry::findByName(const std::string& name) {
    return findOne(m_db, "name", name);
}

bool DeviceRegistry::revoke(const std::string& name, std::int64_t nowMs) {
    Statement st(m_db, "UPDATE devices SET revoked_at_ms = :now WHERE name = :name AND revoked_at_ms = 0");
    st.bind(":now", nowMs).bind(":name", name).run();
    return st.changes() > 0;
}

std::vector<DeviceRecord> DeviceRegistry::list() {
    Statement st(m_db, std::string("SELECT ") + kColumns + " FROM devices ORDER BY name");
    std::vector<DeviceRecord> out;
    while (st.step())
        out.push_back(readDevice(st));
    return out;
}

} // namespace hall::store
