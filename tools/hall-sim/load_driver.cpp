#include "load_driver.h"

#include "batches.h"
#include "client.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <latch>
#include <ostream>
#include <thread>
#include <unordered_map>

namespace hall::sim {

namespace asio = boost::asio;
using asio::awaitable;

namespace {

using Clock = SteadyClock;
constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);
constexpr std::uint8_t kDisplayFloor = 2;
/// How long displays get after the window to receive the events of the last posts.
constexpr auto kFanoutDrain = std::chrono::seconds(3);
constexpr auto kGovernorPeriod = std::chrono::milliseconds(250);

enum class Kind { Post, List, Ping };

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double millis(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

/// What every worker reads; the governor writes the notice lifetime.
struct RunState {
    Clock::time_point start;
    Clock::time_point end;
    bool echo = false;
    std::atomic<std::int64_t> noticeTtlMs{100};
    std::atomic<std::uint64_t> postsDone{0};
    std::atomic<std::uint64_t> slowestUs{0};
};

struct PostRecord {
    std::uint64_t seq = 0;
    Clock::time_point replyAt;
};

/// One desk connection and everything it measured; touched only on its client's executor until the
/// driver has joined the threads.
struct DeskWorker {
    DeskWorker(std::shared_ptr<Client> c, std::size_t i)
        : client(std::move(c)), index(i), random(std::random_device{}()), idle(client->executor()) {
        idle.expires_at(Clock::time_point::max());
    }

    void fail(const Error& error) {
        ++errors[error.code];
        if (firstError.empty())
            firstError = std::string(errorCodeName(error.code)) + ": " + error.message;
    }

    std::shared_ptr<Client> client;
    std::size_t index;
    std::mt19937_64 random;
    std::int64_t hallOffsetMs = 0; // the hall clock minus this machine's clock, from the hello
    std::size_t inFlight = 0;
    asio::steady_timer idle; // cancelled when inFlight drops to zero
    std::uint64_t posted = 0;

    std::uint64_t counts[3] = {0, 0, 0};
    LatencySamples latency;
    LatencySamples postLatency;
    std::map<ErrorCode, std::uint64_t> errors;
    std::string firstError;
    std::vector<PostRecord> displayPosts; // successful posts to the displays' floor
};

struct Arrival {
    std::uint64_t seq = 0;
    Clock::time_point at;
    std::int64_t wallMs = 0;
    std::int64_t eventMs = 0;
};

struct DisplayWorker {
    std::shared_ptr<Client> client;
    std::vector<Arrival> arrivals;
    std::atomic<std::uint64_t> lastSeq{0};
};

void noteSlowest(RunState& run, double ms) {
    const auto us = static_cast<std::uint64_t>(ms * 1000);
    std::uint64_t seen = run.slowestUs.load(std::memory_order_relaxed);
    while (us > seen && !run.slowestUs.compare_exchange_weak(seen, us, std::memory_order_relaxed)) {
    }
}

/// Books one answer: a success with its latency, or the error.
void settle(DeskWorker& w, RunState& run, Kind kind, std::uint8_t floor, MessageType sent,
            Clock::time_point startedAt, const Result<ReceivedFrame>& reply) {
    if (!reply)
        return w.fail(reply.error());
    const ReceivedFrame& frame = *reply;
    if (run.echo) {
        if (frame.type != sent)
            return w.fail({ErrorCode::MalformedFrame, "the echo came back as another type"});
    } else if (frame.type == MessageType::ErrorReply) {
        auto error = ErrorReply::decode(frame.body);
        return w.fail(error ? Error{error->code, error->message} : error.error());
    } else if (kind == Kind::Post) {
        auto ok = decodeMessage<PostNoticeOk>(FrameView{frame.type, frame.requestId, frame.body});
        if (!ok)
            return w.fail(ok.error());
        if (floor == kDisplayFloor)
            w.displayPosts.push_back({ok->seq, frame.arrivedAt});
    } else if (frame.type != (kind == Kind::List ? MessageType::NoticeList : MessageType::Pong)) {
        return w.fail(
            {ErrorCode::MalformedFrame, "unexpected reply " + std::string(messageTypeName(frame.type))});
    }
    const double ms = millis(frame.arrivedAt - startedAt);
    w.latency.add(ms);
    ++w.counts[static_cast<int>(kind)];
    if (kind == Kind::Post) {
        w.postLatency.add(ms);
        run.postsDone.fetch_add(1, std::memory_order_relaxed);
    }
    noteSlowest(run, ms);
}

/// Sends one command of the mix and books its answer. The caller has counted it in w.inFlight.
awaitable<void> issue(DeskWorker& w, RunState& run, Clock::time_point startedAt) {
    const auto roll = static_cast<int>(w.random() % 100);
    const Kind kind = roll < kMixPostNotice                     ? Kind::Post
                      : roll < kMixPostNotice + kMixListNotices ? Kind::List
                                                                : Kind::Ping;
    const auto floor = static_cast<std::uint8_t>(1 + w.random() % 5);
    std::uint64_t id = 0;
    std::string frame;
    MessageType sent = MessageType::Ping;
    if (kind == Kind::Post) {
        PostNotice post;
        post.floor = floor;
        post.text = "负载模拟通知 " + std::to_string(w.index) + "-" + std::to_string(++w.posted) + "：请到" +
                    std::to_string(floor) + "楼服务窗口办理";
        post.expiresAtMs = systemNowMs() + w.hallOffsetMs + run.noticeTtlMs.load(std::memory_order_relaxed);
        id = w.client->newRequestId(true);
        frame = encodeMessage(post, id);
        sent = PostNotice::kType;
    } else if (kind == Kind::List) {
        id = w.client->newRequestId(false);
        frame = encodeMessage(ListNotices{floor}, id);
        sent = ListNotices::kType;
    } else {
        id = w.client->newRequestId(false);
        frame = encodeMessage(Ping{w.random()}, id);
    }
    auto reply = co_await w.client->callFrame(std::move(frame), id);
    settle(w, run, kind, floor, sent, startedAt, reply);
    if (--w.inFlight == 0)
        w.idle.cancel();
}

awaitable<void> sleepUntil(Clock::time_point when) {
    asio::steady_timer timer(co_await asio::this_coro::executor, when);
    co_await timer.async_wait(kWithError);
}

/// As fast as it can: one command in flight, the next sent when the answer is in.
awaitable<void> closedLoop(DeskWorker& w, RunState& run) {
    co_await sleepUntil(run.start);
    for (auto now = Clock::now(); now < run.end && w.client->isOpen(); now = Clock::now()) {
        ++w.inFlight;
        co_await issue(w, run, now);
    }
}

/// At a fixed pace whatever the answers do: latency counts from the scheduled send time, so a server
/// that falls behind shows its queue.
awaitable<void> openLoop(DeskWorker& w, RunState& run, Clock::duration interval, Clock::duration phase) {
    asio::steady_timer timer(w.client->executor());
    for (auto next = run.start + phase; next < run.end && w.client->isOpen(); next += interval) {
        timer.expires_at(next);
        co_await timer.async_wait(kWithError);
        ++w.inFlight;
        asio::co_spawn(w.client->executor(), issue(w, run, next), asio::detached);
    }
    while (w.inFlight > 0) {
        w.idle.expires_at(Clock::time_point::max());
        co_await w.idle.async_wait(kWithError);
    }
}

/// Keeps the notices in force near kNoticesInForceTarget as the post rate changes (see there).
awaitable<void> governNoticeLifetime(RunState& run) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    double slowestMs = 0;
    while (Clock::now() < run.end) {
        timer.expires_after(kGovernorPeriod);
        co_await timer.async_wait(kWithError);
        const double posts = static_cast<double>(run.postsDone.exchange(0, std::memory_order_relaxed));
        const double windowSlowestMs =
            static_cast<double>(run.slowestUs.exchange(0, std::memory_order_relaxed)) / 1000;
        slowestMs = std::max(windowSlowestMs, slowestMs / 2);
        const double perS = posts / std::chrono::duration<double>(kGovernorPeriod).count();
        if (perS <= 0)
            continue;
        const double ceilingMs = std::max(kNoticeTtlFloorMs, kNoticesInForceCeiling / perS * 1000);
        const double floorMs =
            std::min(std::max(kNoticeTtlFloorMs, kNoticeTtlLatencyFactor * slowestMs), ceilingMs);
        const double ttl = std::clamp(kNoticesInForceTarget / perS * 1000, floorMs, 600000.0);
        run.noticeTtlMs.store(static_cast<std::int64_t>(ttl), std::memory_order_relaxed);
    }
}

awaitable<Status> connectDesk(DeskWorker& w, const LoadPlan& plan, bool echo) {
    w.client->setRequestTimeout(plan.connectTimeout);
    if (Status connected = co_await w.client->connect(plan.host, plan.port); !connected)
        co_return connected;
    if (echo) {
        w.client->setRequestTimeout(plan.requestTimeout);
        co_return success();
    }
    auto hello = co_await w.client->hello();
    if (!hello)
        co_return hello.error();
    // Only a hall clock that differs for real (a simulated one) shifts the expiry times: on the same
    // machine the difference is just the hello's own delay, which would make notices expire early.
    const std::int64_t offset = hello->serverTimeMs - systemNowMs();
    w.hallOffsetMs = std::abs(offset) > 1000 ? offset : 0;
    auto login = co_await w.client->login(plan.fixture.username, plan.fixture.password);
    if (!login)
        co_return login.error();
    w.client->setRequestTimeout(plan.requestTimeout);
    co_return success();
}

awaitable<Status> connectDisplay(DisplayWorker& d, const LoadPlan& plan) {
    d.client->setRequestTimeout(plan.connectTimeout);
    if (Status connected = co_await d.client->connect(plan.host, plan.port); !connected)
        co_return connected;
    auto hello = co_await d.client->hello();
    if (!hello)
        co_return hello.error();
    DisplayWorker* self = &d;
    d.client->setEventHandler([self](const ReceivedEvent& received) {
        if (received.event.kind != static_cast<std::uint16_t>(EventKind::NoticePosted))
            return;
        const std::int64_t wallMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(received.arrivedAtWall.time_since_epoch())
                .count();
        self->arrivals.push_back({received.event.seq, received.arrivedAt, wallMs, received.event.timeMs});
        self->lastSeq.store(received.event.seq, std::memory_order_release);
    });
    std::vector<std::string> topics{topicForFloor(kDisplayFloor), std::string(kTopicHall)};
    auto subscribed = co_await d.client->subscribe(topics, hello->journalHead);
    if (!subscribed)
        co_return subscribed.error();
    d.client->setRequestTimeout(plan.requestTimeout);
    co_return success();
}

Result<std::vector<std::shared_ptr<asio::ssl::context>>>
contextsFor(const std::vector<DeviceFiles>& devices) {
    std::vector<std::shared_ptr<asio::ssl::context>> contexts;
    for (const auto& device : devices) {
        auto context = device.tlsContext();
        if (!context)
            return context.error();
        contexts.push_back(*context);
    }
    return contexts;
}

void collectFanout(const std::vector<std::unique_ptr<DeskWorker>>& desks,
                   const std::vector<std::unique_ptr<DisplayWorker>>& displays, LoadOutcome& outcome) {
    struct Spread {
        Clock::time_point replyAt;
        Clock::time_point lastAt;
        std::int64_t lastWallMs = 0;
        std::int64_t eventMs = 0;
        std::size_t arrivals = 0;
    };
    std::unordered_map<std::uint64_t, Spread> bySeq;
    for (const auto& desk : desks)
        for (const auto& post : desk->displayPosts)
            bySeq[post.seq].replyAt = post.replyAt;
    for (const auto& display : displays)
        for (const auto& arrival : display->arrivals) {
            const auto it = bySeq.find(arrival.seq);
            if (it == bySeq.end())
                continue;
            Spread& spread = it->second;
            if (spread.arrivals++ == 0 || arrival.at > spread.lastAt)
                spread.lastAt = arrival.at;
            spread.lastWallMs = std::max(spread.lastWallMs, arrival.wallMs);
            spread.eventMs = arrival.eventMs;
        }
    for (const auto& [seq, spread] : bySeq) {
        if (spread.arrivals < displays.size()) {
            ++outcome.fanoutMissing;
            continue;
        }
        ++outcome.fanoutEvents;
        // An event may reach every display before its reply reaches the poster: that counts as no delay.
        outcome.fanout.add(std::max(0.0, millis(spread.lastAt - spread.replyAt)));
        outcome.fanoutServer.add(
            static_cast<double>(std::max<std::int64_t>(0, spread.lastWallMs - spread.eventMs)));
    }
}

} // namespace

