"""The Qt Designer forms compiled from ``ui/*.ui`` by ``scripts/forms.py build`` (generated: never edit a
``*_ui.py`` by hand; ``tests/test_forms.py`` fails when one is out of date with its form)."""
