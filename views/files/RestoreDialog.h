#pragma once

#include <QDialog>

#include "Restore.h"

class DiffView;

// Asks before a restore writes, showing exactly what it will write: the target, and the diff from
// what is on disk now to the version (DESIGN.md §3, step 1).
class RestoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    explicit RestoreDialog(const Restore::Plan &plan, QWidget *parent = nullptr);

    [[nodiscard]] DiffView *diffView() const { return m_diff; }

private:
    DiffView *m_diff = nullptr;
};
