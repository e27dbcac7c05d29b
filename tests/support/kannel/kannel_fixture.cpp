#include "kannel/kannel_fixture.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

namespace hall::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr const char* kStatusPassword = "status-secret";
constexpr const char* kAdminPassword = "admin-secret";
constexpr auto kPollInterval = 10ms;
constexpr int kStartAttempts = 3;

struct HttpAnswer {
    unsigned status = 0;
    std::string body;
};

asio::awaitable<std::optional<HttpAnswer>> fetch(std::uint16_t port, std::string target,
                                                 std::chrono::milliseconds timeout) {
    constexpr auto noThrow = asio::as_tuple(asio::use_awaitable);
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(timeout);
    auto [connectError] =
        co_await stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), noThrow);
    if (connectError) {
        co_return std::nullopt;
    }
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    request.set(http::field::connection, "close");
    auto [writeError, written] = co_await http::async_write(stream, request, noThrow);
    if (writeError) {
        co_return std::nullopt;
    }
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    auto [readError, read] = co_await http::async_read(stream, buffer, response, noThrow);
    if (readError) {
        co_return std::nullopt;
    }
    (void)written;
    (void)read;
    co_return HttpAnswer{response.result_int(), response.body()};
}

std::optional<HttpAnswer> httpGet(std::uint16_t port, const std::string& target,
                                  std::chrono::milliseconds timeout = 1s) {
    asio::io_context io;
    auto answer = asio::co_spawn(io, fetch(port, target, timeout), asio::use_future);
    io.run();
    return answer.get();
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string tail(const std::string& text, std::size_t lines) {
    std::size_t pos = text.size();
    for (std::size_t i = 0; i <= lines && pos > 0; ++i) {
        pos = text.rfind('\n', pos - 1);
        if (pos == std::string::npos) {
            return text;
        }
    }
    return text.substr(pos + 1);
}

void replaceAll(std::string& text, const std::string& marker, const std::string& value) {
    for (std::size_t pos = text.find(marker); pos != std::string::npos;
         pos = text.find(marker, pos + value.size())) {
        text.replace(pos, marker.size(), value);
    }
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Kannel's URL encoding of the payload: '+' for space, %XX for the rest of the non-alphanumerics.
std::string urlDecoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// A lone or odd byte is shown as U+FFFD so that a broken payload fails the comparison visibly.
std::string utf16beToUtf8(const std::string& bytes) {
    std::string out;
    std::size_t i = 0;
    const auto unit = [&](std::size_t at) {
        return static_cast<char16_t>((static_cast<unsigned char>(bytes[at]) << 8) |
                                     static_cast<unsigned char>(bytes[at + 1]));
    };
    while (i + 1 < bytes.size()) {
        const char16_t first = unit(i);
        i += 2;
        if (first >= 0xD800 && first <= 0xDBFF && i + 1 < bytes.size()) {
            const char16_t second = unit(i);
            if (second >= 0xDC00 && second <= 0xDFFF) {
                i += 2;
                appendUtf8(out, 0x10000 + ((char32_t(first) - 0xD800) << 10) + (char32_t(second) - 0xDC00));
                continue;
            }
        }
        appendUtf8(out, (first >= 0xD800 && first <= 0xDFFF) ? char32_t(0xFFFD) : char32_t(first));
    }
    if (i < bytes.size()) {
        appendUtf8(out, 0xFFFD);
    }
    return out;
}

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t space = line.find(' ', pos);
        const std::size_t end = space == std::string_view::npos ? line.size() : space;
        if (end > pos) {
            out.emplace_back(line.substr(pos, end - pos));
        }
        pos = end + 1;
    }
    return out;
}

// fakesmsc logs each MT as "... DEBUG: Got message N: <from to type payload>" or, for a part with a user
// data header, "<from to udh HEADER type payload>".
std::optional<FakeSmscMessage> parseLogLine(std::string_view line) {
    const std::size_t got = line.find("Got message ");
    if (got == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t open = line.find('<', got);
    const std::size_t close = line.rfind('>');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        return std::nullopt;
    }
    const std::vector<std::string> fields = words(line.substr(open + 1, close - open - 1));
    if (fields.size() < 3) {
        return std::nullopt;
    }
    FakeSmscMessage message;
    message.from = fields[0];
    message.to = fields[1];
    std::size_t next = 2;
    if (fields[next] == "udh" && fields.size() > next + 2) {
        message.udh = urlDecoded(fields[next + 1]);
        next += 2;
    }
    message.kind = fields[next];
    message.payload = fields.size() > next + 1 ? fields[next + 1] : std::string{};
    const std::string bytes = urlDecoded(message.payload);
    message.text = message.kind == "ucs-2" ? utf16beToUtf8(bytes) : bytes;
    return message;
}

} // namespace

