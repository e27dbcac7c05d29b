#include "check_command.h"

#include "client.h"
#include "device_files.h"
#include "sim_options.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <ostream>

namespace hall::sim {

namespace asio = boost::asio;
using asio::awaitable;

namespace {

using ClientPtr = std::shared_ptr<Client>;
/// A step's outcome: a short detail line on success, the reason on failure.
using StepResult = Result<std::string>;

double millisSince(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

std::string formatMs(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", ms);
    return text;
}

class CheckRun {
public:
    CheckRun(const CheckOptions& options, std::ostream& out) : m_options(options), m_out(out) {}

    awaitable<void> run();
    int failures() const { return m_failures; }
    int steps() const { return m_steps; }

private:
    /// Runs one step, prints its line, and says whether it passed.
    awaitable<bool> step(const std::string& name, const std::function<awaitable<StepResult>()>& body);
    void skip(const std::string& name, const std::string& why);
    awaitable<Result<ClientPtr>> connectDevice(const std::string& name);

    const CheckOptions& m_options;
    std::ostream& m_out;
    int m_steps = 0;
    int m_failures = 0;
    std::vector<ClientPtr> m_clients;
};

awaitable<bool> CheckRun::step(const std::string& name, const std::function<awaitable<StepResult>()>& body) {
    ++m_steps;
    const auto start = SteadyClock::now();
    StepResult result = Error{ErrorCode::Internal, "the step did not finish"};
    try {
        result = co_await body();
    } catch (const std::exception& e) {
        result = Error{ErrorCode::Internal, std::string("unexpected failure: ") + e.what()};
    }
    const double ms = millisSince(start);
    std::string label = name;
    if (label.size() < 52)
        label.resize(52, ' ');
    if (result) {
        m_out << "  PASS  " << label << ' ' << formatMs(ms) << "  " << *result << "\n";
    } else {
        ++m_failures;
        m_out << "  FAIL  " << label << ' ' << formatMs(ms) << "  " << errorCodeName(result.error().code)
              << ": " << result.error().message << "\n";
    }
    m_out.flush();
    co_return result.ok();
}

void CheckRun::skip(const std::string& name, const std::string& why) {
    ++m_steps;
    ++m_failures;
    m_out << "  FAIL  " << name << "  (not run: " << why << ")\n";
}

awaitable<Result<ClientPtr>> CheckRun::connectDevice(const std::string& name) {
    const DeviceFiles files = demoDevice(m_options.dataDir, name);
    auto tls = files.tlsContext();
    if (!tls)
        co_return tls.error();
    ClientOptions clientOptions;
    clientOptions.clientName = "hall-sim-check";
    clientOptions.connectTimeout = m_options.timeout;
    clientOptions.requestTimeout = m_options.timeout;
    auto client = Client::create(co_await asio::this_coro::executor, *tls, clientOptions);
    m_clients.push_back(client);
    if (const Status connected = co_await client->connect(m_options.host, m_options.port); !connected)
        co_return connected.error();
    const auto hello = co_await client->hello();
    if (!hello)
        co_return hello.error();
    if (hello->device.name != name)
        co_return Error{ErrorCode::Conflict,
                        "the server takes this certificate for device " + hello->device.name};
    co_return client;
}

std::string describeDevice(const DeviceIdentity& device) {
    std::string text(deviceRoleName(device.role));
    if (!device.window.empty())
        text += ", window " + device.window;
    text += device.floor == 0 ? ", whole hall" : ", floor " + std::to_string(device.floor);
    return text;
}

/// The hall clock's now as far as this client can tell: the server's time at hello plus what passed since.
std::int64_t hallNowMs(const HelloOk& hello, SteadyClock::time_point helloAt) {
    return hello.serverTimeMs +
           std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - helloAt).count();
}

awaitable<void> CheckRun::run() {
    // The display: connect, then subscribe to its floor and the hall from the current journal head.
    ClientPtr display;
    const bool displayUp = co_await step(
        "display " + m_options.display + ": TLS connect and hello", [&]() -> awaitable<StepResult> {
            auto client = co_await connectDevice(m_options.display);
            if (!client)
                co_return client.error();
            display = *client;
            const HelloOk& hello = *display->helloOk();
            if (hello.device.role != DeviceRole::Display)
                co_return Error{ErrorCode::Conflict, "not a display: " + describeDevice(hello.device)};
            co_return display->tlsVersion() + "; " + describeDevice(hello.device) + "; journal head " +
                std::to_string(hello.journalHead);
        });
    bool subscribed = false;
    const std::string subscribeName = "display subscribes to its floor and the hall";
    if (displayUp) {
        subscribed = co_await step(subscribeName, [&]() -> awaitable<StepResult> {
            const HelloOk& hello = *display->helloOk();
            std::vector<std::string> topics{std::string(kTopicHall)};
            if (hello.device.floor != 0)
                topics.insert(topics.begin(), topicForFloor(hello.device.floor));
            auto ok = co_await display->subscribe(topics, hello.journalHead);
            if (!ok)
                co_return ok.error();
            std::string list;
            for (const auto& topic : topics)
                list += (list.empty() ? "" : ", ") + topic;
            co_return list + "; head " + std::to_string(ok->headSeq) + ", replayed " +
                std::to_string(ok->replayedCount);
        });
    } else {
        skip(subscribeName, "the display is not connected");
    }

    // The supervisor's desk: connect and log in as the demo supervisor.
    ClientPtr desk;
    SteadyClock::time_point deskHelloAt;
    const bool deskUp =
        co_await step("desk " + m_options.desk + ": TLS connect and hello", [&]() -> awaitable<StepResult> {
            auto client = co_await connectDevice(m_options.desk);
            if (!client)
                co_return client.error();
            desk = *client;
            deskHelloAt = SteadyClock::now();
            co_return desk->tlsVersion() + "; " + describeDevice(desk->helloOk()->device);
        });
    LoginOk supervisor;
    bool loggedIn = false;
    const std::string loginName = "supervisor logs in on " + m_options.desk;
    if (deskUp) {
        loggedIn = co_await step(loginName, [&]() -> awaitable<StepResult> {
            const std::string file = m_options.accountsFile.empty() ? m_options.dataDir + "/DEMO-ACCOUNTS.txt"
                                                                    : m_options.accountsFile;
            auto accounts = readDemoAccounts(file);
            if (!accounts)
                co_return accounts.error();
            auto account = findAccount(*accounts, "supervisor");
            if (!account)
                co_return account.error();
            auto ok = co_await desk->login(account->username, account->password);
            if (!ok)
                co_return ok.error();
            if (ok->role != PersonRole::Supervisor)
                co_return Error{ErrorCode::Conflict,
                                account->username + " logged in as " + std::string(personRoleName(ok->role))};
            supervisor = *ok;
            co_return ok->username + " (" + ok->displayName + ")";
        });
    } else {
        skip(loginName, "the desk is not connected");
    }

    // The notice, posted once with a chosen request id and then retried with the same id.
    const std::uint8_t floor = display && display->helloOk() ? display->helloOk()->device.floor : 2;
    PostNotice post;
    post.floor = floor;
    std::uint64_t requestId = 0;
    Result<ReceivedFrame> first = Error{ErrorCode::Internal, "not posted"};
    PostNoticeOk posted;
    SteadyClock::time_point postedAt;
    bool postedOk = false;
    const std::string postName = "post a notice to floor " + std::to_string(floor);
    if (loggedIn) {
        postedOk = co_await step(postName, [&]() -> awaitable<StepResult> {
            const std::int64_t now = hallNowMs(*desk->helloOk(), deskHelloAt);
            post.text = "hall-sim check " + std::to_string(now) + ": 2楼审批大厅今日正常办公";
            post.expiresAtMs = now + 10 * 60 * 1000;
            requestId = desk->newRequestId(true);
            postedAt = SteadyClock::now();
            std::string frame = encodeMessage(post, requestId);
            first = co_await desk->callFrame(std::move(frame), requestId);
            if (!first)
                co_return first.error();
            auto ok = Client::decodeReply<PostNoticeOk>(*first);
            if (!ok)
                co_return ok.error();
            posted = *ok;
            co_return "notice " + std::to_string(ok->noticeId) + ", event seq " + std::to_string(ok->seq) +
                ", request id " + std::to_string(requestId);
        });
    } else {
        skip(postName, "nobody is logged in");
    }

    const std::string eventName = "display receives exactly that NoticePosted event";
    if (postedOk && subscribed) {
        co_await step(eventName, [&]() -> awaitable<StepResult> {
            auto received = co_await display->nextEvent(m_options.timeout);
            if (!received)
                co_return received.error();
            const Event& event = received->event;
            if (event.kind != static_cast<std::uint16_t>(EventKind::NoticePosted) || event.seq != posted.seq)
                co_return Error{ErrorCode::Conflict, "got event seq " + std::to_string(event.seq) + " kind " +
                                                         std::to_string(event.kind) +
                                                         ", expected NoticePosted seq " +
                                                         std::to_string(posted.seq)};
            if (event.topic != topicForFloor(floor))
                co_return Error{ErrorCode::Conflict, "the event came on topic " + event.topic};
            auto body = NoticePosted::decode(event.body);
            if (!body)
                co_return body.error();
            const NoticePosted expected{posted.noticeId, floor, post.text, post.expiresAtMs,
                                        supervisor.displayName};
            if (!(*body == expected))
                co_return Error{ErrorCode::Conflict, "the event's notice differs from the one posted"};
            const double after =
                std::chrono::duration<double, std::milli>(received->arrivedAt - postedAt).count();
            co_return "seq " + std::to_string(event.seq) + ", " + formatMs(after) + " after posting";
        });
    } else {
        skip(eventName, "nothing was posted or the display is not subscribed");
    }

    const std::string retryName = "retry with the same request id: identical answer";
    if (postedOk) {
        co_await step(retryName, [&]() -> awaitable<StepResult> {
            std::string frame = encodeMessage(post, requestId);
            auto again = co_await desk->callFrame(std::move(frame), requestId);
            if (!again)
                co_return again.error();
            if (again->type != first->type || again->body != first->body) {
                auto ok = Client::decodeReply<PostNoticeOk>(*again);
                co_return Error{ErrorCode::Conflict, ok ? "a different answer: notice " +
                                                              std::to_string(ok->noticeId) + ", seq " +
                                                              std::to_string(ok->seq)
                                                        : "a different answer: " + ok.error().message};
            }
            co_return "notice " + std::to_string(posted.noticeId) + " again";
        });
    } else {
        skip(retryName, "nothing was posted");
    }

    // Listing on the display doubles as a barrier: the core answers it after it has published whatever the
    // retry caused, so an event from the retry would already sit in the display's queue.
    const std::string listName = "display lists floor " + std::to_string(floor) + " notices: ours once";
    bool listed = false;
    if (postedOk && displayUp) {
        listed = co_await step(listName, [&]() -> awaitable<StepResult> {
            const ListNotices query{floor};
            auto list = co_await display->request(query);
            if (!list)
                co_return list.error();
            int ours = 0;
            for (const auto& notice : list->notices)
                if (notice.id == posted.noticeId && notice.text == post.text)
                    ++ours;
            if (ours != 1)
                co_return Error{ErrorCode::Conflict,
                                "the notice is listed " + std::to_string(ours) + " times"};
            co_return std::to_string(list->notices.size()) + " notices in force";
        });
    } else {
        skip(listName, "nothing was posted or the display is not connected");
    }

    const std::string noSecondName = "no second event after the retry";
    if (listed && subscribed) {
        co_await step(noSecondName, [&]() -> awaitable<StepResult> {
            auto extra = co_await display->nextEvent(std::chrono::milliseconds(0));
            if (extra)
                co_return Error{ErrorCode::Conflict,
                                "an event arrived: seq " + std::to_string(extra->event.seq)};
            if (extra.error().code != ErrorCode::Timeout)
                co_return extra.error();
            co_return std::string("none");
        });
    } else {
        skip(noSecondName, "the notice was not listed or the display is not subscribed");
    }

    co_await step("kiosk " + m_options.kiosk + " may not post (Forbidden)", [&]() -> awaitable<StepResult> {
        auto kiosk = co_await connectDevice(m_options.kiosk);
        if (!kiosk)
            co_return kiosk.error();
        PostNotice attempt{1, "hall-sim check: a kiosk must not post this", 0};
        attempt.expiresAtMs = hallNowMs(*(*kiosk)->helloOk(), SteadyClock::now()) + 60 * 1000;
        auto answer = co_await (*kiosk)->request(attempt);
        if (answer)
            co_return Error{ErrorCode::Conflict,
                            "the kiosk's notice was accepted as " + std::to_string(answer->noticeId)};
        if (answer.error().code != ErrorCode::Forbidden)
            co_return answer.error();
        co_return "refused: " + answer.error().message;
    });

    co_await step("server status (" + m_options.admin + ")", [&]() -> awaitable<StepResult> {
        auto admin = co_await connectDevice(m_options.admin);
        if (!admin)
            co_return admin.error();
        const GetServerStatus query;
        auto status = co_await (*admin)->request(query);
        if (!status)
            co_return status.error();
        const std::int64_t upS = (status->nowMs - status->startedAtMs) / 1000;
        co_return "hall-server " + status->serverVersion + ", " + std::to_string(status->sessions) +
            " sessions, journal head " + std::to_string(status->journalHead) + ", up " + std::to_string(upS) +
            " s, " + (status->simulatedClock ? "simulated" : "system") + " clock";
    });

    for (const auto& client : m_clients)
        client->close();
}

} // namespace

int runCheck(const CheckOptions& options, std::ostream& out) {
    out << "hall-sim check: " << options.host << ":" << options.port << ", data dir " << options.dataDir
        << "\n";
    const auto start = SteadyClock::now();
    asio::io_context io(1);
    CheckRun check(options, out);
    asio::co_spawn(io, check.run(), [&](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            out << "  FAIL  the check stopped: " << e.what() << "\n";
        }
    });
    io.run();
    const int passed = check.steps() - check.failures();
    out << "hall-sim check: " << passed << " of " << check.steps() << " steps passed in "
        << formatMs(millisSince(start)) << (check.failures() == 0 ? "" : " -- FAILED") << "\n";
    return check.failures() == 0 ? 0 : 1;
}

} // namespace hall::sim

