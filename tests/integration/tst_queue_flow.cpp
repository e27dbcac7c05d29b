// The queue over real TLS against the real hall-server: parallel kiosks, windows calling at once, a kill -9
// after acknowledged tickets, and a catalog imported while the server runs.
#include "catalog/catalog_json.h"
#include "protocol/catalog_messages.h"
#include "protocol/events.h"
#include "protocol/queue_messages.h"
#include "server_process.h"
#include "small_hall.h"
#include "tls_test_client.h"

#include <QDateTime>
#include <QDir>
#include <QTest>

#include <atomic>
#include <set>
#include <thread>

using namespace hall;
using namespace hall::test;

namespace {
const QString kPassword = QStringLiteral("window-clerk-2026!");
constexpr int kParallelKiosks = 50;

template <typename M> Result<M> replyAs(const Result<ReceivedFrame>& frame) {
    if (!frame)
        return frame.error();
    if (const auto code = frame->errorCode())
        return Error{*code, "the server answered with an error"};
    return frame->as<M>();
}
} // namespace

class TestQueueFlow : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    DeviceFiles m_kiosk;
    DeviceFiles m_window1;
    DeviceFiles m_window2;
    DeviceFiles m_window3;
    std::atomic<std::uint64_t> m_nextId{1};

    std::uint64_t nextId() { return m_nextId++; }

    QString writeCatalog(const catalog::CatalogData& data, const QString& name) {
        const QString path = QDir(m_server->dataDir()).filePath(name);
        const Status saved = catalog::saveCatalogFile(data, path.toStdString());
        return saved ? path : QString();
    }

    Status clerkOpens(TlsTestClient& client, const DeviceFiles& device, const std::string& username) {
        if (auto hello = client.connectAndHello(m_server->port(), device); !hello)
            return hello.error();
        if (auto login = replyAs<LoginOk>(client.request(Login{username, kPassword.toStdString()}, nextId()));
            !login)
            return login.error();
        if (auto open = replyAs<WindowOk>(client.request(SetWindowState{WindowState::Open, {}}, nextId()));
            !open)
            return open.error();
        return success();
    }

    Result<IssueTicketOk> issue(const std::string& prefix) {
        TlsTestClient kiosk;
        if (auto hello = kiosk.connectAndHello(m_server->port(), m_kiosk); !hello)
            return hello.error();
        return replyAs<IssueTicketOk>(kiosk.request(IssueTicket{prefix, {}, 0, {}, {}}, nextId()));
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        auto kiosk = m_server->addDevice(QStringLiteral("kiosk"), QStringLiteral("K-1F-01"), {}, 1);
        auto w1 = m_server->addDevice(QStringLiteral("clerk-pc"), QStringLiteral("PC-1-01"),
                                      QStringLiteral("1-01"));
        auto w2 = m_server->addDevice(QStringLiteral("clerk-pc"), QStringLiteral("PC-1-02"),
                                      QStringLiteral("1-02"));
        auto w3 = m_server->addDevice(QStringLiteral("clerk-pc"), QStringLiteral("PC-1-03"),
                                      QStringLiteral("1-03"));
        QVERIFY2(kiosk && w1 && w2 && w3, qPrintable(m_server->lastError()));
        m_kiosk = *kiosk;
        m_window1 = *w1;
        m_window2 = *w2;
        m_window3 = *w3;
        for (const char* name : {"li.na", "zhao.lei", "sun.li"})
            QVERIFY(m_server
                        ->addAccount(QString::fromLatin1(name), QStringLiteral("窗口人员"),
                                     QStringLiteral("clerk"), kPassword)
                        .ok());
        const QString file = writeCatalog(smallHall(), QStringLiteral("small-hall.json"));
        QVERIFY(!file.isEmpty());
        QVERIFY2(m_server->importCatalog(file).ok(), qPrintable(m_server->lastError()));
        // The service day resets twelve hours from now and has no separate close, so the day the test runs
        // in stays open whatever the time.
        const QTime resetAt = QDateTime::currentDateTimeUtc().addSecs(8 * 3600 + 12 * 3600).time();
        const QString reset = resetAt.toString(QStringLiteral("HH:mm"));
        QVERIFY(
            m_server->writeConfig(QStringLiteral("queue.reset_time = %1\nqueue.close_time = %1\n").arg(reset))
                .ok());
        const Status started = m_server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
    }

    void fiftyParallelKiosksGetDistinctGapFreeNumbers() {
        std::vector<std::string> numbers(kParallelKiosks);
        std::vector<std::string> failures(kParallelKiosks);
        std::vector<std::thread> threads;
        for (int i = 0; i < kParallelKiosks; ++i)
            threads.emplace_back([&, i] {
                auto ok = issue("A");
                if (ok)
                    numbers[i] = ok->ticket.number;
                else
                    failures[i] = ok.error().message;
            });
        for (auto& t : threads)
            t.join();
        std::set<std::string> distinct;
        for (int i = 0; i < kParallelKiosks; ++i) {
            QVERIFY2(failures[i].empty(), failures[i].c_str());
            distinct.insert(numbers[i]);
        }
        QCOMPARE(int(distinct.size()), kParallelKiosks);
        char expected[16];
        int serial = 1;
        for (const auto& number : distinct) {
            std::snprintf(expected, sizeof expected, "A%03d", serial++);
            QCOMPARE(number, std::string(expected));
        }
    }

    void twoWindowsCallingAtOnceGetDifferentTickets() {
        TlsTestClient one;
        TlsTestClient two;
        QVERIFY(clerkOpens(one, m_window1, "li.na").ok());
        QVERIFY(clerkOpens(two, m_window2, "zhao.lei").ok());
        Result<TicketOk> first = Error{ErrorCode::Internal, "not run"};
        Result<TicketOk> second = Error{ErrorCode::Internal, "not run"};
        std::thread a([&] { first = replyAs<TicketOk>(one.request(CallNext{}, nextId())); });
        std::thread b([&] { second = replyAs<TicketOk>(two.request(CallNext{}, nextId())); });
        a.join();
        b.join();
        QVERIFY(first && second);
        QVERIFY(first->ticket.ticketId != second->ticket.ticketId);
        QCOMPARE(first->ticket.window, std::string("1-01"));
        QCOMPARE(second->ticket.window, std::string("1-02"));
        // The same clerk cannot take a second ticket.
        const auto again = one.request(CallNext{}, nextId());
        QVERIFY(again);
        QCOMPARE(again->errorCode(), std::optional(ErrorCode::InvalidState));
        // A second PC of the same person cannot open another window.
        TlsTestClient elsewhere;
        const Status opened = clerkOpens(elsewhere, m_window3, "li.na");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Conflict);
    }

    void killNineKeepsAcknowledgedTicketsAndNumbering() {
        for (int i = 1; i <= 3; ++i) {
            auto ok = issue("B");
            QVERIFY(ok);
            QCOMPARE(ok->ticket.number, "B00" + std::to_string(i));
        }
        m_server->kill();
        const Status restarted = m_server->start();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : restarted.error().message.c_str());
        auto next = issue("B");
        QVERIFY(next);
        QCOMPARE(next->ticket.number, std::string("B004"));
        QCOMPARE(next->peopleAhead, std::uint32_t(3));
        TlsTestClient clerk;
        QVERIFY(clerkOpens(clerk, m_window3, "sun.li").ok());
        const auto queue = replyAs<WindowQueue>(clerk.request(GetWindowQueue{}, nextId()));
        QVERIFY(queue);
        QCOMPARE(queue->waiting.size(), std::size_t(4));
        QCOMPARE(queue->waiting.front().number, std::string("B001"));
    }

    void aCatalogImportedWhileRunningReachesLiveSubscribers() {
        TlsTestClient display;
        QVERIFY(display.connectAndHello(m_server->port(), m_kiosk).ok());
        const auto info = replyAs<CatalogInfo>(display.request(GetCatalogInfo{}, nextId()));
        QVERIFY(info);
        const auto subscribed = replyAs<SubscribeOk>(display.request(Subscribe{{"hall"}, 0}, nextId()));
        QVERIFY(subscribed);
        display.takeEvents();
        auto data = smallHall("Renamed Hall");
        data.queues.push_back(catalog::Queue{"D", "新队列", 2, {"2-01"}});
        QVERIFY(m_server->importCatalog(writeCatalog(data, QStringLiteral("v2.json"))).ok());
        // The server looks for other writers every 2 s.
        std::optional<Event> imported;
        for (int i = 0; i < 3 && !imported; ++i) {
            auto frame = display.readFrame();
            if (frame && frame->type == MessageType::Event)
                if (auto event = frame->as<Event>();
                    event && event->kind == std::uint16_t(EventKind::CatalogImported))
                    imported = *event;
        }
        QVERIFY(imported);
        const auto now = replyAs<CatalogInfo>(display.request(GetCatalogInfo{}, nextId()));
        QCOMPARE(now->version, info->version + 1);
        QCOMPARE(issue("D")->ticket.number, std::string("D001"));
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQueueFlow)
#include "tst_queue_flow.moc"
