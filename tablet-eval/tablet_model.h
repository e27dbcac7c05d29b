#pragma once

#include "protocol/messages.h"
#include "protocol/queue_messages.h"
#include "protocol/result.h"
#include "protocol/roles.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <set>

namespace tablet {

/// Level 5 is 非常满意, 1 非常不满意 (queue_messages.h).
inline constexpr std::uint8_t kLowestLevel = 1;
inline constexpr std::uint8_t kHighestLevel = 5;
/// The server's limit on the comment, in bytes of UTF-8.
inline constexpr std::size_t kMaxCommentBytes = 500;

/// True for the levels that count as a poor rating (差评) and need a reason.
constexpr bool levelNeedsReason(std::uint8_t level) {
    return level == 1 || level == 2;
}

/// The rules a rating must meet before it is saved or sent: level 1-5; a known reason for levels 1 and
/// 2 and none for the others; a comment within kMaxCommentBytes. InvalidArgument names what is wrong.
hall::Status checkRating(const hall::SubmitRating& rating);

/// The first character of the clerk's name, shown in the neutral avatar (the hall keeps no photos).
QString surnameOf(const QString& clerkName);

/// The counter tablet's state, without widgets: the window this tablet faces, the clerk there, the
/// ticket being served, and the rating conversation with the citizen.
///
/// It is fed by the connection: setDevice() from HelloOk, applyBoard() with the floor's QueueBoard, then
/// applyEvent() with every event on topics() after the board's asOfSeq (events at or before it are
/// ignored, so a replay cannot show a call twice or ask twice for a rating).
///
/// When the ticket at this window becomes Finished, the model asks for a rating (screen Rating). Levels
/// 3-5 are submitted with one tap; levels 1-2 go to screen Reason and need a reason first. Each service
/// is rated at most once; a prompt the citizen walks away from is dropped by abandon() and nothing is
/// sent. Submitted ratings leave through ratingSubmitted(), for the RatingOutbox.
class TabletModel : public QObject {
    Q_OBJECT

public:
    enum class Screen { Idle, Rating, Reason, Thanks };
    Q_ENUM(Screen)

    explicit TabletModel(QObject* parent = nullptr);

    /// Binds the tablet to the window its certificate names. InvalidArgument when the device is not a
    /// tablet bound to a window; nothing changes then.
    hall::Status setDevice(const hall::DeviceIdentity& device);
    bool isBound() const { return !m_window.window.empty(); }
    std::string windowId() const { return m_window.window; }
    std::uint8_t floor() const { return m_window.floor; }
    /// The topics to follow: the window's floor and the window itself.
    QStringList topics() const;

    /// Takes this window's state from the floor's board. NotFound when the board does not list the
    /// window (the state is then "closed", with no clerk).
    hall::Status applyBoard(const hall::QueueBoard& board);
    /// The journal sequence the model is valid at.
    std::uint64_t asOfSeq() const { return m_asOfSeq; }
    /// Applies one event; events of other windows and kinds the tablet does not show are ignored.
    void applyEvent(const hall::Event& event);

    const hall::WindowView& window() const { return m_window; }
    QString clerkName() const;
    QString staffNumber() const;
    hall::WindowState windowState() const { return m_window.state; }
    /// The number being called or served at this window, empty when none.
    QString currentNumber() const;

    Screen screen() const { return m_screen; }
    /// The ticket the open prompt is about (0 when none).
    std::uint64_t ratingTicketId() const { return m_ratingTicket.ticketId; }
    QString ratingTicketNumber() const;
    /// The level chosen on the Reason screen (0 before).
    std::uint8_t chosenLevel() const { return m_level; }
    std::optional<hall::RatingReason> chosenReason() const { return m_reason; }
    bool hasRated(std::uint64_t ticketId) const { return m_rated.contains(ticketId); }

    /// The citizen taps a level. Levels 3-5 are submitted at once; 1-2 open the Reason screen.
    /// InvalidState when no prompt is open, InvalidArgument for a level outside 1-5.
    hall::Status chooseLevel(std::uint8_t level);
    /// The citizen taps a reason on the Reason screen (one reason; a second tap replaces the first).
    hall::Status chooseReason(hall::RatingReason reason);
    /// Submits the poor rating with its reason. InvalidArgument while no reason is chosen.
    hall::Status submitWithReason();
    /// From the Reason screen back to the five levels.
    void backToLevels();
    /// Drops an open prompt without sending anything (the citizen left; the idle timeout).
    void abandon();
    /// The thank-you screen has been shown long enough.
    void finishThanks();

    /// Asks for a rating of `ticket` as if its finish had just arrived (the live path is applyEvent).
    void promptForRating(const hall::TicketView& ticket);

Q_SIGNALS:
    /// Clerk, window state or current ticket changed.
    void windowChanged();
    void screenChanged(tablet::TabletModel::Screen screen);
    /// A complete, checked rating to deliver.
    void ratingSubmitted(const hall::SubmitRating& rating);

private:
    void setScreen(Screen screen);
    void submit(std::uint8_t level, std::uint8_t reasonCode);
    void applyTicket(const hall::TicketView& ticket, bool called);

    hall::WindowView m_window;
    std::uint64_t m_asOfSeq = 0;
    Screen m_screen = Screen::Idle;
    hall::TicketView m_ratingTicket;
    std::uint8_t m_level = 0;
    std::optional<hall::RatingReason> m_reason;
    /// Tickets already rated or offered for rating this run: one prompt and one rating per service.
    std::set<std::uint64_t> m_rated;
    std::set<std::uint64_t> m_prompted;
};

} // namespace tablet

Q_DECLARE_METATYPE(hall::SubmitRating)
