#include "store/accounts.h"
#include "store/database.h"
#include "store/devices.h"
#include "store/migrations.h"
#include "store/password.h"
#include "store/request_log.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hall;
using namespace hall::store;

namespace {
std::unique_ptr<Database> openOrDie(const std::string& path,
                                    Database::Mode mode = Database::Mode::ReadWrite) {
    auto db = Database::open(path, mode);
    if (!db.ok())
        qFatal("%s", db.error().message.c_str());
    return std::move(db).value();
}

Account sampleAccount(const std::string& username) {
    Account a;
    a.username = username;
    a.displayName = "王芳";
    a.role = PersonRole::Clerk;
    a.department = "市场监管局";
    a.staffNumber = "C-0207";
    a.passwordHash = hashPassword("correct horse", 1000);
    a.createdAtMs = 1;
    return a;
}
} // namespace

class TestStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) const {
        return m_dir.filePath(QString::fromLatin1(name)).toStdString();
    }

private Q_SLOTS:
    void openCreatesAMigratedWalDatabase() {
        auto db = openOrDie(path("a.db"));
        QCOMPARE(db->schemaVersion(), latestSchemaVersion());
        Statement mode(*db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), std::string("wal"));
        Statement fk(*db, "PRAGMA foreign_keys");
        QVERIFY(fk.step());
        QCOMPARE(fk.int64(0), std::int64_t(1));
        Statement sync(*db, "PRAGMA synchronous");
        QVERIFY(sync.step());
        QCOMPARE(sync.int64(0), std::int64_t(2)); // FULL
    }

    void migratingAnOlderFixtureReachesTheLatestVersion() {
        {
            auto db = openOrDie(path("fixture.db"));
            QCOMPARE(db->schemaVersion(), latestSchemaVersion());
        }
        // A fixture of "version 0": an empty file made by another tool.
        const std::string empty = path("empty.db");
        {
            auto raw = openOrDie(path("scratch.db"));
            QVERIFY(raw->backupTo(empty).ok());
        }
        auto db = openOrDie(empty);
        QCOMPARE(db->schemaVersion(), latestSchemaVersion());
    }

    void aNewerSchemaIsRefused() {
        const std::string p = path("future.db");
        {
            auto db = openOrDie(p);
            db->setMetaValue("schema_version", "999");
        }
        const auto again = Database::open(p);
        QVERIFY(!again.ok());
        QVERIFY(QString::fromStdString(again.error().message).contains(QStringLiteral("newer")));
        QVERIFY(!Database::open(p, Database::Mode::ReadOnly).ok());
    }

    void readOnlyOpenOfAMissingFileFails() {
        const auto db = Database::open(path("missing.db"), Database::Mode::ReadOnly);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::NotFound);
    }

    void transactionsRollBackUnlessCommitted() {
        auto db = openOrDie(path("tx.db"));
        {
            Transaction tx(*db);
            db->setMetaValue("k", "v");
        }
        QVERIFY(!db->metaValue("k"));
        {
            Transaction tx(*db);
            db->setMetaValue("k", "kept");
            {
                Savepoint sp(*db);
                db->setMetaValue("k", "undone");
            }
            tx.commit();
        }
        QCOMPARE(*db->metaValue("k"), std::string("kept"));
    }

    void guardedTurnsStoreErrorsIntoValues() {
        auto db = openOrDie(path("guard.db"));
        AccountStore accounts(*db);
        accounts.create(sampleAccount("wang.fang"));
        const auto result = guarded<Ok>([&]() -> Result<Ok> {
            accounts.create(sampleAccount("wang.fang"));
            return Ok{};
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        const auto broken = guarded<Ok>([&]() -> Result<Ok> {
            db->exec("SELECT * FROM no_such_table");
            return Ok{};
        });
        QCOMPARE(broken.error().code, ErrorCode::Unavailable);
    }

    void passwords() {
        const std::string stored = hashPassword("秘密 password", 2000);
        QVERIFY(stored.starts_with("pbkdf2-sha256$2000$"));
        QVERIFY(verifyPassword("秘密 password", stored));
        QVERIFY(!verifyPassword("秘密 passwore", stored));
        QVERIFY(hashPassword("same", 1000) != hashPassword("same", 1000)); // salted
        QVERIFY(!verifyPassword("x", ""));
        QVERIFY(!verifyPassword("x", "pbkdf2-sha256$abc$00$00"));
        QVERIFY(!verifyPassword("x", "md5$1$00$00"));
        QVERIFY(!verifyPassword("x", "pbkdf2-sha256$1000$zz$" + std::string(64, '0')));
    }

    void accountsRoundTrip() {
        auto db = openOrDie(path("accounts.db"));
        AccountStore accounts(*db);
        accounts.create(sampleAccount("li.ming"));
        auto found = accounts.find("li.ming");
        QVERIFY(found);
        QCOMPARE(found->displayName, std::string("王芳"));
        QCOMPARE(found->role, PersonRole::Clerk);
        accounts.setLoginState("li.ming", 3, 500);
        found = accounts.find("li.ming");
        QCOMPARE(found->failedCount, 3u);
        QCOMPARE(found->lockedUntilMs, std::int64_t(500));
        accounts.setDisabled("li.ming", true);
        QVERIFY(accounts.find("li.ming")->disabled);
        QVERIFY(!accounts.find("nobody"));
        QCOMPARE(accounts.list().size(), std::size_t(1));
    }

    void lockoutDecisions() {
        const LockoutPolicy policy{3, 1000};
        Account a = sampleAccount("x");
        // Two failures, then success resets.
        auto out = decideLogin(a, false, 10, policy);
        QVERIFY(!out.succeeded && !out.locked);
        QCOMPARE(out.failedCount, 1u);
        a.failedCount = 2;
        out = decideLogin(a, false, 10, policy);
        QVERIFY(out.locked);
        QCOMPARE(out.lockedUntilMs, std::int64_t(1010));
        // While locked even the right password is not checked.
        a.failedCount = 3;
        a.lockedUntilMs = 1010;
        out = decideLogin(a, true, 500, policy);
        QVERIFY(out.locked && !out.succeeded);
        // After the lock runs out, a wrong password starts a fresh count.
        out = decideLogin(a, false, 1010, policy);
        QVERIFY(!out.locked);
        QCOMPARE(out.failedCount, 1u);
        out = decideLogin(a, true, 1010, policy);
        QVERIFY(out.succeeded);
    }

    void usernames() {
        QVERIFY(isValidUsername("wang.fang"));
        QVERIFY(isValidUsername("clerk-207_b"));
        QVERIFY(!isValidUsername("w"));
        QVERIFY(!isValidUsername("Wang"));
        QVERIFY(!isValidUsername("9lives"));
        QVERIFY(!isValidUsername("a b"));
        QVERIFY(!isValidUsername(std::string(33, 'a')));
    }

    void devices() {
        auto db = openOrDie(path("devices.db"));
        DeviceRegistry registry(*db);
        DeviceRecord d;
        d.identity = DeviceIdentity{DeviceRole::Tablet, "tablet-2-07", "2-07", 2};
        d.fingerprint = std::string(64, 'a');
        d.serial = "01";
        d.issuedAtMs = 5;
        registry.add(d);
        QVERIFY_THROWS_EXCEPTION(StoreError, registry.add(d));
        auto found = registry.findByFingerprint(std::string(64, 'a'));
        QVERIFY(found);
        QCOMPARE(found->identity, d.identity);
        QCOMPARE(found->revokedAtMs, std::int64_t(0));
        QVERIFY(registry.revoke("tablet-2-07", 99));
        QVERIFY(!registry.revoke("tablet-2-07", 100)); // already revoked
        QCOMPARE(registry.findByName("tablet-2-07")->revokedAtMs, std::int64_t(99));
        QVERIFY(!registry.revoke("nobody", 1));
    }

    void requestLogKeepsTheFirstAnswer() {
        auto db = openOrDie(path("requests.db"));
        RequestLog log(*db);
        const std::uint64_t bigId = 0xfedcba9876543210ull; // above INT64_MAX
        QVERIFY(!log.find("clerk-2-07", bigId));
        log.store("clerk-2-07", bigId, 101, std::string("\0\1", 2), 7);
        const auto found = log.find("clerk-2-07", bigId);
        QVERIFY(found);
        QCOMPARE(found->type, std::uint16_t(101));
        QCOMPARE(found->body, std::string("\0\1", 2));
        QVERIFY(!log.find("clerk-2-08", bigId)); // ids are per device
        QVERIFY_THROWS_EXCEPTION(StoreError, log.store("clerk-2-07", bigId, 101, "", 8));
    }

    void backupIsAConsistentCopy() {
        auto db = openOrDie(path("source.db"));
        AccountStore(*db).create(sampleAccount("zhao.lei"));
        const std::string target = path("copy.db");
        QVERIFY(db->backupTo(target).ok());
        QCOMPARE(db->backupTo(target).error().code, ErrorCode::Conflict); // never overwrites
        auto copy = openOrDie(target, Database::Mode::ReadOnly);
        AccountStore copied(*copy);
        QVERIFY(copied.find("zhao.lei"));
    }
};

QTEST_APPLESS_MAIN(TestStore)
#include "tst_store.moc"
