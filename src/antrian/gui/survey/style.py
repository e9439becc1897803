"""The survey window's look: the kiosk's colours (a dark blue room, light buttons, the yellow of a choice),
and the answer levels' colours from red (1) to green (4), each with its number, never colour alone."""

STYLE = """
QWidget#survey { background: #0b1f3a; }
QLabel { color: #f5f7fa; }
QLabel#title, QLabel#thanks { color: #f2b705; }
QLabel#tag { color: #aebbd0; }
QLabel#progress { color: #f2b705; }
QLabel#problem { background: #b3261e; color: white; border-radius: 12px; padding: 16px; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 8px; }
QProgressBar { background: #12305a; border: none; border-radius: 6px; }
QProgressBar::chunk { background: #f2b705; border-radius: 6px; }
QPushButton { background: #f5f7fa; color: #0b1f3a; border: none; border-radius: 18px; padding: 10px; }
QPushButton:pressed { background: #f2b705; }
QPushButton:disabled { background: #2a2f36; color: #9aa4b0; }
QPushButton#start, QPushButton#next { background: #f2b705; color: #0b1f3a; }
QPushButton#next:disabled { background: #1a2738; color: #5d6b7c; }
QPushButton#secondary { background: #12305a; color: white; }
QPushButton#secondary:disabled { background: #1a2738; color: #5d6b7c; }
QPushButton#level, QPushButton#choice { border: 4px solid #f5f7fa; }
QPushButton#level:checked, QPushButton#choice:checked { background: #f2b705; border: 6px solid white; }
QLabel#levelWords { color: #0b1f3a; }
QLabel#level1 { background: #c0392b; color: white; }
QLabel#level2 { background: #e67e22; color: white; }
QLabel#level3 { background: #7cb342; color: white; }
QLabel#level4 { background: #1e7a46; color: white; }
QPlainTextEdit#suggestion { background: #f5f7fa; color: #0b1f3a; border-radius: 12px; padding: 12px; }
"""
