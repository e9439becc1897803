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
        <source>Please touch the service you need</source>
        <translation>Silakan sentuh layanan yang Anda perlukan</translation>
    </message>
    <message>
        <source>Priority Service: {group} — now choose the service</source>
        <translation>Pelayanan Khusus: {group} — sekarang pilih layanan</translation>
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
    <name>NoPinNote</name>
    <message>
        <source>For staff: this kiosk has no admin PIN</source>
        <translation>Untuk petugas: anjungan ini belum memakai PIN admin</translation>
    </message>
    <message>
        <source>Without a PIN, the Esc key shows this note, and “Leave full screen” below leaves it. Anyone with a keyboard can do the same.

To ask for a PIN instead, set pin under [kiosk] in this PC&apos;s settings file, or the environment variable {variable}, then start the kiosk again.
Settings file: {path}

This note shows once when the kiosk first starts on this PC; Esc brings it back.</source>
        <translation>Tanpa PIN, tombol Esc menampilkan catatan ini, dan “Keluar dari layar penuh” di bawah keluar dari layar penuh. Siapa pun yang memegang papan ketik dapat melakukan hal yang sama.

Agar PIN diminta, isi pin di bawah [kiosk] pada berkas pengaturan PC ini, atau variabel lingkungan {variable}, lalu jalankan anjungan lagi.
Berkas pengaturan: {path}

Catatan ini tampil sekali saat anjungan pertama kali berjalan di PC ini; Esc menampilkannya lagi.</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Keluar dari layar penuh</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Kembali ke anjungan</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
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
        <source>Please take a seat and watch the screen. Your number will be called.</source>
        <translation>Silakan duduk dan perhatikan layar. Nomor Anda akan dipanggil.</translation>
    </message>
    <message>
        <source>People ahead of you: {ahead}  ·  Estimated wait: {estimate}</source>
        <translation>Antrean di depan Anda: {ahead}  ·  Perkiraan tunggu: {estimate}</translation>
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
<context>
    <name>ServiceGrid</name>
    <message>
        <source>‹  Previous</source>
        <translation>‹  Sebelumnya</translation>
    </message>
    <message>
        <source>Next  ›</source>
        <translation>Berikutnya  ›</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Halaman {page} dari {pages}</translation>
    </message>
</context>
</TS>
