// The kiosk without a server: models, the local catalog copy, the ticket flow, printing and screens.
#include "catalog/catalog_json.h"
#include "catalog_store.h"
#include "catalog_sync.h"
#include "fake_backend.h"
#include "guide_document.h"
#include "item_list_model.h"
#include "main_window.h"
#include "qtapp/application_setup.h"
#include "qtapp/language.h"
#include "screens.h"
#include "ticket_flow.h"
#include "touchui/status_banner.h"
#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace kiosk;
using kiosk::test::FakeBackend;

namespace {

QString pdfText(const QString& pdf) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    // NFKC: the CJK fonts map some ideographs to the same glyph as a Kangxi radical (老 and ⽼), and
    // the PDF's text layer may name the radical.
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

} // namespace

class TestKiosk : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchModelFindsPinyinInitials();
    void searchModelFollowsTyping();
    void itemListModelPassesTester();
    void syncFetchesChecksAndStores();
    void syncRefusesWrongDigest();
    void syncRefreshesOnCatalogImported();
    void offlineStartAnswersFromLocalCopy();
    void ticketFlowSendsOneRequestPerPress();
    void ticketButtonDoubleTapGivesOneTicket();
    void ticketTakingDisabledOffline();
    void mobileNumberCheckedAndMasked();
    void citizenCardCheckedAndMasked();
    void guidePdfContainsItemName();
    void slipPdfContainsNumberAndNoPersonalData();
    void guideMarksDefaults();
    void screenshots();

private:
    hall::Result<CatalogHandle> puyang(quint32 version = 1) const {
        return makeLoadedCatalog(m_json, version, sha256Hex(m_json));
    }
    std::string m_json;
    QTemporaryDir m_dir;
};

void TestKiosk::initTestCase() {
    qApp->setFont(hall::qt::applicationFont(20));
    hall::touch::Theme::touch().apply(*qApp);
    auto catalog = hall::catalog::loadCatalogFile(HALL_SOURCE_DIR "/resources/halls/puyang.json");
    QVERIFY2(catalog, catalog ? "" : catalog.error().message.c_str());
    // The server sends the canonical text; so does this fake.
    m_json = hall::catalog::serializeCatalog(catalog->data());
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("KIOSK_KEEP_FILES"));
}

void TestKiosk::searchModelFindsPinyinInitials() {
    auto catalog = puyang();
    QVERIFY(catalog);
    SearchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(*catalog);
    QCOMPARE(model.rowCount(), 0);
    model.setQuery(QStringLiteral("yyzz"));
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto* item =
            (*catalog)->catalog.item(model.index(row).data(ItemListModel::CodeRole).toString().toStdString());
        QVERIFY(item);
        bool mentions = item->name.find("营业执照") != std::string::npos;
        for (const auto& keyword : item->keywords)
            mentions = mentions || keyword.find("营业执照") != std::string::npos;
        QVERIFY2(mentions, item->name.c_str());
    }
    // The same items as typing the characters.
    const int byInitials = model.rowCount();
    model.setQuery(QStringLiteral("营业执照"));
    QCOMPARE(model.rowCount(), byInitials);
}

