#pragma once

#include "protocol/messages.h"

/// Distributing the hall catalog to kiosks and clerk PCs. The catalog (shared/catalog's canonical JSON)
/// can exceed a frame, so it travels in numbered parts of one version; a client asks for the info,
/// fetches every part, checks the SHA-256 and keeps its own copy until CatalogImported says a newer
/// version is in force.
namespace hall {

/// The largest part the server sends (well under the default frame limit).
inline constexpr std::size_t kCatalogPartBytes = 192 * 1024;

struct GetCatalogInfo {
    static constexpr MessageType kType = MessageType::GetCatalogInfo;
    void encode(WireWriter&) const {}
    static Result<GetCatalogInfo> decode(std::string_view body);
    friend bool operator==(const GetCatalogInfo&, const GetCatalogInfo&) = default;
};

struct CatalogInfo {
    static constexpr MessageType kType = MessageType::CatalogInfo;
    std::uint32_t version = 0; ///< 0: no catalog imported yet
    std::string sha256;        ///< lower-case hex of the whole document
    std::uint32_t sizeBytes = 0;
    std::uint16_t partCount = 0;
    std::int64_t importedAtMs = 0;

    void encode(WireWriter& w) const;
    static Result<CatalogInfo> decode(std::string_view body);
    friend bool operator==(const CatalogInfo&, const CatalogInfo&) = default;
};

struct GetCatalogPart {
    static constexpr MessageType kType = MessageType::GetCatalogPart;
    std::uint32_t version = 0;
    std::uint16_t part = 0; ///< 0-based

    void encode(WireWriter& w) const;
    static Result<GetCatalogPart> decode(std::string_view body);
    friend bool operator==(const GetCatalogPart&, const GetCatalogPart&) = default;
};

/// One part of one version. Asking for a version that is no longer in force gives NotFound: start over.
struct CatalogPart {
    static constexpr MessageType kType = MessageType::CatalogPart;
    std::uint32_t version = 0;
    std::uint16_t part = 0;
    std::uint16_t partCount = 0;
    std::string data;

    void encode(WireWriter& w) const;
    static Result<CatalogPart> decode(std::string_view body);
    friend bool operator==(const CatalogPart&, const CatalogPart&) = default;
};

} // namespace hall
