#include "guide_document.h"

#include "present/call_text.h"
#include "present/money.h"
#include "present/window_id.h"
#include "qtapp/application_setup.h"

#include <QFileInfo>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QTextDocument>
#include <QUrl>
#include <map>
#include <qrencode.h>

namespace kiosk {

using hall::catalog::ServiceItem;

hall::present::Language presentLanguage() {
    return QLocale().language() == QLocale::Chinese ? hall::present::Language::Chinese
                                                    : hall::present::Language::English;
}

QImage makeQrCode(const QByteArray& text, int moduleSize) {
    QRcode* code = QRcode_encodeData(
        int(text.size()), reinterpret_cast<const unsigned char*>(text.constData()), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    constexpr int kQuiet = 4;
    const int side = (code->width + 2 * kQuiet) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + kQuiet) * moduleSize, (y + kQuiet) * moduleSize, moduleSize, moduleSize,
                                 Qt::black);
    painter.end();
    QRcode_free(code);
    return image;
}

namespace {

QString windowName(const std::string& id) {
    auto parsed = hall::present::parseWindowId(id);
    if (!parsed)
        return QString::fromStdString(id);
    return QString::fromStdString(hall::present::windowDisplayName(*parsed, presentLanguage()));
}

QString escaped(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

} // namespace

QString GuideDocument::whereToGo(const LoadedCatalog& catalog, const ServiceItem& item) {
    std::map<int, QStringList> byFloor;
    for (const auto& id : item.windows)
        if (const auto* window = catalog.catalog.window(id))
            byFloor[window->floor].append(windowName(id));
    QStringList parts;
    for (const auto& [floor, windows] : byFloor)
        parts.append(tr("%1: %2").arg(
            QString::fromStdString(hall::present::floorName(std::uint8_t(floor), presentLanguage())),
            windows.join(tr(", "))));
    return parts.join(tr("; "));
}

QByteArray guideQrText(const LoadedCatalog& catalog, const ServiceItem& item) {
    QString text =
        QStringLiteral("HALL-GUIDE %1 v%2\n").arg(QString::fromStdString(item.code)).arg(catalog.version);
    text += QString::fromStdString(item.name) + u'\n';
    text += GuideDocument::whereToGo(catalog, item) + u'\n';
    if (item.kind == hall::catalog::ItemKind::OnTheSpot)
        text += GuideDocument::tr("Decided on the spot");
    else
        text += GuideDocument::tr("Promised: %n working day(s)", nullptr, item.limits.promisedDays);
    return text.toUtf8();
}

QString GuideDocument::html(const LoadedCatalog& catalog, const ServiceItem& item,
                            const QString& qrResource) {
    const QString defaultMark = QStringLiteral(" <span style=\"color:#8a4b00\">%1</span>")
                                    .arg(tr("[default: not confirmed by the department]").toHtmlEscaped());
    auto mark = [&](bool isDefault) {
        return isDefault ? defaultMark : QString();
    };
    auto row = [](const QString& label, const QString& value) {
        return QStringLiteral(
                   "<tr><td style=\"padding:6px 16px 6px 0\"><b>%1</b></td><td style=\"padding:6px "
                   "0\">%2</td></tr>")
            .arg(label.toHtmlEscaped(), value);
    };
    const auto* department = catalog.catalog.department(item.department);

    QString out = QStringLiteral("<h1>%1</h1>").arg(escaped(item.name));
    out += QStringLiteral("<table>");
    out += row(tr("Department"), department ? escaped(department->name) : QString());
    out += row(tr("Where to go"), whereToGo(catalog, item).toHtmlEscaped());
    out += row(tr("Item code"), escaped(item.code));
    out +=
        row(tr("Type"), (item.kind == hall::catalog::ItemKind::OnTheSpot ? tr("Decided on the spot")
                                                                         : tr("Promised within a time limit"))
                                .toHtmlEscaped() +
                            mark(item.defaults.kind));
    out += row(tr("Statutory limit"),
               tr("%n working day(s)", nullptr, item.limits.statutoryDays).toHtmlEscaped() +
                   mark(item.defaults.limits));
    out += row(tr("Promised limit"),
               (item.limits.promisedDays == 0 ? tr("Same day")
                                              : tr("%n working day(s)", nullptr, item.limits.promisedDays))
                       .toHtmlEscaped() +
                   mark(item.defaults.limits));
    QString fee = item.fee.fen == 0 ? tr("Free of charge") : QString();
    if (item.fee.fen != 0) {
        auto money = hall::present::Money::fromFen(item.fee.fen);
        fee = money ? QString::fromStdString(hall::present::formatMoney(*money))
                    : QString::number(item.fee.fen);
    }
    if (!item.fee.basis.empty())
        fee += tr(" (basis: %1)").arg(QString::fromStdString(item.fee.basis));
    out += row(tr("Fee"), fee.toHtmlEscaped() + mark(item.defaults.fee));
    out += row(tr("Apply online"),
               (item.online ? tr("Yes, also online") : tr("No, at the window only")).toHtmlEscaped() +
                   mark(item.defaults.online));
    if (!item.limits.basis.empty())
        out += row(tr("Legal basis"), escaped(item.limits.basis));
    out += QStringLiteral("</table>");

    out += QStringLiteral("<h2>%1%2</h2>")
               .arg(tr("Materials to bring").toHtmlEscaped(), mark(item.defaults.materials));
    if (item.materials.empty()) {
        out += QStringLiteral("<p>%1</p>").arg(tr("No materials are listed.").toHtmlEscaped());
    } else {
        out += QStringLiteral("<ol>");
        for (const auto& material : item.materials) {
            QString form;
            switch (material.form) {
            case hall::catalog::MaterialForm::Original:
                form = tr("original");
                break;
            case hall::catalog::MaterialForm::Copy:
                form = tr("copy");
                break;
            case hall::catalog::MaterialForm::OriginalAndCopy:
                form = tr("original and copy");
                break;
            }
            out +=
                QStringLiteral("<li>%1 <i>%2</i></li>")
                    .arg(escaped(material.name), tr("(%1, %2)")
                                                     .arg(form, tr("%n copy(ies)", nullptr, material.copies))
                                                     .toHtmlEscaped());
        }
        out += QStringLiteral("</ol>");
    }
    if (!qrResource.isEmpty())
        out += QStringLiteral("<p><img src=\"%1\" width=\"180\" height=\"180\"><br>%2</p>")
                   .arg(qrResource, tr("Scan to keep this guide on your phone.").toHtmlEscaped());
    return out;
}

QString TicketSlip::html(const hall::IssueTicketOk& ticket, const QString& queueName,
                         const QDateTime& issuedAt, const QString& qrResource) {
    const auto language = presentLanguage();
    QStringList windows;
    for (const auto& id : ticket.windows)
        windows.append(windowName(id));
    QString out = QStringLiteral("<div align=\"center\">");
    out += QStringLiteral("<p>%1</p>").arg(tr("Sunshine Hall queue ticket").toHtmlEscaped());
    out += QStringLiteral("<p style=\"font-size:36pt\"><b>%1</b></p>").arg(escaped(ticket.ticket.number));
    out += QStringLiteral("<p>%1</p>").arg(queueName.toHtmlEscaped());
    out += QStringLiteral("<p>%1</p>")
               .arg(QString::fromStdString(hall::present::peopleAheadText(ticket.peopleAhead, language))
                        .toHtmlEscaped());
    const std::optional<std::chrono::seconds> wait =
        ticket.estimatedWaitS > 0 ? std::optional(std::chrono::seconds(ticket.estimatedWaitS)) : std::nullopt;
    out += QStringLiteral("<p>%1</p>")
               .arg(tr("Estimated wait: %1")
                        .arg(QString::fromStdString(hall::present::formatWaitEstimate(wait, language)))
                        .toHtmlEscaped());
    out += QStringLiteral("<p>%1</p>").arg(tr("Windows: %1").arg(windows.join(tr(", "))).toHtmlEscaped());
    out +=
        QStringLiteral("<p>%1</p>")
            .arg(
                tr("Taken at %1").arg(issuedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))).toHtmlEscaped());
    if (!qrResource.isEmpty())
        out += QStringLiteral("<p><img src=\"%1\" width=\"140\" height=\"140\"></p>").arg(qrResource);
    out += QStringLiteral("<p>%1</p>").arg(tr("Please wait for your number to be called.").toHtmlEscaped());
    out += QStringLiteral("</div>");
    return out;
}