Result<LoadOutcome> runLoad(const LoadPlan& plan, std::ostream& log) {
    const bool echo = plan.target == LoadTarget::Echo;
    const std::size_t displayCount = echo ? 0 : plan.displays;
    if (plan.clients == 0 || plan.fixture.desks.empty() ||
        (displayCount > 0 && plan.fixture.displays.empty()))
        return Error{ErrorCode::InvalidArgument, "the load needs at least one client and its devices"};
    auto deskContexts = contextsFor(plan.fixture.desks);
    if (!deskContexts)
        return deskContexts.error();
    auto displayContexts = contextsFor(plan.fixture.displays);
    if (!displayContexts)
        return displayContexts.error();

    asio::io_context io(plan.threads);
    auto work = asio::make_work_guard(io);
    std::vector<std::thread> threads;
    for (int i = 0; i < std::max(plan.threads, 1); ++i)
        threads.emplace_back([&io] { io.run(); });

    ClientOptions options;
    options.clientName = "hall-sim-load";
    options.requestTimeout = plan.requestTimeout;
    std::vector<std::unique_ptr<DeskWorker>> desks;
    for (std::size_t i = 0; i < plan.clients; ++i)
        desks.push_back(std::make_unique<DeskWorker>(
            Client::create(asio::make_strand(io), (*deskContexts)[i % deskContexts->size()], options), i));
    std::vector<std::unique_ptr<DisplayWorker>> displays;
    for (std::size_t i = 0; i < displayCount; ++i) {
        displays.push_back(std::make_unique<DisplayWorker>());
        displays.back()->client =
            Client::create(asio::make_strand(io), (*displayContexts)[i % displayContexts->size()], options);
    }

    const auto stopThreads = [&] {
        std::latch closed(static_cast<std::ptrdiff_t>(desks.size() + displays.size()));
        const auto closeOne = [&closed](const std::shared_ptr<Client>& client) {
            asio::post(client->executor(), [client, &closed] {
                client->close();
                closed.count_down();
            });
        };
        for (const auto& desk : desks)
            closeOne(desk->client);
        for (const auto& display : displays)
            closeOne(display->client);
        closed.wait();
        work.reset();
        io.stop();
        for (auto& thread : threads)
            thread.join();
    };

    LoadOutcome outcome;
    const auto connectStart = Clock::now();
    log << "hall-sim: connecting " << desks.size() << (echo ? " clients to the TLS echo server" : " desks")
        << (displays.empty() ? "" : " and " + std::to_string(displays.size()) + " displays") << "\n";
    Status connected = inBatches(desks.size(), plan.connectBatch, [&](std::size_t i) {
        return std::pair(desks[i]->client->executor(), connectDesk(*desks[i], plan, echo));
    });
    if (connected)
        connected = inBatches(displays.size(), plan.connectBatch, [&](std::size_t i) {
            return std::pair(displays[i]->client->executor(), connectDisplay(*displays[i], plan));
        });
    if (!connected) {
        stopThreads();
        return Error{connected.error().code,
                     "connecting the load's clients failed: " + connected.error().message};
    }
    outcome.connectSeconds = std::chrono::duration<double>(Clock::now() - connectStart).count();

    RunState run;
    run.echo = echo;
    run.start = Clock::now() + std::chrono::milliseconds(100);
    run.end =
        run.start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(plan.seconds));
    if (plan.noticeTtlMs > 0)
        run.noticeTtlMs = plan.noticeTtlMs;
    else if (plan.rate > 0)
        run.noticeTtlMs = static_cast<std::int64_t>(
            std::clamp(kNoticesInForceTarget / (plan.rate * kMixPostNotice / 100.0) * 1000, kNoticeTtlFloorMs,
                       600000.0));
    log << "hall-sim: connected in " << outcome.connectSeconds << " s; "
        << (plan.rate > 0
                ? "open loop at " + std::to_string(static_cast<long long>(plan.rate)) + " commands/s"
                : std::string("closed loop"))
        << " for " << plan.seconds << " s\n";

    if (plan.noticeTtlMs == 0 && !echo)
        asio::co_spawn(asio::make_strand(io), governNoticeLifetime(run), asio::detached);
    std::latch finished(static_cast<std::ptrdiff_t>(desks.size()));
    const auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(plan.rate > 0 ? static_cast<double>(desks.size()) / plan.rate : 0));
    for (std::size_t i = 0; i < desks.size(); ++i) {
        DeskWorker& w = *desks[i];
        const auto phase = interval * static_cast<long>(i) / static_cast<long>(desks.size());
        auto body = plan.rate > 0 ? openLoop(w, run, interval, phase) : closedLoop(w, run);
        asio::co_spawn(w.client->executor(), std::move(body),
                       [&finished](std::exception_ptr) { finished.count_down(); });
    }
    finished.wait();

    // Let the displays catch up with the last posts before counting what they missed.
    std::uint64_t lastPosted = 0;
    for (const auto& desk : desks)
        for (const auto& post : desk->displayPosts)
            lastPosted = std::max(lastPosted, post.seq);
    const auto drainUntil = Clock::now() + kFanoutDrain;
    const auto caughtUp = [&] {
        return std::all_of(displays.begin(), displays.end(), [&](const auto& display) {
            return display->lastSeq.load(std::memory_order_acquire) >= lastPosted;
        });
    };
    while (!caughtUp() && Clock::now() < drainUntil)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (plan.whileConnected)
        plan.whileConnected();
    outcome.lastNoticeTtlMs = static_cast<double>(run.noticeTtlMs.load());
    stopThreads();

    outcome.seconds = plan.seconds;
    for (const auto& desk : desks) {
        outcome.postNotice += desk->counts[static_cast<int>(Kind::Post)];
        outcome.listNotices += desk->counts[static_cast<int>(Kind::List)];
        outcome.ping += desk->counts[static_cast<int>(Kind::Ping)];
        outcome.latency.merge(desk->latency);
        outcome.postLatency.merge(desk->postLatency);
        for (const auto& [code, count] : desk->errors) {
            outcome.errors += count;
            outcome.errorKinds[std::string(errorCodeName(code))] += count;
        }
        if (outcome.firstError.empty())
            outcome.firstError = desk->firstError;
    }
    outcome.commands = outcome.postNotice + outcome.listNotices + outcome.ping;
    if (!displays.empty())
        collectFanout(desks, displays, outcome);
    return outcome;
}

} // namespace hall::sim
