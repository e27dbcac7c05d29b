#include "clerk_session.h"

#include "present/window_id.h"
#include "protocol/events.h"
#include "qtclient/hall_connection.h"

#include <QDateTime>

#include <QLocale>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcClerk, "hall.clerk.session")

namespace clerk {

namespace {

QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

hall::present::Language presentLanguage() {
    return QLocale().language() == QLocale::Chinese ? hall::present::Language::Chinese
                                                    : hall::present::Language::English;
}

} // namespace

ClerkSession::ClerkSession(hall::qt::HallConnection& connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_service(connection),
      m_actions(std::make_unique<ClerkActions>(m_service, m_model)), m_catalog(connection) {
    connect(&m_connection, &hall::qt::HallConnection::stateChanged, this, &ClerkSession::onStateChanged);
    connect(&m_connection, &hall::qt::HallConnection::eventReceived, this, &ClerkSession::onEvent);
    connect(&m_catalog, &CatalogFetcher::loaded, this, &ClerkSession::onCatalogLoaded);
    connect(&m_catalog, &CatalogFetcher::failed, this, [](const hall::Error& error) {
        qCWarning(lcClerk) << "catalog not fetched:" << error.message.c_str();
    });
    connect(&m_connection, &hall::qt::HallConnection::resyncRequired, this, &ClerkSession::fetchWindowQueue);
    connect(&m_connection, &hall::qt::HallConnection::loginLost, this, [this](const hall::Error& error) {
        m_model.clear();
        Q_EMIT loggedInChanged(false);
        Q_EMIT loginFinished(false, ClerkActions::errorText(error));
    });
    connect(&m_model, &WindowQueueModel::refreshNeeded, this, &ClerkSession::fetchWindowQueue);
    m_clock.setInterval(15000);
    connect(&m_clock, &QTimer::timeout, this, &ClerkSession::tick);
    m_clock.start();
}

ClerkSession::~ClerkSession() = default;

bool ClerkSession::isLoggedIn() const {
    return m_connection.isLoggedIn();
}

QString ClerkSession::windowId() const {
    const auto device = m_connection.deviceIdentity();
    return device ? fromUtf8(device->window) : QString();
}

QString ClerkSession::windowDisplayName() const {
    const auto device = m_connection.deviceIdentity();
    if (!device)
        return {};
    const auto id = hall::present::parseWindowId(device->window);
    return id ? fromUtf8(hall::present::windowDisplayName(*id, presentLanguage())) : QString();
}

QString ClerkSession::personName() const {
    const auto& person = m_connection.person();
    return person ? fromUtf8(person->displayName) : QString();
}

QString ClerkSession::personRoleText() const {
    const auto& person = m_connection.person();
    if (!person)
        return {};
    switch (person->role) {
    case hall::PersonRole::Supervisor:
        return tr("Supervisor");
    case hall::PersonRole::Clerk:
        return tr("Clerk");
    default:
        return fromUtf8(std::string(hall::personRoleName(person->role)));
    }
}

qint64 ClerkSession::hallNowMs() const {
    return QDateTime::currentMSecsSinceEpoch() + m_connection.serverClockOffsetMs();
}

void ClerkSession::login(const QString& username, const QString& password) {
    if (m_loginInFlight)
        return;
    m_loginInFlight = true;
    hall::qt::PendingReply* reply = m_connection.login(username, password);
    connect(reply, &hall::qt::PendingReply::finished, this, [this, reply] {
        m_loginInFlight = false;
        const auto result = reply->result<hall::LoginOk>();
        if (!result) {
            Q_EMIT loginFinished(false, ClerkActions::errorText(result.error()));
            return;
        }
        Q_EMIT loginFinished(true, {});
        onLoggedIn();
        Q_EMIT loggedInChanged(true);
    });
}

void ClerkSession::logout() {
    m_model.clear();
    m_connection.logout();
    Q_EMIT loggedInChanged(false);
}

void ClerkSession::onLoggedIn() {
    Q_EMIT deviceChanged();
    fetchWindowQueue();
    fetchBoard();
    m_catalog.fetch();
}

void ClerkSession::onEvent(const hall::Event& event) {
    if (event.kind == std::uint16_t(hall::EventKind::CatalogImported)) {
        m_catalog.fetch();
        fetchBoard();
        return;
    }
    m_model.applyEvent(event);
}

std::map<QString, QStringList> ClerkSession::windowsOfQueues() const {
    std::map<QString, QStringList> out;
    if (!m_catalog.catalog())
        return out;
    for (const auto& queue : m_catalog.catalog()->queues()) {
        QStringList& windows = out[fromUtf8(queue.prefix)];
        for (const auto& window : queue.windows)
            windows << fromUtf8(window);
    }
    return out;
}

void ClerkSession::onCatalogLoaded() {
    QSet<QString> served;
    const std::string window = windowId().toStdString();
    for (const auto& queue : m_catalog.catalog()->queues())
        if (std::find(queue.windows.begin(), queue.windows.end(), window) != queue.windows.end())
            served.insert(fromUtf8(queue.prefix));
    m_model.setServedQueues(served);
    Q_EMIT boardChanged();
    // Tickets of those queues may have arrived before the catalog did.
    fetchWindowQueue();
}

void ClerkSession::onStateChanged() {
    using State = hall::qt::HallConnection::State;
    switch (m_connection.state()) {
    case State::Ready:
        Q_EMIT connectionStatusChanged(tr("Connected"), false);
        Q_EMIT deviceChanged();
        // After a reconnect the connection resumes the subscription by itself; the fresh answer makes sure
        // nothing changed meanwhile that the events cannot tell (a new day, a resync).
        if (m_connection.isLoggedIn())
            fetchWindowQueue();
        break;
    case State::Disconnected:
        if (const auto& error = m_connection.lastError())
            Q_EMIT connectionStatusChanged(ClerkActions::errorText(*error), true);
        else
            Q_EMIT connectionStatusChanged(tr("Not connected"), true);
        break;
    default:
        Q_EMIT connectionStatusChanged(tr("Connecting to the hall server…"), true);
        break;
    }
}

void ClerkSession::fetchWindowQueue() {
    if (!m_connection.isLoggedIn())
        return;
    if (m_fetchInFlight) {
        m_fetchAgain = true;
        return;
    }
    m_fetchInFlight = true;
    m_service.windowQueue(this, [this](const hall::Result<hall::WindowQueue>& result) {
        m_fetchInFlight = false;
        if (!result) {
            qCWarning(lcClerk) << "window queue not fetched:" << result.error().message.c_str();
        } else if (m_connection.isLoggedIn()) {
            m_model.setNow(hallNowMs());
            m_model.reset(*result);
            const auto floorTopic = QString::fromStdString(hall::topicForFloor(result->window.floor));
            const auto windowTopic = QString::fromStdString(hall::topicForWindow(result->window.window));
            const QStringList topics{QString::fromLatin1(hall::kTopicHall), floorTopic, windowTopic};
            if (!m_connection.isSubscribed() || m_connection.topics() != topics)
                if (auto status = m_connection.subscribe(topics, result->asOfSeq); !status)
                    qCWarning(lcClerk) << "subscription refused:" << status.error().message.c_str();
        }
        if (std::exchange(m_fetchAgain, false))
            fetchWindowQueue();
    });
}

void ClerkSession::fetchBoard() {
    m_service.queueBoard(0, this, [this](const hall::Result<hall::QueueBoard>& result) {
        if (!result) {
            qCWarning(lcClerk) << "queue board not fetched:" << result.error().message.c_str();
            return;
        }
        m_board = *result;
        m_model.setPriorityClasses(m_board.priorityClasses);
        Q_EMIT boardChanged();
    });
}

void ClerkSession::tick() {
    m_model.setNow(hallNowMs());
}

} // namespace clerk
