<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TestLanguage</name>
    <message>
        <location filename="../tst_language.cpp" line="+20"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
</context>
</TS>
