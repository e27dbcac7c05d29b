#pragma once

#include "protocol/result.h"

#include <cstddef>
#include <string>

namespace hall::sim {

/// The floor under durable commands: raw SQLite commits per second on a fresh database file in `dir`
/// (the same filesystem as the hall's database), with the hall store's settings: WAL, synchronous=FULL,
/// one row of `rowBytes` per transaction, one connection, for `seconds`. The file is removed afterwards.
Result<double> measureSqliteCommits(const std::string& dir, double seconds, std::size_t rowBytes = 160);

} // namespace hall::sim
