#include "qtapp/application_setup.h"

#include "qtapp/message_log.h"
#include "qtapp/screenshot.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QWidget>

#include <cstdio>

Q_LOGGING_CATEGORY(lcSetup, "hall.app")

namespace hall::qt {

namespace {

QStringList catalogsFor(const ProgramInfo& info) {
    QStringList catalogs{QStringLiteral("hall")};
    if (!info.translationCatalog.isEmpty())
        catalogs.append(info.translationCatalog);
    return catalogs;
}

void printTo(std::FILE* stream, const QString& text) {
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    if (!text.endsWith(u'\n'))
        std::fputc('\n', stream);
}

} // namespace

QStringList applicationFontFamilies() {
    return {QStringLiteral("Noto Sans CJK SC"),   QStringLiteral("Noto Sans"),
            QStringLiteral("Source Han Sans SC"), QStringLiteral("WenQuanYi Micro Hei"),
            QStringLiteral("DejaVu Sans"),        QStringLiteral("sans-serif")};
}

QFont applicationFont(qreal pointSize) {
    Q_ASSERT(pointSize > 0);
    QFont font;
    font.setFamilies(applicationFontFamilies());
    font.setPointSizeF(pointSize);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

ApplicationSetup::ApplicationSetup(QApplication& app, ProgramInfo info)
    : m_info(std::move(info)), m_languages(catalogsFor(m_info)) {
    Q_ASSERT(&app == QCoreApplication::instance());
    Q_UNUSED(app);
    Q_ASSERT(!m_info.name.isEmpty());
    m_parser.setApplicationDescription(m_info.description);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    addCommonOptions(m_parser);
}

ApplicationSetup::~ApplicationSetup() {
    if (m_logInstalled)
        removeMessageHandler();
}

std::optional<int> ApplicationSetup::initialize() {
    return initialize(QCoreApplication::arguments());
}

std::optional<int> ApplicationSetup::initialize(const QStringList& arguments) {
    QCoreApplication::setOrganizationName(QStringLiteral("SunshineHall"));
    QCoreApplication::setApplicationName(m_info.name);
    QCoreApplication::setApplicationVersion(QStringLiteral(HALL_VERSION));

    if (!m_parser.parse(arguments)) {
        printTo(stderr, m_info.name + u": " + m_parser.errorText() + u"\nTry --help.");
        return 2;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        printTo(stdout, m_parser.helpText());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        printTo(stdout, m_info.name + u' ' + QCoreApplication::applicationVersion());
        return 0;
    }
    auto options = readCommonOptions(m_parser);
    if (!options) {
        printTo(stderr, m_info.name + u": " + QString::fromStdString(options.error().message));
        return 2;
    }
    m_options = std::move(options).value();

    if (const Status logged = installMessageHandler(m_options.logFilePath); !logged) {
        printTo(stderr, m_info.name + u": " + QString::fromStdString(logged.error().message));
        return 1;
    }
    m_logInstalled = true;

    QApplication::setFont(applicationFont(m_info.fontPointSize));

    if (const Status translated = m_languages.setLanguage(m_options.language); !translated) {
        qCCritical(lcSetup).noquote() << QString::fromStdString(translated.error().message);
        return 1;
    }
    qCInfo(lcSetup).noquote() << m_info.name << QCoreApplication::applicationVersion() << "starting, language"
                              << languageCode(m_options.language);
    return std::nullopt;
}

void ApplicationSetup::showMainWindow(QWidget* window) {
    Q_ASSERT(window);
    if (m_options.geometry)
        window->resize(*m_options.geometry);
    if (m_options.fullscreen)
        window->showFullScreen();
    else
        window->show();

    if (m_options.screenshotPath.isEmpty())
        return;
    saveScreenshotWhenSettled(
        window, m_options.screenshotPath, m_options.screenshotDelay, [this](const Status& saved) {
            if (saved)
                qCInfo(lcSetup).noquote() << "screenshot saved to" << m_options.screenshotPath;
            else
                qCCritical(lcSetup).noquote()
                    << "screenshot failed:" << QString::fromStdString(saved.error().message);
            Q_EMIT screenshotFinished(saved.ok());
            QCoreApplication::exit(saved ? 0 : 1);
        });
}

} // namespace hall::qt
