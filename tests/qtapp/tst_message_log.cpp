#include "qtapp/message_log.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace hall::qt;

Q_LOGGING_CATEGORY(lcTest, "hall.test")

class TestMessageLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redactsIdAndMobileNumbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("id number") << QStringLiteral("lookup 11010519491231002X failed")
                                   << QStringLiteral("lookup [id-number] failed");
        QTest::newRow("id lower x") << QStringLiteral("id=44030419800101001x")
                                    << QStringLiteral("id=[id-number]");
        QTest::newRow("mobile") << QStringLiteral("sms to 13812345678 queued")
                                << QStringLiteral("sms to [mobile] queued");
        QTest::newRow("mobile in Chinese text")
            << QStringLiteral("手机13812345678已登记") << QStringLiteral("手机[mobile]已登记");
        QTest::newRow("ticket number kept")
            << QStringLiteral("called A012 at window 2-07") << QStringLiteral("called A012 at window 2-07");
        QTest::newRow("longer number kept")
            << QStringLiteral("seq 1381234567899") << QStringLiteral("seq 1381234567899");
        QTest::newRow("12-digit not mobile")
            << QStringLiteral("n=23812345678") << QStringLiteral("n=23812345678");
    }

    void redactsIdAndMobileNumbers() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(redactPersonalData(text), expected);
    }

    void formatsOneLine() {
        const QDateTime when(QDate(2026, 12, 3), QTime(9, 30, 1, 250));
        QCOMPARE(formatLogLine(QtWarningMsg, "hall.net", QStringLiteral("connection lost"), when),
                 QStringLiteral("2026-12-03 09:30:01.250 warning hall.net: connection lost"));
        QCOMPARE(formatLogLine(QtInfoMsg, nullptr, QStringLiteral("x"), when),
                 QStringLiteral("2026-12-03 09:30:01.250 info default: x"));
    }

    void writesRedactedLinesToTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.log"));
        QVERIFY(installMessageHandler(path).ok());
        qCWarning(lcTest) << "registration for 13812345678 with id 11010519491231002X";
        removeMessageHandler();
        qCWarning(lcTest) << "after removal";

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString log = QString::fromUtf8(file.readAll());
        QVERIFY2(log.contains(u"warning hall.test: registration for [mobile] with id [id-number]"),
                 qPrintable(log));
        QVERIFY(!log.contains(u"13812345678"));
        QVERIFY(!log.contains(u"after removal"));
        QCOMPARE(log.count(u'\n'), 1);
    }

    void unwritableFileIsAnErrorAndChangesNothing() {
        const auto currentHandler = [] {
            const QtMessageHandler handler = qInstallMessageHandler(nullptr);
            qInstallMessageHandler(handler);
            return handler;
        };
        const QtMessageHandler before = currentHandler();
        QTemporaryDir dir;
        const auto status = installMessageHandler(dir.filePath(QStringLiteral("missing/dir/app.log")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, hall::ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(status.error().message).contains(u"missing/dir/app.log"));
        QVERIFY(currentHandler() == before);

        QVERIFY(installMessageHandler().ok());
        QVERIFY(currentHandler() != before);
        removeMessageHandler();
        QVERIFY(currentHandler() == before);
    }
};

QTEST_APPLESS_MAIN(TestMessageLog)
#include "tst_message_log.moc"
