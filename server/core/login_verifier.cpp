#include "core/login_verifier.h"

#include "store/password.h"

#include <openssl/crypto.h>

namespace hall::server {

LoginVerifier::LoginVerifier(int threads) {
    for (int i = 0; i < std::max(threads, 1); ++i)
        m_threads.emplace_back([this] { workerMain(); });
}

LoginVerifier::~LoginVerifier() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        thread.join();
}

void LoginVerifier::verify(std::string password, std::string storedHash, std::function<void(bool)> done) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{std::move(password), std::move(storedHash), std::move(done)});
    }
    m_wake.notify_one();
}

const std::string& LoginVerifier::dummyHash() {
    std::call_once(m_dummyOnce, [this] { m_dummyHash = store::hashPassword("not a password of anyone"); });
    return m_dummyHash;
}

void LoginVerifier::workerMain() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        bool matches = false;
        if (job.storedHash.empty())
            (void)store::verifyPassword(job.password, dummyHash());
        else
            matches = store::verifyPassword(job.password, job.storedHash);
        OPENSSL_cleanse(job.password.data(), job.password.size());
        job.done(matches);
    }
}

} // namespace hall::server
