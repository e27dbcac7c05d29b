#pragma once

#include "protocol/access.h"
#include "protocol/events.h"
#include "protocol/messages.h"
#include "protocol/result.h"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace hall::sim {

using SteadyClock = std::chrono::steady_clock;

/// The reply type a successful request of type M gets (the role matrix's `reply` column, at compile time).
template <typename M> struct ReplyOf;
template <> struct ReplyOf<Hello> { using type = HelloOk; };
template <> struct ReplyOf<Ping> { using type = Pong; };
template <> struct ReplyOf<Login> { using type = LoginOk; };
template <> struct ReplyOf<Logout> { using type = LogoutOk; };
template <> struct ReplyOf<Subscribe> { using type = SubscribeOk; };
template <> struct ReplyOf<PostNotice> { using type = PostNoticeOk; };
template <> struct ReplyOf<ListNotices> { using type = NoticeList; };
template <> struct ReplyOf<GetServerStatus> { using type = ServerStatus; };
template <typename M> using ReplyType = typename ReplyOf<M>::type;

/// One frame as it came off the wire, with its body copied out of the read buffer.
struct ReceivedFrame {
    MessageType type = MessageType::ErrorReply;
    std::uint64_t requestId = 0;
    std::string body;
    SteadyClock::time_point arrivedAt;
};

/// A pushed event and when the client's read loop saw it.
struct ReceivedEvent {
    Event event;
    SteadyClock::time_point arrivedAt;
    std::chrono::system_clock::time_point arrivedAtWall;
};

struct ClientOptions {
    std::string clientName = "hall-sim";
    std::string clientVersion = "0.1";
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds requestTimeout{10000};
    /// Events kept for nextEvent() when no handler is set; older ones are dropped beyond this.
    std::size_t maxQueuedEvents = 10000;
};

/// A client TLS context for one device: trusts only the hall CA in `caFile` (pinned; the system's
/// CAs are not loaded), presents the device certificate and key, speaks TLS 1.2 or newer.
Result<std::shared_ptr<boost::asio::ssl::context>>
makeClientTlsContext(const std::string& caFile, const std::string& certFile, const std::string& keyFile);

/// An asynchronous hall client over one mutual-TLS connection, for tools that open many of them.
///
/// Threading: a Client lives on the executor given to create() (make it a strand when the io_context
/// runs on several threads). Every member function must be called from that executor, typically from a
/// coroutine co_spawned on it; the read loop and the writer run there too, so a Client needs no locks
/// and thousands of them share one io_context.
///
/// Requests are pipelined: any number may be in flight, each correlated by its request id. Reads and
/// other non-mutating requests get ids from a counter; mutating ones (the role matrix says which) get
/// random non-zero 64-bit ids, which the server uses to answer a retry with its first answer. Pass an
/// explicit id to retry. Frames are built with encodeMessage and parsed with decodeFrame/decodeMessage
/// from hall_protocol.
///
/// When the connection ends, every pending request is answered Disconnected, or with the error the
/// server sent on request id 0 just before closing (for example Forbidden for an unregistered device).
class Client : public std::enable_shared_from_this<Client> {
public:
    using EventHandler = std::function<void(const ReceivedEvent&)>;

    static std::shared_ptr<Client> create(boost::asio::any_io_executor executor,
                                          std::shared_ptr<boost::asio::ssl::context> tls,
                                          ClientOptions options = {});
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// TCP connect and TLS handshake; the server certificate must chain to the pinned CA and name `host`
    /// (127.0.0.1 or localhost for a local hall). Starts the read loop.
    boost::asio::awaitable<Status> connect(std::string host, std::uint16_t port);

    /// Hello with this build's protocol version; remembers the answer (helloOk()).
    boost::asio::awaitable<Result<HelloOk>> hello();
    boost::asio::awaitable<Result<LoginOk>> login(std::string username, std::string password);
    /// Subscribes to `topics`; the replayed and live events then go to the handler or the event queue.
    boost::asio::awaitable<Result<SubscribeOk>> subscribe(std::vector<std::string> topics,
                                                          std::uint64_t afterSeq = 0);
    boost::asio::awaitable<Result<Pong>> ping();

