#pragma once

#include "protocol/access.h"
#include "protocol/messages.h"
#include "protocol/result.h"
#include "qtclient/connection_settings.h"
#include "qtclient/frame_buffer.h"
#include "qtclient/pending_reply.h"
#include "qtclient/reconnect_backoff.h"
#include "qtclient/request_tracker.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

#include <cassert>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

class QSslSocket;

namespace hall::qt {

namespace detail {
template <typename T> struct ResultValue;
template <typename T> struct ResultValue<Result<T>> { using type = T; };
/// The R of a callback taking `Result<R>` (by value or const reference).
template <typename F> struct CallbackReply : CallbackReply<decltype(&F::operator())> {};
template <typename C, typename Ret, typename Arg> struct CallbackReply<Ret (C::*)(Arg) const> {
    using type = typename ResultValue<std::remove_cvref_t<Arg>>::type;
};
template <typename C, typename Ret, typename Arg> struct CallbackReply<Ret (C::*)(Arg)> {
    using type = typename ResultValue<std::remove_cvref_t<Arg>>::type;
};
} // namespace detail

/// The one connection from a Qt program to the hall server: mutual TLS with the hall CA pinned, the
/// Hello handshake, an optional person logged in on top of the device, typed requests with replies,
/// event subscriptions, keep-alive pings, and automatic reconnects that resume where they left off.
///
/// Lifecycle: Disconnected -> Connecting (TCP) -> Encrypting (TLS) -> Greeting (Hello, then the
/// remembered Login) -> Ready. When the connection breaks it goes back to Disconnected and tries again
/// after an exponential back-off with jitter, until stop().
///
/// Across a reconnect nothing the program asked for is lost: requests still waiting are resent with
/// their original request id (the server answers a retry with its first answer and changes nothing) until
/// their own timeout; the person is logged in again; the subscription is renewed from lastSeenSeq(), so
/// every missed event arrives once, in journal order, and none twice.
///
/// Thread contract: lives in and is used from one thread with a running event loop (usually the GUI
/// thread). Signals are emitted from the event loop, except those stop() emits while it runs.
class HallConnection : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Encrypting, Greeting, Ready };
    Q_ENUM(State)

    explicit HallConnection(ConnectionSettings settings, QObject* parent = nullptr);
    ~HallConnection() override;

    const ConnectionSettings& settings() const { return m_settings; }
    State state() const { return m_state; }
    /// Between start() and stop(), whatever the state of the current attempt.
    bool isRunning() const { return m_running; }

    /// Validates the settings, loads the certificates and starts connecting. A configuration error
    /// (InvalidArgument naming the field or file) is returned and nothing starts. Idempotent.
    Status start();
    /// Closes the connection and stops reconnecting. Waiting requests finish with Disconnected, the
    /// person is forgotten (a later start() does not log back in); topics and lastSeenSeq() are kept.
    void stop();

    /// Sends `message` (any request type of the role matrix except Hello, Login, Logout and Subscribe,
    /// which have their own calls below) and returns its reply, which this connection owns. Requests made
    /// before Ready wait for it; a request made while stopped finishes with Disconnected.
    template <typename M> PendingReply* request(const M& message) {
        static_assert(M::kType != MessageType::Hello && M::kType != MessageType::Subscribe,
                      "the connection sends Hello and Subscribe itself; use subscribe()");
        static_assert(M::kType != MessageType::Login && M::kType != MessageType::Logout,
                      "use login() and logout(), which keep the person across reconnects");
        return enqueue(M::kType, encodeBody(message), {});
    }

    /// The same under a request id the program chose and kept, for a request an earlier run of the program
    /// made and never saw answered (a rating saved while offline, for instance): the server answers it
    /// with its first answer. An id a waiting request already uses finishes with InvalidArgument and
    /// sends nothing; a zero id takes a fresh one.
    template <typename M> PendingReply* requestWithId(const M& message, std::uint64_t requestId) {
        static_assert(M::kType != MessageType::Hello && M::kType != MessageType::Subscribe &&
                          M::kType != MessageType::Login && M::kType != MessageType::Logout,
                      "requestWithId is for ordinary requests");
        return enqueue(M::kType, encodeBody(message), {}, requestId);
    }

    /// The same with a callback, called exactly once with the typed answer unless `context` is destroyed
    /// first. The reply type is read from the callback's parameter:
    ///   connection.request(hall::ListNotices{2}, this, [this](const hall::Result<hall::NoticeList>& r)
    ///   {...});
    template <typename M, typename Callback>
    void request(const M& message, const QObject* context, Callback&& callback) {
        using Reply = typename detail::CallbackReply<std::decay_t<Callback>>::type;
        assert(accessRuleFor(M::kType) && accessRuleFor(M::kType)->reply == Reply::kType);
        PendingReply* reply = request(message);
        connect(reply, &PendingReply::finished, context,
                [reply, callback = std::forward<Callback>(callback)]() mutable {
                    callback(reply->template result<Reply>());
                });
    }

    /// Logs a person in on this device; the reply carries LoginOk. On success the credentials are kept
    /// in memory (never written anywhere) so the person is logged in again after a reconnect.
    PendingReply* login(const QString& username, const QString& password);
    /// Logs the person out and forgets the credentials; the reply carries LogoutOk. When the connection
    /// is down the person's server session is already gone, and the reply succeeds at once.
    PendingReply* logout();
    bool isLoggedIn() const { return m_person.has_value(); }
    /// The person logged in (kept while a reconnect logs them in again).
    const std::optional<LoginOk>& person() const { return m_person; }

    /// Subscribes to `topics` (events.h grammar), replacing any earlier set, and receives every event
    /// after lastSeenSeq() on them, then live ones. Sent now when Ready, otherwise on Ready; renewed
    /// after every reconnect. May be called before start().
    /// A topic that breaks the grammar gives InvalidArgument and changes nothing.
    Status subscribe(const QStringList& topics);
    /// The same, starting after `afterSeq` (for instance the state's sequence after a resync).
    Status subscribe(const QStringList& topics, quint64 afterSeq);
    QStringList topics() const;
    /// Whether the subscription is in force (false after resyncRequired() or subscribeFailed()).
    bool isSubscribed() const { return m_subscriptionActive; }
    /// The highest event sequence number delivered through eventReceived().
    quint64 lastSeenSeq() const { return m_lastSeenSeq; }

    /// The server's greeting on the latest connection: the device identity as the hall knows it, the
    /// journal head and the hall clock. Empty until the first Ready.
    const std::optional<HelloOk>& serverHello() const { return m_hello; }
    std::optional<DeviceIdentity> deviceIdentity() const;
    /// The hall clock minus the local clock, in ms, from the latest HelloOk or Pong.
    qint64 serverClockOffsetMs() const { return m_clockOffsetMs; }
    /// Why the latest attempt or connection failed.
    const std::optional<Error>& lastError() const { return m_lastError; }

