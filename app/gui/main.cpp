#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include "MainWindow.h"
#include "Settings.h"
#include "Translations.h"

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Strata"));
    QApplication::setOrganizationName(QStringLiteral("Strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.png")));
    Translations::install(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse, search, compare and restore the work of AI coding agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("store"), QApplication::translate("main", "The store folder to open."), QStringLiteral("[DIR]"));
    parser.process(application);

    Settings settings;
    MainWindow window(settings);
    if (const QStringList folders = parser.positionalArguments(); !folders.isEmpty()) {
        // Accept the database file too: people drag strata.db onto the icon.
        const QFileInfo given(folders.first());
        window.openStore(given.isFile() ? given.absolutePath() : given.absoluteFilePath());
    } else {
        window.openLastStoreOrWelcome();
    }
    window.show();
    return QApplication::exec();
}
