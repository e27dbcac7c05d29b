#include "qtclient/logging.h"

namespace hall::qt {

Q_LOGGING_CATEGORY(lcConnection, "hall.connection", QtInfoMsg)

} // namespace hall::qt
