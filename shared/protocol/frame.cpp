#include "protocol/frame.h"

#include "protocol/wire.h"

#include <algorithm>

namespace hall {

DecodeOutcome decodeFrame(std::string_view buffer, std::size_t maxBody) {
    DecodeOutcome out;
    if (buffer.size() < kFrameHeaderSize) {
        out.status = DecodeStatus::NeedMore;
        return out;
    }
    WireReader header(buffer.substr(0, kFrameHeaderSize));
    const std::uint32_t bodyLength = header.u32("length");
    const std::uint16_t typeId = header.u16("type");
    const std::uint64_t requestId = header.u64("requestId");

    const std::size_t limit = std::min(maxBody, kMaxFrameBody);
    if (bodyLength > limit) {
        out.status = DecodeStatus::Malformed;
        out.error = {ErrorCode::MalformedFrame, "frame body of " + std::to_string(bodyLength) +
                                                    " bytes exceeds the limit of " + std::to_string(limit)};
        return out;
    }
    if (buffer.size() - kFrameHeaderSize < bodyLength) {
        out.status = DecodeStatus::NeedMore;
        return out;
    }
    const auto type = messageTypeFromId(typeId);
    if (!type) {
        // The length was sane, so the stream is still in step: the caller may answer and skip.
        out.status = DecodeStatus::Malformed;
        out.consumed = kFrameHeaderSize + bodyLength;
        out.frame.requestId = requestId;
        out.error = {ErrorCode::UnknownMessage, "unknown message type " + std::to_string(typeId)};
        return out;
    }
    out.status = DecodeStatus::Complete;
    out.consumed = kFrameHeaderSize + bodyLength;
    out.frame = FrameView{*type, requestId, buffer.substr(kFrameHeaderSize, bodyLength)};
    return out;
}

std::string encodeFrame(MessageType type, std::uint64_t requestId, std::string_view body) {
    WireWriter w;
    w.u32(static_cast<std::uint32_t>(body.size()));
    w.u16(static_cast<std::uint16_t>(type));
    w.u64(requestId);
    std::string out = std::move(w).take();
    out.append(body);
    return out;
}

} // namespace hall
