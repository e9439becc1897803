<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminPage</name>
    <message>
        <source>Read only: your role may look at these settings; only an admin may change them.</source>
        <translation>Hanya baca: peran Anda boleh melihat pengaturan ini; hanya admin yang boleh mengubahnya.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Administration: log in as an admin (a supervisor may look)</source>
        <translation>Administrasi: masuk sebagai admin (supervisor boleh melihat)</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administrasi</translation>
    </message>
    <message>
        <source>Antrian — Administration</source>
        <translation>Antrian — Administrasi</translation>
    </message>
    <message>
        <source>The admin window is for admins; supervisors may look without changing anything.</source>
        <translation>Jendela admin untuk admin; supervisor boleh melihat tanpa mengubah apa pun.</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Melayani</translation>
    </message>
    <message>
        <source>New counter</source>
        <translation>Loket baru</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Tick the services this counter serves. The first ticked one is its main service: it is called first; the others when the main one has nobody waiting.</source>
        <translation>Centang layanan yang dilayani loket ini. Yang pertama dicentang adalah layanan utamanya: dipanggil lebih dulu; yang lain bila layanan utama tidak ada yang menunggu.</translation>
    </message>
    <message>
        <source>e.g. Loket 1</source>
        <translation>mis. Loket 1</translation>
    </message>
    <message>
        <source>Save the counter</source>
        <translation>Simpan loket</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Tickets and calls</source>
        <translation>Tiket dan panggilan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Running text</source>
        <translation>Teks berjalan</translation>
    </message>
    <message>
        <source>Ticket header</source>
        <translation>Kepala tiket</translation>
    </message>
    <message>
        <source>Ticket footer</source>
        <translation>Kaki tiket</translation>
    </message>
    <message>
        <source>Number width</source>
        <translation>Lebar nomor</translation>
    </message>
    <message>
        <source>Priority interleave</source>
        <translation>Selang prioritas</translation>
    </message>
    <message>
        <source>Recall limit</source>
        <translation>Batas panggil ulang</translation>
    </message>
    <message>
        <source>Shown scrolling at the bottom of the display</source>
        <translation>Berjalan di bagian bawah layar display</translation>
    </message>
    <message>
        <source>Printed under the office&apos;s name (optional)</source>
        <translation>Dicetak di bawah nama kantor (boleh kosong)</translation>
    </message>
    <message>
        <source>Empty: the usual thanks</source>
        <translation>Kosong: ucapan terima kasih biasa</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Use Antrian&apos;s emblem</source>
        <translation>Pakai lambang Antrian</translation>
    </message>
    <message>
        <source>PNG, JPEG or SVG, at most 512 KB: on the display and the reports.</source>
        <translation>PNG, JPEG, atau SVG, paling besar 512 KB: tampil di display dan laporan.</translation>
    </message>
    <message>
        <source>0 (priority always first)</source>
        <translation>0 (prioritas selalu lebih dulu)</translation>
    </message>
    <message>
        <source> normal calls per priority call</source>
        <translation> panggilan biasa per panggilan prioritas</translation>
    </message>
    <message>
        <source>never offer no-show</source>
        <translation>tidak pernah menawarkan tidak hadir</translation>
    </message>
    <message>
        <source> recalls, then offer no-show</source>
        <translation> panggilan ulang, lalu tawarkan tidak hadir</translation>
    </message>
    <message>
        <source>While priority tickets wait, one is called after every N normal calls. After the recall limit the counter is offered to mark the citizen absent.</source>
        <translation>Selama ada nomor prioritas menunggu, satu dipanggil setelah setiap N panggilan biasa. Setelah batas panggil ulang, loket ditawari menandai warga tidak hadir.</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Batalkan perubahan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>WIB, Western Indonesia (Asia/Jakarta, UTC+7)</source>
        <translation>WIB, Waktu Indonesia Barat (Asia/Jakarta, UTC+7)</translation>
    </message>
    <message>
        <source>WITA, Central Indonesia (Asia/Makassar, UTC+8)</source>
        <translation>WITA, Waktu Indonesia Tengah (Asia/Makassar, UTC+8)</translation>
    </message>
    <message>
        <source>WIT, Eastern Indonesia (Asia/Jayapura, UTC+9)</source>
        <translation>WIT, Waktu Indonesia Timur (Asia/Jayapura, UTC+9)</translation>
    </message>
    <message>
        <source>e.g. {label}</source>
        <translation>mis. {label}</translation>
    </message>
    <message>
        <source>The office&apos;s logo</source>
        <translation>Logo kantor</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Service standard</source>
        <translation>Standar pelayanan</translation>
    </message>
    <message>
        <source>Waiting target</source>
        <translation>Target tunggu</translation>
    </message>
    <message>
        <source>Daily quota</source>
        <translation>Kuota harian</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Jam buka</translation>
    </message>
    <message>
        <source>Open days</source>
        <translation>Hari buka</translation>
    </message>
    <message>
        <source>Kiosk order</source>
        <translation>Urutan di anjungan</translation>
    </message>
    <message>
        <source>A-ZZZ</source>
        <translation>A-ZZZ</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>tanpa target</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>tanpa kuota</translation>
    </message>
    <message>
        <source> tickets a day</source>
        <translation> nomor sehari</translation>
    </message>
    <message>
        <source>opens at</source>
        <translation>buka pukul</translation>
    </message>
    <message>
        <source>closes at</source>
        <translation>tutup pukul</translation>
    </message>
    <message>
        <source>Active (offered on the kiosk)</source>
        <translation>Aktif (ditawarkan di anjungan)</translation>
    </message>
</context>
<context>
    <name>ServicePreview</name>
    <message>
        <source>Preview: the ticket and the call</source>
        <translation>Pratinjau: tiket dan panggilan</translation>
    </message>
    <message>
        <source>A code is 1 to 3 letters, A to Z.</source>
        <translation>Kode berupa 1 sampai 3 huruf, A sampai Z.</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>On the kiosk</source>
        <translation>Di anjungan</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Layanan baru</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Standards history</source>
        <translation>Riwayat standar</translation>
    </message>
    <message>
        <source>Save the service</source>
        <translation>Simpan layanan</translation>
    </message>
</context>
<context>
    <name>StandardsTab</name>
    <message>
        <source>In force from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <source>Waiting target</source>
        <translation>Target tunggu</translation>
    </message>
    <message>
        <source>Decree</source>
        <translation>Surat keputusan</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Diatur oleh</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>tanpa target</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Add a dated standard (from a decree)</source>
        <translation>Tambah standar bertanggal (dari surat keputusan)</translation>
    </message>
    <message>
        <source>e.g. SK Kepala Dinas No. 12/2026</source>
        <translation>mis. SK Kepala Dinas No. 12/2026</translation>
    </message>
    <message>
        <source>Add the standard</source>
        <translation>Tambahkan standar</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistem</translation>
    </message>
</context>
</TS>
