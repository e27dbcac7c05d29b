#pragma once
// A hall server in the test process for the kiosk's models: serves one catalog document in parts and
// answers IssueTicket, always from the event loop like the real connection.
#include "catalog_sync.h"
#include "kiosk_backend.h"

#include <QTimer>
#include <vector>

namespace kiosk::test {

class FakeBackend : public KioskBackend {
    Q_OBJECT
public:
    bool online = false;
    std::string document;
    quint32 version = 0;
    std::string sha256;            ///< what CatalogInfo announces (normally sha256Hex(document))
    std::size_t partBytes = 50000; ///< small, so a document travels in several parts
    std::vector<hall::IssueTicket> issued;
    bool holdTickets = false; ///< keep ticket answers back until releaseTickets()
    int infoRequests = 0;
    int partRequests = 0;

    void setOnline(bool value) {
        online = value;
        Q_EMIT onlineChanged(value);
    }
    void serve(std::string json, quint32 newVersion) {
        document = std::move(json);
        version = newVersion;
        sha256 = sha256Hex(document);
    }
    bool isOnline() const override { return online; }
    std::uint16_t partCount() const { return std::uint16_t((document.size() + partBytes - 1) / partBytes); }

    void fetchCatalogInfo(InfoCallback callback) override {
        ++infoRequests;
        later([this, callback] {
            if (!online)
                return callback(hall::Error{hall::ErrorCode::Disconnected, "offline"});
            callback(hall::CatalogInfo{version, sha256, std::uint32_t(document.size()), partCount(), 0});
        });
    }
    void fetchCatalogPart(std::uint32_t wanted, std::uint16_t part, PartCallback callback) override {
        ++partRequests;
        later([this, wanted, part, callback] {
            if (!online)
                return callback(hall::Error{hall::ErrorCode::Disconnected, "offline"});
            if (wanted != version || part >= partCount())
                return callback(hall::Error{hall::ErrorCode::NotFound, "no such part"});
            callback(
                hall::CatalogPart{version, part, partCount(), document.substr(part * partBytes, partBytes)});
        });
    }
    void issueTicket(const hall::IssueTicket& request, TicketCallback callback) override {
        issued.push_back(request);
        m_heldTickets.push_back(callback);
        if (!holdTickets)
            releaseTickets();
    }
    void releaseTickets() {
        auto held = std::move(m_heldTickets);
        m_heldTickets.clear();
        for (auto& callback : held)
            later([this, callback] {
                hall::IssueTicketOk ok;
                ok.ticket.ticketId = 77;
                ok.ticket.number = "B012";
                ok.ticket.queuePrefix = "B";
                ok.ticket.floor = 2;
                ok.peopleAhead = 4;
                ok.estimatedWaitS = 14 * 60;
                ok.windows = {"2-07", "2-08"};
                callback(ok);
            });
    }

private:
    template <typename F> void later(F f) { QTimer::singleShot(0, this, std::move(f)); }
    std::vector<TicketCallback> m_heldTickets;
};

} // namespace kiosk::test
