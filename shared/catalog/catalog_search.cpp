#include "catalog/catalog_search.h"

#include "catalog/pinyin.h"

#include <algorithm>

namespace hall::catalog {

namespace {

char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 'a';
    }
    if (c >= U'\uFF21' && c <= U'\uFF3A') { // full-width capitals, as some input methods type them
        return c - U'\uFF21' + 'a';
    }
    if (c >= U'\uFF41' && c <= U'\uFF5A') {
        return c - U'\uFF41' + 'a';
    }
    if (c >= U'\uFF10' && c <= U'\uFF19') {
        return c - U'\uFF10' + '0';
    }
    return c;
}

bool isLatin(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isIdeograph(char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}
bool isSearchable(char32_t c) {
    return isLatin(c) || isIdeograph(c);
}

std::u32string searchable(std::string_view utf8) {
    std::u32string result;
    for (char32_t c : decodeUtf8(utf8)) {
        c = fold(c);
        if (isSearchable(c)) {
            result.push_back(c);
        }
    }
    return result;
}

// Name first, then keywords, then the department; an early match in a field beats a late one.
constexpr int kNameExact = 1000;
constexpr int kNameMatch = 600;
constexpr int kKeywordMatch = 300;
constexpr int kDepartmentMatch = 100;
constexpr int kCodeMatch = 50;

} // namespace

CatalogSearch::Text CatalogSearch::prepare(std::string_view utf8) {
    Text text;
    text.characters = searchable(utf8);
    text.initials.reserve(text.characters.size());
    for (char32_t c : text.characters) {
        text.initials.push_back(isIdeograph(c) ? initialsOf(c) : std::string());
    }
    return text;
}

CatalogSearch::CatalogSearch(const Catalog& catalog) {
    m_entries.reserve(catalog.items().size());
    for (const ServiceItem& item : catalog.items()) {
        Entry entry;
        entry.item = &item;
        entry.name = prepare(item.name);
        for (const std::string& keyword : item.keywords) {
            entry.keywords.push_back(prepare(keyword));
        }
        if (const Department* department = catalog.department(item.department)) {
            entry.department = prepare(department->name);
        }
        m_entries.push_back(std::move(entry));
    }
}

CatalogSearch::Match CatalogSearch::find(const Text& text, const std::u32string& term) {
    Match weak;
    if (term.empty() || term.size() > text.characters.size()) {
        return weak;
    }
    for (std::size_t start = 0; start + term.size() <= text.characters.size(); ++start) {
        bool matches = true;
        bool otherReadings = false;
        for (std::size_t k = 0; k < term.size() && matches; ++k) {
            const char32_t wanted = term[k];
            if (wanted == text.characters[start + k]) {
                continue;
            }
            const std::string& initials = text.initials[start + k];
            const std::size_t at =
                wanted >= 'a' && wanted <= 'z' ? initials.find(static_cast<char>(wanted)) : std::string::npos;
            matches = at != std::string::npos;
            otherReadings = otherReadings || at > 0;
        }
        if (matches && !otherReadings) {
            return Match{static_cast<int>(start), false};
        }
        if (matches && !weak.found()) {
            weak = Match{static_cast<int>(start), true};
        }
    }
    return weak;
}

int CatalogSearch::scoreTerm(const Entry& entry, const std::u32string& term, std::string_view rawTerm) const {
    const auto score = [](const Match& match, int base) {
        // A match through a less common reading is likely an accident: it ranks below every other kind.
        return match.otherReadings ? std::max(1, 40 - match.position)
                                   : base + std::max(0, 50 - match.position);
    };
    int best = 0;
    const Match inName = find(entry.name, term);
    if (inName.found()) {
        const bool exact =
            inName.position == 0 && !inName.otherReadings && term.size() == entry.name.characters.size();
        best = exact ? kNameExact : score(inName, kNameMatch);
    }
    for (const Text& keyword : entry.keywords) {
        const Match inKeyword = find(keyword, term);
        if (inKeyword.found()) {
            best = std::max(best, score(inKeyword, kKeywordMatch));
        }
    }
    const Match inDepartment = find(entry.department, term);
    if (inDepartment.found()) {
        best = std::max(best, score(inDepartment, kDepartmentMatch));
    }
    if (rawTerm.size() >= 6 && entry.item->code.compare(0, rawTerm.size(), rawTerm) == 0) {
        best = std::max(best, kCodeMatch);
    }
    return best;
}

std::vector<SearchHit> CatalogSearch::search(std::string_view query, std::size_t limit) const {
    std::vector<std::u32string> terms;
    std::vector<std::string_view> rawTerms;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find(' ', start);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        const std::string_view raw = query.substr(start, end - start);
        std::u32string term = searchable(raw);
        if (!term.empty()) {
            terms.push_back(std::move(term));
            rawTerms.push_back(raw);
        }
        start = end + 1;
    }
    std::vector<SearchHit> hits;
    if (terms.empty()) {
        return hits;
    }
    for (const Entry& entry : m_entries) {
        int total = 0;
        bool all = true;
        for (std::size_t t = 0; t < terms.size() && all; ++t) {
            const int score = scoreTerm(entry, terms[t], rawTerms[t]);
            all = score > 0;
            total += score;
        }
        if (all) {
            hits.push_back({entry.item, total});
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) {
        hits.resize(limit);
    }
    return hits;
}

} // namespace hall::catalog
