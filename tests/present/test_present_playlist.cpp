#include "present/voice_clips.h"
#include "present/voice_playlist.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <set>

using namespace hall;
using namespace hall::present;

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

using Ids = std::vector<std::string>;

// The clip ids of resources/voice/clips.tsv, in file order.
Ids clipListIds() {
    std::ifstream in(std::string(HALL_SOURCE_DIR) + "/resources/voice/clips.tsv");
    Ids ids;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        ids.push_back(line.substr(0, line.find('\t')));
    }
    return ids;
}

void putU16(std::string& out, unsigned value) {
    out.push_back(static_cast<char>(value & 0xFF));
    out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void putU32(std::string& out, std::uint32_t value) {
    putU16(out, value & 0xFFFF);
    putU16(out, value >> 16);
}

std::string chunk(std::string_view id, std::string_view body, std::uint32_t declaredSize) {
    std::string out(id);
    putU32(out, declaredSize);
    out += body;
    if (body.size() % 2 == 1) {
        out.push_back('\0');
    }
    return out;
}

std::string chunk(std::string_view id, std::string_view body) {
    return chunk(id, body, static_cast<std::uint32_t>(body.size()));
}

std::string fmtBody(unsigned format, unsigned channels, std::uint32_t rate, unsigned bits) {
    std::string body;
    putU16(body, format);
    putU16(body, channels);
    putU32(body, rate);
    putU32(body, rate * channels * bits / 8);
    putU16(body, channels * bits / 8);
    putU16(body, bits);
    return body;
}

std::string wave(const std::string& chunks) {
    std::string out = "RIFF";
    putU32(out, static_cast<std::uint32_t>(4 + chunks.size()));
    return out + "WAVE" + chunks;
}

} // namespace

