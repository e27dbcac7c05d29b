// Walks the whole role matrix: every request type has one rule, every reply or push has none, and each
// device and person role gets exactly what its row says.
#include "protocol/access.h"
#include "protocol/events.h"

#include <QTest>

#include <set>

using namespace hall;

namespace {
constexpr DeviceRole kDevices[] = {DeviceRole::ClerkPc, DeviceRole::Kiosk, DeviceRole::Tablet,
                                   DeviceRole::Display, DeviceRole::Admin, DeviceRole::Bidder};
constexpr PersonRole kPeople[] = {PersonRole::Clerk,         PersonRole::Supervisor,
                                  PersonRole::Administrator, PersonRole::TradingOfficer,
                                  PersonRole::CreditOfficer, PersonRole::BidderAgent};
} // namespace

class TestAccess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTypeIsEitherARequestOrAnAnswer() {
        std::set<MessageType> replies;
        for (const AccessRule& rule : allAccessRules())
            replies.insert(rule.reply);
        for (std::uint16_t id : allMessageTypeIds()) {
            const MessageType type = *messageTypeFromId(id);
            const bool isRequest = accessRuleFor(type) != nullptr;
            const bool isAnswerOrPush =
                replies.count(type) > 0 || type == MessageType::ErrorReply || type == MessageType::Event;
            QVERIFY2(isRequest != isAnswerOrPush, messageTypeName(type).data());
        }
    }

    void rulesAreUniqueAndRepliesExist() {
        std::set<MessageType> seen;
        for (const AccessRule& rule : allAccessRules()) {
            QVERIFY2(seen.insert(rule.request).second, messageTypeName(rule.request).data());
            QVERIFY(messageTypeFromId(static_cast<std::uint16_t>(rule.reply)).has_value());
            QVERIFY(rule.deviceRoles != 0);
            if (rule.needsPerson)
                QVERIFY(rule.personRoles != 0);
        }
    }

    void theWholeMatrixAnswersAsItsRowsSay() {
        for (const AccessRule& rule : allAccessRules()) {
            for (DeviceRole device : kDevices) {
                const bool deviceAllowed = (rule.deviceRoles & deviceBit(device)) != 0;
                // Without a person.
                const Status anonymous = checkAccess(rule.request, device, std::nullopt);
                if (!deviceAllowed) {
                    QCOMPARE(anonymous.error().code, ErrorCode::Forbidden);
                } else if (rule.needsPerson) {
                    QCOMPARE(anonymous.error().code, ErrorCode::NotLoggedIn);
                } else {
                    QVERIFY(anonymous.ok());
                }
                for (PersonRole person : kPeople) {
                    const Status withPerson = checkAccess(rule.request, device, person);
                    const bool personAllowed =
                        !rule.needsPerson || (rule.personRoles & personBit(person)) != 0;
                    QCOMPARE(withPerson.ok(), deviceAllowed && personAllowed);
                    if (!withPerson.ok())
                        QCOMPARE(withPerson.error().code, ErrorCode::Forbidden);
                }
            }
        }
    }

    void repliesCannotBeSent() {
        const Status s = checkAccess(MessageType::HelloOk, DeviceRole::Admin, PersonRole::Administrator);
        QCOMPARE(s.error().code, ErrorCode::UnknownMessage);
        QCOMPARE(checkAccess(MessageType::Event, DeviceRole::Admin, std::nullopt).error().code,
                 ErrorCode::UnknownMessage);
    }

    void noticesNeedOversight() {
        QVERIFY(!checkAccess(MessageType::PostNotice, DeviceRole::Kiosk, PersonRole::Supervisor).ok());
        QVERIFY(!checkAccess(MessageType::PostNotice, DeviceRole::ClerkPc, PersonRole::Clerk).ok());
        QVERIFY(checkAccess(MessageType::PostNotice, DeviceRole::ClerkPc, PersonRole::Supervisor).ok());
    }

    void topicAccess() {
        const DeviceIdentity display{DeviceRole::Display, "led-2f", "", 2};
        const DeviceIdentity tablet{DeviceRole::Tablet, "tablet-2-07", "2-07", 2};
        const DeviceIdentity clerk{DeviceRole::ClerkPc, "clerk-2-07", "2-07", 2};
        const DeviceIdentity admin{DeviceRole::Admin, "hallctl", "", 0};

        QVERIFY(checkTopicAccess("hall", display, std::nullopt).ok());
        QVERIFY(checkTopicAccess("floor/2", display, std::nullopt).ok());
        QCOMPARE(checkTopicAccess("window/2-07", display, std::nullopt).error().code, ErrorCode::Forbidden);
        QVERIFY(checkTopicAccess("window/2-07", tablet, std::nullopt).ok());
        QCOMPARE(checkTopicAccess("window/2-08", tablet, std::nullopt).error().code, ErrorCode::Forbidden);
        QVERIFY(checkTopicAccess("window/2-08", clerk, PersonRole::Supervisor).ok());
        QCOMPARE(checkTopicAccess("audit", clerk, PersonRole::Clerk).error().code, ErrorCode::Forbidden);
        QVERIFY(checkTopicAccess("audit", admin, std::nullopt).ok());
        QVERIFY(checkTopicAccess("role/clerk", clerk, PersonRole::Clerk).ok());
        QCOMPARE(checkTopicAccess("role/clerk", clerk, std::nullopt).error().code, ErrorCode::Forbidden);
        QCOMPARE(checkTopicAccess("nonsense", admin, std::nullopt).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(TestAccess)
#include "tst_access.moc"
