<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminPage</name>
    <message>
        <source>At least 8 characters; longer, mixing upper and lower case, digits and signs, is stronger.</source>
        <translation>Paling sedikit 8 karakter; lebih panjang, dengan huruf besar dan kecil, angka, dan tanda, lebih kuat.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Lemah</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Cukup</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Kuat</translation>
    </message>
    <message>
        <source>shorter than 8 characters</source>
        <translation>kurang dari 8 karakter</translation>
    </message>
    <message>
        <source>the same as the username</source>
        <translation>sama dengan nama pengguna</translation>
    </message>
    <message>
        <source>one of the first passwords anyone would guess</source>
        <translation>termasuk kata sandi yang pertama ditebak orang</translation>
    </message>
    <message>
        <source>digits only</source>
        <translation>hanya angka</translation>
    </message>
    <message>
        <source>one or two characters repeated</source>
        <translation>satu atau dua karakter yang diulang</translation>
    </message>
    <message>
        <source>a run such as abcdefgh or 12345678</source>
        <translation>deretan seperti abcdefgh atau 12345678</translation>
    </message>
    <message>
        <source>longer, or mixing upper and lower case, digits and signs, is stronger</source>
        <translation>lebih panjang, atau dengan huruf besar dan kecil, angka, dan tanda, lebih kuat</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice</source>
        <translation>Kedua kata sandi berbeda: ketik kata sandi yang sama dua kali</translation>
    </message>
    <message>
        <source>The administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>The admin sets up the office, its staff and their roles; keep this password safe.</source>
        <translation>Admin mengatur kantor, petugas, dan perannya; simpan kata sandi ini baik-baik.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kekuatan</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <source>Services: {0}</source>
        <translation>Layanan: {0}</translation>
    </message>
    <message>
        <source>Counter {0}</source>
        <translation>Loket {0}</translation>
    </message>
    <message>
        <source>codes, the main service first: A, B</source>
        <translation>kode, layanan utama lebih dulu: A, B</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Each counter calls the services it serves, the main service first.</source>
        <translation>Setiap loket memanggil layanan yang dilayaninya, layanan utama lebih dulu.</translation>
    </message>
    <message>
        <source>Type the codes of the services each counter serves, separated by commas, in the order it calls them: its main service first. At least one counter.</source>
        <translation>Ketik kode layanan yang dilayani setiap loket, dipisah koma, menurut urutan pemanggilan: layanan utamanya lebih dulu. Paling sedikit satu loket.</translation>
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
        <source>Services served (main first)</source>
        <translation>Layanan yang dilayani (utama lebih dulu)</translation>
    </message>
    <message>
        <source>Add a counter</source>
        <translation>Tambah loket</translation>
    </message>
    <message>
        <source>Remove the selected counter</source>
        <translation>Hapus loket yang dipilih</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Kiosk PC (ticket machine)</source>
        <translation>PC kios (mesin tiket)</translation>
    </message>
    <message>
        <source>PC of counter {0}</source>
        <translation>PC loket {0}</translation>
    </message>
    <message>
        <source>Display PC (waiting room screen)</source>
        <translation>PC layar (layar ruang tunggu)</translation>
    </message>
    <message>
        <source>Supervisor&apos;s PC</source>
        <translation>PC supervisor</translation>
    </message>
    <message>
        <source>Administration (any PC)</source>
        <translation>Administrasi (PC mana saja)</translation>
    </message>
    <message>
        <source>Log in to the admin window as &lt;b&gt;{0}&lt;/b&gt; to add the staff (operators, supervisor).</source>
        <translation>Masuk ke jendela admin sebagai &lt;b&gt;{0}&lt;/b&gt; untuk menambahkan petugas (operator, supervisor).</translation>
    </message>
    <message>
        <source>This office&apos;s database is a file on this PC ({0}): the windows above work on this PC only. For several PCs, create a PostgreSQL database on a server of the office&apos;s network, then on every PC put &lt;code&gt;database = &quot;postgresql://antrian@SERVER/antrian&quot;&lt;/code&gt; in the settings file that &lt;code&gt;antrian config-path&lt;/code&gt; names (or pass &lt;code&gt;--db URL&lt;/code&gt;).</source>
        <translation>Basis data kantor ini berupa berkas di PC ini ({0}): jendela di atas hanya berjalan di PC ini. Untuk beberapa PC, buat basis data PostgreSQL di server jaringan kantor, lalu di setiap PC tulis &lt;code&gt;database = &quot;postgresql://antrian@SERVER/antrian&quot;&lt;/code&gt; di berkas pengaturan yang ditunjukkan &lt;code&gt;antrian config-path&lt;/code&gt; (atau berikan &lt;code&gt;--db URL&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>Every PC of the office uses this database ({0}): put its URL in the settings file that &lt;code&gt;antrian config-path&lt;/code&gt; names (or pass &lt;code&gt;--db URL&lt;/code&gt;).</source>
        <translation>Setiap PC kantor memakai basis data ini ({0}): tulis URL-nya di berkas pengaturan yang ditunjukkan &lt;code&gt;antrian config-path&lt;/code&gt; (atau berikan &lt;code&gt;--db URL&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>Finish opens the window you started: &lt;code&gt;antrian {0}&lt;/code&gt;.</source>
        <translation>Selesai membuka jendela yang Anda jalankan: &lt;code&gt;antrian {0}&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>The office {0} is ready. Open these windows:</source>
        <translation>Kantor {0} siap. Buka jendela berikut:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>Which window to open on which PC</source>
        <translation>Jendela mana dibuka di PC mana</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>The office&apos;s logo</source>
        <translation>Logo kantor</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>The file could not be read: {0}</source>
        <translation>Berkas tidak dapat dibaca: {0}</translation>
    </message>
    <message>
        <source>No logo: Antrian&apos;s emblem is shown</source>
        <translation>Tanpa logo: lambang Antrian yang ditampilkan</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>As the kiosk, the display and the tickets will show it.</source>
        <translation>Seperti yang akan ditampilkan kios, layar, dan tiket.</translation>
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
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>for example: Disdukcapil Kota Makassar</source>
        <translation>misalnya: Disdukcapil Kota Makassar</translation>
    </message>
    <message>
        <source>WIB, Western Indonesia Time (Jakarta, Sumatra, Java, West Kalimantan)</source>
        <translation>WIB, Waktu Indonesia Barat (Jakarta, Sumatra, Jawa, Kalimantan Barat)</translation>
    </message>
    <message>
        <source>WITA, Central Indonesia Time (Bali, Nusa Tenggara, Sulawesi, Makassar)</source>
        <translation>WITA, Waktu Indonesia Tengah (Bali, Nusa Tenggara, Sulawesi, Makassar)</translation>
    </message>
    <message>
        <source>WIT, Eastern Indonesia Time (Maluku, Papua, Jayapura)</source>
        <translation>WIT, Waktu Indonesia Timur (Maluku, Papua, Jayapura)</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Tanpa logo</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>{0} is not a time of day (HH:MM)</source>
        <translation>{0} bukan jam (JJ:MM)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>menit</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>jam</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>hari kerja</translation>
    </message>
    <message>
        <source>Mon-Fri</source>
        <translation>Sen-Jum</translation>
    </message>
    <message>
        <source>Mon-Sat</source>
        <translation>Sen-Sab</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Setiap hari</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>for example: KTP Elektronik</source>
        <translation>misalnya: KTP Elektronik</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>The services the kiosk offers (at least one; more can be added later).</source>
        <translation>Layanan yang ditawarkan kios (paling sedikit satu; yang lain bisa ditambahkan nanti).</translation>
    </message>
    <message>
        <source>Code: 1-3 letters, the start of each ticket number (A001). Standard time: the published service standard. Waiting target: minutes a visitor should wait at most. Opening and closing: HH:MM, or empty for the office&apos;s hours. Quota: tickets a day.</source>
        <translation>Kode: 1-3 huruf, awal setiap nomor tiket (A001). Waktu standar: standar pelayanan yang diumumkan. Target tunggu: paling lama berapa menit pengunjung menunggu. Buka dan tutup: JJ:MM, atau kosong untuk jam kantor. Kuota: tiket per hari.</translation>
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
        <source>Standard time</source>
        <translation>Waktu standar</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <source>Waiting target (min)</source>
        <translation>Target tunggu (menit)</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Quota per day</source>
        <translation>Kuota per hari</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Tambah layanan</translation>
    </message>
    <message>
        <source>Remove the selected service</source>
        <translation>Hapus layanan yang dipilih</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Counter {0}</source>
        <translation>Loket {0}</translation>
    </message>
    <message>
        <source>own logo</source>
        <translation>logo sendiri</translation>
    </message>
    <message>
        <source>Antrian&apos;s emblem</source>
        <translation>lambang Antrian</translation>
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
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>menit</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>jam</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>hari kerja</translation>
    </message>
    <message>
        <source>standard {0} {1}</source>
        <translation>standar {0} {1}</translation>
    </message>
    <message>
        <source>waiting target {0} minutes</source>
        <translation>target tunggu {0} menit</translation>
    </message>
    <message>
        <source>Antrian: setting up the office</source>
        <translation>Antrian: menyiapkan kantor</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Berikutnya &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>Baris {0}: {1}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Check what will be saved; it can all be changed later in the admin window.</source>
        <translation>Periksa yang akan disimpan; semuanya bisa diubah nanti di jendela admin.</translation>
    </message>
    <message>
        <source>Set up the office</source>
        <translation>Siapkan kantor</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Antrian</source>
        <translation>Selamat datang di Antrian</translation>
    </message>
    <message>
        <source>This office has not been set up yet.</source>
        <translation>Kantor ini belum disiapkan.</translation>
    </message>
    <message>
        <source>In a few steps you give the office its name, address, logo and time zone, its first services and counters, and the administrator&apos;s password. Nothing is saved until you confirm the summary at the end; everything can be changed later in the admin window.</source>
        <translation>Dalam beberapa langkah Anda memberi kantor nama, alamat, logo, dan zona waktu, layanan dan loket pertamanya, serta kata sandi administrator. Tidak ada yang disimpan sebelum Anda menyetujui ringkasan di akhir; semuanya bisa diubah nanti di jendela admin.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
</context>
</TS>
