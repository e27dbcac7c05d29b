<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>clerk::CallingPage</name>
    <message>
        <location filename="../src/calling_page.cpp" line="+234"/>
        <source>No ticket at the window. Press F1 to call the next one.</source>
        <translation>窗口暂无办理号。按 F1 叫下一位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the window&apos;s queue…</source>
        <translation>正在读取本窗口的排队……</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Called %n time(s) · %1</source>
        <translation>
            <numerusform>已呼叫 %n 次 · %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At the counter · %1</source>
        <translation>正在办理 · %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Window open</source>
        <translation>窗口已开放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused: no calls. F8 resumes.</source>
        <translation>暂停中，不叫号。按 F8 恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Window closed. F8 opens it.</source>
        <translation>窗口已关闭。按 F8 开放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting
%1</source>
        <translation>等候
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served today
%1</source>
        <translation>今日办结
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not present
%1</source>
        <translation>今日过号
%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>F8  Pause</source>
        <translation>F8  暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F8  Open window</source>
        <translation>F8  开放窗口</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>At the window</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for this window</source>
        <translation>本窗口等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1  Call next</source>
        <translation>F1  叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F2  Call again</source>
        <translation>F2  重呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F3  Begin</source>
        <translation>F3  开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F4  Finish</source>
        <translation>F4  办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5  Not present</source>
        <translation>F5  过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F6  Transfer</source>
        <translation>F6  转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F7  Reactivate</source>
        <translation>F7  恢复过号</translation>
    </message>
</context>
<context>
    <name>clerk::ClerkActions</name>
    <message>
        <location filename="../src/clerk_actions.cpp" line="+154"/>
        <source>The window is paused. Press F8 to resume.</source>
        <translation>窗口已暂停。按 F8 恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window is open.</source>
        <translation>窗口已开放。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 called.</source>
        <translation>已呼叫 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 called again (call %2).</source>
        <translation>已重呼 %1（第 %2 次）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving %1.</source>
        <translation>正在办理 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 finished.</source>
        <translation>%1 已办结。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 marked as not present.</source>
        <translation>%1 已记为过号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 transferred to queue %2.</source>
        <translation>%1 已转到 %2 队列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is waiting again.</source>
        <translation>%1 已恢复排队。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is locked after too many failed logins.</source>
        <translation>登录失败次数过多，账号已锁定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hall server cannot be reached. Check the network and try again.</source>
        <translation>连不上大厅服务器。请检查网络后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not logged in.</source>
        <translation>您尚未登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You may not do this on this workstation.</source>
        <translation>本工作站不能进行此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such ticket or queue.</source>
        <translation>没有这个号码或队列。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not possible now.</source>
        <translation>现在不能进行此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too fast: wait a moment.</source>
        <translation>操作太快，请稍候。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid input.</source>
        <translation>输入有误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>clerk::ClerkSession</name>
    <message>
        <location filename="../src/clerk_session.cpp" line="+75"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to the hall server…</source>
        <translation>正在连接大厅服务器……</translation>
    </message>
</context>
<context>
    <name>clerk::LoginPage</name>
    <message>
        <location filename="../src/login_page.cpp" line="+106"/>
        <source>Logging in…</source>
        <translation>正在登录……</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Window not known yet</source>
        <translation>尚未识别窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk login</source>
        <translation>窗口人员登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>clerk::MainWindow</name>
    <message>
        <location filename="../src/main_window.cpp" line="+95"/>
        <source>No window</source>
        <translation>未绑定窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk workstation</source>
        <translation>窗口工作站</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk workstation — %1</source>
        <translation>窗口工作站 — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling</source>
        <translation>叫号</translation>
    </message>
</context>
<context>
    <name>clerk::PauseDialog</name>
    <message>
        <location filename="../src/queue_dialogs.cpp" line="+85"/>
        <source>Pause the window</source>
        <translation>暂停窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Short break</source>
        <translation>临时离开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field work</source>
        <translation>外出办事</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why does the window pause? No numbers are called until you resume.</source>
        <translation>暂停原因？恢复之前不会叫号。</translation>
    </message>
</context>
<context>
    <name>clerk::ReactivateDialog</name>
    <message>
        <location line="+11"/>
        <source>Reactivate a ticket</source>
        <translation>恢复过号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · last called %2</source>
        <translation>%1 · 最后呼叫 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>or type the number, e.g. A023</source>
        <translation>或输入号码，例如 A023</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not present today at this window:</source>
        <translation>今天本窗口的过号：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No ticket %1 was seen today at this workstation.</source>
        <translation>本工作站今天没有见过 %1 号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a ticket or type its number.</source>
        <translation>请选择号码或输入号码。</translation>
    </message>
</context>
<context>
    <name>clerk::TransferDialog</name>
    <message>
        <location line="-114"/>
        <source>Transfer the ticket</source>
        <translation>转移号码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2 (%3 waiting)</source>
        <translation>%1 · %2（等候 %3 人）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No other queue is known yet.</source>
        <translation>还没有可转入的其他队列。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any window of the queue</source>
        <translation>该队列任一窗口</translation>
    </message>
</context>
<context>
    <name>clerk::WindowQueueModel</name>
    <message numerus="yes">
        <location filename="../src/window_queue_model.cpp" line="+59"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrived</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
</TS>
