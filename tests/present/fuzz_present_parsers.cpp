// Fuzz entry point for every reader of outside text in the presentation library (what a clerk, a
// citizen at the kiosk or a hall's clip folder hands in): ticket numbers, windows, money, case numbers,
// query codes, the masks, the SMS measure and the WAV header reader. Anything that reads must read
// back the same from its own output; any crash, sanitizer report or broken invariant is a finding.
#include "present/case_number.h"
#include "present/masking.h"
#include "present/money.h"
#include "present/query_secret.h"
#include "present/sms_text.h"
#include "present/ticket_number.h"
#include "present/utf8_text.h"
#include "present/voice_clips.h"
#include "present/window_id.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

using namespace hall;
using namespace hall::present;

void tickets(std::string_view text) {
    if (Result<TicketNumber> loose = parseTicketNumber(text); loose.ok()) {
        check(loose->text() == text);
    }
    if (Result<TicketNumber> strict = parseTicketNumber(text, kDefaultTicketWidth); strict.ok()) {
        check(strict->text() == text);
    }
    if (Result<TicketNumber> typed = readTypedTicketNumber(text, kDefaultTicketWidth); typed.ok()) {
        Result<TicketNumber> again = parseTicketNumber(typed->text(), kDefaultTicketWidth);
        check(again.ok() && *again == *typed);
    }
    if (Result<WindowId> window = parseWindowId(text); window.ok()) {
        check(window->text() == text);
    }
}

void money(std::string_view text) {
    Result<Money> parsed = parseMoney(text);
    if (!parsed.ok()) {
        return;
    }
    check(parsed->fen() >= 0 && parsed->fen() <= Money::kMaxFen);
    Result<Money> again = parseMoney(formatMoney(*parsed));
    check(again.ok() && *again == *parsed);
    check(!chineseUpperCaseAmount(*parsed).empty());
}

void codes(std::string_view text) {
    if (Result<CaseNumber> number = parseCaseNumber(text); number.ok()) {
        Result<CaseNumber> again = parseCaseNumber(number->text());
        check(again.ok() && *again == *number);
    }
    if (Result<QuerySecret> secret = parseQuerySecret(text); secret.ok()) {
        check(verifyQuerySecret(*secret, text));
        check(verifyQuerySecret(*secret, secret->printed()));
    }
}

void masks(std::string_view text) {
    check(maskMobileNumber(text).size() == 11);
    const std::size_t characters = detail::splitUtf8(detail::trimSpaces(text)).size();
    check(detail::splitUtf8(maskIdNumber(text)).size() == characters);
    check(detail::splitUtf8(maskPersonName(text)).size() == characters);
    const SmsLength length = measureSms(text);
    check(length.segments >= 1 || text.empty());
}

void wav(std::string_view bytes) {
    if (Result<WavInfo> info = parseWavHeader(bytes); info.ok()) {
        check(info->channels >= 1 && info->sampleRate > 0 && info->bitsPerSample > 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    tickets(input);
    money(input);
    codes(input);
    masks(input);
    wav(input);
    return 0;
}
