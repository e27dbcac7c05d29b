#pragma once

#include "protocol/messages.h"
#include "qtclient/frame_buffer.h"

#include <string>

namespace hall::qt {

/// The typed answer M in `answer`, or the Error an ErrorReply in it carries, or why there is no answer
/// (Timeout, Disconnected). Another message type is a MalformedFrame.
template <typename M> Result<M> decodeAnswer(const Result<Frame>& answer) {
    if (!answer)
        return answer.error();
    if (answer->type == M::kType)
        return M::decode(answer->body);
    if (answer->type == MessageType::ErrorReply) {
        auto reply = ErrorReply::decode(answer->body);
        if (!reply)
            return reply.error();
        return Error{reply->code, std::move(reply->message)};
    }
    return Error{ErrorCode::MalformedFrame, "expected " + std::string(messageTypeName(M::kType)) + ", got " +
                                                std::string(messageTypeName(answer->type))};
}

} // namespace hall::qt
