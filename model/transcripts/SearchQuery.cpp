#include "SearchQuery.h"

#include <QCoreApplication>

namespace {

using Node = SearchQuery::Node;

struct Token
{
    enum class Type { Word, Phrase, Open, Close, And, Or, Not, End };
    Type type = Type::End;
    QString text;
    bool prefix = false;
};

Result<std::vector<Token>> tokenize(const QString &query)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        const QChar c = query.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(' || c == u')') {
            tokens.push_back({ c == u'(' ? Token::Type::Open : Token::Type::Close, {}, false });
            ++i;
        } else if (c == u'"') {
            const qsizetype end = query.indexOf(u'"', i + 1);
            if (end < 0)
                return fail(Error::Code::InvalidArgument,
                    QCoreApplication::translate("SearchQuery", "a quotation mark is not closed"));
            Token phrase{ Token::Type::Phrase, query.mid(i + 1, end - i - 1), false };
            i = end + 1;
            if (i < n && query.at(i) == u'*') {
                phrase.prefix = true;
                ++i;
            }
            if (!phrase.text.trimmed().isEmpty())
                tokens.push_back(phrase);
        } else if (c == u'-' && i + 1 < n && !query.at(i + 1).isSpace()
            && (tokens.empty() || i == 0 || query.at(i - 1).isSpace())) {
            tokens.push_back({ Token::Type::Not, {}, false });
            ++i;
        } else {
            qsizetype end = i;
            while (end < n && !query.at(end).isSpace() && query.at(end) != u'(' && query.at(end) != u')'
                && query.at(end) != u'"')
                ++end;
            QString word = query.mid(i, end - i);
            i = end;
            if (word == u"AND") {
                tokens.push_back({ Token::Type::And, {}, false });
            } else if (word == u"OR") {
                tokens.push_back({ Token::Type::Or, {}, false });
            } else if (word == u"NOT") {
                tokens.push_back({ Token::Type::Not, {}, false });
            } else {
                bool prefix = false;
                while (word.endsWith(u'*')) {
                    word.chop(1);
                    prefix = true;
                }
                if (!word.isEmpty())
                    tokens.push_back({ Token::Type::Word, word, prefix });
            }
        }
    }
    tokens.push_back({ Token::Type::End, {}, false });
    return tokens;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    Result<std::unique_ptr<Node>> parse()
    {
        auto node = orExpression();
        if (!node)
            return node;
        if (peek().type == Token::Type::Close)
            return fail(Error::Code::InvalidArgument,
                QCoreApplication::translate("SearchQuery", "a closing parenthesis has no opening one"));
        if (peek().type != Token::Type::End)
            return fail(Error::Code::InvalidArgument,
                QCoreApplication::translate("SearchQuery", "the search could not be read to its end"));
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_at); }
    Token take() { return m_tokens.at(m_at++); }

    static std::unique_ptr<Node> join(Node::Type type, std::vector<std::unique_ptr<Node>> children)
    {
        if (children.size() == 1)
            return std::move(children.front());
        auto node = std::make_unique<Node>();
        node->type = type;
        node->children = std::move(children);
        return node;
    }

    Result<std::unique_ptr<Node>> orExpression()
    {
        std::vector<std::unique_ptr<Node>> children;
        for (;;) {
            auto child = andExpression();
            if (!child)
                return child;
            children.push_back(std::move(*child));
            if (peek().type != Token::Type::Or)
                break;
            take();
        }
        return join(Node::Type::Or, std::move(children));
    }

    Result<std::unique_ptr<Node>> andExpression()
    {
        std::vector<std::unique_ptr<Node>> children;
        for (;;) {
            const Token::Type next = peek().type;
            if (next == Token::Type::And) {
                take();
                continue;
            }
            if (next == Token::Type::End || next == Token::Type::Close || next == Token::Type::Or)
                break;
            auto child = unary();
            if (!child)
                return child;
            children.push_back(std::move(*child));
        }
        if (children.empty())
            return fail(Error::Code::InvalidArgument,
                QCoreApplication::translate("SearchQuery", "there is nothing to search for"));
        return join(Node::Type::And, std::move(children));
    }

    Result<std::unique_ptr<Node>> unary()
    {
        if (peek().type == Token::Type::Not) {
            take();
            auto operand = unary();
            if (!operand)
                return operand;
            auto node = std::make_unique<Node>();
            node->type = Node::Type::Not;
            node->children.push_back(std::move(*operand));
            return node;
        }
        return primary();
    }

    Result<std::unique_ptr<Node>> primary()
    {
        const Token token = take();
        if (token.type == Token::Type::Word || token.type == Token::Type::Phrase) {
            auto node = std::make_unique<Node>();
            node->text = token.text;
            node->prefix = token.prefix;
            return node;
        }
        if (token.type == Token::Type::Open) {
            auto inner = orExpression();
            if (!inner)
                return inner;
            if (take().type != Token::Type::Close)
                return fail(Error::Code::InvalidArgument,
                    QCoreApplication::translate("SearchQuery", "a parenthesis is not closed"));
            return inner;
        }
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate("SearchQuery", "an operator (AND, OR, NOT) has nothing to work on"));
    }

    std::vector<Token> m_tokens;
    size_t m_at = 0;
};

