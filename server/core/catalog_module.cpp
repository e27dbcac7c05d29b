#include "core/catalog_module.h"

#include "catalog/catalog.h"
#include "catalog/catalog_json.h"
#include "core/logger.h"
#include "protocol/catalog_messages.h"
#include "protocol/events.h"
#include "store/catalogs.h"

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;

std::uint16_t partCountOf(std::size_t bytes) {
    return static_cast<std::uint16_t>((bytes + kCatalogPartBytes - 1) / kCatalogPartBytes);
}
} // namespace

bool CatalogModule::handles(MessageType type) const {
    return type == MessageType::GetCatalogInfo || type == MessageType::GetCatalogPart;
}

void CatalogModule::load(CoreContext& context) {
    auto stored = store::CatalogStore(context.db()).latest();
    if (stored && stored->version == m_version && m_catalog)
        return; // unchanged: keep the parsed one
    m_catalog.reset();
    m_version = 0;
    m_sha256.clear();
    m_document.clear();
    m_importedAtMs = 0;
    if (!stored) {
        context.logger().warning(kCore, "no catalog imported: the hall has no queues until `hallctl catalog "
                                        "import` stores one");
    } else {
        m_version = stored->version;
        m_sha256 = stored->sha256;
        m_importedAtMs = stored->importedAtMs;
        m_document = std::move(stored->document);
        auto parsed = catalog::parseCatalog(m_document, stored->source);
        if (!parsed) {
            context.logger().error(kCore,
                                   "catalog version " + std::to_string(m_version) +
                                       " does not parse; the hall has no queues: " + parsed.error().message);
        } else {
            m_catalog = std::make_shared<const catalog::Catalog>(std::move(parsed).value());
            context.logger().info(kCore, "catalog version " + std::to_string(m_version) + " in force: " +
                                             std::to_string(m_catalog->queues().size()) + " queues, " +
                                             std::to_string(m_catalog->windows().size()) + " windows, " +
                                             std::to_string(m_catalog->items().size()) + " items");
        }
    }
    for (const auto& listener : m_listeners)
        listener(m_catalog);
}

void CatalogModule::externalEvents(const std::vector<store::JournalEvent>& events, CoreContext& context) {
    for (const auto& event : events)
        if (event.kind == static_cast<std::uint16_t>(EventKind::CatalogImported)) {
            load(context);
            return;
        }
}

CommandOutcome CatalogModule::execute(const ModuleRequest& request, CoreContext&) {
    if (request.type == MessageType::GetCatalogInfo) {
        if (auto decoded = GetCatalogInfo::decode(request.body); !decoded)
            return failedOutcome(request.requestId, decoded.error());
        CatalogInfo info;
        info.version = m_version;
        info.sha256 = m_sha256;
        info.sizeBytes = static_cast<std::uint32_t>(m_document.size());
        info.partCount = partCountOf(m_document.size());
        info.importedAtMs = m_importedAtMs;
        return answerOutcome(request.requestId, info);
    }
    auto decoded = GetCatalogPart::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    if (m_version == 0 || decoded->version != m_version)
        return failedOutcome(request.requestId,
                             {ErrorCode::NotFound, "catalog version " + std::to_string(decoded->version) +
                                                       " is not in force (the current one is " +
                                                       std::to_string(m_version) + "); start over"});
    const std::uint16_t parts = partCountOf(m_document.size());
    if (decoded->part >= parts)
        return failedOutcome(request.requestId,
                             {ErrorCode::NotFound, "part " + std::to_string(decoded->part) +
                                                       " does not exist; the version has " +
                                                       std::to_string(parts) + " parts"});
    CatalogPart part;
    part.version = m_version;
    part.part = decoded->part;
    part.partCount = parts;
    part.data = m_document.substr(std::size_t{decoded->part} * kCatalogPartBytes, kCatalogPartBytes);
    return answerOutcome(request.requestId, part);
}

} // namespace hall::server
