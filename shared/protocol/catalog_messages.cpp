#include "protocol/catalog_messages.h"

namespace hall {

Result<GetCatalogInfo> GetCatalogInfo::decode(std::string_view body) {
    WireReader r(body);
    return r.finish(GetCatalogInfo{});
}

void CatalogInfo::encode(WireWriter& w) const {
    w.u32(version);
    w.str(sha256);
    w.u32(sizeBytes);
    w.u16(partCount);
    w.i64(importedAtMs);
}

Result<CatalogInfo> CatalogInfo::decode(std::string_view body) {
    WireReader r(body);
    CatalogInfo m;
    m.version = r.u32("version");
    m.sha256 = r.str("sha256", 64);
    m.sizeBytes = r.u32("sizeBytes");
    m.partCount = r.u16("partCount");
    m.importedAtMs = r.i64("importedAtMs");
    return r.finish(std::move(m));
}

void GetCatalogPart::encode(WireWriter& w) const {
    w.u32(version);
    w.u16(part);
}

Result<GetCatalogPart> GetCatalogPart::decode(std::string_view body) {
    WireReader r(body);
    GetCatalogPart m;
    m.version = r.u32("version");
    m.part = r.u16("part");
    return r.finish(m);
}

void CatalogPart::encode(WireWriter& w) const {
    w.u32(version);
    w.u16(part);
    w.u16(partCount);
    w.bytes(data);
}

Result<CatalogPart> CatalogPart::decode(std::string_view body) {
    WireReader r(body);
    CatalogPart m;
    m.version = r.u32("version");
    m.part = r.u16("part");
    m.partCount = r.u16("partCount");
    m.data = r.bytes("data", kCatalogPartBytes);
    return r.finish(std::move(m));
}

} // namespace hall
