#include "sample_board.h"

#include "protocol/queue_events.h"

namespace hall::display {

QueueBoard sampleBoard(qint64 nowMs) {
    QueueBoard board;
    board.asOfSeq = 1000;
    board.serviceDay = "2026-12-03";
    board.queues = {
        {"A", "企业登记", 2, 12, "A022", 420},
        {"B", "证照办理", 2, 5, "B011", 600},
        {"C", "投资项目审批", 2, 3, "C006", 900},
        {"D", "综合咨询", 2, 0, "D015", 240},
    };
    const auto window = [](const char* id, const char* clerk, const char* number) {
        return WindowView{id, 2, WindowState::Open, clerk, "", number, 0};
    };
    board.windows = {window("2-01", "王丽", "A020"), window("2-03", "李强", "B011"),
                     window("2-05", "赵敏", "A022"), window("2-06", "陈晨", "C006"),
                     window("2-08", "刘洋", "D015")};
    const char* calls[][2] = {{"A022", "2-05"}, {"B011", "2-03"}, {"A021", "2-01"}, {"C006", "2-06"},
                              {"D015", "2-08"}, {"A020", "2-01"}, {"B010", "2-03"}, {"A019", "2-05"}};
    std::uint64_t id = 200;
    qint64 at = nowMs - 40'000;
    for (const auto& call : calls) {
        board.recentCalls.push_back(CallView{id--, call[0], call[1], at, 1});
        at -= 95'000;
    }
    return board;
}

std::vector<Notice> sampleNotices(qint64 nowMs) {
    return {
        {1, 0, "今日办理时间 9:00—17:00，12:00—13:30 部分窗口午间轮岗，请留意叫号。", nowMs - 3'600'000,
         nowMs + 8 * 3'600'000, "大厅管理办"},
        {2, 2, "企业开办“一窗通办”已在 2-05 号窗口开通，营业执照当日可领。", nowMs - 600'000,
         nowMs + 3'600'000, "二楼值班长"},
    };
}

Event sampleCallEvent(qint64 nowMs) {
    TicketView ticket;
    ticket.ticketId = 201;
    ticket.number = "A023";
    ticket.queuePrefix = "A";
    ticket.floor = 2;
    ticket.state = TicketState::Called;
    ticket.window = "2-07";
    ticket.callCount = 1;
    ticket.lastCallAtMs = nowMs - 2000;
    ticket.issuedAtMs = nowMs - 1'800'000;
    const TicketCalled called{ticket, false};
    return Event{1001, nowMs - 2000, static_cast<std::uint16_t>(EventKind::TicketCalled), "floor/2",
                 encodeEventBody(called)};
}

} // namespace hall::display
