#pragma once

#include "protocol/messages.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslServer>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QSslSocket;

/// A hall server inside the test process: mutual TLS through QSslServer (client certificates required,
/// signed by the given CA), frames through hall_protocol, and just enough behaviour to exercise the
/// client: Hello, Login/Logout, Ping, Subscribe with replay, PostNotice with answers remembered by
/// request id, ListNotices, GetServerStatus. Knobs make it misbehave on purpose.
class FakeHallServer : public QObject {
    Q_OBJECT

public:
    struct Received {
        int connection = 0; ///< 1 for the first accepted connection, 2 for the next...
        hall::MessageType type = hall::MessageType::Hello;
        std::uint64_t requestId = 0;
        std::string body;
    };

    FakeHallServer(const QString& certFile, const QString& keyFile, const QString& caFile);
    ~FakeHallServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /// Appends a NoticePosted event to the journal and pushes it to live subscribers of `topic`.
    std::uint64_t publish(const std::string& topic, const std::string& text);
    /// New connections wait in the listen backlog until resumeAccepting().
    void pauseAccepting() { m_server.pauseAccepting(); }
    void resumeAccepting() { m_server.resumeAccepting(); }
    /// Aborts every open connection (no TLS close, like a pulled cable).
    void dropAll();
    /// Writes raw bytes to every open connection.
    void sendRawToAll(const QByteArray& bytes);
    /// Sends the answers kept back while holdReplies was set, in arrival or reverse order.
    void releaseHeld(bool reverse);

    int openConnections() const;
    int countReceived(hall::MessageType type) const;
    QList<Received> receivedOn(int connection) const;

    // ---- knobs
    /// Keep answers back until releaseHeld() (Hello, Login, Ping and Subscribe are always answered).
    bool holdReplies = false;
    /// Types never answered at all.
    std::set<hall::MessageType> ignored;
    /// Types answered with this ErrorReply.
    std::map<hall::MessageType, hall::ErrorReply> errorFor;
    /// PostNotice: apply it, remember the answer, then abort the connection without sending it; counts down.
    int dropAfterApplyingPostNotice = 0;
    bool resyncOnSubscribe = false;
    /// Replay this many events at or before afterSeq too, as a careless server might.
    int replayOverlap = 0;
    std::map<std::string, std::string> passwords{{"clerk1", "secret"}};

    // ---- what happened
    QList<Received> received;
    std::vector<std::uint64_t> subscribeAfterSeqs;
    int connectionsAccepted = 0;
    int appliedNotices = 0;
    std::vector<hall::Event> journal;

Q_SIGNALS:
    void frameReceived();

private:
    struct Peer {
        QPointer<QSslSocket> socket;
        int index = 0;
        std::string buffer;
        std::optional<std::string> user;
        std::vector<std::string> topics;
        bool subscribed = false;
    };
    struct HeldReply {
        QPointer<QSslSocket> socket;
        std::string frame;
    };

    void onPendingConnection();
    void onReadyRead(Peer& peer);
    void handle(Peer& peer, const hall::FrameView& frame);
    void answer(Peer& peer, hall::MessageType type, std::uint64_t requestId, std::string body, bool holdable);
    template <typename M>
    void reply(Peer& peer, std::uint64_t requestId, const M& message, bool holdable = true) {
        answer(peer, M::kType, requestId, hall::encodeBody(message), holdable);
    }
    void handlePostNotice(Peer& peer, const hall::FrameView& frame);
    void handleSubscribe(Peer& peer, const hall::FrameView& frame);
    Peer* findPeer(const QSslSocket* socket);

    QSslServer m_server;
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<HeldReply> m_held;
    std::map<std::uint64_t, std::pair<hall::MessageType, std::string>> m_answered;
    std::uint64_t m_nextNoticeId = 1;
};
