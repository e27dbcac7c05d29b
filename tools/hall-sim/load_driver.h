#pragma once

#include "latency_samples.h"
#include "load_setup.h"
#include "protocol/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>

namespace hall::sim {

/// The command mix each desk connection draws from, in percent. PostNotice is the only mutating command
/// the hall has so far; the queue commands will take its place.
inline constexpr int kMixPostNotice = 50;
inline constexpr int kMixListNotices = 20;
inline constexpr int kMixPing = 30;
static_assert(kMixPostNotice + kMixListNotices + kMixPing == 100);

/// How many notices the adaptive notice lifetime aims to keep in force. The hall refuses new notices
/// beyond 1000 in force, and every PostNotice and ListNotices walks the notices in force, so posting flat
/// out needs short-lived ones: the lifetime is this target divided by the measured post rate, but never
/// shorter than 1.25 times the slowest recent answer (a notice must not expire before the server sees it; the
/// slowest answer is remembered with a half-life of one governor period) nor shorter than 50 ms. During a
/// latency spike the latency floor gives way before the notices in force pass kNoticesInForceCeiling: a
/// few notices may then expire before the core sees them (InvalidArgument) rather than all being refused.
inline constexpr double kNoticesInForceTarget = 200;
/// Above this many in force the latency floor gives way: the hall refuses the 1001st with Conflict.
inline constexpr double kNoticesInForceCeiling = 800;
inline constexpr double kNoticeTtlFloorMs = 50;
inline constexpr double kNoticeTtlLatencyFactor = 1.25;

enum class LoadTarget {
    Hall, ///< the hall server: hello, login, subscriptions, real commands
    Echo, ///< the TLS echo baseline: the same frames, echoed back; no hello, login or displays
};

/// One load run.
struct LoadPlan {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    LoadTarget target = LoadTarget::Hall;
    std::size_t clients = 10; ///< desk connections sending commands
    std::size_t displays = 0; ///< display connections subscribed to floor/2 and hall
    double seconds = 10;      ///< the measured window
    double rate = 0;          ///< total offered commands/s (open loop); 0: closed loop, one in flight each
    int threads = 2;          ///< io_context threads of the driver
    std::size_t connectBatch = 100;
    std::chrono::milliseconds requestTimeout{10000};
    /// For hello, login and subscribe while connecting: logins queue for the server's password threads.
    std::chrono::milliseconds connectTimeout{60000};
    std::int64_t noticeTtlMs = 0; ///< fixed notice lifetime; 0: adaptive (see kNoticesInForceTarget)
    LoadFixture fixture;          ///< connection i uses desks[i % desks.size()], likewise displays
    /// Called after the window and the fan-out drain, while every connection is still open (reads the
    /// server's memory).
    std::function<void()> whileConnected;
};

/// What a load run measured.
struct LoadOutcome {
    double seconds = 0;
    std::uint64_t commands = 0; ///< answered successfully, started inside the window
    std::uint64_t postNotice = 0;
    std::uint64_t listNotices = 0;
    std::uint64_t ping = 0;
    LatencySamples latency;     ///< every successful command, from its (scheduled) send to its answer
    LatencySamples postLatency; ///< PostNotice only: durable commands
    std::uint64_t errors = 0;
    std::map<std::string, std::uint64_t> errorKinds; ///< by error code name
    std::string firstError;
    LatencySamples
        fanout; ///< floor-2 post: its reply reaching the poster -> the event reaching the last display
    LatencySamples
        fanoutServer; ///< the event's server timestamp -> the event reaching the last display (ms clock)
    std::uint64_t fanoutEvents = 0;  ///< floor-2 posts every display received
    std::uint64_t fanoutMissing = 0; ///< floor-2 posts some display had not received by the end of the drain
    double connectSeconds = 0;
    double lastNoticeTtlMs = 0;
};

/// Connects every client (in batches), runs the window, drains fan-out, calls whileConnected, closes.
/// Fails only when connections cannot be made; failed commands are counted in the outcome.
Result<LoadOutcome> runLoad(const LoadPlan& plan, std::ostream& log);

} // namespace hall::sim
