<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>kiosk::CatalogSync</name>
    <message>
        <location filename="../catalog_sync.cpp" line="+79"/>
        <source>The hall has no catalog yet.</source>
        <translation>大厅尚未导入事项目录。</translation>
    </message>
</context>
<context>
    <name>kiosk::GuideDocument</name>
    <message>
        <location filename="../guide_document.cpp" line="+71"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+27"/>
        <source>Decided on the spot</source>
        <translation>即办件（当场办结）</translation>
    </message>
    <message numerus="yes">
        <location line="-25"/>
        <source>Promised: %n working day(s)</source>
        <translation>
            <numerusform>承诺 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>[default: not confirmed by the department]</source>
        <translation>〔默认值，未经部门确认〕</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Department</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to go</source>
        <translation>办理地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>办件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised within a time limit</source>
        <translation>承诺件（限期办结）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statutory limit</source>
        <translation>法定时限</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+4"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Promised limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same day</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free of charge</source>
        <translation>免费</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (basis: %1)</source>
        <translation>（收费依据：%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply online</source>
        <translation>网上办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, also online</source>
        <translation>可以，也可网上办理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No, at the window only</source>
        <translation>不可以，只能到窗口办理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Materials to bring</source>
        <translation>需带材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No materials are listed.</source>
        <translation>未列出材料。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>original and copy</source>
        <translation>原件和复印件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan to keep this guide on your phone.</source>
        <translation>用手机扫码，保存这份办事指南。</translation>
    </message>
</context>
<context>
    <name>kiosk::GuideScreen</name>
    <message>
        <location filename="../screens.cpp" line="+216"/>
        <source>This service is no longer offered.</source>
        <translation>此事项已不再办理。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Print this guide</source>
        <translation>打印办事指南</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a number for this</source>
        <translation>为此事项取号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan to keep this guide on your phone.</source>
        <translation>用手机扫码，保存这份办事指南。</translation>
    </message>
</context>
<context>
    <name>kiosk::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="+34"/>
        <source>Licences and permits</source>
        <translation>行政许可</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benefits and payments</source>
        <translation>行政给付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmations and registrations</source>
        <translation>行政确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awards</source>
        <translation>行政奖励</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudications</source>
        <translation>行政裁决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filings and other matters</source>
        <translation>备案及其他事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public services</source>
        <translation>公共服务</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Printing failed. Please ask at the information desk.</source>
        <translation>打印失败。请到咨询台询问。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed. Please take the paper below.</source>
        <translation>已打印。请在下方取纸。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No printer is connected here; the guide was saved for staff to print.</source>
        <translation>本机未连接打印机，指南已保存，工作人员可为您打印。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Still there? Touch the screen to continue.</source>
        <translation>还在吗？请触摸屏幕继续。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+79"/>
        <source>Floor %1</source>
        <translation>%1 楼</translation>
    </message>
    <message numerus="yes">
        <location line="-70"/>
        <location line="+20"/>
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 个事项</numerusform>
        </translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+175"/>
        <source>Search</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>By words or pinyin initials</source>
        <translation>输入文字或拼音首字母</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+169"/>
        <source>Service guide</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Choose a floor or a kind of service.</source>
        <translation>请选择楼层或事项类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service guide is not available yet.</source>
        <translation>办事指南暂时不可用。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Floor %1: departments</source>
        <translation>%1 楼：办理部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Take a number: choose the floor</source>
        <translation>取号：请选择楼层</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Numbers start with %1</source>
        <translation>号码以 %1 开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Floor %1: choose the service</source>
        <translation>%1 楼：请选择业务</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Offline: the guide shows saved information. Numbers cannot be taken right now.</source>
        <translation>离线：办事指南显示的是本机保存的信息，暂时不能取号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline: no service guide is saved on this kiosk yet.</source>
        <translation>离线：本机尚未保存办事指南。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the service guide…</source>
        <translation>正在载入办事指南……</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to bring, where to go, how long it takes</source>
        <translation>带什么材料、去哪个窗口、要办多久</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a service by words or pinyin initials</source>
        <translation>用文字或拼音首字母查找事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queue for a window</source>
        <translation>排队到窗口办理</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Service hall</source>
        <translation>政务服务大厅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch a button below to begin.</source>
        <translation>请点击下方按钮开始。</translation>
    </message>
</context>
<context>
    <name>kiosk::ScreenHeader</name>
    <message>
        <location filename="../screens.cpp" line="-159"/>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>kiosk::SearchScreen</name>
    <message>
        <location line="+76"/>
        <source>Search for a service</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type words or pinyin initials, e.g. yyzz</source>
        <translation>输入文字或拼音首字母，例如 yyzz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results appear as you type.</source>
        <translation>边输入边显示结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing found. Try fewer or other words.</source>
        <translation>没有找到。请少输几个字或换个说法。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n service(s) found. Tap one to read its guide.</source>
        <translation>
            <numerusform>找到 %n 个事项。点击查看办事指南。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiosk::TicketFlow</name>
    <message>
        <location filename="../ticket_flow.cpp" line="+25"/>
        <source>Numbers cannot be taken right now: the kiosk has lost its connection to the hall. Please ask at the information desk.</source>
        <translation>暂时不能取号：本机与大厅系统的连接已断开。请到咨询台询问。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your number is being printed. Please wait.</source>
        <translation>正在出号，请稍候。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a service first.</source>
        <translation>请先选择业务。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The hall did not answer. Please try again or ask at the information desk.</source>
        <translation>大厅系统没有响应。请再试一次，或到咨询台询问。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No number could be issued for this service. Please ask at the information desk.</source>
        <translation>此业务暂时不能取号。请到咨询台询问。</translation>
    </message>
</context>
<context>
    <name>kiosk::TicketScreen</name>
    <message>
        <location filename="../screens.cpp" line="+116"/>
        <source>Keep typing: a mobile number has 11 digits.</source>
        <translation>请继续输入：手机号码共 11 位。</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+17"/>
        <source>Number complete. Press OK.</source>
        <translation>号码已输完，请按确定。</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Keep typing: a card number has at least 8 digits.</source>
        <translation>请继续输入：卡号至少 8 位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a citizen card number. Check the digits.</source>
        <translation>这不是有效的市民卡号，请核对。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is not a mainland mobile number. Check the digits.</source>
        <translation>这不是有效的手机号码，请核对。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Finish or clear the mobile number first.</source>
        <translation>请先输完或清空手机号码。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1
Estimated wait: %2
Please wait near: %3</source>
        <translation>%1
预计等候：%2
请在以下窗口附近等候：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Service: %1</source>
        <translation>业务：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: your citizen card number.</source>
        <translation>可选：输入您的市民卡号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen card number (optional)</source>
        <translation>市民卡号（可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a mobile number instead</source>
        <translation>改为输入手机号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: your mobile number for an SMS when your turn is near.</source>
        <translation>可选：留下手机号码，快到您时发短信提醒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile number (optional)</source>
        <translation>手机号码（可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a citizen card number instead</source>
        <translation>改为输入市民卡号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the slip</source>
        <translation>打印取号单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>kiosk::TicketSlip</name>
    <message>
        <location filename="../guide_document.cpp" line="+11"/>
        <source>Sunshine Hall queue ticket</source>
        <translation>阳光大厦排队取号单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Estimated wait: %1</source>
        <translation>预计等候：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Windows: %1</source>
        <translation>办理窗口：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken at %1</source>
        <translation>取号时间：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please wait for your number to be called.</source>
        <translation>请留意叫号。</translation>
    </message>
</context>
</TS>
