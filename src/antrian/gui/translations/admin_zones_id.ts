<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ZonesPage</name>
    <message>
        <source>Read only: only an admin changes the zones.</source>
        <translation>Hanya baca: hanya admin yang mengubah zona.</translation>
    </message>
    <message>
        <source>A zone is an agency of a Mal Pelayanan Publik. A counter of a zone serves only its zone&apos;s services; a kiosk or display PC can be limited to its zones (zones = [...] in its settings file) and reports can be filtered by zone.</source>
        <translation>Zona adalah satu instansi di Mal Pelayanan Publik. Loket suatu zona hanya melayani layanan zonanya; PC kios atau layar dapat dibatasi pada zonanya (zones = [...] di berkas pengaturannya) dan laporan dapat disaring per zona.</translation>
    </message>
    <message>
        <source>New zone</source>
        <translation>Zona baru</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
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
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <source>for example DUKCAPIL</source>
        <translation>misalnya DUKCAPIL</translation>
    </message>
    <message>
        <source>Save zone</source>
        <translation>Simpan zona</translation>
    </message>
    <message>
        <source>Remove zone</source>
        <translation>Hapus zona</translation>
    </message>
    <message>
        <source>Services and counters of this zone (tick to include)</source>
        <translation>Layanan dan loket zona ini (centang untuk memasukkan)</translation>
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
        <source>Save services and counters</source>
        <translation>Simpan layanan dan loket</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>{text} (zone {zone})</source>
        <translation>{text} (zona {zone})</translation>
    </message>
    <message>
        <source>Zone {code} saved.</source>
        <translation>Zona {code} disimpan.</translation>
    </message>
    <message>
        <source>Zone {code} removed.</source>
        <translation>Zona {code} dihapus.</translation>
    </message>
    <message>
        <source>Services and counters of zone {code} saved.</source>
        <translation>Layanan dan loket zona {code} disimpan.</translation>
    </message>
</context>
</TS>
