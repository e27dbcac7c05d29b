#include "qtclient/hall_connection.h"

#include "protocol/events.h"
#include "qtclient/decode_answer.h"
#include "qtclient/logging.h"
#include "qtclient/tls_configuration.h"
#include "qtclient/utf8.h"

#include <QSslSocket>

#include <algorithm>
#include <climits>
#include <memory>

namespace hall::qt {
namespace {

using Entry = RequestTracker::Entry;
using Scope = RequestTracker::Scope;

Error withContext(const char* context, const Error& error) {
    return Error{error.code, std::string(context) + ": " + error.message};
}

QString describe(const Error& error) {
    return logName(errorCodeName(error.code)) + QLatin1StringView(": ") + toQString(error.message);
}

} // namespace

HallConnection::HallConnection(ConnectionSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)),
      m_backoff(m_settings.reconnectInitialMs, m_settings.reconnectMaxMs, m_settings.reconnectJitter) {
    qRegisterMetaType<hall::Event>();
    qRegisterMetaType<hall::Error>();
    m_reconnectTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HallConnection::connectNow);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        dropConnection(Error{ErrorCode::Timeout, "no TLS connection within " +
                                                     std::to_string(m_settings.connectTimeoutMs) + " ms"});
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &HallConnection::sendPing);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &HallConnection::onDeadline);
}

HallConnection::~HallConnection() {
    // No state signals from here: the owner is being torn down. Waiting replies still hear once.
    m_running = false;
    closeSocket(false);
    for (auto& entry : m_tracker.takeAll())
        if (entry.scope == Scope::Request)
            entry.complete(Error{ErrorCode::Disconnected, "the connection was closed"});
}

Status HallConnection::start() {
    if (m_running)
        return success();
    if (Status valid = m_settings.validate(); !valid) {
        qCWarning(lcConnection).noquote() << "not starting:" << describe(valid.error());
        return valid;
    }
    auto tls = makeTlsConfiguration(m_settings);
    if (!tls) {
        qCWarning(lcConnection).noquote() << "not starting:" << describe(tls.error());
        return tls.error();
    }
    m_tls = std::move(*tls);
    m_running = true;
    m_backoff.reset();
    connectNow();
    return success();
}

void HallConnection::stop() {
    m_running = false;
    m_reconnectTimer.stop();
    m_credentials.reset();
    const bool hadPerson = m_person.has_value();
    m_person.reset();
    closeSocket(true);
    std::vector<Entry> pending = m_tracker.takeIf([](const Entry& e) { return e.scope == Scope::Request; });
    m_tracker.takeAll();
    armDeadlineTimer();

    const QPointer<HallConnection> self(this);
    setState(State::Disconnected);
    if (self && hadPerson)
        Q_EMIT loggedInChanged(false);
    for (auto& entry : pending) {
        if (!self)
            return;
        // Closing the connection ends the person's server session: a logout has done its job.
        if (entry.type == MessageType::Logout)
            entry.complete(Frame{MessageType::LogoutOk, entry.id, {}});
        else
            entry.complete(Error{ErrorCode::Disconnected, "the connection was stopped"});
    }
}

// ---- requests ------------------------------------------------------------------------------------------

PendingReply* HallConnection::newReply(MessageType type, std::uint64_t requestId) {
    const AccessRule* rule = accessRuleFor(type);
    return new PendingReply(requestId != 0 ? requestId : m_tracker.newId(), type,
                            rule ? rule->reply : MessageType::ErrorReply, this);
}

void HallConnection::finishLater(PendingReply* reply, Result<Frame> outcome) {
    QMetaObject::invokeMethod(
        reply, [reply, outcome = std::move(outcome)] { reply->complete(outcome); }, Qt::QueuedConnection);
}

