#include <QCoreApplication>

#include "Cli.h"
#include "Translations.h"

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Strata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    Translations::install(application);
    Cli cli;
    return cli.run(QCoreApplication::arguments().mid(1));
}
