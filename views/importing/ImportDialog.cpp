#include "ImportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "Importer.h"
#include "Store.h"

ImportDialog::ImportDialog(std::shared_ptr<Store> store, QWidget *parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_path(new QLineEdit)
    , m_format(new QComboBox)
    , m_progress(new QProgressBar)
    , m_state(new QLabel)
    , m_reportView(new QTextBrowser)
{
    setWindowTitle(tr("Import"));
    setObjectName(QStringLiteral("importDialog"));
    resize(640, 460);

    m_path->setPlaceholderText(tr("A folder or file an agent wrote"));
    auto *folder = new QPushButton(tr("Folder…"));
    auto *file = new QPushButton(tr("File…"));
    auto *source = new QHBoxLayout;
    source->addWidget(m_path, 1);
    source->addWidget(folder);
    source->addWidget(file);
    m_format->addItem(tr("Recognise from the source"), QString());
    for (const Importer *importer : Importers::all())
        m_format->addItem(importer->title(), importer->format());

    auto *form = new QFormLayout;
    form->addRow(tr("Source:"), source);
    form->addRow(tr("Format:"), m_format);

    m_progress->setVisible(false);
    m_state->setWordWrap(true);
    m_reportView->setObjectName(QStringLiteral("importReport"));
    m_reportView->setVisible(false);

    auto *buttons = new QDialogButtonBox;
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    m_import->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_state);
    layout->addWidget(m_reportView, 1);
    layout->addWidget(buttons);

    connect(folder, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Import a folder"), m_path->text());
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    connect(file, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Import a file"), m_path->text());
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::reject);
}

ImportDialog::~ImportDialog()
{
    if (m_cancelled)
        m_cancelled->store(true);
    m_job.waitForFinished(); // the job reports to this dialog
}

void ImportDialog::setSource(const QString &path)
{
    m_path->setText(path);
}

void ImportDialog::setFormat(const QString &format)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(format)));
}

void ImportDialog::start()
{
    if (m_running)
        return;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        m_state->setText(path.isEmpty() ? tr("Choose a folder or file to import.")
                                        : tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const QString format = m_format->currentData().toString();
    Importer *importer = format.isEmpty() ? Importers::detect(path) : Importers::find(format);
    if (!importer) {
        m_state->setText(tr("Strata cannot tell what %1 is. Choose its format.").arg(QDir::toNativeSeparators(path)));
        return;
    }

    m_running = true;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_import->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_reportView->setVisible(false);
    m_state->setText(tr("Importing %1 as %2…").arg(QDir::toNativeSeparators(path), importer->title()));

    // The import runs on a worker thread with its own connection; it reports back here.
    QPointer<ImportDialog> self(this);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_job = QtConcurrent::run([self, store = m_store, importer, absolute, cancelled = m_cancelled] {
        ImportContext context;
        context.report.format = importer->format();
        context.report.sources << absolute;
        context.isCancelled = [cancelled] { return cancelled->load(); };
        context.progress = [self](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self,
                [self, done, total] {
                    if (!self || total <= 0)
                        return;
                    self->m_progress->setRange(0, 1000);
                    self->m_progress->setValue(int(done * 1000 / total));
                },
                Qt::QueuedConnection);
        };
        const auto ran = importer->run(*store, absolute, context);
        const QString error = ran ? QString() : ran.error().message;
        QMetaObject::invokeMethod(
            self,
            [self, error, report = context.report] {
                if (self)
                    self->finish(error, report);
            },
            Qt::QueuedConnection);
    });
}

void ImportDialog::cancel()
{
    if (m_running && m_cancelled) {
        m_cancelled->store(true);
        m_state->setText(tr("Cancelling; what was read so far is kept…"));
    }
}

void ImportDialog::reject()
{
    if (m_running) {
        cancel();
        return; // closes itself once the worker has stopped, below
    }
    QDialog::reject();
}

void ImportDialog::finish(const QString &error, const ImportReport &report)
{
    const bool closeAfter = m_cancelled && m_cancelled->load() && !isVisible();
    m_running = false;
    m_report = report;
    m_progress->setVisible(false);
    m_import->setEnabled(true);
    m_cancel->setText(tr("Close"));
    showReport(error);
    Q_EMIT importFinished(error.isEmpty());
    if (closeAfter)
        QDialog::reject();
}

QString ImportDialog::reportText() const
{
    return m_reportView->toPlainText();
}

void ImportDialog::showReport(const QString &error)
{
    const bool cancelled = m_cancelled && m_cancelled->load();
    QString html;
    if (cancelled)
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Cancelled. What was read until then is kept; importing again goes on from there.")
                             .toHtmlEscaped());
    else if (!error.isEmpty())
        html += QStringLiteral("<p style=\"color:#8b0000\"><b>%1</b></p>")
                    .arg(tr("The import stopped: %1. What was read before that is kept.").arg(error).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Added %1 projects, %2 sessions, %3 messages and %4 file versions; %5 messages continued.")
                         .arg(m_report.projects)
                         .arg(m_report.sessions)
                         .arg(m_report.messages)
                         .arg(m_report.versions)
                         .arg(m_report.merged)
                         .toHtmlEscaped());
    if (!m_report.skipped.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>")
                    .arg(tr("Skipped %n items:", nullptr, int(m_report.skipped.size())).toHtmlEscaped());
        for (const ImportReport::Skipped &skipped : m_report.skipped)
            html += QStringLiteral("<li><code>%1</code>: %2</li>")
                        .arg(skipped.location.toHtmlEscaped(), skipped.reason.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!m_report.notes.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Notes:").toHtmlEscaped());
        for (const QString &note : m_report.notes)
            html += QStringLiteral("<li>%1</li>").arg(note.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_reportView->setHtml(html);
    m_reportView->setVisible(true);
    m_state->setText(cancelled ? tr("Cancelled.") : error.isEmpty() ? tr("Done.") : tr("Stopped."));
}