QByteArray TicketSlip::qrText(const hall::IssueTicketOk& ticket, const QDateTime& issuedAt) {
    return QStringLiteral("HALL-TICKET %1 %2")
        .arg(QString::fromStdString(ticket.ticket.number), issuedAt.toString(QStringLiteral("yyyy-MM-dd")))
        .toUtf8();
}

std::unique_ptr<QTextDocument> makeDocument(const QString& html, const QString& qrResource, const QImage& qr,
                                            qreal pointSize) {
    auto document = std::make_unique<QTextDocument>();
    // Latin letters and digits from DejaVu Sans, Han characters from the SC face: Qt writes no text
    // layer for the CJK face's digits, and a PDF without them cannot be searched or read aloud.
    QFont font = hall::qt::applicationFont(pointSize);
    font.setFamilies(QStringList{QStringLiteral("DejaVu Sans")} + hall::qt::applicationFontFamilies());
    document->setDefaultFont(font);
    if (!qrResource.isEmpty() && !qr.isNull())
        document->addResource(QTextDocument::ImageResource, QUrl(qrResource), qr);
    document->setHtml(html);
    return document;
}

namespace {

QPageSize pageSize(bool slip) {
    // An 80 mm thermal roll for slips; A4 for guides.
    return slip ? QPageSize(QSizeF(80, 150), QPageSize::Millimeter, QStringLiteral("slip"))
                : QPageSize(QPageSize::A4);
}

} // namespace

