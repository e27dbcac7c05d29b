#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace hallctl {

/// Columns of text aligned for a terminal, counting wide (CJK) characters as two columns so that
/// Chinese names line up.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void addRow(std::vector<std::string> cells);
    bool empty() const { return m_rows.empty(); }
    void print(std::ostream& out) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

/// Terminal columns `utf8` occupies.
std::size_t displayWidth(std::string_view utf8);

} // namespace hallctl
