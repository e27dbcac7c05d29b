#include "store/catalogs.h"

#include "store/database.h"
#include "store/journal.h"

#include <openssl/evp.h>

#include <array>

namespace hall::store {

std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return toHex(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

CatalogStore::CatalogStore(Database& db) : m_db(db) {}

std::optional<StoredCatalog> CatalogStore::latest() {
    Statement st(m_db, "SELECT version, sha256, imported_at_ms, source, document FROM catalogs "
                       "ORDER BY version DESC LIMIT 1");
    if (!st.step())
        return std::nullopt;
    StoredCatalog c;
    c.version = static_cast<std::uint32_t>(st.int64(0));
    c.sha256 = st.text(1);
    c.importedAtMs = st.int64(2);
    c.source = st.text(3);
    c.document = st.blob(4);
    return c;
}

std::uint32_t CatalogStore::latestVersion() {
    Statement st(m_db, "SELECT coalesce(max(version), 0) FROM catalogs");
    st.step();
    return static_cast<std::uint32_t>(st.int64(0));
}

std::uint32_t CatalogStore::add(const std::string& document, std::int64_t nowMs, const std::string& source) {
    const std::uint32_t version = latestVersion() + 1;
    Statement st(m_db, "INSERT INTO catalogs(version, sha256, imported_at_ms, source, document) "
                       "VALUES(:version, :sha, :at, :source, :document)");
    st.bind(":version", static_cast<std::int64_t>(version))
        .bind(":sha", sha256Hex(document))
        .bind(":at", nowMs)
        .bind(":source", source)
        .bindBlob(":document", document)
        .run();
    return version;
}

} // namespace hall::store
