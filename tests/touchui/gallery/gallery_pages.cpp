#include "gallery_pages.h"

#include "touchui/confirmation_panel.h"
#include "touchui/kinetic_scrolling.h"
#include "touchui/numeric_keypad.h"
#include "touchui/on_screen_keyboard.h"
#include "touchui/status_banner.h"
#include "touchui/theme.h"
#include "touchui/tile_grid.h"
#include "touchui/touch_button.h"
#include "touchui/touch_item_delegate.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace hall::gallery {

using touch::TextRole;
using touch::Theme;

namespace {

// The gallery's strings live in this context of its own catalog.
struct Gallery {
    Q_DECLARE_TR_FUNCTIONS(Gallery)
};

QLabel* label(const QString& text, TextRole role, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setFont(Theme::current().font(role));
    l->setWordWrap(true);
    return l;
}

// A screen: an edge-to-edge column for banners (`outer`) holding a padded column for the content.
QWidget* screen(QVBoxLayout** layout, QVBoxLayout** outer = nullptr) {
    auto* page = new QWidget;
    page->setProperty("hallRole", QStringLiteral("screen"));
    page->setAutoFillBackground(true);
    auto* edge = new QVBoxLayout(page);
    edge->setContentsMargins(0, 0, 0, 0);
    edge->setSpacing(0);
    *layout = new QVBoxLayout;
    const int spacing = Theme::current().metrics().spacing;
    (*layout)->setContentsMargins(2 * spacing, spacing, 2 * spacing, 2 * spacing);
    (*layout)->setSpacing(spacing);
    edge->addLayout(*layout, 1);
    if (outer)
        *outer = edge;
    return page;
}

// A resident identity number check (GB 11643: 17 digits, then a MOD 11-2 check character), enough to
// show the keypad's three states.
touch::InputCheck checkIdNumber(const QString& text) {
    using State = touch::InputCheck::State;
    if (text.size() < 18)
        return {State::Incomplete,
                Gallery::tr("Enter all 18 characters of the ID number (%1 so far).").arg(text.size())};
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (!text[i].isDigit())
            return {State::Invalid, Gallery::tr("Only the last character may be X.")};
        sum += text[i].digitValue() * weights[i];
    }
    if (text[17] != QLatin1Char(checks[sum % 11]))
        return {State::Invalid,
                Gallery::tr("This ID number is not valid. Please check it and enter it again.")};
    return {State::Acceptable, Gallery::tr("ID number complete.")};
}

QWidget* homePage() {
    QVBoxLayout* layout = nullptr;
    QVBoxLayout* edge = nullptr;
    QWidget* page = screen(&layout, &edge);
    auto* banner = new touch::StatusBanner(page);
    banner->showNotice(touch::StatusBanner::Notice::Offline);
    edge->insertWidget(0, banner);
    layout->addWidget(label(Gallery::tr("Welcome to the Sunshine Service Hall"), TextRole::Title, page));
    auto* hint = label(
        Gallery::tr("Tap the department you need. Ask the staff at the front desk if you are not sure."),
        TextRole::Body, page);
    hint->setProperty("hallRole", QStringLiteral("muted"));
    layout->addWidget(hint);

    auto* grid = new touch::TileGrid(page);
    const QIcon icon = page->style()->standardIcon(QStyle::SP_DirIcon);
    grid->setTiles({
        {QStringLiteral("amr"), QStringLiteral("市场监督管理局"), QStringLiteral("2楼 · 201–212 窗口"), icon,
         QStringLiteral("等候 12 人")},
        {QStringLiteral("hrss"), QStringLiteral("人力资源和社会保障局"), QStringLiteral("2楼 · 213–220 窗口"),
         icon, QStringLiteral("等候 8 人")},
        {QStringLiteral("hsa"), QStringLiteral("医疗保障局"), QStringLiteral("2楼 · 221–226 窗口"), icon, {}},
        {QStringLiteral("hpf"), QStringLiteral("住房公积金管理中心"), QStringLiteral("3楼 · 301–310 窗口"),
         icon, QStringLiteral("等候 3 人")},
        {QStringLiteral("psb"),
         QStringLiteral("公安户政与出入境"),
         QStringLiteral("1楼 · 101–108 窗口"),
         icon,
         {}},
        {QStringLiteral("tax"), QStringLiteral("税务局"), QStringLiteral("3楼 · 311–322 窗口"), icon,
         QStringLiteral("等候 20 人")},
        {QStringLiteral("nr"),
         QStringLiteral("不动产登记中心"),
         QStringLiteral("4楼 · 401–416 窗口"),
         icon,
         {}},
        {QStringLiteral("ca"),
         QStringLiteral("民政（婚姻登记）"),
         QStringLiteral("1楼 · 109–112 窗口"),
         icon,
         {}},
        {QStringLiteral("help"), QStringLiteral("综合咨询"), QStringLiteral("1楼 大厅服务台"), icon, {}},
    });
    layout->addWidget(grid, 1);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(Theme::current().metrics().spacing);
    auto* take = new touch::TouchButton(Gallery::tr("Take a number"), page);
    take->setRole(touch::TouchButton::Role::Primary);
    buttons->addWidget(take);
    buttons->addWidget(new touch::TouchButton(Gallery::tr("Service guides"), page));
    buttons->addWidget(new touch::TouchButton(Gallery::tr("Case progress"), page));
    layout->addLayout(buttons);
    return page;
}

