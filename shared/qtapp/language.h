#pragma once

#include "protocol/result.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QTranslator;

namespace hall::qt {

/// The languages the hall's programs speak. English is the language of the source strings; Simplified
/// Chinese is what every program shows unless told otherwise.
enum class Language { SimplifiedChinese, English };

inline constexpr Language kDefaultLanguage = Language::SimplifiedChinese;

/// "zh_CN" or "en": the code used on the command line and in translation file names.
QString languageCode(Language language);

/// The language for a code: "zh_CN", "zh-CN", "zh" or "en" in any letter case; nothing for other codes.
std::optional<Language> languageFromCode(QStringView code);

/// The locale that formats numbers and dates for the language.
QLocale localeFor(Language language);

/// Owns the translators of one program and swaps them when the language changes.
///
/// Catalogs are compiled into the program's resources as :/i18n/<catalog>_<code>.qm (see
/// hall_add_translations in cmake/HallTranslations.cmake). Installing or removing a translator makes Qt
/// post QEvent::LanguageChange to every widget, so widgets retranslate in changeEvent(); objects that are
/// not widgets can listen to languageChanged(). Qt's own strings (qtbase_<code>.qm) are loaded when the
/// system has them and skipped silently otherwise. Use from the GUI thread only.
class LanguageManager : public QObject {
    Q_OBJECT

public:
    /// catalogs: base names under :/i18n/, for example {"hall", "kiosk"}. Nothing is installed until
    /// setLanguage() is called, so the program starts in English, the source language.
    explicit LanguageManager(QStringList catalogs, QObject* parent = nullptr);
    ~LanguageManager() override;

    Language language() const { return m_language; }
    const QStringList& catalogs() const { return m_catalogs; }

    /// Switches every catalog to the language and sets the default QLocale. Fails with NotFound, changing
    /// nothing, when a catalog has no compiled file for the language.
    Status setLanguage(Language language);

Q_SIGNALS:
    void languageChanged(hall::qt::Language language);

private:
    QStringList m_catalogs;
    Language m_language = Language::English;
    std::vector<std::unique_ptr<QTranslator>> m_installed;
};

} // namespace hall::qt
