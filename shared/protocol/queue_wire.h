#pragma once

#include "protocol/queue_messages.h"

/// Encoders shared by the queue messages and the queue events (the same views travel in both).
namespace hall {

void writeTicketView(WireWriter& w, const TicketView& ticket);
TicketView readTicketView(WireReader& r);
void writeWindowView(WireWriter& w, const WindowView& window);
WindowView readWindowView(WireReader& r);

} // namespace hall
