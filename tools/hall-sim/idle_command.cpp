#include "idle_command.h"

#include "batches.h"
#include "client.h"
#include "json_text.h"
#include "load_setup.h"
#include "process_info.h"
#include "sim_options.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <cmath>
#include <latch>
#include <ostream>
#include <thread>

#include <unistd.h>

namespace hall::sim {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;

namespace {

constexpr OptionSpec kIdleOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory (the display certificates come from DIR/sim/)", true},
    {"--port", "PORT", "the hall server's TLS port", true},
    {"--connections", "N", "idle TLS connections to open and hold", true},
    {"--host", "HOST", "the server's address as its certificate names it (default 127.0.0.1)"},
    {"--seconds", "S", "how long to hold them once all are open (default 5)"},
    {"--devices", "K", "distinct display certificates, shared round robin (default 1)"},
    {"--ping-s", "S", "seconds between a connection's pings, under the server's idle timeout (default 30)"},
    {"--batch", "B", "connections opened at once (default 200)"},
    {"--threads", "T", "the driver's event-loop threads (default 1)"},
    {"--server-pid", "PID", "the server process (default: the one listening on PORT)"},
    {"--json", "", "print one JSON object on stdout"},
    {"--help", "", "show this text"},
};
constexpr std::string_view kIdleSummary =
    "Opens N mutual-TLS connections as displays (TLS handshake and Hello, nothing else), holds them with\n"
    "occasional pings, and reports the server's resident memory before and after. Raises this process's\n"
    "open-files limit to its hard limit; the server needs a limit above N too (and max_sessions above N).";

constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);

double roundTo(double value, double step) {
    return std::round(value / step) * step;
}

/// Pings now and then so the server's idle timeout does not close the connection; stops when it closes.
awaitable<void> keepAlive(std::shared_ptr<Client> client, std::chrono::milliseconds every,
                          std::chrono::milliseconds phase, std::atomic<std::uint64_t>& failures) {
    asio::steady_timer timer(client->executor(), phase);
    for (;;) {
        auto [ec] = co_await timer.async_wait(kWithError);
        if (ec || !client->isOpen())
            co_return;
        auto pong = co_await client->ping();
        if (!pong) {
            failures.fetch_add(1);
            co_return;
        }
        timer.expires_after(every);
    }
}

/// Connects and says hello, then keeps the connection alive from that moment on: opening thousands can
/// take longer than the server's idle timeout.
awaitable<Status> openIdle(std::shared_ptr<Client> client, std::string host, std::uint16_t port,
                           std::chrono::milliseconds pingEvery, std::atomic<std::uint64_t>& pingFailures) {
    if (Status connected = co_await client->connect(host, port); !connected)
        co_return connected;
    auto hello = co_await client->hello();
    if (!hello)
        co_return hello.error();
    asio::co_spawn(client->executor(), keepAlive(client, pingEvery, pingEvery, pingFailures), asio::detached);
    co_return success();
}

} // namespace

int idleCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && args[0] == "--help") {
        out << usageText("idle", kIdleSummary, kIdleOptions);
        return 0;
    }
    auto options = SimOptions::parse(args, kIdleOptions);
    if (!options) {
        err << "hall-sim idle: " << options.error().message << "\n"
            << usageText("idle", kIdleSummary, kIdleOptions);
        return 2;
    }
    auto port = options->integer("--port", 0, 1, 65535);
    auto connections = options->integer("--connections", 0, 1, 1000000);
    auto devices = options->integer("--devices", 1, 1, 10000);
    auto pingS = options->integer("--ping-s", 30, 1, 3600);
    auto batch = options->integer("--batch", 200, 1, 100000);
    auto threads = options->integer("--threads", 1, 1, 64);
    auto pidOption = options->integer("--server-pid", 0, 1, 1 << 30);
    auto seconds = options->number("--seconds", 5, 0, 86400);
    for (const auto* value : {&port, &connections, &devices, &pingS, &batch, &threads, &pidOption})
        if (!*value) {
            err << "hall-sim idle: " << value->error().message << "\n";
            return 2;
        }
    if (!seconds) {
        err << "hall-sim idle: " << seconds.error().message << "\n";
        return 2;
    }
    const std::string dataDir = options->value("--data-dir");
    const std::string host = options->value("--host", "127.0.0.1");
    const auto count = static_cast<std::size_t>(*connections);

    const std::uint64_t wantedFiles = count + 256;
    const std::uint64_t openFiles = raiseOpenFilesLimit(wantedFiles);
    err << "hall-sim idle: open-files limit raised to " << openFiles << " (setrlimit)\n";
    if (openFiles < wantedFiles)
        err << "hall-sim idle: warning: " << openFiles << " open files is below the " << wantedFiles
            << " needed\n";

    auto fixture = prepareLoadFixture(dataDir, 0, static_cast<std::size_t>(*devices), err);
    if (!fixture) {
        err << "hall-sim idle: " << fixture.error().message << "\n";
        return 1;
    }
    std::vector<std::shared_ptr<asio::ssl::context>> contexts;
    for (const auto& device : fixture->displays) {
        auto context = device.tlsContext();
        if (!context) {
            err << "hall-sim idle: " << context.error().message << "\n";
            return 1;
        }
        contexts.push_back(*context);
    }
    const std::optional<int> pid =
        options->has("--server-pid") ? std::optional(static_cast<int>(*pidOption)) : findListeningPid(*port);
    const auto memoryNow = [&]() -> std::optional<ProcessMemory> {
        if (!pid)
            return std::nullopt;
        auto memory = readProcessMemory(*pid);
        return memory ? std::optional(*memory) : std::nullopt;
    };
    const auto before = memoryNow();

    asio::io_context io(static_cast<int>(*threads));
    auto work = asio::make_work_guard(io);
    std::vector<std::thread> pool;
    for (int i = 0; i < *threads; ++i)
        pool.emplace_back([&io] { io.run(); });
    ClientOptions clientOptions;
    clientOptions.clientName = "hall-sim-idle";
    std::vector<std::shared_ptr<Client>> clients;
    clients.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        clients.push_back(
            Client::create(asio::make_strand(io), contexts[i % contexts.size()], clientOptions));

    err << "hall-sim idle: opening " << count << " connections\n";
    const auto connectStart = SteadyClock::now();
    std::atomic<std::uint64_t> pingFailures{0};
    const auto every = std::chrono::milliseconds(*pingS * 1000);
    const Status opened = inBatches(count, static_cast<std::size_t>(*batch), [&](std::size_t i) {
        return std::pair(clients[i]->executor(),
                         openIdle(clients[i], host, static_cast<std::uint16_t>(*port), every, pingFailures));
    });
    const double connectS = std::chrono::duration<double>(SteadyClock::now() - connectStart).count();

    std::optional<ProcessMemory> connected;
    std::optional<ProcessMemory> atEnd;
    if (opened) {
        // A moment for the server to finish with the handshakes before its memory is read.
        std::this_thread::sleep_for(std::chrono::seconds(1));
        connected = memoryNow();
        err << "hall-sim idle: " << count << " connections open in " << roundTo(connectS, 0.01)
            << " s; holding for " << *seconds << " s\n";
        std::this_thread::sleep_for(std::chrono::duration<double>(*seconds));
        atEnd = memoryNow();
    } else {
        err << "hall-sim idle: " << opened.error().message
            << " (is the server's max_sessions or open-files limit below the count?)\n";
    }

    std::atomic<std::size_t> stillOpen{0};
    {
        std::latch checked(static_cast<std::ptrdiff_t>(count));
        for (const auto& client : clients)
            asio::post(client->executor(), [client, &stillOpen, &checked] {
                if (client->isOpen())
                    stillOpen.fetch_add(1);
                client->close();
                checked.count_down();
            });
        checked.wait();
    }
    work.reset();
    io.stop();
    for (auto& thread : pool)
        thread.join();

    const auto self = readProcessMemory(static_cast<int>(::getpid()));
    json::object result;
    result["connections"] = count;
    result["opened"] = opened.ok();
    result["still_open"] = stillOpen.load();
    result["connect_s"] = roundTo(connectS, 0.01);
    result["held_s"] = *seconds;
    result["server_pid"] = pid ? json::value(*pid) : json::value(nullptr);
    result["server_rss_before_mb"] = before ? json::value(roundTo(before->rssMb, 0.1)) : json::value(nullptr);
    result["server_rss_mb"] = connected ? json::value(roundTo(connected->rssMb, 0.1)) : json::value(nullptr);
    result["server_rss_end_mb"] = atEnd ? json::value(roundTo(atEnd->rssMb, 0.1)) : json::value(nullptr);
    result["server_kb_per_connection"] =
        before && connected
            ? json::value(
                  roundTo((connected->rssMb - before->rssMb) * 1024 / static_cast<double>(count), 0.1))
            : json::value(nullptr);
    result["client_rss_mb"] = self ? json::value(roundTo(self->rssMb, 0.1)) : json::value(nullptr);
    result["open_files_limit"] = openFiles;
    result["ping_failures"] = pingFailures.load();
    result["error"] = opened ? json::value(nullptr) : json::value(opened.error().message);
    if (!options->has("--json"))
        out << "hall-sim idle: " << stillOpen.load() << " of " << count << " connections held; server RSS "
            << jsonText(result["server_rss_before_mb"]) << " MB before, " << jsonText(result["server_rss_mb"])
            << " MB with them open\n";
    out << jsonText(result) << "\n";
    return opened && stillOpen.load() == count && pingFailures.load() == 0 ? 0 : 1;
}

} // namespace hall::sim
