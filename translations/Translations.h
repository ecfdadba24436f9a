#pragma once

class QCoreApplication;

namespace Translations {

// Installs Strata's and Qt's translations for the user's locale (Ukrainian ships with Strata;
// English is the source language). Call once, after the application object exists.
void install(QCoreApplication &application);

} // namespace Translations
