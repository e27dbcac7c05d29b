#include "json_text.h"

#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

namespace hall::sim {

namespace {

std::string number(double value) {
    if (!std::isfinite(value))
        return "null";
    char text[64];
    if (std::fabs(value) < 1e15 && value == std::round(value)) {
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    std::snprintf(text, sizeof text, "%.3f", value);
    std::string out(text);
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.')
        out.pop_back();
    return out == "-0" ? "0" : out;
}

void append(std::string& out, const boost::json::value& value) {
    switch (value.kind()) {
    case boost::json::kind::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.get_object()) {
            if (!first)
                out += ',';
            first = false;
            out += boost::json::serialize(boost::json::string(key));
            out += ':';
            append(out, member);
        }
        out += '}';
        break;
    }
    case boost::json::kind::array: {
        out += '[';
        bool first = true;
        for (const auto& element : value.get_array()) {
            if (!first)
                out += ',';
            first = false;
            append(out, element);
        }
        out += ']';
        break;
    }
    case boost::json::kind::double_:
        out += number(value.get_double());
        break;
    default:
        out += boost::json::serialize(value);
        break;
    }
}

} // namespace

std::string jsonText(const boost::json::value& value) {
    std::string out;
    append(out, value);
    return out;
}

} // namespace hall::sim
