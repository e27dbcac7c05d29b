#include "queue_dialogs.h"

#include "window_queue_model.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace clerk {

namespace {

QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QDialogButtonBox* okCancel(QDialog* dialog) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace

TransferDialog::TransferDialog(const std::vector<hall::QueueView>& queues,
                               const std::map<QString, QStringList>& windowsOfQueue,
                               const QString& currentPrefix, QWidget* parent)
    : QDialog(parent), m_queues(queues), m_windowsOfQueue(windowsOfQueue) {
    setWindowTitle(tr("Transfer the ticket"));
    m_queue = new QComboBox(this);
    for (const auto& queue : m_queues) {
        const QString prefix = fromUtf8(queue.prefix);
        if (prefix == currentPrefix)
            continue;
        m_queue->addItem(tr("%1 · %2 (%3 waiting)").arg(prefix, fromUtf8(queue.name)).arg(queue.waiting),
                         prefix);
    }
    m_window = new QComboBox(this);
    auto* form = new QFormLayout;
    form->addRow(tr("&Queue"), m_queue);
    form->addRow(tr("&Window"), m_window);
    auto* buttons = okCancel(this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!queuePrefix().isEmpty())
            accept();
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_queue->count() > 0);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (m_queue->count() == 0)
        layout->addWidget(new QLabel(tr("No other queue is known yet."), this));
    layout->addWidget(buttons);
    connect(m_queue, &QComboBox::currentIndexChanged, this, &TransferDialog::fillWindows);
    fillWindows();
}

void TransferDialog::fillWindows() {
    m_window->clear();
    m_window->addItem(tr("Any window of the queue"), QString());
    if (const auto found = m_windowsOfQueue.find(queuePrefix()); found != m_windowsOfQueue.end())
        for (const QString& window : found->second)
            m_window->addItem(window, window);
}

QString TransferDialog::queuePrefix() const {
    return m_queue->currentData().toString();
}

QString TransferDialog::window() const {
    return m_window->currentData().toString();
}

PauseDialog::PauseDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Pause the window"));
    m_reason = new QComboBox(this);
    m_reason->setEditable(true);
    m_reason->addItems(
        {tr("Lunch break"), tr("Short break"), tr("Training"), tr("Meeting"), tr("Field work")});
    m_reason->lineEdit()->setMaxLength(100);
    auto* buttons = okCancel(this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Why does the window pause? No numbers are called until you resume."), this));
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
}

QString PauseDialog::reason() const {
    return m_reason->currentText().trimmed();
}

ReactivateDialog::ReactivateDialog(const WindowQueueModel& model, QWidget* parent)
    : QDialog(parent), m_model(model) {
    setWindowTitle(tr("Reactivate a ticket"));
    m_list = new QListWidget(this);
    for (const auto& ticket : m_model.noShowTickets()) {
        const QString when = QDateTime::fromMSecsSinceEpoch(ticket.lastCallAtMs)
                                 .toLocalTime()
                                 .toString(QStringLiteral("HH:mm"));
        auto* item =
            new QListWidgetItem(tr("%1 · last called %2").arg(fromUtf8(ticket.number), when), m_list);
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(ticket.ticketId));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_number = new QLineEdit(this);
    m_number->setPlaceholderText(tr("or type the number, e.g. A023"));
    m_number->setMaxLength(8);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto* buttons = okCancel(this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReactivateDialog::choose);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ReactivateDialog::choose);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not present today at this window:"), this));
    layout->addWidget(m_list);
    layout->addWidget(m_number);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void ReactivateDialog::choose() {
    const QString typed = m_number->text().trimmed();
    if (!typed.isEmpty()) {
        const auto ticket = m_model.findByNumber(typed);
        if (!ticket) {
            m_message->setText(tr("No ticket %1 was seen today at this workstation.").arg(typed.toUpper()));
            return;
        }
        m_ticketId = ticket->ticketId;
    } else if (auto* item = m_list->currentItem()) {
        m_ticketId = item->data(Qt::UserRole).toULongLong();
    } else {
        m_message->setText(tr("Choose a ticket or type its number."));
        return;
    }
    accept();
}

} // namespace clerk
