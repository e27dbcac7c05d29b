<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>tablet::IdleScreen</name>
    <message>
        <location filename="../tablet_screens.cpp" line="+198"/>
        <source>Counter tablet</source>
        <translation>窗口服务评价器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clerk at this window</source>
        <translation>窗口暂无工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff number: %1</source>
        <translation>工号：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open: serving now</source>
        <translation>正在办理业务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused: back soon</source>
        <translation>暂停服务，请稍候</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed</source>
        <translation>窗口已关闭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now serving: %1</source>
        <translation>正在办理：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When your business is done, please rate our service on this screen.</source>
        <translation>业务办理完毕后，请在本屏幕为我们的服务评价。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n rating(s) saved on this tablet, to be sent when the network is back.</source>
        <translation>
            <numerusform>本机有 %n 条评价待发送，联网后将自动发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tablet::RatingScreen</name>
    <message>
        <location line="-160"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>How was our service today?</source>
        <translation>请您为本次服务评价</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticket %1, served by %2. Tap one button.</source>
        <translation>您的号码：%1，经办人员：%2。请点选一项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket %1. Tap one button.</source>
        <translation>您的号码：%1。请点选一项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap one button.</source>
        <translation>请点选一项。</translation>
    </message>
</context>
<context>
    <name>tablet::ReasonScreen</name>
    <message>
        <location line="-209"/>
        <source>Waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unfriendly service</source>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not told clearly what to do</source>
        <translation>告知不清楚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made to come back again</source>
        <translation>让我多次跑腿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handled too slowly</source>
        <translation>办理效率低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody at the window</source>
        <translation>窗口无人或离岗</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Other reason</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+274"/>
        <source>You chose “%1”. What went wrong?</source>
        <translation>您选择了“%1”，请告诉我们原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one reason, then tap Submit. Your answer helps us improve.</source>
        <translation>请选择一项原因，再点“提交评价”。您的意见帮助我们改进工作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a reason first</source>
        <translation>请先选择原因</translation>
    </message>
</context>
<context>
    <name>tablet::TabletWindow</name>
    <message>
        <location filename="../tablet_window.cpp" line="+78"/>
        <source>The network is down for now. Ratings are kept on this tablet and sent later.</source>
        <translation>网络暂时中断，评价会保存在本机，恢复后自动发送。</translation>
    </message>
</context>
<context>
    <name>tablet::ThanksScreen</name>
    <message>
        <location filename="../tablet_screens.cpp" line="+32"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your rating is saved on this tablet and will be sent automatically.</source>
        <translation>评价已保存在本机，联网后将自动发送。</translation>
    </message>
</context>
</TS>
