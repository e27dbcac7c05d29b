#include "protocol/wire.h"

namespace hall {

void WireWriter::u16(std::uint16_t v) {
    u8(static_cast<std::uint8_t>(v >> 8));
    u8(static_cast<std::uint8_t>(v));
}

void WireWriter::u32(std::uint32_t v) {
    u16(static_cast<std::uint16_t>(v >> 16));
    u16(static_cast<std::uint16_t>(v));
}

void WireWriter::u64(std::uint64_t v) {
    u32(static_cast<std::uint32_t>(v >> 32));
    u32(static_cast<std::uint32_t>(v));
}

void WireWriter::str(std::string_view v) {
    u32(static_cast<std::uint32_t>(v.size()));
    m_out.append(v);
}

void WireReader::fail(const char* field, const char* reason) {
    if (m_failed)
        return;
    m_failed = true;
    m_error = std::string(field) + ": " + reason;
}

bool WireReader::take(const char* field, std::size_t n, std::string_view& out) {
    if (m_failed)
        return false;
    if (n > remaining()) {
        fail(field, "body ends early");
        return false;
    }
    out = m_in.substr(m_pos, n);
    m_pos += n;
    return true;
}

std::uint8_t WireReader::u8(const char* field) {
    std::string_view b;
    return take(field, 1, b) ? static_cast<std::uint8_t>(b[0]) : 0;
}

std::uint16_t WireReader::u16(const char* field) {
    std::string_view b;
    if (!take(field, 2, b))
        return 0;
    return static_cast<std::uint16_t>((static_cast<std::uint8_t>(b[0]) << 8) |
                                      static_cast<std::uint8_t>(b[1]));
}

std::uint32_t WireReader::u32(const char* field) {
    std::string_view b;
    if (!take(field, 4, b))
        return 0;
    std::uint32_t v = 0;
    for (char c : b)
        v = (v << 8) | static_cast<std::uint8_t>(c);
    return v;
}

std::uint64_t WireReader::u64(const char* field) {
    std::string_view b;
    if (!take(field, 8, b))
        return 0;
    std::uint64_t v = 0;
    for (char c : b)
        v = (v << 8) | static_cast<std::uint8_t>(c);
    return v;
}

bool WireReader::boolean(const char* field) {
    const std::uint8_t v = u8(field);
    if (v > 1)
        fail(field, "boolean must be 0 or 1");
    return v == 1;
}

std::string WireReader::bytes(const char* field, std::size_t maxBytes) {
    const std::uint32_t n = u32(field);
    if (m_failed)
        return {};
    if (n > maxBytes) {
        fail(field, "longer than allowed");
        return {};
    }
    std::string_view b;
    if (!take(field, n, b))
        return {};
    return std::string(b);
}

std::string WireReader::str(const char* field, std::size_t maxBytes) {
    std::string s = bytes(field, maxBytes);
    if (!m_failed && !isValidUtf8(s)) {
        fail(field, "not valid UTF-8");
        return {};
    }
    return s;
}

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<std::uint8_t>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<std::uint8_t>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

} // namespace hall
