<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>hall::touch::ConfirmationPanel</name>
    <message>
        <location filename="../../touchui/confirmation_panel.cpp" line="+296"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>hall::touch::NumericKeypad</name>
    <message>
        <location filename="../../touchui/numeric_keypad.cpp" line="+147"/>
        <source>Backspace</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>hall::touch::OnScreenKeyboard</name>
    <message>
        <location filename="../../touchui/on_screen_keyboard.cpp" line="+167"/>
        <source>Common:</source>
        <translation>常用词：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>hall::touch::StatusBanner</name>
    <message>
        <location filename="../../touchui/status_banner.cpp" line="+140"/>
        <source>Offline — showing saved information. Taking a number and queries may be unavailable.</source>
        <translation>网络已断开，正在显示已保存的信息，取号和查询可能暂时无法使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection lost. Reconnecting…</source>
        <translation>连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected again.</source>
        <translation>网络已恢复。</translation>
    </message>
</context>
</TS>
