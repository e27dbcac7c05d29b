#include "domain/check_cli.h"

#include "domain/mobile_number.h"
#include "domain/resident_id_number.h"
#include "domain/social_credit_code.h"

#include <ostream>

namespace hall::domain {

namespace {

// hallctl's exit codes (tools/hallctl/command.h), repeated because the library must not depend on a tool.
constexpr int kExitOk = 0;
constexpr int kExitNo = 1;
constexpr int kExitUsage = 2;

void printUsage(std::ostream& out) {
    out << "Usage: hallctl check KIND VALUE\n"
           "Checks an identifier the way the service windows do.\n"
           "\n"
           "Kinds:\n"
           "  id      resident identity number (GB 11643-1999): 18 characters, province code, birth date,\n"
           "          check character; a final x is read as X\n"
           "  uscc    unified social credit code (GB 32100-2015): alphabet, registering authority,\n"
           "          organisation type, region, both check characters; lower case is read as upper\n"
           "  mobile  mainland mobile number: 11 digits starting 13-19; spaces, dashes and a +86 or 0086\n"
           "          prefix are allowed\n"
           "\n"
           "Prints \"valid\" (exit 0) or \"invalid: REASON\" (exit 1). Quote a VALUE that contains spaces.\n"
           "Exit code 2: usage error.\n";
}

int usageError(std::ostream& err, const std::string& message) {
    err << "hallctl check: " << message << "\nTry 'hallctl check --help'.\n";
    return kExitUsage;
}

template <typename T> int report(const Result<T>& result, std::ostream& out) {
    if (result) {
        out << "valid\n";
        return kExitOk;
    }
    out << "invalid: " << result.error().message << "\n";
    return kExitNo;
}

} // namespace

int runCheckCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    for (const std::string& arg : args) {
        if (arg == "-h" || arg == "--help") {
            printUsage(out);
            return kExitOk;
        }
    }
    if (args.empty()) {
        return usageError(err, "a kind (id, uscc or mobile) and a VALUE are needed");
    }
    const std::string& kind = args[0];
    if (kind != "id" && kind != "uscc" && kind != "mobile") {
        return usageError(err, "unknown kind " + kind + "; use id, uscc or mobile");
    }
    if (args.size() != 2) {
        return usageError(err, "check " + kind + " takes one VALUE, not " + std::to_string(args.size() - 1) +
                                   " (quote a value that contains spaces)");
    }
    const std::string& value = args[1];
    if (kind == "id") {
        return report(checkResidentIdNumber(value), out);
    }
    if (kind == "uscc") {
        return report(checkSocialCreditCode(value), out);
    }
    return report(checkMobileNumber(value), out);
}

} // namespace hall::domain
