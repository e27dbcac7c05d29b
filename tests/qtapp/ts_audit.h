#pragma once

#include <QString>
#include <QStringList>

/// What a Qt Linguist .ts file still lacks.
struct TsAudit {
    QString error;          ///< why the file could not be read; empty when it was
    QString language;       ///< the TS element's language attribute
    int messages = 0;       ///< live messages (vanished and obsolete ones are not counted)
    QStringList unfinished; ///< "context: source" of every live message without a finished translation
};

/// Reads a .ts file. A message counts as unfinished when its translation is marked unfinished or is
/// empty (for plural forms: when any form is empty).
TsAudit auditTsFile(const QString& path);