QWidget* searchPage() {
    QVBoxLayout* layout = nullptr;
    QWidget* page = screen(&layout);
    layout->addWidget(label(Gallery::tr("Search for a service"), TextRole::Title, page));
    auto* field = new QLineEdit(page);
    field->setPlaceholderText(Gallery::tr("Pinyin initials, full pinyin or a quick word below"));
    layout->addWidget(field);

    auto* results = new QListWidget(page);
    results->setFont(Theme::current().font(TextRole::Body));
    for (const char* item : {"营业执照设立登记（有限责任公司）", "营业执照变更登记", "营业执照注销登记",
                             "个体工商户营业执照设立", "营业执照遗失补领", "营业执照备案（章程、董事、监事）",
                             "分公司营业执照设立登记", "外商投资企业营业执照设立"})
        results->addItem(QString::fromUtf8(item));
    results->setItemDelegate(new touch::TouchItemDelegate(results));
    touch::enableKineticScrolling(results);
    layout->addWidget(results, 1);

    auto* keyboard = new touch::OnScreenKeyboard(page);
    keyboard->setTarget(field);
    keyboard->setQuickWords({QStringLiteral("营业执照"), QStringLiteral("社保"), QStringLiteral("医保"),
                             QStringLiteral("公积金"), QStringLiteral("户口")});
    layout->addWidget(keyboard);
    // Typed through the keys, as a visitor would.
    for (const char* key : {"y", "y", "z", "z"})
        keyboard->key(QString::fromLatin1(key))->click();
    return page;
}

QWidget* keypadPage() {
    QVBoxLayout* content = nullptr;
    QWidget* page = screen(&content);
    // A keypad wider than a hand span only makes the fingers travel; the column is centred instead.
    auto* column = new QWidget(page);
    column->setMaximumWidth(720);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::current().metrics().spacing);
    auto* centred = new QHBoxLayout;
    centred->addWidget(column);
    content->addLayout(centred, 1);
    layout->addWidget(label(Gallery::tr("Enter the applicant's ID number"), TextRole::Title, column));
    auto* field = new QLineEdit(column);
    field->setMaxLength(18);
    layout->addWidget(field);
    auto* keypad = new touch::NumericKeypad(column);
    keypad->setXEnabled(true);
    keypad->setValidator(checkIdNumber);
    keypad->setTarget(field);
    layout->addWidget(keypad, 1);
    // A mistyped last digit, to show the inline message.
    for (const QChar ch : QStringLiteral("110105194912310021"))
        keypad->key(QString(ch))->click();
    return page;
}

