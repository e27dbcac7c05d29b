#include "net/hall_server.h"

#include "core/clock.h"
#include "core/hall_core.h"
#include "core/logger.h"
#include "core/outbox_sms_sink.h"
#include "net/session.h"
#include "net/session_registry.h"
#include "net/tls_context.h"
#include "outbox/outbox_worker.h"
#include "store/database.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sys/file.h>
#include <thread>

namespace hall::server {

namespace asio = boost::asio;
using asio::awaitable;
using asio::ip::tcp;

namespace {
constexpr auto kMain = Logger::Component::Main;
constexpr auto kNet = Logger::Component::Net;
constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);
/// After forcing sockets closed, how long sessions get to unwind before the loop is stopped outright.
constexpr std::chrono::seconds kForcedGrace{2};

std::string endpointText(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(endpoint.port());
}

/// The listener and the shutdown sequence, all on one strand so the acceptor is touched by one at a time.
class Listener {
public:
    Listener(asio::io_context& io, tcp::acceptor& acceptor, asio::ssl::context& tls, SessionContext& context)
        : m_io(io), m_strand(asio::make_strand(io)), m_acceptor(acceptor), m_tls(tls), m_context(context),
          m_signals(io, SIGINT, SIGTERM), m_work(asio::make_work_guard(io)), m_wake(m_strand) {}

    void start() {
        asio::co_spawn(
            m_strand, [this] { return acceptLoop(); }, asio::detached);
        waitForSignal();
    }

private:
    void waitForSignal() {
        if (m_finished)
            return;
        m_signals.async_wait(asio::bind_executor(m_strand, [this](boost::system::error_code ec, int signal) {
            if (ec || m_finished)
                return;
            // Listen for a second signal first: the shutdown below may run to its end before this returns.
            waitForSignal();
            if (!m_stopping) {
                m_context.logger.info(kMain, "signal " + std::to_string(signal) + ": stopping");
                m_stopping = true;
                asio::co_spawn(
                    m_strand, [this] { return shutdown(); }, asio::detached);
            } else {
                m_context.logger.warning(kMain, "second signal: closing every connection now");
                m_context.registry.forceAll();
            }
        }));
    }

    awaitable<void> acceptLoop() {
        std::uint64_t nextId = 0;
        for (;;) {
            tcp::socket socket(asio::make_strand(m_io));
            auto [ec] = co_await m_acceptor.async_accept(socket, kWithError);
            if (m_stopping || !m_acceptor.is_open())
                co_return;
            if (ec) {
                // Out of descriptors and the like: back off briefly instead of spinning.
                m_context.logger.warning(kNet, "accept failed: " + ec.message());
                asio::steady_timer pause(m_strand, std::chrono::milliseconds(100));
                co_await pause.async_wait(kWithError);
                continue;
            }
            if (m_context.registry.count() >= m_context.config.maxSessions) {
                m_context.logger.warning(
                    kNet, "refusing a connection: " + std::to_string(m_context.config.maxSessions) +
                              " sessions are open (max_sessions)");
                boost::system::error_code ignored;
                socket.close(ignored);
                continue;
            }
            auto session = std::make_shared<Session>(std::move(socket), m_tls, m_context, ++nextId);
            m_context.registry.add(session);
            session->start();
        }
    }

    awaitable<void> shutdown() {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
        m_context.registry.setOnEmpty([this] { asio::post(m_strand, [this] { m_wake.cancel(); }); });
        m_context.logger.info(kMain, "asking " + std::to_string(m_context.registry.count()) +
                                         " connections to close");
        m_context.registry.closeAll();

        auto deadline =
            std::chrono::steady_clock::now() + std::chrono::seconds(m_context.config.shutdownTimeoutS);
        co_await waitForSessions(deadline);
        if (m_context.registry.count() > 0) {
            m_context.logger.warning(kMain, "forcing " + std::to_string(m_context.registry.count()) +
                                                " connections closed");
            m_context.registry.forceAll();
            co_await waitForSessions(std::chrono::steady_clock::now() + kForcedGrace);
        }
        m_context.registry.setOnEmpty({});
        m_finished = true;
        m_signals.cancel(ignored);
        m_work.reset();
        if (m_context.registry.count() > 0) {
            m_context.logger.error(kMain, "connections did not unwind; stopping the event loop");
            m_io.stop();
        }
    }

