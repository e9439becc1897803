<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>SurveyWindow</name>
    <message>
        <source>Antrian — Satisfaction Survey</source>
        <translation>Antrian — Survei Kepuasan Masyarakat</translation>
    </message>
    <message>
        <source>Answers cannot be saved right now. Please tell the staff.</source>
        <translation>Jawaban belum dapat disimpan saat ini. Mohon beri tahu petugas.</translation>
    </message>
    <message>
        <source>How was our service today?</source>
        <translation>Bagaimana pelayanan kami hari ini?</translation>
    </message>
    <message>
        <source>Help us serve you better: a few short questions, about one minute.</source>
        <translation>Bantu kami melayani lebih baik: beberapa pertanyaan singkat, sekitar satu menit.</translation>
    </message>
    <message>
        <source>When your service at counter {counter} is finished, you can rate it here.</source>
        <translation>Setelah pelayanan Anda di loket {counter} selesai, Anda dapat menilainya di sini.</translation>
    </message>
    <message>
        <source>Rate our service</source>
        <translation>Nilai pelayanan kami</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>A few short questions, about one minute. The staff who served you never see your answers.</source>
        <translation>Beberapa pertanyaan singkat, sekitar satu menit. Petugas yang melayani Anda tidak pernah melihat jawaban Anda.</translation>
    </message>
    <message>
        <source>Which service did you come for?</source>
        <translation>Layanan apa yang Anda terima hari ini?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Your suggestion</source>
        <translation>Saran Anda</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <source>Your answers help us improve our service.</source>
        <translation>Jawaban Anda membantu kami memperbaiki pelayanan.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>How was our service for {ticket}?</source>
        <translation>Bagaimana pelayanan kami untuk {ticket}?</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Boleh dilewati</translation>
    </message>
    <message>
        <source>Additional question</source>
        <translation>Pertanyaan tambahan</translation>
    </message>
    <message>
        <source>About you (optional)</source>
        <translation>Tentang Anda (boleh dilewati)</translation>
    </message>
    <message>
        <source>Suggestion (optional)</source>
        <translation>Saran (boleh dilewati)</translation>
    </message>
    <message>
        <source>What could we do better? Write it here, or touch Send.</source>
        <translation>Apa yang dapat kami perbaiki? Tulis di sini, atau sentuh Kirim.</translation>
    </message>
    <message>
        <source>Your gender</source>
        <translation>Jenis kelamin Anda</translation>
    </message>
    <message>
        <source>Your age</source>
        <translation>Usia Anda</translation>
    </message>
    <message>
        <source>Your highest education</source>
        <translation>Pendidikan terakhir Anda</translation>
    </message>
    <message>
        <source>Your occupation</source>
        <translation>Pekerjaan Anda</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Lanjut</translation>
    </message>
</context>
</TS>
