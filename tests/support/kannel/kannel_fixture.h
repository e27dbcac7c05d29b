#pragma once

#include "protocol/result.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hall::test {

/// One message as the fake SMSC printed it, with the text decoded.
struct FakeSmscMessage {
    std::string from;
    std::string to;
    std::string kind;    ///< fakesmsc's type word: "ucs-2", "text", or "data" for a part with a UDH
    std::string udh;     ///< the user data header bytes of a concatenated part, else empty
    std::string text;    ///< UTF-8 for "ucs-2" (decoded from UTF-16BE); the raw bytes otherwise
    std::string payload; ///< as printed, still URL-encoded
};

/// A real Kannel for one test: writes kannel.conf from kannel.conf.in into `workDir` with free ports,
/// starts bearerbox, waits for its admin port, starts fakesmsc (printing every message it receives to a
/// log file) and smsbox, and waits until the fake SMSC is online, smsbox is connected and sendsms answers.
///
/// All three programs share one process group, and each gets SIGKILL should the test process die, so no
/// process outlives the test even when it fails or crashes. Ports are picked on the first start() and
/// kept for later ones, so a client configured once can see Kannel go away and come back.
class KannelFixture {
public:
    enum class StopMode {
        Fast,     ///< SIGKILL to the whole group: what tests want
        Graceful, ///< SIGTERM to bearerbox (the boxes follow), SIGKILL after 3 s
    };

    struct Ports {
        std::uint16_t admin = 0;
        std::uint16_t smsbox = 0;
        std::uint16_t sendsms = 0;
        std::uint16_t fakeSmsc = 0;
    };

    static constexpr const char* kUsername = "hall";
    static constexpr const char* kPassword = "sendsms-secret";
    static constexpr const char* kSmscId = "FAKE";
    static constexpr const char* kSender = "10086";

    explicit KannelFixture(std::filesystem::path workDir);
    ~KannelFixture();
    KannelFixture(const KannelFixture&) = delete;
    KannelFixture& operator=(const KannelFixture&) = delete;

    /// True when bearerbox, smsbox and fakesmsc were found at build time.
    static bool available();

    /// Starts Kannel and waits until it is ready. Unavailable with the tail of the logs when it does not
    /// come up within `timeout`; a port clash on the first start is retried with fresh ports.
    Status start(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    void stop(StopMode mode = StopMode::Fast);
    bool running() const { return m_group > 0; }
    /// The process group of the running programs (0 when stopped), for checking that none is left.
    pid_t processGroup() const { return m_group; }

    const Ports& ports() const { return m_ports; }
    const std::filesystem::path& workDir() const { return m_workDir; }

    /// Takes the fake SMSC away (SIGKILL) and waits until bearerbox sees it gone: sends are then answered
    /// "3: Queued for later delivery". restartFakeSmsc() brings it back and waits until it is online.
    Status killFakeSmsc(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    Status restartFakeSmsc(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    /// Everything the fake SMSC received, over all starts, in order.
    std::vector<FakeSmscMessage> receivedMessages() const;
    /// Polls the fake SMSC's logs until at least `count` messages arrived; false on timeout.
    bool waitForMessages(std::size_t count, std::chrono::milliseconds timeout) const;
    /// The last lines of every log, for a failing test's message.
    std::string diagnostics() const;

private:
    Status startOnce(std::chrono::steady_clock::time_point deadline);
    Status pickPorts();
    Status writeConfig() const;
    Result<pid_t> spawn(const std::string& program, const std::vector<std::string>& arguments,
                        const std::string& logName);
    Result<pid_t> spawnFakeSmsc();
    bool anyChildExited();
    std::string statusPage() const;
    bool smscOnline() const;

    std::filesystem::path m_workDir;
    Ports m_ports;
    bool m_portsFixed = false;
    int m_run = 0;
    pid_t m_group = 0;
    pid_t m_fakeSmsc = 0;
    std::vector<pid_t> m_children;
    std::vector<std::string> m_fakeSmscLogs; ///< one per fakesmsc started, in order
};

} // namespace hall::test
