#pragma once

#include "protocol/frame.h"
#include "protocol/result.h"

#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <string>

namespace hall::qt {

/// One frame taken off the stream; unlike hall::FrameView it owns its body.
struct Frame {
    MessageType type = MessageType::ErrorReply;
    std::uint64_t requestId = 0;
    std::string body;
};

/// Gathers the bytes read from the socket and cuts them into frames with hall::decodeFrame. The first
/// malformed frame breaks the buffer for good: the stream is out of step with the peer, so the
/// connection has to close (a fresh connection starts with a fresh buffer).
class FrameBuffer {
public:
    void append(QByteArrayView bytes);

    /// The next complete frame; nothing while only part of one has arrived; MalformedFrame or
    /// UnknownMessage once the stream cannot be trusted.
    Result<std::optional<Frame>> next();

    void clear();
    std::size_t bufferedBytes() const { return m_data.size() - m_readPos; }

private:
    std::string m_data;
    std::size_t m_readPos = 0;
    std::optional<Error> m_broken;
};

} // namespace hall::qt
