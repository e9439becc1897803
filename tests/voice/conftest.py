"""Voice fixtures live in tests/conftest.py (audio_sink), shared with the end-to-end tests."""
