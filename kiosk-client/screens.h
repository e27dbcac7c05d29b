#pragma once
#include "catalog_sync.h"
#include "item_list_model.h"
#include <QWidget>

class QBoxLayout;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTextBrowser;
class QStackedWidget;

namespace hall::touch {
class NumericKeypad;
class OnScreenKeyboard;
class TileGrid;
class TouchButton;
} // namespace hall::touch

namespace kiosk {

class TicketFlow;

/// A screen's top bar: a back button, a home button and the title.
class ScreenHeader : public QWidget {
    Q_OBJECT
public:
    explicit ScreenHeader(QWidget* parent = nullptr);
    void setTitle(const QString& title);
    void setBackVisible(bool visible);

Q_SIGNALS:
    void backPressed();
    void homePressed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QPushButton* m_back;
    QPushButton* m_home;
    QLabel* m_title;
};

/// A page of big tiles (floors, departments, categories, queues) under a header.
class TileScreen : public QWidget {
    Q_OBJECT
public:
    explicit TileScreen(QWidget* parent = nullptr);
    ScreenHeader* header() const { return m_header; }
    hall::touch::TileGrid* grid() const { return m_grid; }
    QLabel* hint() const { return m_hint; }

private:
    ScreenHeader* m_header;
    QLabel* m_hint;
    hall::touch::TileGrid* m_grid;
};

/// A flickable list of service items under a header.
class ItemListScreen : public QWidget {
    Q_OBJECT
public:
    explicit ItemListScreen(QWidget* parent = nullptr);
    ScreenHeader* header() const { return m_header; }
    ItemListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }

Q_SIGNALS:
    void itemChosen(const QString& code);

private:
    ScreenHeader* m_header;
    ItemListModel* m_model;
    QListView* m_view;
};

/// Search by words or pinyin initials with the on-screen keyboard; results follow every key.
class SearchScreen : public QWidget {
    Q_OBJECT
public:
    explicit SearchScreen(QWidget* parent = nullptr);
    ScreenHeader* header() const { return m_header; }
    SearchModel* model() const { return m_model; }
    QLineEdit* field() const { return m_field; }
    void setCatalog(CatalogHandle catalog);
    void clear();

Q_SIGNALS:
    void itemChosen(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateCount();
    ScreenHeader* m_header;
    QLineEdit* m_field;
    QLabel* m_count;
    SearchModel* m_model;
    QListView* m_view;
    hall::touch::OnScreenKeyboard* m_keyboard;
};

/// One item's service guide, with its QR code, "print" and "take a number for this".
class GuideScreen : public QWidget {
    Q_OBJECT
public:
    explicit GuideScreen(QWidget* parent = nullptr);
    ScreenHeader* header() const { return m_header; }
    void showItem(CatalogHandle catalog, const QString& code);
    QString itemCode() const { return m_code; }
    QTextBrowser* browser() const { return m_text; }
    void setTicketAvailable(bool available);
    void setPrintMessage(const QString& message);

Q_SIGNALS:
    void printRequested(const QString& code);
    void takeNumberRequested(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    ScreenHeader* m_header;
    QTextBrowser* m_text;
    QLabel* m_qr;
    QLabel* m_qrCaption;
    QLabel* m_printMessage;
    hall::touch::TouchButton* m_print;
    hall::touch::TouchButton* m_takeNumber;
    CatalogHandle m_catalog;
    QString m_code;
};

/// Taking a number once the queue is chosen: the optional mobile number, the button, then the ticket.
class TicketScreen : public QWidget {
    Q_OBJECT
public:
    TicketScreen(TicketFlow* flow, QWidget* parent = nullptr);
    ScreenHeader* header() const { return m_header; }
    hall::touch::TouchButton* issueButton() const { return m_issue; }
    QLineEdit* mobileField() const { return m_mobile; }
    QLabel* numberLabel() const { return m_number; }
    /// Shows the entry page for the flow's current choice.
    void showEntry();

Q_SIGNALS:
    void printRequested();
    void finished();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void updateAvailability();
    void showTicket();
    void setCardMode(bool card);
    TicketFlow* m_flow;
    bool m_cardMode = false;
    hall::touch::TouchButton* m_switchMode;
    ScreenHeader* m_header;
    QStackedWidget* m_pages;
    QBoxLayout* m_entryBody;
    QVBoxLayout* m_fieldColumn;
    QLabel* m_choice;
    QLabel* m_mobileHint;
    QLineEdit* m_mobile;
    hall::touch::NumericKeypad* m_keypad;
    QLabel* m_status;
    hall::touch::TouchButton* m_issue;
    QLabel* m_numberCaption;
    QLabel* m_number;
    QLabel* m_details;
    hall::touch::TouchButton* m_printSlip;
    hall::touch::TouchButton* m_done;
};

} // namespace kiosk
