"""The display's colours: light text on a dark blue room-facing screen, the fresh call in amber."""

STYLE = """
QWidget#display { background: #0b1f3a; }
QLabel { color: #f5f7fa; }
QFrame#callPanel { background: #12305a; border-radius: 18px; }
QFrame#callPanel[fresh="true"] { background: #f2b705; }
QFrame#callPanel[fresh="true"] QLabel { color: #0b1f3a; }
QLabel#callNumber { font-weight: 800; }
QLabel#heading, QLabel#page { color: #9fb3cc; font-weight: 600; }
QLabel#callIdle { color: #c9d6e6; }
QFrame.counter { background: #163a6b; border-radius: 12px; }
QFrame.counter[state="paused"] { background: #4a3b12; }
QFrame.counter[state="closed"] { background: #2a2f36; }
QFrame.counter[state="closed"] QLabel { color: #9aa5b4; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 6px; }
QLabel#voiceStatus { color: #0b1f3a; background: #f2b705; border-radius: 6px; padding: 2px 8px; }
QLabel#recent { background: #12305a; border-radius: 8px; }
QFrame#waitingRow { background: #12305a; border-radius: 8px; }
QFrame#bottomBar { background: #06162b; }
"""
TEXT_COLOR = "#f5f7fa"
