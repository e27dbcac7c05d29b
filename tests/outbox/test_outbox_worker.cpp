// The outbox worker against in-process gateways: a gateway that refuses, one that never answers (the
// concurrency limit, and a stop that cancels sends in flight), and a number the client refuses.

#include "outbox/outbox_store.h"
#include "outbox/outbox_worker.h"
#include "store/database.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace hall;
using namespace hall::outbox;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr std::int64_t kT0 = 1'796'000'000'000;
const std::string kText = "【阳光大厦】请 A023 号到 2 楼 2-07 号窗口办理。";

bool runUntil(asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds limit = 10s) {
    io.restart();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        io.run_one_for(20ms);
    }
    return true;
}

/// A gateway on 127.0.0.1 that reads each request's head, then either answers `answer` (a whole HTTP
/// response) or, when it is empty, holds the connection and says nothing.
class FakeGateway {
public:
    FakeGateway(asio::io_context& io, std::string answer) : m_state(std::make_shared<State>(io)) {
        m_state->answer = std::move(answer);
        const tcp::endpoint local(asio::ip::make_address("127.0.0.1"), 0);
        m_state->acceptor.open(local.protocol());
        m_state->acceptor.bind(local);
        m_state->acceptor.listen();
        asio::co_spawn(io, serve(m_state), asio::detached);
    }
    ~FakeGateway() {
        boost::system::error_code ignored;
        m_state->acceptor.close(ignored);
        for (auto& socket : m_state->held)
            socket->close(ignored);
    }
    std::uint16_t port() const { return m_state->acceptor.local_endpoint().port(); }
    int requests() const { return m_state->requests; }

private:
    struct State {
        explicit State(asio::io_context& io) : acceptor(io) {}
        tcp::acceptor acceptor;
        std::string answer;
        int requests = 0;
        std::vector<std::shared_ptr<tcp::socket>> held;
    };

    static asio::awaitable<void> serve(std::shared_ptr<State> state) {
        constexpr auto noThrow = asio::as_tuple(asio::use_awaitable);
        for (;;) {
            auto [error, socket] = co_await state->acceptor.async_accept(noThrow);
            if (error)
                co_return;
            auto held = std::make_shared<tcp::socket>(std::move(socket));
            asio::co_spawn(state->acceptor.get_executor(), session(state, held), asio::detached);
        }
    }

    static asio::awaitable<void> session(std::shared_ptr<State> state, std::shared_ptr<tcp::socket> socket) {
        constexpr auto noThrow = asio::as_tuple(asio::use_awaitable);
        std::string head;
        auto [readError, n] =
            co_await asio::async_read_until(*socket, asio::dynamic_buffer(head), "\r\n\r\n", noThrow);
        (void)n;
        if (readError)
            co_return;
        ++state->requests;
        if (state->answer.empty()) {
            state->held.push_back(socket);
            co_return;
        }
        auto [writeError, written] =
            co_await asio::async_write(*socket, asio::buffer(state->answer), noThrow);
        (void)writeError;
        (void)written;
        boost::system::error_code ignored;
        socket->shutdown(tcp::socket::shutdown_both, ignored);
    }

    std::shared_ptr<State> m_state;
};

} // namespace

