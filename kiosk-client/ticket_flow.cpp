#include "ticket_flow.h"

#include "domain/mobile_number.h"
#include "kiosk_backend.h"
#include "present/masking.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTicket, "hall.kiosk.ticket")

namespace kiosk {

TicketFlow::TicketFlow(KioskBackend* backend, QObject* parent) : QObject(parent), m_backend(backend) {
    connect(m_backend, &KioskBackend::onlineChanged, this,
            [this] { Q_EMIT availabilityChanged(canIssue()); });
}

bool TicketFlow::canIssue() const {
    return m_backend->isOnline() && m_state != State::Issuing &&
           !(m_queuePrefix.isEmpty() && m_itemCode.isEmpty());
}

QString TicketFlow::unavailableReason() const {
    if (!m_backend->isOnline())
        return tr("Numbers cannot be taken right now: the kiosk has lost its connection to the hall. "
                  "Please ask at the information desk.");
    if (m_state == State::Issuing)
        return tr("Your number is being printed. Please wait.");
    if (m_queuePrefix.isEmpty() && m_itemCode.isEmpty())
        return tr("Choose a service first.");
    return {};
}

void TicketFlow::setQueue(const QString& prefix, const QString& queueName) {
    m_queuePrefix = prefix;
    m_queueName = queueName;
    Q_EMIT availabilityChanged(canIssue());
}

void TicketFlow::setItem(const QString& itemCode) {
    m_itemCode = itemCode;
    Q_EMIT availabilityChanged(canIssue());
}

bool TicketFlow::setMobile(const QString& text) {
    if (text.trimmed().isEmpty()) {
        m_mobile.clear();
        return true;
    }
    auto checked = hall::domain::checkMobileNumber(text.toStdString());
    if (!checked)
        return false;
    m_mobile = *checked;
    return true;
}

bool TicketFlow::setCitizenCard(const QString& text) {
    const QString card = text.trimmed().toUpper();
    if (card.isEmpty()) {
        m_citizenCard.clear();
        return true;
    }
    if (!isCitizenCardNumber(card))
        return false;
    m_citizenCard = card.toStdString();
    return true;
}

bool TicketFlow::isCitizenCardNumber(const QString& text) {
    // Cards carry the holder's ID number or a card serial: 8 to 20 digits, an ID number's X at the end.
    if (text.size() < 8 || text.size() > 20)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (!text[i].isDigit() && !(i == text.size() - 1 && text[i] == u'X'))
            return false;
    return true;
}

QString TicketFlow::maskedCitizenCard() const {
    return m_citizenCard.empty() ? QString()
                                 : QString::fromStdString(hall::present::maskIdNumber(m_citizenCard));
}

QString TicketFlow::maskedMobile() const {
    return m_mobile.empty() ? QString() : QString::fromStdString(hall::present::maskMobileNumber(m_mobile));
}

bool TicketFlow::issue() {
    if (!canIssue())
        return false;
    hall::IssueTicket request;
    request.queuePrefix = m_queuePrefix.toStdString();
    request.itemCode = m_itemCode.toStdString();
    request.mobile = m_mobile;
    request.citizenCard = m_citizenCard;
    const quint64 attempt = ++m_attempt;
    setState(State::Issuing);
    m_backend->issueTicket(request, [this, attempt](const hall::Result<hall::IssueTicketOk>& answer) {
        if (attempt != m_attempt)
            return;
        if (!answer) {
            m_lastError =
                answer.error().code == hall::ErrorCode::Disconnected ||
                        answer.error().code == hall::ErrorCode::Timeout
                    ? tr("The hall did not answer. Please try again or ask at the information desk.")
                    : tr("No number could be issued for this service. Please ask at the information "
                         "desk.");
            qCWarning(lcTicket, "issue failed: %s", answer.error().message.c_str());
            setState(State::Failed);
            Q_EMIT failed(m_lastError);
            return;
        }
        m_ticket = *answer;
        m_issuedAt = QDateTime::currentDateTime();
        // The number is not needed once the server has it: keep no personal data on the kiosk.
        m_mobile.clear();
        m_citizenCard.clear();
        setState(State::Issued);
        Q_EMIT issued();
    });
    return true;
}

void TicketFlow::reset() {
    ++m_attempt;
    m_queuePrefix.clear();
    m_queueName.clear();
    m_itemCode.clear();
    m_mobile.clear();
    m_citizenCard.clear();
    m_ticket.reset();
    m_lastError.clear();
    setState(State::Choosing);
}

void TicketFlow::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    Q_EMIT availabilityChanged(canIssue());
}

} // namespace kiosk
