#pragma once
#include "catalog_sync.h"
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace hall::qt {
class LanguageManager;
}

namespace hall::touch {
class IdleWatcher;
class StatusBanner;
class TileGrid;
} // namespace hall::touch

namespace kiosk {

class GuideScreen;
class ItemListScreen;
class KioskBackend;
class SearchScreen;
class TicketFlow;
class TicketScreen;
class TileScreen;

/// Where printouts go when no printer is configured, and how long the kiosk waits before going home.
struct KioskOptions {
    QString printDirectory;
    int idleSeconds = 90;
    int idleWarningSeconds = 15;
};

/// The kiosk's screens over the catalog and the ticket flow: home, guide menu (by floor or category),
/// departments, item lists, search, a guide page and taking a number. Goes home after inactivity.
class MainWindow : public QWidget {
    Q_OBJECT
public:
    MainWindow(KioskBackend* backend, CatalogSync* sync, hall::qt::LanguageManager* languages,
               KioskOptions options, QWidget* parent = nullptr);

    void showHome();
    void showSearch();
    void showGuide(const QString& code);
    /// The ticket screen for a queue (the item is optional: from a guide page).
    void showTicketEntry(const QString& queuePrefix, const QString& itemCode);
    void showFloorsForTicket();

    /// Prints the guide to the configured printer or, without one, to a PDF in the print directory.
    /// The file written (empty when a printer took it) or the error.
    hall::Result<QString> printGuide(const QString& code);
    hall::Result<QString> printSlip();

    TicketFlow* ticketFlow() const { return m_flow; }
    SearchScreen* searchScreen() const { return m_search; }
    GuideScreen* guideScreen() const { return m_guide; }
    TicketScreen* ticketScreen() const { return m_ticket; }
    hall::touch::StatusBanner* banner() const { return m_banner; }
    QWidget* currentScreen() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void updateOnline();
    void rebuildHomeTiles();
    void showGuideMenu();
    void showDepartments(int floor);
    void showItemsOfDepartment(const QString& departmentId);
    void showItemsOfCategory(int category);
    void showQueuesOnFloor(int floor);
    void goTo(QWidget* screen);
    void goBack();

    KioskBackend* m_backend;
    CatalogSync* m_sync;
    hall::qt::LanguageManager* m_languages;
    KioskOptions m_options;
    TicketFlow* m_flow;
    hall::touch::StatusBanner* m_banner;
    hall::touch::IdleWatcher* m_idle;
    QStackedWidget* m_stack;
    QWidget* m_home;
    hall::touch::TileGrid* m_homeTiles;
    QLabel* m_homeTitle;
    QLabel* m_homeSubtitle;
    TileScreen* m_guideMenu;
    TileScreen* m_departments;
    ItemListScreen* m_items;
    SearchScreen* m_search;
    GuideScreen* m_guide;
    TileScreen* m_ticketFloors;
    TileScreen* m_ticketQueues;
    TicketScreen* m_ticket;
    QList<QWidget*> m_history;
    int m_ticketFloor = 0;
};

} // namespace kiosk
