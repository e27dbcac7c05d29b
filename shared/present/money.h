#pragma once

#include "protocol/result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace hall::present {

/// An amount in fen (分), the smallest unit of the yuan. Money is counted in whole fen everywhere: no
/// floating point touches an amount.
using Fen = std::int64_t;

/// A sum of money in yuan, held as whole fen. Its size is bounded by kMaxFen in both directions, so
/// that every amount has a Chinese upper-case form (the largest unit written is 仟亿) and sums of two
/// amounts cannot overflow. Arithmetic is checked and fails with InvalidArgument past the bound.
class Money {
public:
    /// 999,999,999,999.99 yuan.
    static constexpr Fen kMaxFen = 99'999'999'999'999;

    /// Zero.
    constexpr Money() = default;

    /// Fails with InvalidArgument when |fen| > kMaxFen.
    static Result<Money> fromFen(Fen fen);
    /// `yuan` whole yuan and `fen` fen (0-99), both not negative.
    static Result<Money> fromYuan(std::int64_t yuan, int fen = 0);

    constexpr Fen fen() const { return m_fen; }
    constexpr bool isNegative() const { return m_fen < 0; }

    Result<Money> plus(Money other) const;
    Result<Money> minus(Money other) const;
    /// The amount `count` times, as for a fee per copy.
    Result<Money> times(std::int64_t count) const;

    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(Fen fen) : m_fen(fen) {}

    Fen m_fen = 0;
};

/// Reads an amount in yuan as a clerk or a fee table writes it: "12.50", "12.5", "0.05", "1,234.00",
/// "1234", optionally after "¥" or "￥", with surrounding spaces ignored. Refused, with an InvalidArgument
/// sentence: signs, more than two decimals, a dot without digits on both sides, leading zeros ("012"),
/// misplaced thousands separators ("1,23.00", "1234,567"), anything past Money::kMaxFen.
Result<Money> parseMoney(std::string_view text);

/// "¥1,234.00"; a negative amount is "-¥12.50".
std::string formatMoney(Money money);

/// "1234.00": no symbol, no separators, for files and forms that machines read.
std::string formatMoneyPlain(Money money);

/// The amount in Chinese financial capitals as printed on receipts after "人民币（大写）": "壹拾贰元伍角整".
/// Follows the accounting rules: 壹拾 is written out, one 零 stands for a run of zeros inside the
/// integer part, a zero 元 digit before a non-zero 角 is written 零 ("壹拾万元零壹角整"), a zero 角
/// before a non-zero 分 is always written 零 ("壹元零伍分"), 整 follows 元 or 角 when nothing follows,
/// amounts under one yuan start at the first non-zero unit ("伍分"), zero is "零元整", a negative
/// amount starts with 负.
std::string chineseUpperCaseAmount(Money money);

} // namespace hall::present
