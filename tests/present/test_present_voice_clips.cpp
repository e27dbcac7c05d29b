#include "present/voice_clips.h"
#include "present/voice_playlist.h"

#include <QTest>

#include <fstream>
#include <map>

using namespace hall;
using namespace hall::present;
using std::chrono::milliseconds;

namespace {

TicketNumber ticket(std::string_view prefix, std::uint32_t serial, int width = kDefaultTicketWidth) {
    Result<TicketNumber> made = TicketNumber::make(prefix, serial, width);
    Q_ASSERT(made.ok());
    return *made;
}

WindowId window(int floor, int number) {
    Result<WindowId> made = WindowId::make(floor, number);
    Q_ASSERT(made.ok());
    return *made;
}

// The build's manifest: clip id -> duration in milliseconds.
std::map<std::string, long> manifestDurations() {
    std::ifstream in(builtClipDirectory() / "manifest.tsv");
    std::map<std::string, long> durations;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::size_t first = line.find('\t');
        const std::size_t second = line.find('\t', first + 1);
        const std::size_t third = line.find('\t', second + 1);
        durations[line.substr(0, first)] = std::stol(line.substr(second + 1, third - second - 1));
    }
    return durations;
}

milliseconds announcementLength(const std::vector<std::string>& playlist) {
    Result<std::vector<std::filesystem::path>> files = resolvePlaylist(playlist);
    Q_ASSERT(files.ok());
    milliseconds total{0};
    for (const std::filesystem::path& file : *files) {
        total += readWavInfo(file)->duration();
    }
    return total;
}

} // namespace

// Checks the clips the build generated in <build>/voice (the test depends on the hall_voice_clips target).
class TestPresentVoiceClips : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // Only the build's own clips are under test here, not a hall's replacements.
        qunsetenv("HALL_VOICE_DIR");
    }

    void everyClipIsASensibleWav() {
        const std::map<std::string, long> manifest = manifestDurations();
        QCOMPARE(manifest.size(), allClipIds().size());
        for (const std::string& id : allClipIds()) {
            const std::optional<std::filesystem::path> file = resolveClip(id);
            QVERIFY2(file.has_value(), id.c_str());
            QCOMPARE(file->parent_path(), builtClipDirectory());
            Result<WavInfo> info = readWavInfo(*file);
            QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
            QCOMPARE(info->sampleRate, std::uint32_t(22050));
            QCOMPARE(info->channels, std::uint16_t(1));
            QCOMPARE(info->bitsPerSample, std::uint16_t(16));
            QVERIFY2(info->frames > 0, id.c_str());
            // A spoken word or letter is a fraction of a second; the longest phrase is under three.
            const milliseconds length = info->duration();
            QVERIFY2(length >= milliseconds(150) && length <= milliseconds(3000),
                     (id + ": " + std::to_string(length.count()) + " ms").c_str());
            QVERIFY2(manifest.contains(id), id.c_str());
            QVERIFY(std::abs(manifest.at(id) - static_cast<long>(length.count())) <= 1);
        }
    }

    void announcementsHaveASaneLength() {
        const milliseconds call = announcementLength(callPlaylist(ticket("A", 23), window(2, 7)));
        const milliseconds longest =
            announcementLength(callPlaylist(ticket("WX", 98765, 5), window(9, 99), CallKind::Recall));
        qInfo("A023 at 2-07: %lld ms; recall of WX98765 at 9-99: %lld ms",
              static_cast<long long>(call.count()), static_cast<long long>(longest.count()));
        // Long enough to be understood, short enough that a queue of calls does not back up.
        QVERIFY(call >= milliseconds(3000) && call <= milliseconds(12000));
        QVERIFY(longest > call);
        QVERIFY(longest <= milliseconds(16000));
    }
};

QTEST_APPLESS_MAIN(TestPresentVoiceClips)
#include "test_present_voice_clips.moc"