    awaitable<void> waitForSessions(std::chrono::steady_clock::time_point deadline) {
        while (m_context.registry.count() > 0 && std::chrono::steady_clock::now() < deadline) {
            m_wake.expires_at(deadline);
            co_await m_wake.async_wait(kWithError);
        }
    }

    asio::io_context& m_io;
    asio::strand<asio::io_context::executor_type> m_strand;
    tcp::acceptor& m_acceptor;
    asio::ssl::context& m_tls;
    SessionContext& m_context;
    asio::signal_set m_signals;
    asio::executor_work_guard<asio::io_context::executor_type> m_work;
    asio::steady_timer m_wake; // cancelled when the last session leaves
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace

std::string serverVersion() {
    return HALL_SERVER_VERSION;
}

HallServer::HallServer(std::string dataDir, ServerConfig config, Logger& logger)
    : m_dataDir(std::move(dataDir)), m_config(std::move(config)), m_logger(logger) {}

int HallServer::run(std::ostream& announce) {
    const std::filesystem::path dir(m_dataDir);
    auto database = store::Database::open((dir / "hall.db").string());
    if (!database) {
        m_logger.error(Logger::Component::Store,
                       "cannot open the hall database: " + database.error().message);
        return 1;
    }
    auto tls = makeServerTlsContext((dir / "pki").string());
    if (!tls) {
        m_logger.error(kNet, tls.error().message);
        return 1;
    }

    std::unique_ptr<Clock> clock;
    if (m_config.simulatedClock) {
        const std::int64_t start =
            m_config.simulatedStartMs != 0 ? m_config.simulatedStartMs : SystemClock().nowMs();
        clock = std::make_unique<SimulatedClock>(start);
        m_logger.info(kMain,
                      "the hall runs on a simulated clock starting at " + std::to_string(start) + " ms");
    } else {
        clock = std::make_unique<SystemClock>();
    }

    // The SMS outbox worker runs on an io_context and thread of its own: its SQLite calls block, and the
    // sessions' threads must not wait for them.
    asio::io_context outboxIo(1);
    outbox::OutboxWorkerOptions outboxOptions;
    outboxOptions.config = m_config.sms;
    outboxOptions.clock = [&clock] {
        return clock->nowMs();
    };
    outboxOptions.log = [this](outbox::OutboxWorkerOptions::LogLevel level, std::string_view line) {
        m_logger.log(Logger::Component::Main, static_cast<Logger::Level>(level), line);
    };
    auto opened = outbox::OutboxWorker::open(outboxIo, (dir / "hall.db").string(), std::move(outboxOptions));
    if (!opened) {
        m_logger.error(Logger::Component::Store, "cannot open the SMS outbox: " + opened.error().message);
        return 1;
    }
    const std::shared_ptr<outbox::OutboxWorker> smsWorker = std::move(opened).value();
    const auto smsSink = std::make_shared<OutboxSmsSink>(
        m_config.sms, [&clock] { return clock->nowMs(); }, [smsWorker] { smsWorker->wake(); });

    SessionRegistry registry;
    CoreOptions options;
    options.sms = smsSink;
    options.afterCommit = [smsSink] {
        smsSink->afterCommit();
    };
    options.hallName = m_config.hallName;
    options.serverVersion = serverVersion();
    options.groupCommitMax = m_config.groupCommitMax;
    options.replayMax = m_config.replayMax;
    options.lockout = store::LockoutPolicy{m_config.lockoutMaxFailures, m_config.lockoutMinutes * 60 * 1000};
    options.loginThreads = m_config.loginThreads;
    options.queue = m_config.queue;
    options.sessionCount = [&registry] {
        return static_cast<std::uint32_t>(registry.count());
    };
    HallCore core(std::move(database).value(), *clock, std::move(options), m_logger);
    if (const Status loaded = core.load(); !loaded) {
        m_logger.error(Logger::Component::Store, "cannot load the hall's state: " + loaded.error().message);
        return 1;
    }

    SessionContext context{core, m_config, m_logger, registry, serverVersion()};
    // Declared after everything the sessions refer to, so its pending handlers go first.
    asio::io_context io(m_config.ioThreads);
    tcp::acceptor acceptor(io);
    boost::system::error_code ec;
    const std::string host = m_config.listenHost == "localhost" ? "127.0.0.1" : m_config.listenHost;
    const auto address = asio::ip::make_address(host, ec);
    if (ec) {
        m_logger.error(kNet, "not an IP address to listen on: " + m_config.listenHost);
        return 1;
    }
    const tcp::endpoint wanted(address, m_config.listenPort);
    acceptor.open(wanted.protocol(), ec);
    if (!ec)
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(wanted, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        m_logger.error(kNet, "cannot listen on " + endpointText(wanted) + ": " + ec.message());
        return 1;
    }
    const std::string listening = endpointText(acceptor.local_endpoint());

    core.start();
    smsWorker->start();
    std::thread outboxThread([&outboxIo] { outboxIo.run(); });
    Listener listener(io, acceptor, **tls, context);
    listener.start();
    m_logger.info(kMain,
                  "hall-server " + serverVersion() + " serving \"" + core.hallName() + "\" on " + listening);
    announce << "listening on " << listening << std::endl;

    std::vector<std::thread> threads;
    for (int i = 1; i < m_config.ioThreads; ++i)
        threads.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& thread : threads)
        thread.join();

