// HallConnection, second half: one TLS connection's life, from connecting through the Hello handshake
// to the moment it breaks and the next attempt is scheduled.
#include "qtclient/hall_connection.h"

#include "qtclient/decode_answer.h"
#include "qtclient/logging.h"
#include "qtclient/utf8.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSslSocket>

namespace hall::qt {
namespace {

using Entry = RequestTracker::Entry;
using Scope = RequestTracker::Scope;

Error withContext(const char* context, const Error& error) {
    return Error{error.code, std::string(context) + ": " + error.message};
}

} // namespace

void HallConnection::connectNow() {
    if (!m_running || m_socket)
        return;
    setState(State::Connecting);
    if (!m_running || m_state != State::Connecting)
        return; // a slot stopped the connection
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(m_tls);
    connect(m_socket, &QAbstractSocket::connected, this, [this] { setState(State::Encrypting); });
    connect(m_socket, &QSslSocket::encrypted, this, &HallConnection::onEncrypted);
    connect(m_socket, &QIODevice::readyRead, this, &HallConnection::onReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, [](const QList<QSslError>& errors) {
        // Never ignored: the handshake fails and errorOccurred() follows.
        for (const QSslError& error : errors)
            qCWarning(lcConnection).noquote() << "TLS:" << error.errorString();
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        dropConnection(Error{ErrorCode::Disconnected, toStdString(m_socket->errorString())});
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        dropConnection(Error{ErrorCode::Disconnected, "the server closed the connection"});
    });
    m_connectTimer.start(m_settings.connectTimeoutMs);
    qCDebug(lcConnection) << "connecting to" << m_settings.host << m_settings.port;
    m_socket->connectToHostEncrypted(m_settings.host, m_settings.port);
}

void HallConnection::onEncrypted() {
    m_connectTimer.stop();
    setState(State::Greeting);
    if (m_state != State::Greeting)
        return;
    const Hello hello{kProtocolVersion, toStdString(m_settings.clientName),
                      toStdString(m_settings.clientVersion)};
    sendSession(Hello::kType, encodeBody(hello), [this](const Result<Frame>& a) { onHelloAnswer(a); });
}

void HallConnection::onHelloAnswer(const Result<Frame>& answer) {
    auto hello = decodeAnswer<HelloOk>(answer);
    if (!hello) {
        dropConnection(withContext("Hello", hello.error()));
        return;
    }
    if (!isCompatibleProtocolVersion(hello->protocolVersion)) {
        dropConnection(Error{ErrorCode::UnsupportedVersion,
                             "the server speaks protocol version " + std::to_string(hello->protocolVersion)});
        return;
    }
    m_clockOffsetMs = hello->serverTimeMs - QDateTime::currentMSecsSinceEpoch();
    qCInfo(lcConnection).noquote() << "greeted by" << toQString(hello->hallName) << "as device"
                                   << toQString(hello->device.name);
    m_hello = std::move(*hello);
    if (m_credentials)
        sendRelogin();
    else
        enterReady();
}

void HallConnection::sendRelogin() {
    const Credentials credentials = *m_credentials;
    const Login message{credentials.username, credentials.password};
    sendSession(Login::kType, encodeBody(message), [this, credentials](const Result<Frame>& answer) {
        if (!answer) {
            dropConnection(withContext("Login", answer.error()));
            return;
        }
        auto person = decodeAnswer<LoginOk>(answer);
        const quint64 generation = m_generation;
        if (person && !m_credentials) {
            // The person logged out while this login was on its way: undo it on the server.
            sendSession(Logout::kType, {}, [](const Result<Frame>&) {});
        } else if (person) {
            setPerson(std::move(*person));
        } else if (answer->type == MessageType::ErrorReply) {
            qCWarning(lcConnection) << "the server refused the repeated login:"
                                    << logName(errorCodeName(person.error().code));
            m_credentials.reset();
            const Error error = person.error();
            setPerson(std::nullopt);
            if (generation == m_generation)
                Q_EMIT loginLost(error);
        } else {
            dropConnection(withContext("Login", person.error()));
            return;
        }
        if (generation == m_generation)
            enterReady();
    });
}

void HallConnection::enterReady() {
    m_backoff.reset();
    // Renew the subscription first: events missed while away arrive before answers to resent requests.
    if (m_subscriptionActive)
        sendSubscribe();
    for (const std::uint64_t id : m_tracker.unsentInOrder()) {
        Entry* entry = m_tracker.find(id);
        entry->sent = true;
        write(entry->frame);
    }
    m_pingTimer.start(m_settings.pingIntervalMs);
    qCInfo(lcConnection) << "ready";
    setState(State::Ready);
}

void HallConnection::sendPing() {
    if (m_state != State::Ready || m_pingInFlight)
        return;
    m_pingInFlight = true;
    const std::uint64_t nonce = QRandomGenerator::global()->generate64();
    const qint64 sentAtMs = QDateTime::currentMSecsSinceEpoch();
    sendSession(Ping::kType, encodeBody(Ping{nonce}), [this, nonce, sentAtMs](const Result<Frame>& answer) {
        m_pingInFlight = false;
        if (!answer) {
            // A half-open connection looks alive until something is written; this is how it shows.
            dropConnection(withContext("Ping", answer.error()));
            return;
        }
        auto pong = decodeAnswer<Pong>(answer);
        if (!pong || pong->nonce != nonce) {
            qCWarning(lcConnection) << "unexpected answer to Ping";
            return;
        }
        const qint64 receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        m_clockOffsetMs = pong->serverTimeMs - (sentAtMs + receivedAtMs) / 2;
    });
}

void HallConnection::onReadyRead() {
    if (!m_socket)
        return;
    m_buffer.append(m_socket->readAll());
    const QPointer<HallConnection> self(this);
    const quint64 generation = m_generation;
    for (;;) {
        auto next = m_buffer.next();
        if (!next) {
            dropConnection(withContext("malformed frame from the server", next.error()));
            return;
        }
        if (!*next)
            return;
        handleFrame(std::move(**next));
        if (!self || generation != m_generation)
            return;
    }
}

void HallConnection::handleFrame(Frame frame) {
    if (frame.requestId == 0) {
        if (frame.type == MessageType::Event)
            handleEvent(frame);
        else
            qCWarning(lcConnection) << "ignored an unsolicited" << logName(messageTypeName(frame.type));
        return;
    }
    std::optional<Entry> entry = m_tracker.take(frame.requestId);
    if (!entry) {
        qCDebug(lcConnection) << "ignored a late answer" << logName(messageTypeName(frame.type));
        return;
    }
    armDeadlineTimer();
    entry->complete(std::move(frame));
}

void HallConnection::dropConnection(Error error) {
    if (!m_socket)
        return;
    qCWarning(lcConnection).noquote()
        << "connection lost:" << logName(errorCodeName(error.code)) << "-" << toQString(error.message);
    m_lastError = error;
    closeSocket(false);
    m_tracker.takeIf([](const Entry& e) { return e.scope == Scope::Session; });

    // The person's server session ended with the connection, so a logout in flight has done its job,
    // and logins queued before it must not log them back in.
    std::vector<Entry> logouts = m_tracker.takeIf(
        [](const Entry& e) { return e.scope == Scope::Request && e.type == MessageType::Logout; });
    std::vector<Entry> supersededLogins;
    if (!logouts.empty()) {
        const std::uint64_t lastLogout = logouts.back().order;
        supersededLogins = m_tracker.takeIf([lastLogout](const Entry& e) {
            return e.scope == Scope::Request && e.type == MessageType::Login && e.order < lastLogout;
        });
        m_credentials.reset();
    }
    m_tracker.markAllUnsent();
    armDeadlineTimer();
    if (m_running) {
        const int delayMs = m_backoff.nextDelayMs();
        m_reconnectTimer.start(delayMs);
        qCInfo(lcConnection) << "next attempt in" << delayMs << "ms";
    }

    const QPointer<HallConnection> self(this);
    setState(State::Disconnected);
    if (!self)
        return;
    Q_EMIT connectionError(error);
    if (!logouts.empty() && self)
        setPerson(std::nullopt);
    for (auto& entry : supersededLogins) {
        if (!self)
            return;
        entry.complete(Error{ErrorCode::Disconnected, "cancelled by a logout"});
    }
    for (auto& entry : logouts) {
        if (!self)
            return;
        entry.complete(Frame{MessageType::LogoutOk, entry.id, {}});
    }
}

void HallConnection::closeSocket(bool graceful) {
    ++m_generation;
    m_connectTimer.stop();
    m_pingTimer.stop();
    m_pingInFlight = false;
    m_subscribeRequestId = 0;
    m_buffer.clear();
    if (!m_socket)
        return;
    QSslSocket* socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // Lets queued bytes and the TLS close_notify go out; the socket deletes itself once closed.
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
    } else {
        socket->abort();
        socket->deleteLater();
    }
}

void HallConnection::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcConnection) << "state" << state;
    Q_EMIT stateChanged(state);
}

} // namespace hall::qt
