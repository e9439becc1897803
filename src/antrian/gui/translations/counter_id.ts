<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Banner</name>
    <message>
        <source>«{action}» may not be saved yet; if not, it will be sent once when the database can be used again (it never happens twice).</source>
        <translation>«{action}» mungkin belum tersimpan; bila belum, akan dikirim sekali saat basis data dapat dipakai lagi (tidak akan terjadi dua kali).</translation>
    </message>
    <message>
        <source>Cancel the waiting action (Esc)</source>
        <translation>Batalkan tindakan yang menunggu (Esc)</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close Counter</source>
        <translation>Tutup Loket</translation>
    </message>
    <message>
        <source>Close counter {number} and log out? The counter makes no calls until it is opened.</source>
        <translation>Tutup loket {number} dan keluar? Loket tidak memanggil lagi sampai dibuka.</translation>
    </message>
    <message>
        <source>Close Counter (Enter)</source>
        <translation>Tutup Loket (Enter)</translation>
    </message>
</context>
<context>
    <name>CounterHeader</name>
    <message>
        <source>ON A BREAK: {reason}</source>
        <translation>ISTIRAHAT: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterLogin</name>
    <message>
        <source>Log in to the counter</source>
        <translation>Masuk ke Loket</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>{state} ({user})</source>
        <translation>{state} ({user})</translation>
    </message>
    <message>
        <source>Enter the username and password</source>
        <translation>Isi nama pengguna dan kata sandi</translation>
    </message>
    <message>
        <source>Choose a counter</source>
        <translation>Pilih loket</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Counter {number} is in use by {holder}</source>
        <translation>Loket {number} sedang dipakai {holder}</translation>
    </message>
</context>
<context>
    <name>CounterTexts</name>
    <message>
        <source>Call Next</source>
        <translation>Panggil Berikutnya</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Panggil Ulang</translation>
    </message>
    <message>
        <source>Start Serving</source>
        <translation>Mulai Layani</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Not Present</source>
        <translation>Tidak Hadir</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Tunda</translation>
    </message>
    <message>
        <source>Call Number</source>
        <translation>Panggil Nomor</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Open Counter</source>
        <translation>Buka Loket</translation>
    </message>
    <message>
        <source>Close Counter</source>
        <translation>Tutup Loket</translation>
    </message>
    <message>
        <source>Call Number…</source>
        <translation>Panggil Nomor…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Alihkan…</translation>
    </message>
    <message>
        <source>Break…</source>
        <translation>Istirahat…</translation>
    </message>
    <message>
        <source>{ticket} called</source>
        <translation>{ticket} dipanggil</translation>
    </message>
    <message>
        <source>{ticket} called again</source>
        <translation>{ticket} dipanggil ulang</translation>
    </message>
    <message>
        <source>{ticket} being served</source>
        <translation>{ticket} mulai dilayani</translation>
    </message>
    <message>
        <source>{ticket} served</source>
        <translation>{ticket} selesai dilayani</translation>
    </message>
    <message>
        <source>{ticket} marked not present</source>
        <translation>{ticket} ditandai tidak hadir</translation>
    </message>
    <message>
        <source>{ticket} on hold</source>
        <translation>{ticket} ditunda</translation>
    </message>
    <message>
        <source>{ticket} transferred</source>
        <translation>{ticket} dialihkan</translation>
    </message>
    <message>
        <source>CALLED</source>
        <translation>DIPANGGIL</translation>
    </message>
    <message>
        <source>BEING SERVED</source>
        <translation>SEDANG DILAYANI</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>BUKA</translation>
    </message>
    <message>
        <source>ON A BREAK</source>
        <translation>ISTIRAHAT</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <translation>TUTUP</translation>
    </message>
    <message>
        <source>Counter {number}</source>
        <translation>Loket {number}</translation>
    </message>
    <message>
        <source>another operator</source>
        <translation>petugas lain</translation>
    </message>
    <message>
        <source>under 1 minute</source>
        <translation>kurang dari 1 menit</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>One moment: logging in…</source>
        <translation>Tunggu sebentar: sedang masuk…</translation>
    </message>
    <message>
        <source>The last action has not finished; wait or cancel it first (Esc)</source>
        <translation>Tindakan terakhir belum selesai; tunggu atau batalkan dulu (Esc)</translation>
    </message>
    <message>
        <source>Antrian — Counter</source>
        <translation>Antrian — Loket</translation>
    </message>
    <message>
        <source>Antrian — Counter {number}</source>
        <translation>Antrian — Loket {number}</translation>
    </message>
    <message>
        <source>Antrian — Counter {number} — {user}</source>
        <translation>Antrian — Loket {number} — {user}</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>The previous action is still waiting for the database&apos;s answer</source>
        <translation>Tindakan sebelumnya masih menunggu jawaban basis data</translation>
    </message>
    <message>
        <source>The previous action is still waiting for the connection; cancel it first if need be</source>
        <translation>Tindakan sebelumnya masih menunggu koneksi; batalkan dulu bila perlu</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>{action}: {reason}</translation>
    </message>
    <message>
        <source>The waiting action was cancelled: it will not be sent again. If it was saved before the connection was lost, the screen shows it when the connection is back.</source>
        <translation>Tindakan yang menunggu dibatalkan: tidak dikirim lagi. Bila sudah tersimpan sebelum koneksi putus, tampilan akan menunjukkannya saat tersambung kembali.</translation>
    </message>
    <message>
        <source>Waiting for the database&apos;s answer… (slow or broken network)</source>
        <translation>Menunggu jawaban basis data… (jaringan lambat atau terputus)</translation>
    </message>
    <message>
        <source>The last action was already saved before the connection was lost (or the counter was changed from another PC); it is not repeated. The screen is up to date.</source>
        <translation>Tindakan terakhir sudah tersimpan sebelum koneksi putus (atau loket diubah dari PC lain); tidak diulang. Tampilan diperbarui.</translation>
    </message>
    <message>
        <source>Counter on a break: no calls until it is opened again (F10)</source>
        <translation>Loket istirahat: tidak memanggil sampai dibuka lagi (F10)</translation>
    </message>
    <message>
        <source>Counter open again</source>
        <translation>Loket buka kembali</translation>
    </message>
    <message>
        <source>Counter {number} closed</source>
        <translation>Loket {number} ditutup</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Counter {number} is still open.
