// Fuzz entry point for the frame decoder and every message body decoder: feeds arbitrary bytes through
// decodeFrame, then through the body decoder of whatever type the frame names. Any crash, sanitizer
// report or broken invariant is a finding.
#include "protocol/catalog_messages.h"
#include "protocol/events.h"
#include "protocol/frame.h"
#include "protocol/messages.h"
#include "protocol/queue_events.h"
#include "protocol/queue_messages.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool condition) {
    if (!condition)
        std::abort();
}

void decodeBody(const hall::FrameView& frame) {
    using namespace hall;
    switch (frame.type) {
#define HALL_FUZZ_DECODE(name, id)                                                                           \
    case MessageType::name: {                                                                                \
        auto decoded = name::decode(frame.body);                                                             \
        if (decoded.ok()) {                                                                                  \
            /* What decodes must encode back to the same bytes. */                                           \
            check(encodeBody(decoded.value()) == frame.body);                                                \
        }                                                                                                    \
        break;                                                                                               \
    }
        HALL_MESSAGE_TYPES(HALL_FUZZ_DECODE)
#undef HALL_FUZZ_DECODE
    }
    (void)NoticePosted::decode(frame.body);
    (void)LoginRecorded::decode(frame.body);
    (void)CatalogImported::decode(frame.body);
    (void)TicketIssued::decode(frame.body);
    (void)TicketCalled::decode(frame.body);
    (void)TicketChanged::decode(frame.body);
    (void)WindowChanged::decode(frame.body);
    (void)RatingRecorded::decode(frame.body);
    (void)QueueDayClosed::decode(frame.body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view buffer(reinterpret_cast<const char*>(data), size);
    // Walk the buffer as a stream of frames, as a session would.
    for (int frames = 0; frames < 64; ++frames) {
        const hall::DecodeOutcome out = hall::decodeFrame(buffer, 4096);
        check(out.consumed <= buffer.size());
        if (out.status == hall::DecodeStatus::NeedMore)
            break;
        if (out.status == hall::DecodeStatus::Malformed) {
            if (out.consumed == 0)
                break;
            buffer.remove_prefix(out.consumed);
            continue;
        }
        check(out.consumed == hall::kFrameHeaderSize + out.frame.body.size());
        decodeBody(out.frame);
        buffer.remove_prefix(out.consumed);
    }
    return 0;
}
