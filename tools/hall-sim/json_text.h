#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace hall::sim {

/// One-line JSON like boost::json::serialize, but with numbers as people and scripts expect them:
/// 12000 and 3.25 rather than 1.2E4 and 3.25E0 (at most three decimals; whole numbers without any).
std::string jsonText(const boost::json::value& value);

} // namespace hall::sim
