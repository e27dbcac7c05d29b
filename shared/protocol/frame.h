#pragma once

#include "protocol/error.h"
#include "protocol/message_type.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hall {

/// Frame layout, all integers big-endian:
///   u32 body length | u16 message type | u64 request id | body
/// The request id is chosen by the client for each request and echoed in the reply; 0 marks a frame
/// the server pushes on its own (events). A mutating request must carry a non-zero id, and the server
/// answers a retry of the same id on the same device with the first answer.
inline constexpr std::size_t kFrameHeaderSize = 14;

/// The hard cap on one frame's body. Larger payloads (documents, bid packages) use chunked uploads.
inline constexpr std::size_t kMaxFrameBody = 1024 * 1024;

struct FrameHeader {
    std::uint32_t bodyLength = 0;
    MessageType type = MessageType::ErrorReply;
    std::uint64_t requestId = 0;
};

/// One complete frame viewed in the caller's buffer.
struct FrameView {
    MessageType type = MessageType::ErrorReply;
    std::uint64_t requestId = 0;
    std::string_view body;
};

enum class DecodeStatus {
    Complete, ///< `frame` is valid and `consumed` bytes may be dropped from the buffer
    NeedMore, ///< the buffer holds only part of a frame; read more and call again
    Malformed ///< `error` says why; see `consumed` for whether the stream can go on
};

struct DecodeOutcome {
    DecodeStatus status = DecodeStatus::NeedMore;
    FrameView frame;
    /// Bytes that make up this frame. For Complete: drop them. For Malformed: non-zero only when the
    /// framing itself is intact (an unknown message type) so the caller may reply, skip them and go on;
    /// zero means the stream cannot be trusted any more and the connection must close.
    std::size_t consumed = 0;
    Error error;
};

/// Pure and total: looks at `buffer` (which may hold several frames, or part of one) and reports the
/// first frame. Never reads past the buffer and never trusts a length before checking it against
/// `maxBody` (at most kMaxFrameBody).
DecodeOutcome decodeFrame(std::string_view buffer, std::size_t maxBody = kMaxFrameBody);

/// Header plus body, ready to write.
std::string encodeFrame(MessageType type, std::uint64_t requestId, std::string_view body);

} // namespace hall
