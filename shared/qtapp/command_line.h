#pragma once

#include "protocol/result.h"
#include "qtapp/language.h"

#include <QSize>
#include <QString>

#include <chrono>
#include <optional>

class QCommandLineParser;

namespace hall::qt {

/// The options every hall program understands. Program-specific options go on the same parser.
struct CommonOptions {
    QString configPath;                   ///< --config FILE: connection settings; empty when not given
    Language language = kDefaultLanguage; ///< --lang en|zh_CN
    bool fullscreen = false;              ///< --fullscreen
    std::optional<QSize> geometry;        ///< --geometry WxH: size of the main window
    QString screenshotPath;               ///< --screenshot FILE: save the main window as PNG, then quit
    std::chrono::milliseconds screenshotDelay{300}; ///< --screenshot-delay MS: settle time before the grab
    QString logFilePath;                            ///< --log-file FILE: also append log lines to FILE
};

/// Adds the common options (not --help/--version) to a parser. Help texts are English: the command line
/// is for the people who install the hall, not for citizens.
void addCommonOptions(QCommandLineParser& parser);

/// Reads the common options from a parser that has parsed the command line. A bad value gives
/// InvalidArgument naming the option and the value.
Result<CommonOptions> readCommonOptions(const QCommandLineParser& parser);

/// "1080x1920" → 1080×1920. Each side must be between 64 and 16384 pixels.
std::optional<QSize> parseGeometry(QStringView text);

} // namespace hall::qt