PendingReply* HallConnection::enqueue(MessageType type, std::string body, Observer observer,
                                      std::uint64_t requestId) {
    const bool chosenIdTaken = requestId != 0 && m_tracker.find(requestId) != nullptr;
    PendingReply* reply = newReply(type, chosenIdTaken ? 0 : requestId);
    const std::string name(messageTypeName(type));
    std::optional<Error> refusal;
    if (chosenIdTaken)
        refusal = Error{ErrorCode::InvalidArgument, "request id " + std::to_string(requestId) + " is in use"};
    else if (!accessRuleFor(type))
        refusal = Error{ErrorCode::UnknownMessage, name + " is not a request a client may send"};
    else if (body.size() > kMaxFrameBody)
        refusal = Error{ErrorCode::InvalidArgument, name + " is larger than a frame may be"};
    else if (!m_running)
        refusal = Error{ErrorCode::Disconnected, "the connection is not started"};
    if (refusal) {
        finishLater(reply, *refusal);
        return reply;
    }

    const std::uint64_t id = reply->requestId();
    Entry entry;
    entry.id = id;
    entry.type = type;
    entry.scope = Scope::Request;
    entry.frame = encodeFrame(type, id, body);
    entry.deadline = QDeadlineTimer(m_settings.requestTimeoutMs);
    // Login and Logout answers update this connection even when the caller has lost interest.
    // A reply deleted after it settled must not take a later entry that reuses its id (requestWithId).
    auto settled = std::make_shared<bool>(false);
    if (!observer)
        connect(reply, &QObject::destroyed, this, [this, id, settled] {
            if (!*settled && m_tracker.take(id))
                armDeadlineTimer();
        });
    entry.complete = [guard = QPointer<PendingReply>(reply), observer = std::move(observer),
                      settled](const Result<Frame>& a) {
        *settled = true;
        if (observer)
            observer(a);
        if (guard)
            guard->complete(a);
    };
    Entry& tracked = m_tracker.add(std::move(entry));
    if (m_state == State::Ready) {
        tracked.sent = true;
        write(tracked.frame);
    }
    armDeadlineTimer();
    return reply;
}

void HallConnection::sendSession(MessageType type, std::string body, Observer onAnswer) {
    Entry entry;
    entry.id = m_tracker.newId();
    entry.type = type;
    entry.scope = Scope::Session;
    entry.frame = encodeFrame(type, entry.id, body);
    entry.deadline = QDeadlineTimer(m_settings.requestTimeoutMs);
    entry.sent = true;
    // An answer (or a timeout) that outlives its connection has nothing left to act on.
    entry.complete = [this, generation = m_generation,
                      onAnswer = std::move(onAnswer)](const Result<Frame>& a) {
        if (generation == m_generation)
            onAnswer(a);
    };
    if (type == MessageType::Subscribe)
        m_subscribeRequestId = entry.id;
    const Entry& tracked = m_tracker.add(std::move(entry));
    write(tracked.frame);
    armDeadlineTimer();
}

void HallConnection::write(const std::string& frame) {
    if (m_socket)
        m_socket->write(frame.data(), static_cast<qint64>(frame.size()));
}

void HallConnection::onDeadline() {
    std::vector<Entry> expired = m_tracker.takeExpired();
    armDeadlineTimer();
    const QPointer<HallConnection> self(this);
    for (auto& entry : expired) {
        if (!self)
            return;
        entry.complete(Error{ErrorCode::Timeout, "no answer to " + std::string(messageTypeName(entry.type)) +
                                                     " within " +
                                                     std::to_string(m_settings.requestTimeoutMs) + " ms"});
    }
}

void HallConnection::armDeadlineTimer() {
    const std::optional<qint64> left = m_tracker.msUntilNextDeadline();
    if (!left)
        m_deadlineTimer.stop();
    else
        m_deadlineTimer.start(static_cast<int>(std::min<qint64>(*left, INT_MAX)));
}

// ---- the person ----------------------------------------------------------------------------------------

PendingReply* HallConnection::login(const QString& username, const QString& password) {
    const Credentials credentials{toStdString(username), toStdString(password)};
    const Login message{credentials.username, credentials.password};
    return enqueue(Login::kType, encodeBody(message),
                   [this, credentials](const Result<Frame>& a) { onUserLoginAnswer(a, credentials); });
}

void HallConnection::onUserLoginAnswer(const Result<Frame>& answer, const Credentials& credentials) {
    auto person = decodeAnswer<LoginOk>(answer);
    if (!person)
        return;
    m_credentials = credentials;
    setPerson(std::move(*person));
}