QWidget* confirmPage() {
    QVBoxLayout* layout = nullptr;
    QWidget* page = screen(&layout);
    layout->addWidget(label(Gallery::tr("Materials received at window 2-07"), TextRole::Title, page));
    for (const char* item : {"1. 公司登记（备案）申请书", "2. 公司章程", "3. 法定代表人身份证复印件",
                             "4. 住所使用证明", "5. 股东会决议"})
        layout->addWidget(label(QString::fromUtf8(item), TextRole::Body, page));
    layout->addStretch(1);

    auto* panel = new touch::ConfirmationPanel(page);
    panel->setTitle(Gallery::tr("Are these materials complete and correct?"));
    panel->setMessage(
        Gallery::tr("Please check the list. If something is missing, tap \"Not yet\" and tell the clerk."));
    panel->addChoice(Gallery::tr("Not yet"), touch::ConfirmationPanel::ChoiceRole::Reject);
    panel->addChoice(Gallery::tr("Yes, confirm"), touch::ConfirmationPanel::ChoiceRole::Accept);
    QTimer::singleShot(0, panel, &touch::ConfirmationPanel::open);
    return page;
}

QWidget* noticesPage() {
    QVBoxLayout* content = nullptr;
    QVBoxLayout* layout = nullptr;
    QWidget* page = screen(&content, &layout);
    layout->setSpacing(Theme::current().metrics().spacing / 2);
    using Level = touch::StatusBanner::Level;
    auto* offline = new touch::StatusBanner(page);
    offline->showNotice(touch::StatusBanner::Notice::Offline);
    auto* reconnecting = new touch::StatusBanner(page);
    reconnecting->showNotice(touch::StatusBanner::Notice::Reconnecting);
    auto* back = new touch::StatusBanner(page);
    back->showNotice(touch::StatusBanner::Notice::Reconnected);
    auto* error = new touch::StatusBanner(page);
    error->showMessage(Level::Error,
                       Gallery::tr("The ticket printer is out of paper. Please ask the staff for help."));

    for (QWidget* w : {offline, reconnecting, back, error})
        layout->insertWidget(layout->count() - 1, w);
    auto* body = new QWidget(page);
    auto* bodyLayout = new QVBoxLayout(body);
    const int spacing = Theme::current().metrics().spacing;
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(spacing);
    bodyLayout->addWidget(label(Gallery::tr("Buttons"), TextRole::Title, body));
    auto* row = new QHBoxLayout;
    row->setSpacing(spacing);
    auto* primary = new touch::TouchButton(Gallery::tr("Take a number"), body);
    primary->setRole(touch::TouchButton::Role::Primary);
    auto* secondary = new touch::TouchButton(Gallery::tr("Service guides"), body);
    auto* danger = new touch::TouchButton(Gallery::tr("Withdraw application"), body);
    danger->setRole(touch::TouchButton::Role::Danger);
    auto* disabled = new touch::TouchButton(Gallery::tr("Not available"), body);
    disabled->setEnabled(false);
    for (QWidget* w : {static_cast<QWidget*>(primary), static_cast<QWidget*>(secondary),
                       static_cast<QWidget*>(danger), static_cast<QWidget*>(disabled)})
        row->addWidget(w);
    bodyLayout->addLayout(row);
    auto* pressed = new touch::TouchButton(Gallery::tr("Pressed"), body);
    pressed->setRole(touch::TouchButton::Role::Primary);
    pressed->setDown(true);
    auto* pressedSecondary = new touch::TouchButton(Gallery::tr("Pressed"), body);
    pressedSecondary->setDown(true);
    auto* pressedRow = new QHBoxLayout;
    pressedRow->setSpacing(spacing);
    pressedRow->addWidget(pressed);
    pressedRow->addWidget(pressedSecondary);
    pressedRow->addStretch(1);
    bodyLayout->addLayout(pressedRow);
    bodyLayout->addWidget(
        label(Gallery::tr("Body text is at least 18 points on touch screens."), TextRole::Body, body));
    bodyLayout->addStretch(1);
    content->addWidget(body, 1);
    return page;
}

} // namespace

QStringList pageNames() {
    return {QStringLiteral("home"), QStringLiteral("search"), QStringLiteral("keypad"),
            QStringLiteral("confirm"), QStringLiteral("notices")};
}

QWidget* createPage(const QString& name) {
    if (name == u"home")
        return homePage();
    if (name == u"search")
        return searchPage();
    if (name == u"keypad")
        return keypadPage();
    if (name == u"confirm")
        return confirmPage();
    if (name == u"notices")
        return noticesPage();
    return nullptr;
}

} // namespace hall::gallery
