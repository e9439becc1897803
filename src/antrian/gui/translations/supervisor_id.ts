<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CounterModel</name>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>Counter {number}</source>
        <translation>Loket {number}</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <source>Since {time}</source>
        <translation>Sejak {time}</translation>
    </message>
    <message>
        <source>Service time is over the standard</source>
        <translation>Waktu layanan melewati standar</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Supervisor monitor: log in as a supervisor or admin</source>
        <translation>Monitor supervisor: masuk sebagai supervisor atau admin</translation>
    </message>
    <message>
        <source>Enter the username and password</source>
        <translation>Isi nama pengguna dan kata sandi</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Tunggu terlama</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Over target</source>
        <translation>Lewat target</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <source>Within standard</source>
        <translation>Sesuai standar</translation>
    </message>
    <message>
        <source>{n} (target {target})</source>
        <translation>{n} (target {target})</translation>
    </message>
    <message>
        <source>not measurable here</source>
        <translation>tidak terukur di sini</translation>
    </message>
    <message>
        <source>{percent} % ({within} of {of})</source>
        <translation>{percent} % ({within} dari {of})</translation>
    </message>
    <message>
        <source>This service has no waiting target</source>
        <translation>Layanan ini tidak memiliki target waktu tunggu</translation>
    </message>
    <message>
        <source>The standard is in working days: it measures the whole process, not the counter</source>
        <translation>Standarnya dalam hari kerja: mengukur seluruh proses, bukan waktu di loket</translation>
    </message>
    <message>
        <source>Standard in force today: {standard}</source>
        <translation>Standar yang berlaku hari ini: {standard}</translation>
    </message>
    <message>
        <source>Waiting longer than the target</source>
        <translation>Menunggu lebih lama dari target</translation>
    </message>
</context>
<context>
    <name>StationModel</name>
    <message>
        <source>Station</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Layar</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Anjungan</translation>
    </message>
    <message>
        <source>Not seen for over 3 minutes</source>
        <translation>Tidak terlihat lebih dari 3 menit</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Berfungsi</translation>
    </message>
    <message>
        <source>Last problem reported: {problem}</source>
        <translation>Masalah terakhir yang dilaporkan: {problem}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Live monitor</source>
        <translation>Monitor langsung</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Sound on a new flag</source>
        <translation>Bunyi saat ada peringatan baru</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Displays and kiosks</source>
        <translation>Layar dan anjungan</translation>
    </message>
    <message>
        <source>Antrian — Supervisor</source>
        <translation>Antrian — Supervisor</translation>
    </message>
    <message>
        <source>The monitor is for supervisors and admins.</source>
        <translation>Monitor ini hanya untuk supervisor dan admin.</translation>
    </message>
    <message>
        <source>Waiting: {waiting} · Served today: {served}</source>
        <translation>Menunggu: {waiting} · Dilayani hari ini: {served}</translation>
    </message>
    <message>
        <source>Flags: {n}</source>
        <translation>Peringatan: {n}</translation>
    </message>
</context>
</TS>
