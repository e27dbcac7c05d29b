#pragma once
#include "catalog_sync.h"
#include "present/language.h"
#include "protocol/queue_messages.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>

class QTextDocument;

namespace kiosk {

/// The language of hall::present texts, following the language the screens are in now.
hall::present::Language presentLanguage();

/// A QR code image of `text` (UTF-8, error correction M), `moduleSize` pixels per module with the
/// standard four-module quiet zone. Null when the text is too long for a QR code.
QImage makeQrCode(const QByteArray& text, int moduleSize = 8);

/// What the guide's QR code carries: a short plain text a phone shows as it is, so it needs no app or
/// network. The first line "HALL-GUIDE <item code> v<catalog version>" identifies the guide, then the
/// item name, where to go and the time limit. See docs/kiosk.md.
QByteArray guideQrText(const LoadedCatalog& catalog, const hall::catalog::ServiceItem& item);

/// The service guide of one item as rich text, for the screen and for printing.
class GuideDocument {
    Q_DECLARE_TR_FUNCTIONS(kiosk::GuideDocument)
public:
    /// "where to go": floors and window names, "2 楼：2-07号窗口、2-08号窗口".
    static QString whereToGo(const LoadedCatalog& catalog, const hall::catalog::ServiceItem& item);
    /// The whole guide as HTML. With `qrResource` the QR image is referenced by that name.
    static QString html(const LoadedCatalog& catalog, const hall::catalog::ServiceItem& item,
                        const QString& qrResource = {});
};

/// The queue slip after a ticket is issued. Carries no personal data.
class TicketSlip {
    Q_DECLARE_TR_FUNCTIONS(kiosk::TicketSlip)
public:
    static QString html(const hall::IssueTicketOk& ticket, const QString& queueName,
                        const QDateTime& issuedAt, const QString& qrResource = {});
    /// What the slip's QR code carries: "HALL-TICKET <number> <date>".
    static QByteArray qrText(const hall::IssueTicketOk& ticket, const QDateTime& issuedAt);
};

/// Prints rich text to a PDF file (A4 for a guide, or a narrow slip page). Errors name the file.
hall::Status printToPdf(QTextDocument& document, const QString& fileName, bool slip);
/// Prints to the system's default printer; NotFound when none is configured.
hall::Status printToDefaultPrinter(QTextDocument& document, bool slip);
/// A text document with `html` in the application's fonts at `pointSize` (paper is read close up, so
/// smaller than on screen) and the QR image registered under `qrResource`.
std::unique_ptr<QTextDocument> makeDocument(const QString& html, const QString& qrResource, const QImage& qr,
                                            qreal pointSize = 11);

} // namespace kiosk
