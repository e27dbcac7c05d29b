#pragma once

#include "protocol/messages.h"
#include "protocol/queue_messages.h"

#include <QtGlobal>

#include <vector>

namespace hall::display {

/// A realistic floor-2 board and notices at hall time `nowMs`, for `--sample` (screenshots, trying a
/// panel's resolution without a server). Never used when connected.
QueueBoard sampleBoard(qint64 nowMs);
std::vector<Notice> sampleNotices(qint64 nowMs);
/// The sample's newest call as an event after the board, so the screen shows a fresh call.
Event sampleCallEvent(qint64 nowMs);

} // namespace hall::display
