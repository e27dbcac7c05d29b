// hall-sim's client library and helpers, in-process: the client against the TLS echo server (pipelining,
// request ids, pinned CA and host name, timeouts, a peer that goes away), and the pure helpers.
#include "client.h"
#include "command_table.h"
#include "device_files.h"
#include "echo_server.h"
#include "json_text.h"
#include "latency_samples.h"
#include "sim_options.h"
#include "sqlite_baseline.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <sstream>

using namespace hall;
using namespace hall::sim;
namespace asio = boost::asio;

namespace {

/// Runs `work` on `io` until it and everything it started are done, and returns its result.
template <typename T> T runToEnd(asio::io_context& io, asio::awaitable<T> work) {
    std::optional<T> out;
    asio::co_spawn(
        io, [&]() -> asio::awaitable<void> { out.emplace(co_await std::move(work)); }, asio::detached);
    io.restart();
    io.run();
    return std::move(*out);
}

std::string hallctlRun(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = hallctl::runHallctl(args, out, err);
    return code == 0 ? std::string() : "hallctl exit " + std::to_string(code) + ": " + err.str();
}

/// A hall made in-process with hallctl: its pki for the echo server and one device to connect as.
struct MiniHall {
    QTemporaryDir dir;
    DeviceFiles device;
    std::string error;

    MiniHall() {
        const std::string data = dir.path().toStdString();
        error = hallctlRun({"init", "--data-dir", data, "--hall-name", "回声测试"});
        if (error.empty())
            error = hallctlRun({"device", "add", "--data-dir", data, "--role", "kiosk", "--name", "K-echo",
                                "--floor", "1", "--out", data + "/K-echo"});
        device = DeviceFiles{"K-echo", data + "/K-echo"};
    }
    std::string pki() const { return dir.path().toStdString() + "/pki"; }
};

} // namespace

class TestSimClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MiniHall> m_hall;
    std::unique_ptr<MiniHall> m_otherHall;
    std::unique_ptr<EchoServer> m_echo;

    std::shared_ptr<Client> makeClient(asio::io_context& io, const DeviceFiles& device,
                                       ClientOptions options = {}) {
        auto tls = device.tlsContext();
        if (!tls)
            qFatal("%s", tls.error().message.c_str());
        return Client::create(io.get_executor(), *tls, std::move(options));
    }

