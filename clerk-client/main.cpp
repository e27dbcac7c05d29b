#include "clerk_session.h"
#include "main_window.h"

#include "qtapp/application_setup.h"
#include "qtclient/hall_connection.h"
#include "touchui/theme.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    hall::qt::ApplicationSetup setup(app, {QStringLiteral("clerk-client"),
                                           QStringLiteral("Clerk workstation at a service window."),
                                           QStringLiteral("clerk"), 12});
    if (const auto exitCode = setup.initialize())
        return *exitCode;
    hall::touch::Theme::desk().apply(app);

    hall::qt::ConnectionSettings defaults;
    defaults.clientName = QStringLiteral("clerk-client");
    defaults.clientVersion = QStringLiteral(HALL_VERSION);
    const auto settings = hall::qt::ConnectionSettings::fromIniFile(setup.options().configPath, defaults);
    if (!settings) {
        std::fprintf(stderr, "clerk-client: %s\n", settings.error().message.c_str());
        return 2;
    }
    hall::qt::HallConnection connection(*settings);
    clerk::ClerkSession session(connection);
    clerk::MainWindow window(session);
    if (auto started = connection.start(); !started) {
        std::fprintf(stderr, "clerk-client: %s\n", started.error().message.c_str());
        return 2;
    }
    setup.showMainWindow(&window);
    return app.exec();
}
