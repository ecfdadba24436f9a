#include "RestoreDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "DiffView.h"

RestoreDialog::RestoreDialog(const Restore::Plan &plan, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Restore Version"));
    const QString target = QDir::toNativeSeparators(plan.target);
    auto *what = new QLabel(plan.onDisk
            ? tr("Restoring writes version %1 into %2. What is there now is kept as a version first, so "
                 "Edit ▸ Undo Restore can put it back.")
                  .arg(plan.version.id)
                  .arg(target)
            : tr("Restoring creates %2 with version %1 (the file is not on disk now). Edit ▸ Undo Restore "
                 "removes it again.")
                  .arg(plan.version.id)
                  .arg(target),
        this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    m_diff = new DiffView(this);
    m_diff->setTexts(plan.disk, plan.wanted, tr("on disk now"), tr("version %1").arg(plan.version.id));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    restore->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}
