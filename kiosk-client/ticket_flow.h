#pragma once
#include "protocol/queue_messages.h"
#include <QDateTime>
#include <QObject>
#include <QString>
#include <optional>

namespace kiosk {

class KioskBackend;

/// Taking a number: the choice of queue or item, an optional mobile or citizen card number, one
/// IssueTicket per press, and the issued ticket. While a request is on its way a second press is refused
/// (the screen disables the button too), and the connection resends a lost request under its first
/// request id, so a double tap or a network hiccup gives one ticket.
class TicketFlow : public QObject {
    Q_OBJECT
public:
    enum class State { Choosing, Issuing, Issued, Failed };
    Q_ENUM(State)

    explicit TicketFlow(KioskBackend* backend, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool canIssue() const;
    /// Why issuing is not possible now, in words for the citizen; empty when it is.
    QString unavailableReason() const;

    void setQueue(const QString& prefix, const QString& queueName);
    void setItem(const QString& itemCode);
    QString queuePrefix() const { return m_queuePrefix; }
    QString queueName() const { return m_queueName; }
    QString itemCode() const { return m_itemCode; }
    /// The mobile number for SMS reminders, checked with hall::domain::checkMobileNumber. An empty text
    /// clears it. A bad number gives false and changes nothing.
    bool setMobile(const QString& text);
    /// A citizen card number instead of (or as well as) the mobile: 8 to 20 digits, an X last allowed.
    /// An empty text clears it; a bad number gives false and changes nothing.
    bool setCitizenCard(const QString& text);
    bool hasCitizenCard() const { return !m_citizenCard.empty(); }
    QString maskedCitizenCard() const;
    static bool isCitizenCardNumber(const QString& text);
    bool hasMobile() const { return !m_mobile.empty(); }
    /// The mobile number masked for the screen ("138****8000").
    QString maskedMobile() const;

    /// Sends one IssueTicket. False (and nothing sent) when one is on its way or issuing is unavailable.
    bool issue();
    const std::optional<hall::IssueTicketOk>& ticket() const { return m_ticket; }
    QDateTime issuedAt() const { return m_issuedAt; }
    QString lastError() const { return m_lastError; }
    /// Forgets everything entered (after the slip is taken, or when the kiosk goes idle).
    void reset();

Q_SIGNALS:
    void stateChanged(kiosk::TicketFlow::State state);
    void availabilityChanged(bool canIssue);
    void issued();
    void failed(const QString& reason);

private:
    void setState(State state);
    KioskBackend* m_backend;
    State m_state = State::Choosing;
    QString m_queuePrefix;
    QString m_queueName;
    QString m_itemCode;
    std::string m_mobile;
    std::string m_citizenCard;
    std::optional<hall::IssueTicketOk> m_ticket;
    QDateTime m_issuedAt;
    QString m_lastError;
    quint64 m_attempt = 0; ///< answers to an attempt abandoned by reset() are ignored
};

} // namespace kiosk
