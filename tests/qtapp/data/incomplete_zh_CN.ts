<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Fixture</name>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Marked unfinished</source>
        <translation type="unfinished">未确认</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation></translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="vanished">已删</translation>
    </message>
    <message numerus="yes">
        <source>%n people waiting</source>
        <translation>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n windows open</source>
        <translation>
            <numerusform>%n 个窗口</numerusform>
        </translation>
    </message>
</context>
</TS>