private Q_SLOTS:
    void initTestCase() {
        m_hall = std::make_unique<MiniHall>();
        QVERIFY2(m_hall->error.empty(), m_hall->error.c_str());
        m_otherHall = std::make_unique<MiniHall>();
        QVERIFY2(m_otherHall->error.empty(), m_otherHall->error.c_str());
        auto echo = EchoServer::start(m_hall->pki(), 1);
        QVERIFY2(echo, echo ? "" : echo.error().message.c_str());
        m_echo = std::move(echo).value();
    }

    void pipelinedRequestsGetTheirOwnAnswers() {
        asio::io_context io;
        auto client = makeClient(io, m_hall->device);
        const auto outcome = runToEnd(io, [&]() -> asio::awaitable<Result<int>> {
            if (Status connected = co_await client->connect("127.0.0.1", m_echo->port()); !connected)
                co_return connected.error();
            // Fifty requests in flight at once; each answer must come back to its own caller.
            constexpr int kRequests = 50;
            int matched = 0;
            int finished = 0;
            asio::steady_timer allDone(co_await asio::this_coro::executor, SteadyClock::time_point::max());
            for (int i = 0; i < kRequests; ++i) {
                asio::co_spawn(
                    client->executor(),
                    [&, i]() -> asio::awaitable<void> {
                        const std::uint64_t id = client->newRequestId(false);
                        std::string frame = encodeMessage(Ping{static_cast<std::uint64_t>(i)}, id);
                        auto answer = co_await client->callFrame(std::move(frame), id);
                        if (answer && answer->requestId == id && answer->type == MessageType::Ping &&
                            Ping::decode(answer->body).value().nonce == static_cast<std::uint64_t>(i))
                            ++matched;
                        if (++finished == kRequests)
                            allDone.cancel();
                    },
                    asio::detached);
            }
            while (finished < kRequests)
                co_await allDone.async_wait(asio::as_tuple(asio::use_awaitable));
            client->close();
            co_return matched;
        }());
        QVERIFY2(outcome, outcome ? "" : outcome.error().message.c_str());
        QCOMPARE(*outcome, 50);
    }

    void typedRequestRefusesAnotherReplyType() {
        asio::io_context io;
        auto client = makeClient(io, m_hall->device);
        const auto outcome = runToEnd(io, [&]() -> asio::awaitable<Result<NoticeList>> {
            if (Status connected = co_await client->connect("localhost", m_echo->port()); !connected)
                co_return connected.error();
            const ListNotices query{2};
            auto answer = co_await client->request(query); // the echo answers ListNotices, not NoticeList
            client->close();
            co_return answer;
        }());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::MalformedFrame);
        QVERIFY2(outcome.error().message.find("NoticeList") != std::string::npos,
                 outcome.error().message.c_str());
    }

    void requestIds() {
        asio::io_context io;
        auto client = makeClient(io, m_hall->device);
        QCOMPARE(client->newRequestId(false), std::uint64_t{1});
        QCOMPARE(client->newRequestId(false), std::uint64_t{2});
        std::set<std::uint64_t> mutating;
        for (int i = 0; i < 100; ++i) {
            const std::uint64_t id = client->newRequestId(true);
            QVERIFY(id != 0);
            mutating.insert(id);
        }
        QCOMPARE(mutating.size(), std::size_t{100});
        QVERIFY(Client::isMutating(MessageType::PostNotice));
        QVERIFY(!Client::isMutating(MessageType::ListNotices));
        QVERIFY(!Client::isMutating(MessageType::Ping));
    }

    void replyTypesMatchTheRoleMatrix() {
        QCOMPARE(accessRuleFor(MessageType::Hello)->reply, ReplyType<Hello>::kType);
        QCOMPARE(accessRuleFor(MessageType::Ping)->reply, ReplyType<Ping>::kType);
        QCOMPARE(accessRuleFor(MessageType::Login)->reply, ReplyType<Login>::kType);
        QCOMPARE(accessRuleFor(MessageType::Logout)->reply, ReplyType<Logout>::kType);
        QCOMPARE(accessRuleFor(MessageType::Subscribe)->reply, ReplyType<Subscribe>::kType);
        QCOMPARE(accessRuleFor(MessageType::PostNotice)->reply, ReplyType<PostNotice>::kType);
        QCOMPARE(accessRuleFor(MessageType::ListNotices)->reply, ReplyType<ListNotices>::kType);
        QCOMPARE(accessRuleFor(MessageType::GetServerStatus)->reply, ReplyType<GetServerStatus>::kType);
    }

    void serverMustNameTheHostConnectedTo() {
        // The server certificate names localhost and 127.0.0.1; 127.0.0.2 is the same machine by another
        // name.
        auto elsewhere = EchoServer::start(m_hall->pki(), 1, "127.0.0.2");
        QVERIFY2(elsewhere, elsewhere ? "" : elsewhere.error().message.c_str());
        asio::io_context io;
        auto client = makeClient(io, m_hall->device);
        const Status connected = runToEnd(io, client->connect("127.0.0.2", (*elsewhere)->port()));
        QVERIFY(!connected);
        QVERIFY2(connected.error().message.find("certificate verify failed") != std::string::npos,
                 connected.error().message.c_str());
    }

    void serverMustChainToThePinnedCa() {
        // A device of another hall trusts only that hall's CA, so this server's certificate is refused.
        asio::io_context io;
        auto client = makeClient(io, m_otherHall->device);
        const Status connected = runToEnd(io, client->connect("127.0.0.1", m_echo->port()));
        QVERIFY(!connected);
        QVERIFY2(connected.error().message.find("certificate verify failed") != std::string::npos,
                 connected.error().message.c_str());
    }

    void unansweredRequestTimesOut() {
        asio::io_context io;
        ClientOptions options;
        options.requestTimeout = std::chrono::milliseconds(100);
        auto client = makeClient(io, m_hall->device, options);
        const auto outcome = runToEnd(io, [&]() -> asio::awaitable<Result<ReceivedFrame>> {
            if (Status connected = co_await client->connect("127.0.0.1", m_echo->port()); !connected)
                co_return connected.error();
            // Half a frame: the echo server waits for the rest and never answers.
            std::string frame = encodeMessage(Ping{7}, 9);
            frame.pop_back();
            auto answer = co_await client->callFrame(std::move(frame), 9);
            const bool stillOpen = client->isOpen();
            client->close();
            if (!stillOpen)
                co_return Error{ErrorCode::Internal, "a timeout must not close the connection"};
            co_return answer;
        }());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::Timeout);
    }

    void peerGoingAwayFailsPendingRequests() {
        auto echo = EchoServer::start(m_hall->pki(), 1);
        QVERIFY(echo);
        asio::io_context io;
        auto client = makeClient(io, m_hall->device);
        const auto outcome = runToEnd(io, [&]() -> asio::awaitable<Result<ReceivedFrame>> {
            if (Status connected = co_await client->connect("127.0.0.1", (*echo)->port()); !connected)
                co_return connected.error();
            std::string frame = encodeMessage(Ping{7}, 11);
            frame.pop_back();
            asio::co_spawn(
                co_await asio::this_coro::executor,
                [&]() -> asio::awaitable<void> {
                    echo->reset(); // the server and its connections go away
                    co_return;
                },
                asio::detached);
            co_return co_await client->callFrame(std::move(frame), 11);
        }());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::Disconnected);
        QVERIFY(!client->isOpen());
    }

    void latencyPercentiles() {
        LatencySamples samples;
        QVERIFY(!samples.percentile(50));
        for (int i = 100; i >= 1; --i)
            samples.add(i);
        QCOMPARE(*samples.percentile(50), 50.0);
        QCOMPARE(*samples.percentile(99), 99.0);
        QCOMPARE(*samples.percentile(100), 100.0);
        samples.add(0.5);
        QCOMPARE(*samples.percentile(1), 1.0); // ceil(0.01 * 101) = 2nd smallest
        LatencySamples more;
        more.add(1000);
        samples.merge(more);
        QCOMPARE(*samples.max(), 1000.0);
        QCOMPARE(samples.count(), std::size_t{102});
    }

    void optionsAreChecked() {
        static constexpr OptionSpec kSpecs[] = {
            {"--port", "PORT", "", true}, {"--rate", "R", ""}, {"--json", "", ""}};
        auto parsed = SimOptions::parse({"--port", "7443", "--json", "--rate", "2.5"}, kSpecs);
        QVERIFY(parsed);
        QCOMPARE(*parsed->integer("--port", 0, 1, 65535), std::int64_t{7443});
        QCOMPARE(*parsed->number("--rate", 0, 0, 100), 2.5);
        QVERIFY(parsed->has("--json"));
        QVERIFY(!SimOptions::parse({"--json"}, kSpecs));                 // --port missing
        QVERIFY(!SimOptions::parse({"--port", "1", "--bogus"}, kSpecs)); // unknown
        QVERIFY(!SimOptions::parse({"--port"}, kSpecs));                 // no value
        auto badPort = SimOptions::parse({"--port", "70000"}, kSpecs);
        QVERIFY(badPort);
        QVERIFY(!badPort->integer("--port", 0, 1, 65535));
    }

    void jsonNumbersReadLikeNumbers() {
        boost::json::object object;
        object["whole"] = 12000.0;
        object["fraction"] = 3.25;
        object["tiny"] = 0.0004;
        object["count"] = 7;
        object["name"] = "负载";
        object["none"] = nullptr;
        const std::string text = jsonText(object);
        QCOMPARE(QString::fromStdString(text),
                 QStringLiteral("{\"whole\":12000,\"fraction\":3.25,\"tiny\":0,\"count\":7,\"name\":\"负载\","
                                "\"none\":null}"));
        QCOMPARE(boost::json::parse(text).at("fraction").as_double(), 3.25);
    }

    void demoAccountsFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("DEMO-ACCOUNTS.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("admin          admin        pw1\n\n# note\nwang.fang      supervisor   pw2\n");
        file.close();
        auto accounts = readDemoAccounts(path.toStdString());
        QVERIFY(accounts);
        QCOMPARE(accounts->size(), std::size_t{2});
        auto supervisor = findAccount(*accounts, "supervisor");
        QVERIFY(supervisor);
        QCOMPARE(QString::fromStdString(supervisor->password), QStringLiteral("pw2"));
        QVERIFY(!findAccount(*accounts, "clerk"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("broken line\n");
        file.close();
        QVERIFY(!readDemoAccounts(path.toStdString()));
    }

    void sqliteBaselineCommits() {
        QTemporaryDir dir;
        auto perS = measureSqliteCommits(dir.path().toStdString(), 0.2);
        QVERIFY2(perS, perS ? "" : perS.error().message.c_str());
        QVERIFY(*perS > 0);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // the database is removed again
    }
};

QTEST_GUILESS_MAIN(TestSimClient)
#include "tst_sim_client.moc"
