#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QString>

#include "Error.h"

// The search language: words, "phrases", prefix*, AND, OR, NOT (or -word), parentheses; words
// side by side must all match. Parsed once, then written out for the index that answers it.
class SearchQuery final
{
public:
    struct Node
    {
        enum class Type { Term, And, Or, Not };
        Type type = Type::Term;
        QString text; // Term: the word or phrase, as typed
        bool prefix = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    [[nodiscard]] static Result<SearchQuery> parse(const QString &query);

    // An FTS5 MATCH expression in which every term is quoted, so that no input can be a syntax
    // error or reach a column filter. `expandPrefix` may give a prefix term's replacement (an OR
    // of the index's words that begin with it).
    using PrefixExpansion = std::function<std::optional<QString>(const QString &prefix)>;
    [[nodiscard]] QString toFts5(const PrefixExpansion &expandPrefix = {}) const;
    // True when a term has Chinese, Japanese or Korean characters, which the word index cannot
    // split into words.
    [[nodiscard]] bool needsCjk() const;
    // The terms, for highlighting where the index cannot.
    [[nodiscard]] QStringList terms() const;
    [[nodiscard]] const Node &root() const { return *m_root; }

    [[nodiscard]] static bool isCjk(const QString &text);
    // "a \"b\"" -> "\"a \"\"b\"\"\"": a term as an FTS5 string.
    [[nodiscard]] static QString quoted(const QString &text);

private:
    std::unique_ptr<Node> m_root;
};
