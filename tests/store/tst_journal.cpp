// The journal must make every kind of tampering visible: an edited row, a removed row (in the middle
// or at the end), reordered rows, and rows added behind the server's back.
#include "store/database.h"
#include "store/journal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hall;
using namespace hall::store;

class TestJournal : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<Database> freshJournal(int events) {
        const std::string p = m_dir.filePath(QStringLiteral("j%1.db").arg(++m_counter)).toStdString();
        auto db = std::move(Database::open(p)).value();
        Journal journal(*db);
        Transaction tx(*db);
        for (int i = 1; i <= events; ++i)
            journal.append(1000 + i, 1, "floor/2", "person:wang.fang@clerk-2-07",
                           "body " + std::to_string(i));
        tx.commit();
        return db;
    }

private Q_SLOTS:
    void appendChainsAndReadsBack() {
        auto db = freshJournal(0);
        Journal journal(*db);
        QCOMPARE(journal.head(), std::uint64_t(0));
        Transaction tx(*db);
        const JournalEvent a = journal.append(1, 1, "hall", "system", "a");
        const JournalEvent b = journal.append(2, 2, "audit", "system", std::string("\0b", 2));
        tx.commit();
        QCOMPARE(a.seq, std::uint64_t(1));
        QCOMPARE(b.seq, std::uint64_t(2));
        QCOMPARE(a.prevHash, std::string(32, '\0'));
        QCOMPARE(b.prevHash, a.hash);
        QCOMPARE(b.hash, journalHash(a.hash, 2, 2, 2, "audit", "system", std::string("\0b", 2)));
        QCOMPARE(journal.head(), std::uint64_t(2));
        const auto after = journal.readAfter(1, 10);
        QCOMPARE(after.size(), std::size_t(1));
        QCOMPARE(after[0].body, std::string("\0b", 2));
        QCOMPARE(after[0].hash, b.hash);
        QCOMPARE(journal.readAfter(0, 1).size(), std::size_t(1));
    }

    void rolledBackAppendsLeaveNoTrace() {
        auto db = freshJournal(3);
        Journal journal(*db);
        {
            Transaction tx(*db);
            journal.append(9, 1, "hall", "system", "never committed");
        }
        QCOMPARE(journal.head(), std::uint64_t(3));
        QVERIFY(verifyJournal(*db).intact);
    }

    void intactJournalVerifies() {
        auto db = freshJournal(50);
        const JournalCheck check = verifyJournal(*db);
        QVERIFY2(check.intact, check.reason.c_str());
        QCOMPARE(check.checked, std::uint64_t(50));
        QVERIFY(verifyJournal(*freshJournal(0)).intact);
    }

    void anEditedBodyIsCaught() {
        auto db = freshJournal(10);
        db->exec("UPDATE journal SET body = CAST('forged' AS BLOB) WHERE seq = 7");
        const JournalCheck check = verifyJournal(*db);
        QVERIFY(!check.intact);
        QCOMPARE(check.firstBadSeq, std::uint64_t(7));
    }

    void anEditedTimeOrActorIsCaught() {
        auto db = freshJournal(10);
        db->exec("UPDATE journal SET actor = 'person:someone.else' WHERE seq = 4");
        QCOMPARE(verifyJournal(*db).firstBadSeq, std::uint64_t(4));
        auto db2 = freshJournal(10);
        db2->exec("UPDATE journal SET time_ms = time_ms + 1 WHERE seq = 2");
        QCOMPARE(verifyJournal(*db2).firstBadSeq, std::uint64_t(2));
    }

    void aRowRehashedByHandStillBreaksTheNextLink() {
        // Someone who edits a row and recomputes its hash breaks the link of the row after it.
        auto db = freshJournal(10);
        Statement row(*db, "SELECT prev_hash FROM journal WHERE seq = 5");
        QVERIFY(row.step());
        const std::string forged =
            journalHash(row.blob(0), 5, 1005, 1, "floor/2", "person:wang.fang@clerk-2-07", "x");
        Statement update(*db, "UPDATE journal SET body = CAST('x' AS BLOB), hash = :hash WHERE seq = 5");
        update.bindBlob(":hash", forged).run();
        QCOMPARE(verifyJournal(*db).firstBadSeq, std::uint64_t(6));
    }

    void aRemovedRowIsCaught() {
        auto db = freshJournal(10);
        db->exec("DELETE FROM journal WHERE seq = 4");
        const JournalCheck check = verifyJournal(*db);
        QVERIFY(!check.intact);
        QCOMPARE(check.firstBadSeq, std::uint64_t(4));
    }

    void aRemovedTailIsCaught() {
        auto db = freshJournal(10);
        db->exec("DELETE FROM journal WHERE seq >= 9");
        const JournalCheck check = verifyJournal(*db);
        QVERIFY(!check.intact);
        QCOMPARE(check.firstBadSeq, std::uint64_t(9));
    }

    void reorderedRowsAreCaught() {
        auto db = freshJournal(10);
        db->exec("UPDATE journal SET body = CASE seq WHEN 3 THEN CAST('body 6' AS BLOB) "
                 "ELSE CAST('body 3' AS BLOB) END WHERE seq IN (3, 6)");
        QCOMPARE(verifyJournal(*db).firstBadSeq, std::uint64_t(3));
    }

    void aSecondWriterDoesNotForkTheChain() {
        auto db = freshJournal(3);
        auto other = std::move(Database::open(db->path())).value();
        Journal mine(*db);
        Journal theirs(*other);
        for (int round = 0; round < 5; ++round) {
            {
                Transaction tx(*other);
                theirs.append(1, 10, "audit", "hallctl", "admin change");
                tx.commit();
            }
            Transaction tx(*db);
            mine.append(2, 1, "hall", "system", "server change");
            tx.commit();
        }
        const JournalCheck check = verifyJournal(*db);
        QVERIFY2(check.intact, check.reason.c_str());
        QCOMPARE(check.checked, std::uint64_t(13));
    }
};

QTEST_APPLESS_MAIN(TestJournal)
#include "tst_journal.moc"
