// The per-connection token bucket, with time passed in by the test.
#include "net/rate_limiter.h"

#include <QTest>

using namespace hall::server;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject {
    Q_OBJECT

    const TokenBucket::TimePoint m_start{};

private Q_SLOTS:
    void aBurstThenTheSteadyRate() {
        TokenBucket bucket(10, 5, m_start);
        for (int i = 0; i < 5; ++i)
            QVERIFY(bucket.take(m_start));
        QVERIFY(!bucket.take(m_start));
        QVERIFY(!bucket.take(m_start + 50ms)); // half a token
        QVERIFY(bucket.take(m_start + 100ms));
        QVERIFY(!bucket.take(m_start + 100ms));
        // A long pause refills to the burst, not beyond.
        QVERIFY(bucket.isFull(m_start + 10s));
        for (int i = 0; i < 5; ++i)
            QVERIFY(bucket.take(m_start + 10s));
        QVERIFY(!bucket.take(m_start + 10s));
    }

    void refusalsTurnIntoADisconnectOnlyWhenTheyKeepComing() {
        RateLimiter limiter(10, 2, m_start);
        QCOMPARE(limiter.check(m_start), RateLimiter::Verdict::Serve);
        QCOMPARE(limiter.check(m_start), RateLimiter::Verdict::Serve);
        for (int i = 1; i < RateLimiter::kMaxStrikes - 5; ++i)
            QCOMPARE(limiter.check(m_start), RateLimiter::Verdict::Refuse);

        // The client calms down long enough for the bucket to refill: its strikes are forgiven.
        auto later = m_start + 1s;
        QCOMPARE(limiter.check(later), RateLimiter::Verdict::Serve);
        QCOMPARE(limiter.check(later), RateLimiter::Verdict::Serve);
        for (int i = 1; i < RateLimiter::kMaxStrikes; ++i)
            QCOMPARE(limiter.check(later), RateLimiter::Verdict::Refuse);
        QCOMPARE(limiter.check(later), RateLimiter::Verdict::Disconnect);
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_rate_limiter.moc"