class TestPresentPlaylist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void callForA023AtWindow207() {
        const Ids expected = {"chime",   "call_please", "letter_a",   "digit_0", "digit_2",
                              "digit_3", "call_number", "call_to",    "digit_2", "dash",
                              "digit_0", "digit_7",     "call_window"};
        QCOMPARE(callPlaylist(ticket("A", 23), window(2, 7)), expected);
    }

    void recallStartsWithCallingAgain() {
        const Ids expected = {"chime",   "call_again", "call_please", "letter_v",    "letter_b", "digit_1",
                              "digit_0", "digit_0",    "digit_0",     "call_number", "call_to",  "digit_9",
                              "dash",    "digit_9",    "digit_9",     "call_window"};
        QCOMPARE(callPlaylist(ticket("VB", 1000), window(9, 99), CallKind::Recall), expected);
    }

    void readsThePaddedDigits() {
        const Ids playlist = callPlaylist(ticket("C", 5, 5), window(1, 10));
        const Ids digits(playlist.begin() + 3, playlist.begin() + 8);
        QCOMPARE(digits, (Ids{"digit_0", "digit_0", "digit_0", "digit_0", "digit_5"}));
        QCOMPARE(Ids(playlist.end() - 5, playlist.end()),
                 (Ids{"digit_1", "dash", "digit_1", "digit_0", "call_window"}));
    }

    void clipListMatchesTheCode() {
        const Ids& ids = allClipIds();
        QCOMPARE(ids.size(), std::size_t(7 + 26 + 10));
        QCOMPARE(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
        QCOMPARE(clipListIds(), ids);
    }

    void everyPlaylistUsesKnownClips() {
        const std::set<std::string> known(allClipIds().begin(), allClipIds().end());
        std::set<std::string> used;
        std::vector<std::string> prefixes = {"AB", "YX", "ZZ"};
        for (char letter = 'A'; letter <= 'Z'; ++letter) {
            if (checkQueuePrefix(std::string(1, letter)).ok()) {
                prefixes.emplace_back(1, letter);
            }
        }
        for (const std::string& prefix : prefixes) {
            for (std::uint32_t serial : {1u, 23u, 456u, 7890u, 98765u}) {
                for (const WindowId w :
                     {window(1, 1), window(2, 7), window(3, 48), window(5, 96), window(9, 99)}) {
                    for (CallKind kind : {CallKind::First, CallKind::Recall}) {
                        for (const std::string& id : callPlaylist(ticket(prefix, serial), w, kind)) {
                            QVERIFY2(known.contains(id), id.c_str());
                            used.insert(id);
                        }
                    }
                }
            }
        }
        // Every clip but I and O (never in a prefix) is reachable.
        for (const std::string& id : allClipIds()) {
            QVERIFY2(used.contains(id) == (id != "letter_i" && id != "letter_o"), id.c_str());
        }
    }

    void clipDirectoryFollowsTheEnvironment() {
        QCOMPARE(builtClipDirectory(), std::filesystem::path(std::string(HALL_BINARY_DIR) + "/voice"));
        qunsetenv("HALL_VOICE_DIR");
        QCOMPARE(clipDirectory(), builtClipDirectory());
        qputenv("HALL_VOICE_DIR", "");
        QCOMPARE(clipDirectory(), builtClipDirectory());
        qputenv("HALL_VOICE_DIR", "/srv/hall/voice");
        QCOMPARE(clipDirectory(), std::filesystem::path("/srv/hall/voice"));
        qunsetenv("HALL_VOICE_DIR");
    }

    void replacedClipsComeFirst() {
        QTemporaryDir hallVoice;
        QVERIFY(hallVoice.isValid());
        const std::filesystem::path folder(hallVoice.path().toStdString());
        std::ofstream(folder / "digit_7.wav") << "recorded";
        qputenv("HALL_VOICE_DIR", hallVoice.path().toLocal8Bit());
        QCOMPARE(resolveClip("digit_7"), std::optional(folder / "digit_7.wav"));
        QVERIFY(!resolveClip("no_such_clip").has_value());
        const Result<std::vector<std::filesystem::path>> missing =
            resolvePlaylist({"digit_7", "no_such_clip"});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.starts_with("voice clip no_such_clip.wav is in neither "));
        qunsetenv("HALL_VOICE_DIR");
    }

    void wavHeaders() {
        const std::string pcm =
            wave(chunk("fmt ", fmtBody(1, 1, 22050, 16)) + chunk("data", std::string(44100, '\0')));
        Result<WavInfo> info = parseWavHeader(pcm);
        QVERIFY(info.ok());
        QCOMPARE(info->channels, std::uint16_t(1));
        QCOMPARE(info->sampleRate, std::uint32_t(22050));
        QCOMPARE(info->bitsPerSample, std::uint16_t(16));
        QCOMPARE(info->frames, std::uint64_t(22050));
        QCOMPARE(info->duration(), std::chrono::milliseconds(1000));

        // An odd-sized chunk before the data is padded to an even length.
        const std::string padded = wave(chunk("fmt ", fmtBody(1, 2, 8000, 8)) + chunk("LIST", "abc") +
                                        chunk("data", std::string(800, '\0')));
        QCOMPARE(parseWavHeader(padded)->frames, std::uint64_t(400));

        std::string extensible = fmtBody(0xFFFE, 1, 22050, 16);
        putU16(extensible, 22);
        putU16(extensible, 16);
        putU32(extensible, 0x4);
        putU16(extensible, 1); // sub-format GUID begins with the PCM tag
        extensible += std::string(14, '\0');
        QCOMPARE(
            parseWavHeader(wave(chunk("fmt ", extensible) + chunk("data", std::string(4, '\0'))))->frames,
            std::uint64_t(2));

        const auto errorOf = [](const std::string& bytes) {
            Result<WavInfo> parsed = parseWavHeader(bytes);
            return parsed.ok() ? std::string("ok") : parsed.error().message;
        };
        QCOMPARE(errorOf("RIFX"), std::string("not a RIFF/WAVE file"));
        QCOMPARE(errorOf(wave(chunk("data", "abcd") + chunk("fmt ", fmtBody(1, 1, 22050, 16)))),
                 std::string("the data chunk comes before the fmt chunk"));
        QCOMPARE(errorOf(wave(chunk("fmt ", fmtBody(1, 1, 22050, 16)) + chunk("data", "abcd", 1000))),
                 std::string("the data chunk runs past the end of the file"));
        QCOMPARE(errorOf(wave(chunk("fmt ", fmtBody(3, 1, 22050, 32)) + chunk("data", "abcd"))),
                 std::string("the audio is not linear PCM (format 3)"));
        QCOMPARE(errorOf(wave(chunk("fmt ", "short") + chunk("data", "abcd"))),
                 std::string("the fmt chunk is too short"));
        QCOMPARE(errorOf(wave(chunk("fmt ", fmtBody(1, 0, 22050, 16)) + chunk("data", "abcd"))),
                 std::string("the fmt chunk describes no playable PCM layout"));
        QCOMPARE(errorOf(wave(chunk("fmt ", fmtBody(1, 1, 22050, 16)))),
                 std::string("the file has no data chunk"));
        QCOMPARE(errorOf(wave("")), std::string("the file has no fmt chunk"));
        QCOMPARE(readWavInfo("/nonexistent/clip.wav").error().code, ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestPresentPlaylist)
#include "test_present_playlist.moc"
