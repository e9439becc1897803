"""The admin window and its pages (``antrian admin``)."""
