#include "command.h"
#include "hall_dir.h"
#include "options.h"
#include "text_table.h"

#include "pki/pem_file.h"
#include "store/accounts.h"
#include "store/password.h"

#include <iostream>
#include <sstream>

namespace hallctl {
namespace {

using hall::AccountChange;
using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::store::Account;
using hall::store::AccountStore;
using hall::store::Database;

constexpr std::string_view kRoleList =
    "clerk, supervisor, admin, trading-officer, credit-officer, bidder-agent";
constexpr std::size_t kMinPasswordChars = 8;
constexpr std::size_t kMaxPasswordChars = 128;

std::size_t charCount(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

/// The password from --password-stdin (its first line) or --password-file (a file of one line). Never
/// from the command line, where other users could read it in the process list.
Result<std::string> readPassword(const Options& options) {
    const bool fromStdin = options.has("--password-stdin");
    const bool fromFile = options.has("--password-file");
    if (fromStdin == fromFile)
        return Error{ErrorCode::InvalidArgument, "give exactly one of --password-stdin and --password-file"};
    std::string password;
    if (fromStdin) {
        if (!std::getline(std::cin, password) && password.empty())
            return Error{ErrorCode::InvalidArgument, "no password on standard input"};
    } else {
        auto text = hall::pki::readSmallFile(options.value("--password-file"), 4096);
        if (!text)
            return text.error();
        std::istringstream lines(text.value());
        std::getline(lines, password);
        std::string rest;
        while (std::getline(lines, rest))
            if (rest.find_first_not_of(" \t\r") != std::string::npos)
                return Error{ErrorCode::InvalidArgument,
                             "--password-file must hold the password on one line"};
    }
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    return password;
}

/// The rules every new password meets; the message never repeats the password.
hall::Status checkPassword(std::string_view password, std::string_view username) {
    if (!isPrintableText(password, kMaxPasswordChars))
        return Error{ErrorCode::InvalidArgument,
                     "the password must be 8-128 characters of UTF-8 text without control characters"};
    if (charCount(password) < kMinPasswordChars)
        return Error{ErrorCode::InvalidArgument, "the password is too short: at least 8 characters"};
    if (password == username)
        return Error{ErrorCode::InvalidArgument, "the password must not be the username"};
    return hall::success();
}

Result<std::string> usernameFrom(const Options& options) {
    std::string username = options.value("--username");
    if (!hall::store::isValidUsername(username))
        return Error{ErrorCode::InvalidArgument,
                     "--username: 2-32 characters of a-z, 0-9, '.', '_' and '-', starting with a letter"};
    return username;
}

Result<Account> findAccount(AccountStore& accounts, const std::string& username) {
    auto account = accounts.find(username);
    if (!account)
        return Error{ErrorCode::NotFound, "no account named " + username};
    return std::move(*account);
}

std::string stateOf(const Account& account, std::int64_t now) {
    if (account.disabled)
        return "disabled";
    if (account.lockedUntilMs > now)
        return "locked until " + formatTimeMs(account.lockedUntilMs);
    return "active";
}

constexpr OptionSpec kDataDirOption{"--data-dir", "DIR", "the hall's data directory", true};
constexpr OptionSpec kUsernameOption{"--username", "U", "the account's username", true};
constexpr OptionSpec kPasswordStdinOption{"--password-stdin", "",
                                          "read the password from the first line of standard input"};
constexpr OptionSpec kPasswordFileOption{"--password-file", "F", "read the password from file F (one line)"};

constexpr OptionSpec kAddOptions[] = {
    kDataDirOption,
    {"--username", "U", "login name: 2-32 of a-z 0-9 . _ -, starting with a letter", true},
    {"--display-name", "NAME", "the person's name as screens show it (1-64 characters)", true},
    {"--role", "ROLE", "clerk, supervisor, admin, trading-officer, credit-officer or bidder-agent", true},
    {"--department", "D", "department (up to 64 characters)"},
    {"--staff-number", "S", "staff number (up to 32 characters)"},
    kPasswordStdinOption,
    kPasswordFileOption,
};

Result<int> runAdd(const Options& options, std::ostream& out, std::ostream&) {
    auto username = usernameFrom(options);
    if (!username)
        return username.error();
    Account account;
    account.username = username.value();
    account.displayName = options.value("--display-name");
    if (!isPrintableText(account.displayName, 64))
        return Error{ErrorCode::InvalidArgument,
                     "--display-name must be 1-64 characters without control characters"};
    const std::string roleName = options.value("--role");
    const auto role = hall::personRoleFromName(roleName);
    if (!role)
        return Error{ErrorCode::InvalidArgument,
                     "--role: unknown role '" + roleName + "' (one of " + std::string(kRoleList) + ")"};
    account.role = *role;
    account.department = options.value("--department");
    if (!isPrintableText(account.department, 64, true))
        return Error{ErrorCode::InvalidArgument,
                     "--department must be up to 64 characters without control characters"};
    account.staffNumber = options.value("--staff-number");
    if (!isPrintableText(account.staffNumber, 32, true))
        return Error{ErrorCode::InvalidArgument,
                     "--staff-number must be up to 32 characters without control characters"};
    auto password = readPassword(options);
    if (!password)
        return password.error();
    if (auto checked = checkPassword(password.value(), account.username); !checked)
        return checked.error();

    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    AccountStore accounts(*db.value());
    if (accounts.find(account.username))
        return Error{ErrorCode::Conflict, "an account named " + account.username + " already exists"};
    account.passwordHash = hall::store::hashPassword(password.value());
    account.createdAtMs = nowMs();
    {
        hall::store::Transaction tx(*db.value());
        accounts.create(account);
        appendAuditEvent(*db.value(),
                         hall::AccountChanged{AccountChange::Created, account.username, account.role},
                         account.createdAtMs);
        tx.commit();
    }
    out << "created account " << account.username << " (" << roleName << ", " << account.displayName << ")\n";
    return kExitOk;
}

constexpr OptionSpec kListOptions[] = {kDataDirOption};

Result<int> runList(const Options& options, std::ostream& out, std::ostream&) {
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    const auto accounts = AccountStore(*db.value()).list();
    if (accounts.empty()) {
        out << "no accounts\n";
        return kExitOk;
    }
    const std::int64_t now = nowMs();
    TextTable table({"USERNAME", "ROLE", "STATE", "FAILED", "CREATED", "STAFF", "DEPARTMENT", "NAME"});
    for (const auto& account : accounts)
        table.addRow({account.username, std::string(hall::personRoleName(account.role)),
                      stateOf(account, now), std::to_string(account.failedCount),
                      formatTimeMs(account.createdAtMs),
                      account.staffNumber.empty() ? "-" : account.staffNumber,
                      account.department.empty() ? "-" : account.department, account.displayName});
    table.print(out);
    return kExitOk;
}

constexpr OptionSpec kPasswdOptions[] = {kDataDirOption, kUsernameOption, kPasswordStdinOption,
                                         kPasswordFileOption};

Result<int> runPasswd(const Options& options, std::ostream& out, std::ostream&) {
    auto username = usernameFrom(options);
    if (!username)
        return username.error();
    auto password = readPassword(options);
    if (!password)
        return password.error();
    if (auto checked = checkPassword(password.value(), username.value()); !checked)
        return checked.error();
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    AccountStore accounts(*db.value());
    auto account = findAccount(accounts, username.value());
    if (!account)
        return account.error();
    const std::string hash = hall::store::hashPassword(password.value());
    {
        hall::store::Transaction tx(*db.value());
        accounts.setPasswordHash(account->username, hash);
        // A new password is a fresh start: earlier failures were against the old one.
        accounts.setLoginState(account->username, 0, 0);
        appendAuditEvent(
            *db.value(),
            hall::AccountChanged{AccountChange::PasswordChanged, account->username, account->role}, nowMs());
        tx.commit();
    }
    out << "changed the password of " << account->username << "\n";
    return kExitOk;
}

constexpr OptionSpec kUsernameOptions[] = {kDataDirOption, kUsernameOption};

/// unlock, disable and enable: one change to one account, journaled, refused when it would change nothing.
template <AccountChange Change>
Result<int> runStateChange(const Options& options, std::ostream& out, std::ostream&) {
    auto username = usernameFrom(options);
    if (!username)
        return username.error();
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    AccountStore accounts(*db.value());
    auto account = findAccount(accounts, username.value());
    if (!account)
        return account.error();
    const std::int64_t now = nowMs();
    const std::string& name = account->username;
    hall::store::Transaction tx(*db.value());
    if constexpr (Change == AccountChange::Unlocked) {
        if (account->failedCount == 0 && account->lockedUntilMs <= now)
            return Error{ErrorCode::Conflict, name + " is not locked; nothing changed"};
        accounts.setLoginState(name, 0, 0);
    } else {
        constexpr bool disable = Change == AccountChange::Disabled;
        if (account->disabled == disable)
            return Error{ErrorCode::Conflict,
                         name + " is already " + (disable ? "disabled" : "enabled") + "; nothing changed"};
        accounts.setDisabled(name, disable);
    }
    appendAuditEvent(*db.value(), hall::AccountChanged{Change, name, account->role}, now);
    tx.commit();
    out << name << ": " << hall::accountChangeName(Change) << "\n";
    return kExitOk;
}

constexpr Action kAccountActions[] = {
    {"add", "create an account for a person",
     "Give the password on standard input (--password-stdin, first line) or in a file (--password-file);\n"
     "it must have at least 8 characters. It is stored as a salted PBKDF2-SHA256 hash and never printed.",
     kAddOptions, &runAdd},
    {"list", "list accounts (never their password hashes)", "", kListOptions, &runList},
    {"passwd", "set a new password (and clear failed logins)",
     "The password comes from standard input or a file, as for 'account add'.", kPasswdOptions, &runPasswd},
    {"unlock", "clear failed logins and a lockout", "", kUsernameOptions,
     &runStateChange<AccountChange::Unlocked>},
    {"disable", "stop an account from logging in", "", kUsernameOptions,
     &runStateChange<AccountChange::Disabled>},
    {"enable", "let a disabled account log in again", "", kUsernameOptions,
     &runStateChange<AccountChange::Enabled>},
};

int runAccountCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runActionGroup("account", "Creates and manages the accounts people log in with.", kAccountActions,
                          args, out, err);
}

} // namespace

extern const Command kAccountCommand;
const Command kAccountCommand{"account", "create, list, unlock and disable people's accounts",
                              &runAccountCommand};

} // namespace hallctl
