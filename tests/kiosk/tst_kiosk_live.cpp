// The kiosk against a real hall-server: the catalog imported with hallctl is fetched into the kiosk's
// SQLite copy and a number is taken from the real queue (its slip printed to PDF); with the server
// stopped, a new start still answers from that copy.
#include "catalog/catalog_json.h"
#include "catalog_store.h"
#include "catalog_sync.h"
#include "guide_document.h"
#include "item_list_model.h"
#include "kiosk_backend.h"
#include "present/ticket_number.h"
#include "qtclient/hall_connection.h"
#include "server_process.h"
#include "ticket_flow.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace kiosk;

class TestKioskLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fetchThenAnswerOffline();
};

void TestKioskLive::fetchThenAnswerOffline() {
    hall::test::ServerProcess server;
    QVERIFY2(server.isValid(), qPrintable(server.lastError()));
    const auto imported = hall::test::runTool(
        hall::test::hallctlPath(),
        {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("--data-dir"), server.dataDir(),
         QStringLiteral("--file"), QStringLiteral(HALL_SOURCE_DIR "/resources/halls/puyang.json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
    auto device = server.addDevice(QStringLiteral("kiosk"), QStringLiteral("K-1F-01"), {}, 1);
    QVERIFY2(device, device ? "" : device.error().message.c_str());
    // The service day runs from an hour ago to ten hours from now, whatever the time the test runs.
    const int nowMinutes = int((QDateTime::currentSecsSinceEpoch() / 60 + 8 * 60) % 1440);
    const auto clock = [](int minutes) {
        minutes = ((minutes % 1440) + 1440) % 1440;
        return QStringLiteral("%1:%2")
            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    };
    QVERIFY(server.writeConfig(QStringLiteral("queue.reset_time = %1\nqueue.close_time = %2\n")
                                   .arg(clock(nowMinutes - 60), clock(nowMinutes + 600))));
    QVERIFY2(server.start(), qPrintable(server.lastError()));

    hall::qt::ConnectionSettings settings;
    settings.port = server.port();
    settings.caFile = QString::fromStdString(device->ca);
    settings.certFile = QString::fromStdString(device->certificate);
    settings.keyFile = QString::fromStdString(device->key);
    settings.clientName = QStringLiteral("tst-kiosk");
    settings.clientVersion = QStringLiteral("0.1");
    settings.requestTimeoutMs = 10000;

    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("kiosk.sqlite"));
    {
        auto store = CatalogStore::open(copy);
        QVERIFY(store);
        hall::qt::HallConnection connection(settings);
        ConnectionBackend backend(&connection);
        QVERIFY(connection.start());
        std::optional<hall::ErrorCode> probe;
        bool answered = false;
        backend.fetchCatalogInfo([&](const hall::Result<hall::CatalogInfo>& info) {
            answered = true;
            if (!info)
                probe = info.error().code;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        if (probe == hall::ErrorCode::UnknownMessage)
            QSKIP("this hall-server does not serve the catalog yet (GetCatalogInfo is unknown to it)");
        CatalogSync sync(&backend, &*store);
        QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
        sync.start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(sync.current(), qPrintable(sync.lastError()));
        QVERIFY(sync.current()->version >= 1);
        auto saved = store->load();
        QVERIFY(saved && saved->has_value());
        QCOMPARE((*saved)->version, sync.current()->version);

        // A number from the real queue, and its slip.
        TicketFlow flow(&backend);
        flow.setQueue(QStringLiteral("A"), QStringLiteral("社会保险"));
        QVERIFY(flow.setMobile(QStringLiteral("13800138000")));
        QSignalSpy issued(&flow, &TicketFlow::issued);
        QSignalSpy failed(&flow, &TicketFlow::failed);
        QVERIFY(flow.issue());
        QVERIFY(!flow.issue()); // a second press while the first is on its way sends nothing
        QTRY_VERIFY_WITH_TIMEOUT(issued.count() + failed.count() == 1, 20000);
        QVERIFY2(issued.count() == 1, qPrintable(flow.lastError()));
        const std::string number = flow.ticket()->ticket.number;
        QVERIFY(hall::present::parseTicketNumber(number));
        QCOMPARE(flow.ticket()->ticket.queuePrefix, std::string("A"));
        QVERIFY(!flow.ticket()->windows.empty());
        const QString qr = QStringLiteral("qr://ticket");
        auto document = makeDocument(TicketSlip::html(*flow.ticket(), flow.queueName(), flow.issuedAt(), qr),
                                     qr, makeQrCode(TicketSlip::qrText(*flow.ticket(), flow.issuedAt())), 9);
        const QString pdf = dir.filePath(QStringLiteral("slip.pdf"));
        QVERIFY(printToPdf(*document, pdf, true));
        const auto text = hall::test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QByteArray::fromStdString(number)), text.out.constData());
        QVERIFY(!text.out.contains("8000"));

        // A new version imported while the kiosk runs: the CatalogImported event brings it over.
        auto parsed = hall::catalog::loadCatalogFile(HALL_SOURCE_DIR "/resources/halls/puyang.json");
        QVERIFY(parsed);
        auto data = parsed->data();
        data.hall.name += "（新版）";
        const QString newFile = dir.filePath(QStringLiteral("puyang-v2.json"));
        QVERIFY(hall::catalog::saveCatalogFile(data, newFile.toStdString()));
        const quint32 before = sync.current()->version;
        QSignalSpy changed(&sync, &CatalogSync::catalogChanged);
        const auto second = hall::test::runTool(hall::test::hallctlPath(),
                                                {QStringLiteral("catalog"), QStringLiteral("import"),
                                                 QStringLiteral("--data-dir"), server.dataDir(),
                                                 QStringLiteral("--file"), newFile});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 30000);
        QVERIFY(sync.current()->version > before);
        QCOMPARE(sync.current()->catalog.hall().name, data.hall.name);
        connection.stop();
    }

    // The server goes away for good.
    QVERIFY(server.terminate() >= -1);
    QVERIFY(!server.isRunning());

    auto store = CatalogStore::open(copy);
    QVERIFY(store);
    hall::qt::HallConnection connection(settings);
    ConnectionBackend backend(&connection);
    CatalogSync sync(&backend, &*store);
    sync.start();
    QVERIFY(connection.start());
    QVERIFY(sync.current());
    QVERIFY(!backend.isOnline());
    SearchModel search;
    search.setCatalog(sync.current());
    search.setQuery(QStringLiteral("yyzz"));
    QVERIFY(search.rowCount() > 0);
}

QTEST_MAIN(TestKioskLive)
#include "tst_kiosk_live.moc"
