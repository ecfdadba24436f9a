#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

// What Strata shows when no store is open: make or open a store, or pick a recent one. Errors from
// a failed open are shown here, in the page, so the person sees them next to the way out.
class WelcomeWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeWidget)

public:
    explicit WelcomeWidget(QWidget *parent = nullptr);

    void setRecentStores(const QStringList &folders);
    void showError(const QString &message);
    void clearError();
    [[nodiscard]] QString shownError() const;

Q_SIGNALS:
    void newStoreRequested();
    void openStoreRequested();
    void demoRequested();
    void recentStoreChosen(const QString &folder);

private:
    QLabel *m_error = nullptr;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent = nullptr;
};
