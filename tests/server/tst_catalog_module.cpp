// The catalog in the server: info and parts, old versions, and imports by another process reaching live
// subscribers and the queue.
#include "queue_fixture.h"

#include <openssl/sha.h>

using namespace hall;
using namespace hall::test;

class TestCatalogModule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutACatalogThereAreNoQueues() {
        CoreFixture f;
        const auto info = decodeAs<CatalogInfo>(f.request(kiosk(), GetCatalogInfo{}, 1));
        QVERIFY(info);
        QCOMPARE(info->version, std::uint32_t(0));
        QCOMPARE(info->partCount, std::uint16_t(0));
        QCOMPARE(errorOf(f.request(kiosk(), GetCatalogPart{1, 0}, 2)), std::optional(ErrorCode::NotFound));
        QCOMPARE(errorOf(f.request(kiosk(), IssueTicket{"A", {}, 0, {}, {}}, 3)),
                 std::optional(ErrorCode::Unavailable));
    }

    void partsReassembleTheDocument() {
        QueueFixture q;
        // A catalog bigger than one part: many items.
        auto data = smallHall();
        for (int i = 0; i < 1500; ++i) {
            auto item = data.items.front();
            item.code = "X-" + std::to_string(i);
            item.name = "事项 " + std::to_string(i) + " 这是一个很长的名字用来把目录变大一些";
            data.items.push_back(item);
        }
        const std::uint32_t version = q.importCatalog(data);
        q.f().reopen();
        const auto info = q.ask<CatalogInfo>(kiosk(), GetCatalogInfo{});
        QCOMPARE(info->version, version);
        QVERIFY(info->partCount >= 2);
        std::string document;
        for (std::uint16_t part = 0; part < info->partCount; ++part) {
            const auto piece = q.ask<CatalogPart>(kiosk(), GetCatalogPart{version, part});
            QVERIFY(piece);
            QCOMPARE(piece->partCount, info->partCount);
            QVERIFY(piece->data.size() <= kCatalogPartBytes);
            document += piece->data;
        }
        QCOMPARE(std::uint32_t(document.size()), info->sizeBytes);
        QCOMPARE(store::sha256Hex(document), info->sha256);
        QCOMPARE(q.fails(kiosk(), GetCatalogPart{version, info->partCount}),
                 std::optional(ErrorCode::NotFound));
        QCOMPARE(q.fails(kiosk(), GetCatalogPart{version - 1, 0}), std::optional(ErrorCode::NotFound));
    }

    void anImportByAnotherProcessIsPublishedAndLoaded() {
        QueueFixture q;
        auto subscriber = std::make_shared<RecordingPeer>();
        QVERIFY(decodeAs<SubscribeOk>(
            q.f().request(kiosk(), Subscribe{{"hall"}, q.f().journalHead()}, 1, subscriber)));
        const std::size_t before = subscriber->frames().size();
        auto data = smallHall("Renamed Hall");
        data.queues.push_back(catalog::Queue{"D", "新队列", 2, {"2-01"}});
        const std::uint32_t version = q.importCatalog(data);
        // Nothing yet: the core notices at its next check on the hall clock.
        QCOMPARE(q.ask<CatalogInfo>(kiosk(), GetCatalogInfo{})->version, version - 1);
        q.advanceBy(2000);
        const auto frames = subscriber->frames();
        QCOMPARE(frames.size(), before + 1);
        const auto event = decodeAs<Event>(frames.back());
        QCOMPARE(event->kind, static_cast<std::uint16_t>(EventKind::CatalogImported));
        QCOMPARE(event->seq, q.core().publishedHead());
        QCOMPARE(q.ask<CatalogInfo>(kiosk(), GetCatalogInfo{})->version, version);
        // The queue follows the new catalog.
        QCOMPARE(q.issue("D").number, std::string("D001"));
        // Our own writes afterwards continue the journal without a gap.
        QCOMPARE(q.core().publishedHead(), q.f().journalHead());
    }
};

QTEST_APPLESS_MAIN(TestCatalogModule)
#include "tst_catalog_module.moc"
