#pragma once

#include "protocol/messages.h"
#include "protocol/queue_messages.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace clerk {

/// The clerk's window as the server last confirmed it: the waiting list in call order, the active
/// ticket, the window's state and today's counts. Fed by a WindowQueue answer and then by the journal
/// events of the window's floor; it never guesses. When an event adds a waiting ticket whose place in
/// the call order the model cannot know (a priority class, a reactivated or transferred ticket, a queue
/// it has not seen yet) it asks for a fresh WindowQueue through refreshNeeded().
///
/// Events applied since the last reset are kept, so an answer that was computed before some of them
/// (its asOfSeq is lower) still ends up with them applied: nothing is lost or counted twice.
class WindowQueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NumberColumn, ClassColumn, ArrivalColumn, WaitingColumn, ColumnCount };
    enum Role { TicketIdRole = Qt::UserRole + 1, PriorityRole };

    explicit WindowQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces everything with the server's answer, then re-applies the events newer than its asOfSeq.
    void reset(const hall::WindowQueue& queue);
    /// Forgets everything (after a logout).
    void clear();
    /// A journal event from the floor or window topic; other kinds and old sequence numbers are ignored.
    void applyEvent(const hall::Event& event);
    /// A ticket as an action's answer returned it: the server's confirmed state.
    void applyTicket(const hall::TicketView& ticket);
    /// The window as SetWindowState's answer returned it.
    void applyWindow(const hall::WindowView& window);
    /// The queues this window serves, from the catalog: their new tickets join the list at once, and
    /// tickets of other queues are known not to be served here.
    void setServedQueues(const QSet<QString>& prefixes);
    void setPriorityClasses(const std::vector<hall::PriorityClassView>& classes);
    /// The hall clock, for the waiting minutes column.
    void setNow(qint64 nowMs);

    bool isLoaded() const { return m_loaded; }
    quint64 asOfSeq() const { return m_lastSeq; }
    const hall::WindowView& window() const { return m_window; }
    const std::optional<hall::TicketView>& active() const { return m_active; }
    quint32 servedToday() const { return m_served; }
    quint32 noShowToday() const { return m_noShows; }
    /// Tickets marked no-show at this window that the model has seen today, newest first.
    const std::vector<hall::TicketView>& noShowTickets() const { return m_noShowTickets; }
    const std::vector<hall::TicketView>& waiting() const { return m_waiting; }
    /// The priority class's name ("老年人"); "Normal" for 0.
    QString priorityClassName(std::uint8_t id) const;
    /// Any ticket seen today with this number ("A023"), newest state; for reactivating by number.
    std::optional<hall::TicketView> findByNumber(const QString& number) const;

Q_SIGNALS:
    void activeChanged();
    void windowChanged();
    void countsChanged();
    void noShowTicketsChanged();
    /// The waiting list may be incomplete or out of order: fetch a fresh WindowQueue.
    void refreshNeeded();

private:
    enum class Source { Issued, Called, Changed, Reply };
    void apply(const hall::Event& event);
    void applyTicketView(const hall::TicketView& ticket, Source source);
    void updateWaiting(const hall::TicketView& ticket, Source source);
    int waitingRow(std::uint64_t ticketId) const;
    bool belongsHere(const hall::TicketView& ticket) const;
    void remember(const hall::TicketView& ticket);

    hall::WindowView m_window;
    std::optional<hall::TicketView> m_active;
    std::vector<hall::TicketView> m_waiting;
    std::vector<hall::TicketView> m_noShowTickets;
    std::map<std::string, hall::TicketView> m_seenByNumber;
    std::vector<hall::Event> m_appliedSinceReset;
    std::map<std::uint8_t, QString> m_classNames;
    QSet<QString> m_servedPrefixes;
    quint32 m_served = 0;
    quint32 m_noShows = 0;
    quint64 m_lastSeq = 0;
    qint64 m_nowMs = 0;
    bool m_loaded = false;
    bool m_servedFromCatalog = false;
};

} // namespace clerk
