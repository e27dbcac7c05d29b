#include "ts_audit.h"

#include <QFile>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString source;
    QString type;
    QString translation;
    QStringList forms;
    bool numerus = false;
};

bool isLive(const Message& m) {
    return m.type != u"vanished" && m.type != u"obsolete";
}

bool isFinished(const Message& m) {
    if (m.type == u"unfinished")
        return false;
    if (m.numerus)
        return !m.forms.isEmpty() && std::none_of(m.forms.begin(), m.forms.end(),
                                                  [](const QString& f) { return f.trimmed().isEmpty(); });
    return !m.translation.trimmed().isEmpty();
}

} // namespace

TsAudit auditTsFile(const QString& path) {
    TsAudit audit;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        audit.error = file.errorString();
        return audit;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                audit.language = xml.attributes().value(QLatin1StringView("language")).toString();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                message = Message{};
                message.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            } else if (name == u"source" && inMessage) {
                message.source = xml.readElementText();
            } else if (name == u"translation" && inMessage) {
                message.type = xml.attributes().value(QLatin1StringView("type")).toString();
                if (!message.numerus)
                    message.translation = xml.readElementText();
            } else if (name == u"numerusform" && inMessage) {
                message.forms.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            inMessage = false;
            if (!isLive(message))
                continue;
            ++audit.messages;
            if (!isFinished(message))
                audit.unfinished.append(context + u": " + message.source);
        }
    }
    if (xml.hasError())
        audit.error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return audit;
}
