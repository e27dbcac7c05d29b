#pragma once

namespace hall::present {

/// The language a public text is written in. Chinese (Simplified, zh_CN) is the hall's first language;
/// English is offered on the displays, the kiosk and for SMS on request.
enum class Language { Chinese, English };

} // namespace hall::present