namespace {

/// Lays the document out in pages of the device's printable area and paints them one by one. The layout
/// runs at 96 dots per inch and the painter scales it to the device, so type has its nominal size on
/// paper whatever the device's resolution.
hall::Status paintDocument(QTextDocument& document, QPagedPaintDevice& device) {
    constexpr qreal kLayoutDpi = 96.0;
    const QRectF printable = device.pageLayout().paintRect(QPageLayout::Millimeter);
    const QSizeF pageSize(printable.width() / 25.4 * kLayoutDpi, printable.height() / 25.4 * kLayoutDpi);
    document.setPageSize(pageSize);
    QPainter painter;
    if (!painter.begin(&device))
        return hall::Error{hall::ErrorCode::Unavailable, "cannot start painting on the printer or file"};
    const QRect target = device.pageLayout().paintRectPixels(device.logicalDpiX());
    const qreal scale = target.width() / pageSize.width();
    for (int page = 0; page < document.pageCount(); ++page) {
        if (page > 0 && !device.newPage())
            return hall::Error{hall::ErrorCode::Unavailable, "cannot start a new page"};
        painter.save();
        painter.scale(scale, scale);
        painter.translate(0, -page * pageSize.height());
        document.drawContents(&painter, QRectF(QPointF(0, page * pageSize.height()), pageSize));
        painter.restore();
    }
    painter.end();
    return hall::success();
}

} // namespace

hall::Status printToPdf(QTextDocument& document, const QString& fileName, bool slip) {
    {
        QPdfWriter writer(fileName);
        writer.setResolution(300);
        if (!writer.setPageSize(pageSize(slip)))
            return hall::Error{hall::ErrorCode::Internal, "cannot set the page size"};
        writer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout::Millimeter);
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("kiosk-client"));
        if (auto painted = paintDocument(document, writer); !painted)
            return painted;
    }
    if (!QFileInfo(fileName).exists() || QFileInfo(fileName).size() == 0)
        return hall::Error{hall::ErrorCode::Unavailable, "cannot write " + fileName.toStdString()};
    return hall::success();
}

hall::Status printToDefaultPrinter(QTextDocument& document, bool slip) {
    const QPrinterInfo info = QPrinterInfo::defaultPrinter();
    if (info.isNull())
        return hall::Error{hall::ErrorCode::NotFound, "no printer is configured"};
    QPrinter printer(info, QPrinter::HighResolution);
    printer.setPageSize(pageSize(slip));
    printer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout::Millimeter);
    return paintDocument(document, printer);
}

} // namespace kiosk
