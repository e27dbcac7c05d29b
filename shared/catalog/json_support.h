#pragma once

// JSON plumbing shared by the hall-file and source-file readers: syntax errors with line and column,
// field paths mapped to lines, typed field reads that collect problems, and the canonical pretty printer.

#include "catalog/catalog.h"

#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog::detail {

/// The line (1-based) where each value of a JSON text starts, by path: "items[57].limits.statutoryDays".
class JsonLineIndex {
public:
    /// Scans text that Boost.JSON has already accepted.
    static JsonLineIndex scan(std::string_view text);
    /// The line of `path`, or of its nearest ancestor present in the text (a missing field reports the
    /// object that lacks it).
    std::size_t lineOf(std::string_view path) const;
    /// Paths of keys that appear a second time in the same object (Boost.JSON would keep only one).
    const std::vector<std::string>& duplicateKeys() const { return m_duplicates; }

private:
    std::map<std::string, std::size_t, std::less<>> m_lines;
    std::vector<std::string> m_duplicates;
};

/// Parses JSON text; a syntax error reads "<file>:<line>:<column>: <what>".
Result<boost::json::value> parseJson(std::string_view text, std::string_view fileName);

/// Reports keys given twice in one object as problems ("appears twice in its object").
void checkDuplicateKeys(std::string_view text, std::vector<Diagnostic>& problems);

/// Turns problems into one error: "<file>:<line>: <path>: <message>" per line, at most `limit` lines.
Error describeProblems(std::string_view fileName, std::string_view text,
                       const std::vector<Diagnostic>& problems, std::size_t limit = 25);

/// Reads typed fields from a JSON DOM and records every problem with its path instead of stopping at
/// the first. Missing optional fields give the fallback value.
class JsonReader {
public:
    explicit JsonReader(std::vector<Diagnostic>& problems) : m_problems(problems) {}

    const boost::json::object* asObject(const boost::json::value* value, const std::string& path);
    const boost::json::array* array(const boost::json::object& object, std::string_view key,
                                    const std::string& parent, bool required = true);
    const boost::json::object* object(const boost::json::object& object, std::string_view key,
                                      const std::string& parent);
    std::string text(const boost::json::object& object, std::string_view key, const std::string& parent,
                     bool required = true);
    std::vector<std::string> texts(const boost::json::object& object, std::string_view key,
                                   const std::string& parent, bool required = true);
    std::int64_t integer(const boost::json::object& object, std::string_view key, const std::string& parent,
                         std::int64_t min, std::int64_t max, bool required = true);
    bool boolean(const boost::json::object& object, std::string_view key, const std::string& parent,
                 bool required = true);
    /// Complains about keys outside `known` (a misspelt field would otherwise be silently ignored).
    void rejectUnknown(const boost::json::object& object, const std::string& parent,
                       std::initializer_list<std::string_view> known);
    void fail(std::string path, std::string message) {
        m_problems.push_back({std::move(path), std::move(message)});
    }

    static std::string member(const std::string& parent, std::string_view key);
    static std::string element(const std::string& parent, std::size_t index);

private:
    const boost::json::value* field(const boost::json::object& object, std::string_view key,
                                    const std::string& parent, bool required);
    std::vector<Diagnostic>& m_problems;
};

/// The canonical text of a JSON value: two-space indent, keys in insertion order, a container holding only
/// scalars on one line when that line stays short, and a final newline. Same value, same bytes.
std::string prettyJson(const boost::json::value& value);

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader sees
/// the old file or the new one and never half of it.
Status writeFileAtomically(const std::string& path, std::string_view content);
/// Reads a whole file.
Result<std::string> readFile(const std::string& path);

} // namespace hall::catalog::detail
