#include "announcer.h"
#include "display_feed.h"
#include "display_model.h"
#include "display_screen.h"
#include "sample_board.h"

#include "present/voice_clips.h"
#include "present/voice_playlist.h"
#include "qtapp/application_setup.h"
#include "qtclient/hall_connection.h"

#include <QApplication>
#include <QDateTime>
#include <QLoggingCategory>

#include <iostream>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDisplayMain, "hall.display")

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    hall::qt::ApplicationSetup setup(
        app, {u"led-display"_s, u"Queue display of one floor, with voice calls."_s, u"display"_s, 20});
    auto& parser = setup.parser();
    parser.addOption(
        {u"led"_s, u"LED panel look at the controller's resolution, for example 192x96."_s, u"WxH"_s});
    parser.addOption({u"mute"_s, u"Show calls without announcing them."_s});
    parser.addOption({u"announce-window"_s,
                      u"Announce calls at most this many seconds old (default 120); older ones are listed."_s,
                      u"seconds"_s, u"120"_s});
    parser.addOption(
        {u"sample"_s, u"Show a built-in sample floor instead of connecting (screenshots, panel tests)."_s});
    if (const auto exitCode = setup.initialize())
        return *exitCode;

    std::optional<QSize> led;
    if (parser.isSet(u"led"_s)) {
        led = hall::qt::parseGeometry(parser.value(u"led"_s));
        if (!led || led->width() < 32 || led->height() < 16) {
            std::cerr << "led-display: --led wants WxH, at least 32x16, for example 192x96\n";
            return 2;
        }
    }
    bool windowOk = false;
    const int announceSeconds = parser.value(u"announce-window"_s).toInt(&windowOk);
    if (!windowOk || announceSeconds < 0) {
        std::cerr << "led-display: --announce-window wants a number of seconds\n";
        return 2;
    }
    const bool sample = parser.isSet(u"sample"_s);
    if (!sample && setup.options().configPath.isEmpty()) {
        std::cerr << "led-display: --config FILE is required (or --sample)\n";
        return 2;
    }

    std::unique_ptr<hall::qt::HallConnection> connection;
    if (!sample) {
        hall::qt::ConnectionSettings defaults;
        defaults.clientName = u"led-display"_s;
        defaults.clientVersion = QStringLiteral(HALL_VERSION);
        auto settings = hall::qt::ConnectionSettings::fromIniFile(setup.options().configPath, defaults);
        if (!settings) {
            std::cerr << "led-display: " << settings.error().message << '\n';
            return 2;
        }
        connection = std::make_unique<hall::qt::HallConnection>(*settings);
    }
    hall::qt::HallConnection* link = connection.get();
    hall::display::DisplayModel model(
        [link] { return QDateTime::currentMSecsSinceEpoch() + (link ? link->serverClockOffsetMs() : 0); });
    model.setAnnounceWindow(std::chrono::seconds(announceSeconds));

    // A muted display never opens the audio device (no sound server is needed for it).
    std::unique_ptr<hall::display::ClipPlayer> player;
    if (parser.isSet(u"mute"_s))
        player = std::make_unique<hall::display::SilentClipPlayer>();
    else
        player = std::make_unique<hall::display::MediaClipPlayer>();
    hall::display::Announcer announcer(player.get());
    announcer.setMuted(parser.isSet(u"mute"_s));
    if (!announcer.isMuted()) {
        if (const auto clips = hall::present::resolvePlaylist(hall::present::allClipIds()); !clips)
            qCWarning(lcDisplayMain) << "voice clips incomplete, calls will only be shown:"
                                     << QString::fromStdString(clips.error().message);
    }
    QObject::connect(&model, &hall::display::DisplayModel::callMade, &announcer,
                     [&announcer](const hall::display::CallEntry& call, bool announce) {
                         if (announce)
                             announcer.announce(call);
                     });

    std::unique_ptr<hall::display::DisplayFeed> feed;
    if (sample) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        model.setFloor(2);
        model.resetFromBoard(hall::display::sampleBoard(now));
        model.setNotices(hall::display::sampleNotices(now));
        model.setConnected(true);
        model.applyEvent(hall::display::sampleCallEvent(now));
    } else {
        feed = std::make_unique<hall::display::DisplayFeed>(*connection, model);
        if (const auto started = connection->start(); !started) {
            std::cerr << "led-display: " << started.error().message << '\n';
            return 2;
        }
    }

    hall::display::DisplayScreen screen(model);
    screen.setWindowTitle(u"led-display"_s);
    if (led) {
        screen.setLook(hall::display::DisplayScreen::Look::LedPanel);
        screen.setLedResolution(*led);
        if (!setup.options().geometry)
            screen.resize(*led * std::max(1, 1536 / led->width()));
    } else if (!setup.options().geometry) {
        screen.resize(1920, 1080);
    }
    setup.showMainWindow(&screen);
    return app.exec();
}
