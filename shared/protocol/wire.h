#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hall {

/// Appends big-endian integers and length-prefixed UTF-8 strings to a byte string: the body encoding of
/// every message. Encoding cannot fail; the limits are enforced when reading.
class WireWriter {
public:
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u16(std::uint16_t v);
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    /// u32 length then the bytes. Strings must be UTF-8; readers reject anything else.
    void str(std::string_view v);
    void bytes(std::string_view v) { str(v); }
    /// A u32 count followed by each element written by `each(writer, element)`.
    template <typename T, typename F> void list(const std::vector<T>& items, F each) {
        u32(static_cast<std::uint32_t>(items.size()));
        for (const auto& item : items)
            each(*this, item);
    }

    const std::string& data() const& { return m_out; }
    std::string take() && { return std::move(m_out); }

private:
    std::string m_out;
};

/// Reads what WireWriter wrote, checking every length against what is left and against the caller's
/// limit. The first failure is sticky: later reads return zero values, and finish() reports the failure
/// with the name of the field that broke, so a decoder is a straight list of reads.
class WireReader {
public:
    explicit WireReader(std::string_view in) : m_in(in) {}

    std::uint8_t u8(const char* field);
    std::uint16_t u16(const char* field);
    std::uint32_t u32(const char* field);
    std::uint64_t u64(const char* field);
    std::int64_t i64(const char* field) { return static_cast<std::int64_t>(u64(field)); }
    bool boolean(const char* field);
    /// A UTF-8 string of at most maxBytes bytes.
    std::string str(const char* field, std::size_t maxBytes);
    /// Arbitrary bytes of at most maxBytes.
    std::string bytes(const char* field, std::size_t maxBytes);
    /// A list of at most maxCount elements, each read by `each(reader) -> T`.
    template <typename T, typename F> std::vector<T> list(const char* field, std::size_t maxCount, F each) {
        std::vector<T> items;
        const std::uint32_t count = u32(field);
        if (failed())
            return items;
        if (count > maxCount || count > remaining()) {
            fail(field, "too many elements");
            return items;
        }
        items.reserve(count);
        for (std::uint32_t i = 0; i < count && !failed(); ++i)
            items.push_back(each(*this));
        return items;
    }

    /// Marks the body malformed with a reason (for checks a decoder makes itself, such as an enum range).
    void fail(const char* field, const char* reason);
    bool failed() const { return m_failed; }
    std::size_t remaining() const { return m_in.size() - m_pos; }

    /// The decoded value when every read succeeded and nothing is left over; otherwise a MalformedFrame
    /// error naming the field.
    template <typename T> Result<T> finish(T value) {
        if (!m_failed && remaining() != 0)
            fail("body", "unexpected trailing bytes");
        if (m_failed)
            return Error{ErrorCode::MalformedFrame, m_error};
        return value;
    }

private:
    bool take(const char* field, std::size_t n, std::string_view& out);

    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_failed = false;
    std::string m_error;
};

/// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view text);

} // namespace hall
