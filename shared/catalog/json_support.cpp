#include "catalog/json_support.h"

#include <climits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace hall::catalog::detail {

namespace {

// A minimal walker over JSON text already accepted by Boost.JSON: it only tracks where values start.
class LineScanner {
public:
    LineScanner(std::string_view text, std::map<std::string, std::size_t, std::less<>>& lines,
                std::vector<std::string>& duplicates)
        : m_text(text), m_lines(lines), m_duplicates(duplicates) {}

    void run() {
        skipSpace();
        value("");
    }

private:
    void value(const std::string& path) {
        skipSpace();
        if (m_pos >= m_text.size()) {
            return;
        }
        m_lines.emplace(path, m_line);
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            skipSpace();
            while (m_pos < m_text.size() && m_text[m_pos] != '}') {
                const std::size_t keyLine = m_line;
                const std::string key = string();
                const std::string childPath = path.empty() ? key : path + "." + key;
                skipSpace();
                ++m_pos; // ':'
                skipSpace();
                // A member's line is its key's line, which is where a reader looks for it.
                if (!m_lines.emplace(childPath, keyLine).second) {
                    m_duplicates.push_back(childPath);
                }
                value(childPath);
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    skipSpace();
                }
            }
            ++m_pos;
        } else if (c == '[') {
            ++m_pos;
            skipSpace();
            std::size_t index = 0;
            while (m_pos < m_text.size() && m_text[m_pos] != ']') {
                value(path + "[" + std::to_string(index++) + "]");
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    skipSpace();
                }
            }
            ++m_pos;
        } else if (c == '"') {
            string();
        } else {
            while (m_pos < m_text.size() &&
                   std::string_view(",]} \t\r\n").find(m_text[m_pos]) == std::string_view::npos) {
                ++m_pos;
            }
        }
    }

    // Returns the raw key text; escapes are kept as written, which is enough for field names.
    std::string string() {
        ++m_pos; // opening quote
        std::string result;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
                result += m_text[m_pos++];
            }
            result += m_text[m_pos++];
        }
        ++m_pos; // closing quote
        return result;
    }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            ++m_pos;
        }
    }

    std::string_view m_text;
    std::map<std::string, std::size_t, std::less<>>& m_lines;
    std::vector<std::string>& m_duplicates;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

std::string parentPath(std::string_view path) {
    const std::size_t cut = path.find_last_of(".[");
    return cut == std::string_view::npos ? std::string() : std::string(path.substr(0, cut));
}

bool isScalar(const boost::json::value& value) {
    return !value.is_object() && !value.is_array();
}

void printValue(const boost::json::value& value, std::string& out, int indent) {
    constexpr std::size_t kInlineLimit = 100;
    if (value.is_object()) {
        const boost::json::object& object = value.as_object();
        if (object.empty()) {
            out += "{}";
            return;
        }
        bool flat = true;
        for (const auto& member : object) {
            flat = flat && isScalar(member.value());
        }
        if (flat) {
            std::string line = "{";
            for (const auto& member : object) {
                line += (line.size() > 1 ? ", " : "") +
                        boost::json::serialize(boost::json::string(member.key())) + ": " +
                        boost::json::serialize(member.value());
            }
            line += "}";
            if (line.size() <= kInlineLimit) {
                out += line;
                return;
            }
        }
        out += "{\n";
        bool first = true;
        for (const auto& member : object) {
            out += first ? "" : ",\n";
            first = false;
            out.append(static_cast<std::size_t>(indent + 2), ' ');
            out += boost::json::serialize(boost::json::string(member.key())) + ": ";
            printValue(member.value(), out, indent + 2);
        }
        out += "\n";
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "}";
    } else if (value.is_array()) {
        const boost::json::array& array = value.as_array();
        if (array.empty()) {
            out += "[]";
            return;
        }
        bool flat = true;
        for (const auto& element : array) {
            flat = flat && isScalar(element);
        }
        if (flat) {
            std::string line = "[";
            for (const auto& element : array) {
                line += (line.size() > 1 ? ", " : "") + boost::json::serialize(element);
            }
            line += "]";
            if (line.size() <= kInlineLimit) {
                out += line;
                return;
            }
        }
        out += "[\n";
        bool first = true;
        for (const auto& element : array) {
            out += first ? "" : ",\n";
            first = false;
            out.append(static_cast<std::size_t>(indent + 2), ' ');
            printValue(element, out, indent + 2);
        }
        out += "\n";
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "]";
    } else {
        out += boost::json::serialize(value);
    }
}

} // namespace

JsonLineIndex JsonLineIndex::scan(std::string_view text) {
    JsonLineIndex index;
    LineScanner(text, index.m_lines, index.m_duplicates).run();
    return index;
}

std::size_t JsonLineIndex::lineOf(std::string_view path) const {
    std::string current(path);
    while (true) {
        const auto found = m_lines.find(current);
        if (found != m_lines.end()) {
            return found->second;
        }
        if (current.empty()) {
            return 1;
        }
        current = parentPath(current);
    }
}

Result<boost::json::value> parseJson(std::string_view text, std::string_view fileName) {
    boost::json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        const std::size_t offset = std::min(consumed, text.size());
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return Error{ErrorCode::InvalidArgument, std::string(fileName) + ":" + std::to_string(line) + ":" +
                                                     std::to_string(column) +
                                                     ": not valid JSON: " + ec.message()};
    }
    return parser.release();
}

