// The outbox worker against a real Kannel (bearerbox + smsbox) and Kannel's fake SMSC. Label "kannel".
//
// "Exactly once" is checked without waiting an arbitrary time: once the rows under test are recorded as
// sent, a marker row is sent; the fake SMSC receives over one connection in order, so a duplicate of an
// earlier message would have arrived before the marker.

#include "kannel/kannel_fixture.h"

#include "outbox/outbox_store.h"
#include "outbox/outbox_worker.h"
#include "present/sms_text.h"
#include "store/database.h"

#include <boost/asio/io_context.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <functional>

using namespace hall;
using namespace hall::outbox;
using namespace hall::test;
using namespace std::chrono_literals;
namespace asio = boost::asio;

namespace {

constexpr std::int64_t kT0 = 1'796'000'000'000;
constexpr auto kLimit = 10s;
const std::string kMarkerText = "marker";

std::size_t countWithText(const std::vector<FakeSmscMessage>& messages, const std::string& text) {
    return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(),
                                                  [&](const FakeSmscMessage& m) { return m.text == text; }));
}

/// Runs `io` until `done()` holds; false when `limit` passed first.
bool runUntil(asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds limit = kLimit) {
    io.restart();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        io.run_one_for(20ms);
    }
    return true;
}

struct Texts {
    std::string issued;
    std::string ahead;
    std::string called;
};

Texts ticketTexts(std::uint32_t serial) {
    const auto signature = present::SmsSignature::make("阳光大厦", "Sunshine Hall");
    const auto ticket = present::TicketNumber::make("A", serial);
    const auto window = present::WindowId::make(2, 7);
    return Texts{present::ticketIssuedSms(*signature, *ticket, 12, 15min, present::Language::Chinese),
                 present::turnNearSms(*signature, *ticket, 3, present::Language::Chinese),
                 present::ticketCalledSms(*signature, *ticket, *window, present::Language::Chinese)};
}

} // namespace

class TestOutboxKannel : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<KannelFixture> m_kannel;
    std::unique_ptr<store::Database> m_core; ///< the hall core's connection, where rows are enqueued
    std::atomic<std::int64_t> m_now{kT0};
    std::vector<std::string> m_log;

    std::string databasePath() const { return m_dir->filePath(QStringLiteral("hall.db")).toStdString(); }

    OutboxConfig config() const {
        OutboxConfig config;
        config.sms.enabled = true;
        config.sms.kannel.port = m_kannel->ports().sendsms;
        config.sms.kannel.username = KannelFixture::kUsername;
        config.sms.kannel.password = KannelFixture::kPassword;
        config.sms.kannel.smscId = KannelFixture::kSmscId;
        config.sms.kannel.connectTimeout = 2s;
        config.sms.kannel.responseTimeout = 5s;
        config.sms.retry.jitter = 0.0;
        return config;
    }

    OutboxWorkerOptions options(OutboxConfig config) {
        OutboxWorkerOptions o;
        o.config = std::move(config);
        o.clock = [this] {
            return m_now.load();
        };
        o.log = [this](OutboxWorker::LogLevel, std::string_view line) {
            m_log.emplace_back(line);
        };
        return o;
    }

    std::shared_ptr<OutboxWorker> openWorker(asio::io_context& io, OutboxWorkerOptions o) {
        auto worker = OutboxWorker::open(io, databasePath(), std::move(o));
        if (!worker.ok())
            qFatal("%s", worker.error().message.c_str());
        return std::move(worker).value();
    }

    Enqueued enqueue(const OutboxConfig& config, SmsEvent event, const std::string& subject,
                     const std::string& text, const std::string& to = "13800138000") {
        OutboxStore store(*m_core, config);
        store::Transaction tx(*m_core);
        const Result<Enqueued> result = store.enqueue(event, subject, to, text, m_now.load());
        if (!result.ok())
            qFatal("%s", result.error().message.c_str());
        tx.commit();
        return *result;
    }

    OutboxRow row(const std::string& key) {
        OutboxStore store(*m_core, config());
        const auto found = store.find(key);
        if (!found)
            qFatal("no row %s", key.c_str());
        return *found;
    }

    bool allSent(std::initializer_list<std::string> keys) {
        return std::all_of(keys.begin(), keys.end(),
                           [&](const std::string& key) { return row(key).status == OutboxStatus::Sent; });
    }

    // Sends the marker through `worker` and waits until the fake SMSC has `expectedTotal` messages.
    bool sendMarkerAndWait(asio::io_context& io, OutboxWorker& worker, const std::string& subject,
                           std::size_t expectedTotal) {
        enqueue(config(), SmsEvent::TicketIssued, subject, kMarkerText, "13900139000");
        worker.wake();
        return runUntil(io, [&] {
            return m_kannel->receivedMessages().size() >= expectedTotal &&
                   allSent({"ticket:" + subject + ":issued"});
        });
    }

    static bool stopAndWait(asio::io_context& io, OutboxWorker& worker) {
        worker.stop(0ms);
        return runUntil(io, [&] { return worker.finished(); });
    }

