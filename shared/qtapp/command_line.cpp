#include "qtapp/command_line.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace hall::qt {

namespace {

constexpr int kMinSide = 64;
constexpr int kMaxSide = 16384;
constexpr long long kMaxScreenshotDelayMs = 60'000;

QString opt(const char* name) {
    return QString::fromLatin1(name);
}

Error badValue(const char* option, const QString& value, const char* expected) {
    return Error{ErrorCode::InvalidArgument,
                 std::string("--") + option + ": '" + value.toStdString() + "' is not " + expected};
}

} // namespace

void addCommonOptions(QCommandLineParser& parser) {
    parser.addOption({opt("config"), opt("Connection settings (INI file)."), opt("file")});
    parser.addOption({opt("lang"), opt("User interface language: zh_CN (default) or en."), opt("code")});
    parser.addOption({opt("fullscreen"), opt("Show the main window full screen.")});
    parser.addOption({opt("geometry"), opt("Size of the main window, for example 1080x1920."), opt("WxH")});
    parser.addOption({opt("screenshot"),
                      opt("Save the main window as a PNG once it is shown and settled, then quit."),
                      opt("file")});
    parser.addOption({opt("screenshot-delay"),
                      opt("Milliseconds to let the window settle before the screenshot (default 300)."),
                      opt("ms")});
    parser.addOption({opt("log-file"), opt("Also append log messages to this file."), opt("file")});
}

Result<CommonOptions> readCommonOptions(const QCommandLineParser& parser) {
    CommonOptions options;
    options.configPath = parser.value(opt("config"));
    options.fullscreen = parser.isSet(opt("fullscreen"));
    options.screenshotPath = parser.value(opt("screenshot"));
    options.logFilePath = parser.value(opt("log-file"));

    if (parser.isSet(opt("lang"))) {
        const QString code = parser.value(opt("lang"));
        const auto language = languageFromCode(code);
        if (!language)
            return badValue("lang", code, "a known language (zh_CN or en)");
        options.language = *language;
    }
    if (parser.isSet(opt("geometry"))) {
        const QString text = parser.value(opt("geometry"));
        options.geometry = parseGeometry(text);
        if (!options.geometry)
            return badValue("geometry", text, "a size like 1080x1920");
    }
    if (parser.isSet(opt("screenshot-delay"))) {
        const QString text = parser.value(opt("screenshot-delay"));
        bool ok = false;
        const long long ms = text.toLongLong(&ok);
        if (!ok || ms < 0 || ms > kMaxScreenshotDelayMs)
            return badValue("screenshot-delay", text, "a number of milliseconds from 0 to 60000");
        options.screenshotDelay = std::chrono::milliseconds(ms);
    }
    for (const char* name : {"config", "screenshot", "log-file"}) {
        if (parser.isSet(opt(name)) && parser.value(opt(name)).trimmed().isEmpty())
            return Error{ErrorCode::InvalidArgument, std::string("--") + name + ": the file name is empty"};
    }
    return options;
}

std::optional<QSize> parseGeometry(QStringView text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX×](\\d{1,5})$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int width = match.capturedView(1).toInt();
    const int height = match.capturedView(2).toInt();
    if (width < kMinSide || height < kMinSide || width > kMaxSide || height > kMaxSide)
        return std::nullopt;
    return QSize(width, height);
}

} // namespace hall::qt
