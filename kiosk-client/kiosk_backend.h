#pragma once
// What the kiosk needs from the hall server, as one small interface: the screens and models are tested
// against a fake, the program runs it over the real HallConnection.
#include "protocol/catalog_messages.h"
#include "protocol/queue_messages.h"
#include "protocol/result.h"
#include <QObject>
#include <functional>
#include <memory>

namespace hall::qt {
class HallConnection;
}

namespace kiosk {

/// The kiosk's link to the hall. Every callback is called exactly once, from the event loop.
class KioskBackend : public QObject {
    Q_OBJECT
public:
    using InfoCallback = std::function<void(const hall::Result<hall::CatalogInfo>&)>;
    using PartCallback = std::function<void(const hall::Result<hall::CatalogPart>&)>;
    using TicketCallback = std::function<void(const hall::Result<hall::IssueTicketOk>&)>;

    using QObject::QObject;
    /// Whether the server can be reached right now (the connection is ready).
    virtual bool isOnline() const = 0;
    virtual void fetchCatalogInfo(InfoCallback callback) = 0;
    virtual void fetchCatalogPart(std::uint32_t version, std::uint16_t part, PartCallback callback) = 0;
    /// One call is one request id: a retry of the same call never issues a second ticket.
    virtual void issueTicket(const hall::IssueTicket& request, TicketCallback callback) = 0;

Q_SIGNALS:
    void onlineChanged(bool online);
    /// A new catalog version is in force on the server.
    void catalogImported(quint32 version);
};

/// KioskBackend over the real connection: subscribes to the "hall" topic for CatalogImported.
class ConnectionBackend : public KioskBackend {
    Q_OBJECT
public:
    explicit ConnectionBackend(hall::qt::HallConnection* connection, QObject* parent = nullptr);
    bool isOnline() const override;
    void fetchCatalogInfo(InfoCallback callback) override;
    void fetchCatalogPart(std::uint32_t version, std::uint16_t part, PartCallback callback) override;
    void issueTicket(const hall::IssueTicket& request, TicketCallback callback) override;

private:
    hall::qt::HallConnection* m_connection;
    bool m_online = false;
};

} // namespace kiosk
