#include "Settings.h"

namespace {

struct KeyInfo
{
    Settings::Key key;
    const char *name;
    QVariant fallback;
};

const KeyInfo &info(Settings::Key key)
{
    static const KeyInfo table[] = {
        { Settings::Key::WindowGeometry, "window/geometry", QByteArray() },
        { Settings::Key::WindowState, "window/state", QByteArray() },
        { Settings::Key::SplitterState, "window/splitter", QByteArray() },
        { Settings::Key::RecentStores, "stores/recent", QStringList() },
        { Settings::Key::LastStore, "stores/last", QString() },
    };
    for (const KeyInfo &entry : table) {
        if (entry.key == key)
            return entry;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

QVariant Settings::value(Key key) const
{
    const KeyInfo &entry = info(key);
    return m_settings->value(QLatin1StringView(entry.name), entry.fallback);
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1StringView(info(key).name), value);
}

void Settings::noteStoreOpened(const QString &folder)
{
    QStringList recent = recentStores();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > maxRecentStores)
        recent.removeLast();
    setValue(Key::RecentStores, recent);
    setValue(Key::LastStore, folder);
}

void Settings::forgetStore(const QString &folder)
{
    QStringList recent = recentStores();
    recent.removeAll(folder);
    setValue(Key::RecentStores, recent);
    if (lastStore() == folder)
        setValue(Key::LastStore, QString());
}

void Settings::sync()
{
    m_settings->sync();
}