    /// Sends `message` and waits for its answer: the typed reply, or the ErrorReply as an Error, or
    /// Timeout / Disconnected. `requestId` 0 picks one (see the class comment).
    template <typename M>
    boost::asio::awaitable<Result<ReplyType<M>>> request(const M& message, std::uint64_t requestId = 0) {
        if (requestId == 0)
            requestId = newRequestId(isMutating(M::kType));
        // A named frame: GCC 12 may destroy a temporary argument of a co_await expression twice.
        std::string encoded = encodeMessage(message, requestId);
        auto frame = co_await callFrame(std::move(encoded), requestId);
        if (!frame)
            co_return frame.error();
        co_return decodeReply<ReplyType<M>>(*frame);
    }

    /// The raw exchange under request(): writes `frame` (already encoded with `requestId`) and waits for
    /// the frame that carries the same request id back, whatever its type.
    boost::asio::awaitable<Result<ReceivedFrame>> callFrame(std::string frame, std::uint64_t requestId);

    /// The next event when no handler is set; Timeout when none comes within `timeout`.
    boost::asio::awaitable<Result<ReceivedEvent>> nextEvent(std::chrono::milliseconds timeout);
    /// For requests sent from now on (a slow login phase may want longer than the steady state).
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_options.requestTimeout = timeout; }
    /// Events go to `handler` (on the client's executor) instead of the queue from now on.
    void setEventHandler(EventHandler handler) { m_eventHandler = std::move(handler); }

    /// A fresh request id: random for mutating requests, counted otherwise; never 0, never in flight.
    std::uint64_t newRequestId(bool mutating);
    static bool isMutating(MessageType type);

    /// Sends TLS close_notify (waiting at most a second for the peer), then closes the socket.
    boost::asio::awaitable<void> shutdown();
    /// Closes the socket at once.
    void close();

    bool isOpen() const { return m_open; }
    std::size_t inFlight() const { return m_pending.size(); }
    const std::optional<HelloOk>& helloOk() const { return m_helloOk; }
    /// "TLSv1.3" and the like, once connected.
    std::string tlsVersion();
    const boost::asio::any_io_executor& executor() const { return m_executor; }

    /// Decodes a reply frame as R, turning an ErrorReply into its Error.
    template <typename R> static Result<R> decodeReply(const ReceivedFrame& frame) {
        if (frame.type == MessageType::ErrorReply) {
            auto error = ErrorReply::decode(frame.body);
            if (!error)
                return error.error();
            return Error{error->code, error->message};
        }
        return decodeMessage<R>(FrameView{frame.type, frame.requestId, frame.body});
    }

private:
    struct Pending {
        explicit Pending(const boost::asio::any_io_executor& executor) : timer(executor) {}
        boost::asio::steady_timer timer;
        std::optional<Result<ReceivedFrame>> answer;
    };

    Client(boost::asio::any_io_executor executor, std::shared_ptr<boost::asio::ssl::context> tls,
           ClientOptions options);

    boost::asio::awaitable<void> readLoop();
    boost::asio::awaitable<void> writeLoop();
    void onFrame(ReceivedFrame frame);
    void onEvent(const ReceivedFrame& frame);
    void fail(const Error& error);
    void send(std::string frame);

    boost::asio::any_io_executor m_executor;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    ClientOptions m_options;
    boost::asio::ssl::stream<boost::asio::ip::tcp::socket> m_stream;

    bool m_open = false;
    bool m_writing = false;
    std::string m_outbox;
    std::unordered_map<std::uint64_t, std::shared_ptr<Pending>> m_pending;
    std::uint64_t m_nextReadId = 1;
    std::mt19937_64 m_random;
    std::optional<Error> m_closeError; // what the server said on request id 0 before it closed

    EventHandler m_eventHandler;
    std::deque<ReceivedEvent> m_events;
    boost::asio::steady_timer m_eventWake;
    std::optional<HelloOk> m_helloOk;
};

} // namespace hall::sim