Q_SIGNALS:
    void stateChanged(hall::qt::HallConnection::State state);
    void loggedInChanged(bool loggedIn);
    /// The server refused to log the person in again after a reconnect; they are logged out now.
    void loginLost(const hall::Error& error);
    /// An attempt failed or an established connection broke (TLS refused, timeout, protocol violation,
    /// Hello rejected). The connection retries by itself; this is for status displays and logs.
    void connectionError(const hall::Error& error);
    /// A journal event on a subscribed topic, each sequence number at most once, in journal order.
    void eventReceived(const hall::Event& event);
    /// The server confirmed the subscription after replaying `replayedCount` missed events.
    void subscribed(quint64 headSeq, quint32 replayedCount);
    /// Too many events were missed to replay them: fetch the state afresh, then subscribe() again with
    /// the sequence number that state is valid at. Until then no events arrive.
    void resyncRequired();
    /// The server refused the subscription for another reason (a topic not allowed, for example).
    void subscribeFailed(const hall::Error& error);

private:
    struct Credentials {
        std::string username;
        std::string password;
    };
    using Observer = std::function<void(const Result<Frame>&)>;

    PendingReply* newReply(MessageType type, std::uint64_t requestId = 0);
    PendingReply* enqueue(MessageType type, std::string body, Observer observer, std::uint64_t requestId = 0);
    /// Completes `reply` from the event loop, never inside the call that made it.
    void finishLater(PendingReply* reply, Result<Frame> outcome);
    void sendSession(MessageType type, std::string body, Observer onAnswer);
    void write(const std::string& frame);

    void connectNow();
    void onEncrypted();
    void onReadyRead();
    void handleFrame(Frame frame);
    void handleEvent(const Frame& frame);
    void onHelloAnswer(const Result<Frame>& answer);
    void sendRelogin();
    void enterReady();
    void sendSubscribe();
    void onSubscribeAnswer(const Result<Frame>& answer);
    void sendPing();
    void onUserLoginAnswer(const Result<Frame>& answer, const Credentials& credentials);
    void onUserLogoutAnswer(const Result<Frame>& answer);
    void onDeadline();
    void armDeadlineTimer();
    void dropConnection(Error error);
    void closeSocket(bool graceful);
    void setPerson(std::optional<LoginOk> person);
    void setState(State state);

    ConnectionSettings m_settings;
    QSslConfiguration m_tls;
    QSslSocket* m_socket = nullptr;
    FrameBuffer m_buffer;
    RequestTracker m_tracker;
    ReconnectBackoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    QTimer m_pingTimer;
    QTimer m_deadlineTimer;
    State m_state = State::Disconnected;
    bool m_running = false;
    /// Bumped whenever a connection ends, so answers meant for an old connection are recognised.
    quint64 m_generation = 0;

    std::optional<Credentials> m_credentials;
    std::optional<LoginOk> m_person;
    std::optional<HelloOk> m_hello;
    std::optional<Error> m_lastError;
    qint64 m_clockOffsetMs = 0;
    bool m_pingInFlight = false;
    std::uint64_t m_subscribeRequestId = 0;

    std::vector<std::string> m_topics;
    bool m_subscriptionActive = false;
    quint64 m_lastSeenSeq = 0;
};

} // namespace hall::qt

Q_DECLARE_METATYPE(hall::Event)
Q_DECLARE_METATYPE(hall::Error)