It cannot be closed yet: {reason}.</source>
        <translation>Loket {number} masih buka.
Loket belum bisa ditutup: {reason}.</translation>
    </message>
    <message>
        <source>Counter {number} is still open. Close it before leaving?</source>
        <translation>Loket {number} masih buka. Tutup loket sebelum keluar?</translation>
    </message>
    <message>
        <source>Close Counter &amp;&amp; Leave (Enter)</source>
        <translation>Tutup Loket &amp;&amp; Keluar (Enter)</translation>
    </message>
    <message>
        <source>Leave, the counter stays open</source>
        <translation>Keluar, loket tetap buka</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup pesan</translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <source>on hold at this counter</source>
        <translation>ditunda di loket ini</translation>
    </message>
    <message>
        <source>not present earlier</source>
        <translation>tidak hadir tadi</translation>
    </message>
    <message>
        <source>waiting · {service}</source>
        <translation>menunggu · {service}</translation>
    </message>
    <message>
        <source>Call Number</source>
        <translation>Panggil Nomor</translation>
    </message>
    <message>
        <source>Queue number to call (for example A012):</source>
        <translation>Nomor antrean yang dipanggil (misalnya A012):</translation>
    </message>
    <message>
        <source>Call (Enter)</source>
        <translation>Panggil (Enter)</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>No number called yet</source>
        <translation>Belum ada nomor dipanggil</translation>
    </message>
    <message>
        <source>★ Priority service: {group}</source>
        <translation>★ Pelayanan Khusus: {group}</translation>
    </message>
    <message>
        <source>{status} · called again {n}×</source>
        <translation>{status} · dipanggil ulang {n}×</translation>
    </message>
    <message>
        <source>Waited {time}</source>
        <translation>Menunggu {time}</translation>
    </message>
    <message>
        <source>Called {time} ago</source>
        <translation>Dipanggil {time} lalu</translation>
    </message>
    <message>
        <source>Service standard for {service}: {standard}</source>
        <translation>Standar waktu layanan {service}: {standard}</translation>
    </message>
    <message>
        <source>Service time {elapsed} / standard {standard} ({share})</source>
        <translation>Waktu layanan {elapsed} / standar {standard} ({share})</translation>
    </message>
    <message>
        <source>Service time {elapsed} / standard {standard}</source>
        <translation>Waktu layanan {elapsed} / standar {standard}</translation>
    </message>
    <message>
        <source>Today at this counter: {served} served · average service time {average} · {missed} not present</source>
        <translation>Hari ini di loket ini: {served} selesai dilayani · rata-rata waktu layanan {average} · {missed} tidak hadir</translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation>{action} ({key})</translation>
    </message>
    <message>
        <source>Not possible now: {reason}</source>
        <translation>Tidak bisa sekarang: {reason}</translation>
    </message>
    <message>
        <source>Press F2 to call the next citizen</source>
        <translation>Tekan F2 untuk memanggil warga berikutnya</translation>
    </message>
    <message>
        <source>Counter on a break: press F10 to open it again</source>
        <translation>Loket istirahat: tekan F10 untuk membuka lagi</translation>
    </message>
    <message>
        <source>Counter closed: press F10 to open it</source>
        <translation>Loket tutup: tekan F10 untuk membukanya</translation>
    </message>
    <message>
        <source>Called again {n}× and the citizen has not come. Mark as not present? Press F6 (Not Present); the citizen can still be called by number later today.</source>
        <translation>Sudah dipanggil ulang {n}× dan warga belum datang. Tandai tidak hadir? Tekan F6 (Tidak Hadir); warga masih dapat dipanggil dengan nomornya nanti hari ini.</translation>
    </message>
    <message>
        <source>Called again {n}× and the citizen has not come. They can be marked as not present once the counter can act again.</source>
        <translation>Sudah dipanggil ulang {n}× dan warga belum datang. Warga dapat ditandai tidak hadir setelah loket dapat bertindak lagi.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Prayer</source>
        <translation>Salat</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Makan siang</translation>
    </message>
    <message>
        <source>Meeting / coordination</source>
        <translation>Rapat / koordinasi</translation>
    </message>
    <message>
        <source>System problem</source>
        <translation>Gangguan sistem</translation>
    </message>
    <message>
        <source>Why the counter stops calling:</source>
        <translation>Alasan loket berhenti memanggil:</translation>
    </message>
    <message>
        <source>Another reason (type it here)</source>
        <translation>Alasan lain (ketik di sini)</translation>
    </message>
    <message>
        <source>Take a Break (Enter)</source>
        <translation>Istirahat (Enter)</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Y</source>
        <comment>key: the claim is right</comment>
        <translation>Y</translation>
    </message>
    <message>
        <source>N</source>
        <comment>key: the claim is wrong</comment>
        <translation>T</translation>
    </message>
    <message>
        <source>Priority service</source>
        <translation>Pelayanan Khusus</translation>
    </message>
    <message>
        <source>{ticket} took a priority service number: {group}.
