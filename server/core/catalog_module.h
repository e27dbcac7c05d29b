#pragma once

#include "core/core_module.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hall::catalog {
class Catalog;
} // namespace hall::catalog

namespace hall::server {

/// The hall catalog in force: the newest version `hallctl catalog import` stored, parsed once, served in
/// parts (GetCatalogInfo, GetCatalogPart) and lent to the other modules. Reloaded when a CatalogImported
/// event written by another process comes in. Core thread only.
class CatalogModule final : public CoreModule {
public:
    const char* name() const override { return "catalog"; }
    bool handles(MessageType type) const override;
    void load(CoreContext& context) override;
    CommandOutcome execute(const ModuleRequest& request, CoreContext& context) override;
    void externalEvents(const std::vector<store::JournalEvent>& events, CoreContext& context) override;

    /// The parsed catalog, or null when none was imported (or the stored one does not parse).
    std::shared_ptr<const catalog::Catalog> catalog() const { return m_catalog; }
    std::uint32_t version() const { return m_version; }
    /// Called after every (re)load with the new catalog (possibly null).
    void onChanged(std::function<void(const std::shared_ptr<const catalog::Catalog>&)> listener) {
        m_listeners.push_back(std::move(listener));
    }

private:
    std::uint32_t m_version = 0;
    std::string m_sha256;
    std::int64_t m_importedAtMs = 0;
    std::string m_document;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    std::vector<std::function<void(const std::shared_ptr<const catalog::Catalog>&)>> m_listeners;
};

} // namespace hall::server
