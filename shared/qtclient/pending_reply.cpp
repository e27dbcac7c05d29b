#include "qtclient/pending_reply.h"

#include "qtclient/logging.h"

#include <cassert>

namespace hall::qt {

PendingReply::PendingReply(std::uint64_t requestId, MessageType requestType, MessageType replyType,
                           QObject* parent)
    : QObject(parent), m_requestId(requestId), m_requestType(requestType), m_replyType(replyType),
      m_status(Error{ErrorCode::InvalidState, "the request has not been answered yet"}) {}

void PendingReply::complete(const Result<Frame>& outcome) {
    if (m_finished)
        return;
    m_finished = true;
    if (!outcome) {
        m_status = outcome.error();
    } else if (outcome->type == m_replyType) {
        m_status = success();
        m_body = outcome->body;
    } else if (outcome->type == MessageType::ErrorReply) {
        auto reply = ErrorReply::decode(outcome->body);
        m_status = reply ? Error{reply->code, std::move(reply->message)} : reply.error();
    } else {
        m_status = Error{ErrorCode::MalformedFrame,
                         std::string("the server answered ") + std::string(messageTypeName(m_requestType)) +
                             " with " + std::string(messageTypeName(outcome->type))};
    }
    if (!m_status)
        qCDebug(lcConnection) << "request" << m_requestId << logName(messageTypeName(m_requestType))
                              << "failed:" << logName(errorCodeName(m_status.error().code));
    Q_EMIT finished();
    deleteLater();
}

Error PendingReply::wrongType(MessageType asked) const {
    // A programming error in the caller: asked for a reply type the request never gets.
    assert(false && "PendingReply::result<R>() with the wrong reply type");
    return Error{ErrorCode::Internal, std::string("asked for ") + std::string(messageTypeName(asked)) +
                                          " but " + std::string(messageTypeName(m_requestType)) +
                                          " is answered by " + std::string(messageTypeName(m_replyType))};
}

} // namespace hall::qt
