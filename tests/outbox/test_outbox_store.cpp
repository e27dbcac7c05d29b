// The outbox table without a gateway: enqueue inside the change's transaction, duplicates, refusals,
// switches, claims, answers, expiry, restart recovery, delivery reports and the sms.* keys.

#include "outbox/outbox_config.h"
#include "outbox/outbox_store.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hall;
using namespace hall::outbox;

namespace {

const std::string kText = "【阳光大厦】请 A023 号到 2 楼 2-07 号窗口办理。";
constexpr std::int64_t kT0 = 1'796'000'000'000;

OutboxConfig enabledConfig() {
    OutboxConfig config;
    config.sms.enabled = true;
    config.sms.kannel.username = "hall";
    config.sms.kannel.password = "secret";
    return config;
}

Result<Enqueued> enqueueCommitted(store::Database& db, OutboxStore& store, SmsEvent event,
                                  std::string_view subject, std::string_view to, std::string_view text,
                                  std::int64_t now) {
    store::Transaction tx(db);
    Result<Enqueued> result = store.enqueue(event, subject, to, text, now);
    tx.commit();
    return result;
}

std::int64_t rowCount(store::Database& db) {
    store::Statement st(db, "SELECT count(*) FROM sms_outbox");
    st.step();
    return st.int64(0);
}

} // namespace