private Q_SLOTS:
    void initTestCase() {
        if (!KannelFixture::available())
            QSKIP("Kannel (bearerbox, smsbox, fakesmsc) is not installed");
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_kannel = std::make_unique<KannelFixture>(m_dir->path().toStdString());
        const Status started = m_kannel->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        auto db = store::Database::open(databasePath());
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
        m_core = std::move(db).value();
        m_now = kT0;
        m_log.clear();
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            if (m_kannel)
                qWarning("%s", m_kannel->diagnostics().c_str());
            for (const std::string& line : m_log)
                qWarning("%s", line.c_str());
        }
        m_core.reset();
        m_kannel.reset();
        m_dir.reset();
    }

    void eachEventArrivesExactlyOnceWithItsText() {
        const Texts texts = ticketTexts(23);
        const OutboxConfig cfg = config();
        QCOMPARE(enqueue(cfg, SmsEvent::TicketIssued, "23", texts.issued), Enqueued::Pending);
        QCOMPARE(enqueue(cfg, SmsEvent::TicketAhead, "23", texts.ahead), Enqueued::Pending);
        QCOMPARE(enqueue(cfg, SmsEvent::TicketCalled, "23", texts.called), Enqueued::Pending);
        // The core retrying a command enqueues again: nothing changes.
        QCOMPARE(enqueue(cfg, SmsEvent::TicketCalled, "23", texts.called), Enqueued::Duplicate);

        asio::io_context io;
        auto worker = openWorker(io, options(cfg));
        worker->start();
        worker->wake();
        QVERIFY(runUntil(io, [&] {
            return allSent({"ticket:23:issued", "ticket:23:ahead", "ticket:23:called"});
        }));
        const OutboxRow called = row("ticket:23:called");
        QCOMPARE(called.attempts, 1);
        QCOMPARE(called.outcome, std::string("accepted"));
        QCOMPARE(called.httpStatus, 202u);
        QCOMPARE(called.gatewayText, std::string("0: Accepted for delivery"));
        QCOMPARE(called.sentAtMs, kT0);

        QVERIFY(sendMarkerAndWait(io, *worker, "marker", 4));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(countWithText(all, texts.issued), std::size_t(1));
        QCOMPARE(countWithText(all, texts.ahead), std::size_t(1));
        QCOMPARE(countWithText(all, texts.called), std::size_t(1));
        QCOMPARE(all.back().text, kMarkerText);
        for (const FakeSmscMessage& m : all)
            QCOMPARE(m.from, std::string(KannelFixture::kSender));
        QCOMPARE(worker->stats().sent, std::uint64_t(4));
        QVERIFY(stopAndWait(io, *worker));
    }

    void gatewayDownThenTheRetryArrivesOnce() {
        m_kannel->stop(KannelFixture::StopMode::Fast);
        const Texts texts = ticketTexts(24);
        const OutboxConfig cfg = config();
        enqueue(cfg, SmsEvent::TicketCalled, "24", texts.called);

        asio::io_context io;
        auto worker = openWorker(io, options(cfg));
        worker->start();
        worker->wake();
        QVERIFY(runUntil(io, [&] { return worker->stats().retries == 1 && worker->stats().inFlight == 0; }));
        OutboxRow waiting = row("ticket:24:called");
        QCOMPARE(waiting.status, OutboxStatus::Pending);
        QCOMPARE(waiting.attempts, 1);
        QCOMPARE(waiting.outcome, std::string("temporary-failure"));
        QVERIFY(waiting.gatewayText.starts_with("connection refused"));
        QCOMPARE(waiting.nextAttemptAtMs, kT0 + cfg.sms.retry.initialDelay.count());

        // Kannel comes back on the same ports; the hall clock reaches the retry time.
        const Status restarted = m_kannel->start();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : restarted.error().message.c_str());
        m_now += cfg.sms.retry.initialDelay.count();
        worker->wake();
        QVERIFY(runUntil(io, [&] { return allSent({"ticket:24:called"}); }));
        QCOMPARE(row("ticket:24:called").attempts, 2);

        QVERIFY(sendMarkerAndWait(io, *worker, "marker", 2));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(countWithText(all, texts.called), std::size_t(1));
        QCOMPARE(all.front().text, texts.called);
        QVERIFY(stopAndWait(io, *worker));
    }

    void aWorkerDyingAfterClaimingIsFollowedByOneSend() {
        const Texts texts = ticketTexts(25);
        const OutboxConfig cfg = config();
        enqueue(cfg, SmsEvent::TicketIssued, "25", texts.issued);
        enqueue(cfg, SmsEvent::TicketCalled, "25", texts.called);

        {
            // The first worker counts its attempts, then the process "dies" before anything is sent.
            asio::io_context io;
            OutboxWorkerOptions o = options(cfg);
            bool claimed = false;
            o.afterClaim = [&](const std::vector<OutboxRow>& rows) {
                claimed = rows.size() == 2;
                io.stop();
            };
            auto worker = openWorker(io, std::move(o));
            worker->start();
            worker->wake();
            io.run_for(kLimit);
            QVERIFY(claimed);
            worker.reset(); // the io_context's destruction frees the coroutines mid-way, as a crash would
        }
        QCOMPARE(row("ticket:25:issued").attempts, 1);
        QVERIFY(row("ticket:25:called").claimedAtMs != 0);
        QVERIFY(m_kannel->receivedMessages().empty());

        asio::io_context io;
        m_now += 1000;
        auto worker = openWorker(io, options(cfg));
        worker->start();
        QVERIFY(runUntil(io, [&] { return allSent({"ticket:25:issued", "ticket:25:called"}); }));
        QCOMPARE(row("ticket:25:issued").attempts, 2);
        QCOMPARE(row("ticket:25:called").attempts, 2);
        QVERIFY(std::any_of(m_log.begin(), m_log.end(), [](const std::string& line) {
            return line.starts_with("2 outbox rows were in flight");
        }));

        QVERIFY(sendMarkerAndWait(io, *worker, "marker", 3));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(countWithText(all, texts.issued), std::size_t(1));
        QCOMPARE(countWithText(all, texts.called), std::size_t(1));
        QVERIFY(stopAndWait(io, *worker));
    }

    void disabledSendsNothingAndKeepsRowsSkipped() {
        const Texts texts = ticketTexts(26);
        OutboxConfig off = config();
        off.sms.enabled = false;
        QCOMPARE(enqueue(off, SmsEvent::TicketIssued, "26", texts.issued), Enqueued::Skipped);
        {
            asio::io_context io;
            auto worker = openWorker(io, options(off));
            worker->start();
            worker->wake();
            QVERIFY(stopAndWait(io, *worker));
            QCOMPARE(worker->stats().attempts, std::uint64_t(0));
        }
        QCOMPARE(row("ticket:26:issued").status, OutboxStatus::Skipped);

        // Enabling SMS later does not send what was skipped: only the marker arrives.
        asio::io_context io;
        auto worker = openWorker(io, options(config()));
        worker->start();
        QVERIFY(sendMarkerAndWait(io, *worker, "marker", 1));
        QVERIFY(allSent({"ticket:marker:issued"}));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(all.front().text, kMarkerText);
        QCOMPARE(row("ticket:26:issued").status, OutboxStatus::Skipped);
        QCOMPARE(row("ticket:26:issued").attempts, 0);
        QVERIFY(stopAndWait(io, *worker));
    }
};

QTEST_GUILESS_MAIN(TestOutboxKannel)
#include "test_outbox_kannel.moc"
