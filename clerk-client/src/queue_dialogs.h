#pragma once

#include "protocol/queue_messages.h"

#include <QDialog>

#include <map>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace clerk {

class WindowQueueModel;

/// Picks the queue (and optionally one window) to transfer the active ticket to.
class TransferDialog : public QDialog {
    Q_OBJECT

public:
    /// `windowsOfQueue`: the windows serving each queue (from the catalog), by prefix.
    TransferDialog(const std::vector<hall::QueueView>& queues,
                   const std::map<QString, QStringList>& windowsOfQueue, const QString& currentPrefix,
                   QWidget* parent = nullptr);
    QString queuePrefix() const;
    /// Empty: any window of the queue.
    QString window() const;

private:
    void fillWindows();

    std::vector<hall::QueueView> m_queues;
    std::map<QString, QStringList> m_windowsOfQueue;
    QComboBox* m_queue = nullptr;
    QComboBox* m_window = nullptr;
};

/// Asks why the window pauses (lunch, training, ...); the reason is shown to supervisors.
class PauseDialog : public QDialog {
    Q_OBJECT

public:
    explicit PauseDialog(QWidget* parent = nullptr);
    QString reason() const;

private:
    QComboBox* m_reason = nullptr;
};

/// Picks one of today's no-show tickets at this window, or finds one by its number.
class ReactivateDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReactivateDialog(const WindowQueueModel& model, QWidget* parent = nullptr);
    std::uint64_t ticketId() const { return m_ticketId; }

private:
    void choose();

    const WindowQueueModel& m_model;
    QListWidget* m_list = nullptr;
    QLineEdit* m_number = nullptr;
    QLabel* m_message = nullptr;
    std::uint64_t m_ticketId = 0;
};

} // namespace clerk
