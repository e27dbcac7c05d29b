#pragma once

#include "protocol/result.h"
#include "sms/send_result.h"
#include "sms/sms_config.h"
#include "sms/sms_message.h"

#include <boost/asio/awaitable.hpp>

namespace hall::sms {

/// Sends one SMS per call through Kannel's HTTP sendsms interface (one GET on a fresh connection, with
/// the connect and response timeouts of the config) and classifies the answer.
///
/// Thread contract: send() runs on the executor of the coroutine that awaits it; any number of sends may
/// run at once. The client is immutable after construction and must outlive every send it started.
/// Cancelling the awaiting coroutine closes the connection and yields a TemporaryFailure.
class KannelClient {
public:
    explicit KannelClient(KannelConfig config) : m_config(std::move(config)) {}

    const KannelConfig& config() const { return m_config; }

    /// An Error (InvalidArgument, see makeSendSmsRequest) when the message is refused before sending:
    /// such a row will never succeed and is not to be retried. Otherwise the gateway exchange as a
    /// SendResult: Kannel's answer via interpretAnswer(), or a TemporaryFailure with httpStatus 0 when no
    /// answer came (name not resolved, connection refused, connect or response timeout, connection
    /// dropped). The message is taken by value because the coroutine outlives the caller's expression.
    boost::asio::awaitable<Result<SendResult>> send(SmsMessage message) const;

private:
    boost::asio::awaitable<SendResult> exchange(std::string target) const;

    KannelConfig m_config;
};

} // namespace hall::sms
