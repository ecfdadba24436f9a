#pragma once

#include <vector>

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QThreadPool>

#include "Error.h"
#include "ImportReport.h"
#include "Project.h"
#include "Sql.h"
#include "Transcript.h"

class Store;
struct sqlite3;
struct sqlite3_stmt;

// Writes what importers read, in batches: every write goes into the open transaction, and
// checkpoint() commits it once enough has gathered. Importers record how far they read each
// source file in the same transaction as the messages read from it, so an interrupted import
// neither loses nor repeats anything. Use one writer per thread; it compresses on a helper thread of
// its own.
class TranscriptWriter final
{
public:
    struct Counts
    {
        qint64 projects = 0;
        qint64 sessions = 0;
        qint64 messages = 0;
        qint64 merged = 0;
    };

    explicit TranscriptWriter(Store &store, int batchSize = 20000);
    ~TranscriptWriter();
    TranscriptWriter(const TranscriptWriter &) = delete;
    TranscriptWriter &operator=(const TranscriptWriter &) = delete;

    [[nodiscard]] Result<void> begin();

    // The project with this source kind and location, created from `draft` when it is new.
    [[nodiscard]] Result<qint64> project(const Project &draft);
    // The session with this project, source kind and external id, created when it is new.
    [[nodiscard]] Result<qint64> session(const SessionDraft &draft);
    // Takes up a session this writer did not open (an import that goes on where another stopped).
    // Returns its project; fails when the session is gone.
    [[nodiscard]] Result<qint64> resumeSession(qint64 sessionId);
    // Adds a message at the end of its session. When the session already has a message with this
    // source key, it is merged, replaced or ignored as the draft says. Messages are written a chunk
    // at a time (the next chunk is compressed meanwhile on the helper thread): an error in writing
    // may be returned by a later call, and at the latest by commit(); the batch is then rolled back
    // whole, with the positions saved in it.
    [[nodiscard]] Result<void> addMessage(qint64 sessionId, const MessageDraft &message);
    // True until a title was offered for the session: importers need not work one out after that.
    [[nodiscard]] bool wantsTitle(qint64 sessionId) const { return !m_titled.contains(sessionId); }
    // Sets a session's title when it has none yet.
    [[nodiscard]] Result<void> setTitleIfEmpty(qint64 sessionId, const QString &title);

    // True when the batch is full: save positions, then checkpoint().
    [[nodiscard]] bool needsCommit() const { return m_pending >= m_batchSize; }
    // Commits when the batch is full (and begins the next transaction).
    [[nodiscard]] Result<void> checkpoint();
    // Commits what is pending; the writer can begin() again.
    [[nodiscard]] Result<void> commit();

    [[nodiscard]] const Counts &counts() const { return m_counts; }
    // Ends an import: commits what was read (also when `outcome` is a cancel or an error, so that
    // nothing read is lost), adds what was committed to `report`, and returns `outcome`, or the
    // commit's error.
    [[nodiscard]] Result<void> finish(ImportReport &report, const Result<void> &outcome = {});
    [[nodiscard]] Store &store() const { return m_store; }

private:
    // A message on its way to the store, with what the helper thread works out for it.
    struct Queued
    {
        qint64 sessionId = 0;
        MessageDraft draft;
        QByteArray text; // UTF-8
        QByteArray raw; // compressed
        int cjk = 0;
    };
    static void prepare(std::vector<Queued> &chunk);
    // Writes the chunk being prepared, then hands the filled one to the helper thread.
    [[nodiscard]] Result<void> passOn();
    // Writes everything queued.
    [[nodiscard]] Result<void> drain();
    // After a failed write: rolls the batch back and fails every call until begin().
    [[nodiscard]] Result<void> abandon(const Error &error);
    [[nodiscard]] Result<void> insert(const Queued &message);
    [[nodiscard]] Result<void> finishSessions();
    // Merges `message` into, or replaces, the message with its key; true when that changed it.
    [[nodiscard]] Result<bool> updateExisting(qint64 sessionId, const MessageDraft &message, int cjk);

    struct SessionState
    {
        qint64 projectId = 0;
        qint64 nextSeq = 0;
        qint64 firstAt = 0;
        qint64 lastAt = 0;
    };

    Store &m_store;
    int m_batchSize;
    int m_pending = 0;
    bool m_prepared = false;
    std::optional<Sql::Transaction> m_transaction;
    sqlite3 *m_handle = nullptr; // the store connection's own handle
    sqlite3_stmt *m_insert = nullptr; // the hot insert, bound straight in UTF-8
    QHash<qint64, SessionState> m_sessions; // sessions touched by this writer
    QHash<QString, qint64> m_projectIds; // source kind + location -> id
    QSet<qint64> m_titled; // sessions whose title was set (or kept) here
    QSet<qint64> m_undated; // projects made here without times of their own
    Counts m_counts; // written, committed or not
    Counts m_committed; // as of the last commit
    std::vector<Queued> m_filling; // added, not yet prepared
    std::vector<Queued> m_preparing; // being prepared by the helper thread (until m_helper is done)
    QThreadPool m_helper;
    std::optional<Error> m_failure; // why the batch was rolled back
};
