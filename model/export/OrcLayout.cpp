#include "OrcLayout.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include "TaskExport.h"

namespace {

// A YAML scalar as yaml.v3 writes it: plain when that reads back as the same string, else quoted.
QString scalar(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    const QString text = value.toString();
    static const QRegularExpression special(QStringLiteral(R"(^[-?:,\[\]{}#&*!|>'"%@`\s]|: | #|\s$|^$)"));
    static const QRegularExpression reserved(
        QStringLiteral(R"(^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?)$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (text.contains(u'\n') || special.match(text).hasMatch() || reserved.match(text).hasMatch()) {
        QString quoted = text;
        quoted.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'"', QStringLiteral("\\\""))
            .replace(u'\n', QStringLiteral("\\n"));
        return u'"' + quoted + u'"';
    }
    return text;
}

// Writes "key: value" lines, nested maps indented by four spaces, keys of a JSON map in order.
class Yaml
{
public:
    void value(const QString &key, const QJsonValue &value, int depth = 0)
    {
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
            return;
        if (value.isObject()) {
            map(key, value.toObject(), depth);
            return;
        }
        m_text += QString(depth * 4, u' ') + key + QStringLiteral(": ") + scalar(value) + u'\n';
    }
    void map(const QString &key, const QJsonObject &object, int depth = 0)
    {
        if (object.isEmpty())
            return;
        m_text += QString(depth * 4, u' ') + key + QStringLiteral(":\n");
        for (auto it = object.begin(); it != object.end();
             ++it) // QJsonObject keeps keys sorted, as yaml.v3 sorts a map
            value(it.key(), it.value(), depth + 1);
    }
    void line(const QString &text) { m_text += text + u'\n'; }
    [[nodiscard]] QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

qint64 integer(const QJsonObject &row, const QString &key)
{
    return row.value(key).toInteger();
}

// orc's RFC 3339 text as a person reads it in context.md: "2026-01-20 09:12:03".
QString localTime(const QString &rfc3339)
{
    return rfc3339.left(19).replace(u'T', u' ');
}

} // namespace

namespace OrcLayout {

Files build(const Tasks::Task &task,
    const QList<Tasks::Phase> &phases,
    const QList<Tasks::Decision> &decisions,
    const QList<Message> &messages,
    const QDateTime &now)
{
    const QJsonObject row = task.details.value(u"orc").toObject();
    const auto text = [&row](const char *key) { return row.value(QLatin1StringView(key)); };
    Files files;

    // task.yaml: the task as orc's Task struct, in its fields' order.
    Yaml taskYaml;
    taskYaml.value(QStringLiteral("id"), task.key);
    taskYaml.value(QStringLiteral("title"), task.title);
    taskYaml.value(QStringLiteral("description"), task.description);
    for (const char *key : { "weight",
             "status",
             "current_phase",
             "branch",
             "queue",
             "priority",
             "category",
             "initiative_id",
             "target_branch" })
        taskYaml.value(QLatin1StringView(key), text(key));
    if (row.value(u"is_automation").toInteger() != 0)
        taskYaml.value(QStringLiteral("is_automation"), true);
    taskYaml.value(QStringLiteral("quality"), text("quality"));
    for (const char *key : { "created_at", "updated_at", "started_at", "completed_at" })
        taskYaml.value(QLatin1StringView(key), text(key));
    taskYaml.value(QStringLiteral("metadata"), text("metadata"));
    if (!row.value(u"pr_url").toString().isEmpty()) {
        // Written field by field: the PR struct's order is not alphabetical.
        taskYaml.line(QStringLiteral("pr:"));
        Yaml pr;
        pr.value(QStringLiteral("url"), text("pr_url"), 1);
        if (integer(row, QStringLiteral("pr_number")) > 0)
            pr.value(QStringLiteral("number"), text("pr_number"), 1);
        pr.value(QStringLiteral("status"), text("pr_status"), 1);
        if (integer(row, QStringLiteral("pr_merged")) != 0)
            pr.value(QStringLiteral("merged"), true, 1);
        pr.value(QStringLiteral("merged_at"), text("pr_merged_at"), 1);
        pr.value(QStringLiteral("merge_commit_sha"), text("pr_merge_commit_sha"), 1);
        pr.value(QStringLiteral("target_branch"), text("pr_target_branch"), 1);
        files.append({ QStringLiteral("task.yaml"), taskYaml.bytes() + pr.bytes() });
    } else {
        files.append({ QStringLiteral("task.yaml"), taskYaml.bytes() });
    }

    // state.yaml: the execution state.
    QList<Tasks::Phase> byName = phases;
    std::sort(byName.begin(), byName.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    qint64 input = 0;
    qint64 output = 0;
    qint64 currentIteration = 0;
    for (const Tasks::Phase &phase : phases) {
        input += phase.inputTokens.value_or(0);
        output += phase.outputTokens.value_or(0);
        if (phase.name == task.currentPhase)
            currentIteration = phase.iterations.value_or(0);
    }
    const QJsonValue lastUpdate = text("completed_at").toString().isEmpty() ? text("updated_at") : text("completed_at");
    Yaml state;
    state.value(QStringLiteral("task_id"), task.key);
    state.value(QStringLiteral("current_phase"), task.currentPhase);
    state.value(QStringLiteral("current_iteration"), currentIteration);
    state.value(
        QStringLiteral("status"), text("state_status").toString().isEmpty() ? text("status") : text("state_status"));
    state.value(QStringLiteral("started_at"), text("started_at"));
    state.value(QStringLiteral("updated_at"), lastUpdate);
    state.value(QStringLiteral("completed_at"), text("completed_at"));
    if (!byName.isEmpty())
        state.line(QStringLiteral("phases:"));
    for (const Tasks::Phase &phase : std::as_const(byName)) {
        const QJsonObject orc = phase.details.value(u"orc").toObject();
        state.line(QStringLiteral("    ") + phase.name + u':');
        state.value(QStringLiteral("status"), phase.status, 2);
        for (const char *key : { "started_at", "completed_at", "interrupted_at" })
            state.value(QLatin1StringView(key), orc.value(QLatin1StringView(key)), 2);
        state.value(QStringLiteral("iterations"), phase.iterations.value_or(0), 2);
        state.value(QStringLiteral("commit_sha"), phase.commitSha, 2);
        state.value(QStringLiteral("error"), phase.error, 2);
        const qint64 in = phase.inputTokens.value_or(0);
        const qint64 out = phase.outputTokens.value_or(0);
        const qint64 all = integer(orc, QStringLiteral("total_tokens")) > 0
            ? integer(orc, QStringLiteral("total_tokens"))
            : in + out;
        state.line(QStringLiteral("        tokens:"));
        state.value(QStringLiteral("input_tokens"), in, 3);
        state.value(QStringLiteral("output_tokens"), out, 3);
        state.value(QStringLiteral("total_tokens"), all, 3);
        state.value(QStringLiteral("session_id"), phase.sessionKey, 2);
    }
    if (!decisions.isEmpty())
        state.line(QStringLiteral("gates:"));
    for (const Tasks::Decision &decision : decisions) {
        const QJsonObject orc = decision.details.value(u"orc").toObject();
        state.line(QStringLiteral("    - phase: ") + scalar(decision.phase));
        Yaml gate;
        gate.value(QStringLiteral("      gate_type"), decision.gate);
        gate.value(QStringLiteral("      approved"), decision.approved);
        gate.value(QStringLiteral("      reason"), decision.reason);
        gate.value(QStringLiteral("      timestamp"), orc.value(u"decided_at"));
        state.line(QString::fromUtf8(gate.bytes()).chopped(1));
    }
    state.line(QStringLiteral("tokens:"));
    state.value(QStringLiteral("input_tokens"), input, 1);
    state.value(QStringLiteral("output_tokens"), output, 1);
    state.value(QStringLiteral("total_tokens"), input + output, 1);
    state.line(QStringLiteral("cost:"));
    state.value(QStringLiteral("total_cost_usd"), task.costUsd.value_or(0), 1);
    QJsonObject phaseCosts;
    for (const Tasks::Phase &phase : phases) {
        if (phase.costUsd && *phase.costUsd > 0)
            phaseCosts.insert(phase.name, *phase.costUsd);
    }
    state.map(QStringLiteral("phase_costs"), phaseCosts, 1);
    state.value(QStringLiteral("last_updated_at"), lastUpdate, 1);
    files.append({ QStringLiteral("state.yaml"), state.bytes() });

    // context.md, from orc's template.
    QString context
        = QStringLiteral("# Task Context: %1\n\n## Overview\n\n| Field | Value |\n|-------|-------|\n").arg(task.key);
    context += QStringLiteral("| Title | %1 |\n").arg(task.title);
    if (!task.weight.isEmpty())
        context += QStringLiteral("| Weight | %1 |\n").arg(task.weight);
    context += QStringLiteral("| Status | %1 |\n").arg(task.status);
    if (!task.branch.isEmpty())
        context += QStringLiteral("| Branch | %1 |\n").arg(task.branch);
    context += QStringLiteral("| Created | %1 |\n").arg(localTime(text("created_at").toString()));
    if (!text("completed_at").toString().isEmpty())
        context += QStringLiteral("| Completed | %1 |\n").arg(localTime(text("completed_at").toString()));
    context += u'\n';
    if (!task.description.isEmpty())
        context += QStringLiteral("\n## Description\n\n%1\n\n").arg(task.description);
    if (!byName.isEmpty()) {
        context += QStringLiteral("\n## Phases\n\n| Phase | Status | Tokens |\n|-------|--------|--------|");
        for (const Tasks::Phase &phase : std::as_const(byName)) {
            const QJsonObject orc = phase.details.value(u"orc").toObject();
            const qint64 all = integer(orc, QStringLiteral("total_tokens")) > 0
                ? integer(orc, QStringLiteral("total_tokens"))
                : phase.inputTokens.value_or(0) + phase.outputTokens.value_or(0);
            context += QStringLiteral("\n| %1 | %2 | %3 |").arg(phase.name, phase.status).arg(all);
        }
        context += u'\n';
    }
    context += QStringLiteral("\n## Token Usage\n\n- **Input Tokens:** %1\n- **Output Tokens:** %2\n"
                              "- **Total Tokens:** %3\n- **Total Cost:** $%4\n\n")
                   .arg(input)
                   .arg(output)
                   .arg(input + output)
                   .arg(task.costUsd.value_or(0), 0, 'f', 4);
    if (!decisions.isEmpty()) {
        context += QStringLiteral("\n## Gate Decisions\n\n| Phase | Type | Approved | Reason |\n"
                                  "|-------|------|----------|--------|\n");
        for (const Tasks::Decision &decision : decisions)
            context += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                           .arg(decision.phase,
                               decision.gate,
                               decision.approved ? QStringLiteral("true") : QStringLiteral("false"),
                               decision.reason);
        context += u'\n';
    }
    context += QStringLiteral("\n---\n*Generated by Strata on %1*\n")
                   .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    files.append({ QStringLiteral("context.md"), context.toUtf8() });

    // Each transcript row's content, verbatim.
    int number = 0;
    for (const Message &message : messages)
        files.append({ QStringLiteral("transcripts/%1_%2.txt")
                           .arg(++number, 3, 10, QLatin1Char('0'))
                           .arg(TaskExport::safeName(message.phase)),
            message.raw.toUtf8() });
    return files;
}

} // namespace OrcLayout
