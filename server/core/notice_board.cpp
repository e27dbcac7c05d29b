#include "core/notice_board.h"

#include "store/database.h"

#include <sqlite3.h>

namespace hall::server {
namespace {

// Blank means nothing but ASCII whitespace and the ideographic space (U+3000, common in Chinese text).
bool isBlank(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
            ++i;
        } else if (text.substr(i, 3) == "\xE3\x80\x80") {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

namespace {
// Control characters (terminal escapes, NUL) and bidirectional overrides could make a public display show
// something other than what the text seems to say.
bool hasUnsafeCharacters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f)
            return true;
        // U+202A..U+202E and U+2066..U+2069 are E2 80 AA..AE and E2 81 A6..A9 in UTF-8.
        if (c == 0xe2 && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9))
                return true;
        }
    }
    return false;
}
} // namespace

Status validateNotice(const PostNotice& notice, std::int64_t nowMs) {
    if (notice.floor > kMaxNoticeFloor)
        return Error{ErrorCode::InvalidArgument, "floor: must be 0 (the whole hall) to 5"};
    if (notice.text.empty() || notice.text.size() > kMaxNoticeTextBytes)
        return Error{ErrorCode::InvalidArgument, "text: must be 1 to 500 bytes"};
    if (isBlank(notice.text))
        return Error{ErrorCode::InvalidArgument, "text: must not be blank"};
    if (!isValidUtf8(notice.text))
        return Error{ErrorCode::InvalidArgument, "text: must be UTF-8"};
    if (hasUnsafeCharacters(notice.text))
        return Error{
            ErrorCode::InvalidArgument,
            "text: must not contain control characters or direction overrides (it is shown in public)"};
    if (notice.expiresAtMs <= nowMs)
        return Error{ErrorCode::InvalidArgument, "expiresAtMs: must lie after the hall clock's now"};
    return success();
}

std::vector<Notice> NoticeBoard::inForce(std::uint8_t floor, std::int64_t nowMs) const {
    std::vector<Notice> out;
    for (const auto& [id, notice] : m_notices) {
        if (notice.expiresAtMs <= nowMs)
            continue;
        if (floor == 0 || notice.floor == floor || notice.floor == 0)
            out.push_back(notice);
    }
    return out;
}

std::size_t NoticeBoard::countInForce(std::int64_t nowMs) const {
    std::size_t count = 0;
    for (const auto& [id, notice] : m_notices)
        if (notice.expiresAtMs > nowMs)
            ++count;
    return count;
}

NoticeStore::NoticeStore(store::Database& db)
    : m_db(db), m_insert(std::make_unique<store::Statement>(
                    db, "INSERT INTO notices (floor, text, posted_at_ms, expires_at_ms, author) "
                        "VALUES (:floor, :text, :posted, :expires, :author) RETURNING id")) {}

NoticeStore::~NoticeStore() = default;

Notice NoticeStore::insert(std::uint8_t floor, std::string_view text, std::int64_t postedAtMs,
                           std::int64_t expiresAtMs, std::string_view author) {
    m_insert->reset();
    m_insert->bind(":floor", std::int64_t{floor})
        .bind(":text", text)
        .bind(":posted", postedAtMs)
        .bind(":expires", expiresAtMs)
        .bind(":author", author);
    if (!m_insert->step())
        throw store::StoreError(SQLITE_ERROR, "inserting a notice returned no id");
    Notice notice;
    notice.id = static_cast<std::uint64_t>(m_insert->int64(0));
    // Finish the statement so the insert is complete before anything else runs on the connection.
    while (m_insert->step()) {
    }
    notice.floor = floor;
    notice.text = std::string(text);
    notice.postedAtMs = postedAtMs;
    notice.expiresAtMs = expiresAtMs;
    notice.author = std::string(author);
    return notice;
}

std::vector<Notice> NoticeStore::loadInForce(std::int64_t nowMs) {
    store::Statement query(m_db, "SELECT id, floor, text, posted_at_ms, expires_at_ms, author FROM notices "
                                 "WHERE expires_at_ms > :now ORDER BY id");
    query.bind(":now", nowMs);
    std::vector<Notice> out;
    while (query.step()) {
        Notice n;
        n.id = static_cast<std::uint64_t>(query.int64(0));
        n.floor = static_cast<std::uint8_t>(query.int64(1));
        n.text = query.text(2);
        n.postedAtMs = query.int64(3);
        n.expiresAtMs = query.int64(4);
        n.author = query.text(5);
        out.push_back(std::move(n));
    }
    return out;
}

} // namespace hall::server
