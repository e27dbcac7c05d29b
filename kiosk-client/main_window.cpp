#include "main_window.h"

#include "guide_document.h"
#include "kiosk_backend.h"
#include "qtapp/language.h"
#include "screens.h"
#include "ticket_flow.h"
#include "touchui/idle_watcher.h"
#include "touchui/status_banner.h"
#include "touchui/theme.h"
#include "touchui/tile_grid.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcKiosk, "hall.kiosk")

namespace kiosk {

using hall::catalog::Category;
using hall::touch::Tile;

namespace {

QString categoryTitle(Category category) {
    switch (category) {
    case Category::Licence:
        return MainWindow::tr("Licences and permits");
    case Category::Payment:
        return MainWindow::tr("Benefits and payments");
    case Category::Confirmation:
        return MainWindow::tr("Confirmations and registrations");
    case Category::Award:
        return MainWindow::tr("Awards");
    case Category::Adjudication:
        return MainWindow::tr("Adjudications");
    case Category::OtherPower:
        return MainWindow::tr("Filings and other matters");
    case Category::PublicService:
        return MainWindow::tr("Public services");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(KioskBackend* backend, CatalogSync* sync, hall::qt::LanguageManager* languages,
                       KioskOptions options, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_sync(sync), m_languages(languages),
      m_options(std::move(options)) {
    m_flow = new TicketFlow(backend, this);
    auto* layout = new QVBoxLayout(this);
    // The screens adapt to portrait or landscape on resize; the window takes the size it is given.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    const int spacing = hall::touch::Theme::current().metrics().spacing;
    layout->setContentsMargins(spacing, spacing, spacing, spacing);
    layout->setSpacing(spacing);
    m_banner = new hall::touch::StatusBanner(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    m_home = new QWidget(m_stack);
    auto* homeLayout = new QVBoxLayout(m_home);
    m_homeTitle = new QLabel(m_home);
    QFont titleFont = hall::touch::Theme::current().font(hall::touch::TextRole::Title);
    titleFont.setPointSize(titleFont.pointSize() + 12);
    m_homeTitle->setFont(titleFont);
    m_homeTitle->setAlignment(Qt::AlignCenter);
    m_homeTitle->setWordWrap(true);
    m_homeSubtitle = new QLabel(m_home);
    m_homeSubtitle->setFont(hall::touch::Theme::current().font(hall::touch::TextRole::Body));
    m_homeSubtitle->setAlignment(Qt::AlignCenter);
    m_homeSubtitle->setWordWrap(true);
    m_homeTiles = new hall::touch::TileGrid(m_home);
    m_homeTiles->setColumnCount(1);
    homeLayout->addStretch(1);
    homeLayout->addWidget(m_homeTitle);
    homeLayout->addWidget(m_homeSubtitle);
    homeLayout->addWidget(m_homeTiles, 4);
    homeLayout->addStretch(1);

    m_guideMenu = new TileScreen(m_stack);
    m_departments = new TileScreen(m_stack);
    m_items = new ItemListScreen(m_stack);
    m_search = new SearchScreen(m_stack);
    m_guide = new GuideScreen(m_stack);
    m_ticketFloors = new TileScreen(m_stack);
    m_ticketQueues = new TileScreen(m_stack);
    m_ticket = new TicketScreen(m_flow, m_stack);
    for (QWidget* screen : {m_home, static_cast<QWidget*>(m_guideMenu), static_cast<QWidget*>(m_departments),
                            static_cast<QWidget*>(m_items), static_cast<QWidget*>(m_search),
                            static_cast<QWidget*>(m_guide), static_cast<QWidget*>(m_ticketFloors),
                            static_cast<QWidget*>(m_ticketQueues), static_cast<QWidget*>(m_ticket)})
        m_stack->addWidget(screen);

    auto wireHeader = [this](ScreenHeader* header) {
        connect(header, &ScreenHeader::backPressed, this, &MainWindow::goBack);
        connect(header, &ScreenHeader::homePressed, this, &MainWindow::showHome);
    };
    wireHeader(m_guideMenu->header());
    wireHeader(m_departments->header());
    wireHeader(m_items->header());
    wireHeader(m_search->header());
    wireHeader(m_guide->header());
    wireHeader(m_ticketFloors->header());
    wireHeader(m_ticketQueues->header());
    wireHeader(m_ticket->header());

    connect(m_homeTiles, &hall::touch::TileGrid::tileActivated, this, [this](const QString& id) {
        if (id == u"guide")
            showGuideMenu();
        else if (id == u"search")
            showSearch();
        else if (id == u"ticket")
            showFloorsForTicket();
        else if (id == u"language" && m_languages)
            (void)m_languages->setLanguage(m_languages->language() == hall::qt::Language::English
                                               ? hall::qt::Language::SimplifiedChinese
                                               : hall::qt::Language::English);
    });
    connect(m_guideMenu->grid(), &hall::touch::TileGrid::tileActivated, this, [this](const QString& id) {
        if (id == u"search")
            showSearch();
        else if (id.startsWith(u"floor:"))
            showDepartments(id.mid(6).toInt());
        else if (id.startsWith(u"category:"))
            showItemsOfCategory(id.mid(9).toInt());
    });
    connect(m_departments->grid(), &hall::touch::TileGrid::tileActivated, this,
            &MainWindow::showItemsOfDepartment);
    connect(m_items, &ItemListScreen::itemChosen, this, &MainWindow::showGuide);
    connect(m_search, &SearchScreen::itemChosen, this, &MainWindow::showGuide);
    connect(m_guide, &GuideScreen::printRequested, this, [this](const QString& code) {
        auto printed = printGuide(code);
        if (!printed)
            m_guide->setPrintMessage(tr("Printing failed. Please ask at the information desk."));
        else if (printed->isEmpty())
            m_guide->setPrintMessage(tr("Printed. Please take the paper below."));
        else
            m_guide->setPrintMessage(
                tr("No printer is connected here; the guide was saved for staff to print."));
    });
    connect(m_guide, &GuideScreen::takeNumberRequested, this, [this](const QString& code) {
        auto catalog = m_sync->current();
        QString prefix;
        if (catalog) {
            const auto queues = catalog->catalog.queuesOfItem(code.toStdString());
            if (!queues.empty())
                prefix = QString::fromStdString(queues.front()->prefix);
        }
        showTicketEntry(prefix, code);
    });
    connect(m_ticketFloors->grid(), &hall::touch::TileGrid::tileActivated, this,
            [this](const QString& id) { showQueuesOnFloor(id.toInt()); });
    connect(m_ticketQueues->grid(), &hall::touch::TileGrid::tileActivated, this,
            [this](const QString& prefix) { showTicketEntry(prefix, {}); });
    connect(m_ticket, &TicketScreen::printRequested, this, [this] {
        if (!printSlip())
            qCWarning(lcKiosk, "slip not printed");
    });
    connect(m_ticket, &TicketScreen::finished, this, &MainWindow::showHome);

    connect(m_sync, &CatalogSync::catalogChanged, this, [this] {
        m_search->setCatalog(m_sync->current());
        // A screen showing the old version's lists goes home; a guide page shows the new text.
        if (m_stack->currentWidget() == m_guide)
            m_guide->showItem(m_sync->current(), m_guide->itemCode());
        else if (m_stack->currentWidget() != m_home && m_stack->currentWidget() != m_ticket &&
                 m_stack->currentWidget() != m_search)
            showHome();
        retranslate();
    });
    connect(m_backend, &KioskBackend::onlineChanged, this, &MainWindow::updateOnline);
    connect(m_flow, &TicketFlow::availabilityChanged, this,
            [this] { m_guide->setTicketAvailable(m_backend->isOnline()); });

    m_idle = new hall::touch::IdleWatcher(std::chrono::seconds(m_options.idleSeconds), this);
    m_idle->setWarningLead(std::chrono::seconds(m_options.idleWarningSeconds));
    connect(m_idle, &hall::touch::IdleWatcher::warning, this, [this] {
        if (m_stack->currentWidget() != m_home)
            m_banner->showMessage(hall::touch::StatusBanner::Level::Info,
                                  tr("Still there? Touch the screen to continue."));
    });
    connect(m_idle, &hall::touch::IdleWatcher::activity, this, &MainWindow::updateOnline);
    connect(m_idle, &hall::touch::IdleWatcher::idle, this, &MainWindow::showHome);
    m_idle->start();

    m_search->setCatalog(m_sync->current());
    retranslate();
    showHome();
}

QWidget* MainWindow::currentScreen() const {
    return m_stack->currentWidget();
}

void MainWindow::goTo(QWidget* screen) {
    if (m_stack->currentWidget() != screen)
        m_history.append(m_stack->currentWidget());
    m_stack->setCurrentWidget(screen);
}

void MainWindow::goBack() {
    if (m_history.isEmpty()) {
        showHome();
        return;
    }
    QWidget* previous = m_history.takeLast();
    if (previous == m_home)
        showHome();
    else
        m_stack->setCurrentWidget(previous);
}

void MainWindow::showHome() {
    m_history.clear();
    m_flow->reset();
    m_search->clear();
    m_stack->setCurrentWidget(m_home);
    updateOnline();
}

void MainWindow::showGuideMenu() {
    QList<Tile> tiles;
    if (auto catalog = m_sync->current()) {
        for (const auto& floor : catalog->catalog.floors())
            if (!catalog->catalog.departmentsOnFloor(floor.number).empty())
                tiles.append({QStringLiteral("floor:%1").arg(floor.number),
                              tr("Floor %1").arg(floor.number),
                              QString::fromStdString(floor.name),
                              {},
                              {}});
        for (Category category : hall::catalog::kAllCategories) {
            const auto items = itemsOfCategory(catalog->catalog, category);
            if (!items.empty())
                tiles.append({QStringLiteral("category:%1").arg(int(category)),
                              categoryTitle(category),
                              tr("%n service(s)", nullptr, int(items.size())),
                              {},
                              {}});
        }
    }
    tiles.append({QStringLiteral("search"), tr("Search"), tr("By words or pinyin initials"), {}, {}});
    m_guideMenu->grid()->setTiles(tiles);
    m_guideMenu->header()->setTitle(tr("Service guide"));
    m_guideMenu->hint()->setText(tiles.size() > 1 ? tr("Choose a floor or a kind of service.")
                                                  : tr("The service guide is not available yet."));
    goTo(m_guideMenu);
}

void MainWindow::showDepartments(int floor) {
    QList<Tile> tiles;
    if (auto catalog = m_sync->current())
        for (const auto* department : catalog->catalog.departmentsOnFloor(floor)) {
            const auto items = itemsOfDepartment(catalog->catalog, department->id);
            tiles.append({QString::fromStdString(department->id),
                          QString::fromStdString(department->name),
                          tr("%n service(s)", nullptr, int(items.size())),
                          {},
                          {}});
        }
    m_departments->grid()->setTiles(tiles);
    m_departments->header()->setTitle(tr("Floor %1: departments").arg(floor));
    m_departments->hint()->setText(tr("Choose a department."));
    goTo(m_departments);
}

void MainWindow::showItemsOfDepartment(const QString& departmentId) {
    auto catalog = m_sync->current();
    if (!catalog)
        return;
    const auto* department = catalog->catalog.department(departmentId.toStdString());
    m_items->model()->setItems(catalog, itemsOfDepartment(catalog->catalog, departmentId.toStdString()));
    m_items->header()->setTitle(department ? QString::fromStdString(department->name) : QString());
    goTo(m_items);
}

void MainWindow::showItemsOfCategory(int category) {
    auto catalog = m_sync->current();
    const auto parsed = hall::catalog::categoryFromCode(category);
    if (!catalog || !parsed)
        return;
    m_items->model()->setItems(catalog, itemsOfCategory(catalog->catalog, *parsed));
    m_items->header()->setTitle(categoryTitle(*parsed));
    goTo(m_items);
}

void MainWindow::showSearch() {
    m_search->setCatalog(m_sync->current());
    goTo(m_search);
}

void MainWindow::showGuide(const QString& code) {
    m_guide->showItem(m_sync->current(), code);
    m_guide->setTicketAvailable(m_backend->isOnline());
    goTo(m_guide);
}

void MainWindow::showFloorsForTicket() {
    QList<Tile> tiles;
    if (auto catalog = m_sync->current()) {
        for (const auto& floor : catalog->catalog.floors()) {
            bool hasQueue = false;
            for (const auto& queue : catalog->catalog.queues())
                hasQueue = hasQueue || queue.floor == floor.number;
            if (hasQueue)
                tiles.append({QString::number(floor.number),
                              tr("Floor %1").arg(floor.number),
                              QString::fromStdString(floor.name),
                              {},
                              {}});
        }
    }
    m_ticketFloors->grid()->setTiles(tiles);
    m_ticketFloors->header()->setTitle(tr("Take a number: choose the floor"));
    m_ticketFloors->hint()->setText(m_backend->isOnline() ? QString() : m_flow->unavailableReason());
    goTo(m_ticketFloors);
}

void MainWindow::showQueuesOnFloor(int floor) {
    m_ticketFloor = floor;
    QList<Tile> tiles;
    if (auto catalog = m_sync->current())
        for (const auto& queue : catalog->catalog.queues())
            if (queue.floor == floor)
                tiles.append({QString::fromStdString(queue.prefix),
                              QString::fromStdString(queue.name),
                              tr("Numbers start with %1").arg(QString::fromStdString(queue.prefix)),
                              {},
                              {}});
    m_ticketQueues->grid()->setTiles(tiles);
    m_ticketQueues->header()->setTitle(tr("Floor %1: choose the service").arg(floor));
    m_ticketQueues->hint()->setText(m_backend->isOnline() ? QString() : m_flow->unavailableReason());
    goTo(m_ticketQueues);
}

void MainWindow::showTicketEntry(const QString& queuePrefix, const QString& itemCode) {
    m_flow->reset();
    QString name;
    if (auto catalog = m_sync->current()) {
        if (const auto* item = catalog->catalog.item(itemCode.toStdString()))
            name = QString::fromStdString(item->name);
        else if (const auto* queue = catalog->catalog.queue(queuePrefix.toStdString()))
            name = QString::fromStdString(queue->name);
    }
    m_flow->setQueue(queuePrefix, name);
    m_flow->setItem(itemCode);
    m_ticket->showEntry();
    goTo(m_ticket);
}

hall::Result<QString> MainWindow::printGuide(const QString& code) {
    auto catalog = m_sync->current();
    const auto* item = catalog ? catalog->catalog.item(code.toStdString()) : nullptr;
    if (!item)
        return hall::Error{hall::ErrorCode::NotFound, "no such item"};
    const QString qrName = QStringLiteral("qr://guide");
    auto document = makeDocument(GuideDocument::html(*catalog, *item, qrName), qrName,
                                 makeQrCode(guideQrText(*catalog, *item)));
    document->setMetaInformation(QTextDocument::DocumentTitle, QString::fromStdString(item->name));
    if (printToDefaultPrinter(*document, false))
        return QString();
    QDir().mkpath(m_options.printDirectory);
    const QString file =
        QDir(m_options.printDirectory)
            .filePath(
                QStringLiteral("guide-%1-%2.pdf")
                    .arg(code, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (auto printed = printToPdf(*document, file, false); !printed)
        return printed.error();
    return file;
}

hall::Result<QString> MainWindow::printSlip() {
    if (!m_flow->ticket())
        return hall::Error{hall::ErrorCode::InvalidState, "no ticket"};
    const QString qrName = QStringLiteral("qr://ticket");
    auto document =
        makeDocument(TicketSlip::html(*m_flow->ticket(), m_flow->queueName(), m_flow->issuedAt(), qrName),
                     qrName, makeQrCode(TicketSlip::qrText(*m_flow->ticket(), m_flow->issuedAt())), 9);
    if (printToDefaultPrinter(*document, true))
        return QString();
    QDir().mkpath(m_options.printDirectory);
    const QString file =
        QDir(m_options.printDirectory)
            .filePath(
                QStringLiteral("slip-%1.pdf").arg(QString::fromStdString(m_flow->ticket()->ticket.number)));
    if (auto printed = printToPdf(*document, file, true); !printed)
        return printed.error();
    return file;
}

void MainWindow::updateOnline() {
    if (!m_backend->isOnline()) {
        if (m_sync->current())
            m_banner->showMessage(hall::touch::StatusBanner::Level::Warning,
                                  tr("Offline: the guide shows saved information. Numbers cannot be taken "
                                     "right now."));
        else
            m_banner->showMessage(hall::touch::StatusBanner::Level::Error,
                                  tr("Offline: no service guide is saved on this kiosk yet."));
    } else if (!m_sync->current()) {
        m_banner->showMessage(hall::touch::StatusBanner::Level::Info, tr("Loading the service guide…"));
    } else {
        m_banner->clearMessage();
    }
    m_guide->setTicketAvailable(m_backend->isOnline());
}

void MainWindow::rebuildHomeTiles() {
    const bool english = m_languages && m_languages->language() == hall::qt::Language::English;
    m_homeTiles->setTiles({
        {QStringLiteral("guide"),
         tr("Service guide"),
         tr("What to bring, where to go, how long it takes"),
         {},
         {}},
        {QStringLiteral("search"), tr("Search"), tr("Find a service by words or pinyin initials"), {}, {}},
        {QStringLiteral("ticket"), tr("Take a number"), tr("Queue for a window"), {}, {}},
        // Each language names itself, so a reader of the other one finds the way back.
        english
            ? Tile{QStringLiteral("language"), QStringLiteral("中文"), QStringLiteral("切换到中文"), {}, {}}
            : Tile{QStringLiteral("language"),
                   QStringLiteral("English"),
                   QStringLiteral("Switch to English"),
                   {},
                   {}},
    });
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    m_homeTiles->setColumnCount(width() > height() ? 2 : 1);
    QWidget::resizeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MainWindow::retranslate() {
    const auto catalog = m_sync->current();
    m_homeTitle->setText(catalog ? QString::fromStdString(catalog->catalog.hall().name) : tr("Service hall"));
    m_homeSubtitle->setText(tr("Touch a button below to begin."));
    rebuildHomeTiles();
    updateOnline();
}

} // namespace kiosk