Is this citizen really in that group?</source>
        <translation>{ticket} mengambil Pelayanan Khusus: {group}.
Apakah warga ini memang termasuk kelompok tersebut?</translation>
    </message>
    <message>
        <source>Yes, correct ({key})</source>
        <translation>Ya, sesuai ({key})</translation>
    </message>
    <message>
        <source>Not correct ({key})</source>
        <translation>Tidak sesuai ({key})</translation>
    </message>
</context>
<context>
    <name>QueueLists</name>
    <message>
        <source>Waiting: {total}, the first {shown} shown (▶ called next)</source>
        <translation>Menunggu: {total} orang, {shown} pertama ditampilkan (▶ dipanggil berikutnya)</translation>
    </message>
    <message>
        <source>Waiting: none</source>
        <translation>Menunggu: tidak ada</translation>
    </message>
    <message>
        <source>Waiting: {total} (▶ called next)</source>
        <translation>Menunggu: {total} orang (▶ dipanggil berikutnya)</translation>
    </message>
    <message>
        <source>On hold / not present at this counter (Enter or double-click: call)</source>
        <translation>Ditunda / tidak hadir di loket ini (Enter atau klik dua kali: panggil)</translation>
    </message>
    <message>
        <source>On hold / not present at this counter</source>
        <translation>Ditunda / tidak hadir di loket ini</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Nobody is waiting</source>
        <translation>Tidak ada yang menunggu</translation>
    </message>
    <message>
        <source>No number on hold or not present at this counter today</source>
        <translation>Hari ini tidak ada nomor yang ditunda atau tidak hadir di loket ini</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <source>Transfer {ticket} to the service (type its code or click; the number and its place stay):</source>
        <translation>Alihkan {ticket} ke layanan (ketik kodenya atau klik; nomor dan urutannya tetap):</translation>
    </message>
    <message>
        <source>Transfer (Enter)</source>
        <translation>Alihkan (Enter)</translation>
    </message>
</context>
<context>
    <name>TakeoverDialog</name>
    <message>
        <source>Counter in use</source>
        <translation>Loket sedang dipakai</translation>
    </message>
    <message>
        <source>on a break since {time}</source>
        <translation>istirahat sejak {time}</translation>
    </message>
    <message>
        <source>open since {time}</source>
        <translation>buka sejak {time}</translation>
    </message>
    <message>
        <source>Counter {number} is in use by {holder} ({state}).

If you take it over, {holder} can no longer call or serve at this counter. Take it over only if {holder} has left it.</source>
        <translation>Loket {number} sedang dipakai {holder} ({state}).

Jika Anda mengambil alih, {holder} tidak dapat lagi memanggil atau melayani di loket ini. Ambil alih hanya jika {holder} sudah meninggalkannya.</translation>
    </message>
    <message>
        <source>Take Over Counter {number}</source>
        <translation>Ambil Alih Loket {number}</translation>
    </message>
    <message>
        <source>Cancel, choose another counter (Esc)</source>
        <translation>Batal, pilih loket lain (Esc)</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <source>Priority service</source>
        <translation>Pelayanan Khusus</translation>
    </message>
</context>
<context>
    <name>VoiceMark</name>
    <message>
        <source>Calls are not heard</source>
        <translation>Panggilan tidak bersuara</translation>
    </message>
    <message>
        <source>• Display {name}: {cause}</source>
        <translation>• Layar {name}: {cause}</translation>
    </message>
    <message>
        <source>The waiting-room display cannot speak, so citizens do not hear their number called. Call them aloud and tell the admin.
{causes}</source>
        <translation>Layar ruang tunggu tidak dapat bersuara, jadi warga tidak mendengar nomornya dipanggil. Panggil warga dengan suara Anda dan beri tahu admin.
{causes}</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
</context>
</TS>
