<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CallCounter</name>
    <message>
        <source>COUNTER</source>
        <translation>LOKET</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>QUEUE NUMBER</source>
        <translation>NOMOR ANTREAN</translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation>Silakan tunggu panggilan</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Belum ada panggilan</translation>
    </message>
    <message>
        <source>{service} (called again)</source>
        <translation>{service} (panggilan ulang)</translation>
    </message>
</context>
<context>
    <name>CounterTile</name>
    <message>
        <source>COUNTER {number}</source>
        <translation>LOKET {number}</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <translation>TUTUP</translation>
    </message>
    <message>
        <source>ON BREAK</source>
        <translation>ISTIRAHAT</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Antrian — Queue Display</source>
        <translation>Antrian — Layar Antrean</translation>
    </message>
    <message>
        <source>COUNTERS</source>
        <translation>LOKET</translation>
    </message>
    <message>
        <source>RECENT CALLS</source>
        <translation>PANGGILAN TERAKHIR</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>MENUNGGU</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Sound unavailable</source>
        <translation>Suara tidak tersedia</translation>
    </message>
</context>
<context>
    <name>RecentCall</name>
    <message>
        <source>Counter {number}</source>
        <translation>Loket {number}</translation>
    </message>
</context>
</TS>
