#include "load_command.h"

#include "echo_server.h"
#include "json_text.h"
#include "load_driver.h"
#include "load_setup.h"
#include "process_info.h"
#include "sim_options.h"
#include "sqlite_baseline.h"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <thread>

namespace hall::sim {

namespace json = boost::json;

namespace {

constexpr OptionSpec kLoadOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory (load devices go to DIR/sim/)", true},
    {"--port", "PORT", "the hall server's TLS port (not needed with --setup)"},
    {"--host", "HOST", "the server's address as its certificate names it (default 127.0.0.1)"},
    {"--clients", "N", "desk connections sending commands (default 10)"},
    {"--seconds", "S", "the measured window (default 10)"},
    {"--rate", "R", "open loop: R commands/s offered in total; without it a closed loop, flat out"},
    {"--displays", "M", "display connections subscribed to floor/2 and hall, for fan-out (default 0)"},
    {"--devices", "K", "distinct certificates per kind; connections share them round robin (default 20)"},
    {"--threads", "T", "the driver's event-loop threads (default 2)"},
    {"--server-pid", "PID", "the server process for server_rss_mb (default: the one listening on PORT)"},
    {"--notice-ttl-ms", "MS", "a fixed notice lifetime instead of the adaptive one"},
    {"--timeout-ms", "MS", "how long one answer may take before it counts as an error (default 10000)"},
    {"--baseline-seconds", "S", "length of each baseline run (default: the window, at most 5)"},
    {"--no-baselines", "", "skip the TLS echo and SQLite baselines (their fields are null)"},
    {"--setup", "", "only register the load's devices and account, then exit"},
    {"--json", "", "print one JSON object on stdout (progress goes to stderr)"},
    {"--help", "", "show this text"},
};
constexpr std::string_view kLoadSummary =
    "Drives a running hall with N TLS clients (closed or open loop) and M subscribed displays, measures\n"
    "throughput, latency, fan-out and server memory, and the TLS echo and SQLite baselines of this machine.\n"
    "Mix per command: 50% PostNotice (durable), 20% ListNotices, 30% Ping.";

json::value msOrNull(const std::optional<double>& ms) {
    if (!ms)
        return nullptr;
    return std::round(*ms * 1000) / 1000;
}

json::value rounded(double value, double step = 0.1) {
    return std::round(value / step) * step;
}

json::object machineInfo() {
    json::object machine;
    machine["nproc"] = std::thread::hardware_concurrency();
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.starts_with("model name")) {
            machine["cpu"] = line.substr(line.find(':') + 2);
            break;
        }
    std::ifstream meminfo("/proc/meminfo");
    while (std::getline(meminfo, line))
        if (line.starts_with("MemTotal:")) {
            machine["mem_gb"] = rounded(std::stod(line.substr(9)) / 1024 / 1024);
            break;
        }
    return machine;
}

struct Settings {
    std::string dataDir;
    LoadPlan plan;
    std::size_t devices = 20;
    std::optional<int> serverPid;
    double baselineSeconds = 0;
    bool baselines = true;
    bool setupOnly = false;
    bool json = false;
};

Result<Settings> readSettings(const SimOptions& options) {
    Settings s;
    s.dataDir = options.value("--data-dir");
    s.setupOnly = options.has("--setup");
    s.json = options.has("--json");
    s.baselines = !options.has("--no-baselines");
    if (!s.setupOnly && !options.has("--port"))
        return Error{ErrorCode::InvalidArgument, "--port is required"};
    auto port = options.integer("--port", 0, 1, 65535);
    auto clients = options.integer("--clients", 10, 1, 100000);
    auto displays = options.integer("--displays", 0, 0, 100000);
    auto devices = options.integer("--devices", 20, 1, 10000);
    auto threads = options.integer("--threads", 2, 1, 64);
    auto pid = options.integer("--server-pid", 0, 1, 1 << 30);
    auto ttl = options.integer("--notice-ttl-ms", 0, 1, 86400000);
    auto timeout = options.integer("--timeout-ms", 10000, 1, 600000);
    auto seconds = options.number("--seconds", 10, 0.1, 86400);
    auto rate = options.number("--rate", 0, 0.001, 10000000);
    for (const auto* value : {&port, &clients, &displays, &devices, &threads, &pid, &ttl, &timeout})
        if (!*value)
            return value->error();
    for (const auto* value : {&seconds, &rate})
        if (!*value)
            return value->error();
    auto baselineSeconds = options.number("--baseline-seconds", std::min(*seconds, 5.0), 0.1, 86400);
    if (!baselineSeconds)
        return baselineSeconds.error();
    s.plan.host = options.value("--host", "127.0.0.1");
    s.plan.port = static_cast<std::uint16_t>(*port);
    s.plan.clients = static_cast<std::size_t>(*clients);
    s.plan.displays = static_cast<std::size_t>(*displays);
    s.plan.threads = static_cast<int>(*threads);
    s.plan.seconds = *seconds;
    s.plan.rate = options.has("--rate") ? *rate : 0;
    s.plan.noticeTtlMs = *ttl;
    s.plan.requestTimeout = std::chrono::milliseconds(*timeout);
    s.devices = static_cast<std::size_t>(*devices);
    if (options.has("--server-pid"))
        s.serverPid = static_cast<int>(*pid);
    s.baselineSeconds = *baselineSeconds;
    return s;
}