PendingReply* HallConnection::logout() {
    m_credentials.reset();
    // Logins still waiting to be sent would undo this logout after the reconnect: they lose.
    auto queuedLogins = std::make_shared<std::vector<Entry>>(m_tracker.takeIf(
        [](const Entry& e) { return e.scope == Scope::Request && e.type == MessageType::Login && !e.sent; }));
    if (!queuedLogins->empty())
        QMetaObject::invokeMethod(
            this,
            [queuedLogins] {
                for (auto& entry : *queuedLogins)
                    entry.complete(Error{ErrorCode::Disconnected, "cancelled by a logout"});
            },
            Qt::QueuedConnection);

    if (m_state == State::Ready)
        return enqueue(Logout::kType, {}, [this](const Result<Frame>& a) { onUserLogoutAnswer(a); });

    // No server session holds the person now (a repeated login in flight is undone when it lands).
    PendingReply* reply = newReply(Logout::kType);
    finishLater(reply, Frame{MessageType::LogoutOk, reply->requestId(), {}});
    setPerson(std::nullopt);
    return reply;
}

void HallConnection::onUserLogoutAnswer(const Result<Frame>& answer) {
    auto done = decodeAnswer<LogoutOk>(answer);
    if (done || (answer && !done && done.error().code == ErrorCode::NotLoggedIn)) {
        m_credentials.reset();
        setPerson(std::nullopt);
    }
}

void HallConnection::setPerson(std::optional<LoginOk> person) {
    const bool was = m_person.has_value();
    m_person = std::move(person);
    if (was != m_person.has_value())
        Q_EMIT loggedInChanged(m_person.has_value());
}

// ---- subscriptions -------------------------------------------------------------------------------------

Status HallConnection::subscribe(const QStringList& topics) {
    std::vector<std::string> wanted = toStdStrings(topics);
    for (const auto& topic : wanted)
        if (!isValidTopic(topic))
            return Error{ErrorCode::InvalidArgument, "not a topic: " + topic};
    m_topics = std::move(wanted);
    m_subscriptionActive = true;
    if (m_state == State::Ready)
        sendSubscribe();
    return success();
}

Status HallConnection::subscribe(const QStringList& topics, quint64 afterSeq) {
    for (const QString& topic : topics)
        if (!isValidTopic(toStdString(topic)))
            return Error{ErrorCode::InvalidArgument, "not a topic: " + toStdString(topic)};
    m_lastSeenSeq = afterSeq;
    return subscribe(topics);
}

QStringList HallConnection::topics() const {
    return toQStringList(m_topics);
}

void HallConnection::sendSubscribe() {
    const Subscribe message{m_topics, m_lastSeenSeq};
    sendSession(Subscribe::kType, encodeBody(message),
                [this](const Result<Frame>& a) { onSubscribeAnswer(a); });
}

void HallConnection::onSubscribeAnswer(const Result<Frame>& answer) {
    if (!answer) {
        dropConnection(withContext("Subscribe", answer.error()));
        return;
    }
    auto confirmed = decodeAnswer<SubscribeOk>(answer);
    if (confirmed) {
        qCDebug(lcConnection) << "subscribed; replayed" << confirmed->replayedCount << "events up to"
                              << confirmed->headSeq;
        Q_EMIT subscribed(confirmed->headSeq, confirmed->replayedCount);
        return;
    }
    if (answer->type != MessageType::ErrorReply) {
        dropConnection(confirmed.error());
        return;
    }
    m_subscriptionActive = false;
    qCWarning(lcConnection).noquote() << "subscription refused:" << describe(confirmed.error());
    if (confirmed.error().code == ErrorCode::ResyncRequired)
        Q_EMIT resyncRequired();
    else
        Q_EMIT subscribeFailed(confirmed.error());
}

void HallConnection::handleEvent(const Frame& frame) {
    auto event = Event::decode(frame.body);
    if (!event) {
        dropConnection(withContext("an event did not decode", event.error()));
        return;
    }
    // A long replay is progress: the Subscribe answer comes after the last replayed event.
    if (Entry* subscribing = m_tracker.find(m_subscribeRequestId))
        subscribing->deadline = QDeadlineTimer(m_settings.requestTimeoutMs);
    if (event->seq <= m_lastSeenSeq) {
        qCDebug(lcConnection) << "dropped event" << event->seq << "seen before";
        return;
    }
    m_lastSeenSeq = event->seq;
    Q_EMIT eventReceived(*event);
}

std::optional<DeviceIdentity> HallConnection::deviceIdentity() const {
    if (!m_hello)
        return std::nullopt;
    return m_hello->device;
}

} // namespace hall::qt
