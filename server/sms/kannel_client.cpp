#include "sms/kannel_client.h"

#include "sms/sendsms_request.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <variant>

namespace hall::sms {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

// Kannel answers one short line; a larger body is not Kannel and is cut off rather than buffered.
constexpr std::uint64_t kMaxAnswerBody = 16 * 1024;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

SendResult noAnswer(std::string text, bool requestWritten) {
    return SendResult{SendOutcome::TemporaryFailure, 0, std::move(text), requestWritten};
}

std::string millis(std::chrono::milliseconds duration) {
    return std::to_string(duration.count()) + " ms";
}

} // namespace

asio::awaitable<Result<SendResult>> KannelClient::send(SmsMessage message) const {
    Result<SendSmsRequest> request = makeSendSmsRequest(m_config, message);
    if (!request) {
        co_return request.error();
    }
    co_return co_await exchange(std::move(request->target));
}

asio::awaitable<SendResult> KannelClient::exchange(std::string target) const {
    using namespace asio::experimental::awaitable_operators;
    const auto executor = co_await asio::this_coro::executor;
    const std::string endpointName = m_config.host + ":" + std::to_string(m_config.port);

    // Name resolution has no timeout of its own, so it races the connect deadline.
    tcp::resolver resolver(executor);
    asio::steady_timer resolveDeadline(executor, m_config.connectTimeout);
    auto resolved =
        co_await (resolver.async_resolve(m_config.host, std::to_string(m_config.port), kNoThrow) ||
                  resolveDeadline.async_wait(kNoThrow));
    if (resolved.index() == 1) {
        co_return noAnswer(
            "could not resolve " + m_config.host + " within " + millis(m_config.connectTimeout), false);
    }
    auto [resolveError, endpoints] = std::get<0>(std::move(resolved));
    if (resolveError) {
        co_return noAnswer("could not resolve " + m_config.host + ": " + resolveError.message(), false);
    }

    beast::tcp_stream stream(executor);
    stream.expires_after(m_config.connectTimeout);
    auto [connectError, endpoint] = co_await stream.async_connect(endpoints, kNoThrow);
    if (connectError == beast::error::timeout) {
        co_return noAnswer("no connection to " + endpointName + " within " + millis(m_config.connectTimeout),
                           false);
    }
    if (connectError == asio::error::connection_refused) {
        co_return noAnswer("connection refused by " + endpointName, false);
    }
    if (connectError) {
        co_return noAnswer("cannot connect to " + endpointName + ": " + connectError.message(), false);
    }

    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, endpointName);
    request.set(http::field::user_agent, "hall-server");
    request.set(http::field::connection, "close");

    // One deadline for writing the request and reading the whole answer.
    stream.expires_after(m_config.responseTimeout);
    auto [writeError, written] = co_await http::async_write(stream, request, kNoThrow);
    (void)written;
    if (writeError == beast::error::timeout) {
        co_return noAnswer("could not send the request to " + endpointName + " within " +
                               millis(m_config.responseTimeout),
                           false);
    }
    if (writeError) {
        co_return noAnswer("could not send the request to " + endpointName + ": " + writeError.message(),
                           false);
    }

    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxAnswerBody);
    auto [readError, read] = co_await http::async_read(stream, buffer, parser, kNoThrow);
    (void)read;
    if (readError == beast::error::timeout) {
        co_return noAnswer("no answer from " + endpointName + " within " + millis(m_config.responseTimeout),
                           true);
    }
    if (readError) {
        co_return noAnswer("no answer from " + endpointName + ": " + readError.message(), true);
    }

    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    const auto& response = parser.get();
    co_return interpretAnswer(response.result_int(), response.body());
}

} // namespace hall::sms
