#include "present/voice_clips.h"

#include "present/voice_playlist.h"

#include <cstdlib>
#include <fstream>
#include <system_error>

#ifndef HALL_DEFAULT_VOICE_DIR
#error "HALL_DEFAULT_VOICE_DIR must name the build's voice clip folder"
#endif

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

constexpr std::uintmax_t kMaxWavFileSize = 64u * 1024u * 1024u;
constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint16_t readU16(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
}

std::uint32_t readU32(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(readU16(bytes, at)) | static_cast<std::uint32_t>(readU16(bytes, at + 2))
                                                                << 16;
}

bool isRegularFile(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

} // namespace

std::filesystem::path builtClipDirectory() {
    return std::filesystem::path(HALL_DEFAULT_VOICE_DIR);
}

std::filesystem::path clipDirectory() {
    const char* configured = std::getenv("HALL_VOICE_DIR");
    if (configured != nullptr && *configured != '\0') {
        return std::filesystem::path(configured);
    }
    return builtClipDirectory();
}

std::optional<std::filesystem::path> resolveClip(std::string_view id) {
    const std::string name = clipFileName(id);
    for (const std::filesystem::path& folder : {clipDirectory(), builtClipDirectory()}) {
        std::filesystem::path candidate = folder / name;
        if (isRegularFile(candidate)) {
            return candidate;
        }
    }
    return std::nullopt;
}

Result<std::vector<std::filesystem::path>> resolvePlaylist(const std::vector<std::string>& clipIds) {
    std::vector<std::filesystem::path> files;
    files.reserve(clipIds.size());
    for (const std::string& id : clipIds) {
        std::optional<std::filesystem::path> file = resolveClip(id);
        if (!file) {
            return Error{ErrorCode::NotFound, "voice clip " + clipFileName(id) + " is in neither " +
                                                  clipDirectory().string() + " nor " +
                                                  builtClipDirectory().string()};
        }
        files.push_back(std::move(*file));
    }
    return files;
}

std::chrono::milliseconds WavInfo::duration() const {
    if (sampleRate == 0) {
        return std::chrono::milliseconds(0);
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(frames * 1000 / sampleRate));
}

Result<WavInfo> parseWavHeader(std::string_view bytes) {
    if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE") {
        return invalid("not a RIFF/WAVE file");
    }
    std::optional<WavInfo> format;
    std::size_t at = 12;
    while (at + 8 <= bytes.size()) {
        const std::string_view id = bytes.substr(at, 4);
        const std::uint32_t size = readU32(bytes, at + 4);
        const std::size_t body = at + 8;
        if (size > bytes.size() - body) {
            return invalid("the " + std::string(id) + " chunk runs past the end of the file");
        }
        if (id == "fmt ") {
            if (size < 16) {
                return invalid("the fmt chunk is too short");
            }
            std::uint16_t tag = readU16(bytes, body);
            if (tag == kFormatExtensible && size >= 40) {
                tag = readU16(bytes, body + 24); // the first two bytes of the sub-format GUID
            }
            if (tag != kFormatPcm) {
                return invalid("the audio is not linear PCM (format " + std::to_string(tag) + ")");
            }
            WavInfo info;
            info.channels = readU16(bytes, body + 2);
            info.sampleRate = readU32(bytes, body + 4);
            const std::uint16_t blockAlign = readU16(bytes, body + 12);
            info.bitsPerSample = readU16(bytes, body + 14);
            const bool sane = info.channels >= 1 && info.channels <= 8 && info.sampleRate >= 1000 &&
                              info.sampleRate <= 192000 &&
                              (info.bitsPerSample == 8 || info.bitsPerSample == 16 ||
                               info.bitsPerSample == 24 || info.bitsPerSample == 32) &&
                              blockAlign == info.channels * (info.bitsPerSample / 8);
            if (!sane) {
                return invalid("the fmt chunk describes no playable PCM layout");
            }
            format = info;
        } else if (id == "data") {
            if (!format) {
                return invalid("the data chunk comes before the fmt chunk");
            }
            format->frames = size / (format->channels * (format->bitsPerSample / 8u));
            return *format;
        }
        // Chunks are padded to an even length.
        at = body + size + (size % 2);
    }
    return invalid(format ? "the file has no data chunk" : "the file has no fmt chunk");
}

Result<WavInfo> readWavInfo(const std::filesystem::path& file) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error) {
        return Error{ErrorCode::NotFound, file.string() + ": " + error.message()};
    }
    if (size > kMaxWavFileSize) {
        return invalid(file.string() + " is larger than a voice clip can be");
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
        return Error{ErrorCode::NotFound, file.string() + ": cannot be read"};
    }
    Result<WavInfo> info = parseWavHeader(bytes);
    if (!info) {
        return Error{info.error().code, file.string() + ": " + info.error().message};
    }
    return info;
}

} // namespace hall::present
