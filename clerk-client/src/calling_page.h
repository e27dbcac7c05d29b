#pragma once

#include "clerk_actions.h"

#include "protocol/queue_messages.h"

#include <QHash>
#include <QWidget>

#include <map>
#include <vector>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace hall::touch {
class StatusBanner;
}

namespace clerk {

class WindowQueueModel;

/// "叫号": the active ticket in large type, the actions with their function keys, today's counts and
/// the waiting list. Buttons and keys follow ClerkActions::isAvailable(), so nothing can be sent twice.
class CallingPage : public QWidget {
    Q_OBJECT

public:
    CallingPage(ClerkActions& actions, WindowQueueModel& model, QWidget* parent = nullptr);

    /// Where a ticket may be transferred to: the hall's queues, and the windows serving each (by prefix).
    void setTransferTargets(std::vector<hall::QueueView> queues,
                            std::map<QString, QStringList> windowsOfQueue);

    QPushButton* button(ClerkActions::Action action) const { return m_buttons.value(action); }
    QAction* shortcutAction(ClerkActions::Action action) const { return m_actions.value(action); }
    QTableView* waitingView() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void addAction(ClerkActions::Action action, const QKeySequence& key, int row, int column);
    void trigger(ClerkActions::Action action);
    void updateActive();
    void updateCounts();
    void updateAvailability();
    void showOutcome(bool ok, const QString& message);
    void askTransfer();
    void askPause();
    void askReactivate();

    ClerkActions& m_clerkActions;
    WindowQueueModel& m_model;
    std::vector<hall::QueueView> m_queues;
    std::map<QString, QStringList> m_windowsOfQueue;
    QHash<ClerkActions::Action, QPushButton*> m_buttons;
    QHash<ClerkActions::Action, QAction*> m_actions;
    QLabel* m_activeCaption = nullptr;
    QLabel* m_activeNumber = nullptr;
    QLabel* m_activeDetail = nullptr;
    QLabel* m_windowState = nullptr;
    QLabel* m_served = nullptr;
    QLabel* m_noShows = nullptr;
    QLabel* m_waitingCount = nullptr;
    QLabel* m_waitingTitle = nullptr;
    QTableView* m_table = nullptr;
    hall::touch::StatusBanner* m_banner = nullptr;
};

} // namespace clerk
