#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hall::server {

/// Checks passwords on a few threads of its own, because PBKDF2 is slow on purpose (about 50 ms) and the
/// hall core's thread must not wait for it. Thread-safe.
class LoginVerifier {
public:
    explicit LoginVerifier(int threads);
    /// Finishes the checks already queued, then joins.
    ~LoginVerifier();
    LoginVerifier(const LoginVerifier&) = delete;
    LoginVerifier& operator=(const LoginVerifier&) = delete;

    /// Checks `password` against `storedHash` and calls `done(matches)` on a verifier thread. An empty
    /// `storedHash` (no such account) is checked against a dummy hash, so an unknown user costs the same
    /// time as a wrong password and the answer time does not tell which it was. The password is wiped
    /// from memory afterwards.
    void verify(std::string password, std::string storedHash, std::function<void(bool)> done);

private:
    struct Job {
        std::string password;
        std::string storedHash;
        std::function<void(bool)> done;
    };
    void workerMain();
    const std::string& dummyHash();

    std::mutex m_mutex; // guards the queue and the stop flag
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::once_flag m_dummyOnce;
    std::string m_dummyHash;
    std::vector<std::thread> m_threads;
};

} // namespace hall::server