class TestOutboxStore : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = store::Database::open(m_dir->filePath(QStringLiteral("hall.db")).toStdString());
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
        m_db = std::move(db).value();
    }

    void cleanup() {
        m_db.reset();
        m_dir.reset();
    }

    void migratesFromTheVersionBefore() {
        // A fixture of version 3, the last without the outbox: everything but step 4.
        const std::string path = m_dir->filePath(QStringLiteral("v3.db")).toStdString();
        {
            auto db = store::Database::open(path);
            QVERIFY(db.ok());
            (*db)->exec("DROP TABLE sms_outbox");
            (*db)->setMetaValue("schema_version", "3");
        }
        auto db = store::Database::open(path);
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
        QCOMPARE((*db)->schemaVersion(), store::latestSchemaVersion());
        OutboxStore store(**db, enabledConfig());
        QCOMPARE(*enqueueCommitted(**db, store, SmsEvent::TicketIssued, "1", "13800138000", kText, kT0),
                 Enqueued::Pending);
    }

    void enqueueWritesOnePendingRowWithItsKey() {
        OutboxStore store(*m_db, enabledConfig());
        const auto result =
            enqueueCommitted(*m_db, store, SmsEvent::TicketCalled, "123", "+86 138-0013-8000", kText, kT0);
        QVERIFY(result.ok());
        QCOMPARE(*result, Enqueued::Pending);
        const auto row = store.find("ticket:123:called");
        QVERIFY(row.has_value());
        QCOMPARE(row->receiver, std::string("13800138000"));
        QCOMPARE(row->text, kText);
        QCOMPARE(row->status, OutboxStatus::Pending);
        QCOMPARE(row->attempts, 0);
        QCOMPARE(row->nextAttemptAtMs, kT0);
        QCOMPARE(row->expiresAtMs, kT0 + 120 * 60 * 1000);
        QCOMPARE(row->event, SmsEvent::TicketCalled);
        QCOMPARE(row->messageId(), "sms-" + std::to_string(row->id));
        QCOMPARE(OutboxStore::idFromMessageId(row->messageId()), std::optional<std::int64_t>(row->id));
        QCOMPARE(OutboxStore::keyFor(SmsEvent::CaseAccepted, "2026-0207-00042-09"),
                 std::string("case:2026-0207-00042-09:accepted"));
    }

    void duplicateKeyIsANoOp() {
        OutboxStore store(*m_db, enabledConfig());
        QCOMPARE(*enqueueCommitted(*m_db, store, SmsEvent::TicketIssued, "7", "13800138000", kText, kT0),
                 Enqueued::Pending);
        const auto second = enqueueCommitted(*m_db, store, SmsEvent::TicketIssued, "7", "13900139000",
                                             "another text", kT0 + 5);
        QVERIFY(second.ok());
        QCOMPARE(*second, Enqueued::Duplicate);
        QCOMPARE(rowCount(*m_db), std::int64_t(1));
        const auto row = store.find("ticket:7:issued");
        QCOMPARE(row->text, kText);
        QCOMPARE(row->receiver, std::string("13800138000"));
        // Another event of the same subject is its own row.
        QCOMPARE(*enqueueCommitted(*m_db, store, SmsEvent::TicketCalled, "7", "13800138000", kText, kT0),
                 Enqueued::Pending);
        QCOMPARE(rowCount(*m_db), std::int64_t(2));
    }

    void rollbackLeavesNoRow() {
        OutboxStore store(*m_db, enabledConfig());
        {
            store::Transaction tx(*m_db);
            QCOMPARE(*store.enqueue(SmsEvent::TicketIssued, "9", "13800138000", kText, kT0),
                     Enqueued::Pending);
            // The change that caused it fails: no commit.
        }
        QCOMPARE(rowCount(*m_db), std::int64_t(0));
        QVERIFY(!store.find("ticket:9:issued").has_value());
        // Inside a savepoint of a batch, as the hall core runs commands.
        {
            store::Transaction tx(*m_db);
            {
                store::Savepoint sp(*m_db);
                QCOMPARE(*store.enqueue(SmsEvent::TicketIssued, "10", "13800138000", kText, kT0),
                         Enqueued::Pending);
            }
            QCOMPARE(*store.enqueue(SmsEvent::TicketIssued, "11", "13800138000", kText, kT0),
                     Enqueued::Pending);
            tx.commit();
        }
        QVERIFY(!store.find("ticket:10:issued").has_value());
        QVERIFY(store.find("ticket:11:issued").has_value());
    }

    void badInputIsRefusedAndWritesNothing() {
        OutboxStore store(*m_db, enabledConfig());
        store::Transaction tx(*m_db);
        const auto shortNumber = store.enqueue(SmsEvent::TicketIssued, "1", "1380013800", kText, kT0);
        QVERIFY(!shortNumber.ok());
        QCOMPARE(shortNumber.error().code, ErrorCode::InvalidArgument);
        QVERIFY(shortNumber.error().message.starts_with("to:"));
        const auto landline = store.enqueue(SmsEvent::TicketIssued, "1", "01012345678", kText, kT0);
        QVERIFY(!landline.ok());
        const auto empty = store.enqueue(SmsEvent::TicketIssued, "1", "13800138000", "", kT0);
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().message.starts_with("text:"));
        const auto tooLong =
            store.enqueue(SmsEvent::TicketIssued, "1", "13800138000", std::string(71 * 3, 'x') + "中", kT0);
        QVERIFY(!tooLong.ok());
        const auto badSubject = store.enqueue(SmsEvent::TicketIssued, "1:2", "13800138000", kText, kT0);
        QVERIFY(!badSubject.ok());
        QVERIFY(badSubject.error().message.starts_with("subject:"));
        tx.commit();
        QCOMPARE(rowCount(*m_db), std::int64_t(0));
    }

    void switchesKeepRowsAsSkipped() {
        OutboxConfig off = enabledConfig();
        off.sms.enabled = false;
        OutboxStore disabled(*m_db, off);
        QCOMPARE(*enqueueCommitted(*m_db, disabled, SmsEvent::TicketIssued, "1", "13800138000", kText, kT0),
                 Enqueued::Skipped);
        OutboxConfig noCalls = enabledConfig();
        QVERIFY(applyOutboxSetting(noCalls, "on_ticket_called", "off").ok());
        OutboxStore store(*m_db, noCalls);
        QCOMPARE(*enqueueCommitted(*m_db, store, SmsEvent::TicketCalled, "1", "13800138000", kText, kT0),
                 Enqueued::Skipped);
        QCOMPARE(*enqueueCommitted(*m_db, store, SmsEvent::TicketAhead, "1", "13800138000", kText, kT0),
                 Enqueued::Pending);
        QCOMPARE(store.find("ticket:1:issued")->outcome, std::string("sms.enabled is off"));
        QCOMPARE(store.find("ticket:1:called")->outcome, std::string("sms.on_ticket_called is off"));
        QCOMPARE(store.find("ticket:1:called")->status, OutboxStatus::Skipped);
        // Skipped rows are never claimed.
        const auto claimed = store.claimDue(kT0 + 1, 10);
        QCOMPARE(claimed.size(), std::size_t(1));
        QCOMPARE(claimed.front().key, std::string("ticket:1:ahead"));
        const OutboxCounts counts = store.counts();
        QCOMPARE(counts.skipped, std::int64_t(2));
        QCOMPARE(counts.pending, std::int64_t(1));
        QCOMPARE(counts.inFlight, std::int64_t(1));
    }

    void claimsCountAttemptsAndAnswersMoveRows() {
        OutboxStore store(*m_db, enabledConfig());
        for (const char* subject : {"1", "2", "3"})
            QVERIFY(enqueueCommitted(*m_db, store, SmsEvent::TicketIssued, subject, "13800138000", kText, kT0)
                        .ok());
        QVERIFY(store.claimDue(kT0 - 1, 10).empty()); // not due yet
        auto rows = store.claimDue(kT0, 2);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].attempts, 1);
        QCOMPARE(store.findById(rows[0].id)->attempts, 1); // committed before any send
        QCOMPARE(store.findById(rows[0].id)->claimedAtMs, kT0);
        // A claimed row is not handed out twice.
        auto rest = store.claimDue(kT0, 10);
        QCOMPARE(rest.size(), std::size_t(1));
        QCOMPARE(store.nextDueMs(), std::optional<std::int64_t>());

        const sms::SendResult accepted{sms::SendOutcome::Accepted, 202, "0: Accepted for delivery", true};
        const sms::SendResult refused{sms::SendOutcome::TemporaryFailure, 0, "connection refused", false};
        const sms::SendResult denied{sms::SendOutcome::PermanentFailure, 403,
                                     "Authorization failed for sendsms", true};
        store.markSent(rows[0].id, accepted, kT0 + 10);
        store.markRetry(rows[1].id, refused, kT0 + 10'000, kT0 + 10);
        store.markFailed(rest[0].id, denied, kT0 + 10);

        const auto sent = store.findById(rows[0].id);
        QCOMPARE(sent->status, OutboxStatus::Sent);
        QCOMPARE(sent->sentAtMs, kT0 + 10);
        QCOMPARE(sent->outcome, std::string("accepted"));
        QCOMPARE(sent->httpStatus, 202u);
        QCOMPARE(sent->claimedAtMs, std::int64_t(0));
        const auto retry = store.findById(rows[1].id);
        QCOMPARE(retry->status, OutboxStatus::Pending);
        QCOMPARE(retry->nextAttemptAtMs, kT0 + 10'000);
        QCOMPARE(retry->gatewayText, std::string("connection refused"));
        QCOMPARE(store.nextDueMs(), std::optional<std::int64_t>(kT0 + 10'000));
        const auto failed = store.findById(rest[0].id);
        QCOMPARE(failed->status, OutboxStatus::Failed);
        QCOMPARE(failed->gatewayText, std::string("Authorization failed for sendsms"));

        // A sent row is never sent again, even if an answer comes twice.
        store.markRetry(rows[0].id, refused, kT0 + 20, kT0 + 20);
        QCOMPARE(store.findById(rows[0].id)->status, OutboxStatus::Sent);

        // The operator fixed the password: the failed row goes back with a fresh count.
        QCOMPARE(store.requeueFailed(kT0 + 30), 1);
        QCOMPARE(store.findById(rest[0].id)->status, OutboxStatus::Pending);
        QCOMPARE(store.findById(rest[0].id)->attempts, 0);
        const auto again = store.claimDue(kT0 + 30, 10);
        QCOMPARE(again.size(), std::size_t(1));
        QCOMPARE(again.front().id, rest[0].id);
        store.markRefused(again.front().id, Error{ErrorCode::InvalidArgument, "to: bad"}, kT0 + 31);
        QCOMPARE(store.findById(rest[0].id)->outcome, std::string("refused"));
    }

    void claimsLeftByADeadWorkerAreReleased() {
        OutboxStore store(*m_db, enabledConfig());
        QVERIFY(enqueueCommitted(*m_db, store, SmsEvent::TicketIssued, "1", "13800138000", kText, kT0).ok());
        QCOMPARE(store.claimDue(kT0, 10).size(), std::size_t(1));
        // The worker died here. The next one releases the claim; the row is due at once.
        QCOMPARE(store.releaseClaims(kT0 + 500), 1);
        const auto rows = store.claimDue(kT0 + 500, 10);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows.front().attempts, 2);
        QCOMPARE(store.releaseClaims(kT0 + 600), 1);
        QCOMPARE(store.releaseClaims(kT0 + 600), 0);
    }

    void oldRowsExpireInsteadOfBeingSent() {
        OutboxConfig config = enabledConfig();
        QVERIFY(applyOutboxSetting(config, "max_age_minutes", "30").ok());
        OutboxStore store(*m_db, config);
        QVERIFY(enqueueCommitted(*m_db, store, SmsEvent::TicketCalled, "5", "13800138000", kText, kT0).ok());
        QVERIFY(store.claimDue(kT0 + 30 * 60 * 1000, 10).empty());
        const auto row = store.find("ticket:5:called");
        QCOMPARE(row->status, OutboxStatus::Expired);
        QCOMPARE(row->attempts, 0);
        QCOMPARE(store.counts().expired, std::int64_t(1));
    }

    void deliveryReportsOnlyMoveForward() {
        OutboxStore store(*m_db, enabledConfig());
        QVERIFY(enqueueCommitted(*m_db, store, SmsEvent::TicketIssued, "1", "13800138000", kText, kT0).ok());
        const OutboxRow row = store.claimDue(kT0, 1).front();
        store.markSent(row.id, {sms::SendOutcome::Accepted, 202, "0: Accepted for delivery", true}, kT0);
        sms::DeliveryReport report{row.messageId(), sms::DeliveryState::Delivered, "", std::nullopt, "FAKE"};
        QVERIFY(store.recordDeliveryReport(report, kT0 + 1).ok());
        report.state = sms::DeliveryState::SmscAccepted; // late intermediate report
        QVERIFY(store.recordDeliveryReport(report, kT0 + 2).ok());
        QCOMPARE(store.findById(row.id)->deliveryState, 1);
        QCOMPARE(store.findById(row.id)->finalReports, 1);
        report.state = sms::DeliveryState::Delivered; // a second final report: a duplicate send shows here
        QVERIFY(store.recordDeliveryReport(report, kT0 + 3).ok());
        QCOMPARE(store.findById(row.id)->finalReports, 2);
        report.messageId = "sms-999";
        QCOMPARE(store.recordDeliveryReport(report, kT0).error().code, ErrorCode::NotFound);
        report.messageId = "t1-called";
        QCOMPARE(store.recordDeliveryReport(report, kT0).error().code, ErrorCode::NotFound);
    }

    void configKeys() {
        const auto config = parseOutboxConfig("listen = 0.0.0.0:7443\n"
                                              "sms.enabled = yes\n"
                                              "sms.username = hall\n"
                                              "sms.password = pa#ss=word\n"
                                              "sms.on_ticket_ahead = off\n"
                                              "sms.on_case_finished = false\n"
                                              "sms.max_age_minutes = 45\n"
                                              "sms.concurrency = 8\n"
                                              "sms.kannel_port = 14013\n"
                                              "sms.signature_zh = 濮阳阳光\n");
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
        QVERIFY(config->sms.enabled);
        QCOMPARE(config->sms.kannel.password, std::string("pa#ss=word"));
        QCOMPARE(config->sms.kannel.port, std::uint16_t(14013));
        QVERIFY(config->eventEnabled(SmsEvent::TicketIssued));
        QVERIFY(!config->eventEnabled(SmsEvent::TicketAhead));
        QVERIFY(!config->eventEnabled(SmsEvent::CaseFinished));
        QCOMPARE(config->maxAge, std::chrono::minutes(45));
        QCOMPARE(config->concurrency, 8u);

        QCOMPARE(config->signature()->text(present::Language::Chinese), std::string("【濮阳阳光】"));
        QCOMPARE(config->signature()->text(present::Language::English), std::string("[Sunshine Hall] "));
        QVERIFY(!parseOutboxConfig("sms.signature_zh = 阳\n").ok()); // one character is too short

        const auto typo = parseOutboxConfig("sms.on_ticket_calld = on\n");
        QVERIFY(!typo.ok());
        QVERIFY(typo.error().message.starts_with("line 1: sms.on_ticket_calld"));
        QVERIFY(!parseOutboxConfig("sms.concurrency = 0\n").ok());
        QVERIFY(!parseOutboxConfig("sms.max_age_minutes = soon\n").ok());
        QVERIFY(!parseOutboxConfig("sms.enabled = true\n").ok()); // no username and password

        // The commented block for hall.conf reads back as the defaults once uncommented.
        std::string block = outboxConfigFileText();
        std::string uncommented;
        for (std::size_t start = 0; start < block.size();) {
            const std::size_t end = block.find('\n', start);
            std::string line = block.substr(start, end - start);
            if (line.starts_with("# sms."))
                line = line.substr(2);
            if (!line.ends_with("= ")) // empty values (username ...) keep their defaults
                uncommented += line + "\n";
            start = end + 1;
        }
        const auto defaults = parseOutboxConfig(uncommented);
        QVERIFY2(defaults.ok(), defaults.ok() ? "" : defaults.error().message.c_str());
        QVERIFY(!defaults->sms.enabled);
        QCOMPARE(defaults->concurrency, OutboxConfig{}.concurrency);
        QCOMPARE(defaults->sms.retry.maxAttempts, sms::RetryPolicy{}.maxAttempts);
    }
};

QTEST_APPLESS_MAIN(TestOutboxStore)
#include "test_outbox_store.moc"