// FTS5's NOT is binary ("a NOT b"): every AND group needs a positive part to subtract from.
Result<void> checkNegations(const Node &node, bool topLevel)
{
    if (node.type == Node::Type::Not && topLevel)
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate(
                "SearchQuery", "a search needs something to find, not only words to leave out"));
    if (node.type == Node::Type::And) {
        const bool anyPositive = std::any_of(node.children.begin(), node.children.end(), [](const auto &child) {
            return child->type != Node::Type::Not;
        });
        if (!anyPositive)
            return fail(Error::Code::InvalidArgument,
                QCoreApplication::translate(
                    "SearchQuery", "a search needs something to find, not only words to leave out"));
    }
    for (const auto &child : node.children) {
        if (auto checked = checkNegations(*child, node.type == Node::Type::Or); !checked)
            return checked;
    }
    return {};
}

QString render(const Node &node, const SearchQuery::PrefixExpansion &expand)
{
    switch (node.type) {
    case Node::Type::Term:
        if (node.prefix && expand) {
            if (const auto expanded = expand(node.text))
                return *expanded;
        }
        return SearchQuery::quoted(node.text) + (node.prefix ? QStringLiteral("*") : QString());
    case Node::Type::Not:
        return render(*node.children.front(), expand); // written by its AND parent
    case Node::Type::Or: {
        QStringList parts;
        for (const auto &child : node.children)
            parts << render(*child, expand);
        return u'(' + parts.join(QStringLiteral(" OR ")) + u')';
    }
    case Node::Type::And: {
        QStringList positive;
        QStringList negative;
        for (const auto &child : node.children)
            (child->type == Node::Type::Not ? negative : positive) << render(*child, expand);
        QString text = u'(' + positive.join(QStringLiteral(" AND ")) + u')';
        for (const QString &part : std::as_const(negative))
            text += QStringLiteral(" NOT ") + part;
        return negative.isEmpty() ? text : u'(' + text + u')';
    }
    }
    return {};
}

void collectTerms(const Node &node, QStringList &terms)
{
    if (node.type == Node::Type::Term)
        terms << node.text;
    if (node.type == Node::Type::Not)
        return; // nothing to highlight
    for (const auto &child : node.children)
        collectTerms(*child, terms);
}

bool anyCjk(const Node &node)
{
    if (node.type == Node::Type::Term)
        return SearchQuery::isCjk(node.text);
    return std::any_of(node.children.begin(), node.children.end(), [](const auto &child) { return anyCjk(*child); });
}

} // namespace

Result<SearchQuery> SearchQuery::parse(const QString &query)
{
    auto tokens = tokenize(query);
    if (!tokens)
        return std::unexpected(tokens.error());
    Parser parser(std::move(*tokens));
    auto root = parser.parse();
    if (!root)
        return std::unexpected(root.error());
    if (auto checked = checkNegations(**root, true); !checked)
        return std::unexpected(checked.error());
    SearchQuery parsed;
    parsed.m_root = std::move(*root);
    return parsed;
}

QString SearchQuery::toFts5(const PrefixExpansion &expandPrefix) const
{
    return render(*m_root, expandPrefix);
}

bool SearchQuery::needsCjk() const
{
    return anyCjk(*m_root);
}

QStringList SearchQuery::terms() const
{
    QStringList terms;
    collectTerms(*m_root, terms);
    return terms;
}

bool SearchQuery::isCjk(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x3040) // nearly every character: one comparison
            continue;
        if ((u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x4E00 && u <= 0x9FFF)
            || (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0xF900 && u <= 0xFAFF))
            return true;
    }
    return false;
}

QString SearchQuery::quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}
