#include "qtclient/frame_buffer.h"

namespace hall::qt {

void FrameBuffer::append(QByteArrayView bytes) {
    if (m_broken)
        return;
    // Drop what earlier frames consumed only now, so a burst of small frames costs one move per read.
    if (m_readPos > 0) {
        m_data.erase(0, m_readPos);
        m_readPos = 0;
    }
    m_data.append(bytes.data(), static_cast<std::size_t>(bytes.size()));
}

Result<std::optional<Frame>> FrameBuffer::next() {
    if (m_broken)
        return *m_broken;
    const std::string_view pending = std::string_view(m_data).substr(m_readPos);
    const DecodeOutcome outcome = decodeFrame(pending);
    switch (outcome.status) {
    case DecodeStatus::NeedMore:
        return std::optional<Frame>{};
    case DecodeStatus::Malformed:
        m_broken = outcome.error;
        return *m_broken;
    case DecodeStatus::Complete:
        break;
    }
    Frame frame{outcome.frame.type, outcome.frame.requestId, std::string(outcome.frame.body)};
    m_readPos += outcome.consumed;
    return std::optional<Frame>{std::move(frame)};
}

void FrameBuffer::clear() {
    m_data.clear();
    m_readPos = 0;
    m_broken.reset();
}

} // namespace hall::qt
