#include "announcer.h"

#include "present/voice_playlist.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hall::display::Announcer;
using hall::display::CallEntry;
using hall::display::ClipPlayer;

namespace {

/// Plays nothing: remembers what it was asked to play and finishes when the test says so. Fails the
/// test if a clip is started while another is still playing (that would cut it off).
class FakePlayer : public ClipPlayer {
public:
    void play(const QString& file) override {
        if (busy)
            overlapped = true;
        busy = true;
        played << file;
    }
    void finishCurrent(bool ok = true) {
        QVERIFY(busy);
        busy = false;
        Q_EMIT finished(ok);
    }
    /// Finishes clips until nothing plays; returns how many.
    int drain() {
        int count = 0;
        while (busy && count < 1000) {
            finishCurrent(true);
            ++count;
        }
        return count;
    }

    QStringList played;
    bool busy = false;
    bool overlapped = false;
};

CallEntry call(std::uint64_t id, const char* number, const char* window, bool recall = false) {
    return CallEntry{id, QString::fromLatin1(number), QString::fromLatin1(window), 0, recall ? 2 : 1, recall,
                     id};
}

} // namespace

class TestAnnouncer : public QObject {
    Q_OBJECT

    QTemporaryDir m_voice;

    /// The file names a call should play, in order, from present::callPlaylist.
    QStringList expectedFiles(const char* number, const char* window, bool recall = false) {
        const auto ids = hall::present::callPlaylist(
            *hall::present::parseTicketNumber(number), *hall::present::parseWindowId(window),
            recall ? hall::present::CallKind::Recall : hall::present::CallKind::First);
        QStringList files;
        for (const auto& id : ids)
            files << m_voice.filePath(QString::fromStdString(hall::present::clipFileName(id)));
        return files;
    }

private Q_SLOTS:
    void initTestCase() {
        // A voice folder of the hall's own with every clip, so the test does not depend on the build's.
        QVERIFY(m_voice.isValid());
        for (const auto& id : hall::present::allClipIds()) {
            QFile file(m_voice.filePath(QString::fromStdString(hall::present::clipFileName(id))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("RIFF");
        }
        qputenv("HALL_VOICE_DIR", QFile::encodeName(m_voice.path()));
    }

    void playlistStartsWithTheChime() {
        const QStringList files = Announcer::playlistFiles(call(1, "A023", "2-07"));
        QCOMPARE(files, expectedFiles("A023", "2-07"));
        QVERIFY(files.first().endsWith(u"chime.wav"_s));
        QVERIFY(Announcer::playlistFiles(call(1, "a23", "2-07")).isEmpty());
    }

    void threeQuickCallsAreSpokenCompletelyInOrder() {
        FakePlayer player;
        Announcer announcer(&player);
        QSignalSpy started(&announcer, &Announcer::announcementStarted);
        QSignalSpy finished(&announcer, &Announcer::announcementFinished);
        // Three calls arrive before the first clip of the first one has ended.
        QVERIFY(announcer.announce(call(1, "A023", "2-07")));
        QVERIFY(announcer.announce(call(2, "B011", "2-03")));
        QVERIFY(announcer.announce(call(3, "A023", "2-07", true)));
        QCOMPARE(player.played.size(), 1);
        QCOMPARE(announcer.pendingCount(), 2);
        player.drain();
        QVERIFY(!player.overlapped);
        QCOMPARE(player.played, expectedFiles("A023", "2-07") + expectedFiles("B011", "2-03") +
                                    expectedFiles("A023", "2-07", true));
        QCOMPARE(finished.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(finished.at(i).at(0).value<CallEntry>().ticketId, std::uint64_t(i + 1));
            QVERIFY(finished.at(i).at(1).toBool());
            QCOMPARE(started.at(i).at(0).value<CallEntry>().ticketId, std::uint64_t(i + 1));
        }
        QVERIFY(!announcer.isSpeaking());
    }

    void aCallDuringAnAnnouncementWaitsItsTurn() {
        FakePlayer player;
        Announcer announcer(&player);
        QSignalSpy finished(&announcer, &Announcer::announcementFinished);
        announcer.announce(call(1, "A023", "2-07"));
        player.finishCurrent();
        player.finishCurrent();
        announcer.announce(call(2, "C006", "2-06")); // in the middle of the first call's words
        const QStringList first = expectedFiles("A023", "2-07");
        // The first announcement goes on to its last clip before anything of the second starts.
        while (player.played.size() < first.size())
            player.finishCurrent();
        QCOMPARE(player.played, first);
        QCOMPARE(finished.size(), 0);
        player.finishCurrent();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(player.played.last(), expectedFiles("C006", "2-06").first());
        player.drain();
        QCOMPARE(finished.size(), 2);
        QVERIFY(!player.overlapped);
    }

    void aFailingClipIsSkippedNotFatal() {
        FakePlayer player;
        Announcer announcer(&player);
        QSignalSpy finished(&announcer, &Announcer::announcementFinished);
        announcer.announce(call(1, "A023", "2-07"));
        announcer.announce(call(2, "B011", "2-03"));
        player.finishCurrent(false); // the chime file is damaged
        player.drain();
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QCOMPARE(finished.at(1).at(1).toBool(), true);
        QCOMPARE(player.played.size(),
                 expectedFiles("A023", "2-07").size() + expectedFiles("B011", "2-03").size());
    }

    void mutedAnnouncesNothing() {
        FakePlayer player;
        Announcer announcer(&player);
        announcer.setMuted(true);
        announcer.announce(call(1, "A023", "2-07"));
        QVERIFY(player.played.isEmpty());
        QVERIFY(!announcer.isSpeaking());
    }
};

QTEST_GUILESS_MAIN(TestAnnouncer)
#include "tst_display_announcer.moc"
