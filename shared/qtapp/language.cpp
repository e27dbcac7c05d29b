#include "qtapp/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "hall.language")

namespace hall::qt {

using namespace Qt::StringLiterals;

QString languageCode(Language language) {
    switch (language) {
    case Language::SimplifiedChinese:
        return QStringLiteral("zh_CN");
    case Language::English:
        return QStringLiteral("en");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Language> languageFromCode(QStringView code) {
    const QString normalized = code.trimmed().toString().toLower().replace(u'-', u'_');
    if (normalized == u"zh_cn" || normalized == u"zh")
        return Language::SimplifiedChinese;
    if (normalized == u"en")
        return Language::English;
    return std::nullopt;
}

QLocale localeFor(Language language) {
    switch (language) {
    case Language::SimplifiedChinese:
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    case Language::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    }
    Q_UNREACHABLE();
    return QLocale::c();
}

LanguageManager::LanguageManager(QStringList catalogs, QObject* parent)
    : QObject(parent), m_catalogs(std::move(catalogs)) {}

LanguageManager::~LanguageManager() {
    for (const auto& translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
}

Status LanguageManager::setLanguage(Language language) {
    std::vector<std::unique_ptr<QTranslator>> fresh;
    if (language != Language::English) {
        const QString code = languageCode(language);
        for (const QString& catalog : std::as_const(m_catalogs)) {
            auto translator = std::make_unique<QTranslator>();
            const QString path = u":/i18n/"_s + catalog + u'_' + code + u".qm"_s;
            if (!translator->load(path)) {
                return Error{ErrorCode::NotFound,
                             "no translation catalog " + path.toStdString() + " in this program"};
            }
            fresh.push_back(std::move(translator));
        }
        // Qt's own strings (the line edit's context menu, standard dialogs) are a bonus, not a must:
        // the system may not have them.
        auto qtbase = std::make_unique<QTranslator>();
        if (qtbase->load(localeFor(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            fresh.push_back(std::move(qtbase));
        else
            qCDebug(lcLanguage) << "no Qt translations for" << code << "on this system";
    }

    for (const auto& translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
    m_installed = std::move(fresh);
    for (const auto& translator : m_installed)
        QCoreApplication::installTranslator(translator.get());

    QLocale::setDefault(localeFor(language));
    const bool changed = language != m_language;
    m_language = language;
    qCInfo(lcLanguage) << "language" << languageCode(language);
    if (changed)
        Q_EMIT languageChanged(language);
    return success();
}

} // namespace hall::qt
