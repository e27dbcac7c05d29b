#include "fake_hall_server.h"

#include "protocol/events.h"
#include "qtclient/utf8.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <algorithm>

using namespace hall;

namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::int64_t nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

FakeHallServer::FakeHallServer(const QString& certFile, const QString& keyFile, const QString& caFile) {
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setLocalCertificate(QSslCertificate(readFile(certFile), QSsl::Pem));
    config.setPrivateKey(QSslKey(readFile(keyFile), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    config.setCaCertificates(QSslCertificate::fromData(readFile(caFile), QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer); // the hall requires a device certificate
    m_server.setSslConfiguration(config);
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &FakeHallServer::onPendingConnection);
}

FakeHallServer::~FakeHallServer() {
    dropAll();
}

bool FakeHallServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeHallServer::onPendingConnection() {
    while (QTcpSocket* tcp = m_server.nextPendingConnection()) {
        auto* socket = qobject_cast<QSslSocket*>(tcp);
        Q_ASSERT(socket);
        auto peer = std::make_unique<Peer>();
        peer->socket = socket;
        peer->index = ++connectionsAccepted;
        Peer* raw = peer.get();
        m_peers.push_back(std::move(peer));
        connect(socket, &QIODevice::readyRead, this, [this, socket] {
            if (Peer* p = findPeer(socket))
                onReadyRead(*p);
        });
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            std::erase_if(m_peers, [socket](const auto& p) { return p->socket == socket; });
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(*raw);
    }
}

FakeHallServer::Peer* FakeHallServer::findPeer(const QSslSocket* socket) {
    for (auto& peer : m_peers)
        if (peer->socket == socket)
            return peer.get();
    return nullptr;
}

void FakeHallServer::onReadyRead(Peer& peer) {
    const QByteArray bytes = peer.socket->readAll();
    peer.buffer.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    const QPointer<QSslSocket> socket = peer.socket;
    for (;;) {
        const DecodeOutcome outcome = decodeFrame(peer.buffer);
        if (outcome.status != DecodeStatus::Complete)
            return;
        const std::string frameBytes = peer.buffer.substr(0, outcome.consumed);
        peer.buffer.erase(0, outcome.consumed);
        const DecodeOutcome frame = decodeFrame(frameBytes);
        received.append(
            Received{peer.index, frame.frame.type, frame.frame.requestId, std::string(frame.frame.body)});
        handle(peer, frame.frame);
        Q_EMIT frameReceived();
        if (!socket || !findPeer(socket))
            return; // the handler dropped this connection
    }
}

void FakeHallServer::answer(Peer& peer, MessageType type, std::uint64_t requestId, std::string body,
                            bool holdable) {
    std::string frame = encodeFrame(type, requestId, body);
    if (holdable && holdReplies) {
        m_held.push_back(HeldReply{peer.socket, std::move(frame)});
        return;
    }
    peer.socket->write(frame.data(), static_cast<qint64>(frame.size()));
}

void FakeHallServer::handle(Peer& peer, const FrameView& frame) {
    if (ignored.contains(frame.type))
        return;
    if (const auto error = errorFor.find(frame.type); error != errorFor.end()) {
        reply(peer, frame.requestId, error->second);
        return;
    }
    switch (frame.type) {
    case MessageType::Hello: {
        auto hello = Hello::decode(frame.body);
        if (!hello || !isCompatibleProtocolVersion(hello->protocolVersion)) {
            reply(peer, frame.requestId, ErrorReply{ErrorCode::UnsupportedVersion, "version"}, false);
            return;
        }
        HelloOk ok;
        ok.serverVersion = "fake-1";
        ok.hallName = "Test Hall";
        const QStringList names = peer.socket->peerCertificate().subjectInfo(QSslCertificate::CommonName);
        ok.device = DeviceIdentity{
            DeviceRole::ClerkPc, names.isEmpty() ? std::string() : qt::toStdString(names.first()), "2-07", 2};
        ok.journalHead = journal.empty() ? 0 : journal.back().seq;
        ok.serverTimeMs = nowMs();
        reply(peer, frame.requestId, ok, false);
        return;
    }
    case MessageType::Login: {
        auto login = Login::decode(frame.body);
        const auto known = login ? passwords.find(login->username) : passwords.end();
        if (known == passwords.end() || known->second != login->password) {
            reply(peer, frame.requestId,
                  ErrorReply{ErrorCode::BadCredentials, "unknown user or wrong password"}, false);
            return;
        }
        peer.user = login->username;
        reply(peer, frame.requestId,
              LoginOk{login->username, "Zhang Wei", PersonRole::Supervisor, "Market Regulation", "S-0042"},
              false);
        return;
    }
    case MessageType::Logout:
        if (!peer.user) {
            reply(peer, frame.requestId, ErrorReply{ErrorCode::NotLoggedIn, "nobody is logged in"});
            return;
        }
        peer.user.reset();
        reply(peer, frame.requestId, LogoutOk{});
        return;
    case MessageType::Ping: {
        auto ping = Ping::decode(frame.body);
        reply(peer, frame.requestId, Pong{ping ? ping->nonce : 0, nowMs()}, false);
        return;
    }
    case MessageType::Subscribe:
        handleSubscribe(peer, frame);
        return;
    case MessageType::PostNotice:
        handlePostNotice(peer, frame);
        return;
    case MessageType::ListNotices: {
        auto list = ListNotices::decode(frame.body);
        NoticeList notices;
        // One notice naming the floor asked for, so each answer can be matched to its question.
        notices.notices.push_back(Notice{100u + list->floor, list->floor,
                                         "notice for floor " + std::to_string(list->floor), nowMs(),
                                         nowMs() + 60000, "hall office"});
        reply(peer, frame.requestId, notices);
        return;
    }
    case MessageType::GetServerStatus:
        reply(peer, frame.requestId,
              ServerStatus{"fake-1", static_cast<std::uint32_t>(m_peers.size()),
                           journal.empty() ? 0 : journal.back().seq, 0, nowMs(), false});
        return;
    default:
        reply(peer, frame.requestId, ErrorReply{ErrorCode::UnknownMessage, "not here"});
    }
}

void FakeHallServer::handlePostNotice(Peer& peer, const FrameView& frame) {
    if (const auto done = m_answered.find(frame.requestId); done != m_answered.end()) {
        answer(peer, done->second.first, frame.requestId, done->second.second, true); // a retry: first answer
        return;
    }
    if (!peer.user) {
        reply(peer, frame.requestId, ErrorReply{ErrorCode::NotLoggedIn, "log in first"});
        return;
    }
    auto notice = PostNotice::decode(frame.body);
    if (!notice) {
        reply(peer, frame.requestId, ErrorReply{notice.error().code, notice.error().message});
        return;
    }
    ++appliedNotices;
    const std::uint64_t noticeId = m_nextNoticeId++;
    const std::uint64_t seq = publish(topicForFloor(notice->floor), notice->text);
    const PostNoticeOk ok{noticeId, seq};
    m_answered[frame.requestId] = {PostNoticeOk::kType, encodeBody(ok)};
    if (dropAfterApplyingPostNotice > 0) {
        --dropAfterApplyingPostNotice;
        QSslSocket* socket = peer.socket;
        std::erase_if(m_peers, [socket](const auto& p) { return p->socket == socket; });
        socket->abort();
        socket->deleteLater();
        return;
    }
    reply(peer, frame.requestId, ok);
}

void FakeHallServer::handleSubscribe(Peer& peer, const FrameView& frame) {
    auto subscribe = Subscribe::decode(frame.body);
    if (!subscribe) {
        reply(peer, frame.requestId, ErrorReply{ErrorCode::MalformedFrame, "subscribe"}, false);
        return;
    }
    subscribeAfterSeqs.push_back(subscribe->afterSeq);
    if (resyncOnSubscribe) {
        reply(peer, frame.requestId, ErrorReply{ErrorCode::ResyncRequired, "too many events missed"}, false);
        return;
    }
    peer.topics = subscribe->topics;
    peer.subscribed = true;
    const std::uint64_t from = subscribe->afterSeq > static_cast<std::uint64_t>(replayOverlap)
                                   ? subscribe->afterSeq - replayOverlap
                                   : 0;
    std::uint32_t replayed = 0;
    for (const Event& event : journal) {
        if (event.seq <= from ||
            std::find(peer.topics.begin(), peer.topics.end(), event.topic) == peer.topics.end())
            continue;
        const std::string bytes = encodeMessage(event, 0);
        peer.socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
        ++replayed;
    }
    reply(peer, frame.requestId, SubscribeOk{journal.empty() ? 0 : journal.back().seq, replayed}, false);
}

std::uint64_t FakeHallServer::publish(const std::string& topic, const std::string& text) {
    Event event;
    event.seq = journal.empty() ? 1 : journal.back().seq + 1;
    event.timeMs = nowMs();
    event.kind = static_cast<std::uint16_t>(EventKind::NoticePosted);
    event.topic = topic;
    event.body = encodeEventBody(NoticePosted{event.seq, 0, text, event.timeMs + 60000, "hall office"});
    journal.push_back(event);
    const std::string bytes = encodeMessage(event, 0);
    for (const auto& peer : m_peers)
        if (peer->subscribed &&
            std::find(peer->topics.begin(), peer->topics.end(), topic) != peer->topics.end())
            peer->socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
    return event.seq;
}

void FakeHallServer::dropAll() {
    auto peers = std::move(m_peers);
    m_peers.clear();
    for (auto& peer : peers)
        if (peer->socket) {
            peer->socket->disconnect(this);
            peer->socket->abort();
            peer->socket->deleteLater();
        }
}

void FakeHallServer::sendRawToAll(const QByteArray& bytes) {
    for (const auto& peer : m_peers)
        peer->socket->write(bytes);
}

void FakeHallServer::releaseHeld(bool reverse) {
    auto held = std::move(m_held);
    m_held.clear();
    if (reverse)
        std::reverse(held.begin(), held.end());
    for (const auto& h : held)
        if (h.socket)
            h.socket->write(h.frame.data(), static_cast<qint64>(h.frame.size()));
}

int FakeHallServer::openConnections() const {
    return static_cast<int>(m_peers.size());
}

int FakeHallServer::countReceived(MessageType type) const {
    return static_cast<int>(std::count_if(received.begin(), received.end(),
                                          [type](const Received& r) { return r.type == type; }));
}

QList<FakeHallServer::Received> FakeHallServer::receivedOn(int connection) const {
    QList<Received> out;
    for (const auto& r : received)
        if (r.connection == connection)
            out.append(r);
    return out;
}
