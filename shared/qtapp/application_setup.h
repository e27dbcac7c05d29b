#pragma once

#include "qtapp/command_line.h"
#include "qtapp/language.h"

#include <QCommandLineParser>
#include <QFont>
#include <QObject>
#include <QString>

#include <optional>

class QApplication;
class QWidget;

namespace hall::qt {

/// What a program says about itself to ApplicationSetup.
struct ProgramInfo {
    QString name;        ///< application name and log name, for example "kiosk-client"
    QString description; ///< one English sentence for --help
    QString
        translationCatalog; ///< base name of the program's catalog (:/i18n/<catalog>_zh_CN.qm); empty: none
    qreal fontPointSize = 11.0; ///< body text size; touch programs then apply their Theme on top
};

/// The application font: Noto Sans CJK SC first, so Han characters take their Simplified Chinese forms
/// even in a C or C.UTF-8 locale (where Qt would otherwise fall back to the Japanese face).
QFont applicationFont(qreal pointSize);

/// The font families applicationFont() uses, in order of preference.
QStringList applicationFontFamilies();

/// Everything a hall program's thin main() does before it builds its main window: application names,
/// the common command line (see CommonOptions), the log handler, the application font and the
/// translations (Simplified Chinese unless --lang en). The shared catalog "hall" (strings of the shared
/// widgets) is always loaded; the program's own catalog when ProgramInfo names one.
///
///     QApplication app(argc, argv);
///     hall::qt::ApplicationSetup setup(app, {u"kiosk-client"_s, u"Touch-screen inquiry kiosk."_s, u"kiosk"_s,
///     20}); setup.parser().addOption({u"kiosk-id"_s, u"This kiosk's device name."_s, u"id"_s}); // optional
///     if (const auto exitCode = setup.initialize())
///         return *exitCode;
///     kiosk::MainWindow window(setup.options().configPath, setup.parser().value(u"kiosk-id"_s));
///     setup.showMainWindow(&window);
///     return app.exec();
class ApplicationSetup : public QObject {
    Q_OBJECT

public:
    /// Takes the application to make plain that one must exist before the setup.
    ApplicationSetup(QApplication& app, ProgramInfo info);
    ~ApplicationSetup() override;

    /// The parser, for adding program options before initialize() and reading them after.
    QCommandLineParser& parser() { return m_parser; }

    /// Parses the command line (QCoreApplication::arguments() unless given) and applies it. Returns an
    /// exit code when the program should stop at once: 0 after --help or --version, 2 for a usage error,
    /// 1 when the log file or a translation catalog cannot be opened (the reason goes to stderr).
    /// Returns nothing when the program should go on.
    std::optional<int> initialize();
    std::optional<int> initialize(const QStringList& arguments);

    const CommonOptions& options() const { return m_options; }
    const ProgramInfo& info() const { return m_info; }
    LanguageManager& languages() { return m_languages; }

    /// Switches the language at run time; widgets retranslate through QEvent::LanguageChange.
    Status setLanguage(Language language) { return m_languages.setLanguage(language); }

    /// Shows the main window as the options ask: resized to --geometry, full screen with --fullscreen.
    /// With --screenshot the window is saved once settled and the event loop then quits with 0 (saved)
    /// or 1 (not saved, reason logged).
    void showMainWindow(QWidget* window);

Q_SIGNALS:
    /// Emitted just before the event loop is asked to quit after --screenshot.
    void screenshotFinished(bool saved);

private:
    ProgramInfo m_info;
    QCommandLineParser m_parser;
    CommonOptions m_options;
    LanguageManager m_languages;
    bool m_logInstalled = false;
};

} // namespace hall::qt
