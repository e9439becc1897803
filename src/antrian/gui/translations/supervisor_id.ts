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
    <name>EntryPage</name>
    <message>
        <source>Read only: paper forms are entered by a supervisor or an admin; your role may read the index.</source>
        <translation>Hanya baca: formulir kertas diisi oleh supervisor atau admin; peran Anda boleh membaca indeks.</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>Tanggal kunjungan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Ticket (optional)</source>
        <translation>Nomor antrean (opsional)</translation>
    </message>
    <message>
        <source>Type the answer of each element, 1 to 4: the next one takes the focus. Enter saves the form and clears it for the next one (the date and the service stay).</source>
        <translation>Ketik jawaban tiap unsur, 1 sampai 4: fokus pindah ke unsur berikutnya. Enter menyimpan formulir dan mengosongkannya untuk formulir berikutnya (tanggal dan layanan tetap).</translation>
    </message>
    <message>
        <source>Respondent (optional)</source>
        <translation>Responden (opsional)</translation>
    </message>
    <message>
        <source>Suggestion (optional)</source>
        <translation>Saran (opsional)</translation>
    </message>
    <message>
        <source>Save form (Enter)</source>
        <translation>Simpan formulir (Enter)</translation>
    </message>
    <message>
        <source>Forms entered this session: {n}</source>
        <translation>Formulir diisi sesi ini: {n}</translation>
    </message>
    <message>
        <source>Form {number} saved ({service}, {day}).</source>
        <translation>Formulir {number} tersimpan ({service}, {day}).</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>{respondents}: {n} (unfinished, not counted: {incomplete})</source>
        <translation>{respondents}: {n} (belum lengkap, tidak dihitung: {incomplete})</translation>
    </message>
    <message>
        <source>Population {population} · required sample {sample}</source>
        <translation>Populasi {population} · sampel minimal {sample}</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Tunggu</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>Service time</source>
        <translation>Waktu layanan</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Lama di kantor</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>Service time over the standard in force on its day</source>
        <translation>Waktu layanan melebihi standar yang berlaku pada harinya</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Melebihi</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Semua loket</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Semua tiket</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Biasa</translation>
    </message>
    <message>
        <source>Over the standard</source>
        <translation>Melebihi standar</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Sesuai standar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Events of the ticket</source>
        <translation>Riwayat tiket</translation>
    </message>
    <message>
        <source>{n} tickets</source>
        <translation>{n} tiket</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <source>Called again</source>
        <translation>Dipanggil ulang</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Dilanjutkan</translation>
    </message>
    <message>
        <source>Service started</source>
        <translation>Layanan dimulai</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>Loket {n}</translation>
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
    <name>ReportCharts</name>
    <message>
        <source>Arrivals</source>
        <translation>Kedatangan</translation>
    </message>
    <message>
        <source>Mean waiting (minutes)</source>
        <translation>Rata-rata tunggu (menit)</translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <source>Arrivals and mean waiting by hour of day</source>
        <translation>Kedatangan dan rata-rata tunggu per jam</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Arrivals by weekday and hour</source>
        <translation>Kedatangan per hari dan jam</translation>
    </message>
    <message>
        <source>Colour: arrivals in the hour (citizens&apos; first visits)</source>
        <translation>Warna: kedatangan dalam jam itu (kunjungan pertama warga)</translation>
    </message>
</context>
<context>
    <name>ReportModels</name>
    <message>
        <source>mean</source>
        <translation>rata-rata</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Tunggu</translation>
    </message>
    <message>
        <source>Service time</source>
        <translation>Waktu layanan</translation>
    </message>
    <message>
        <source>Within standard</source>
        <translation>Sesuai standar</translation>
    </message>
    <message>
        <source>Over standard</source>
        <translation>Melebihi standar</translation>
    </message>
    <message>
        <source>Within standard %</source>
        <translation>% sesuai standar</translation>
    </message>
    <message>
        <source>Within waiting target</source>
        <translation>Sesuai target tunggu</translation>
    </message>
    <message>
        <source>Over waiting target</source>
        <translation>Melebihi target tunggu</translation>
    </message>
    <message>
        <source>Within waiting target %</source>
        <translation>% sesuai target tunggu</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioritas</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>biasa</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Mean service time</source>
        <translation>Rata-rata waktu layanan</translation>
    </message>
    <message>
        <source>Time open</source>
        <translation>Waktu buka</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Melayani</translation>
    </message>
    <message>
        <source>Paused (total)</source>
        <translation>Jeda (total)</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Menganggur</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Rentang</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Per service</source>
        <translation>Per layanan</translation>
    </message>
    <message>
        <source>Per counter</source>
        <translation>Per loket</translation>
    </message>
    <message>
        <source>Per operator</source>
        <translation>Per petugas</translation>
    </message>
    <message>
        <source>Zone {code} · {name}</source>
        <translation>Zona {code} · {name}</translation>
    </message>
    <message>
        <source>Choose a period and press Show.</source>
        <translation>Pilih periode lalu tekan Tampilkan.</translation>
    </message>
    <message>
        <source>{start} – {end}: {issued} tickets issued ({citizens} citizens, {transfers} transfers), {served} served, {within} within the standard ({of} measured), mean stay {stay}.</source>
        <translation>{start} – {end}: {issued} tiket diterbitkan ({citizens} warga, {transfers} pengalihan), {served} dilayani, {within} sesuai standar ({of} terukur), rata-rata lama di kantor {stay}.</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Laporan disimpan di {path}</translation>
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
    <name>SkmTab</name>
    <message>
        <source>Index (IKM)</source>
        <translation>Indeks (IKM)</translation>
    </message>
    <message>
        <source>Enter paper forms</source>
        <translation>Isi formulir kertas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Export the SKM</source>
        <translation>Ekspor SKM</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Tersimpan di {path}</translation>
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
        <source>Compliance report</source>
        <translation>Laporan kepatuhan</translation>
    </message>
    <message>
        <source>Service-time log</source>
        <translation>Log waktu layanan</translation>
    </message>
    <message>
        <source>Satisfaction (SKM)</source>
        <translation>Kepuasan (SKM)</translation>
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
