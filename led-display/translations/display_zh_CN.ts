<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>hall::display::DisplayScreen</name>
    <message>
        <location filename="../display_screen.cpp" line="+75"/>
        <source>Floor %1 queue calls</source>
        <translation>%1 楼叫号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue calls</source>
        <translation>叫号信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent calls</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <comment>LED</comment>
        <extracomment>Label of the waiting counts on a narrow LED panel, followed by &quot;A 11 B 5&quot;</extracomment>
        <translation>等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait for your number to be called</source>
        <translation>请留意叫号，等候呼叫</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reconnecting…</source>
        <translation>重连中</translation>
    </message>
</context>
</TS>