KannelFixture::KannelFixture(std::filesystem::path workDir) : m_workDir(std::move(workDir)) {}

KannelFixture::~KannelFixture() {
    stop(StopMode::Fast);
}

bool KannelFixture::available() {
    return std::string_view(HALL_KANNEL_BEARERBOX).size() > 0 &&
           std::string_view(HALL_KANNEL_SMSBOX).size() > 0 &&
           std::string_view(HALL_KANNEL_FAKESMSC).size() > 0;
}

Status KannelFixture::pickPorts() {
    // Holding all four sockets at once makes the ports distinct; the kernel hands out ephemeral ports in
    // an order that keeps parallel test runs apart, and a clash in the short window before bearerbox binds
    // them is caught by start(), which then tries fresh ports.
    asio::io_context io;
    std::vector<tcp::acceptor> holders;
    std::uint16_t picked[4] = {};
    for (std::uint16_t& port : picked) {
        boost::system::error_code ec;
        tcp::acceptor& acceptor = holders.emplace_back(io);
        acceptor.open(tcp::v4(), ec);
        if (!ec) {
            acceptor.bind(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0), ec);
        }
        if (ec) {
            return Error{ErrorCode::Unavailable, "cannot pick a free port: " + ec.message()};
        }
        port = acceptor.local_endpoint().port();
    }
    m_ports = Ports{picked[0], picked[1], picked[2], picked[3]};
    return success();
}

Status KannelFixture::writeConfig() const {
    std::string config = readFile(HALL_KANNEL_CONF_TEMPLATE);
    if (config.empty()) {
        return Error{ErrorCode::Unavailable, std::string("cannot read ") + HALL_KANNEL_CONF_TEMPLATE};
    }
    replaceAll(config, "@ADMIN_PORT@", std::to_string(m_ports.admin));
    replaceAll(config, "@SMSBOX_PORT@", std::to_string(m_ports.smsbox));
    replaceAll(config, "@SENDSMS_PORT@", std::to_string(m_ports.sendsms));
    replaceAll(config, "@FAKE_SMSC_PORT@", std::to_string(m_ports.fakeSmsc));
    replaceAll(config, "@ADMIN_PASSWORD@", kAdminPassword);
    replaceAll(config, "@STATUS_PASSWORD@", kStatusPassword);
    replaceAll(config, "@SMSC_ID@", kSmscId);
    replaceAll(config, "@SENDER@", kSender);
    replaceAll(config, "@USERNAME@", kUsername);
    replaceAll(config, "@PASSWORD@", kPassword);
    std::ofstream out(m_workDir / "kannel.conf", std::ios::binary | std::ios::trunc);
    out << config;
    out.close();
    if (!out) {
        return Error{ErrorCode::Unavailable, "cannot write " + (m_workDir / "kannel.conf").string()};
    }
    return success();
}

Result<pid_t> KannelFixture::spawn(const std::string& program, const std::vector<std::string>& arguments,
                                   const std::string& logName) {
    // Everything the child needs is prepared before fork(): between fork() and exec() only
    // async-signal-safe calls are allowed.
    std::vector<std::string> argvStorage;
    argvStorage.push_back(program);
    argvStorage.insert(argvStorage.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : argvStorage) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    const std::string workDir = m_workDir.string();
    const std::string logPath = (m_workDir / logName).string();
    const int logFd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (logFd < 0 || nullFd < 0) {
        if (logFd >= 0) {
            ::close(logFd);
        }
        if (nullFd >= 0) {
            ::close(nullFd);
        }
        return Error{ErrorCode::Unavailable, "cannot open " + logPath};
    }
    const pid_t parent = ::getpid();
    const pid_t group = m_group;

    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, group);
        // Dies with the test process, whatever way that goes.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        if (::chdir(workDir.c_str()) != 0) {
            ::_exit(127);
        }
        ::dup2(nullFd, STDIN_FILENO);
        ::dup2(logFd, STDOUT_FILENO);
        ::dup2(logFd, STDERR_FILENO);
        // Sockets the test holds (a fake gateway's acceptor, say) must not live on in Kannel.
        ::close_range(3, ~0U, 0);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(logFd);
    ::close(nullFd);
    if (pid < 0) {
        return Error{ErrorCode::Unavailable, "fork failed"};
    }
    // Set from both sides so that the group exists before either the parent signals it or the child execs.
    ::setpgid(pid, group == 0 ? pid : group);
    if (m_group == 0) {
        m_group = pid;
    }
    m_children.push_back(pid);
    return pid;
}

