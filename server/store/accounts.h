#pragma once

#include "protocol/roles.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::store {

class Database;

/// A person who logs in on top of a device: clerk, supervisor, administrator, officer, bidder's agent.
struct Account {
    std::string username;
    std::string displayName;
    PersonRole role = PersonRole::Clerk;
    std::string department;
    std::string staffNumber;
    std::string passwordHash; ///< see password.h
    std::uint32_t failedCount = 0;
    std::int64_t lockedUntilMs = 0;
    bool disabled = false;
    std::int64_t createdAtMs = 0;
};

/// Repeated failures lock an account for a while.
struct LockoutPolicy {
    std::uint32_t maxFailures = 5;
    std::int64_t lockMs = 15 * 60 * 1000;
};

/// What a login attempt does to the account's counters (a pure decision, so it is tested alone).
struct LoginOutcome {
    bool succeeded = false;
    bool locked = false; ///< the account is (now or still) locked; the attempt was not checked
    std::uint32_t failedCount = 0;
    std::int64_t lockedUntilMs = 0;
};

/// `passwordMatches` is ignored while the account is locked at `nowMs`.
LoginOutcome decideLogin(const Account& account, bool passwordMatches, std::int64_t nowMs,
                         const LockoutPolicy& policy = {});

/// Username rules: 2-32 characters of a-z, 0-9, '.', '_' and '-', starting with a letter.
bool isValidUsername(std::string_view username);

class AccountStore {
public:
    explicit AccountStore(Database& db);
    std::optional<Account> find(const std::string& username);
    /// Throws StoreError (a constraint error for a duplicate username).
    void create(const Account& account);
    void setLoginState(const std::string& username, std::uint32_t failedCount, std::int64_t lockedUntilMs);
    void setPasswordHash(const std::string& username, const std::string& hash);
    void setDisabled(const std::string& username, bool disabled);
    std::vector<Account> list();

private:
    Database& m_db;
};

} // namespace hall::store
