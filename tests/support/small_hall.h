#pragma once

// A small hall catalog for tests (link hall_catalog): two floors, four windows, three queues, one item.

#include "catalog/catalog.h"

#include <string>

namespace hall::test {

/// Floor 1: queue A (windows 1-01, 1-02, item IT-1), queue B (window 1-03). Floor 2: queue C (window 2-01).
inline catalog::CatalogData smallHall(const std::string& name = "Test Hall") {
    using namespace catalog;
    CatalogData data;
    data.hall = HallInfo{name, "custom", "410900", "a hall for tests"};
    data.floors = {Floor{1, "一楼", "public services"}, Floor{2, "二楼", "approvals"}};
    data.departments = {Department{"D01", "社保局", "HD-01", Provenance::HallDefined}};
    data.windows = {Window{"1-01", 1, "D01", "社保 1", WindowKind::Counter},
                    Window{"1-02", 1, "D01", "社保 2", WindowKind::Counter},
                    Window{"1-03", 1, "D01", "医保", WindowKind::Counter},
                    Window{"2-01", 2, "D01", "审批", WindowKind::Counter}};
    data.queues = {Queue{"A", "社保", 1, {"1-01", "1-02"}}, Queue{"B", "医保", 1, {"1-03"}},
                   Queue{"C", "审批", 2, {"2-01"}}};
    ServiceItem item;
    item.code = "IT-1";
    item.name = "养老保险查询";
    item.source = Provenance::HallDefined;
    item.department = "D01";
    item.windows = {"1-01"};
    item.limits = TimeLimits{0, 0, "law"};
    item.fee = Fee{0, "free"};
    data.items = {item};
    return data;
}

} // namespace hall::test
