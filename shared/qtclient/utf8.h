#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

/// The protocol carries UTF-8 in std::string; Qt speaks QString. These are the only conversions between
/// the two, so every program converts the same way.
namespace hall::qt {

inline QString toQString(std::string_view utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

inline std::string toStdString(QStringView text) {
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

inline QStringList toQStringList(const std::vector<std::string>& items) {
    QStringList out;
    out.reserve(static_cast<qsizetype>(items.size()));
    for (const auto& item : items)
        out.append(toQString(item));
    return out;
}

inline std::vector<std::string> toStdStrings(const QStringList& items) {
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(items.size()));
    for (const auto& item : items)
        out.push_back(toStdString(item));
    return out;
}

} // namespace hall::qt