namespace hall::sim {

namespace {
constexpr OptionSpec kCheckOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory (devices in DIR/devices/<name>/)", true},
    {"--port", "PORT", "the hall server's TLS port", true},
    {"--host", "HOST", "the server's address as its certificate names it (default 127.0.0.1)"},
    {"--display", "NAME", "the display device (default led-2f)"},
    {"--desk", "NAME", "the supervisor's desk device (default supervisor-desk)"},
    {"--kiosk", "NAME", "the kiosk device (default K-1F-01)"},
    {"--admin", "NAME", "the admin device (default hallctl-admin)"},
    {"--accounts", "FILE", "'username role password' lines (default DIR/DEMO-ACCOUNTS.txt)"},
    {"--timeout-ms", "MS", "how long each answer may take (default 5000)"},
    {"--help", "", "show this text"},
};
constexpr std::string_view kCheckSummary = "Runs the scripted end-to-end check of a running hall over TLS "
                                           "and prints each step; exit 0 when all pass.";
} // namespace

int checkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && args[0] == "--help") {
        out << usageText("check", kCheckSummary, kCheckOptions);
        return 0;
    }
    auto options = SimOptions::parse(args, kCheckOptions);
    if (!options) {
        err << "hall-sim check: " << options.error().message << "\n"
            << usageText("check", kCheckSummary, kCheckOptions);
        return 2;
    }
    CheckOptions check;
    check.dataDir = options->value("--data-dir");
    auto port = options->integer("--port", 0, 1, 65535);
    auto timeout = options->integer("--timeout-ms", 5000, 1, 600000);
    for (const auto* bad : {&port, &timeout})
        if (!*bad) {
            err << "hall-sim check: " << bad->error().message << "\n";
            return 2;
        }
    check.port = static_cast<std::uint16_t>(*port);
    check.timeout = std::chrono::milliseconds(*timeout);
    check.host = options->value("--host", check.host);
    check.display = options->value("--display", check.display);
    check.desk = options->value("--desk", check.desk);
    check.kiosk = options->value("--kiosk", check.kiosk);
    check.admin = options->value("--admin", check.admin);
    check.accountsFile = options->value("--accounts");
    return runCheck(check, out);
}

} // namespace hall::sim
