#include "kiosk_backend.h"

#include "protocol/events.h"
#include "qtclient/hall_connection.h"

namespace kiosk {

ConnectionBackend::ConnectionBackend(hall::qt::HallConnection* connection, QObject* parent)
    : KioskBackend(parent), m_connection(connection) {
    m_online = connection->state() == hall::qt::HallConnection::State::Ready;
    connect(connection, &hall::qt::HallConnection::stateChanged, this,
            [this](hall::qt::HallConnection::State state) {
                const bool online = state == hall::qt::HallConnection::State::Ready;
                if (online == m_online)
                    return;
                m_online = online;
                Q_EMIT onlineChanged(online);
            });
    connect(connection, &hall::qt::HallConnection::eventReceived, this, [this](const hall::Event& event) {
        if (event.kind != static_cast<std::uint16_t>(hall::EventKind::CatalogImported))
            return;
        if (auto imported = hall::CatalogImported::decode(event.body))
            Q_EMIT catalogImported(imported->version);
    });
    (void)connection->subscribe({QStringLiteral("hall")});
}

bool ConnectionBackend::isOnline() const {
    return m_online;
}

void ConnectionBackend::fetchCatalogInfo(InfoCallback callback) {
    m_connection->request(
        hall::GetCatalogInfo{}, this,
        [callback = std::move(callback)](const hall::Result<hall::CatalogInfo>& info) { callback(info); });
}

void ConnectionBackend::fetchCatalogPart(std::uint32_t version, std::uint16_t part, PartCallback callback) {
    m_connection->request(hall::GetCatalogPart{version, part}, this,
                          [callback = std::move(callback)](const hall::Result<hall::CatalogPart>& answer) {
                              callback(answer);
                          });
}

void ConnectionBackend::issueTicket(const hall::IssueTicket& request, TicketCallback callback) {
    m_connection->request(request, this,
                          [callback = std::move(callback)](const hall::Result<hall::IssueTicketOk>& answer) {
                              callback(answer);
                          });
}

} // namespace kiosk
