#pragma once

#include "protocol/queue_messages.h"

#include <QWidget>

#include <array>
#include <cstdint>
#include <map>

class QLabel;
class QPushButton;

namespace hall::touch {
class TouchButton;
}

namespace tablet {

class TabletModel;

/// The level names as the citizen reads them (非常满意 … 非常不满意), translated.
QString levelText(std::uint8_t level);
/// A reason's label: the English source, ratingReasonLabel() in the Chinese catalog.
QString reasonText(hall::RatingReason reason);
/// Every reason the tablet offers, in the order shown.
const std::array<hall::RatingReason, 7>& offeredReasons();

/// A round, neutral badge with the clerk's surname: the hall keeps no staff photos.
class AvatarBadge : public QWidget {
    Q_OBJECT

public:
    explicit AvatarBadge(QWidget* parent = nullptr);
    void setSurname(const QString& surname);
    QString surname() const { return m_surname; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_surname;
};

/// Who serves the citizen: avatar, name, staff number, window, open/paused/closed and the number
/// being served.
class IdleScreen : public QWidget {
    Q_OBJECT

public:
    IdleScreen(const TabletModel& model, QWidget* parent = nullptr);
    void refresh();
    /// Ratings saved on this tablet and not yet delivered (0 hides the line).
    void setPendingCount(int count);

    QLabel* clerkLabel() const { return m_clerk; }
    QLabel* staffLabel() const { return m_staff; }
    QLabel* stateLabel() const { return m_state; }
    QLabel* currentLabel() const { return m_current; }
    AvatarBadge* avatar() const { return m_avatar; }

protected:
    void changeEvent(QEvent* event) override;

private:
    const TabletModel& m_model;
    int m_pendingCount = 0;
    AvatarBadge* m_avatar = nullptr;
    QLabel* m_window = nullptr;
    QLabel* m_clerk = nullptr;
    QLabel* m_staff = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_current = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_pending = nullptr;
};

/// The five levels as big buttons.
class RatingScreen : public QWidget {
    Q_OBJECT

public:
    explicit RatingScreen(TabletModel& model, QWidget* parent = nullptr);
    void refresh();
    QPushButton* levelButton(std::uint8_t level) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    TabletModel& m_model;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    std::map<std::uint8_t, QPushButton*> m_levels;
};

/// The reasons for a poor rating; submitting needs one.
class ReasonScreen : public QWidget {
    Q_OBJECT

public:
    explicit ReasonScreen(TabletModel& model, QWidget* parent = nullptr);
    void refresh();
    QPushButton* reasonButton(hall::RatingReason reason) const;
    QPushButton* submitButton() const;
    QPushButton* backButton() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    TabletModel& m_model;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    std::map<hall::RatingReason, hall::touch::TouchButton*> m_reasons;
    hall::touch::TouchButton* m_submit = nullptr;
    hall::touch::TouchButton* m_back = nullptr;
};

/// Thank you; says so discreetly when the rating waits on this tablet for the line to come back.
class ThanksScreen : public QWidget {
    Q_OBJECT

public:
    explicit ThanksScreen(QWidget* parent = nullptr);
    void setSavedOffline(bool savedOffline);
    bool isSavedOffline() const { return m_savedOffline; }
    QLabel* noticeLabel() const { return m_notice; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    bool m_savedOffline = false;
    QLabel* m_title = nullptr;
    QLabel* m_notice = nullptr;
};

} // namespace tablet
