<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>On a public holiday the kiosk gives no numbers and the counters stay closed. During a break the kiosk&apos;s services close and the display says until when.</source>
        <translation>Pada hari libur nasional anjungan tidak memberi nomor dan loket tetap tutup. Selama jam istirahat layanan di anjungan ditutup dan layar display menyebutkan sampai kapan.</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Hari libur nasional</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>e.g. Hari Raya Idulfitri</source>
        <translation>misalnya Hari Raya Idulfitri</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>Tambah hari libur</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <source>Breaks every week</source>
        <translation>Jam istirahat mingguan</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Setiap hari</translation>
    </message>
    <message>
        <source>until</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>e.g. Istirahat siang, Salat Jumat</source>
        <translation>misalnya Istirahat siang, Salat Jumat</translation>
    </message>
    <message>
        <source>Add break</source>
        <translation>Tambah jam istirahat</translation>
    </message>
    <message>
        <source>No breaks yet.</source>
        <translation>Belum ada jam istirahat.</translation>
    </message>
    <message>
        <source>No holidays in {year}.</source>
        <translation>Tidak ada hari libur pada tahun {year}.</translation>
    </message>
    <message>
        <source>Holiday added: {day}, {name}</source>
        <translation>Hari libur ditambahkan: {day}, {name}</translation>
    </message>
    <message>
        <source>Choose the holiday to remove in the list first.</source>
        <translation>Pilih dulu hari libur yang akan dihapus di daftar.</translation>
    </message>
    <message>
        <source>Holiday removed: {day}, {name}</source>
        <translation>Hari libur dihapus: {day}, {name}</translation>
    </message>
    <message>
        <source>Break added: {name}, {starts}-{ends}, {days}</source>
        <translation>Jam istirahat ditambahkan: {name}, {starts}-{ends}, {days}</translation>
    </message>
    <message>
        <source>Choose the break to remove in the list first.</source>
        <translation>Pilih dulu jam istirahat yang akan dihapus di daftar.</translation>
    </message>
    <message>
        <source>Break removed: {name}, {day} {starts}-{ends}</source>
        <translation>Jam istirahat dihapus: {name}, {day} {starts}-{ends}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Printer of this PC</source>
        <translation>Printer PC ini</translation>
    </message>
    <message>
        <source>The ticket printer of the kiosk on this PC. It is kept in this PC&apos;s settings file, not in the office database: set it on each kiosk PC.</source>
        <translation>Printer tiket anjungan di PC ini. Disimpan di berkas pengaturan PC ini, bukan di basis data kantor: aturlah di setiap PC anjungan.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Kiosk printer</source>
        <translation>Printer anjungan</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Berkas pengaturan</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Tes cetak</translation>
    </message>
    <message>
        <source>no printer, unless it is started with --printer</source>
        <translation>tidak ada printer, kecuali dijalankan dengan --printer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>How to name the printer</source>
        <translation>Cara menulis printer</translation>
    </message>
    <message>
        <source>system or system:NAME (a printer installed in the operating system)</source>
        <translation>system atau system:NAMA (printer yang terpasang di sistem operasi)</translation>
    </message>
    <message>
        <source>pdf:FOLDER (each ticket as a PDF file, for trying the kiosk out)</source>
        <translation>pdf:FOLDER (setiap tiket sebagai berkas PDF, untuk mencoba anjungan)</translation>
    </message>
    <message>
        <source>Left empty, the kiosk prints no tickets unless it is started with --printer. The --printer option and ANTRIAN_PRINTER override this setting.</source>
        <translation>Bila dikosongkan, anjungan tidak mencetak tiket kecuali dijalankan dengan --printer. Opsi --printer dan ANTRIAN_PRINTER mengalahkan pengaturan ini.</translation>
    </message>
    <message>
        <source>{path} (not made yet)</source>
        <translation>{path} (belum dibuat)</translation>
    </message>
    <message>
        <source>Saved in {path}. A kiosk started on this PC from now on prints to {printer}.</source>
        <translation>Disimpan di {path}. Anjungan yang dijalankan di PC ini mulai sekarang mencetak ke {printer}.</translation>
    </message>
    <message>
        <source>Enter the printer first.</source>
        <translation>Isi printernya dulu.</translation>
    </message>
    <message>
        <source>The last test slip is still being printed; wait a moment.</source>
        <translation>Slip uji sebelumnya masih dicetak; tunggu sebentar.</translation>
    </message>
    <message>
        <source>Printing a test slip on {printer}…</source>
        <translation>Mencetak slip uji di {printer}…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>You can view these settings; only an administrator can change them.</source>
        <translation>Anda dapat melihat pengaturan ini; hanya administrator yang dapat mengubahnya.</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <source>Display and voice</source>
        <translation>Layar dan suara</translation>
    </message>
    <message>
        <source>How every display of the office calls the numbers. Saved settings reach the open displays within a second.</source>
        <translation>Cara setiap layar display kantor memanggil nomor. Pengaturan yang disimpan sampai ke layar yang sedang terbuka dalam sedetik.</translation>
    </message>
    <message>
        <source>How calls are spoken</source>
        <translation>Cara panggilan diucapkan</translation>
    </message>
    <message>
        <source>Speak the calls</source>
        <translation>Ucapkan panggilan</translation>
    </message>
    <message>
        <source>Whole number: A123 is “a seratus dua puluh tiga”</source>
        <translation>Bilangan utuh: A123 dibaca “a seratus dua puluh tiga”</translation>
    </message>
    <message>
        <source>Digit by digit: A123 is “a satu dua tiga”</source>
        <translation>Per angka: A123 dibaca “a satu dua tiga”</translation>
    </message>
    <message>
        <source>Reading the number</source>
        <translation>Cara membaca nomor</translation>
    </message>
    <message>
        <source>1.00 is the speech engine&apos;s normal speed; offices use about 0.7-0.8</source>
        <translation>1,00 adalah kecepatan normal mesin suara; kantor biasanya memakai sekitar 0,7-0,8</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Kecepatan</translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> kali</translation>
    </message>
    <message>
        <source>Say each call</source>
        <translation>Ucapkan setiap panggilan</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Play the chime before each call</source>
        <translation>Bunyikan nada sebelum setiap panggilan</translation>
    </message>
    <message>
        <source>Say the service&apos;s name too</source>
        <translation>Sebutkan juga nama layanannya</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Sample call</source>
        <translation>Contoh panggilan</translation>
    </message>
    <message>
        <source>Test voice speaks the sample call on this PC&apos;s speakers with the settings shown here, before they are saved.</source>
        <translation>Tes suara mengucapkan contoh panggilan di pengeras suara PC ini dengan pengaturan yang tampil di sini, sebelum disimpan.</translation>
    </message>
    <message>
        <source>Test voice</source>
        <translation>Tes suara</translation>
    </message>
    <message>
        <source>Ticket {number} called to counter {counter}:</source>
        <translation>Tiket {number} dipanggil ke loket {counter}:</translation>
    </message>
    <message>
        <source>chime</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>the sentence</source>
        <translation>kalimat</translation>
    </message>
    <message>
        <source>The display plays: {steps}.</source>
        <translation>Layar display memutar: {steps}.</translation>
    </message>
    <message>
        <source>Calls are not spoken; the display only shows them.</source>
        <translation>Panggilan tidak diucapkan; layar display hanya menampilkannya.</translation>
    </message>
    <message>
        <source>Saved. The displays speak with these settings from the next call.</source>
        <translation>Tersimpan. Layar display memakai pengaturan ini mulai panggilan berikutnya.</translation>
    </message>
    <message>
        <source>Speaking the sample call on this PC…</source>
        <translation>Mengucapkan contoh panggilan di PC ini…</translation>
    </message>
    <message>
        <source>The sample call was spoken on this PC.</source>
        <translation>Contoh panggilan sudah diucapkan di PC ini.</translation>
    </message>
    <message>
        <source>The sample call could not be played; see the log.</source>
        <translation>Contoh panggilan tidak dapat diputar; lihat log.</translation>
    </message>
    <message>
        <source>Not spoken on this PC: {problem}</source>
        <translation>Tidak diucapkan di PC ini: {problem}</translation>
    </message>
</context>
</TS>
