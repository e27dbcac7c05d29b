#pragma once

#include "protocol/messages.h"
#include "protocol/result.h"
#include "qtclient/frame_buffer.h"

#include <QObject>

#include <cstdint>
#include <string>

namespace hall::qt {

class HallConnection;

/// The answer to one request, delivered exactly once through finished(): the expected reply, the
/// server's ErrorReply turned into an Error, or a client-side Error (Timeout when no answer came within
/// the request timeout, resends included; Disconnected when the connection was stopped).
///
/// HallConnection owns it and deletes it (deleteLater) once finished() has been emitted, so read the
/// result in the slot. finished() is never emitted from inside the call that created the reply, so
/// connecting right after the call is always in time. Deleting the reply earlier abandons the request:
/// it is not resent any more and nothing is reported.
class PendingReply : public QObject {
    Q_OBJECT

public:
    std::uint64_t requestId() const { return m_requestId; }
    MessageType requestType() const { return m_requestType; }
    /// The type of a successful answer (the role matrix's reply for the request type).
    MessageType replyType() const { return m_replyType; }
    bool isFinished() const { return m_finished; }

    /// After finished(): Ok when a reply of replyType() came, otherwise the error. Before: InvalidState.
    const Status& status() const { return m_status; }

    /// After finished(): the decoded reply. R must be replyType()'s message struct; a body that does not
    /// decode gives MalformedFrame.
    template <typename R> Result<R> result() const {
        if (!m_status)
            return m_status.error();
        if (R::kType != m_replyType)
            return wrongType(R::kType);
        return R::decode(m_body);
    }

Q_SIGNALS:
    void finished();

private:
    friend class HallConnection;

    PendingReply(std::uint64_t requestId, MessageType requestType, MessageType replyType, QObject* parent);

    /// Settles the reply from what the connection got: a frame answering it, or an error. Emits
    /// finished() and schedules deletion; later calls are ignored.
    void complete(const Result<Frame>& outcome);

    Error wrongType(MessageType asked) const;

    std::uint64_t m_requestId;
    MessageType m_requestType;
    MessageType m_replyType;
    bool m_finished = false;
    Status m_status;
    std::string m_body;
};

} // namespace hall::qt
