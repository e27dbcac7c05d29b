// Every catalog registered with hall_add_translations must be complete: lupdate is run over a copy of
// each .ts with the sources it is made from, so a tr() string added without running update_translations
// shows up as unfinished just like a string nobody translated yet.
#include "ts_audit.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Catalog {
    QString tsFile;
    QStringList sources;
    QStringList includeDirs;
};

QList<Catalog> readManifest(const QString& path, QString* error) {
    QList<Catalog> catalogs;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + u": " + file.errorString();
        return catalogs;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0)
            continue;
        const QString kind = line.left(tab);
        const QString value = line.mid(tab + 1);
        if (kind == u"ts")
            catalogs.append({value, {}, {}});
        else if (kind == u"source" && !catalogs.isEmpty())
            catalogs.last().sources.append(value);
        else if (kind == u"include" && !catalogs.isEmpty() && !value.isEmpty())
            catalogs.last().includeDirs.append(value);
    }
    return catalogs;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void auditSeesUnfinishedAndEmptyMessages() {
        const TsAudit audit =
            auditTsFile(QStringLiteral(HALL_SOURCE_DIR "/tests/qtapp/data/incomplete_zh_CN.ts"));
        QVERIFY2(audit.error.isEmpty(), qPrintable(audit.error));
        QCOMPARE(audit.language, QStringLiteral("zh_CN"));
        QCOMPARE(audit.messages, 5); // the vanished one does not count
        QCOMPARE(audit.unfinished,
                 (QStringList{QStringLiteral("Fixture: Marked unfinished"), QStringLiteral("Fixture: Empty"),
                              QStringLiteral("Fixture: %n people waiting")}));
    }

    void auditReportsUnreadableFiles() {
        QVERIFY(!auditTsFile(QStringLiteral(HALL_SOURCE_DIR "/tests/qtapp/data/no-such.ts")).error.isEmpty());
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("broken_zh_CN.ts")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("<TS language=\"zh_CN\"><context><name>X</name><message>");
        broken.close();
        QVERIFY(!auditTsFile(broken.fileName()).error.isEmpty());
    }

    void catalogIsComplete_data() {
        QTest::addColumn<QString>("tsFile");
        QTest::addColumn<QStringList>("sources");
        QTest::addColumn<QStringList>("includeDirs");
        QString error;
        const QList<Catalog> catalogs =
            readManifest(QStringLiteral(HALL_BINARY_DIR "/hall-translations.txt"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!catalogs.isEmpty(), "no catalog registered with hall_add_translations");
        for (const Catalog& catalog : catalogs)
            QTest::newRow(qPrintable(QFileInfo(catalog.tsFile).fileName()))
                << catalog.tsFile << catalog.sources << catalog.includeDirs;
    }

    void catalogIsComplete() {
        QFETCH(QString, tsFile);
        QFETCH(QStringList, sources);
        QFETCH(QStringList, includeDirs);
        QVERIFY2(QFileInfo::exists(tsFile),
                 qPrintable(tsFile + u" is missing: run the update_translations target"));
        QVERIFY(!sources.isEmpty());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
        QVERIFY(QFile::copy(tsFile, copy));
        QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QFile list(dir.filePath(QStringLiteral("sources.lst")));
        QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Text));
        list.write(sources.join(u'\n').toUtf8());
        list.close();

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments{QStringLiteral("-silent"), QStringLiteral("-locations"),
                              QStringLiteral("none")};
        for (const QString& includeDir : includeDirs)
            arguments << u"-I" + includeDir;
        arguments << u'@' + list.fileName() << QStringLiteral("-ts") << copy;
        lupdate.start(QStringLiteral(HALL_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(60'000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());

        const TsAudit audit = auditTsFile(copy);
        QVERIFY2(audit.error.isEmpty(), qPrintable(audit.error));
        QVERIFY2(tsFile.endsWith(u'_' + audit.language + u".ts"),
                 qPrintable(u"the file name does not match its language " + audit.language));
        QVERIFY2(audit.messages > 0, "the catalog has no strings: are its sources right?");
        QVERIFY2(audit.unfinished.isEmpty(),
                 qPrintable(u"untranslated or new strings (run update_translations, then translate):\n  " +
                            audit.unfinished.join(QStringLiteral("\n  "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