    // Sessions are gone; the core finishes what it holds and commits it.
    core.stop();
    smsWorker->stop(std::chrono::seconds(m_config.shutdownTimeoutS));
    outboxThread.join();
    const CoreStats stats = core.stats();
    m_logger.info(kMain, "stopped cleanly after " + std::to_string(stats.commits) + " commits");
    return 0;
}

int serverMain(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto commandLine = parseCommandLine(args);
    if (!commandLine) {
        std::cerr << "hall-server: " << commandLine.error().message << "\n(try hall-server --help)\n";
        return 2;
    }
    if (commandLine->help) {
        std::cout << usageText();
        return 0;
    }

    const std::filesystem::path dir(commandLine->dataDir);
    ServerConfig config;
    std::string configFile = commandLine->configFile;
    if (configFile.empty() && std::filesystem::exists(dir / "hall.conf"))
        configFile = (dir / "hall.conf").string();
    if (!configFile.empty()) {
        if (const Status loaded = loadConfigFile(configFile, config); !loaded) {
            std::cerr << "hall-server: " << loaded.error().message << "\n";
            return 2;
        }
    }
    if (!commandLine->listen.empty())
        (void)parseListenAddress(commandLine->listen, config.listenHost, config.listenPort);

    if (!std::filesystem::exists(dir / "hall.db")) {
        std::cerr << "hall-server: no hall database in " << dir.string() << "; run hallctl init first\n";
        return 1;
    }

    // One server per hall: the core is the single writer only if no second process serves the same
    // database. The lock goes with the process, so a killed server leaves nothing stale behind.
    const std::string lockPath = (dir / "hall-server.lock").string();
    const int lockFd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0 || ::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
        std::cerr << "hall-server: another hall-server is already serving " << dir.string() << "\n";
        return 1;
    }

    Logger logger(config.logLevel);
    std::error_code fsError;
    std::filesystem::create_directories(dir / "logs", fsError);
    logger.openFile((dir / "logs" / "hall-server.log").string());

    // A write to a socket the peer closed must be an error code, not a signal that ends the process.
    std::signal(SIGPIPE, SIG_IGN);
    return HallServer(commandLine->dataDir, config, logger).run(std::cout);
}

} // namespace hall::server