class TestOutboxWorker : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_core;
    std::int64_t m_now = kT0;
    std::vector<std::string> m_errors;

    std::string databasePath() const { return m_dir->filePath(QStringLiteral("hall.db")).toStdString(); }

    OutboxConfig config(std::uint16_t port) const {
        OutboxConfig config;
        config.sms.enabled = true;
        config.sms.kannel.port = port;
        config.sms.kannel.username = "hall";
        config.sms.kannel.password = "secret";
        config.sms.kannel.connectTimeout = 2s;
        config.sms.kannel.responseTimeout = 20s; // longer than any test: only stop() ends a silent send
        config.concurrency = 2;
        return config;
    }

    std::shared_ptr<OutboxWorker> openWorker(asio::io_context& io, OutboxConfig config) {
        OutboxWorkerOptions o;
        o.config = std::move(config);
        o.clock = [this] {
            return m_now;
        };
        o.log = [this](OutboxWorker::LogLevel level, std::string_view line) {
            if (level == OutboxWorker::LogLevel::Error)
                m_errors.emplace_back(line);
        };
        auto worker = OutboxWorker::open(io, databasePath(), std::move(o));
        if (!worker.ok())
            qFatal("%s", worker.error().message.c_str());
        return std::move(worker).value();
    }

    void enqueue(const OutboxConfig& config, const std::string& subject,
                 const std::string& to = "13800138000") {
        OutboxStore store(*m_core, config);
        store::Transaction tx(*m_core);
        if (!store.enqueue(SmsEvent::TicketCalled, subject, to, kText, m_now).ok())
            qFatal("enqueue refused");
        tx.commit();
    }

    OutboxRow row(const std::string& subject) {
        return *OutboxStore(*m_core, OutboxConfig{}).find("ticket:" + subject + ":called");
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = store::Database::open(databasePath());
        QVERIFY(db.ok());
        m_core = std::move(db).value();
        m_errors.clear();
    }

    void cleanup() {
        m_core.reset();
        m_dir.reset();
    }

    void aRefusalFailsTheRowAtOnceAndLoudly() {
        asio::io_context io;
        FakeGateway gateway(io, "HTTP/1.1 403 Forbidden\r\nContent-Length: 32\r\nConnection: close\r\n\r\n"
                                "Authorization failed for sendsms");
        const OutboxConfig cfg = config(gateway.port());
        enqueue(cfg, "1");
        auto worker = openWorker(io, cfg);
        worker->start();
        worker->wake();
        QVERIFY(runUntil(io, [&] { return row("1").status == OutboxStatus::Failed; }));
        const OutboxRow failed = row("1");
        QCOMPARE(failed.attempts, 1);
        QCOMPARE(failed.httpStatus, 403u);
        QCOMPARE(failed.outcome, std::string("permanent-failure"));
        QCOMPARE(failed.gatewayText, std::string("Authorization failed for sendsms"));
        QCOMPARE(gateway.requests(), 1);
        QCOMPARE(m_errors.size(), std::size_t(1));
        QVERIFY(m_errors.front().find("failed for good") != std::string::npos);
        QVERIFY(m_errors.front().find("13800138000") == std::string::npos);
        worker->stop(0ms);
        QVERIFY(runUntil(io, [&] { return worker->finished(); }));
    }

    void aNumberTheClientRefusesIsFailedWithoutSending() {
        asio::io_context io;
        FakeGateway gateway(io,
                            "HTTP/1.1 202 Accepted\r\nContent-Length: 24\r\n\r\n0: Accepted for delivery");
        OutboxConfig cfg = config(gateway.port());
        enqueue(cfg, "2");
        // A row written under an older, looser check holds a number the client now refuses.
        store::Statement spoil(*m_core, "UPDATE sms_outbox SET receiver = '12345'");
        spoil.run();
        auto worker = openWorker(io, cfg);
        worker->start();
        worker->wake();
        QVERIFY(runUntil(io, [&] { return row("2").status == OutboxStatus::Failed; }));
        QCOMPARE(row("2").outcome, std::string("refused"));
        QVERIFY(row("2").gatewayText.starts_with("to:"));
        QCOMPARE(gateway.requests(), 0);
        worker->stop(0ms);
        QVERIFY(runUntil(io, [&] { return worker->finished(); }));
    }

    void concurrencyLimitsSendsAndStopCancelsThem() {
        asio::io_context io;
        FakeGateway silent(io, "");
        const OutboxConfig cfg = config(silent.port());
        for (const char* subject : {"3", "4", "5"})
            enqueue(cfg, subject);
        auto worker = openWorker(io, cfg);
        worker->start();
        worker->wake();
        QVERIFY(runUntil(io, [&] { return silent.requests() == 2; }));
        QCOMPARE(worker->stats().inFlight, 2u);
        const OutboxCounts during = OutboxStore(*m_core, cfg).counts();
        QCOMPARE(during.pending, std::int64_t(3));
        QCOMPARE(during.inFlight, std::int64_t(2));

        // Shutdown: nothing new is claimed, the two silent sends are cancelled and recorded for a retry.
        worker->stop(0ms);
        QVERIFY(runUntil(io, [&] { return worker->finished(); }));
        QCOMPARE(silent.requests(), 2);
        const OutboxCounts after = OutboxStore(*m_core, cfg).counts();
        QCOMPARE(after.pending, std::int64_t(3));
        QCOMPARE(after.inFlight, std::int64_t(0));
        int tried = 0;
        for (const char* subject : {"3", "4", "5"}) {
            const OutboxRow r = row(subject);
            if (r.attempts == 1) {
                ++tried;
                QCOMPARE(r.outcome, std::string("temporary-failure"));
                QVERIFY(r.nextAttemptAtMs > m_now);
            } else {
                QCOMPARE(r.attempts, 0);
            }
        }
        QCOMPARE(tried, 2);
        QCOMPARE(worker->stats().retries, std::uint64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestOutboxWorker)
#include "test_outbox_worker.moc"
