#pragma once

#include "protocol/result.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::present {

/// The folder the build writes the generated clips to (<build>/voice), fixed when the library is built.
std::filesystem::path builtClipDirectory();

/// Where the hall's voice clips are: the HALL_VOICE_DIR environment variable when it is set and not
/// empty, otherwise builtClipDirectory().
std::filesystem::path clipDirectory();

/// The file to play for clip `id`: clipDirectory()/<id>.wav when that exists, otherwise the generated
/// clip in builtClipDirectory(), so a hall may replace only some of the clips. Empty when neither exists.
std::optional<std::filesystem::path> resolveClip(std::string_view id);

/// Every file of a playlist, or NotFound naming the first clip that has no file.
Result<std::vector<std::filesystem::path>> resolvePlaylist(const std::vector<std::string>& clipIds);

/// What a WAV file's header says about its audio.
struct WavInfo {
    std::uint16_t channels = 0;
    std::uint32_t sampleRate = 0;
    std::uint16_t bitsPerSample = 0;
    std::uint64_t frames = 0; ///< samples per channel

    std::chrono::milliseconds duration() const;
};

/// Reads the header of a RIFF/WAVE file of linear PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with a PCM
/// sub-format) held in `bytes`: the "fmt " chunk and the size of the "data" chunk, which must lie
/// within `bytes`. Errors are InvalidArgument ("not a RIFF/WAVE file", "data chunk runs past the end").
Result<WavInfo> parseWavHeader(std::string_view bytes);

/// parseWavHeader on a file's contents. NotFound when it cannot be read; files over 64 MiB are refused.
Result<WavInfo> readWavInfo(const std::filesystem::path& file);

} // namespace hall::present
