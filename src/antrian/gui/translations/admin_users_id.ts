<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <source>Who changed what, logged in or was refused, when and from which PC; nothing here can change.</source>
        <translation>Siapa mengubah apa, masuk atau ditolak, kapan dan dari komputer mana; isi halaman ini tidak dapat diubah.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>semua pengguna</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Objek</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Lama → baru</translation>
    </message>
    <message>
        <source>Entries: {n}</source>
        <translation>Entri: {n}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Only an admin may change users; you can read this page.</source>
        <translation>Hanya admin yang dapat mengubah pengguna; Anda dapat membaca halaman ini.</translation>
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
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Save name and role</source>
        <translation>Simpan nama dan peran</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>wajib ganti kata sandi</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Password of {user}, shown only now: {password}</source>
        <translation>Kata sandi {user}, hanya ditampilkan sekarang: {password}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
</context>
</TS>
