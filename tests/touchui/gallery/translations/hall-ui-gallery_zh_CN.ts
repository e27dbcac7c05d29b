<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Gallery</name>
    <message>
        <location filename="../gallery_pages.cpp" line="+66"/>
        <source>Enter all 18 characters of the ID number (%1 so far).</source>
        <translation>请输入完整的 18 位身份证号码（已输入 %1 位）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only the last character may be X.</source>
        <translation>只有最后一位可以是 X。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This ID number is not valid. Please check it and enter it again.</source>
        <translation>身份证号码有误，请核对后重新输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number complete.</source>
        <translation>身份证号码已输入完整。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Welcome to the Sunshine Service Hall</source>
        <translation>欢迎来到阳光政务服务大厅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap the department you need. Ask the staff at the front desk if you are not sure.</source>
        <translation>请点击要办理业务的部门。如不确定，请咨询大厅服务台工作人员。</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+110"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+109"/>
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Case progress</source>
        <translation>办件进度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search for a service</source>
        <translation>搜索办事事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinyin initials, full pinyin or a quick word below</source>
        <translation>可输入拼音首字母、全拼，或点击下方常用词</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter the applicant&apos;s ID number</source>
        <translation>请输入申请人身份证号码</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Materials received at window 2-07</source>
        <translation>2-07 窗口已收取的材料</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Are these materials complete and correct?</source>
        <translation>以上材料是否齐全、无误？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please check the list. If something is missing, tap &quot;Not yet&quot; and tell the clerk.</source>
        <translation>请核对材料清单。如有缺漏，请点击“还有问题”并告诉窗口工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>还有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, confirm</source>
        <translation>确认无误</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The ticket printer is out of paper. Please ask the staff for help.</source>
        <translation>取号机打印纸已用完，请联系工作人员。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Buttons</source>
        <translation>按钮</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withdraw application</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not available</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Pressed</source>
        <translation>按下状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Body text is at least 18 points on touch screens.</source>
        <translation>触摸屏上的正文字号不小于 18 磅。</translation>
    </message>
</context>
</TS>
