#pragma once

#include "protocol/result.h"
#include "qtclient/connection_settings.h"

#include <QSslConfiguration>

namespace hall::qt {

/// The client side of the hall's mutual TLS: TLS 1.2 or later, the device certificate and key shown to
/// the server, and the hall CA pinned as the one trusted root (the system's CAs are not consulted).
/// Fails with InvalidArgument naming the file that is missing or holds no usable PEM data, or with
/// Unavailable when Qt has no TLS backend.
Result<QSslConfiguration> makeTlsConfiguration(const ConnectionSettings& settings);

} // namespace hall::qt
