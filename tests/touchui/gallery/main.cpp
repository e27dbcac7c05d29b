// The widget gallery: one page of the shared touch widgets per run, used for the screenshots in docs/
// and by tst_ui_gallery. For example:
//   hall-ui-gallery --page search --geometry 1080x1920 --screenshot docs/screenshots/ui-gallery-search.png
#include "gallery_pages.h"

#include "qtapp/application_setup.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QWidget>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    hall::qt::ApplicationSetup setup(app, {u"hall-ui-gallery"_s,
                                           u"Shows the shared touch widgets, one page at a time."_s,
                                           u"hall-ui-gallery"_s, 20});
    setup.parser().addOption({u"page"_s,
                              u"Page to show: "_s + hall::gallery::pageNames().join(u", "_s) + u'.',
                              u"name"_s, u"home"_s});
    setup.parser().addOption({u"theme"_s, u"touch (default) or desk."_s, u"name"_s, u"touch"_s});
    if (const auto exitCode = setup.initialize())
        return *exitCode;

    const QString theme = setup.parser().value(u"theme"_s);
    if (theme != u"touch" && theme != u"desk") {
        std::fprintf(stderr, "hall-ui-gallery: --theme: '%s' is not touch or desk\n", qPrintable(theme));
        return 2;
    }
    (theme == u"desk" ? hall::touch::Theme::desk() : hall::touch::Theme::touch()).apply(app);

    const QString pageName = setup.parser().value(u"page"_s);
    std::unique_ptr<QWidget> page(hall::gallery::createPage(pageName));
    if (!page) {
        std::fprintf(stderr, "hall-ui-gallery: --page: '%s' is not one of %s\n", qPrintable(pageName),
                     qPrintable(hall::gallery::pageNames().join(u", "_s)));
        return 2;
    }
    page->setWindowTitle(u"hall-ui-gallery: "_s + pageName);
    setup.showMainWindow(page.get());
    return app.exec();
}
