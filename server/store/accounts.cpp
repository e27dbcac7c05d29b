#include "store/accounts.h"

#include "store/database.h"

namespace hall::store {

LoginOutcome decideLogin(const Account& account, bool passwordMatches, std::int64_t nowMs,
                         const LockoutPolicy& policy) {
    LoginOutcome out;
    if (account.lockedUntilMs > nowMs) {
        out.locked = true;
        out.failedCount = account.failedCount;
        out.lockedUntilMs = account.lockedUntilMs;
        return out;
    }
    if (passwordMatches) {
        out.succeeded = true;
        return out;
    }
    // A lock that has run out starts a fresh count.
    const std::uint32_t previous = account.lockedUntilMs != 0 ? 0 : account.failedCount;
    out.failedCount = previous + 1;
    if (out.failedCount >= policy.maxFailures) {
        out.locked = true;
        out.lockedUntilMs = nowMs + policy.lockMs;
    }
    return out;
}

bool isValidUsername(std::string_view username) {
    if (username.size() < 2 || username.size() > 32)
        return false;
    if (!(username[0] >= 'a' && username[0] <= 'z'))
        return false;
    for (char c : username)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

namespace {
constexpr const char* kColumns = "username, display_name, role, department, staff_number, password_hash, "
                                 "failed_count, locked_until_ms, disabled, created_at_ms";

Account readAccount(const Statement& st) {
    Account a;
    a.username = st.text(0);
    a.displayName = st.text(1);
    a.role = personRoleFromId(static_cast<std::uint8_t>(st.int64(2))).value_or(PersonRole::Clerk);
    a.department = st.text(3);
    a.staffNumber = st.text(4);
    a.passwordHash = st.text(5);
    a.failedCount = static_cast<std::uint32_t>(st.int64(6));
    a.lockedUntilMs = st.int64(7);
    a.disabled = st.int64(8) != 0;
    a.createdAtMs = st.int64(9);
    return a;
}
} // namespace

AccountStore::AccountStore(Database& db) : m_db(db) {}

std::optional<Account> AccountStore::find(const std::string& username) {
    Statement st(m_db, std::string("SELECT ") + kColumns + " FROM accounts WHERE username = :username");
    st.bind(":username", username);
    if (!st.step())
        return std::nullopt;
    return readAccount(st);
}

void AccountStore::create(const Account& a) {
    Statement st(m_db,
                 "INSERT INTO accounts(username, display_name, role, department, staff_number, "
                 "password_hash, failed_count, locked_until_ms, disabled, created_at_ms) "
                 "VALUES(:username, :display, :role, :department, :staff, :hash, 0, 0, :disabled, :created)");
    st.bind(":username", a.username)
        .bind(":display", a.displayName)
        .bind(":role", static_cast<std::int64_t>(a.role))
        .bind(":department", a.department)
        .bind(":staff", a.staffNumber)
        .bind(":hash", a.passwordHash)
        .bind(":disabled", std::int64_t{a.disabled ? 1 : 0})
        .bind(":created", a.createdAtMs)
        .run();
}

void AccountStore::setLoginState(const std::string& username, std::uint32_t failedCount,
                                 std::int64_t lockedUntilMs) {
    Statement st(m_db, "UPDATE accounts SET failed_count = :failed, locked_until_ms = :locked "
                       "WHERE username = :username");
    st.bind(":failed", static_cast<std::int64_t>(failedCount))
        .bind(":locked", lockedUntilMs)
        .bind(":username", username)
        .run();
}

void AccountStore::setPasswordHash(const std::string& username, const std::string& hash) {
    Statement st(m_db, "UPDATE accounts SET password_hash = :hash WHERE username = :username");
    st.bind(":hash", hash).bind(":username", username).run();
}

void AccountStore::setDisabled(const std::string& username, bool disabled) {
    Statement st(m_db, "UPDATE accounts SET disabled = :disabled WHERE username = :username");
    st.bind(":disabled", std::int64_t{disabled ? 1 : 0}).bind(":username", username).run();
}

std::vector<Account> AccountStore::list() {
    Statement st(m_db, std::string("SELECT ") + kColumns + " FROM accounts ORDER BY username");
    std::vector<Account> out;
    while (st.step())
        out.push_back(readAccount(st));
    return out;
}

} // namespace hall::store