void TestKiosk::searchModelFollowsTyping() {
    auto catalog = puyang();
    QVERIFY(catalog);
    SearchScreen screen;
    QAbstractItemModelTester tester(screen.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    screen.setCatalog(*catalog);
    QSignalSpy resets(screen.model(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(screen.field(), QStringLiteral("sb"));
    QVERIFY(resets.count() >= 2); // one per key
    QVERIFY(screen.model()->rowCount() > 0);
    screen.clear();
    QCOMPARE(screen.model()->rowCount(), 0);
}

void TestKiosk::itemListModelPassesTester() {
    auto catalog = puyang();
    QVERIFY(catalog);
    ItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto& department = (*catalog)->catalog.departments().front();
    const auto items = itemsOfDepartment((*catalog)->catalog, department.id);
    model.setItems(*catalog, items);
    QCOMPARE(model.rowCount(), int(items.size()));
    QCOMPARE(model.index(0).data(ItemListModel::DepartmentRole).toString(),
             QString::fromStdString(department.name));
    QCOMPARE(model.index(0).data().toString(), QString::fromStdString(items.front()->name));
    QVERIFY(!model.index(0).data(ItemListModel::FloorsRole).toList().isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestKiosk::syncFetchesChecksAndStores() {
    const QString path = m_dir.filePath(QStringLiteral("fetch.sqlite"));
    auto store = CatalogStore::open(path);
    QVERIFY(store);
    FakeBackend backend;
    backend.serve(m_json, 3);
    backend.online = true;
    CatalogSync sync(&backend, &*store);
    QSignalSpy changed(&sync, &CatalogSync::catalogChanged);
    QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
    sync.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(backend.partCount() > 1);
    QCOMPARE(backend.partRequests, int(backend.partCount()));
    QCOMPARE(sync.current()->version, 3u);

    auto saved = store->load();
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->version, 3u);
    QCOMPARE((*saved)->sha256, sha256Hex(m_json));
    QVERIFY((*saved)->json == m_json);

    // The same version again: nothing fetched, nothing changed.
    sync.refresh();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(backend.partRequests, int(backend.partCount()));
}

void TestKiosk::syncRefusesWrongDigest() {
    auto store = CatalogStore::open(m_dir.filePath(QStringLiteral("digest.sqlite")));
    QVERIFY(store);
    FakeBackend backend;
    backend.serve(m_json, 4);
    backend.sha256 = std::string(64, '0');
    backend.online = true;
    CatalogSync sync(&backend, &*store);
    QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
    sync.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(sync.lastError().contains(QStringLiteral("SHA-256")));
    QVERIFY(!sync.current());
    auto saved = store->load();
    QVERIFY(saved);
    QVERIFY(!saved->has_value());
}

void TestKiosk::syncRefreshesOnCatalogImported() {
    FakeBackend backend;
    backend.serve(m_json, 1);
    backend.online = true;
    CatalogSync sync(&backend, nullptr);
    QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
    sync.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(sync.current()->catalog.hall().name.empty(), false);

    auto parsed = hall::catalog::parseCatalog(m_json, "puyang.json");
    QVERIFY(parsed);
    auto data = parsed->data();
    data.hall.name = "濮阳市阳光大厦（新版）";
    backend.serve(hall::catalog::serializeCatalog(data), 2);
    QSignalSpy changed(&sync, &CatalogSync::catalogChanged);
    Q_EMIT backend.catalogImported(2);
    QVERIFY(changed.wait(10000));
    QCOMPARE(sync.current()->version, 2u);
    QCOMPARE(sync.current()->catalog.hall().name, data.hall.name);
}

void TestKiosk::offlineStartAnswersFromLocalCopy() {
    const QString path = m_dir.filePath(QStringLiteral("offline.sqlite"));
    {
        auto store = CatalogStore::open(path);
        QVERIFY(store);
        QVERIFY(store->save({5, sha256Hex(m_json), m_json}));
    }
    auto store = CatalogStore::open(path);
    QVERIFY(store);
    FakeBackend backend; // offline: nobody answers
    CatalogSync sync(&backend, &*store);
    sync.start();
    QVERIFY(sync.current());
    QCOMPARE(sync.current()->version, 5u);
    QCOMPARE(backend.infoRequests, 0);

    MainWindow window(&backend, &sync, nullptr, {m_dir.filePath(QStringLiteral("prints")), 90, 15});
    QVERIFY(window.banner()->isShowingMessage());
    QCOMPARE(window.banner()->level(), hall::touch::StatusBanner::Level::Warning);
    window.showSearch();
    window.searchScreen()->field()->setText(QStringLiteral("yyzz"));
    QVERIFY(window.searchScreen()->model()->rowCount() > 0);
    const QString code = window.searchScreen()->model()->index(0).data(ItemListModel::CodeRole).toString();
    window.showGuide(code);
    const auto* item = sync.current()->catalog.item(code.toStdString());
    QVERIFY(window.guideScreen()->browser()->toPlainText().contains(QString::fromStdString(item->name)));

    // The server comes back: the banner goes and the version is checked.
    backend.serve(m_json, 5);
    QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
    backend.setOnline(true);
    QVERIFY(!window.banner()->isShowingMessage());
    QVERIFY(finished.wait(10000));
    QCOMPARE(backend.partRequests, 0); // same version and digest: nothing fetched
}

void TestKiosk::ticketFlowSendsOneRequestPerPress() {
    FakeBackend backend;
    backend.online = true;
    backend.holdTickets = true;
    TicketFlow flow(&backend);
    QVERIFY(!flow.canIssue()); // nothing chosen yet
    QVERIFY(!flow.issue());
    flow.setQueue(QStringLiteral("B"), QStringLiteral("医疗保险"));
    QVERIFY(flow.issue());
    QVERIFY(!flow.issue()); // on its way: a second press sends nothing
    QCOMPARE(backend.issued.size(), std::size_t(1));
    QCOMPARE(backend.issued.front().queuePrefix, std::string("B"));
    QSignalSpy issued(&flow, &TicketFlow::issued);
    backend.releaseTickets();
    QVERIFY(issued.wait(5000));
    QCOMPARE(flow.state(), TicketFlow::State::Issued);
    QCOMPARE(flow.ticket()->ticket.number, std::string("B012"));
}

void TestKiosk::ticketButtonDoubleTapGivesOneTicket() {
    auto catalog = puyang();
    QVERIFY(catalog);
    FakeBackend backend;
    backend.serve(m_json, 1);
    backend.online = true;
    backend.holdTickets = true;
    CatalogSync sync(&backend, nullptr);
    MainWindow window(&backend, &sync, nullptr, {m_dir.filePath(QStringLiteral("prints")), 90, 15});
    window.showTicketEntry(QStringLiteral("A"), {});
    auto* button = window.ticketScreen()->issueButton();
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(backend.issued.size(), std::size_t(1));
    QVERIFY(!button->isEnabled());
    QSignalSpy issued(window.ticketFlow(), &TicketFlow::issued);
    backend.releaseTickets();
    QVERIFY(issued.wait(5000));
    QCOMPARE(window.ticketScreen()->numberLabel()->text(), QStringLiteral("B012"));
}

void TestKiosk::ticketTakingDisabledOffline() {
    FakeBackend backend;
    TicketFlow flow(&backend);
    flow.setQueue(QStringLiteral("A"), QStringLiteral("社会保险"));
    QVERIFY(!flow.canIssue());
    QVERIFY(!flow.unavailableReason().isEmpty());
    QVERIFY(!flow.issue());
    QVERIFY(backend.issued.empty());
    QSignalSpy availability(&flow, &TicketFlow::availabilityChanged);
    backend.setOnline(true);
    QCOMPARE(availability.count(), 1);
    QCOMPARE(availability.first().first().toBool(), true);
}

void TestKiosk::mobileNumberCheckedAndMasked() {
    FakeBackend backend;
    backend.online = true;
    TicketFlow flow(&backend);
    QVERIFY(!flow.setMobile(QStringLiteral("12345")));
    QVERIFY(!flow.hasMobile());
    QVERIFY(flow.setMobile(QStringLiteral("138 0013 8000")));
    QVERIFY(flow.hasMobile());
    QVERIFY(!flow.maskedMobile().contains(QStringLiteral("0013")));
    QVERIFY(flow.maskedMobile().startsWith(QStringLiteral("138")));
    flow.setQueue(QStringLiteral("A"), QStringLiteral("社会保险"));
    QVERIFY(flow.issue());
    QCOMPARE(backend.issued.front().mobile, std::string("13800138000"));
    QSignalSpy issued(&flow, &TicketFlow::issued);
    QVERIFY(issued.wait(5000));
    QVERIFY(!flow.hasMobile()); // not kept once the server has it
}

void TestKiosk::citizenCardCheckedAndMasked() {
    FakeBackend backend;
    backend.online = true;
    TicketFlow flow(&backend);
    QVERIFY(!flow.setCitizenCard(QStringLiteral("1234")));
    QVERIFY(!flow.setCitizenCard(QStringLiteral("12X45678")));
    QVERIFY(!flow.hasCitizenCard());
    QVERIFY(flow.setCitizenCard(QStringLiteral("11010519491231002x")));
    QCOMPARE(flow.maskedCitizenCard(), QStringLiteral("110***********002X"));
    flow.setQueue(QStringLiteral("A"), QStringLiteral("社会保险"));
    QVERIFY(flow.issue());
    QCOMPARE(backend.issued.front().citizenCard, std::string("11010519491231002X"));
    QVERIFY(backend.issued.front().mobile.empty());
    QSignalSpy issued(&flow, &TicketFlow::issued);
    QVERIFY(issued.wait(5000));
    QVERIFY(!flow.hasCitizenCard());
}

void TestKiosk::guidePdfContainsItemName() {
    auto catalog = puyang();
    QVERIFY(catalog);
    const auto& item = (*catalog)->catalog.items().at(10);
    const QString qr = QStringLiteral("qr://guide");
    const QByteArray qrText = guideQrText(**catalog, item);
    QVERIFY(qrText.startsWith(QByteArray("HALL-GUIDE " + QByteArray::fromStdString(item.code))));
    const QImage image = makeQrCode(qrText);
    QVERIFY(!image.isNull());
    auto document = makeDocument(GuideDocument::html(**catalog, item, qr), qr, image);
    const QString pdf = m_dir.filePath(QStringLiteral("guide.pdf"));
    QVERIFY(printToPdf(*document, pdf, false));
    const QString text = pdfText(pdf);
    QVERIFY2(text.simplified().remove(u' ').contains(QString::fromStdString(item.name).remove(u' ')),
             qPrintable(text.left(400)));
}

void TestKiosk::slipPdfContainsNumberAndNoPersonalData() {
    FakeBackend backend;
    backend.online = true;
    TicketFlow flow(&backend);
    flow.setQueue(QStringLiteral("B"), QStringLiteral("医疗保险"));
    QVERIFY(flow.setMobile(QStringLiteral("13800138000")));
    QSignalSpy issued(&flow, &TicketFlow::issued);
    QVERIFY(flow.issue());
    QVERIFY(issued.wait(5000));
    const QString qr = QStringLiteral("qr://ticket");
    auto document = makeDocument(TicketSlip::html(*flow.ticket(), flow.queueName(), flow.issuedAt(), qr), qr,
                                 makeQrCode(TicketSlip::qrText(*flow.ticket(), flow.issuedAt())), 9);
    const QString pdf = m_dir.filePath(QStringLiteral("slip.pdf"));
    QVERIFY(printToPdf(*document, pdf, true));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("B012")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("2-07")));
    QVERIFY(!text.contains(QStringLiteral("8000")));
    QVERIFY(TicketSlip::qrText(*flow.ticket(), flow.issuedAt()).startsWith("HALL-TICKET B012 "));
}

void TestKiosk::guideMarksDefaults() {
    auto catalog = puyang();
    QVERIFY(catalog);
    const hall::catalog::ServiceItem* withDefault = nullptr;
    const hall::catalog::ServiceItem* withoutDefault = nullptr;
    for (const auto& item : (*catalog)->catalog.items()) {
        if (item.defaults.any() && !withDefault)
            withDefault = &item;
        if (!item.defaults.any() && !withoutDefault)
            withoutDefault = &item;
    }
    QVERIFY(withDefault);
    const QString mark = GuideDocument::tr("[default: not confirmed by the department]").toHtmlEscaped();
    QVERIFY(GuideDocument::html(**catalog, *withDefault).contains(mark));
    if (withoutDefault)
        QVERIFY(!GuideDocument::html(**catalog, *withoutDefault).contains(mark));
}

void TestKiosk::screenshots() {
    const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set KIOSK_SCREENSHOT_DIR to write the documentation screenshots");
    // As the program starts: the Simplified Chinese face and catalogs.
    qApp->setFont(hall::qt::applicationFont(20));
    hall::touch::Theme::touch().apply(*qApp);
    hall::qt::LanguageManager languages({QStringLiteral("hall"), QStringLiteral("kiosk")});
    QVERIFY(languages.setLanguage(hall::qt::Language::SimplifiedChinese));
    FakeBackend backend;
    backend.serve(m_json, 1);
    backend.online = true;
    CatalogSync sync(&backend, nullptr);
    QSignalSpy finished(&sync, &CatalogSync::refreshFinished);
    sync.start();
    QVERIFY(finished.wait(10000));
    MainWindow window(&backend, &sync, &languages, {m_dir.filePath(QStringLiteral("prints")), 90, 15});
    window.resize(1080, 1920);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto grab = [&](const QString& name) {
        QTest::qWait(50);
        QVERIFY(window.grab().save(QDir(dir).filePath(name)));
    };
    grab(QStringLiteral("kiosk-home.png"));
    window.showSearch();
    QTest::keyClicks(window.searchScreen()->field(), QStringLiteral("yyzz"));
    grab(QStringLiteral("kiosk-search.png"));
    const QString code = window.searchScreen()->model()->index(0).data(ItemListModel::CodeRole).toString();
    window.showGuide(code);
    grab(QStringLiteral("kiosk-guide.png"));
    window.showTicketEntry(QStringLiteral("B"), {});
    QTest::keyClicks(window.ticketScreen()->mobileField(), QStringLiteral("1380013"));
    grab(QStringLiteral("kiosk-take-number.png"));
    window.ticketScreen()->mobileField()->clear();
    QSignalSpy issued(window.ticketFlow(), &TicketFlow::issued);
    QTest::mouseClick(window.ticketScreen()->issueButton(), Qt::LeftButton);
    QVERIFY(issued.wait(5000));
    grab(QStringLiteral("kiosk-ticket.png"));
}

QTEST_MAIN(TestKiosk)
#include "tst_kiosk.moc"
