#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

void install(QCoreApplication &application)
{
    const QLocale locale;
    auto *strata = new QTranslator(&application);
    if (strata->load(locale, QStringLiteral("strata"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(strata);
    // Qt's own strings (standard buttons, file dialogs), where the system has them.
    auto *qt = new QTranslator(&application);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Translations
