#pragma once

#include "catalog/catalog.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog {

/// One search result: an item and how well it matched (higher is better).
struct SearchHit {
    const ServiceItem* item = nullptr;
    int score = 0;
};

/// The kiosk's item search. A query is one or more terms separated by spaces, and every term must match.
/// A term matches a run of characters in an item's name, keywords or department name, where a Chinese
/// character matches itself or any initial of its readings and punctuation is skipped: "营业执照",
/// "yyzz" and "yy执照" all find 营业执照. A term of six or more characters also matches the start of an item
/// code. Results come best first (name before keywords before department; earlier match before later;
/// a match that needs a character's less common reading after all others), ties in catalog order. The
/// catalog must outlive the search.
class CatalogSearch {
public:
    explicit CatalogSearch(const Catalog& catalog);

    std::vector<SearchHit> search(std::string_view query, std::size_t limit = 50) const;

private:
    struct Text {
        std::u32string characters;         ///< searchable characters only: letters (lower case), digits, CJK
        std::vector<std::string> initials; ///< per character: the letters it may start with
    };
    struct Entry {
        const ServiceItem* item = nullptr;
        Text name;
        std::vector<Text> keywords;
        Text department;
    };

    /// Where a term matches: the first position using only characters and most-common-reading initials,
    /// or failing that the first using other readings' initials too (a weaker match).
    struct Match {
        int position = -1;
        bool otherReadings = false;
        bool found() const { return position >= 0; }
    };

    static Text prepare(std::string_view utf8);
    static Match find(const Text& text, const std::u32string& term);
    int scoreTerm(const Entry& entry, const std::u32string& term, std::string_view rawTerm) const;

    std::vector<Entry> m_entries;
};

} // namespace hall::catalog
