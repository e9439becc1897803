<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Antrian — Self-Service Kiosk</source>
        <translation>Antrian — Anjungan Antrean Mandiri</translation>
    </message>
    <message>
        <source>Priority Service
(disability, elderly, pregnant, children, disaster victims)</source>
        <translation>Pelayanan Khusus
(disabilitas, lansia, hamil, anak-anak, korban bencana)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Priority Service: choose what applies to you.
The staff will check it at the counter.</source>
        <translation>Pelayanan Khusus: pilih keadaan Anda.
Petugas akan memastikannya di loket.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>YOUR QUEUE NUMBER</source>
        <translation>NOMOR ANTREAN ANDA</translation>
    </message>
    <message>
        <source>Print Again</source>
        <translation>Cetak Ulang</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Please touch the service you need</source>
        <translation>Silakan sentuh layanan yang Anda perlukan</translation>
    </message>
    <message>
        <source>Priority Service: {group} — now choose the service</source>
        <translation>Pelayanan Khusus: {group} — sekarang pilih layanan</translation>
    </message>
    <message>
        <source>Please take a seat and watch the screen. Your number will be called.</source>
        <translation>Silakan duduk dan perhatikan layar. Nomor Anda akan dipanggil.</translation>
    </message>
    <message>
        <source>People ahead of you: {ahead}  ·  Estimated wait: {estimate}</source>
        <translation>Antrean di depan Anda: {ahead}  ·  Perkiraan tunggu: {estimate}</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Admin PIN:</source>
        <translation>PIN admin:</translation>
    </message>
</context>
<context>
    <name>ServiceButton</name>
    <message>
        <source>Waiting: {waiting}  ·  {estimate}</source>
        <translation>Menunggu: {waiting}  ·  {estimate}</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>Tidak tersedia: {reason}</translation>
    </message>
    <message>
        <source>Service {name}</source>
        <translation>Layanan {name}</translation>
    </message>
</context>
</TS>