json::object latencyFields(const LoadOutcome& outcome) {
    json::object out;
    out["p50_ms"] = msOrNull(outcome.latency.percentile(50));
    out["p90_ms"] = msOrNull(outcome.latency.percentile(90));
    out["p99_ms"] = msOrNull(outcome.latency.percentile(99));
    out["max_ms"] = msOrNull(outcome.latency.max());
    return out;
}

json::object errorKinds(const LoadOutcome& outcome) {
    json::object kinds;
    for (const auto& [name, count] : outcome.errorKinds)
        kinds[name] = count;
    return kinds;
}

int runLoadCommand(Settings settings, std::ostream& out, std::ostream& err) {
    const std::uint64_t wantedFiles = settings.plan.clients + settings.plan.displays + 256;
    const std::uint64_t openFiles = raiseOpenFilesLimit(wantedFiles);
    if (openFiles < wantedFiles)
        err << "hall-sim: warning: the open-files limit is " << openFiles << ", below the " << wantedFiles
            << " this run needs\n";

    auto fixture = prepareLoadFixture(settings.dataDir, std::min(settings.devices, settings.plan.clients),
                                      std::min(settings.devices, settings.plan.displays), err);
    if (!fixture) {
        err << "hall-sim load: " << fixture.error().message << "\n";
        return 1;
    }
    if (settings.setupOnly) {
        (settings.json ? err : out) << "hall-sim load: " << fixture->desks.size() << " desks and "
                                    << fixture->displays.size() << " displays ready in " << settings.dataDir
                                    << "/sim\n";
        return 0;
    }

    LoadPlan plan = settings.plan;
    plan.fixture = *fixture;
    std::optional<int> pid = settings.serverPid ? settings.serverPid : findListeningPid(plan.port);
    std::optional<ProcessMemory> memory;
    plan.whileConnected = [&] {
        if (!pid)
            return;
        if (auto read = readProcessMemory(*pid))
            memory = *read;
    };
    if (!pid)
        err << "hall-sim: warning: no process found listening on port " << plan.port
            << "; give --server-pid for server_rss_mb\n";

    auto hall = runLoad(plan, err);
    if (!hall) {
        err << "hall-sim load: " << hall.error().message << "\n";
        return 1;
    }
    if (hall->errorKinds.contains("rate-limited"))
        err << "hall-sim: warning: the server rate-limited connections (rate_per_s / rate_burst in its "
               "config)\n";

    std::optional<LoadOutcome> echo;
    std::optional<double> sqliteCommits;
    if (settings.baselines) {
        auto server = EchoServer::start((std::filesystem::path(settings.dataDir) / "pki").string(), 2);
        if (!server) {
            err << "hall-sim load: " << server.error().message << "\n";
            return 1;
        }
        // Flat out whatever the hall run did: the baseline is the ceiling of TLS, framing and Asio here.
        LoadPlan echoPlan = plan;
        echoPlan.target = LoadTarget::Echo;
        echoPlan.rate = 0;
        echoPlan.port = (*server)->port();
        echoPlan.seconds = settings.baselineSeconds;
        echoPlan.whileConnected = {};
        err << "hall-sim: baseline: the same clients and frames, closed loop, against a minimal TLS echo "
               "server\n";
        auto measured = runLoad(echoPlan, err);
        (*server)->stop();
        if (!measured) {
            err << "hall-sim load: the echo baseline failed: " << measured.error().message << "\n";
            return 1;
        }
        echo = std::move(measured).value();
        err << "hall-sim: baseline: raw SQLite commits (WAL, synchronous=FULL, one row each)\n";
        auto commits = measureSqliteCommits(settings.dataDir, settings.baselineSeconds);
        if (!commits) {
            err << "hall-sim load: the SQLite baseline failed: " << commits.error().message << "\n";
            return 1;
        }
        sqliteCommits = *commits;
    }

    const double perS = static_cast<double>(hall->commands) / hall->seconds;
    const double durablePerS = static_cast<double>(hall->postNotice) / hall->seconds;
    json::object result;
    result["target"] = "hall-server";
    result["host"] = plan.host;
    result["port"] = plan.port;
    result["mode"] = plan.rate > 0 ? "open" : "closed";
    result["offered_rate"] = plan.rate > 0 ? json::value(plan.rate) : json::value(nullptr);
    result["clients"] = plan.clients;
    result["displays"] = plan.displays;
    result["seconds"] = plan.seconds;
    result["threads"] = plan.threads;
    result["mix"] = {{"PostNotice", kMixPostNotice}, {"ListNotices", kMixListNotices}, {"Ping", kMixPing}};
    result["commands"] = hall->commands;
    result["commands_per_s"] = rounded(perS);
    result["durable_commands_per_s"] = rounded(durablePerS);
    result["post_notice"] = hall->postNotice;
    result["list_notices"] = hall->listNotices;
    result["ping"] = hall->ping;
    for (auto& [key, value] : latencyFields(*hall))
        result[key] = value;
    result["post_p50_ms"] = msOrNull(hall->postLatency.percentile(50));
    result["post_p99_ms"] = msOrNull(hall->postLatency.percentile(99));
    result["fanout_p50_ms"] = msOrNull(hall->fanout.percentile(50));
    result["fanout_p99_ms"] = msOrNull(hall->fanout.percentile(99));
    result["fanout_max_ms"] = msOrNull(hall->fanout.max());
    result["fanout_server_p99_ms"] = msOrNull(hall->fanoutServer.percentile(99));
    result["fanout_events"] = hall->fanoutEvents;
    result["fanout_missing"] = hall->fanoutMissing;
    result["errors"] = hall->errors;
    result["error_kinds"] = errorKinds(*hall);
    result["first_error"] = hall->firstError.empty() ? json::value(nullptr) : json::value(hall->firstError);
    result["server_pid"] = pid ? json::value(*pid) : json::value(nullptr);
    result["server_rss_mb"] = memory ? rounded(memory->rssMb) : json::value(nullptr);
    result["server_hwm_mb"] = memory ? rounded(memory->hwmMb) : json::value(nullptr);
    result["connect_s"] = rounded(hall->connectSeconds, 0.01);
    result["notice_ttl_ms"] = hall->lastNoticeTtlMs;
    const double echoPerS = echo ? static_cast<double>(echo->commands) / echo->seconds : 0;
    result["baseline_tls_echo_per_s"] = echo ? rounded(echoPerS) : json::value(nullptr);
    result["baseline_tls_echo_p50_ms"] = echo ? msOrNull(echo->latency.percentile(50)) : json::value(nullptr);
    result["baseline_tls_echo_p99_ms"] = echo ? msOrNull(echo->latency.percentile(99)) : json::value(nullptr);
    result["baseline_tls_echo_errors"] = echo ? json::value(echo->errors) : json::value(nullptr);
    result["baseline_sqlite_commits_per_s"] = sqliteCommits ? rounded(*sqliteCommits) : json::value(nullptr);
    result["ratio_to_tls_echo"] =
        echo && echoPerS > 0 ? rounded(perS / echoPerS, 0.001) : json::value(nullptr);
    result["durable_ratio_to_sqlite"] = sqliteCommits && *sqliteCommits > 0
                                            ? rounded(durablePerS / *sqliteCommits, 0.01)
                                            : json::value(nullptr);
    result["machine"] = machineInfo();

    if (settings.json) {
        out << jsonText(result) << "\n";
    } else {
        out << "hall-sim load: " << hall->commands << " commands in " << plan.seconds
            << " s = " << jsonText(rounded(perS)) << "/s (" << jsonText(rounded(durablePerS))
            << " durable/s), p50 " << jsonText(result["p50_ms"]) << " ms, p99 " << jsonText(result["p99_ms"])
            << " ms, errors " << hall->errors << "\n";
        if (plan.displays > 0)
            out << "  fan-out to " << plan.displays << " displays: p50 " << jsonText(result["fanout_p50_ms"])
                << " ms, p99 " << jsonText(result["fanout_p99_ms"]) << " ms over " << hall->fanoutEvents
                << " events, " << hall->fanoutMissing << " missing\n";
        out << "  server RSS " << jsonText(result["server_rss_mb"]) << " MB; TLS echo baseline "
            << jsonText(result["baseline_tls_echo_per_s"]) << "/s; SQLite baseline "
            << jsonText(result["baseline_sqlite_commits_per_s"]) << " commits/s\n";
        out << jsonText(result) << "\n";
    }
    return hall->errors == 0 ? 0 : 1;
}

} // namespace

int loadCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && args[0] == "--help") {
        out << usageText("load", kLoadSummary, kLoadOptions);
        return 0;
    }
    auto options = SimOptions::parse(args, kLoadOptions);
    auto settings = options ? readSettings(*options) : Result<Settings>(options.error());
    if (!settings) {
        err << "hall-sim load: " << settings.error().message << "\n"
            << usageText("load", kLoadSummary, kLoadOptions);
        return 2;
    }
    return runLoadCommand(std::move(settings).value(), out, err);
}

} // namespace hall::sim
