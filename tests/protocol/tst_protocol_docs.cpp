// docs/protocol.md is the protocol's reference: every registered message type, event kind and error
// code must appear in it with its number, so the page cannot silently fall behind the code.
#include "protocol/error.h"
#include "protocol/events.h"
#include "protocol/message_type.h"

#include <QFile>
#include <QTest>

using namespace hall;

class TestProtocolDocs : public QObject {
    Q_OBJECT

    QString m_doc;

    bool documents(std::uint16_t id, std::string_view name) const {
        const QString row = QStringLiteral("| %1 | `%2` |")
                                .arg(id)
                                .arg(QString::fromLatin1(name.data(), qsizetype(name.size())));
        return m_doc.contains(row);
    }

private Q_SLOTS:
    void initTestCase() {
        QFile f(QStringLiteral(HALL_SOURCE_DIR "/docs/protocol.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_doc = QString::fromUtf8(f.readAll());
    }

    void everyMessageTypeIsDocumented() {
        for (std::uint16_t id : allMessageTypeIds()) {
            const auto name = messageTypeName(*messageTypeFromId(id));
            QVERIFY2(documents(id, name), name.data());
        }
    }

    void everyEventKindIsDocumented() {
        for (std::uint16_t id : allEventKindIds()) {
            const auto name = eventKindName(*eventKindFromId(id));
            QVERIFY2(documents(id, name), name.data());
        }
    }

    void everyErrorCodeIsDocumented() {
        for (std::uint16_t id = 1; id < 64; ++id) {
            const auto name = errorCodeName(static_cast<ErrorCode>(id));
            if (name == "unknown-error")
                continue;
            QVERIFY2(documents(id, name), name.data());
        }
    }
};

QTEST_APPLESS_MAIN(TestProtocolDocs)
#include "tst_protocol_docs.moc"