Result<pid_t> KannelFixture::spawnFakeSmsc() {
    // -m 0 with a message argument: a pure sink that sends nothing and never stops on its own. Its
    // "Got message" lines are DEBUG output, so it runs at the default log level.
    const std::string log =
        "fakesmsc-" + std::to_string(m_run) + "-" + std::to_string(m_fakeSmscLogs.size() + 1) + ".log";
    Result<pid_t> pid = spawn(
        HALL_KANNEL_FAKESMSC,
        {"-H", "127.0.0.1", "-r", std::to_string(m_ports.fakeSmsc), "-m", "0", "100 200 text unused"}, log);
    if (pid) {
        m_fakeSmsc = *pid;
        m_fakeSmscLogs.push_back(log);
    }
    return pid;
}

bool KannelFixture::smscOnline() const {
    const std::string online = std::string(kSmscId) + ":" + std::to_string(m_ports.fakeSmsc) + " (online";
    return statusPage().find(online) != std::string::npos;
}

Status KannelFixture::killFakeSmsc(std::chrono::milliseconds timeout) {
    if (m_fakeSmsc <= 0) {
        return Error{ErrorCode::InvalidState, "the fake SMSC is not running"};
    }
    ::kill(m_fakeSmsc, SIGKILL);
    int status = 0;
    ::waitpid(m_fakeSmsc, &status, 0);
    m_children.erase(std::remove(m_children.begin(), m_children.end(), m_fakeSmsc), m_children.end());
    m_fakeSmsc = 0;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (smscOnline()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return Error{ErrorCode::Unavailable, "bearerbox still shows the fake SMSC online"};
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return success();
}

Status KannelFixture::restartFakeSmsc(std::chrono::milliseconds timeout) {
    if (m_group <= 0 || m_fakeSmsc > 0) {
        return Error{ErrorCode::InvalidState, "Kannel is not running, or the fake SMSC still is"};
    }
    const Result<pid_t> pid = spawnFakeSmsc();
    if (!pid) {
        return pid.error();
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!smscOnline()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return Error{ErrorCode::Unavailable, "the fake SMSC did not come online again"};
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return success();
}

bool KannelFixture::anyChildExited() {
    for (const pid_t child : m_children) {
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == child) {
            // Reaped: forget it so stop() does not wait for it again.
            if (child == m_fakeSmsc) {
                m_fakeSmsc = 0;
            }
            m_children.erase(std::find(m_children.begin(), m_children.end(), child));
            return true;
        }
    }
    return false;
}

std::string KannelFixture::statusPage() const {
    const std::optional<HttpAnswer> answer =
        httpGet(m_ports.admin, std::string("/status.txt?password=") + kStatusPassword, 500ms);
    return answer && answer->status == 200 ? answer->body : std::string{};
}

Status KannelFixture::startOnce(std::chrono::steady_clock::time_point deadline) {
    ++m_run;
    const std::string run = std::to_string(m_run);
    const Status written = writeConfig();
    if (!written) {
        return written;
    }

    Result<pid_t> bearerbox =
        spawn(HALL_KANNEL_BEARERBOX, {"-v", "1", "kannel.conf"}, "bearerbox-" + run + ".log");
    if (!bearerbox) {
        return bearerbox.error();
    }
    // fakesmsc and smsbox give up at once when bearerbox is not listening yet, so wait for its admin port
    // (never probe the fake SMSC port: bearerbox would take the probe for the fake SMSC).
    while (statusPage().empty()) {
        if (anyChildExited()) {
            return Error{ErrorCode::Unavailable, "bearerbox exited during start-up"};
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return Error{ErrorCode::Unavailable, "bearerbox's admin port did not answer"};
        }
        std::this_thread::sleep_for(kPollInterval);
    }

    Result<pid_t> fakesmsc = spawnFakeSmsc();
    if (!fakesmsc) {
        return fakesmsc.error();
    }
    Result<pid_t> smsbox = spawn(HALL_KANNEL_SMSBOX, {"-v", "1", "kannel.conf"}, "smsbox-" + run + ".log");
    if (!smsbox) {
        return smsbox.error();
    }

    // Ready means: the fake SMSC is online (else sends come back "3: Queued"), smsbox is connected to
    // bearerbox, and smsbox's own HTTP port answers.
    const std::string smscOnline = std::string(kSmscId) + ":" + std::to_string(m_ports.fakeSmsc) + " (online";
    for (;;) {
        const std::string status = statusPage();
        const bool smscReady = status.find(smscOnline) != std::string::npos;
        const std::size_t smsboxLine = status.find("smsbox:");
        const bool smsboxReady =
            smsboxLine != std::string::npos && status.find("(on-line", smsboxLine) != std::string::npos;
        if (smscReady && smsboxReady && httpGet(m_ports.sendsms, "/cgi-bin/sendsms", 500ms)) {
            return success();
        }
        if (anyChildExited()) {
            return Error{ErrorCode::Unavailable, "a Kannel program exited during start-up"};
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return Error{ErrorCode::Unavailable, "Kannel did not become ready"};
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

Status KannelFixture::start(std::chrono::milliseconds timeout) {
    if (!available()) {
        return Error{ErrorCode::Unavailable, "bearerbox, smsbox or fakesmsc is not installed"};
    }
    stop(StopMode::Fast);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Status started = success();
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        if (!m_portsFixed) {
            const Status picked = pickPorts();
            if (!picked) {
                return picked;
            }
        }
        started = startOnce(deadline);
        if (started) {
            m_portsFixed = true;
            return started;
        }
        const std::string logs = diagnostics();
        stop(StopMode::Fast);
        // Only a first start may move to other ports; later starts must keep the ones the client knows.
        if (m_portsFixed || std::chrono::steady_clock::now() > deadline) {
            return Error{ErrorCode::Unavailable, started.error().message + "\n" + logs};
        }
    }
    return Error{ErrorCode::Unavailable, started.error().message + "\n" + diagnostics()};
}

void KannelFixture::stop(StopMode mode) {
    if (m_group <= 0) {
        return;
    }
    if (mode == StopMode::Graceful && !m_children.empty()) {
        // bearerbox is the first child; on SIGTERM it tells smsbox to die and drops the fake SMSC.
        ::kill(m_children.front(), SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + 3s;
        while (!m_children.empty() && std::chrono::steady_clock::now() < deadline) {
            if (!anyChildExited()) {
                std::this_thread::sleep_for(kPollInterval);
            }
        }
    }
    // Also reaches anything a box forked for itself (smsbox restarts itself when bearerbox vanishes).
    ::kill(-m_group, SIGKILL);
    for (const pid_t child : m_children) {
        int status = 0;
        while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
    }
    m_children.clear();
    m_group = 0;
    m_fakeSmsc = 0;
}

std::vector<FakeSmscMessage> KannelFixture::receivedMessages() const {
    std::vector<FakeSmscMessage> messages;
    for (const std::string& name : m_fakeSmscLogs) {
        std::istringstream log(readFile(m_workDir / name));
        std::string line;
        while (std::getline(log, line)) {
            if (std::optional<FakeSmscMessage> message = parseLogLine(line)) {
                messages.push_back(std::move(*message));
            }
        }
    }
    return messages;
}

bool KannelFixture::waitForMessages(std::size_t count, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (receivedMessages().size() < count) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return true;
}

std::string KannelFixture::diagnostics() const {
    std::string out = "ports: admin " + std::to_string(m_ports.admin) + ", smsbox " +
                      std::to_string(m_ports.smsbox) + ", sendsms " + std::to_string(m_ports.sendsms) +
                      ", fake smsc " + std::to_string(m_ports.fakeSmsc) + "\n";
    std::vector<std::string> files;
    for (int run = 1; run <= m_run; ++run) {
        files.push_back("bearerbox-" + std::to_string(run) + ".log");
        files.push_back("smsbox-" + std::to_string(run) + ".log");
    }
    files.insert(files.end(), m_fakeSmscLogs.begin(), m_fakeSmscLogs.end());
    for (const std::string& file : files) {
        out += "--- " + file + "\n" + tail(readFile(m_workDir / file), 8);
    }
    return out;
}

} // namespace hall::test
