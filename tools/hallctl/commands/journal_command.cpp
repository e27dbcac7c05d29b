#include "command.h"
#include "hall_dir.h"
#include "options.h"
#include "text_table.h"

#include "store/journal.h"

#include <charconv>
#include <ostream>

namespace hallctl {
namespace {

using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::store::Database;

constexpr std::size_t kDefaultShowLimit = 100;
constexpr std::size_t kMaxShowLimit = 100000;

constexpr OptionSpec kVerifyOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
};

Result<int> runVerify(const Options& options, std::ostream& out, std::ostream&) {
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    const hall::store::JournalCheck check = hall::store::verifyJournal(*db.value());
    if (!check.intact) {
        out << "journal BROKEN at seq " << check.firstBadSeq << ": " << check.reason << "\n"
            << "  (" << check.checked << " rows read)\n";
        return kExitNo;
    }
    out << "journal intact: " << check.checked << " events";
    if (check.checked > 0) {
        hall::store::Journal journal(*db.value());
        const auto last = journal.readAfter(check.checked - 1, 1);
        if (!last.empty())
            out << ", head " << hall::store::toHex(last.front().hash).substr(0, 16);
    }
    out << "\n";
    return kExitOk;
}

std::optional<std::uint64_t> parseCount(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string kindName(std::uint16_t kind) {
    if (const auto known = hall::eventKindFromId(kind))
        return std::string(hall::eventKindName(*known));
    return "kind-" + std::to_string(kind);
}

constexpr OptionSpec kShowOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--after", "N", "show events after sequence number N (default 0: from the start)"},
    {"--limit", "N", "show at most N events (default 100, at most 100000)"},
    {"--bodies", "", "also print each event's body, in hex"},
};

Result<int> runShow(const Options& options, std::ostream& out, std::ostream&) {
    const auto after = parseCount(options.value("--after", "0"));
    if (!after)
        return Error{ErrorCode::InvalidArgument, "--after must be a sequence number (0 or more)"};
    const auto limit = parseCount(options.value("--limit", std::to_string(kDefaultShowLimit)));
    if (!limit || *limit == 0 || *limit > kMaxShowLimit)
        return Error{ErrorCode::InvalidArgument, "--limit must be a number from 1 to 100000"};
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    hall::store::Journal journal(*db.value());
    const auto events = journal.readAfter(*after, static_cast<std::size_t>(*limit));
    if (events.empty()) {
        out << "no events after seq " << *after << "\n";
        return kExitOk;
    }
    const bool bodies = options.has("--bodies");
    std::vector<std::string> headers{"SEQ", "TIME", "KIND", "TOPIC", "ACTOR", "HASH"};
    if (bodies)
        headers.push_back("BODY");
    TextTable table(headers);
    for (const auto& event : events) {
        std::vector<std::string> row{std::to_string(event.seq),
                                     formatTimeMs(event.timeMs),
                                     kindName(event.kind),
                                     event.topic,
                                     event.actor,
                                     hall::store::toHex(event.hash).substr(0, 16)};
        if (bodies)
            row.push_back(hall::store::toHex(event.body));
        table.addRow(std::move(row));
    }
    table.print(out);
    const std::uint64_t head = journal.head();
    if (events.back().seq < head)
        out << "... " << head - events.back().seq << " more; continue with --after " << events.back().seq
            << "\n";
    return kExitOk;
}

constexpr Action kJournalActions[] = {
    {"verify", "check the journal's hash chain from the first event to the head",
     "Exits 0 and prints 'journal intact: N events, head H' when every event links to the one before\n"
     "and hashes to its stored hash; exits 1 naming the first bad sequence number when a row was\n"
     "changed, removed or reordered.",
     kVerifyOptions, &runVerify},
    {"show", "list journal events (sequence, time, kind, topic, actor)", "", kShowOptions, &runShow},
};

int runJournalCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runActionGroup("journal", "Reads and verifies the hall's hash-chained journal.", kJournalActions,
                          args, out, err);
}

} // namespace

extern const Command kJournalCommand;
const Command kJournalCommand{"journal", "verify the journal's hash chain, or list its events",
                              &runJournalCommand};

} // namespace hallctl