void checkDuplicateKeys(std::string_view text, std::vector<Diagnostic>& problems) {
    const JsonLineIndex index = JsonLineIndex::scan(text);
    for (const std::string& path : index.duplicateKeys()) {
        problems.push_back({path, "appears twice in its object"});
    }
}

Error describeProblems(std::string_view fileName, std::string_view text,
                       const std::vector<Diagnostic>& problems, std::size_t limit) {
    const JsonLineIndex lines = JsonLineIndex::scan(text);
    std::string message;
    for (std::size_t i = 0; i < problems.size() && i < limit; ++i) {
        const Diagnostic& problem = problems[i];
        message += (i == 0 ? "" : "\n") + std::string(fileName) + ":" +
                   std::to_string(lines.lineOf(problem.path)) + ": " + problem.path + ": " + problem.message;
    }
    if (problems.size() > limit) {
        message += "\n... and " + std::to_string(problems.size() - limit) + " more problems";
    }
    return Error{ErrorCode::InvalidArgument, message};
}

std::string JsonReader::member(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string JsonReader::element(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

const boost::json::value* JsonReader::field(const boost::json::object& object, std::string_view key,
                                            const std::string& parent, bool required) {
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr && required) {
        fail(member(parent, key), "is missing");
    }
    return value;
}

const boost::json::object* JsonReader::asObject(const boost::json::value* value, const std::string& path) {
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_object()) {
        fail(path, "must be an object");
        return nullptr;
    }
    return &value->as_object();
}

const boost::json::array* JsonReader::array(const boost::json::object& object, std::string_view key,
                                            const std::string& parent, bool required) {
    const boost::json::value* value = field(object, key, parent, required);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_array()) {
        fail(member(parent, key), "must be a list");
        return nullptr;
    }
    return &value->as_array();
}

const boost::json::object* JsonReader::object(const boost::json::object& object, std::string_view key,
                                              const std::string& parent) {
    return asObject(field(object, key, parent, true), member(parent, key));
}

std::string JsonReader::text(const boost::json::object& object, std::string_view key,
                             const std::string& parent, bool required) {
    const boost::json::value* value = field(object, key, parent, required);
    if (value == nullptr) {
        return {};
    }
    if (!value->is_string()) {
        fail(member(parent, key), "must be a string");
        return {};
    }
    return std::string(value->as_string());
}

std::vector<std::string> JsonReader::texts(const boost::json::object& object, std::string_view key,
                                           const std::string& parent, bool required) {
    std::vector<std::string> result;
    const boost::json::array* list = array(object, key, parent, required);
    if (list == nullptr) {
        return result;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].is_string()) {
            fail(element(member(parent, key), i), "must be a string");
            continue;
        }
        result.emplace_back((*list)[i].as_string());
    }
    return result;
}

std::int64_t JsonReader::integer(const boost::json::object& object, std::string_view key,
                                 const std::string& parent, std::int64_t min, std::int64_t max,
                                 bool required) {
    const boost::json::value* value = field(object, key, parent, required);
    if (value == nullptr) {
        return min;
    }
    std::optional<std::int64_t> number;
    if (value->is_int64()) {
        number = value->as_int64();
    } else if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        number = static_cast<std::int64_t>(value->as_uint64());
    }
    if (!number || *number < min || *number > max) {
        const bool unbounded = max == INT64_MAX || max == INT_MAX;
        fail(member(parent, key),
             unbounded ? "must be a whole number ≥ " + std::to_string(min)
                       : "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return min;
    }
    return *number;
}

bool JsonReader::boolean(const boost::json::object& object, std::string_view key, const std::string& parent,
                         bool required) {
    const boost::json::value* value = field(object, key, parent, required);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_bool()) {
        fail(member(parent, key), "must be true or false");
        return false;
    }
    return value->as_bool();
}

void JsonReader::rejectUnknown(const boost::json::object& object, const std::string& parent,
                               std::initializer_list<std::string_view> known) {
    for (const auto& entry : object) {
        bool listed = false;
        for (std::string_view name : known) {
            listed = listed || name == entry.key();
        }
        if (!listed) {
            fail(member(parent, entry.key()), "is not a known field");
        }
    }
}

std::string prettyJson(const boost::json::value& value) {
    std::string out;
    printValue(value, out, 0);
    out += "\n";
    return out;
}

Status writeFileAtomically(const std::string& path, std::string_view content) {
    const std::filesystem::path target(path);
    std::filesystem::path temporary = target;
    temporary += ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) {
            return Error{ErrorCode::Unavailable, "cannot write " + temporary.string()};
        }
        file.write(content.data(), static_cast<std::streamsize>(content.size()));
        file.flush();
        if (!file) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return Error{ErrorCode::Unavailable, "cannot write " + temporary.string()};
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error{ErrorCode::Unavailable, "cannot replace " + path + ": " + ec.message()};
    }
    return success();
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return Error{ErrorCode::NotFound, "cannot open " + path};
    }
    std::ostringstream content;
    content << file.rdbuf();
    if (file.bad()) {
        return Error{ErrorCode::Unavailable, "cannot read " + path};
    }
    return content.str();
}

} // namespace hall::catalog::detail
