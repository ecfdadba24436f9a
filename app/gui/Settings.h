#pragma once

#include <memory>

#include <QSettings>
#include <QStringList>

// Strata's settings, typed: every key with its type and default in one table (Settings.cpp), so
// no caller spells a key or a default twice.
class Settings final
{
public:
    enum class Key { WindowGeometry, WindowState, SplitterState, RecentStores, LastStore };

    static constexpr int maxRecentStores = 10;

    Settings(); // the user's settings
    explicit Settings(const QString &iniFile); // a given file (tests)

    [[nodiscard]] QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    [[nodiscard]] QByteArray windowGeometry() const { return value(Key::WindowGeometry).toByteArray(); }
    [[nodiscard]] QByteArray windowState() const { return value(Key::WindowState).toByteArray(); }
    [[nodiscard]] QByteArray splitterState() const { return value(Key::SplitterState).toByteArray(); }
    [[nodiscard]] QStringList recentStores() const { return value(Key::RecentStores).toStringList(); }
    [[nodiscard]] QString lastStore() const { return value(Key::LastStore).toString(); }

    // Moves `folder` to the front of the recent list, which keeps at most maxRecentStores.
    void noteStoreOpened(const QString &folder);
    void forgetStore(const QString &folder);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};
