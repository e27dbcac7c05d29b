#include "rating_outbox.h"
#include "rating_sender.h"
#include "tablet_controller.h"
#include "tablet_model.h"
#include "tablet_window.h"

#include "qtapp/application_setup.h"
#include "qtclient/hall_connection.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    hall::qt::ApplicationSetup setup(
        app, {u"tablet-eval"_s, u"Counter tablet: who serves the citizen, and rating the service."_s,
              u"tablet"_s, 20});
    setup.parser().addOption(
        {u"outbox"_s, u"SQLite file keeping ratings until the server has them."_s, u"file"_s});
    if (const auto exitCode = setup.initialize())
        return *exitCode;
    hall::touch::Theme::touch().apply(app);

    hall::qt::ConnectionSettings defaults;
    defaults.clientName = u"tablet-eval"_s;
    std::optional<hall::qt::ConnectionSettings> settings;
    if (!setup.options().configPath.isEmpty()) {
        auto loaded = hall::qt::ConnectionSettings::fromIniFile(setup.options().configPath, defaults);
        if (!loaded) {
            std::fprintf(stderr, "tablet-eval: %s\n", loaded.error().message.c_str());
            return 2;
        }
        settings = *loaded;
    }

    QString outboxPath = setup.parser().value(u"outbox"_s);
    if (outboxPath.isEmpty())
        outboxPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/ratings.sqlite"_s;

    hall::qt::HallConnection connection(settings.value_or(defaults));
    tablet::TabletModel model;
    tablet::ConnectionRatingSender sender(connection);
    tablet::RatingOutbox outbox(outboxPath, &sender);
    if (auto opened = outbox.open(); !opened) {
        std::fprintf(stderr, "tablet-eval: %s\n", opened.error().message.c_str());
        return 1;
    }
    tablet::TabletController controller(connection, model, outbox);
    tablet::TabletWindow window(model, outbox);
    window.setOnline(false);
    QObject::connect(&controller, &tablet::TabletController::onlineChanged, &window,
                     &tablet::TabletWindow::setOnline);
    if (settings) {
        if (auto started = connection.start(); !started) {
            std::fprintf(stderr, "tablet-eval: %s\n", started.error().message.c_str());
            return 1;
        }
    }
    setup.showMainWindow(&window);
    return app.exec();
}
