#pragma once

#include "pki/issuer.h"
#include "protocol/events.h"
#include "protocol/result.h"
#include "store/database.h"
#include "store/journal.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hallctl {

/// The files of a hall's data directory, as `hallctl init` lays them out and hall-server reads them.
struct HallLayout {
    explicit HallLayout(const std::filesystem::path& dataDir);

    std::filesystem::path root;
    std::filesystem::path database;          ///< hall.db
    std::filesystem::path config;            ///< hall.conf
    std::filesystem::path pkiDir;            ///< pki/
    std::filesystem::path caCertificate;     ///< pki/ca.pem
    std::filesystem::path caKey;             ///< pki/ca.key (0600)
    std::filesystem::path serverCertificate; ///< pki/server.pem
    std::filesystem::path serverKey;         ///< pki/server.key (0600)
    std::filesystem::path logsDir;           ///< logs/
};

/// Keys hallctl keeps in the database's meta table.
inline constexpr std::string_view kMetaHallName = "hall_name";
inline constexpr std::string_view kMetaCaFingerprint = "ca_fingerprint";

/// The TLS port hall-server listens on unless hall.conf says otherwise.
/// The server's default port (hall::server::ServerConfig); a test keeps the two equal.
inline constexpr int kDefaultPort = 7443;

/// Who hallctl's journal events name as their actor.
inline constexpr std::string_view kHallctlActor = "system";

/// Opens the database of an existing hall. NotFound, with a hint to run `hallctl init`, when the
/// directory holds no hall: a command never creates a database by accident.
hall::Result<std::unique_ptr<hall::store::Database>> openHall(const HallLayout& layout,
                                                              hall::store::Database::Mode mode);

/// The hall CA's certificate and key.
hall::Result<hall::pki::CertifiedKey> loadCa(const HallLayout& layout);

/// hall.conf as `hallctl init` writes it: every key commented out with its default.
std::string defaultHallConfig();

/// The port hall.conf sets (an uncommented "listen = HOST:PORT", read with the server's own parser), or
/// the server's default.
hall::Result<int> configuredPort(const HallLayout& layout);

std::int64_t nowMs();
/// "2026-12-03 08:15:02 UTC"; "-" for 0.
std::string formatTimeMs(std::int64_t ms);

/// Appends an audit event to the journal; call inside the Transaction that makes the change.
template <typename E> void appendAuditEvent(hall::store::Database& db, const E& event, std::int64_t timeMs) {
    hall::store::Journal journal(db);
    journal.append(timeMs, static_cast<std::uint16_t>(E::kKind), hall::kTopicAudit, kHallctlActor,
                   hall::encodeEventBody(event));
}

/// A printable line of text for a user-supplied field: 1..maxChars characters of UTF-8, no control
/// characters. `optional` allows the empty string.
bool isPrintableText(std::string_view text, std::size_t maxChars, bool optional = false);

} // namespace hallctl
